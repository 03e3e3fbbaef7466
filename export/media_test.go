//go:build !windows

package export

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/model"
)

// faultFS wraps the real file system and fails one step with an injected
// error, as a write-protected, full or pulled-out stick would.
type faultFS struct {
	osFS
	failCreate error
	// failWriteAfter writes this many bytes for real, then fails with failWrite.
	failWriteAfter int
	failWrite      error
	failRename     error
	// vanish removes the folder before the rename, as pulling the stick does.
	vanish bool
	// corrupt flips a byte of what is read back.
	corrupt bool
}

type faultFile struct {
	*os.File
	fs *faultFS
}

func (f faultFile) Write(p []byte) (int, error) {
	if f.fs.failWrite != nil {
		n := f.fs.failWriteAfter
		if n > len(p) {
			n = len(p)
		}
		f.File.Write(p[:n])
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: f.fs.failWrite}
	}
	return f.File.Write(p)
}

func (f *faultFS) CreateTemp(dir, pattern string) (tempFile, error) {
	if f.failCreate != nil {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: f.failCreate}
	}
	t, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return faultFile{t, f}, nil
}

func (f *faultFS) Rename(o, n string) error {
	if f.vanish {
		os.RemoveAll(filepath.Dir(n))
	}
	if f.failRename != nil {
		return &os.LinkError{Op: "rename", Old: o, New: n, Err: f.failRename}
	}
	return os.Rename(o, n)
}

func (f *faultFS) ReadBack(name string, w io.Writer) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if f.corrupt && len(b) > 0 {
		b[len(b)/2] ^= 0xff
	}
	_, err = w.Write(b)
	return err
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteVerifiedWritesAndChecks(t *testing.T) {
	dir := t.TempDir()
	data := []byte("大雁镇 2019 报告内容")
	fr, err := WriteVerified(dir, "报告.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "报告.txt"))
	if err != nil || string(got) != string(data) {
		t.Fatalf("read back %q, %v", got, err)
	}
	if fr.Size != int64(len(data)) || len(fr.SHA256) != 64 || fr.Path != filepath.Join(dir, "报告.txt") {
		t.Fatalf("bad result %+v", fr)
	}
	if names := listDir(t, dir); len(names) != 1 {
		t.Fatalf("left extra files: %v", names)
	}
}

func TestWriteVerifiedFailuresLeaveNothing(t *testing.T) {
	payload := []byte(strings.Repeat("政府信息公开", 1000))
	cases := []struct {
		name string
		fs   *faultFS
		kind ErrKind
		msg  string
	}{
		{"read-only medium", &faultFS{failCreate: syscall.EROFS}, ErrReadOnly, "写保护"},
		{"read-only on write", &faultFS{failWrite: syscall.EROFS, failWriteAfter: 10}, ErrReadOnly, "只读"},
		{"no space left", &faultFS{failWrite: syscall.ENOSPC, failWriteAfter: 4096}, ErrNoSpace, "空间不足"},
		{"stick pulled out before rename", &faultFS{vanish: true}, ErrGone, "拔出"},
		{"device error on write", &faultFS{failWrite: syscall.EIO, failWriteAfter: 100}, ErrGone, "拔出"},
		{"permission", &faultFS{failCreate: syscall.EACCES}, ErrPermission, "权限"},
		{"read-back differs", &faultFS{corrupt: true}, ErrVerify, "不一致"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "U盘")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			_, err := writeVerified(tc.fs, dir, "年报.docx", payload)
			var me *MediaError
			if !errors.As(err, &me) {
				t.Fatalf("want a *MediaError, got %v", err)
			}
			if me.Kind != tc.kind {
				t.Errorf("kind %v, want %v (%v)", me.Kind, tc.kind, me.Err)
			}
			if !strings.Contains(me.Msg, tc.msg) {
				t.Errorf("message %q does not say %q", me.Msg, tc.msg)
			}
			if names := listDir(t, dir); len(names) != 0 {
				t.Errorf("left files behind: %v", names)
			}
		})
	}
}

func TestWriteVerifiedReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: a 0555 folder stays writable; the injected EROFS/EACCES cases cover this")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	_, err := WriteVerified(dir, "年报.docx", []byte("x"))
	var me *MediaError
	if !errors.As(err, &me) || me.Kind != ErrPermission {
		t.Fatalf("want a permission MediaError, got %v", err)
	}
	if names := listDir(t, dir); len(names) != 0 {
		t.Errorf("left files behind: %v", names)
	}
}

func TestWriteVerifiedMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "已拔出")
	_, err := WriteVerified(dir, "年报.docx", []byte("x"))
	var me *MediaError
	if !errors.As(err, &me) || me.Kind != ErrGone {
		t.Fatalf("want ErrGone, got %v", err)
	}
}

func TestRunWritesEveryFormatAndManifest(t *testing.T) {
	dir := t.TempDir()
	oy := fixture2019()
	var steps []Progress
	now := time.Date(2020, 1, 20, 9, 30, 0, 0, time.Local)
	res, err := Run(context.Background(), oy, Options{
		Formats: []string{"docx", "html", "xlsx", "txt", "md"}, Dir: dir, Version: "1.0.0", Today: today, Now: now,
	}, func(p Progress) { steps = append(steps, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 5 {
		t.Fatalf("want 5 files, got %+v", res.Files)
	}
	if len(steps) != 12 {
		t.Errorf("want a start and an end per file and the manifest (12 steps), got %d", len(steps))
	}
	for _, fr := range res.Files {
		if !strings.HasPrefix(filepath.Base(fr.Path), "大雁镇2019年政府信息公开工作年度报告.") {
			t.Errorf("unexpected file name %s", fr.Path)
		}
	}
	m, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range res.Files {
		if !strings.Contains(string(m), filepath.Base(fr.Path)+"\t") || !strings.Contains(string(m), fr.SHA256) {
			t.Errorf("manifest lacks %s", fr.Path)
		}
	}
	for _, want := range []string{"单位：大雁镇", "年度：2019", "程序版本：1.0.0", "导出时间：2020-01-20 09:30:00"} {
		if !strings.Contains(string(m), want) {
			t.Errorf("manifest lacks %q", want)
		}
	}

	// A second export without Overwrite writes nothing and names the files.
	before, _ := os.ReadFile(res.Files[0].Path)
	res2, err := Run(context.Background(), oy, Options{Formats: []string{"docx", "txt"}, Dir: dir, Today: model.NewDate(2030, 1, 1)}, nil)
	var me *MediaError
	if !errors.As(err, &me) || me.Kind != ErrExists {
		t.Fatalf("want ErrExists, got %v", err)
	}
	if len(res2.Existing) != 3 {
		t.Errorf("want docx, txt and the manifest reported, got %v", res2.Existing)
	}
	after, _ := os.ReadFile(res.Files[0].Path)
	if string(before) != string(after) {
		t.Error("an existing file was replaced without Overwrite")
	}
	if _, err := Run(context.Background(), oy, Options{Formats: []string{"docx"}, Dir: dir, Overwrite: true, Today: model.NewDate(2030, 1, 1)}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestRunDraftNamesAndMarks(t *testing.T) {
	dir := t.TempDir()
	res, err := Run(context.Background(), fixture2021(), Options{Formats: []string{"txt"}, Dir: dir, Draft: true, Encoding: EncodingGB18030, Today: today}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Base(res.Files[0].Path); got != "青松县自然资源局2022年政府信息公开工作年度报告（草稿）.txt" {
		t.Errorf("draft file name %s", got)
	}
	b, _ := os.ReadFile(res.Files[0].Path)
	if len(b) > 3 && string(b[:3]) == "\uFEFF" {
		t.Error("a GB18030 file must not start with a UTF-8 byte order mark")
	}
}

func TestRunRejectsUnknownFormat(t *testing.T) {
	_, err := Run(context.Background(), fixture2019(), Options{Formats: []string{"pages"}, Dir: t.TempDir()}, nil)
	if err == nil || !strings.Contains(err.Error(), "不支持的导出格式") {
		t.Fatalf("want a Chinese format error, got %v", err)
	}
}

func TestRunPDFWithoutOfficeSaysHow(t *testing.T) {
	if _, err := officeBinary(); err == nil {
		t.Skip("LibreOffice is installed here; this case is about machines without it")
	}
	dir := t.TempDir()
	res, err := Run(context.Background(), fixture2019(), Options{Formats: []string{"docx", "pdf"}, Dir: dir, Today: today}, nil)
	if err == nil || !strings.Contains(err.Error(), "另存为") {
		t.Fatalf("want the save-as-PDF advice, got %v", err)
	}
	if len(res.Files) != 1 || len(res.Failed) != 1 || res.Failed[0].Format != "pdf" {
		t.Fatalf("docx should still be written and pdf listed as failed: %+v", res)
	}
}

func TestRenderPDFWithLibreOffice(t *testing.T) {
	if _, err := officeBinary(); err != nil {
		t.Skip("SKIP: LibreOffice not installed (apt-get install libreoffice-writer-nogui): PDF export returns ErrNoOffice here, covered by TestRunPDFWithoutOfficeSaysHow")
	}
	pdf, err := RenderPDF(context.Background(), Build(fixture2019(), BuildOptions{Today: today}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 16)])
	}
}
