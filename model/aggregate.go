package model

import (
	"fmt"
	"strings"
)

// AggregateStatus is where one organ stands in a county's aggregation.
type AggregateStatus string

const (
	AggOK       AggregateStatus = "ok"       // 无错误
	AggErrors   AggregateStatus = "errors"   // 有错误
	AggMissing  AggregateStatus = "missing"  // 未报送
	AggExcluded AggregateStatus = "excluded" // 未计入 (another year or format, or a duplicate)
)

// Label returns the Chinese name.
func (s AggregateStatus) Label() string {
	switch s {
	case AggOK:
		return "无错误"
	case AggErrors:
		return "有错误"
	case AggMissing:
		return "未报送"
	case AggExcluded:
		return "未计入"
	}
	return string(s)
}

// AggregateInput is one organ-year handed to an aggregation, with what is
// known about its submission.
type AggregateInput struct {
	OY *OrganYear
	// Submitted is the day the report was handed in (a bundle's creation
	// date); zero means unknown, and the report's own date is used.
	Submitted Date
	// Errors and Warnings count the organ-year's check results (warnings
	// not acknowledged), see CountFindings.
	Errors, Warnings int
	// Source names where it came from (a bundle file), for the organ list.
	Source string
	// Row holds the organ-year's effective table values when the reader
	// computed them already (and dropped the logs they come from); nil
	// means compute them from OY.
	Row CellRow
	// Blank lists, by index in the format's AllCells, the cells with no
	// value (未填, or a total with a 未填 part) when Row is given.
	Blank []int32
}

// BlankIndexes lists, by index in f.AllCells(), the cells of f without a
// value in v: in effective values, a typed cell never entered or a total
// with such a part.
func BlankIndexes(f *Format, v Values) []int32 {
	var out []int32
	for i, a := range f.AllCells() {
		if !v.Has(a) {
			out = append(out, int32(i))
		}
	}
	return out
}

// CountFindings counts the errors and the warnings not acknowledged.
func CountFindings(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else if !f.Acked {
			warnings++
		}
	}
	return errors, warnings
}

// AggregateOrgan is one organ's line in an aggregation.
type AggregateOrgan struct {
	Name     string
	Status   AggregateStatus
	Errors   int
	Warnings int
	// Row holds the organ's effective table values in the year's format
	// (nil when missing or excluded).
	Row CellRow
	// Blank lists the organ's cells without a value, by index in the
	// format's AllCells: they add nothing to the totals, which
	// AggregateResult.Incomplete marks, and the Note says so.
	Blank     []int32
	Submitted Date
	Due       Date
	// OnTime is set when Submitted is known and not after Due.
	OnTime bool
	Source string
	// Note explains an exclusion or a missing organ, in Chinese.
	Note string
}

// Counted says whether the organ's figures are in the totals.
func (o AggregateOrgan) Counted() bool { return o.Status == AggOK || o.Status == AggErrors }

// DueLabel says in Chinese whether the due date was met.
func (o AggregateOrgan) DueLabel() string {
	switch {
	case o.Status == AggMissing:
		return "未报送"
	case o.Submitted.IsZero():
		return "报送日期不明"
	case o.OnTime:
		return "按时"
	}
	return fmt.Sprintf("逾期%d天", int(o.Submitted.Time().Sub(o.Due.Time()).Hours()/24))
}

// AggregateResult is a county's combined figures for one year. The organs'
// lines are not part of it: an Aggregator hands each back as it is added,
// so that it does not grow with the number of organs.
type AggregateResult struct {
	Year   int
	Format *Format
	// Totals is the sum of every counted organ's effective values, for every
	// cell of the format (zero cells included).
	Totals Values
	// Counted is how many organs the totals add up.
	Counted int
	// Incomplete counts, per cell, the counted organs that left it without
	// a value (未填): that cell's total lacks their figures.
	Incomplete map[CellAddress]int
	// BlankOrgans counts the counted organs with a cell left 未填.
	BlankOrgans int
}

// Aggregator sums the effective table values of a county's organ-years for
// one year, in the year's format, one entry at a time: it holds the totals
// and hands each organ's line back to the caller. Entries come in the order
// of their organ's name (after trimming spaces), an organ's preferred
// (newest) entry first: a second entry of an organ just counted is listed
// as 未计入, a duplicate, as is an entry of another year or format, with the
// reason. The expected organs with no counted entry are listed as 未报送
// by Missing.
type Aggregator struct {
	res AggregateResult
	// last is the name of the organ counted last.
	last string
	// expected maps the names of the expected organs to whether an entry
	// counted them; order lists those names in the order given, each once.
	expected map[string]bool
	order    []string
}

// NewAggregator starts the aggregation of year; expected names the organs
// that should hand in a report.
func NewAggregator(year int, expected []string) *Aggregator {
	a := &Aggregator{res: AggregateResult{Year: year, Format: FormatForYear(year), Totals: Values{}}, expected: map[string]bool{}}
	if a.res.Format != nil {
		for _, t := range a.res.Format.Tables {
			for _, c := range t.Cells() {
				a.res.Totals[c] = 0
			}
		}
	}
	for _, n := range expected {
		if n = strings.TrimSpace(n); n != "" {
			if _, dup := a.expected[n]; !dup {
				a.order = append(a.order, n)
			}
			a.expected[n] = false
		}
	}
	return a
}

// Add counts one entry, unless it is excluded, and returns its line.
func (a *Aggregator) Add(e AggregateInput) AggregateOrgan {
	res := &a.res
	year := res.Year
	oy := e.OY
	name := strings.TrimSpace(oy.Organ.Name)
	o := AggregateOrgan{Name: name, Source: e.Source, Due: oy.Organ.DueDate(year)}
	o.Submitted = e.Submitted
	if o.Submitted.IsZero() {
		o.Submitted = oy.Report.Date
	}
	o.OnTime = !o.Submitted.IsZero() && o.Submitted <= o.Due
	o.Errors, o.Warnings = e.Errors, e.Warnings
	f := oy.Report.Format()
	switch {
	case oy.Report.Year != year:
		o.Status = AggExcluded
		o.Note = fmt.Sprintf("这是%d年的报告，不计入%d年汇总", oy.Report.Year, year)
	case res.Format == nil || f == nil || f.ID != res.Format.ID:
		o.Status = AggExcluded
		o.Note = "报告的表格格式与汇总年度不符，未计入"
	case res.Counted > 0 && name == a.last:
		o.Status = AggExcluded
		o.Note = "同一单位的报告重复，已按前一份计入，本份未计入"
	default:
		a.last = name
		if _, ok := a.expected[name]; ok {
			a.expected[name] = true
		}
		o.Row, o.Blank = e.Row, e.Blank
		if o.Row == nil {
			v := EffectiveValues(oy)
			o.Row, o.Blank = PackRow(res.Format, v), BlankIndexes(res.Format, v)
		}
		cells := res.Format.AllCells()
		o.Row.Each(func(i int, x int64) { res.Totals[cells[i]] += x })
		if len(o.Blank) > 0 {
			// Blank is not 0: the totals lack this organ's figure there.
			if res.Incomplete == nil {
				res.Incomplete = map[CellAddress]int{}
			}
			for _, i := range o.Blank {
				res.Incomplete[cells[i]]++
			}
			res.BlankOrgans++
			o.Note = fmt.Sprintf("表格有 %d 格未填（如 %s），合计中缺这些格的数字，请与该单位核实", len(o.Blank), res.Format.Place(cells[o.Blank[0]]))
		}
		res.Counted++
		o.Status = AggOK
		if o.Errors > 0 {
			o.Status = AggErrors
		}
	}
	return o
}

// Missing returns the lines of the expected organs (NewAggregator) no entry
// counted, in the order given (each name once).
func (a *Aggregator) Missing() []AggregateOrgan {
	var out []AggregateOrgan
	for _, n := range a.order {
		if a.expected[n] {
			continue
		}
		out = append(out, AggregateOrgan{Name: n, Status: AggMissing, Due: Organ{}.DueDate(a.res.Year), Note: "未收到该单位的报送包"})
	}
	return out
}

// Result returns the totals of the entries added so far.
func (a *Aggregator) Result() AggregateResult { return a.res }

// IncompleteNote says which totals lack an organ's figure because a cell
// was left 未填, naming the first; "" when none does.
func (r AggregateResult) IncompleteNote() string {
	if len(r.Incomplete) == 0 {
		return ""
	}
	var first CellAddress
	for _, a := range r.Format.AllCells() {
		if r.Incomplete[a] > 0 {
			first = a
			break
		}
	}
	return fmt.Sprintf("注意：%d 个单位的报告有未填的格子，%d 个合计数缺这些单位的数字（如 %s），不是完整合计；见各单位的说明和“各单位数据”中的“未填”。",
		r.BlankOrgans, len(r.Incomplete), r.Format.Place(first))
}
