package export

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// smallStick mounts a real tmpfs of the size (e.g. "64k") on a fresh folder,
// standing in for a nearly full USB stick. It needs root and a kernel that
// allows the mount; otherwise the test is skipped and the injected-fault
// cases in media_test.go stand in.
func smallStick(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs (mount -t tmpfs -o size=" + size + "); the injected ENOSPC/EROFS cases in media_test.go cover this without root")
	}
	dir := filepath.Join(t.TempDir(), "U盘")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0755"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); the injected ENOSPC/EROFS cases in media_test.go cover this", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// entries reads every file of the folder by name; a temp file starts with a dot.
func entries(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, d := range des {
		b, err := os.ReadFile(filepath.Join(dir, d.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[d.Name()] = b
	}
	return out
}

// TestRealFullStick exports every format onto a real 64 KiB file system:
// the export stops with the Chinese no-space message, and each file left
// under a final name is complete (byte-identical to the same export on a
// roomy disk), with no temp file left behind.
func TestRealFullStick(t *testing.T) {
	stick := smallStick(t, "64k")
	oy := fixture2021()
	opt := Options{Formats: []string{"docx", "html", "xlsx", "txt", "md"}, Version: "test",
		Now: time.Date(2023, 1, 20, 9, 0, 0, 0, time.UTC)}
	ref := t.TempDir()
	opt.Dir = ref
	if _, err := Run(context.Background(), oy, opt, nil); err != nil {
		t.Fatal(err)
	}
	want := entries(t, ref)
	total := 0
	for _, b := range want {
		total += len(b)
	}
	// Fill the stick so that the report cannot fit.
	filler := bytes.Repeat([]byte{0}, max(0, 64*1024-total/2))
	if err := os.WriteFile(filepath.Join(stick, "别的文件.bin"), filler, 0o644); err != nil && !errors.Is(err, syscall.ENOSPC) {
		t.Fatal(err)
	}
	opt.Dir = stick
	_, err := Run(context.Background(), oy, opt, nil)
	var me *MediaError
	if !errors.As(err, &me) || me.Kind != ErrNoSpace || !strings.Contains(me.Msg, "空间不足") {
		t.Fatalf("want the no-space message, got %v", err)
	}
	complete := 0
	for name, b := range entries(t, stick) {
		switch {
		case bytes.Equal(b, want[name]):
			complete++
		case name == "别的文件.bin":
		case strings.HasPrefix(name, "."):
			t.Errorf("temp file %s left on the stick", name)
		case !bytes.Equal(b, want[name]):
			t.Errorf("%s on the full stick is %d bytes, the complete file %d: a partial file under a final name", name, len(b), len(want[name]))
		}
	}
	t.Logf("full stick: %d of %d files written complete before the medium filled, none partial", complete, len(want))
}

// TestRealReadOnlyStick: a write-protected stick (a tmpfs remounted
// read-only) is refused with the write-protect message and keeps its files.
func TestRealReadOnlyStick(t *testing.T) {
	stick := smallStick(t, "1m")
	old := []byte("去年的报告")
	name := FileName(fixture2021().Organ.Name, 2022, "txt", false)
	if err := os.WriteFile(filepath.Join(stick, name), old, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("", stick, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	_, err := Run(context.Background(), fixture2021(), Options{Formats: []string{"txt", "docx"}, Dir: stick, Overwrite: true}, nil)
	var me *MediaError
	if !errors.As(err, &me) || me.Kind != ErrReadOnly || !strings.Contains(me.Msg, "写保护") {
		t.Fatalf("want the write-protect message, got %v", err)
	}
	got := entries(t, stick)
	if len(got) != 1 || !bytes.Equal(got[name], old) {
		t.Fatalf("read-only stick changed: %v", got)
	}
}

// TestStickPulledDuringExport removes the target folder while the export
// runs (after the first file): the export stops with the stick-removed
// message and nothing is left half-written.
func TestStickPulledDuringExport(t *testing.T) {
	parent := t.TempDir()
	stick := filepath.Join(parent, "U盘")
	if err := os.Mkdir(stick, 0o755); err != nil {
		t.Fatal(err)
	}
	pulled := false
	_, err := Run(context.Background(), fixture2021(), Options{Formats: []string{"docx", "html", "xlsx"}, Dir: stick},
		func(p Progress) {
			if p.Done && p.Index == 1 && !pulled {
				pulled = true
				if err := os.RemoveAll(stick); err != nil {
					t.Fatal(err)
				}
			}
		})
	var me *MediaError
	if !pulled || !errors.As(err, &me) || me.Kind != ErrGone || !strings.Contains(me.Msg, "拔出") {
		t.Fatalf("want the stick-removed message, got %v (pulled %v)", err, pulled)
	}
	if _, err := os.Stat(stick); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the export re-created the pulled folder: %v", err)
	}
	des, _ := os.ReadDir(parent)
	if len(des) != 0 {
		t.Fatalf("files left beside the pulled folder: %v", des)
	}
}
