package model

import (
	"strings"
	"testing"
)

// U1 fails on one cell never entered: one finding, naming the cell, at
// the cell; the group's I3 is not compared while a part is blank.
func TestBlankCellIsAnError(t *testing.T) {
	oy := baseOY()
	a := Addr(TableS4, RowS4Cases, S4Col(GroupReview, Upheld))
	delete(oy.Report.Values, a)
	fs := Check(oy, nil, checkToday)
	u := ruleFindings(fs, "U1")
	if len(u) != 1 || u[0].Cell != a || u[0].Severity != Error || u[0].Section != 4 {
		t.Fatalf("U1 = %+v", u)
	}
	if p := u[0].Place(oy.Report.Format()); p != "表四 · 行政复议·结果维持" || !strings.HasPrefix(u[0].Message, p+" 未填") {
		t.Errorf("place %q and message %q must both name the cell with its group", p, u[0].Message)
	}
	if i3 := ruleFindings(fs, "I3"); len(i3) != 0 {
		t.Errorf("I3 compared a sum with a blank part: %+v", i3)
	}
	if len(fs) != 1 {
		t.Errorf("findings = %+v, want only U1", fs)
	}
}

// A typed 0 is entered, not blank: the same report with the cell set to 0
// passes U1.
func TestTypedZeroIsNotBlank(t *testing.T) {
	oy := baseOY()
	a := Addr(TableS2Item5, RowLicensing, "decisions")
	if x, ok := oy.Report.Values[a]; !ok || x != 0 {
		t.Fatalf("fixture: %s = %d, %v", a, x, ok)
	}
	if u := ruleFindings(Check(oy, nil, checkToday), "U1"); len(u) != 0 {
		t.Errorf("U1 on a typed 0: %+v", u)
	}
}

// Many blank cells give one finding per table, with the count and the first
// cells named, not one line per cell.
func TestBlankCellsGroupedPerTable(t *testing.T) {
	r := NewReport(1, 2022)
	r.Mode3, r.Mode4 = Typed, Typed
	fillNarrative(r)
	oy := &OrganYear{Organ: Organ{ID: 1, Name: "大雁镇人民政府", Level: LevelTownship}, Report: r}
	u := ruleFindings(Check(oy, nil, checkToday), "U1")
	f := r.Format()
	tables := 0
	for _, tb := range f.Tables {
		if TableTyped(r, tb) {
			tables++
		}
	}
	if len(u) != tables {
		t.Fatalf("%d U1 findings, want one per typed table (%d): %+v", len(u), tables, u)
	}
	var s3 *Finding
	for i := range u {
		if u[i].Cell.Table == TableS3 {
			s3 = &u[i]
		}
	}
	if s3 == nil || !strings.Contains(s3.Message, "表三 有 144 格未填") || !strings.Contains(s3.Message, "等") ||
		s3.Cell != Addr(TableS3, RowNew, string(NaturalPerson)) {
		t.Errorf("表三's finding = %+v", s3)
	}
	// No arithmetic rule fires on an empty typed table.
	for _, rule := range []string{"O1", "I1", "I2", "I3"} {
		if fs := ruleFindings(Check(oy, nil, checkToday), rule); len(fs) != 0 {
			t.Errorf("%s on blank cells: %+v", rule, fs)
		}
	}
}

// Tables computed from the logs and 二（一）'s cells counted from the items
// are never 未填.
func TestComputedCellsAreNeverBlank(t *testing.T) {
	r := NewReport(1, 2022)
	r.Art20Mode = FromLog
	for _, a := range EntryCells(r) {
		if a.Table == TableS3 || a.Table == TableS4 || IsArt20Cell(r.Format(), a) {
			t.Errorf("%s is an entry cell of a report whose 三, 四 and 二（一） counts are computed", a)
		}
	}
	v := EffectiveValues(&OrganYear{Report: r})
	for _, tid := range []string{TableS3, TableS4} {
		for _, a := range r.Format().Table(tid).Cells() {
			if !v.Has(a) {
				t.Fatalf("computed %s has no value", a)
			}
		}
	}
}

// A derived cell is computed once all its parts are entered, and stays
// blank while one is not; a stored total is kept as stored (I1 compares it).
func TestDerivedTotals(t *testing.T) {
	f := FormatByID("2021")
	tb := f.Table(TableS3)
	v := Values{}
	for _, a := range ApplicantTypes {
		v[Addr(TableS3, RowNew, string(a))] = 1
	}
	d := DerivedTotals(tb, v)
	if x, ok := d[Addr(TableS3, RowNew, ColTotal)]; !ok || x != 6 {
		t.Errorf("一 总计 = %d, %v; want 6", x, ok)
	}
	if d.Has(Addr(TableS3, RowDisclosed, ColTotal)) || d.Has(Addr(TableS3, RowOutcomeSum, string(NaturalPerson))) {
		t.Errorf("totals with blank parts were computed: %v", d)
	}
	for _, id := range TotalRowParts(tb, RowOutcomeSum) {
		v[Addr(TableS3, id, string(NaturalPerson))] = 2
	}
	d = DerivedTotals(tb, v)
	if x := d[Addr(TableS3, RowOutcomeSum, string(NaturalPerson))]; x != 2*int64(len(TotalRowParts(tb, RowOutcomeSum))) {
		t.Errorf("（七）总计·自然人 = %d", x)
	}
	if d.Has(Addr(TableS3, RowOutcomeSum, ColTotal)) {
		t.Errorf("（七）总计·总计 computed while the other columns of the outcome rows are blank")
	}

	r := NewReport(1, 2022)
	r.Mode3 = Typed
	for a, x := range v {
		r.Values[a] = x
	}
	r.Values[Addr(TableS3, RowNew, ColTotal)] = 9 // stored, wrong
	ev := EffectiveValues(&OrganYear{Report: r})
	if ev[Addr(TableS3, RowNew, ColTotal)] != 9 {
		t.Errorf("a stored total was replaced")
	}
	if ev.Has(Addr(TableS3, RowDisclosed, ColTotal)) {
		t.Errorf("a total with blank parts has a value")
	}
}

func TestZeroBlanks(t *testing.T) {
	r := NewReport(1, 2020)
	r.Mode4 = Typed
	r.Values[Addr(TableS2Item9, RowProcurement, "amount")] = 5
	n := len(EntryCells(r))
	if got := ZeroBlanks(r); len(got) != n-1 {
		t.Errorf("ZeroBlanks set %d cells, want %d", len(got), n-1)
	}
	if len(BlankCells(r)) != 0 || r.Values[Addr(TableS2Item9, RowProcurement, "amount")] != 5 {
		t.Errorf("after ZeroBlanks: blanks %v, amount %d", BlankCells(r), r.Values[Addr(TableS2Item9, RowProcurement, "amount")])
	}
}

// A cell's place names it unambiguously: 表四's columns repeat under each
// group, so the group is part of the name.
func TestPlaceNamesTheCell(t *testing.T) {
	f := FormatByID("2021")
	for a, want := range map[CellAddress]string{
		Addr(TableS4, RowS4Cases, S4Col(GroupSuitReview, Pending)): "表四 · 行政诉讼（复议后起诉）·尚未审结",
		Addr(TableS4, RowS4Cases, S4Col(GroupReview, Pending)):     "表四 · 行政复议·尚未审结",
		Addr(TableS3, RowCarriedIn, string(Business)):              "表三 二、上年结转政府信息公开申请数量 · 商业企业",
		Addr(TableS2Item5, RowLicensing, "decisions"):              "表二（五）项 行政许可 · 本年处理决定数量",
	} {
		if got := f.Place(a); got != want {
			t.Errorf("Place(%s) = %q, want %q", a, got, want)
		}
	}
}

func TestDependents(t *testing.T) {
	f := FormatByID("2021")
	got := Dependents(f.Table(TableS3), Addr(TableS3, RowDisclosed, string(Business)))
	want := []CellAddress{Addr(TableS3, RowDisclosed, ColTotal), Addr(TableS3, RowOutcomeSum, string(Business)), Addr(TableS3, RowOutcomeSum, ColTotal)}
	if len(got) != len(want) {
		t.Fatalf("dependents = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("dependents = %v, want %v", got, want)
		}
	}
	// 一 is no part of （七）: only its own 总计 follows it.
	if got := Dependents(f.Table(TableS3), Addr(TableS3, RowNew, string(NaturalPerson))); len(got) != 1 || got[0] != Addr(TableS3, RowNew, ColTotal) {
		t.Errorf("dependents of 一 = %v", got)
	}
	if got := Dependents(f.Table(TableS2Item5), Addr(TableS2Item5, RowLicensing, "decisions")); len(got) != 0 {
		t.Errorf("a table without totals has dependents: %v", got)
	}
}

// N1 compares a narrative count with a typed table 三 only where the table
// holds a value: with 一 未填 the claim 「收到申请5件」 gives U1 alone (not
// 「表三…为 0，两者不一致」); with 一 entered as 3 it gives N1 quoting 3;
// with 一 entered as 5 nothing.
func TestN1SkipsBlankCells(t *testing.T) {
	run := func(new *int64) []Finding {
		r := NewReport(1, 2022)
		r.Mode3 = Typed
		if new != nil {
			for _, a := range ApplicantTypes {
				r.Values[Addr(TableS3, RowNew, string(a))] = 0
			}
			r.Values[Addr(TableS3, RowNew, string(NaturalPerson))] = *new
		}
		r.Blocks = append(r.Blocks, Block{Section: 3, Pos: 1, Kind: BlockParagraph, Text: "本年度共收到政府信息公开申请5件。"})
		var out []Finding
		for _, f := range Check(&OrganYear{Organ: Organ{Name: "大雁镇人民政府", Level: LevelTownship}, Report: r}, nil, 0) {
			if f.Rule == "N1" || f.Rule == "U1" && f.Section == 3 {
				out = append(out, f)
			}
		}
		return out
	}
	got := run(nil)
	if len(got) != 1 || got[0].Rule != "U1" {
		t.Fatalf("一 未填: %v, want U1 alone", got)
	}
	three, five := int64(3), int64(5)
	got = run(&three)
	n1 := 0
	for _, f := range got {
		if f.Rule == "N1" {
			n1++
			if !strings.Contains(f.Message, "为 3") {
				t.Errorf("N1 does not quote the entered 3: %s", f.Message)
			}
		}
	}
	if n1 != 1 {
		t.Fatalf("一 entered as 3: %v, want one N1", got)
	}
	for _, f := range run(&five) {
		if f.Rule == "N1" {
			t.Fatalf("一 entered as 5 agrees with the narrative: %v", f)
		}
	}
}
