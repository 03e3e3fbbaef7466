package model

import (
	"fmt"
	"maps"
	"sort"
)

// Incremental checking. The rules run in groups, each declaring the parts
// of the organ-year it reads (ruleGroups). A CheckRun keeps the findings of
// every group, and of every log entry for the request rules, so that the
// run of a changed organ-year (CheckRun.Next) re-runs only the groups that
// read a changed part and, for an entry changed in place, only that
// entry's rules. Its findings equal those of Check on the changed
// organ-year (tests compare them after random edits).

// Input is one part of an organ-year that rules read.
type Input uint16

const (
	// InYear is the report's year and format.
	InYear Input = 1 << iota
	// InReport is the rest of the report's head: date, preamble, table
	// modes, typed fees, status.
	InReport
	// InValues are the values the tables print (typed cells, and the
	// tables computed from the logs): they change with the typed cells,
	// the table modes and the logs the computed tables count.
	InValues
	InBlocks
	InOrgan
	InPrev
	InRequests
	InCases
	InMeasures
	InItems
	// InPersonal is the index of the applicants' personal values.
	InPersonal
	// InCalendar is the working-day calendar and today's date.
	InCalendar

	// InAll is every part.
	InAll Input = 1<<iota - 1
)

// A ruleGroup is a set of rules run together, with the parts they read
// (reads may depend on the organ-year: the P1 rule on a typed table reads
// the log only then).
type ruleGroup struct {
	name  string
	reads func(oy *OrganYear) Input
	run   func(c *checker)
}

func reads(in Input) func(*OrganYear) Input { return func(*OrganYear) Input { return in } }

// groupRequests is the place of the request rules in ruleGroups: they
// keep their findings per entry (CheckRun.reqs) and K1 apart.
const groupRequests = 7

// ruleGroups run in this order; findings keep it within a severity and
// section.
var ruleGroups = []ruleGroup{
	{"format", reads(InYear | InReport | InBlocks), (*checker).formatRules},
	{"blank", reads(InYear | InReport | InValues), (*checker).blanks},
	{"s3", reads(InYear | InValues), (*checker).tableS3},
	{"s4", reads(InYear | InValues), (*checker).tableS4},
	{"nonneg", reads(InYear | InValues), (*checker).nonNegative},
	{"section2", reads(InYear | InValues | InOrgan), (*checker).section2},
	{"yoy", reads(InYear | InValues | InPrev), (*checker).yearOverYear},
	{"requests", reads(InYear | InRequests | InCalendar), nil},
	{"cases", reads(InYear | InCases), (*checker).cases},
	{"narrative", reads(InYear | InReport | InBlocks | InValues | InItems | InPrev), (*checker).narrative},
	{"report", func(oy *OrganYear) Input {
		in := InYear | InReport | InOrgan | InBlocks | InValues
		if oy.Report.Mode3 == Typed {
			in |= InRequests // P1 counts the log's fee notices
		}
		return in
	}, (*checker).reportRules},
	{"structure", reads(InYear | InReport | InBlocks | InMeasures), (*checker).structure},
	{"copies", reads(InYear | InReport | InBlocks | InPrev), (*checker).copies},
	{"listsums", reads(InYear | InBlocks), (*checker).listSums},
	{"planyears", reads(InYear | InBlocks | InMeasures), (*checker).planYears},
	{"personal", func(oy *OrganYear) Input {
		in := InYear | InReport | InOrgan | InBlocks | InMeasures | InPersonal
		if oy.Personal == nil {
			in |= InRequests // indexed from the log's own personal data
		}
		return in
	}, (*checker).personalInPublicText},
}

// CheckRun is one check of an organ-year, kept by rule group. It is never
// changed after it is made; Next makes the run of a changed organ-year.
type CheckRun struct {
	oy    *OrganYear
	cal   *Calendar
	today Date
	f     *Format

	tally *S3Tally // table 三 counted from the log (nil without a format)
	s3    Values   // tally's values
	v     Values   // the values the tables print (EffectiveValues)

	groups [][]Finding // per rule group; the request group's is nil
	// reqs holds the findings of the log entries that have some, by
	// their place in oy.Requests, in order.
	reqs []entryFindings
	// missing counts, per year without a known holiday schedule, the
	// entries whose deadline needs it (K1).
	missing map[int]int
	k1      []Finding

	out []Finding
}

type entryFindings struct {
	pos int
	fs  []Finding
}

// NewCheckRun runs every rule on oy (as Check does). cal nil means
// DefaultCalendar; today zero skips the overdue rule.
func NewCheckRun(oy *OrganYear, cal *Calendar, today Date) *CheckRun {
	if cal == nil {
		cal = DefaultCalendar()
	}
	r := &CheckRun{oy: oy, cal: cal, today: today}
	if oy == nil || oy.Report == nil {
		return r
	}
	r.f = oy.Report.Format()
	if r.f == nil {
		c := r.checker()
		c.add(Finding{Rule: "F1", Severity: Error, Entry: EntryRef{Kind: EntryReport, ID: oy.Report.ID},
			Message: fmt.Sprintf("%d年没有适用的国家统一格式（2019版自2019年度起使用），请核对报告年度", oy.Report.Year)})
		r.out = c.out
		return r
	}
	r.tally = NewS3Tally(r.f, oy.Report.Year, oy.Requests)
	r.s3 = r.tally.Values()
	r.v = r.values()
	r.groups = make([][]Finding, len(ruleGroups))
	for i := range ruleGroups {
		r.runGroup(i)
	}
	r.finish()
	return r
}

func (r *CheckRun) checker() *checker {
	return &checker{oy: r.oy, r: r.oy.Report, f: r.f, cal: r.cal, today: r.today, v: r.v}
}

// values are the printed values with table 三 from the tally.
func (r *CheckRun) values() Values {
	var s3 Values
	if r.oy.Report.Mode3 != Typed {
		s3 = r.s3
	}
	return effectiveValues(r.oy, s3)
}

// runGroup runs rule group i on the whole organ-year.
func (r *CheckRun) runGroup(i int) {
	if i != groupRequests {
		c := r.checker()
		ruleGroups[i].run(c)
		r.groups[i] = c.out
		return
	}
	r.reqs = nil
	r.missing = map[int]int{}
	for pos := range r.oy.Requests {
		q := &r.oy.Requests[pos]
		if fs := r.entry(q); len(fs) > 0 {
			r.reqs = append(r.reqs, entryFindings{pos, fs})
		}
		r.countMissing(q, 1)
	}
	r.k1 = r.missingFindings()
}

// entry runs the request rules on one log entry.
func (r *CheckRun) entry(q *Request) []Finding {
	if !CheckedInYear(q, r.oy.Report.Year) {
		return nil
	}
	c := r.checker()
	c.request(q)
	return c.out
}

func (r *CheckRun) countMissing(q *Request, d int) {
	if !CheckedInYear(q, r.oy.Report.Year) {
		return
	}
	for _, y := range CalendarYearsNeeded(q, r.cal) {
		r.missing[y] += d
	}
}

func (r *CheckRun) missingFindings() []Finding {
	c := r.checker()
	c.missingYears(r.missing)
	return c.out
}

// finish joins the groups' findings in order, applies the
// acknowledgements and sorts them, as Check returns them.
func (r *CheckRun) finish() {
	parts := make([][]Finding, 0, len(r.groups)+len(r.reqs)+1)
	for i, g := range r.groups {
		if i == groupRequests {
			for _, e := range r.reqs {
				parts = append(parts, e.fs)
			}
			parts = append(parts, r.k1)
			continue
		}
		parts = append(parts, g)
	}
	r.out = r.checker().joined(parts)
}

// Findings are the run's findings, errors first, then by section. Callers
// must not change the slice.
func (r *CheckRun) Findings() []Finding { return r.out }

// S3 is table 三 counted from the log (also when the report types it).
func (r *CheckRun) S3() Values { return r.s3 }

// Values are the values the tables print (EffectiveValues of the
// organ-year). Callers must not change them.
func (r *CheckRun) Values() Values { return r.v }

// EntryEdit is one log entry changed in place: the entry at Pos of the
// organ-year's Requests was Old and is now what Requests holds there.
type EntryEdit struct {
	Pos int
	Old Request
}

// Change says what differs between the organ-year a run checked and the
// next one.
type Change struct {
	// Inputs are the parts that changed.
	Inputs Input
	// Entries lists the log entries changed in place, when the only change
	// to the log is these (same entries at the same places). With
	// InRequests and no Entries, the whole log counts as changed.
	Entries []EntryEdit
}

// Next is the run of oy, the organ-year r checked changed as ch says:
// groups that read no changed part keep their findings, the request rules
// run again only on the entries changed in place, and table 三 is updated
// by taking the old entries out of its counts and the new ones in. r does
// not change.
func (r *CheckRun) Next(oy *OrganYear, ch Change) *CheckRun {
	in := ch.Inputs
	if r.f == nil || oy == nil || oy.Report == nil || oy.Report.Format() != r.f || oy.Report.Year != r.oy.Report.Year {
		in |= InAll
	}
	if in&InAll == InAll {
		return NewCheckRun(oy, r.cal, r.today)
	}
	n := &CheckRun{oy: oy, cal: r.cal, today: r.today, f: r.f, tally: r.tally, s3: r.s3, v: r.v,
		groups: append([][]Finding(nil), r.groups...), reqs: r.reqs, missing: r.missing, k1: r.k1}
	entries := ch.Entries
	if in&InRequests != 0 && entries != nil {
		for _, e := range entries {
			if !e.Old.Personal.IsZero() || !oy.Requests[e.Pos].Personal.IsZero() {
				// Per-request fees (P3) count an applicant's other entries.
				entries = nil
				break
			}
		}
	}
	if in&InRequests != 0 {
		if entries == nil {
			n.tally = NewS3Tally(r.f, oy.Report.Year, oy.Requests)
		} else {
			n.tally = r.tally.Clone()
			for _, e := range entries {
				n.tally.Add(&e.Old, -1)
				n.tally.Add(&oy.Requests[e.Pos], 1)
			}
		}
		if s3 := n.tally.Values(); !s3.Equal(r.s3) {
			n.s3 = s3
		}
	}
	if in&(InYear|InReport|InValues|InRequests|InCases|InItems) != 0 {
		if v := n.values(); !v.Same(r.v) {
			n.v = v
			in |= InValues
		} else {
			in &^= InValues
		}
	}
	for i, g := range ruleGroups {
		if g.reads(oy)&in == 0 && g.reads(r.oy)&in == 0 {
			continue
		}
		if i == groupRequests && entries != nil && (g.reads(oy)|g.reads(r.oy))&in&^InRequests == 0 {
			n.recheckEntries(entries)
			continue
		}
		n.runGroup(i)
	}
	n.finish()
	return n
}

// recheckEntries runs the request rules again on the entries changed in
// place and updates K1's counts.
func (n *CheckRun) recheckEntries(edits []EntryEdit) {
	n.reqs = append([]entryFindings(nil), n.reqs...)
	missing := make(map[int]int, len(n.missing))
	for y, c := range n.missing {
		missing[y] = c
	}
	n.missing = missing
	for _, e := range edits {
		n.countMissing(&e.Old, -1)
		q := &n.oy.Requests[e.Pos]
		n.countMissing(q, 1)
		fs := n.entry(q)
		i := sort.Search(len(n.reqs), func(i int) bool { return n.reqs[i].pos >= e.Pos })
		switch {
		case i < len(n.reqs) && n.reqs[i].pos == e.Pos && len(fs) > 0:
			n.reqs[i].fs = fs
		case i < len(n.reqs) && n.reqs[i].pos == e.Pos:
			n.reqs = append(n.reqs[:i], n.reqs[i+1:]...)
		case len(fs) > 0:
			n.reqs = append(n.reqs, entryFindings{})
			copy(n.reqs[i+1:], n.reqs[i:])
			n.reqs[i] = entryFindings{e.Pos, fs}
		}
	}
	n.k1 = n.missingFindings()
}

// Same reports whether v and w hold the same cells with the same values:
// a missing cell (未填 in a typed table) and a zero one differ.
func (v Values) Same(w Values) bool { return maps.Equal(v, w) }

// Equal reports whether v and w hold the same cells (a missing cell and a
// zero one are the same).
func (v Values) Equal(w Values) bool {
	for k, x := range v {
		if w[k] != x {
			return false
		}
	}
	for k, x := range w {
		if v[k] != x {
			return false
		}
	}
	return true
}
