//go:build !linux && !windows

package db

// onNetworkDrive cannot tell on this system; only UNC paths are refused.
func onNetworkDrive(dir string) bool { return false }
