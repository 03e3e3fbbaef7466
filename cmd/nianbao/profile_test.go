package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestStartProfile: NIANBAO_CPUPROFILE and NIANBAO_TRACE each write their
// file, named with the process id, and nothing is written without them.
func TestStartProfile(t *testing.T) {
	dir := t.TempDir()
	stop := startProfile()
	stop()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("files written without the variables: %v", entries)
	}
	t.Setenv("NIANBAO_CPUPROFILE", filepath.Join(dir, "cpu"))
	t.Setenv("NIANBAO_TRACE", filepath.Join(dir, "trace"))
	stop = startProfile()
	stop()
	for _, name := range []string{"cpu", "trace"} {
		fi, err := os.Stat(filepath.Join(dir, fmt.Sprintf("%s.%d", name, os.Getpid())))
		if err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}
