package db

import (
	"os"
	"path/filepath"
)

// onNetworkDrive reports whether dir is on an NFS/SMB/… mount.
func onNetworkDrive(dir string) bool {
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		dir = r
	}
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return false
	}
	return networkFSTypes[mountFSType(string(b), dir)]
}
