package db

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// onNetworkDrive reports whether dir is on a mapped network drive.
func onNetworkDrive(dir string) bool {
	vol := filepath.VolumeName(dir)
	if vol == "" {
		return false
	}
	if isUNCPath(vol) {
		return true
	}
	p, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false
	}
	return windows.GetDriveType(p) == windows.DRIVE_REMOTE
}
