package bundle

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// TestEachFileStopsOnEmitError: when emit fails, EachFile returns its
// error, emit is not called again, the folder's other files are not read
// (only those already handed to the workers), and EachFile returns, so no
// goroutine is left waiting.
func TestEachFileStopsOnEmitError(t *testing.T) {
	workers := max(1, runtime.GOMAXPROCS(0))
	n := 20 + 4*workers
	data, err := Encode(fixture(), Public)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.json", i)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var reduced, emitted atomic.Int64
	stop := errors.New("emit failed")
	done := make(chan error, 1)
	go func() {
		done <- EachFile(dir, func(f Found) string {
			reduced.Add(1)
			if f.Problem != "" {
				t.Errorf("%s: %s", f.Name, f.Problem)
			}
			return f.Name
		}, func(string) error {
			if emitted.Add(1) == 3 {
				return stop
			}
			return nil
		})
	}()
	select {
	case err := <-done:
		if err != stop {
			t.Errorf("EachFile: %v, want emit's error", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("EachFile did not return after emit failed")
	}
	if e := emitted.Load(); e != 3 {
		t.Errorf("emit called %d times, want 3 (not again after its error)", e)
	}
	// The three emitted, and at most one result waiting in the channel, one
	// held by each worker and one name queued for each, and the name the
	// lister held when emit failed.
	if r, bound := reduced.Load(), int64(4+3*workers); r > bound {
		t.Errorf("%d of %d files read after emit failed on the third; want at most %d", r, n, bound)
	}
}
