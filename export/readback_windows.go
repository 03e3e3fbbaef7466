//go:build windows

package export

import (
	"io"
	"unsafe"

	"golang.org/x/sys/windows"
)

// readFromMedium reads a file just written back from the medium into w, not from
// the system cache: FILE_FLAG_NO_BUFFERING, which needs reads of whole
// sectors into a buffer aligned to a sector (4096 covers every disk).
func readFromMedium(name string, w io.Writer) error {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return err
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_FLAG_NO_BUFFERING, 0)
	if err != nil {
		return err
	}
	defer windows.CloseHandle(h)
	const align = 4096
	const chunk = 256 * align
	raw := make([]byte, chunk+align)
	off := int(align - uintptr(unsafe.Pointer(&raw[0]))%align)
	if off == align {
		off = 0
	}
	buf := raw[off : off+chunk]
	for {
		var n uint32
		err := windows.ReadFile(h, buf, &n, nil)
		if err != nil && err != windows.ERROR_HANDLE_EOF {
			return err
		}
		if _, err := w.Write(buf[:n]); err != nil {
			return err
		}
		if n < chunk {
			return nil
		}
	}
}
