//go:build !windows

package db

import "syscall"

// dirWritable reports whether files can be created in dir (false on a
// read-only mount even for root).
func dirWritable(dir string) bool { return syscall.Access(dir, 2 /* W_OK */) == nil }
