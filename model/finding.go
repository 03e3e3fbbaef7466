package model

import "fmt"

// Severity of a finding: an 错误 must be fixed before the report is final; a
// 提示 is shown, explained and may be acknowledged with a reason.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Label returns 错误 or 提示.
func (s Severity) Label() string {
	if s == Error {
		return "错误"
	}
	return "提示"
}

// EntryRef points at a log entry or a narrative block a finding concerns.
type EntryRef struct {
	Kind string // "request", "case", "measure", "block", "item", "report"
	ID   int64
}

// IsZero reports whether the ref is empty.
func (e EntryRef) IsZero() bool { return e.Kind == "" }

// Entry kinds.
const (
	EntryRequest = "request"
	EntryCase    = "case"
	EntryMeasure = "measure"
	EntryBlock   = "block"
	EntryItem    = "item"
	EntryReport  = "report"
)

// Finding is what a consistency rule reports, with its place.
type Finding struct {
	Rule     string // O1, I1 … Y3, N1, N4, L1 …
	Severity Severity
	Section  int         // report section 1..6 it belongs to (0: preamble / profile)
	Cell     CellAddress // the cell it concerns, when a table cell
	Entry    EntryRef    // the entry it concerns, when a log entry or block
	Message  string      // Chinese, showing the numbers
	// Acked and AckReason are set when a warning was acknowledged.
	Acked     bool
	AckReason string
}

// Target is a stable key of what the finding concerns, used to match
// acknowledgements across runs.
func (f Finding) Target() string {
	switch {
	case !f.Cell.IsZero():
		return f.Cell.String()
	case !f.Entry.IsZero():
		return fmt.Sprintf("%s:%d", f.Entry.Kind, f.Entry.ID)
	}
	return fmt.Sprintf("section:%d", f.Section)
}

// Place describes where the finding is, in Chinese.
func (f Finding) Place(fm *Format) string {
	switch {
	case !f.Cell.IsZero() && fm != nil:
		return fm.Place(f.Cell)
	case f.Entry.Kind == EntryRequest:
		return "依申请台账"
	case f.Entry.Kind == EntryCase:
		return "复议诉讼"
	case f.Entry.Kind == EntryMeasure:
		return "整改措施"
	case f.Entry.Kind == EntryItem:
		return "主动公开信息"
	case f.Section >= 1 && f.Section <= 6:
		return SectionTitles[f.Section]
	}
	return "基本信息"
}

// OrganYear is everything about one organ's year that checks and exports
// need, loaded together.
type OrganYear struct {
	Organ  Organ
	Report *Report
	// Requests holds every log entry relevant to the year: those received in
	// it and those received earlier and still open at its start.
	Requests []Request
	Cases    []Case
	Measures []Measure
	Items    []DisclosureItem
	// Prev holds last year's report figures, when there is a last year.
	Prev *PrevYear
	// Personal indexes the applicants' personal values of the organ's whole
	// log (hashes, not the values), for rule S1 when Requests were loaded
	// without personal data. Nil: the rule indexes Requests itself.
	Personal *PersonalIndex
}

// PrevYear is what a report needs of the previous year: its effective table
// values and its narrative, for the year-over-year and copy checks.
type PrevYear struct {
	Year     int
	FormatID string
	Values   Values
	Blocks   []Block
}
