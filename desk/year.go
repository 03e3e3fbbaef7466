package desk

import (
	"context"
	"reflect"
	"sync"
	"sync/atomic"

	"nianbao/model"
)

// Year is one opened organ-year: the stored data as loaded (without
// applicants' personal data) and what is derived from it. A Year is never
// changed after it is made, with one exception below: a change produces a
// new one (Store.OpenYear reloads, Edit after a change to the profile or
// the report, WithLog after saves to the request log, WithParts after
// saves to the cases, measures, items or report), so whoever holds a
// Year may read it without locks and keep it as long as it likes.
//
// The next snapshot is made from this one recomputing only what reads
// the change: the checks run as a model.CheckRun, whose rule groups
// declare what they read, and table 三, the overview, the fees and the
// 即将到期 counts are tallies that take a changed entry's old state out and
// its new state in.
//
// The exception: WithLog changes an entry of the request log in place
// when it stays at its place (copying 50,000 entries per saved field would
// cost more than the rest of the save), so the snapshot it replaces sees
// the entry's new state in OrganYear().Requests (its derived data and
// findings stay as they were). Code that reads a Year off the Update loop
// while the workstation may save (an export) holds Year.Hold; WithLog
// copies the log instead of changing it while a hold is on.
type Year struct {
	oy    *model.OrganYear
	cal   *model.Calendar
	today model.Date

	// log guards the request log's entries, shared by the snapshots made
	// from one load (WithLog changes them in place).
	log *sharedLog
	// movesGen is the store's count of writes that may move log entries
	// between years when oy.Prev was read.
	movesGen int64

	// The checks, kept by rule group, with table 三 counted from the log.
	run *model.CheckRun

	// Derived from the log.
	overview *model.OverviewTally
	fees     LogFees
	// Unanswered requests due within model.DueSoonWorkdays working days
	// or already late, and how many of them are late.
	dueSoon, late int

	// The checks, errors first, and the same findings by cell.
	findings []model.Finding
	byCell   *cellIndex

	// The 图解 page, laid out when first asked for (Tujie).
	tujie *tujieCache

	// version numbers the snapshots of the process (Version); load is the
	// version of the snapshot made by the load this one descends from.
	version, load uint64
}

// versions counts the snapshots made, for Version.
var versions atomic.Uint64

// Version is a number no other snapshot of this process has: screens key
// what they draw from a snapshot by it, and draw again when it changes.
func (y *Year) Version() uint64 { return y.version }

// sharedLog is the lock over a request log's entries.
type sharedLog struct{ mu sync.RWMutex }

// LogFees is the year's fee summary computed from the request log, with
// the number of requests charged by each method.
type LogFees struct {
	Sum        model.FeeSummary
	PerRequest int
	PerPage    int
}

func (l *LogFees) add(year int, q *model.Request, d int) {
	l.Sum.Add(year, q, d)
	switch q.FeeMethod {
	case model.FeePerRequest:
		l.PerRequest += d
	case model.FeePerPage:
		l.PerPage += d
	}
}

// Snapshot makes the Year of an organ-year, computing its derived data
// with cal and today (the date deadlines and rules use).
func Snapshot(oy *model.OrganYear, cal *model.Calendar, today model.Date) *Year {
	y := &Year{oy: oy, cal: cal, today: today, log: &sharedLog{}, tujie: &tujieCache{}, version: versions.Add(1)}
	y.load = y.version
	y.deriveLog()
	y.setRun(model.NewCheckRun(oy, cal, today))
	return y
}

// OpenYear loads an organ-year (without personal data) and makes its
// snapshot.
func (s *Store) OpenYear(ctx context.Context, organID int64, year int, cal *model.Calendar, today model.Date) (*Year, error) {
	moves := s.movesGen()
	oy, err := s.LoadOrganYear(ctx, organID, year, false)
	if err != nil {
		return nil, err
	}
	y := Snapshot(oy, cal, today)
	y.movesGen = moves
	return y, nil
}

// CheckYear loads an organ-year (without personal data) and checks it,
// and no more: what a command that prints the findings needs of OpenYear.
func (s *Store) CheckYear(ctx context.Context, organID int64, year int, cal *model.Calendar, today model.Date) (*model.OrganYear, []model.Finding, error) {
	oy, err := s.LoadOrganYearToCheck(ctx, organID, year)
	if err != nil {
		return nil, nil, err
	}
	return oy, model.Check(oy, cal, today), nil
}

// deriveLog counts the overview, the fees and the 即将到期 view from the
// whole log.
func (y *Year) deriveLog() {
	r := y.oy.Report
	y.fees = LogFees{}
	y.dueSoon, y.late = 0, 0
	y.overview = nil
	f := r.Format()
	if f != nil {
		y.overview = model.NewOverviewTally(f, r.Year, y.today, y.cal)
	}
	for i := range y.oy.Requests {
		y.countEntry(&y.oy.Requests[i], 1)
	}
}

// countEntry counts one log entry into the overview, fees and 即将到期
// counts d times (1 or -1).
func (y *Year) countEntry(q *model.Request, d int) {
	year := y.oy.Report.Year
	if y.overview != nil {
		y.overview.Add(q, d)
	}
	y.fees.add(year, q, d)
	due, late := model.DueSoonOf(q, y.today, y.cal)
	y.dueSoon += d * due
	y.late += d * late
}

// setRun keeps a check run and its findings.
func (y *Year) setRun(run *model.CheckRun) {
	y.run = run
	y.setFindings(run.Findings())
}

// setFindings keeps the findings; FindingsAt indexes them by cell when
// first asked (a saved log entry makes a snapshot no grid may draw).
func (y *Year) setFindings(fs []model.Finding) {
	y.findings = fs
	y.byCell = &cellIndex{}
}

// cellIndex is a snapshot's findings by cell, made once on first use.
type cellIndex struct {
	once sync.Once
	m    map[model.CellAddress][]model.Finding
}

func (y *Year) cells() map[model.CellAddress][]model.Finding {
	x := y.byCell
	if x == nil {
		return nil
	}
	x.once.Do(func() {
		x.m = map[model.CellAddress][]model.Finding{}
		for _, f := range y.findings {
			// Most findings at 50,000 requests are about log entries,
			// not cells: they stay out of the index.
			if !f.Cell.IsZero() {
				x.m[f.Cell] = append(x.m[f.Cell], f)
			}
		}
	})
	return x.m
}

// Hold keeps WithLog from changing this snapshot's log in place until the
// returned function is called: an export running beside the workstation
// holds the Year it writes.
func (y *Year) Hold() (release func()) {
	if y.log == nil {
		return func() {} // a Year made without Snapshot
	}
	y.log.mu.RLock()
	return y.log.mu.RUnlock
}

// OrganYear is the loaded organ-year. Callers must not change it.
func (y *Year) OrganYear() *model.OrganYear { return y.oy }

// Report is the organ-year's report. Callers must not change it.
func (y *Year) Report() *model.Report { return y.oy.Report }

// Calendar and Today are what the derived data were computed with.
func (y *Year) Calendar() *model.Calendar { return y.cal }

// Today is the date the rules and deadlines of this snapshot used.
func (y *Year) Today() model.Date { return y.today }

// Findings are the checks of the organ-year, errors first. Callers must
// not change the slice.
func (y *Year) Findings() []model.Finding { return y.findings }

// FindingsAt returns the findings about one table cell (none for the zero
// address).
func (y *Year) FindingsAt(a model.CellAddress) []model.Finding {
	out := y.cells()[a]
	return out[:len(out):len(out)] // a caller's append copies
}

// Errors are the findings of severity 错误 (which block a formal export).
func (y *Year) Errors() []model.Finding {
	var out []model.Finding
	for _, f := range y.findings {
		if f.Severity == model.Error {
			out = append(out, f)
		}
	}
	return out
}

// S3 is table 三 computed from the log (also when the report types it).
func (y *Year) S3() model.Values { return y.run.S3() }

// Values are the values the tables print (model.EffectiveValues of the
// organ-year). Callers must not change them.
func (y *Year) Values() model.Values { return y.run.Values() }

// Overview is the year's summary of the request log.
func (y *Year) Overview() model.RequestOverview {
	if y.overview == nil {
		return model.RequestOverview{}
	}
	return y.overview.Overview()
}

// DueSoon counts the unanswered requests due within
// model.DueSoonWorkdays working days or already late (即将到期), and how
// many of them are late.
func (y *Year) DueSoon() (due, late int) { return y.dueSoon, y.late }

// LogFees is the year's fee summary computed from the log.
func (y *Year) LogFees() LogFees { return y.fees }

// Edit makes the next snapshot after a change to the organ's profile or
// the report (its head, text, typed cells, acknowledged warnings): edit
// gets a copy of the organ-year whose report is its own (values, blocks
// and acks copied) and may change Organ and Report, never the logs
// (requests, cases, measures, items), which stay shared with this
// snapshot. The parts derived from the logs (table 三, fees, overview) are
// shared; the rules that read the profile or the report run again (all of
// them when the year or format changed). This snapshot does not change.
func (y *Year) Edit(edit func(oy *model.OrganYear)) *Year {
	oy := *y.oy
	r := *y.oy.Report
	r.Values = make(model.Values, len(y.oy.Report.Values))
	for a, v := range y.oy.Report.Values {
		r.Values[a] = v
	}
	r.Blocks = append([]model.Block(nil), y.oy.Report.Blocks...)
	r.Acks = append([]model.Ack(nil), y.oy.Report.Acks...)
	oy.Report = &r
	edit(&oy)
	n := *y
	n.oy = &oy
	n.tujie = &tujieCache{}
	n.version = versions.Add(1)
	n.setRun(y.run.Next(&oy, model.Change{Inputs: edited(y.oy, &oy)}))
	return &n
}

// edited is what an Edit changed of old: the rules that read nothing of it
// keep their findings (a typed cell leaves the rules on the text alone).
// Acknowledgements are applied to every finding when the run joins them,
// so they are no input of a rule.
func edited(old, oy *model.OrganYear) model.Input {
	var in model.Input
	if !reflect.DeepEqual(old.Organ, oy.Organ) {
		in |= model.InOrgan
	}
	a, b := *old.Report, *oy.Report
	if !a.Values.Same(b.Values) {
		in |= model.InValues
	}
	if !reflect.DeepEqual(a.Blocks, b.Blocks) {
		in |= model.InBlocks
	}
	a.Values, b.Values, a.Blocks, b.Blocks, a.Acks, b.Acks = nil, nil, nil, nil, nil, nil
	if !reflect.DeepEqual(a, b) {
		in |= model.InReport
	}
	return in
}

// WithSectionBlocks is the snapshot with one section's blocks replaced, in
// order, keeping the other sections: the narrative editor's saved text.
func (y *Year) WithSectionBlocks(section int, bs []model.Block) *Year {
	return y.Edit(func(oy *model.OrganYear) {
		oy.Report.Blocks = ReplaceSection(oy.Report.Blocks, section, bs)
	})
}

// ReplaceSection returns blocks with those of section replaced by bs, at
// the place of the section in order.
func ReplaceSection(blocks []model.Block, section int, bs []model.Block) []model.Block {
	var out []model.Block
	done := false
	for _, b := range blocks {
		if b.Section == section {
			if !done {
				out = append(out, bs...)
				done = true
			}
			continue
		}
		if !done && b.Section > section {
			out = append(out, bs...)
			done = true
		}
		out = append(out, b)
	}
	if !done {
		out = append(out, bs...)
	}
	return out
}
