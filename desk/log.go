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
}

// LogUpdate is what ReadLogUpdate read for Year.WithLog.
type LogUpdate struct {
	organID  int64
	year     int
	Requests []RequestUpdate
	// personal is the organ's personal index read again when personal
	// data may have changed since the snapshot's was read (nil: kept).
	personal    *model.PersonalIndex
	personalGen int64
	// prev is last year's figures read again when a save may have changed
	// last year's log (an entry received before this year, or one that
	// moved or went); prevRead tells that it was.
	prev     *model.PrevYear
	prevRead bool
	movesGen int64
}

// The store's writes that may change personal data (or the year and
// number a personal value is indexed under) count up personalWrites, so
// that ReadLogUpdate reads the personal index again only then.

func (s *Store) personalGen() int64 { return s.personalWrites.Load() }

// Writes that may move an entry to another year or drop or add one count
// up logMoves: last year's figures are read again then.
func (s *Store) movesGen() int64 { return s.logMoves.Load() }

// SaveRequestField saves one field of a stored request (db.Store's), and
// counts a write of personal data or a renumbering for ReadLogUpdate.
func (s *Store) SaveRequestField(ctx context.Context, q *model.Request, f RequestField) error {
	year, serial := q.Year, q.Serial
	err := s.Store.SaveRequestField(ctx, q, f)
	if f.Personal() || q.ID == 0 || q.Year != year || q.Serial != serial {
		s.personalWrites.Add(1)
	}
	if q.ID == 0 || q.Year != year || q.Serial != serial {
		s.logMoves.Add(1)
	}
	return err
}

// SaveRequest saves a whole request (db.Store's), counted as a write of
// personal data.
func (s *Store) SaveRequest(ctx context.Context, q *model.Request) error {
	defer s.logMoves.Add(1)
	defer s.personalWrites.Add(1)
	return s.Store.SaveRequest(ctx, q)
}

// SavePersonal saves a request's personal data (db.Store's), counted.
func (s *Store) SavePersonal(ctx context.Context, requestID int64, p model.Personal) error {
	defer s.personalWrites.Add(1)
	return s.Store.SavePersonal(ctx, requestID, p)
}

// DeleteRequest deletes a request (db.Store's), counted as a write of
// personal data.
func (s *Store) DeleteRequest(ctx context.Context, id int64) (model.Request, error) {
	defer s.logMoves.Add(1)
	defer s.personalWrites.Add(1)
	return s.Store.DeleteRequest(ctx, id)
}

// RestoreRequest re-inserts a deleted request (db.Store's), counted as a
// write of personal data.
func (s *Store) RestoreRequest(ctx context.Context, q model.Request) error {
	defer s.logMoves.Add(1)
	defer s.personalWrites.Add(1)
	return s.Store.RestoreRequest(ctx, q)
}

// ReadLogUpdate reads the stored state of the log entries ids for the next
// snapshot of y (Year.WithLog), and the personal index when personal data
// was written since y's was read. It only reads, and never touches y's
// log, so it may run beside the workstation's Update loop.
func (s *Store) ReadLogUpdate(ctx context.Context, y *Year, ids []int64) (*LogUpdate, error) {
	r := y.Report()
	u := &LogUpdate{organID: r.OrganID, year: r.Year, personalGen: s.personalGen(), movesGen: s.movesGen()}
	if u.personalGen != y.personalGen {
		x, err := s.PersonalIndex(ctx, r.OrganID)
		if err != nil {
			return nil, err
		}
		u.personal = x
	}
	for _, id := range ids {
		q, err := s.Request(ctx, id, false)
		switch {
		case KindOf(err) == ErrNotFound:
			u.Requests = append(u.Requests, RequestUpdate{ID: id, Gone: true})
		case err != nil:
			return nil, err
		default:
			u.Requests = append(u.Requests, RequestUpdate{ID: id, Request: q})
		}
	}
	if u.movesGen != y.movesGen {
		u.prevRead = true
	}
	for _, ru := range u.Requests {
		if !ru.Gone && ru.Request.Year < r.Year {
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

// For reports whether u was read for this snapshot's organ-year.
func (u *LogUpdate) For(y *Year) bool {
	r := y.Report()
	return u != nil && r.OrganID == u.organID && r.Year == u.year
}

// inOrganYear tells whether the organ-year of year loads q: received in
// it, or earlier and not closed before it began (db's yearWhere).
func inOrganYear(q *model.Request, year int) bool {
	return q.Year == year || q.Year < year && !(q.Closed() && q.Answered < model.YearStart(year))
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
	in := model.Input(0)
	if u.personal != nil {
		oy.Personal, n.personalGen = u.personal, u.personalGen
		in |= model.InPersonal
	}
	if u.prevRead {
		oy.Prev, n.movesGen = u.prev, u.movesGen
		in |= model.InPrev
	}
	year := oy.Report.Year
	pos := make(map[int64]int, len(u.Requests))
	for _, ru := range u.Requests {
		pos[ru.ID] = -1
	}
	for i := range oy.Requests {
		if _, ok := pos[oy.Requests[i].ID]; ok {
			pos[oy.Requests[i].ID] = i
		}
	}
	// In place when every entry keeps its place and nobody holds the log.
	inPlace := true
	for _, ru := range u.Requests {
		p := pos[ru.ID]
		stays := !ru.Gone && inOrganYear(&ru.Request, year)
		if p < 0 && !stays {
			continue // neither was nor is in the year
		}
		if p < 0 || !stays || oy.Requests[p].Year != ru.Request.Year || oy.Requests[p].Serial != ru.Request.Serial {
			inPlace = false
		}
	}
	if inPlace && !y.log.mu.TryLock() {
		inPlace = false
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
	y.log.mu.Unlock()
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
		if ru.Gone || !inOrganYear(&ru.Request, year) {
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
