//go:build linux

package bench

import (
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU is the CPU time the calling OS thread has used. With the
// goroutine locked to its thread it measures the work of a key without the
// time the process waited for a core on a loaded machine.
func threadCPU() (time.Duration, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}

// processCPU is the CPU time the whole process has used (user + system,
// every thread): beside the wall time of a benchmark it shows the work
// done when the machine is loaded.
func processCPU() (time.Duration, bool) {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}

// childUsage is the CPU time (user + system) and the peak resident memory
// (max RSS, bytes) of a child process that has ended.
func childUsage(ps *os.ProcessState) (cpu time.Duration, maxRSS int64, ok bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return ps.UserTime() + ps.SystemTime(), 0, false
	}
	return ps.UserTime() + ps.SystemTime(), ru.Maxrss << 10, true
}
