package summary

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"nianbao/export"
)

// TestWorkbookOntoFullStick writes a workbook larger than the write
// buffer (1 MB, so the stick fails while the rows are still being
// written, not at the final flush) onto a real 256 KiB file system: the
// clerk gets the no-space message, and nothing is left on the stick.
func TestWorkbookOntoFullStick(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs; TestWorkbookKeepsTheStickError covers the error without root")
	}
	stick := filepath.Join(t.TempDir(), "U盘")
	if err := os.Mkdir(stick, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", stick, "tmpfs", 0, "size=256k,mode=0755"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); TestWorkbookKeepsTheStickError covers the error", err)
	}
	t.Cleanup(func() { syscall.Unmount(stick, syscall.MNT_DETACH) })

	a := fillRecords(t, 2021, townships(1200), nil)
	_, err := export.WriteVerifiedFrom(stick, FileName(2021), a.workbook)
	var me *export.MediaError
	if !errors.As(err, &me) || me.Kind != export.ErrNoSpace || !strings.Contains(me.Msg, "空间不足") {
		t.Fatalf("error %v, want the no-space message (ErrNoSpace)", err)
	}
	if ents, _ := os.ReadDir(stick); len(ents) != 0 {
		t.Errorf("left on the stick: %v", ents)
	}
}
