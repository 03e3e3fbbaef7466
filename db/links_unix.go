//go:build !windows

package db

import (
	"errors"
	"os"
	"syscall"
)

// linkCount returns how many names (hard links) the file has.
func linkCount(path string) (uint64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink), nil
	}
	return 1, nil
}

// lockIdentity takes an exclusive flock(2) on the database file itself. The
// kernel keys it on the file (device and inode), not on a name, so a second
// writer is refused whatever name it came by: a symlink, a hard link, the
// file renamed while open. ok is false when another copy holds it. Where
// the file system has no flock the lock-file lock and the hard-link
// refusal are all there is, and ok is true. release must run only after
// every SQLite connection to the file is closed: closing our descriptor
// would drop the process's POSIX (SQLite) locks on the file.
func lockIdentity(path string) (release func(), ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return func() {}, true
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false
		}
		return func() {}, true
	}
	return func() { f.Close() }, true
}
