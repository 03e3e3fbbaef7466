//go:build linux

package export

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// readFromMedium reads a file just written back from the medium into w, not from
// the page cache: its cached pages are dropped first (they are clean after
// the fsync), so a stick that was pulled out and put back, or that did not
// keep what it acknowledged, shows in the comparison.
func readFromMedium(name string, w io.Writer) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	dropCache(f)
	_, err = io.Copy(w, f)
	return err
}

// dropCache asks the kernel to forget the file's cached pages.
func dropCache(f *os.File) error {
	return unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
}
