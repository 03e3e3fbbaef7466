package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

var when = time.Date(2026, 12, 6, 8, 30, 0, 0, time.UTC)

func sample() []entry {
	return []entry{
		{name: "快速上手.txt", data: windowsText([]byte("第一行\n第二行\n")), mode: 0o644},
		{name: "nianbao.exe", data: bytes.Repeat([]byte("MZ"), 1000), mode: 0o755},
		{name: "启动年报.bat", data: []byte("@echo off\r\n"), mode: 0o644},
	}
}

// Archives are the same bytes whatever order the files are listed in and
// whenever they are made; names are UTF-8 under one top folder.
func TestArchivesAreReproducible(t *testing.T) {
	rev := sample()
	rev[0], rev[2] = rev[2], rev[0]
	z1, err := zipArchive("nianbao-1.1.0-windows-amd64", sample(), when)
	if err != nil {
		t.Fatal(err)
	}
	z2, _ := zipArchive("nianbao-1.1.0-windows-amd64", rev, when)
	if !bytes.Equal(z1, z2) {
		t.Error("zip depends on the order of its entries")
	}
	g1, err := tarGzArchive("nianbao-1.1.0-linux-amd64", sample(), when)
	if err != nil {
		t.Fatal(err)
	}
	g2, _ := tarGzArchive("nianbao-1.1.0-linux-amd64", rev, when)
	if !bytes.Equal(g1, g2) {
		t.Error("tar.gz depends on the order of its entries")
	}

	zr, err := zip.NewReader(bytes.NewReader(z1), int64(len(z1)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(when) {
			t.Errorf("%s: time %v, want %v", f.Name, f.Modified, when)
		}
		if f.NonUTF8 {
			t.Errorf("%s: name not marked UTF-8", f.Name)
		}
	}
	want := "nianbao-1.1.0-windows-amd64/ nianbao-1.1.0-windows-amd64/nianbao.exe nianbao-1.1.0-windows-amd64/启动年报.bat nianbao-1.1.0-windows-amd64/快速上手.txt"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("zip lists %s\nwant %s", got, want)
	}

	gz, err := gzip.NewReader(bytes.NewReader(g1))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	modes := map[string]int64{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		modes[h.Name] = h.Mode
		if !h.ModTime.Equal(when) || h.Uname != "root" {
			t.Errorf("%s: %v %s", h.Name, h.ModTime, h.Uname)
		}
	}
	if modes["nianbao-1.1.0-linux-amd64/nianbao.exe"] != 0o755 || modes["nianbao-1.1.0-linux-amd64/快速上手.txt"] != 0o644 {
		t.Errorf("tar modes %v", modes)
	}
}

// The Windows launcher must be plain ASCII with CRLF: cmd.exe reads a .bat
// in the system code page (GBK on a Chinese PC) before chcp changes it, and
// it passes its arguments on while keeping %0 for the program's folder.
func TestWindowsLauncher(t *testing.T) {
	bat, err := assets.ReadFile("files/nianbao.bat")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range bat {
		if c >= 0x80 {
			t.Fatalf("byte %d of the .bat is not ASCII", i)
		}
	}
	if n, crlf := strings.Count(string(bat), "\n"), strings.Count(string(bat), "\r\n"); n == 0 || n != crlf {
		t.Errorf("%d of %d line ends are CRLF", crlf, n)
	}
	for _, want := range []string{"chcp 65001", "cols=100 lines=30", `HKCU\Console\nianbao`, "FaceName", "shift /1", `"%~dp0nianbao.exe"`} {
		if !strings.Contains(string(bat), want) {
			t.Errorf("launcher lacks %q", want)
		}
	}
	sh, _ := assets.ReadFile("files/nianbao.sh")
	if !strings.HasPrefix(string(sh), "#!/bin/sh\n") || strings.Contains(string(sh), "\r") {
		t.Error("the Linux launcher is not a plain sh script with LF line ends")
	}
}

func TestQuickStartIsNotepadText(t *testing.T) {
	md, err := os.ReadFile("../../docs/快速上手.md")
	if err != nil {
		t.Fatal(err)
	}
	txt := windowsText(md)
	if !bytes.HasPrefix(txt, []byte("\xef\xbb\xbf")) {
		t.Error("no UTF-8 byte order mark")
	}
	if strings.Count(string(txt), "\n") != strings.Count(string(txt), "\r\n") {
		t.Error("a line end is not CRLF")
	}
	for _, want := range []string{"启动年报.bat", "LOCALAPPDATA", "portable.txt", "备份", "更新", "方框", "输入法", "100 列"} {
		if !strings.Contains(string(txt), want) {
			t.Errorf("快速上手 does not mention %s", want)
		}
	}
}

// The user guide becomes one page that needs nothing from anywhere: images
// inline as data: URLs, no script, no external link target for resources.
func TestGuideIsSelfContained(t *testing.T) {
	dir := t.TempDir()
	png := []byte("\x89PNG\r\n\x1a\n fake but read as bytes")
	if err := os.WriteFile(dir+"/screen.png", png, 0o644); err != nil {
		t.Fatal(err)
	}
	md := []byte("# 使用说明\n\n第一段中文\n接着一行。\n\n![开始画面](screen.png)\n\n| 按键 | 作用 |\n|---|---|\n| `F1` | 全部按键 |\n")
	html, err := guideHTML(md, dir, "1.1.0")
	if err != nil {
		t.Fatal(err)
	}
	s := string(html)
	for _, want := range []string{`lang="zh-CN"`, "data:image/png;base64,", "<table>", "第一段中文接着一行。", "年报 1.1.0"} {
		if !strings.Contains(s, want) {
			t.Errorf("guide lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", `src="http`, `href="http`, "screen.png"} {
		if strings.Contains(s, bad) {
			t.Errorf("guide holds %q", bad)
		}
	}
	if _, err := guideHTML([]byte("![x](https://example.org/a.png)"), dir, "1"); err == nil {
		t.Error("a remote image was accepted")
	}
	// The real guide converts.
	real, err := os.ReadFile("../../docs/使用说明.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := guideHTML(real, "../../docs", "1.1.0"); err != nil {
		t.Errorf("docs/使用说明.md: %v", err)
	}
}
