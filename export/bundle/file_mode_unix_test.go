//go:build !windows

package bundle

import (
	"os"
	"syscall"
	"testing"
)

// Item 6: under umask 000 the full bundle (with personal data) is written
// 0600 like every other file with personal data; the public one 0644.
func TestFullBundleIsPrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for kind, want := range map[Kind]os.FileMode{Full: 0o600, Public: 0o644} {
		res, err := Write(dir, fixture(), kind)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(res.Path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s bundle written %04o, want %04o", kind, got, want)
		}
	}
}
