//go:build !windows

package export

import (
	"errors"
	"os"
	"syscall"
)

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		// Some file systems (vfat via FUSE) do not support syncing a
		// directory; only a real failure is reported.
		return err
	}
	return nil
}

// osErrKind classifies POSIX error numbers.
func osErrKind(err error) ErrKind {
	var no syscall.Errno
	if !errors.As(err, &no) {
		return ErrOther
	}
	switch no {
	case syscall.EROFS:
		return ErrReadOnly
	case syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG:
		return ErrNoSpace
	case syscall.ENOENT, syscall.ENODEV, syscall.ENXIO, syscall.EIO, syscall.ENOTDIR, syscall.ESTALE:
		return ErrGone
	case syscall.EACCES, syscall.EPERM:
		return ErrPermission
	}
	return ErrOther
}
