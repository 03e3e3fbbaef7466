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
