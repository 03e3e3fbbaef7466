package common

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestWaitSavesWaitsForTrackedWrites: the program closes the store after
// WaitSaves returns, so a tracked write that is still running must hold it
// back until it has finished.
func TestWaitSavesWaitsForTrackedWrites(t *testing.T) {
	c := &Common{}
	started, release, finished := make(chan struct{}), make(chan struct{}), make(chan bool, 1)
	cmd := c.Track(func() tea.Msg {
		close(started)
		<-release
		finished <- true
		return SavedMsg{}
	})
	go cmd()
	<-started
	waited := make(chan struct{})
	go func() { c.WaitSaves(); close(waited) }()
	select {
	case <-waited:
		t.Fatal("WaitSaves returned while a tracked write was still running")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	<-waited
	select {
	case <-finished:
	default:
		t.Fatal("WaitSaves returned before the write finished")
	}
}
