package tujie

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// FontEnv names an environment variable that may give the font file the
// PNG is drawn with, for the workstation (the command line has --font).
const FontEnv = "NIANBAO_FONT"

// Font is a Chinese font read from a file.
type Font struct {
	Path string
	Name string
	f    *sfnt.Font
}

// probe is text every Chinese font for the 图解 must draw.
const probe = "政府信息公开工作年度报告图解申请予以部分不公开复议诉讼维持纠正结转０123%"

// preferred lists font files by name (lower case), best first: the
// Windows fonts every office PC has, then the fonts of Kylin/UOS and other
// Linux systems. A collection's Simplified Chinese face is chosen.
var preferred = []string{
	"msyh.ttc", "msyh.ttf", "simhei.ttf", "deng.ttf", "simsun.ttc", "simsun.ttf", "simkai.ttf", "simfang.ttf",
	"notosanscjk-regular.ttc", "notosanscjksc-regular.otf", "notosanssc-regular.otf", "notosanssc-regular.ttf",
	"sourcehansanssc-regular.otf", "sourcehansanscn-regular.otf", "sourcehansans-regular.ttc",
	"wqy-microhei.ttc", "wqy-zenhei.ttc", "notoserifcjk-regular.ttc", "droidsansfallbackfull.ttf",
	"droidsansfallback.ttf", "uming.ttc", "ukai.ttc", "pingfang.ttc", "hiragino sans gb.ttc", "stheiti medium.ttc",
}

// FontDirs lists the folders searched for a font: the Windows font folders
// (system and per-user), the Linux ones (system, local, per-user) and the
// macOS ones.
func FontDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	if runtime.GOOS == "windows" {
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	}
	dirs = append(dirs, "/usr/share/fonts", "/usr/local/share/fonts")
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		dirs = append(dirs, filepath.Join(x, "fonts"))
	}
	if home != "" {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
	}
	if runtime.GOOS == "darwin" {
		dirs = append(dirs, "/System/Library/Fonts", "/Library/Fonts")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
	}
	return dirs
}

// ErrNoFont says that no Chinese font was found.
var ErrNoFont = errors.New("没有找到可用的中文字体")

// FindFont returns the font to draw the PNG with: the file named (by the
// user; an error when it cannot be used), else the file named by
// NIANBAO_FONT (likewise), else the best Chinese font in FontDirs. ErrNoFont when
// there is none.
func FindFont(named string) (*Font, error) {
	if named = strings.TrimSpace(named); named != "" {
		return LoadFont(named)
	}
	if env := strings.TrimSpace(os.Getenv(FontEnv)); env != "" {
		return LoadFont(env)
	}
	return searchFont(FontDirs())
}

func searchFont(dirs []string) (*Font, error) {
	byName := map[string]string{}
	var others []string
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if e != nil && e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				if strings.Count(strings.TrimPrefix(p, d), string(filepath.Separator)) > 4 {
					return fs.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttf", ".ttc", ".otf", ".otc":
			default:
				return nil
			}
			name := strings.ToLower(e.Name())
			if _, ok := byName[name]; !ok {
				byName[name] = p
			}
			// Chinese fonts are large; a small file cannot hold the
			// thousands of glyphs a report needs.
			if info, err := e.Info(); err == nil && info.Size() > 3<<20 {
				others = append(others, p)
			}
			return nil
		})
	}
	tried := map[string]bool{}
	for _, n := range preferred {
		if p, ok := byName[n]; ok {
			tried[p] = true
			if f, err := LoadFont(p); err == nil {
				return f, nil
			}
		}
	}
	sort.Strings(others)
	for i, p := range others {
		if i >= 20 {
			break
		}
		if tried[p] {
			continue
		}
		if f, err := LoadFont(p); err == nil {
			return f, nil
		}
	}
	return nil, ErrNoFont
}

// LoadFont reads a TrueType or CFF font, or a collection of them (.ttc,
// .otc), and picks the face that draws Simplified Chinese. Collections whose
// tables are not 4-byte aligned (wqy-zenhei.ttc, the arphic fonts), which
// golang.org/x/image refuses, are repacked in memory first.
func LoadFont(path string) (*Font, error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("找不到字体文件「%s」", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("没有权限读取字体文件「%s」", path)
	case err != nil:
		return nil, fmt.Errorf("无法读取字体文件「%s」", path)
	}
	faces, err := parseFaces(data)
	if err != nil {
		return nil, fmt.Errorf("字体文件「%s」无法使用：%v", path, err)
	}
	var buf sfnt.Buffer
	best, bestScore := -1, -1
	for i, f := range faces {
		if !covers(f, &buf, probe) {
			continue
		}
		name, _ := f.Name(&buf, sfnt.NameIDFull)
		score := 1
		for _, k := range []string{" SC", "SC ", "GB", "CN", "Hans"} {
			if strings.Contains(name, k) {
				score = 3
			}
		}
		if strings.Contains(name, "Mono") {
			score--
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return nil, fmt.Errorf("字体文件「%s」不含中文字形，请换一个中文字体（如微软雅黑 msyh.ttc、黑体 simhei.ttf）", path)
	}
	name, _ := faces[best].Name(&buf, sfnt.NameIDFull)
	return &Font{Path: path, Name: name, f: faces[best]}, nil
}

func covers(f *sfnt.Font, buf *sfnt.Buffer, s string) bool {
	for _, r := range s {
		if g, err := f.GlyphIndex(buf, r); err != nil || g == 0 {
			return false
		}
	}
	return true
}

func parseFaces(data []byte) ([]*sfnt.Font, error) {
	faces, err := parseAll(data)
	if err == nil {
		return faces, nil
	}
	fixed, ferr := realign(data)
	if ferr != nil {
		return nil, err
	}
	var all []*sfnt.Font
	for _, d := range fixed {
		f, perr := sfnt.Parse(d)
		if perr != nil {
			return nil, perr
		}
		all = append(all, f)
	}
	return all, nil
}

func parseAll(data []byte) ([]*sfnt.Font, error) {
	c, err := sfnt.ParseCollection(data)
	if err != nil {
		return nil, err
	}
	var out []*sfnt.Font
	for i := 0; i < c.NumFonts(); i++ {
		f, err := c.Font(i)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// realign copies each font of a collection (or a single font) into a font
// file of its own whose tables start on 4-byte boundaries, as the OpenType
// specification asks and golang.org/x/image requires.
func realign(data []byte) ([][]byte, error) {
	be := binary.BigEndian
	if len(data) < 12 {
		return nil, errors.New("文件太短")
	}
	var offsets []uint32
	if string(data[:4]) == "ttcf" {
		n := be.Uint32(data[8:])
		if n == 0 || n > 256 || 12+4*int(n) > len(data) {
			return nil, errors.New("字体集合头部损坏")
		}
		for i := 0; i < int(n); i++ {
			offsets = append(offsets, be.Uint32(data[12+4*i:]))
		}
	} else {
		offsets = []uint32{0}
	}
	var out [][]byte
	for _, off := range offsets {
		o := int(off)
		if o+12 > len(data) {
			return nil, errors.New("字体目录越界")
		}
		num := int(be.Uint16(data[o+4:]))
		dir := o + 12
		if dir+16*num > len(data) {
			return nil, errors.New("字体目录越界")
		}
		head := 12 + 16*num
		size := head
		for i := 0; i < num; i++ {
			rec := data[dir+16*i:]
			size += (int(be.Uint32(rec[12:])) + 3) &^ 3
		}
		buf := make([]byte, head, size)
		copy(buf, data[o:o+12])
		for i := 0; i < num; i++ {
			rec := data[dir+16*i : dir+16*i+16]
			to, tl := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
			if to < 0 || tl < 0 || to+tl > len(data) {
				return nil, errors.New("字体表越界")
			}
			at := len(buf)
			buf = append(buf, data[to:to+tl]...)
			for len(buf)%4 != 0 {
				buf = append(buf, 0)
			}
			r := buf[12+16*i : 12+16*i+16]
			copy(r, rec)
			be.PutUint32(r[8:], uint32(at))
		}
		out = append(out, buf)
	}
	return out, nil
}
