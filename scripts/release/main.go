// Command release builds nianbao's release packages from a clean tree:
//
//	go run ./scripts/release 1.1.0
//
// into dist/ (or --out DIR): for windows/amd64 and windows/arm64 a zip with
// nianbao.exe, 启动年报.bat, portable.txt.示例, 使用说明.html and 快速上手.txt;
// for linux/amd64, linux/arm64 and linux/loong64 a tar.gz with the same
// files (a .sh launcher) and a .deb for 统信UOS and 银河麒麟 that installs to
// /opt/nianbao with a desktop entry; then SHA256SUMS over every file.
//
// The build is reproducible: every timestamp is the commit's time, archive
// entries are sorted with fixed modes and owners, binaries are built with
// -trimpath and no build id, so two runs of the same commit give the same
// bytes.
package main

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed files
var assets embed.FS

// target is one platform a release is built for.
type target struct{ goos, goarch string }

var targets = []target{
	{"windows", "amd64"}, {"windows", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"}, {"linux", "loong64"},
}

// build describes the release being made.
type build struct {
	version string
	commit  string
	when    time.Time // the commit's time: every timestamp in the packages
	root    string    // the repository
	out     string    // dist/
}

func main() {
	out := flag.String("out", "dist", "folder for the packages")
	dirty := flag.Bool("allow-dirty", false, "build from a tree with uncommitted changes (not for a release)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/release [--out dist] [--allow-dirty] VERSION")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, *dirty); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

var versionRE = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$`)

func run(version, out string, allowDirty bool) error {
	if !versionRE.MatchString(version) {
		return fmt.Errorf("version %q is not of the form 1.2.3 or 1.2.3-rc1", version)
	}
	root, err := gitOut("rev-parse", "--show-toplevel")
	if err != nil {
		return fmt.Errorf("not in a git checkout: %w", err)
	}
	if !allowDirty {
		st, err := gitOut("status", "--porcelain", "--untracked-files=no")
		if err != nil {
			return err
		}
		if st != "" {
			return errors.New("the tree has uncommitted changes; commit them or pass --allow-dirty (not for a release)")
		}
	}
	commit, err := gitOut("rev-parse", "HEAD")
	if err != nil {
		return err
	}
	secs, err := gitOut("log", "-1", "--format=%ct", "HEAD")
	if err != nil {
		return err
	}
	n, err := strconv.ParseInt(secs, 10, 64)
	if err != nil {
		return fmt.Errorf("commit time %q: %w", secs, err)
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	b := &build{version: version, commit: commit, when: time.Unix(n, 0).UTC(), root: root, out: out}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	docs, err := b.documents()
	if err != nil {
		return err
	}
	var made []string
	for _, t := range targets {
		names, err := b.platform(t, docs)
		if err != nil {
			return fmt.Errorf("%s/%s: %w", t.goos, t.goarch, err)
		}
		made = append(made, names...)
	}
	if err := writeSums(out, made); err != nil {
		return err
	}
	for _, m := range append(made, "SHA256SUMS") {
		fmt.Println(filepath.Join(out, m))
	}
	return nil
}

// documents are the files every package carries besides the program.
type documents struct {
	guide      []byte // 使用说明.html, self-contained
	quickStart []byte // 快速上手.txt, UTF-8 with BOM and CRLF
}

func (b *build) documents() (documents, error) {
	md, err := os.ReadFile(filepath.Join(b.root, "docs", "使用说明.md"))
	if err != nil {
		return documents{}, err
	}
	guide, err := guideHTML(md, filepath.Join(b.root, "docs"), b.version)
	if err != nil {
		return documents{}, fmt.Errorf("使用说明.html: %w", err)
	}
	qs, err := os.ReadFile(filepath.Join(b.root, "docs", "快速上手.md"))
	if err != nil {
		return documents{}, err
	}
	return documents{guide: guide, quickStart: windowsText(qs)}, nil
}

// windowsText makes text Notepad shows right everywhere: a UTF-8 byte
// order mark and CRLF line ends.
func windowsText(b []byte) []byte {
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\n", "\r\n")
	return append([]byte("\ufeff"), s...)
}

// platform builds the binary for t and packs it; it returns the file names
// written into b.out.
func (b *build) platform(t target, docs documents) ([]string, error) {
	exe := "nianbao"
	if t.goos == "windows" {
		exe += ".exe"
	}
	bin, err := b.binary(t)
	if err != nil {
		return nil, err
	}
	example, _ := assets.ReadFile("files/portable.txt.example")
	entries := []entry{
		{name: exe, data: bin, mode: 0o755},
		{name: "portable.txt.示例", data: example, mode: 0o644},
		{name: "使用说明.html", data: docs.guide, mode: 0o644},
		{name: "快速上手.txt", data: docs.quickStart, mode: 0o644},
	}
	dir := fmt.Sprintf("nianbao-%s-%s-%s", b.version, t.goos, t.goarch)
	if t.goos == "windows" {
		bat, _ := assets.ReadFile("files/nianbao.bat")
		entries = append(entries, entry{name: "启动年报.bat", data: bat, mode: 0o644})
		name := dir + ".zip"
		data, err := zipArchive(dir, entries, b.when)
		if err != nil {
			return nil, err
		}
		return []string{name}, os.WriteFile(filepath.Join(b.out, name), data, 0o644)
	}
	sh, _ := assets.ReadFile("files/nianbao.sh")
	entries = append(entries, entry{name: "启动年报.sh", data: sh, mode: 0o755})
	name := dir + ".tar.gz"
	data, err := tarGzArchive(dir, entries, b.when)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(b.out, name), data, 0o644); err != nil {
		return nil, err
	}
	deb, debName, err := debPackage(b, t, bin, docs)
	if err != nil {
		return nil, fmt.Errorf("deb: %w", err)
	}
	return []string{name, debName}, os.WriteFile(filepath.Join(b.out, debName), deb, 0o644)
}

// binary cross-compiles cmd/nianbao for t, static and reproducible.
func (b *build) binary(t target) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "nianbao-release")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "nianbao")
	ldflags := fmt.Sprintf("-s -w -buildid= -X main.version=%s -X main.commit=%s -X main.buildDate=%s",
		b.version, b.commit, b.when.Format("2006-01-02"))
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", out, "./cmd/nianbao")
	cmd.Dir = b.root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.goos, "GOARCH="+t.goarch, "GOFLAGS=-mod=readonly")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build: %v\n%s", err, stderr.String())
	}
	return os.ReadFile(out)
}

// writeSums writes SHA256SUMS (the sha256sum format) over names.
func writeSums(dir string, names []string) error {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	var buf bytes.Buffer
	for _, n := range sorted {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&buf, "%s  %s\n", hex.EncodeToString(sum[:]), n)
	}
	return os.WriteFile(filepath.Join(dir, "SHA256SUMS"), buf.Bytes(), 0o644)
}

func gitOut(args ...string) (string, error) {
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, ee.Stderr)
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}
