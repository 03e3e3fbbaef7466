package main

import (
	"os"
	"runtime/debug"
)

// softMemoryLimit keeps the heap near what the program holds instead of
// letting it double before each collection: loading a year of 50,000
// requests holds about 23 MB, and with the default GOGC alone the
// workstation peaked at 87–100 MB resident (scripts/startbench), above the
// 80 MB an old office PC can spare; with this limit it peaks at about
// 71 MB. It is a soft limit: the program never fails for it, the collector
// only runs more often near it. GOMEMLIMIT in the environment wins.
const softMemoryLimit = 48 << 20

func init() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}
