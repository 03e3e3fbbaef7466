package model

import (
	"strings"
	"testing"
)

func aggOrganYear(name string, year int, newNP, newBiz int64, licensing int64) *OrganYear {
	r := NewReport(0, year)
	fillNarrative(r)
	r.Values[Addr(TableS2Item5, RowLicensing, "decisions")] = licensing
	ZeroBlanks(r)
	oy := &OrganYear{Organ: Organ{Name: name, Level: LevelTownship}, Report: r}
	serial := 0
	add := func(n int64, a ApplicantType) {
		for i := int64(0); i < n; i++ {
			serial++
			oy.Requests = append(oy.Requests, Request{Year: year, Serial: serial, Received: NewDate(year, 3, 1), Applicant: a,
				Outcome: RowDisclosed, Answered: NewDate(year, 3, 10)})
		}
	}
	add(newNP, NaturalPerson)
	add(newBiz, Business)
	return oy
}

func TestAggregateEntriesSumsAndStatuses(t *testing.T) {
	a := aggOrganYear("甲镇人民政府", 2021, 3, 1, 10)
	b := aggOrganYear("乙镇人民政府", 2021, 2, 0, 5)
	b.Organ.DueMonth, b.Organ.DueDay = 1, 20
	dup := aggOrganYear("甲镇人民政府", 2021, 9, 9, 9)
	other := aggOrganYear("丙镇人民政府", 2020, 1, 0, 1)
	// In the order of the names (丙 < 乙 < 甲), an organ's newest first.
	res, organs := aggregateEntries(2021, []AggregateInput{
		{OY: other},
		{OY: b, Submitted: NewDate(2022, 1, 25), Errors: 1, Warnings: 1},
		{OY: a, Submitted: NewDate(2022, 1, 25), Source: "a.json"},
		{OY: dup, Submitted: NewDate(2022, 1, 26)},
	}, []string{"甲镇人民政府", " 丁镇人民政府 ", "丁镇人民政府", "丙镇人民政府"})

	if res.Format == nil || res.Format.ID != "2021" || res.Counted != 2 {
		t.Fatalf("format %v counted %d", res.Format, res.Counted)
	}
	if got := res.Totals.Get(Addr(TableS3, RowNew, ColTotal)); got != 6 {
		t.Errorf("一、本年新收 总计 = %d, want 6", got)
	}
	if got := res.Totals.Get(Addr(TableS3, RowNew, string(NaturalPerson))); got != 5 {
		t.Errorf("一、本年新收 自然人 = %d, want 5", got)
	}
	if got := res.Totals.Get(Addr(TableS2Item5, RowLicensing, "decisions")); got != 15 {
		t.Errorf("行政许可 = %d, want 15", got)
	}
	n := 0
	for _, tb := range res.Format.Tables {
		n += len(tb.Cells())
	}
	if len(res.Totals) != n {
		t.Errorf("totals hold %d cells, want every cell of the format (%d)", len(res.Totals), n)
	}

	want := []struct {
		name   string
		status AggregateStatus
		due    string
	}{
		{"丙镇人民政府", AggExcluded, "报送日期不明"},
		{"乙镇人民政府", AggErrors, "逾期5天"},
		{"甲镇人民政府", AggOK, "按时"},
		{"甲镇人民政府", AggExcluded, "按时"},
		// Expected ones not counted, each once in the order given: 丙镇's
		// report was of another year.
		{"丁镇人民政府", AggMissing, "未报送"},
		{"丙镇人民政府", AggMissing, "未报送"},
	}
	if len(organs) != len(want) {
		t.Fatalf("organs = %+v", organs)
	}
	for i, w := range want {
		o := organs[i]
		if o.Name != w.name || o.Status != w.status || o.DueLabel() != w.due {
			t.Errorf("organ %d = %s %s %s, want %s %s %s", i, o.Name, o.Status.Label(), o.DueLabel(), w.name, w.status.Label(), w.due)
		}
	}
	if organs[1].Errors != 1 || organs[1].Warnings != 1 {
		t.Errorf("乙镇 errors/warnings = %d/%d", organs[1].Errors, organs[1].Warnings)
	}
	if organs[0].Note == "" || !strings.Contains(organs[3].Note, "重复") {
		t.Errorf("excluded organs need a reason: %q, %q", organs[0].Note, organs[3].Note)
	}
	var c []AggregateOrgan
	for _, o := range organs {
		if o.Counted() {
			c = append(c, o)
		}
	}
	if len(c) != 2 || c[0].Row.Values(res.Format).Get(Addr(TableS3, RowNew, ColTotal))+c[1].Row.Values(res.Format).Get(Addr(TableS3, RowNew, ColTotal)) != 6 {
		t.Errorf("counted organs = %+v", c)
	}
}

func TestAggregateChecksEachOrgan(t *testing.T) {
	clean := aggOrganYear("甲镇人民政府", 2021, 2, 1, 3)
	clean.Report.Date = NewDate(2022, 1, 30)
	broken := aggOrganYear("乙镇人民政府", 2021, 0, 0, 4)
	broken.Report.Mode3 = Typed
	// 一 = 3 but （七）总计 + 四 = 1: O1 breaks.
	for _, c := range []string{string(NaturalPerson), ColTotal} {
		broken.Report.Values[Addr(TableS3, RowNew, c)] = 3
		broken.Report.Values[Addr(TableS3, RowDisclosed, c)] = 1
		broken.Report.Values[Addr(TableS3, RowOutcomeSum, c)] = 1
	}
	// 甲 (U+7532) sorts after 乙 (U+4E59).
	res, organs := Aggregate(2021, []*OrganYear{broken, clean})
	if len(organs) != 2 || res.Counted != 2 {
		t.Fatalf("organs = %+v", organs)
	}
	if o := organs[1]; o.Status != AggOK || o.Errors != 0 || o.DueLabel() != "按时" {
		t.Errorf("甲镇 = %s, %d errors, %s", o.Status.Label(), o.Errors, o.DueLabel())
	}
	if o := organs[0]; o.Status != AggErrors || o.Errors == 0 || o.DueLabel() != "报送日期不明" {
		t.Errorf("乙镇 = %s, %d errors, %s", o.Status.Label(), o.Errors, o.DueLabel())
	}
	// Broken figures still count: the county sees them and the status says why.
	if got := res.Totals.Get(Addr(TableS3, RowNew, ColTotal)); got != 3+3 {
		t.Errorf("一、本年新收 总计 = %d, want 6", got)
	}
}

func TestCountFindings(t *testing.T) {
	e, w := CountFindings([]Finding{{Rule: "O1", Severity: Error}, {Rule: "Y1", Severity: Warning}, {Rule: "Y2", Severity: Warning, Acked: true}, {Rule: "O2", Severity: Error, Acked: true}})
	if e != 2 || w != 1 {
		t.Errorf("errors/warnings = %d/%d, want 2/1 (an acknowledged warning is not counted, an error always is)", e, w)
	}
}

// An organ whose report left a cell 未填 still counts, but the cell is
// listed as blank, its total marked incomplete, and its line says so.
func TestAggregateSaysWhenACellIsBlank(t *testing.T) {
	a := aggOrganYear("甲镇人民政府", 2021, 1, 0, 3)
	b := aggOrganYear("乙镇人民政府", 2021, 0, 0, 4)
	cell := Addr(TableS2Item5, RowLicensing, "decisions")
	delete(b.Report.Values, cell)
	res, organs := Aggregate(2021, []*OrganYear{b, a})
	if res.Counted != 2 {
		t.Fatalf("counted %d", res.Counted)
	}
	if res.Incomplete[cell] != 1 || len(res.Incomplete) != 1 {
		t.Errorf("incomplete = %v, want only %s by one organ", res.Incomplete, cell)
	}
	if got := res.Totals.Get(cell); got != 3 {
		t.Errorf("total = %d, want 3 (甲 only)", got)
	}
	o := organs[0]
	if len(o.Blank) != 1 || res.Format.AllCells()[o.Blank[0]] != cell || !strings.Contains(o.Note, "表格有 1 格未填（如 表二（五）项 行政许可 · 本年处理决定数量）") {
		t.Errorf("乙镇 = blank %v note %q", o.Blank, o.Note)
	}
	if organs[1].Note != "" || len(organs[1].Blank) != 0 {
		t.Errorf("甲镇 has no blank cell: %+v", organs[1])
	}
	if n := res.IncompleteNote(); !strings.Contains(n, "1 个单位") || !strings.Contains(n, "1 个合计数") {
		t.Errorf("note = %q", n)
	}
	// Nothing blank: no note.
	if res, _ := Aggregate(2021, []*OrganYear{a}); res.IncompleteNote() != "" {
		t.Errorf("note without blanks = %q", res.IncompleteNote())
	}
}
