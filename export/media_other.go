//go:build !linux && !windows

package export

// Drives finds no removable media on this system; the clerk types a folder.
func Drives() []Drive { return nil }
