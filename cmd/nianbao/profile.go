package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
)

// startProfile starts a CPU profile (NIANBAO_CPUPROFILE=file) or an
// execution trace (NIANBAO_TRACE=file) of this run, each file suffixed
// with the process id so that many runs can be merged
// (go tool pprof nianbao file.*); it returns what stops it. Neither is
// documented for clerks: they are for measuring start-up
// (docs/BENCHMARKS.md).
func startProfile() (stop func()) {
	stop = func() {}
	if p := os.Getenv("NIANBAO_CPUPROFILE"); p != "" {
		if f, err := os.Create(fmt.Sprintf("%s.%d", p, os.Getpid())); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				stop = func() { pprof.StopCPUProfile(); f.Close() }
			}
		}
	}
	if p := os.Getenv("NIANBAO_TRACE"); p != "" {
		if f, err := os.Create(fmt.Sprintf("%s.%d", p, os.Getpid())); err == nil {
			if trace.Start(f) == nil {
				prev := stop
				stop = func() { trace.Stop(); f.Close(); prev() }
			}
		}
	}
	return stop
}
