package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/goreleaser/nfpm/v2"
	_ "github.com/goreleaser/nfpm/v2/deb" // registers the deb packager
	"github.com/goreleaser/nfpm/v2/files"
)

// debArch names Go's architectures as Debian does (统信UOS and 银河麒麟 are
// Debian-based; loong64 is Debian's name for LoongArch).
var debArch = map[string]string{"amd64": "amd64", "arm64": "arm64", "loong64": "loong64"}

// debPackage builds the .deb for t: the program and its documents in
// /opt/nianbao, /usr/bin/nianbao linked to it, and a desktop entry that
// opens the workstation in a terminal (Terminal=true).
func debPackage(b *build, t target, bin []byte, docs documents) ([]byte, string, error) {
	arch, ok := debArch[t.goarch]
	if !ok {
		return nil, "", fmt.Errorf("no Debian name for %s", t.goarch)
	}
	tmp, err := os.MkdirTemp("", "nianbao-deb")
	if err != nil {
		return nil, "", err
	}
	defer os.RemoveAll(tmp)
	desktop, _ := assets.ReadFile("files/nianbao.desktop")
	icon, _ := assets.ReadFile("files/nianbao.svg")
	type item struct {
		dst  string
		data []byte
		mode fs.FileMode
	}
	items := []item{
		{"/opt/nianbao/nianbao", bin, 0o755},
		{"/opt/nianbao/使用说明.html", docs.guide, 0o644},
		{"/opt/nianbao/快速上手.txt", docs.quickStart, 0o644},
		{"/opt/nianbao/nianbao.svg", icon, 0o644},
		{"/usr/share/applications/nianbao.desktop", desktop, 0o644},
	}
	var contents files.Contents
	for i, it := range items {
		src := filepath.Join(tmp, fmt.Sprint(i))
		if err := os.WriteFile(src, it.data, 0o600); err != nil {
			return nil, "", err
		}
		contents = append(contents, &files.Content{Source: src, Destination: it.dst,
			FileInfo: &files.ContentFileInfo{Owner: "root", Group: "root", Mode: it.mode, MTime: b.when}})
	}
	contents = append(contents, &files.Content{Source: "/opt/nianbao/nianbao", Destination: "/usr/bin/nianbao", Type: files.TypeSymlink,
		FileInfo: &files.ContentFileInfo{MTime: b.when}})
	info := nfpm.WithDefaults(&nfpm.Info{
		Name:        "nianbao",
		Arch:        arch,
		Platform:    "linux",
		Version:     b.version,
		Section:     "misc",
		Priority:    "optional",
		Maintainer:  "nianbao <nianbao@localhost>",
		Description: "年报：政府信息公开工作年度报告编制工具（离线、全键盘）",
		MTime:       b.when,
		Overridables: nfpm.Overridables{
			Contents: contents,
			Deb:      nfpm.Deb{Arch: arch},
		},
	})
	if err := nfpm.PrepareForPackager(info, "deb"); err != nil {
		return nil, "", err
	}
	pkg, err := nfpm.Get("deb")
	if err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	if err := pkg.Package(info, &buf); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), fmt.Sprintf("nianbao_%s_%s.deb", b.version, arch), nil
}
