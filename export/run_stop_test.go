package export

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestRunStopsWithItsContext: an export whose context ends (Ctrl+C, a
// closed window, a shutdown: cmd/nianbao's stopContext) once its first
// file is written returns context.Canceled, keeps that file whole, and
// writes no later format, no checksum list and no temp file. It does in
// one process and every time what the signal tests of cmd/nianbao
// (TestSignalStopsExportWithWholeFiles) show of the real binary when the
// signal comes in time.
func TestRunStopsWithItsContext(t *testing.T) {
	dir := t.TempDir()
	oy := fixture2021()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var started []string
	res, err := Run(ctx, oy, Options{Formats: []string{"txt", "docx", "md"}, Dir: dir, Today: today}, func(p Progress) {
		if !p.Done {
			started = append(started, p.Format)
			return
		}
		if p.Format == "txt" {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v, want context.Canceled", err)
	}
	if len(started) != 1 || started[0] != "txt" {
		t.Errorf("formats started: %v, want txt only", started)
	}
	want, err := RenderText(Build(oy, BuildOptions{Today: today}), "")
	if err != nil {
		t.Fatal(err)
	}
	name := FileName(oy.Organ.Name, oy.Report.Year, "txt", false)
	if len(res.Files) != 1 || filepath.Base(res.Files[0].Path) != name {
		t.Errorf("files written: %+v, want %s", res.Files, name)
	}
	if res.Manifest != (FileResult{}) {
		t.Errorf("a checksum list was written: %+v", res.Manifest)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() != name {
			t.Errorf("%s in the folder: only %s may be there (no later format, no %s, no temp file)", e.Name(), name, ManifestName)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not whole: %d bytes, want the %d of the text", name, len(got), len(want))
	}
}
