package desk

import (
	"context"

	"nianbao/model"
)

// Year is one opened organ-year: the stored data as loaded (without
// applicants' personal data) and what is derived from it, each part
// computed once when the snapshot is made. A Year is never changed after
// it is made: a change produces a new one (Store.OpenYear after a change to
// the logs, Edit after a change to the profile or the report), so whoever
// holds a Year may read it without locks and keep it as long as it likes.
//
// Every derived part is computed by its own function from the organ-year
// (deriveTables, deriveFees, deriveFindings), so that the next snapshot is
// made from this one recomputing only the parts that read what changed
// (Edit shares the parts derived from the logs); running only the rules
// that read a changed field is the next step of the same idea.
type Year struct {
	oy    *model.OrganYear
	cal   *model.Calendar
	today model.Date

	// Derived from the log, computed once.
	s3       model.Values
	overview model.RequestOverview
	fees     LogFees
	// Unanswered requests due within model.DueSoonWorkdays working days
	// or already late, and how many of them are late.
	dueSoon, late int

	// The checks, errors first, and the same findings by cell.
	findings []model.Finding
	byCell   map[model.CellAddress][]model.Finding

	// The 图解 page, laid out when first asked for (Tujie).
	tujie *tujieCache
}

// LogFees is the year's fee summary computed from the request log, with
// the number of requests charged by each method.
type LogFees struct {
	Sum        model.FeeSummary
	PerRequest int
	PerPage    int
}

// Snapshot makes the Year of an organ-year, computing its derived data
// with cal and today (the date deadlines and rules use).
func Snapshot(oy *model.OrganYear, cal *model.Calendar, today model.Date) *Year {
	y := &Year{oy: oy, cal: cal, today: today, tujie: &tujieCache{}}
	y.deriveTables()
	y.deriveFees()
	y.deriveFindings()
	return y
}

// OpenYear loads an organ-year (without personal data) and makes its
// snapshot.
func (s *Store) OpenYear(ctx context.Context, organID int64, year int, cal *model.Calendar, today model.Date) (*Year, error) {
	oy, err := s.LoadOrganYear(ctx, organID, year, false)
	if err != nil {
		return nil, err
	}
	return Snapshot(oy, cal, today), nil
}

// CheckYear loads an organ-year (without personal data) and checks it,
// and no more: what a command that prints the findings needs of OpenYear.
func (s *Store) CheckYear(ctx context.Context, organID int64, year int, cal *model.Calendar, today model.Date) (*model.OrganYear, []model.Finding, error) {
	oy, err := s.LoadOrganYear(ctx, organID, year, false)
	if err != nil {
		return nil, nil, err
	}
	return oy, model.Check(oy, cal, today), nil
}

func (y *Year) deriveTables() {
	r := y.oy.Report
	f := r.Format()
	if f == nil {
		return
	}
	y.s3 = model.ComputeS3(f, r.Year, y.oy.Requests)
	y.overview = model.SummarizeRequests(f, r.Year, y.oy.Requests, y.today, y.cal)
	y.dueSoon, y.late = model.CountDueSoon(y.oy.Requests, y.today, y.cal)
}

func (y *Year) deriveFees() {
	y.fees = LogFees{Sum: model.FeesOfYear(y.oy.Report.Year, y.oy.Requests)}
	for _, q := range y.oy.Requests {
		switch q.FeeMethod {
		case model.FeePerRequest:
			y.fees.PerRequest++
		case model.FeePerPage:
			y.fees.PerPage++
		}
	}
}

func (y *Year) deriveFindings() { y.setFindings(model.Check(y.oy, y.cal, y.today)) }

// setFindings keeps the findings and indexes them by cell.
func (y *Year) setFindings(fs []model.Finding) {
	y.findings = fs
	y.byCell = map[model.CellAddress][]model.Finding{}
	for _, f := range fs {
		y.byCell[f.Cell] = append(y.byCell[f.Cell], f)
	}
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

// FindingsAt returns the findings about one table cell.
func (y *Year) FindingsAt(a model.CellAddress) []model.Finding {
	out := y.byCell[a]
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
func (y *Year) S3() model.Values { return y.s3 }

// Overview is the year's summary of the request log.
func (y *Year) Overview() model.RequestOverview { return y.overview }

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
// shared; the findings are checked again. This snapshot does not change.
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
	n.deriveFindings()
	return &n
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
