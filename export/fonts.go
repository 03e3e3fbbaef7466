package export

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf16"
)

// FontSet names the face of each part of the report.
type FontSet struct {
	Title, Body, Heading1, Heading2, PageNum string
}

// officialFonts are the faces of GB/T 9704-2012 as offices install them.
var officialFonts = FontSet{
	Title:    "方正小标宋简体",
	Body:     "仿宋_GB2312",
	Heading1: "黑体",
	Heading2: "楷体_GB2312",
	PageNum:  "宋体",
}

// fontRole is one part of the report with the faces that may print it,
// best first: the official face, the same design under the names Windows,
// WPS and macOS give it, then the nearest free design a Linux or Kylin
// machine has (a Song/Ming face for 仿宋 and the title, a Hei face for 黑体,
// a Kai face for 楷体).
type fontRole struct {
	label  string // what the clerk reads: 正文, 标题 …
	chain  []string
	assign func(*FontSet, string)
}

var fontRoles = []fontRole{
	{"标题", []string{"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "思源宋体", "AR PL UMing CN", "Noto Sans CJK SC", "WenQuanYi Zen Hei"},
		func(f *FontSet, s string) { f.Title = s }},
	{"正文", []string{"仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "华文仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "思源宋体", "AR PL UMing CN", "Noto Sans CJK SC", "WenQuanYi Zen Hei"},
		func(f *FontSet, s string) { f.Body = s }},
	{"一级标题", []string{"黑体", "SimHei", "华文黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "思源黑体", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"},
		func(f *FontSet, s string) { f.Heading1 = s }},
	{"二级标题", []string{"楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "华文楷体", "STKaiti", "AR PL UKai CN", "AR PL KaitiM GB", "Noto Serif CJK SC", "Noto Sans CJK SC"},
		func(f *FontSet, s string) { f.Heading2 = s }},
	{"页码", []string{"宋体", "SimSun", "NSimSun", "新宋体", "Noto Serif CJK SC", "AR PL UMing CN", "Noto Sans CJK SC", "WenQuanYi Zen Hei"},
		func(f *FontSet, s string) { f.PageNum = s }},
}

// FontChoice is the faces a PDF is printed with on this machine and, for
// each official face that is missing, a sentence naming it and the face
// used instead.
type FontChoice struct {
	Fonts   FontSet
	Missing []string
}

// ChooseFonts picks, for each part of the report, the first face of its
// GB/T 9704 chain that is installed (see InstalledFonts). A part with no
// installed face keeps the official name, and LibreOffice substitutes.
func ChooseFonts(installed map[string]bool) FontChoice {
	var c FontChoice
	for _, role := range fontRoles {
		official := role.chain[0]
		pick := ""
		for _, name := range role.chain {
			if installed[strings.ToLower(name)] {
				pick = name
				break
			}
		}
		switch {
		case pick == official:
		case pick == "":
			pick = official
			c.Missing = append(c.Missing, "本机没有"+role.label+"字体「"+official+"」，也没有可代替的中文字体，由 LibreOffice 自行替换")
		default:
			c.Missing = append(c.Missing, "本机没有"+role.label+"字体「"+official+"」，PDF 改用「"+pick+"」")
		}
		role.assign(&c.Fonts, pick)
	}
	return c
}

// FontNote is the message an export shows when the PDF could not use every
// official face: which were replaced, and the two ways to the official look.
func (c FontChoice) FontNote() string {
	if len(c.Missing) == 0 {
		return ""
	}
	return strings.Join(dedupe(c.Missing), "；") + "。如需正式字体，请在本机安装这些字体后重新导出 PDF，或在装有这些字体的电脑上用 Word/WPS 打开 .docx 另存为 PDF。"
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// InstalledFonts lists the font family names of this machine, lower-cased:
// from fontconfig (fc-list, which LibreOffice on Linux and Kylin uses) when
// it is there, otherwise by reading the name tables of the font files in
// the system and user font folders (Windows, macOS).
func InstalledFonts() map[string]bool {
	out := map[string]bool{}
	if bin, err := exec.LookPath("fc-list"); err == nil {
		if b, err := exec.Command(bin, ":", "family").Output(); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				for _, name := range strings.Split(line, ",") {
					if name = strings.TrimSpace(name); name != "" {
						out[strings.ToLower(name)] = true
					}
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	for _, dir := range fontDirs() {
		filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttf", ".ttc", ".otf", ".otc":
			default:
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			for _, n := range fontFamilies(data) {
				out[strings.ToLower(n)] = true
			}
			return nil
		})
	}
	return out
}

func fontDirs() []string {
	switch runtime.GOOS {
	case "windows":
		dirs := []string{filepath.Join(os.Getenv("WINDIR"), "Fonts")}
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	case "darwin":
		home, _ := os.UserHomeDir()
		return []string{"/System/Library/Fonts", "/Library/Fonts", filepath.Join(home, "Library", "Fonts")}
	}
	home, _ := os.UserHomeDir()
	return []string{"/usr/share/fonts", "/usr/local/share/fonts", filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts")}
}

// fontFamilies reads the family names (name ids 1 and 16, every language)
// of a TrueType/OpenType font or collection. A damaged file gives nil.
func fontFamilies(data []byte) []string {
	offsets := []uint32{0}
	if bytes.HasPrefix(data, []byte("ttcf")) && len(data) >= 12 {
		n := binary.BigEndian.Uint32(data[8:])
		offsets = nil
		for i := uint32(0); i < n && 12+4*i+4 <= uint32(len(data)); i++ {
			offsets = append(offsets, binary.BigEndian.Uint32(data[12+4*i:]))
		}
	}
	var out []string
	for _, off := range offsets {
		out = append(out, sfntFamilies(data, int(off))...)
	}
	return out
}

func sfntFamilies(data []byte, off int) []string {
	u16 := func(i int) int {
		if i < 0 || i+2 > len(data) {
			return -1
		}
		return int(binary.BigEndian.Uint16(data[i:]))
	}
	numTables := u16(off + 4)
	name := -1
	for i := 0; i < numTables; i++ {
		rec := off + 12 + 16*i
		if rec+16 > len(data) {
			return nil
		}
		if string(data[rec:rec+4]) == "name" {
			name = int(binary.BigEndian.Uint32(data[rec+8:]))
		}
	}
	if name < 0 {
		return nil
	}
	count, strOff := u16(name+2), u16(name+4)
	var out []string
	for i := 0; i < count; i++ {
		rec := name + 6 + 12*i
		platform, nameID, length, at := u16(rec), u16(rec+6), u16(rec+8), u16(rec+10)
		if at < 0 || (nameID != 1 && nameID != 16) {
			continue
		}
		start := name + strOff + at
		if start+length > len(data) {
			continue
		}
		raw := data[start : start+length]
		switch platform {
		case 0, 3: // Unicode, Windows: UTF-16BE
			u := make([]uint16, len(raw)/2)
			for k := range u {
				u[k] = binary.BigEndian.Uint16(raw[2*k:])
			}
			out = append(out, string(utf16.Decode(u)))
		case 1: // Macintosh Roman: ASCII names only
			if isASCII(raw) {
				out = append(out, string(raw))
			}
		}
	}
	return out
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
