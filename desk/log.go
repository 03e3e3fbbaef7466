package desk

import (
	"context"
	"sort"

	"nianbao/model"
)

// Saves to the request log and the open year's snapshot: after a save,
// the workstation reads the saved entries back (ReadLogUpdate, off its
// Update loop) and makes the next snapshot from them (Year.WithLog), in
// place of loading and checking the whole organ-year again.

// RequestUpdate is the stored state of one log entry after a save,
// without personal data; Gone when the entry no longer exists.
type RequestUpdate struct {
	ID      int64
	Request model.Request
	Gone    bool
	// personal is the entry's personal data, for the snapshot's index of
	// personal values only (a snapshot holds no personal data).
	personal model.Personal
}

// LogUpdate is what ReadLogUpdate read for Year.WithLog.
type LogUpdate struct {
	organID  int64
	year     int
	load     uint64 // the load the snapshot read for descends from
	Requests []RequestUpdate
	// After a write that may have moved an entry to another year or
	// number, or dropped one (movesGen moved since the snapshot was
	// read), the index of personal values (keyed by year and number) and
	// last year's figures are read again; prev is also read again when a
	// saved entry was received before this year (it counts in last year's
	// table 三). personal nil: the index follows the saved entries.
	personal *model.PersonalIndex
	prev     *model.PrevYear
	prevRead bool
	movesGen int64
	// moved: an entry may have changed its number since the snapshot.
	moved bool
}

// Writes that may move an entry to another year or number, or drop one,
// count up logMoves.
func (s *Store) movesGen() int64 { return s.logMoves.Load() }

// SaveRequestField saves one field of a request (db.Store's) and counts a
// renumbering as a move.
func (s *Store) SaveRequestField(ctx context.Context, q *model.Request, f RequestField) error {
	id, year, serial := q.ID, q.Year, q.Serial
	defer func() {
		if id != 0 && (q.Year != year || q.Serial != serial) {
			s.logMoves.Add(1)
		}
	}()
	return s.Store.SaveRequestField(ctx, q, f)
}

// SaveRequest saves a whole request (db.Store's) and counts a renumbering
// as a move.
func (s *Store) SaveRequest(ctx context.Context, q *model.Request) error {
	id, year, serial := q.ID, q.Year, q.Serial
	defer func() {
		if id != 0 && (q.Year != year || q.Serial != serial) {
			s.logMoves.Add(1)
		}
	}()
	return s.Store.SaveRequest(ctx, q)
}

// DeleteRequest deletes a request (db.Store's), counted as a move.
func (s *Store) DeleteRequest(ctx context.Context, id int64) (model.Request, error) {
	defer s.logMoves.Add(1)
	return s.Store.DeleteRequest(ctx, id)
}

// RestoreRequest re-inserts a deleted request (db.Store's), counted as a
// move.
func (s *Store) RestoreRequest(ctx context.Context, q model.Request) error {
	defer s.logMoves.Add(1)
	return s.Store.RestoreRequest(ctx, q)
}

// ReadLogUpdate reads the stored state of the log entries ids for the next
// snapshot of y (Year.WithLog), and what else a save may have changed. It
// only reads, and never touches y's log, so it may run beside the
// workstation's Update loop.
func (s *Store) ReadLogUpdate(ctx context.Context, y *Year, ids []int64) (*LogUpdate, error) {
	r := y.Report()
	u := &LogUpdate{organID: r.OrganID, year: r.Year, load: y.load, movesGen: s.movesGen()}
	moved := u.movesGen != y.movesGen
	if moved {
		x, err := s.PersonalIndex(ctx, r.OrganID)
		if err != nil {
			return nil, err
		}
		u.personal, u.prevRead, u.moved = x, true, true
	}
	for _, id := range ids {
		q, err := s.Request(ctx, id, true)
		switch {
		case KindOf(err) == ErrNotFound:
			u.Requests = append(u.Requests, RequestUpdate{ID: id, Gone: true})
			continue
		case err != nil:
			return nil, err
		}
		p := q.Personal
		q.Personal = model.Personal{}
		u.Requests = append(u.Requests, RequestUpdate{ID: id, Request: q, personal: p})
		if q.Year < r.Year {
			u.prevRead = true // an entry of an earlier year counts in last year's table 三
		}
	}
	if u.prevRead {
		p, err := s.PrevYear(ctx, r.OrganID, r.Year)
		if err != nil {
			return nil, err
		}
		u.prev = p
	}
	return u, nil
}

// For reports whether u was read for this snapshot's organ-year, from a
// snapshot of the same load (a load made after the read started may hold
// newer entries than u).
func (u *LogUpdate) For(y *Year) bool {
	r := y.Report()
	return u != nil && r.OrganID == u.organID && r.Year == u.year && u.load == y.load
}

// IDs are the log entries u read, to read them again.
func (u *LogUpdate) IDs() []int64 {
	ids := make([]int64, len(u.Requests))
	for i, ru := range u.Requests {
		ids[i] = ru.ID
	}
	return ids
}

// WithLog is the snapshot after the saves u read: each entry takes its
// stored state. An entry that stays at its place changes in place (see
// Year); the checks run again on the changed entries only, and table 三,
// the overview, the fees and the 即将到期 counts take the old state out and
// the new one in. An entry that enters or leaves the year, or moves (a
// new number), makes a new log, and its derived data are computed again.
// u must be For(y).
func (y *Year) WithLog(u *LogUpdate) *Year {
	n := *y
	oy := *y.oy
	n.oy = &oy
	n.tujie = &tujieCache{}
	n.version = versions.Add(1)
	in := model.Input(0)
	if u.prevRead {
		oy.Prev, n.movesGen = u.prev, u.movesGen
		in |= model.InPrev
	}
	// The log and the personal index change in place only while nobody
	// holds this snapshot (Hold).
	locked := y.log.mu.TryLock()
	if locked {
		defer y.log.mu.Unlock()
	}
	year := oy.Report.Year
	pos := entryPlaces(oy.Requests, u.Requests, u.moved)
	// In place when every entry keeps its place and nobody holds the log.
	inPlace := true
	for _, ru := range u.Requests {
		p := pos[ru.ID]
		stays := !ru.Gone && ru.Request.InOrganYear(year)
		if p < 0 && !stays {
			continue // neither was nor is in the year
		}
		if p < 0 || !stays || oy.Requests[p].Year != ru.Request.Year || oy.Requests[p].Serial != ru.Request.Serial {
			inPlace = false
		}
	}
	inPlace = inPlace && locked
	// The personal index follows the saved entries (in place with the log).
	switch {
	case u.personal != nil:
		oy.Personal = u.personal
		in |= model.InPersonal
	case oy.Personal != nil:
		x := oy.Personal
		if !inPlace {
			x = x.Clone()
		}
		for _, ru := range u.Requests {
			if !ru.Gone && x.Update(ru.Request.Year, ru.Request.Serial, ru.personal) {
				in |= model.InPersonal
			}
		}
		oy.Personal = x
	}
	if !inPlace {
		oy.Requests = nextLog(y.oy.Requests, u, pos, year)
		n.log = &sharedLog{}
		n.deriveLog()
		n.setRun(y.run.Next(&oy, model.Change{Inputs: in | model.InRequests}))
		return &n
	}
	var edits []model.EntryEdit
	if n.overview != nil {
		n.overview = y.overview.Clone() // y keeps its own counts
	}
	for _, ru := range u.Requests {
		p := pos[ru.ID]
		if p < 0 {
			continue
		}
		old := oy.Requests[p]
		if old == ru.Request {
			continue
		}
		n.countEntry(&old, -1)
		oy.Requests[p] = ru.Request
		n.countEntry(&oy.Requests[p], 1)
		edits = append(edits, model.EntryEdit{Pos: p, Old: old})
	}
	if len(edits) > 0 {
		in |= model.InRequests
	}
	if in == 0 {
		return &n
	}
	n.setRun(y.run.Next(&oy, model.Change{Inputs: in, Entries: edits}))
	return &n
}

// nextLog is a new log: old with the entries of u replaced, dropped or
// added, in (Year, Serial) order as the store loads it.
func nextLog(old []model.Request, u *LogUpdate, pos map[int64]int, year int) []model.Request {
	drop := make(map[int]bool, len(pos))
	for _, p := range pos {
		if p >= 0 {
			drop[p] = true
		}
	}
	out := make([]model.Request, 0, len(old)+len(u.Requests))
	for i := range old {
		if !drop[i] {
			out = append(out, old[i])
		}
	}
	for _, ru := range u.Requests {
		if ru.Gone || !ru.Request.InOrganYear(year) {
			continue
		}
		q := ru.Request
		i := sort.Search(len(out), func(i int) bool {
			return out[i].Year > q.Year || out[i].Year == q.Year && out[i].Serial >= q.Serial
		})
		out = append(out, model.Request{})
		copy(out[i+1:], out[i:])
		out[i] = q
	}
	return out
}

// entryPlaces finds the place in log of each updated entry (-1: not in
// it). The log is in (Year, Serial) order and an entry keeps its number
// unless it was renumbered, so a binary search finds it; when entries may
// have moved (or went), those not found so are looked for one by one.
func entryPlaces(log []model.Request, us []RequestUpdate, moved bool) map[int64]int {
	pos := make(map[int64]int, len(us))
	missing := 0
	for _, ru := range us {
		pos[ru.ID] = -1
		if ru.Gone {
			missing++
			continue
		}
		q := &ru.Request
		i := sort.Search(len(log), func(i int) bool {
			return log[i].Year > q.Year || log[i].Year == q.Year && log[i].Serial >= q.Serial
		})
		if i < len(log) && log[i].ID == ru.ID {
			pos[ru.ID] = i
		} else {
			missing++
		}
	}
	if missing == 0 || !moved {
		return pos
	}
	for i := range log {
		if p, ok := pos[log[i].ID]; ok && p < 0 {
			pos[log[i].ID] = i
		}
	}
	return pos
}
