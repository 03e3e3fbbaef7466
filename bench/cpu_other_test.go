//go:build !linux

package bench

import (
	"os"
	"time"
)

// threadCPU is not measured off Linux.
func threadCPU() (time.Duration, bool) { return 0, false }

// processCPU is not measured off Linux.
func processCPU() (time.Duration, bool) { return 0, false }

// childUsage is the CPU time of a child process that has ended; its peak
// memory is not measured off Linux.
func childUsage(ps *os.ProcessState) (cpu time.Duration, maxRSS int64, ok bool) {
	return ps.UserTime() + ps.SystemTime(), 0, false
}
