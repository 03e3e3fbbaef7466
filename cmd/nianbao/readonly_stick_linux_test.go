package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"nianbao/db"
	"nianbao/demo"
	"nianbao/model"
)

// Item 14: on a write-protected stick (a tmpfs remounted read-only) the
// read-only commands work: check, info and export --db read the database,
// say 写保护, and see the saves still in its -wal; the stick is unchanged.
func TestReadOnlyCommandsOnWriteProtectedStick(t *testing.T) {
	stick := mountStick(t, "8m")
	src := demoDB(t)
	// A database as a killed copy leaves it: the last save only in -wal.
	ctx := context.Background()
	st, err := db.Open(ctx, src, db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.OrganByName(ctx, demo.OrganName)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Report(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	var first model.Block
	for _, b := range r.Blocks {
		if b.Section == 1 && b.Kind == model.BlockParagraph {
			first = b
			break
		}
	}
	first.Text += "只在日志里的一句话。"
	if err := st.SaveBlock(ctx, r.ID, &first); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(stick, "年报.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p+suffix, b, 0o600)
	}
	st.Close()
	if err := syscall.Mount("", stick, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	before := dbFiles(t, p)
	out := t.TempDir()
	for _, args := range [][]string{
		{"check", "--organ", demo.OrganName, "--year", "2021", "--db", p},
		{"info", "--db", p},
		{"export", "--organ", demo.OrganName, "--year", "2021", "--format", "txt", "--out", out, "--db", p},
	} {
		r := runBin(t, args...)
		if r.code == exitUsage || strings.Contains(r.stderr, "unable to open") {
			t.Fatalf("%v on a write-protected stick: exit %d\n%s", args, r.code, r.stderr)
		}
		if !strings.Contains(r.stderr, "写保护") {
			t.Errorf("%v does not say 写保护: %q", args, r.stderr)
		}
	}
	txt, _ := filepath.Glob(filepath.Join(out, "*.txt"))
	found := false
	for _, f := range txt {
		b, _ := os.ReadFile(f)
		found = found || strings.Contains(string(b), "只在日志里的一句话")
	}
	if !found {
		t.Fatalf("the export from the stick lacks the save that was only in its -wal (%v)", txt)
	}
	after := dbFiles(t, p)
	if len(after) != len(before) {
		t.Fatalf("files on the stick changed: %d → %d", len(before), len(after))
	}
	for k, v := range before {
		if string(after[k]) != string(v) {
			t.Fatalf("%s changed on the stick", k)
		}
	}
}
