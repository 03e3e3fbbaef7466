package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"nianbao/demo"
)

// mountStick mounts a real tmpfs of the size on a fresh folder (a small
// USB stick); it skips without root or where the mount is not allowed.
func mountStick(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs; export/media_test.go covers the faults with injected errors")
	}
	dir := filepath.Join(t.TempDir(), "U盘")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0755"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v)", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// dbFiles reads the database and any -wal/-journal beside it.
func dbFiles(t *testing.T, p string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, suffix := range []string{"", "-wal", "-journal"} {
		if b, err := os.ReadFile(p + suffix); err == nil {
			out[suffix] = b
		}
	}
	return out
}

// TestExportOntoFullOrReadOnlyStick runs the real binary's export onto a
// 16 KiB stick and onto a write-protected one: a clear Chinese message, no
// file under a final name that is not complete, and the database (with its
// -wal/-shm) byte for byte as before.
func TestExportOntoFullOrReadOnlyStick(t *testing.T) {
	p := demoDB(t)
	before := dbFiles(t, p)
	args := []string{"export", "--organ", demo.OrganName, "--year", "2021", "--format", "docx,html,xlsx,txt,md", "--db", p}

	full := mountStick(t, "16k")
	r := runBin(t, append(args, "--out", full)...)
	if r.code == exitOK || !strings.Contains(r.stderr, "空间不足") {
		t.Fatalf("export onto a full stick: exit %d, stderr %q", r.code, r.stderr)
	}
	ro := mountStick(t, "1m")
	if err := syscall.Mount("", ro, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	r = runBin(t, append(args, "--out", ro)...)
	if r.code == exitOK || !strings.Contains(r.stderr, "写保护") {
		t.Fatalf("export onto a write-protected stick: exit %d, stderr %q", r.code, r.stderr)
	}

	// The database file is byte for byte as before. (The read-only open of
	// the export may leave SQLite's empty -wal and its -shm index beside a
	// WAL database; they hold no data and the next open removes them.)
	after := dbFiles(t, p)
	if !bytes.Equal(before[""], after[""]) {
		t.Errorf("the database file changed by failed exports")
	}
	if len(after["-wal"]) != len(before["-wal"]) || !bytes.Equal(after["-wal"], before["-wal"]) {
		t.Errorf("the -wal beside the database changed: %d bytes before, %d after", len(before["-wal"]), len(after["-wal"]))
	}

	// What is left on the full stick is complete: the same export onto a
	// roomy folder gives the same bytes.
	ref := t.TempDir()
	runOK(t, exitOK, append(args, "--out", ref)...)
	des, _ := os.ReadDir(full)
	for _, d := range des {
		got, _ := os.ReadFile(filepath.Join(full, d.Name()))
		want, err := os.ReadFile(filepath.Join(ref, d.Name()))
		if strings.HasPrefix(d.Name(), ".") || err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s left on the full stick is not a complete export file", d.Name())
		}
	}
	t.Logf("full stick holds %d complete files and nothing partial; the database is unchanged", len(des))
}
