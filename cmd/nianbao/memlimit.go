package main

import (
	"os"
	"runtime/debug"
)

// softMemoryLimit keeps the workstation's heap near what it holds instead
// of letting it double before each collection: loading a year of 50,000
// requests holds about 23 MB, and with the default GOGC alone the
// workstation peaked at 87–100 MB resident (scripts/startbench), above the
// 80 MB an old office PC can spare; with this limit it peaks at about
// 71 MB. It is a soft limit: the program never fails for it, the collector
// only runs more often near it. GOMEMLIMIT in the environment wins.
//
// Only the workstation sets it. A command that goes through a job and
// exits (aggregate of a county's 3,000 bundles above all) has a working
// set larger than 48 MB by nature; under this limit its collector ran
// almost without pause (3,000 bundles: 24–163 s, against 15 s without).
const softMemoryLimit = 48 << 20

// limitWorkstationMemory sets the soft limit for the workstation.
func limitWorkstationMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}

// batchGCPercent lets a batch command's heap grow to five times what it
// holds before each collection (GOGC=400) instead of twice. aggregate holds
// about 3 MB between collections whatever the number of bundles
// (GODEBUG=gctrace=1), and decoding thousands of them makes garbage fast:
// with the default the collector took about a sixth of its time (3,000
// bundles: 7.0–8.6 s wall at GOGC=100, 6.0 s at 400). batchMemoryLimit is
// the soft ceiling above which the collector runs more often again: with
// GOGC=400 alone the resident size followed the job's phases (44, 50 and
// 56 MB for 3,000, 10,000 and 30,000 bundles); under 32 MiB it is 39–42 MB
// at every size, at the same speed (docs/BENCHMARKS.md, "Fourth pass" and
// the Results table: 39, 39 and 42 MB). The heap stays far
// below it, so it never makes the collector run without pause, as the
// workstation's limit did to aggregate before. GOGC or GOMEMLIMIT in the
// environment wins.
const (
	batchGCPercent   = 400
	batchMemoryLimit = 32 << 20
)

// tuneBatchGC sets the collector for a batch command.
func tuneBatchGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(batchMemoryLimit)
	}
}
