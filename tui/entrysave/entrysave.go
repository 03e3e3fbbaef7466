// Package entrysave orders the saves of one form. Each field a clerk leaves
// starts a save command that runs off the Update loop; two such commands
// may run at once. A Saver makes them write one at a time, skips a save
// older than one already written, and hands the id of a freshly inserted
// entry to the saves after it, so a new entry is inserted exactly once.
package entrysave

import "sync"

// Saver belongs to one form.
type Saver struct {
	mu      sync.Mutex
	seq     int64 // last sequence number handed out (Update loop only)
	written int64 // newest sequence number written
	id      int64
	pending int
}

// New returns a Saver for an entry that has id (0 when not yet stored).
func New(id int64) *Saver { return &Saver{id: id} }

// Next numbers a save; call it in Update when the save is started, with
// the entry's snapshot taken at the same moment.
func (s *Saver) Next() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	s.pending++
	return s.seq
}

// Do runs write for save seq unless a newer save was already written.
// write gets the stored id (0 when the entry is not stored yet) and
// returns the id after writing. skipped reports an outdated save.
func (s *Saver) Do(seq int64, write func(id int64) (int64, error)) (skipped bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending--
	if seq <= s.written {
		return true, nil
	}
	id, err := write(s.id)
	if err != nil {
		return false, err
	}
	s.id, s.written = id, seq
	return false, nil
}

// Pending reports whether a save was started and has not finished.
func (s *Saver) Pending() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pending > 0
}
