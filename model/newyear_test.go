package model

import "testing"

// nyOrganYear2021 is a township's 2021 year: four requests (two still open
// on 31 December), three measures (one done), a narrative and section 二 figures.
func nyOrganYear2021() *OrganYear {
	r := NewReport(7, 2021)
	r.Blocks = []Block{
		{ID: 1, Section: 1, Pos: 0, Kind: BlockHeading, Level: 1, Text: "主动公开"},
		{ID: 2, Section: 1, Pos: 1, Kind: BlockParagraph, Text: "2021年全年主动公开政府信息86条。"},
		{ID: 3, Section: 2, Pos: 0, Kind: BlockParagraph, Text: "本年制发行政规范性文件2件。"},
		{ID: 4, Section: 6, Pos: 0, Kind: BlockParagraph},
	}
	r.Preamble = Preamble{Basis: "《鄂温克旗政务公开工作要点》", Where: "鄂温克旗政府门户网站", Text: "2021年自定义前言"}
	r.Values[Addr(TableS2Item1, RowNormativeDocs, "issued")] = 2
	r.Values[Addr(TableS2Item1, RowNormativeDocs, "in_force")] = 11
	r.Values[Addr(TableS2Item5, RowLicensing, "decisions")] = 40
	return &OrganYear{
		Organ:  Organ{ID: 7, Name: "大雁镇人民政府", Level: LevelTownship, Office: "大雁镇政务公开办公室"},
		Report: r,
		Requests: []Request{
			{ID: 11, OrganID: 7, Year: 2021, Serial: 1, Received: NewDate(2021, 3, 2), Applicant: NaturalPerson, Outcome: RowDisclosed, Answered: NewDate(2021, 3, 20)},
			{ID: 12, OrganID: 7, Year: 2021, Serial: 2, Received: NewDate(2021, 12, 20), Applicant: NaturalPerson},
			{ID: 13, OrganID: 7, Year: 2021, Serial: 3, Received: NewDate(2021, 12, 28), Applicant: Business, Outcome: RowPartly, Answered: NewDate(2022, 1, 10)},
			{ID: 14, OrganID: 7, Year: 2021, Serial: 4, Received: NewDate(2021, 6, 1), Applicant: Research, Outcome: "o5_2", Answered: NewDate(2021, 6, 8)},
		},
		Measures: []Measure{
			{ID: 21, OrganID: 7, Year: 2021, Problem: "栏目更新不及时", Measure: "每月检查一次", Status: MeasureInProgress, FirstYear: 2020},
			{ID: 22, OrganID: 7, Year: 2021, Problem: "解读材料少", Measure: "重要文件同步解读", Status: MeasureNotStarted},
			{ID: 23, OrganID: 7, Year: 2021, Problem: "培训不足", Measure: "组织培训", Status: MeasureDone, FirstYear: 2021},
		},
		Cases: []Case{{ID: 31, Year: 2021, Kind: CaseReview, Result: Upheld}},
	}
}

func TestNewYearFromCarriesOpenRequestsAndMeasures(t *testing.T) {
	prev := nyOrganYear2021()
	oy, sum := NewYearWithSummary(prev, 2022)

	if oy.Report.Year != 2022 || oy.Report.FormatID != "2021" || oy.Report.Status != StatusDraft {
		t.Fatalf("report = year %d format %s status %s", oy.Report.Year, oy.Report.FormatID, oy.Report.Status)
	}
	if oy.Organ != prev.Organ {
		t.Errorf("organ profile not copied: %+v", oy.Organ)
	}
	if len(sum.Carried) != 2 || sum.Carried[0].ID != 12 || sum.Carried[1].ID != 13 {
		t.Fatalf("carried = %+v, want requests 12 and 13", sum.Carried)
	}
	// The new year's table 三, computed from what the year holds, shows them
	// as 上年结转 and request 13 in its 2022 outcome row.
	v := EffectiveValues(oy)
	if got := v.Get(Addr(TableS3, RowCarriedIn, ColTotal)); got != 2 {
		t.Errorf("二、上年结转 总计 = %d, want 2", got)
	}
	if got := v.Get(Addr(TableS3, RowCarriedIn, string(NaturalPerson))); got != 1 {
		t.Errorf("二、上年结转 自然人 = %d, want 1", got)
	}
	if got := v.Get(Addr(TableS3, RowPartly, string(Business))); got != 1 {
		t.Errorf("（二）部分公开 商业企业 = %d, want 1", got)
	}
	if got := v.Get(Addr(TableS3, RowCarriedOut, ColTotal)); got != 1 {
		t.Errorf("四、结转下年度 总计 = %d, want 1 (request 12 still open)", got)
	}

	if sum.OpenMeasures != 2 || len(oy.Measures) != 2 {
		t.Fatalf("open measures = %d (%d copied), want 2", sum.OpenMeasures, len(oy.Measures))
	}
	for _, m := range oy.Measures {
		if m.ID != 0 || m.Year != 2022 || m.Status == MeasureDone {
			t.Errorf("measure copied wrongly: %+v", m)
		}
	}
	if oy.Measures[0].FirstYear != 2020 || oy.Measures[1].FirstYear != 2021 {
		t.Errorf("FirstYear = %d, %d; want 2020 (kept) and 2021 (raised last year)", oy.Measures[0].FirstYear, oy.Measures[1].FirstYear)
	}
	if len(oy.Cases) != 0 || len(oy.Items) != 0 {
		t.Errorf("cases and items belong to their year, got %d cases %d items", len(oy.Cases), len(oy.Items))
	}

	if sum.StaleParagraphs != 2 {
		t.Errorf("stale paragraphs = %d, want 2 (the empty one and the heading are not stale)", sum.StaleParagraphs)
	}
	if len(oy.Report.Blocks) != 4 {
		t.Fatalf("blocks = %d, want 4", len(oy.Report.Blocks))
	}
	b := oy.Report.Blocks[1]
	if !b.Stale || b.Origin != prev.Report.Blocks[1].Text || b.Text != b.Origin || b.ID != 0 {
		t.Errorf("paragraph not carried as 待更新: %+v", b)
	}
	if oy.Report.Blocks[0].Stale || oy.Report.Blocks[3].Stale {
		t.Errorf("heading or empty paragraph marked stale")
	}
	if oy.Report.Preamble.Text != "" || oy.Report.Preamble.Where != "鄂温克旗政府门户网站" || !sum.PreambleTextDropped {
		t.Errorf("preamble = %+v: the year-specific own text must not carry, the place must", oy.Report.Preamble)
	}

	// 2021 format: nothing typed carries, last year's 现行有效件数 is in Prev.
	if len(oy.Report.Values) != 0 {
		t.Errorf("typed values carried into a 2021-format year: %v", oy.Report.Values)
	}
	if oy.Prev == nil || oy.Prev.Year != 2021 || oy.Prev.FormatID != "2021" {
		t.Fatalf("prev = %+v", oy.Prev)
	}
	if got := oy.Prev.Values.Get(Addr(TableS2Item1, RowNormativeDocs, "in_force")); got != 11 {
		t.Errorf("prev 现行有效件数 = %d, want 11", got)
	}
	if got := oy.Prev.Values.Get(Addr(TableS3, RowCarriedOut, ColTotal)); got != 2 {
		t.Errorf("prev 结转下年度 总计 = %d, want 2", got)
	}
	if len(oy.Prev.Blocks) != 4 || oy.Prev.Blocks[1].Text != prev.Report.Blocks[1].Text {
		t.Errorf("prev blocks not kept")
	}
	// The previous year is not changed.
	if prev.Report.Blocks[1].Stale || prev.Measures[0].Year != 2021 {
		t.Errorf("previous year modified")
	}
}

func TestNewYearFromSwitchesFormat2020To2021(t *testing.T) {
	r := NewReport(3, 2020)
	r.Values[Addr(TableS2Item5, RowLicensing, "prev")] = 12
	r.Values[Addr(TableS2Item5, RowLicensing, "delta")] = -2
	r.Values[Addr(TableS2Item9, RowProcurement, "amount")] = 130000000
	prev := &OrganYear{Organ: Organ{ID: 3, Name: "巴彦镇人民政府"}, Report: r}
	oy, sum := NewYearWithSummary(prev, 2021)
	if oy.Report.FormatID != "2021" || !sum.FormatChanged {
		t.Fatalf("format = %s changed=%v, want 2021 and changed", oy.Report.FormatID, sum.FormatChanged)
	}
	if len(oy.Report.Values) != 0 || len(sum.PrefilledCells) != 0 {
		t.Errorf("2019-format figures prefilled into 2021 format: %v", oy.Report.Values)
	}
	if oy.Prev.FormatID != "2019" {
		t.Errorf("prev format = %s, want 2019", oy.Prev.FormatID)
	}
	for a := range oy.Report.Values {
		if _, _, _, ok := oy.Report.Format().Cell(a); !ok {
			t.Errorf("value at %s is not a cell of the 2021 format", a)
		}
	}
}

func TestNewYearFrom2019PrefillsPreviousProjectCount(t *testing.T) {
	r := NewReport(3, 2019)
	r.Values[Addr(TableS2Item5, RowLicensing, "prev")] = 12
	r.Values[Addr(TableS2Item5, RowLicensing, "delta")] = -2
	r.Values[Addr(TableS2Item8, RowAdminFees, "prev")] = 4
	r.Values[Addr(TableS2Item8, RowAdminFees, "delta")] = 3
	r.Values[Addr(TableS2Item5, RowLicensing, "decisions")] = 90
	r.Mode3 = Typed
	r.Values[Addr(TableS3, RowCarriedOut, string(NaturalPerson))] = 2
	r.Values[Addr(TableS3, RowCarriedOut, ColTotal)] = 2
	// Entered zeros carry as zeros; blank cells carry nothing.
	r.Values[Addr(TableS3, RowCarriedOut, string(Business))] = 0
	r.Values[Addr(TableS2Item6, RowPenalty, "prev")] = 0
	r.Values[Addr(TableS2Item6, RowPenalty, "delta")] = 0
	r.Values[Addr(TableS2Item6, RowEnforcement, "prev")] = 3 // delta blank
	prev := &OrganYear{Organ: Organ{ID: 3, Name: "巴彦镇人民政府"}, Report: r}
	oy, sum := NewYearWithSummary(prev, 2020)
	want := Values{
		Addr(TableS2Item5, RowLicensing, "prev"):           10,
		Addr(TableS2Item8, RowAdminFees, "prev"):           7,
		Addr(TableS2Item6, RowPenalty, "prev"):             0,
		Addr(TableS3, RowCarriedIn, string(NaturalPerson)): 2,
		Addr(TableS3, RowCarriedIn, string(Business)):      0,
	}
	if len(oy.Report.Values) != len(want) || len(sum.PrefilledCells) != len(want) {
		t.Fatalf("values = %v, want %v", oy.Report.Values, want)
	}
	for a, x := range want {
		if got, ok := oy.Report.Values[a]; !ok || got != x {
			t.Errorf("%s = %d, want %d", a, got, x)
		}
	}
	if oy.Report.Mode3 != Typed {
		t.Errorf("table mode not kept")
	}
}
