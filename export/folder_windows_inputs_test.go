package export

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"
)

// windowsPaths are Windows' path rules for drive-letter paths, as
// filepath applies them on Windows, so PrepareDir's decisions are tested
// with the paths a clerk types there (E:\年报) on every platform.
var windowsPaths = pathRules{
	clean: func(p string) string {
		p = strings.ReplaceAll(p, "/", `\`)
		for strings.Contains(p, `\\`) {
			p = strings.ReplaceAll(p, `\\`, `\`)
		}
		if len(p) > 3 {
			p = strings.TrimRight(p, `\`)
		}
		return p
	},
	dir: func(p string) string {
		i := strings.LastIndex(p, `\`)
		switch {
		case i < 0:
			return "."
		case i == 2 && p[1] == ':':
			return p[:3]
		}
		return p[:i]
	},
	base: func(p string) string { return p[strings.LastIndex(p, `\`)+1:] },
	volume: func(p string) string {
		if len(p) >= 2 && p[1] == ':' {
			return p[:2]
		}
		return ""
	},
	sep: `\`,
}

// dirInfo is a folder in the pretend Windows file system.
type dirInfo string

func (d dirInfo) Name() string       { return string(d) }
func (d dirInfo) Size() int64        { return 0 }
func (d dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o755 }
func (d dirInfo) ModTime() time.Time { return time.Time{} }
func (d dirInfo) IsDir() bool        { return true }
func (d dirInfo) Sys() any           { return nil }

// windowsFolders is a Windows PC's folders: C:\ with a user folder, and a
// U盘 as E:\ (no F: drive).
func windowsFolders(made *[]string) folderOps {
	have := map[string]bool{`C:\`: true, `C:\Users\wang\Desktop`: true, `E:\`: true, `E:\旧年报`: true}
	return folderOps{
		stat: func(p string) (fs.FileInfo, error) {
			if have[p] {
				return dirInfo(p), nil
			}
			return nil, &fs.PathError{Op: "stat", Path: p, Err: fs.ErrNotExist}
		},
		mkdir: func(p string) error {
			have[p] = true
			*made = append(*made, p)
			return nil
		},
	}
}

func TestPrepareDirWindowsInputs(t *testing.T) {
	cases := []struct {
		typed   string
		created bool
		made    string
		msg     string // part of the error; "" for none
	}{
		{`E:\旧年报`, false, "", ""},
		{`E:\年报`, true, `E:\年报`, ""},
		{` E:/年报/ `, true, `E:\年报`, ""},
		{`E:\`, false, "", ""},
		{`F:\年报`, false, "", "找不到盘符「F:」"},
		{`E:\甲\乙`, false, "", "找不到文件夹「E:\\甲」"},
		{`C:\Users\wang\Desktop\2021年报`, true, `C:\Users\wang\Desktop\2021年报`, ""},
	}
	for _, c := range cases {
		var made []string
		created, err := prepareDir(c.typed, windowsPaths, windowsFolders(&made))
		if c.msg == "" && err != nil {
			t.Errorf("%q: %v", c.typed, err)
			continue
		}
		if c.msg != "" {
			var me *MediaError
			if !errors.As(err, &me) || !strings.Contains(me.Msg, c.msg) {
				t.Errorf("%q: error %v, want one saying %s", c.typed, err, c.msg)
			}
			if len(made) > 0 {
				t.Errorf("%q: made %v although it failed", c.typed, made)
			}
			continue
		}
		if created != c.created || (c.made != "" && (len(made) != 1 || made[0] != c.made)) {
			t.Errorf("%q: created %v, made %v; want %v, %q", c.typed, created, made, c.created, c.made)
		}
	}
}
