//go:build windows

package export

import (
	"errors"
	"strings"
	"syscall"

	"golang.org/x/sys/windows"
)

// syncDir is a no-op on Windows: folders cannot be flushed there, and
// MoveFileEx used by os.Rename is already durable on NTFS and FAT once the
// file itself was flushed.
func syncDir(dir string) error { return nil }

// osErrKind classifies Windows error codes.
func osErrKind(err error) ErrKind {
	var no syscall.Errno
	if !errors.As(err, &no) {
		return ErrOther
	}
	switch no {
	case windows.ERROR_WRITE_PROTECT:
		return ErrReadOnly
	case windows.ERROR_DISK_FULL, windows.ERROR_HANDLE_DISK_FULL:
		return ErrNoSpace
	case windows.ERROR_NOT_READY, windows.ERROR_PATH_NOT_FOUND, windows.ERROR_FILE_NOT_FOUND,
		windows.ERROR_DEV_NOT_EXIST, windows.ERROR_DEVICE_NOT_CONNECTED, windows.ERROR_INVALID_DRIVE,
		windows.ERROR_GEN_FAILURE:
		return ErrGone
	case windows.ERROR_ACCESS_DENIED, windows.ERROR_SHARING_VIOLATION:
		return ErrPermission
	}
	return ErrOther
}

// Drives lists the removable drives (U盘) Windows reports; the choice is
// removableDrives', tested with Windows inputs on every platform.
func Drives() []Drive {
	mask, err := windows.GetLogicalDrives()
	if err != nil {
		return nil
	}
	return removableDrives(mask, probeVolume)
}

// probeVolume asks Windows about one drive root such as `E:\`.
func probeVolume(root string) volume {
	p, err := windows.UTF16PtrFromString(root)
	if err != nil {
		return volume{}
	}
	v := volume{removable: windows.GetDriveType(p) == windows.DRIVE_REMOVABLE}
	if !v.removable {
		return v
	}
	var label [windows.MAX_PATH + 1]uint16
	if windows.GetVolumeInformation(p, &label[0], uint32(len(label)), nil, nil, nil, nil, 0) != nil {
		return v // no medium in the drive
	}
	v.medium = true
	v.label = strings.TrimSpace(windows.UTF16ToString(label[:]))
	var free, total, totalFree uint64
	if windows.GetDiskFreeSpaceEx(p, &free, &total, &totalFree) == nil {
		v.free = free
	}
	return v
}
