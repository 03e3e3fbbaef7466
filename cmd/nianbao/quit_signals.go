package main

import (
	"context"
	"os"
	"os/signal"
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

// stopContext is the context of a command's work: it ends on any of
// quitSignals, so every command — the workstation, and each subcommand
// that writes a file or the database — stops the same way whether the clerk
// presses Ctrl+C, closes the window or the computer shuts down: the write
// under way ends whole (files through a temp file and a rename, the
// database in a transaction), nothing after it starts, and the store
// closes and releases its lock.
func stopContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), quitSignals()...)
}

// quitSignalsFor is quitSignals for the system goos, so the choice for
// Windows is tested on any system.
func quitSignalsFor(goos string) []os.Signal {
	if goos == "windows" {
		return []os.Signal{os.Interrupt, syscall.SIGTERM}
	}
	return []os.Signal{os.Interrupt, syscall.SIGHUP, syscall.SIGTERM}
}
