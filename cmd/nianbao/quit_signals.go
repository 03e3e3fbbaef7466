package main

import (
	"os"
	"runtime"
	"syscall"
)

// quitSignals are the signals the workstation treats like the clerk's own
// quit: the saves under way finish, the store closes with its close-time
// backup, the lock is released. Besides Ctrl+C: closing the terminal window
// (SIGHUP), a shutdown or `kill` (SIGTERM), and on Windows closing the
// console window, logging off or shutting down, which Go delivers as SIGTERM
// once it is asked for (Windows then allows the program a few seconds).
func quitSignals() []os.Signal { return quitSignalsFor(runtime.GOOS) }

// quitSignalsFor is quitSignals for the system goos, so the choice for
// Windows is tested on any system.
func quitSignalsFor(goos string) []os.Signal {
	if goos == "windows" {
		return []os.Signal{os.Interrupt, syscall.SIGTERM}
	}
	return []os.Signal{os.Interrupt, syscall.SIGHUP, syscall.SIGTERM}
}
