package demo

import (
	"reflect"
	"strings"
	"testing"

	"nianbao/model"
)

func byYear(t *testing.T, year int) *model.OrganYear {
	t.Helper()
	for _, oy := range Build() {
		if oy.Report.Year == year {
			return oy
		}
	}
	t.Fatalf("Build() has no %d report", year)
	return nil
}

func s3(oy *model.OrganYear, row string, col string) int64 {
	return model.EffectiveValues(oy).Get(model.Addr(model.TableS3, row, col))
}

func TestBuildYearsAndFormats(t *testing.T) {
	oys := Build()
	if len(oys) != len(Years) {
		t.Fatalf("Build() returned %d organ-years, want %d", len(oys), len(Years))
	}
	for i, oy := range oys {
		if oy.Report.Year != Years[i] {
			t.Errorf("organ-year %d is %d, want %d", i, oy.Report.Year, Years[i])
		}
		if oy.Organ.Name != OrganName || oy.Organ.Level != model.LevelTownship || oy.Organ.Phone != "0470-2382772" {
			t.Errorf("%d: organ profile %+v", oy.Report.Year, oy.Organ)
		}
		if want := model.FormatForYear(oy.Report.Year).ID; oy.Report.FormatID != want {
			t.Errorf("%d: format %s, want %s", oy.Report.Year, oy.Report.FormatID, want)
		}
		// Every section 二 cell of the format is present, so the printed
		// tables show 0 rather than blanks.
		for _, tb := range oy.Report.Format().SectionTables(2) {
			for _, a := range tb.Cells() {
				if _, ok := oy.Report.Values[a]; !ok {
					t.Errorf("%d: section 二 cell %s missing", oy.Report.Year, a)
				}
			}
		}
		// Section 一 carries the five default sub-headings in order.
		var heads []string
		for _, b := range oy.Report.SectionBlocks(1) {
			if b.Kind == model.BlockHeading {
				heads = append(heads, b.Text)
			}
		}
		if !reflect.DeepEqual(heads, model.DefaultOverviewHeadings) {
			t.Errorf("%d: section 一 headings %v", oy.Report.Year, heads)
		}
		for s := 1; s <= 6; s++ {
			has := false
			for _, b := range oy.Report.SectionBlocks(s) {
				if b.Kind == model.BlockParagraph && b.Text != "" {
					has = true
				}
			}
			if !has {
				t.Errorf("%d: section %d has no narrative", oy.Report.Year, s)
			}
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	if !reflect.DeepEqual(Build(), Build()) {
		t.Fatal("two calls of Build() differ")
	}
}

func TestReport2019MatchesSeed(t *testing.T) {
	oy := byYear(t, 2019)
	counts := model.CountItems(2019, oy.Items)
	if counts.Total != 146 {
		t.Errorf("2019 items published = %d, want 146", counts.Total)
	}
	if n := counts.Channel("政务新媒体"); n != 4 {
		t.Errorf("2019 items on the WeChat account = %d, want 4", n)
	}
	if n := counts.Category("回应关切"); n != 4 {
		t.Errorf("2019 responses to public concern = %d, want 4", n)
	}
	amount := oy.Report.Values.Get(model.Addr(model.TableS2Item9, model.RowProcurement, "amount"))
	if amount != 130*10000*100 {
		t.Errorf("2019 procurement amount = %d fen, want 130万元", amount)
	}
	if p := oy.Report.Values.Get(model.Addr(model.TableS2Item9, model.RowProcurement, "projects")); p <= 0 {
		t.Errorf("2019 procurement projects = %d, want a positive count", p)
	}
	if oy.Report.Mode3 != model.FromLog || len(oy.Requests) != 0 {
		t.Errorf("2019: mode %s with %d requests, want an empty log", oy.Report.Mode3, len(oy.Requests))
	}
	for a, v := range model.EffectiveValues(oy) {
		if (a.Table == model.TableS3 || a.Table == model.TableS4) && v != 0 {
			t.Errorf("2019 %s = %d, want 0", a, v)
		}
	}
	if len(oy.Measures) != 4 {
		t.Errorf("2019 has %d measures, want the four of the seed", len(oy.Measures))
	}
	for _, m := range oy.Measures {
		// Measures for 2020 cannot be finished when the report is dated
		// January 2020.
		if m.Status == model.MeasureDone {
			t.Errorf("2019 measure %q is already done", m.Problem)
		}
	}
}

func TestRequests2021(t *testing.T) {
	oy := byYear(t, 2021)
	qs := oy.Requests
	if len(qs) < 25 || len(qs) > 40 {
		t.Fatalf("2021 log has %d requests, want about 30", len(qs))
	}
	types := map[model.ApplicantType]bool{}
	outcomes := map[string]bool{}
	var corrected, extended, late, feePaid, feeUnpaid int
	for i := range qs {
		q := &qs[i]
		types[q.Applicant] = true
		if q.Outcome != "" {
			outcomes[q.Outcome] = true
		}
		if q.Serial != i+1 {
			t.Errorf("request %d has serial %d", i+1, q.Serial)
		}
		for name, d := range map[string]model.Date{"received": q.Received, "answered": q.Answered,
			"correction notice": q.CorrectionNotice, "corrected": q.Corrected, "extension notice": q.ExtNotice,
			"fee notice": q.FeeNotice, "fee paid": q.FeePaid} {
			if !d.IsZero() && !cal.IsWorkday(d) {
				t.Errorf("request %d: %s %s is not a working day", q.Serial, name, d)
			}
		}
		p := q.Personal
		if p.Name == "" || p.Phone == "" || p.IDNumber == "" || p.Address == "" {
			t.Errorf("request %d: personal data incomplete: %+v", q.Serial, p)
		}
		if q.Applicant == model.NaturalPerson {
			if len(p.IDNumber) != 18 || idChecksum(p.IDNumber[:17]) != p.IDNumber[17] {
				t.Errorf("request %d: ID number %q is not well-formed", q.Serial, p.IDNumber)
			}
		}
		if !q.Corrected.IsZero() {
			// The clock restarts: counted from the day received, the
			// answer would be late.
			fromReceived := cal.AddWorkdays(q.Received, model.AnswerWorkdays)
			if q.Outcome == model.RowDisclosed && q.Answered > fromReceived && !model.AnsweredLate(q, cal) {
				corrected++
			}
		}
		if q.ExtDays > 0 {
			if q.ExtApprovedBy == "" || q.ExtNotice.IsZero() || q.ExtDays != 15 {
				t.Errorf("request %d: extension incomplete: %q %s %d", q.Serial, q.ExtApprovedBy, q.ExtNotice, q.ExtDays)
			}
			if q.Answered > cal.AddWorkdays(q.Received, model.AnswerWorkdays) && !model.AnsweredLate(q, cal) {
				extended++
			}
		}
		if model.AnsweredLate(q, cal) {
			late++
		}
		if q.FeeMethod == model.FeePerRequest {
			if nth := model.NthInMonth(qs, q); q.Fee != model.PerRequestFee(nth) || q.Fee == 0 || q.FeeNotice.IsZero() {
				t.Errorf("request %d: fee %d notice %s", q.Serial, q.Fee, q.FeeNotice)
			}
			if q.FeePaid.IsZero() {
				feeUnpaid++
				if q.Outcome != "o6_2" {
					t.Errorf("unpaid fee request %d has outcome %s, want o6_2", q.Serial, q.Outcome)
				}
			} else {
				feePaid++
			}
		}
	}
	if len(types) != len(model.ApplicantTypes) {
		t.Errorf("applicant types %v, want all six", types)
	}
	if len(outcomes) < 15 {
		t.Errorf("only %d outcome rows used, want most of the 2021 format's", len(outcomes))
	}
	if corrected < 1 || extended != 1 || late != 1 || feePaid != 1 || feeUnpaid != 1 {
		t.Errorf("corrected %d, extended %d, late %d, fee paid %d, unpaid %d; want ≥1, 1, 1, 1, 1",
			corrected, extended, late, feePaid, feeUnpaid)
	}
	if got := s3(oy, model.RowCarriedOut, model.ColTotal); got != 2 {
		t.Errorf("carried into 2022: %d, want 2", got)
	}
	for _, q := range qs {
		if q.Received.Month() == 12 && q.Answered.Year() == 2022 {
			continue
		}
		if q.Answered.Year() != 2021 {
			t.Errorf("request %d answered %s", q.Serial, q.Answered)
		}
	}
	if len(oy.Cases) != 1 || oy.Cases[0].Kind != model.CaseReview {
		t.Errorf("2021 cases %+v, want one 行政复议", oy.Cases)
	}
	status := map[model.MeasureStatus]bool{}
	for _, m := range oy.Measures {
		status[m.Status] = true
	}
	if !status[model.MeasureDone] || !status[model.MeasureInProgress] {
		t.Errorf("2021 measure statuses %v, want some 已完成 and some 进行中", status)
	}
	if oy.Report.Fees.Notices != 2 || oy.Report.Fees.Collected != 10000 {
		t.Errorf("fee summary %+v, want 2 notices and 100 元", oy.Report.Fees)
	}
}

// TestTable3Balances checks the printed rule O1 on the computed table.
func TestTable3Balances(t *testing.T) {
	for _, year := range Years {
		oy := byYear(t, year)
		for _, c := range oy.Report.Format().Table(model.TableS3).Columns {
			l := s3(oy, model.RowNew, c.ID) + s3(oy, model.RowCarriedIn, c.ID)
			r := s3(oy, model.RowOutcomeSum, c.ID) + s3(oy, model.RowCarriedOut, c.ID)
			if l != r {
				t.Errorf("%d column %s: 一+二 = %d, 三（七）+四 = %d", year, c.ID, l, r)
			}
		}
	}
}

func TestBulkRequests(t *testing.T) {
	a := BulkRequests(3000, 7)
	if !reflect.DeepEqual(a, BulkRequests(3000, 7)) {
		t.Fatal("BulkRequests is not deterministic")
	}
	if len(a) != 3000 {
		t.Fatalf("got %d requests, want 3000", len(a))
	}
	types := map[model.ApplicantType]bool{}
	outcomes := map[string]bool{}
	perYear := map[int]int{}
	serials := map[[2]int]bool{}
	open := 0
	for _, q := range a {
		types[q.Applicant] = true
		outcomes[q.Outcome] = true
		perYear[q.Year]++
		k := [2]int{q.Year, q.Serial}
		if serials[k] {
			t.Fatalf("duplicate serial %v", k)
		}
		serials[k] = true
		if q.Received.Year() != q.Year || !cal.IsWorkday(q.Received) {
			t.Fatalf("request %d/%d received %s", q.Year, q.Serial, q.Received)
		}
		if q.Answered.IsZero() {
			open++
		}
	}
	if len(types) != 6 {
		t.Errorf("applicant types %v", types)
	}
	for _, row := range model.FormatForYear(2021).OutcomeRows() {
		if !outcomes[row] {
			t.Errorf("outcome row %s never occurs", row)
		}
	}
	for y := BulkFirstYear; y <= BulkLastYear; y++ {
		if perYear[y] != 600 {
			t.Errorf("%d has %d requests, want 600", y, perYear[y])
		}
	}
	if open == 0 {
		t.Error("no request is still open at the end")
	}
	f := model.FormatForYear(2021)
	total := func(year int, row string) int64 {
		return model.ComputeS3(f, year, a).Get(model.Addr(model.TableS3, row, model.ColTotal))
	}
	for y := BulkFirstYear + 1; y <= BulkLastYear; y++ {
		in, out := total(y, model.RowCarriedIn), total(y-1, model.RowCarriedOut)
		if in == 0 || in != out {
			t.Errorf("%d carried in %d, %d carried out %d; want equal and positive", y, in, y-1, out)
		}
	}
	oys := BulkOrganYears(a)
	if len(oys) != BulkLastYear-BulkFirstYear+1 {
		t.Fatalf("%d bulk organ-years", len(oys))
	}
	n := 0
	for _, oy := range oys {
		for _, q := range oy.Requests {
			if q.Year != oy.Report.Year {
				t.Fatalf("request of %d in the %d organ-year", q.Year, oy.Report.Year)
			}
		}
		n += len(oy.Requests)
	}
	if n != len(a) {
		t.Errorf("organ-years hold %d requests, want %d", n, len(a))
	}
}

func TestBulkRequestsCount(t *testing.T) {
	qs := BulkRequests(50000, 1)
	if len(qs) != 50000 {
		t.Fatalf("got %d", len(qs))
	}
}

// Title patterns name the year and month only where they want to; no title
// may carry a formatting leftover such as %!(EXTRA …).
func TestItemTitlesAreClean(t *testing.T) {
	for _, oy := range Build() {
		for _, it := range oy.Items {
			if strings.Contains(it.Title, "%") {
				t.Fatalf("%d item title %q has a formatting leftover", oy.Report.Year, it.Title)
			}
		}
	}
}

// The 2021 demo year publishes in every default category, so each line of
// the counts view and of the generated sentence has something to show.
func TestItems2021CoverEveryCategory(t *testing.T) {
	oy := byYear(t, 2021)
	c := model.CountItems(2021, oy.Items)
	for _, cat := range model.DefaultItemCategories {
		if c.Category(cat) == 0 {
			t.Errorf("no 2021 demo item in category %s", cat)
		}
	}
}
