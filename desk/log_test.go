package desk

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"nianbao/db"
	"nianbao/model"
)

// TestWithLogEqualsFreshOpen: after each random save to the request log
// (one field as the form saves it, a whole entry, a new entry, a delete,
// an undo), the snapshot made by ReadLogUpdate + WithLog has the log,
// findings, table 三, overview, fees and 即将到期 counts of a fresh
// OpenYear of the same organ-year; and so has the snapshot a report Edit
// makes from it.
func TestWithLogEqualsFreshOpen(t *testing.T) {
	st := demoDesk(t)
	ctx := context.Background()
	o, err := st.FindYear(ctx, DemoOrganName, 2021)
	if err != nil {
		t.Fatal(err)
	}
	steps := 300
	if testing.Short() {
		steps = 60
	}
	checkRandomSaves(t, st, o.ID, 2021, steps, 1)
}

// TestWithLogEqualsFreshOpenBulk is the same on a generated log of 3,000
// requests over five years, or of 50,000 with NIANBAO_TEST_50K=1 (about a
// minute: each step opens the year afresh to compare).
func TestWithLogEqualsFreshOpenBulk(t *testing.T) {
	n, steps := 3000, 40
	if testing.Short() {
		steps = 20
	}
	if os.Getenv("NIANBAO_TEST_50K") == "1" {
		n, steps = 50000, 12
	}
	st, organID := bulkDesk(t, n)
	checkRandomSaves(t, st, organID, DemoBulkLastYear, steps, 2)
}

// bulkDesk is a store holding the demo with a generated log of n requests
// over five years, and the organ that holds them.
func bulkDesk(t *testing.T, n int) (*Store, int64) {
	t.Helper()
	st := loadedDesk(t, n, 7)
	o, err := st.FindOrgan(context.Background(), DemoBulkOrganName)
	if err != nil {
		t.Fatal(err)
	}
	return st, o.ID
}

func checkRandomSaves(t *testing.T, st *Store, organID int64, year, steps int, seed uint64) {
	t.Helper()
	ctx := context.Background()
	cal := model.DefaultCalendar()
	today := model.NewDate(year, 11, 20)
	y, err := st.OpenYear(ctx, organID, year, cal, today)
	if err != nil {
		t.Fatal(err)
	}
	// A paragraph naming some of the applicants the saves will name, so
	// that rule S1 (personal data in public text) follows the saves.
	blk := model.Block{Section: 1, Pos: 90, Kind: model.BlockParagraph, Text: "本年度接待了张3、张17和张42等申请人，电话13800001111。"}
	if err := st.SaveBlock(ctx, y.Report().ID, &blk); err != nil {
		t.Fatal(err)
	}
	if y, err = st.OpenYear(ctx, organID, year, cal, today); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 99))
	// The organ's whole log with personal data, to pick entries of this
	// year and the years around it.
	var all []model.Request
	for yr := year - 2; yr <= year+1; yr++ {
		qs, err := st.RequestsForYear(ctx, organID, yr, true)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, qs...)
	}
	var deleted []model.Request
	inPlace, s1, lastS1 := 0, 0, ruleMessages(y.Findings(), "S1")
	for step := 0; step < steps; step++ {
		ids, what := randomSave(t, st, rng, y, all, &deleted, year)
		u, err := st.ReadLogUpdate(ctx, y, ids)
		if err != nil {
			t.Fatal(err)
		}
		if !u.For(y) {
			t.Fatal("an update read for y is not For(y)")
		}
		before := y
		y = y.WithLog(u)
		if len(before.oy.Requests) > 0 && len(y.oy.Requests) > 0 && &before.oy.Requests[0] == &y.oy.Requests[0] {
			inPlace++
		}
		fresh, err := st.OpenYear(ctx, organID, year, cal, today)
		if err != nil {
			t.Fatal(err)
		}
		sameYear(t, fmt.Sprintf("step %d (%s)", step, what), y, fresh)
		if n := ruleMessages(y.Findings(), "S1"); n != lastS1 {
			s1++
			lastS1 = n
		}
		if step%7 == 3 {
			// A report edit made from the incremental snapshot.
			x := int64(rng.IntN(40) - 5)
			a := model.Addr(model.TableS2Item1, model.RowRules, "issued")
			edit := func(oy *model.OrganYear) {
				oy.Report.Values[a] = x
				oy.Report.Date = model.NewDate(year+1, 1+rng.IntN(3), 1+rng.IntN(28))
			}
			e := y.Edit(edit)
			want := model.Check(e.oy, cal, today)
			if !reflect.DeepEqual(e.Findings(), want) {
				t.Fatalf("step %d: Edit's findings differ from a full check:\n got %v\nwant %v", step, e.Findings(), want)
			}
		}
	}
	if s1 == 0 && steps >= 100 {
		t.Fatal("no save made or removed a finding of rule S1")
	}
	if inPlace == 0 {
		t.Fatal("no save changed the log in place")
	}
	t.Logf("%d saves, %d in place, %d changed S1's findings", steps, inPlace, s1)
}

// randomSave saves one random change to the log the way the workstation
// does and returns the entries it touched.
func randomSave(t *testing.T, st *Store, rng *rand.Rand, y *Year, all []model.Request, deleted *[]model.Request, year int) ([]int64, string) {
	t.Helper()
	ctx := context.Background()
	f := y.Report().Format()
	date := func() model.Date {
		if rng.IntN(6) == 0 {
			return 0
		}
		return model.NewDate(year-1+rng.IntN(3), 1+rng.IntN(12), 1+rng.IntN(28))
	}
	switch k := rng.IntN(40); {
	case k == 0 && len(*deleted) > 0:
		q := (*deleted)[len(*deleted)-1]
		*deleted = (*deleted)[:len(*deleted)-1]
		if err := st.RestoreRequest(ctx, q); err != nil {
			t.Fatal(err)
		}
		return []int64{q.ID}, "restore"
	case k == 1:
		i := rng.IntN(len(all))
		q, err := st.DeleteRequest(ctx, all[i].ID)
		if err != nil {
			return []int64{all[i].ID}, "delete of a deleted entry"
		}
		*deleted = append(*deleted, q)
		return []int64{q.ID}, "delete"
	case k == 2:
		q := model.Request{OrganID: y.Report().OrganID, Received: model.NewDate(year, 1+rng.IntN(12), 1+rng.IntN(28)),
			Applicant: model.ApplicantTypes[rng.IntN(len(model.ApplicantTypes))], Summary: "新增的申请"}
		if err := st.SaveRequest(ctx, &q); err != nil {
			t.Fatal(err)
		}
		return []int64{q.ID}, "new entry"
	}
	i := rng.IntN(len(all))
	q, err := st.Request(ctx, all[i].ID, true)
	if err != nil {
		return []int64{all[i].ID}, "edit of a deleted entry"
	}
	outcomes := f.OutcomeRows()
	fields := []RequestField{db.FieldName, db.FieldPhone, db.FieldOutcome, db.FieldAnswered, db.FieldApplicant, db.FieldSummary, db.FieldNotes, db.FieldExtDays,
		db.FieldExtNotice, db.FieldCorrectionNotice, db.FieldCorrected, db.FieldFee, db.FieldFeeNotice, db.FieldFeePaid, db.FieldName,
		db.FieldReceived, db.FieldDelayNotice, db.FieldDelayedTo, db.FieldFeeMethod, db.FieldPages}
	fl := fields[rng.IntN(len(fields))]
	switch fl {
	case db.FieldOutcome:
		q.Outcome = ""
		if rng.IntN(5) > 0 {
			q.Outcome = outcomes[rng.IntN(len(outcomes))]
		}
	case db.FieldAnswered:
		q.Answered = date()
	case db.FieldApplicant:
		q.Applicant = model.ApplicantTypes[rng.IntN(len(model.ApplicantTypes))]
	case db.FieldSummary:
		q.Summary = fmt.Sprintf("摘要%d", rng.IntN(1000))
	case db.FieldNotes:
		q.Notes = fmt.Sprintf("备注%d", rng.IntN(1000))
	case db.FieldExtDays:
		q.ExtDays = rng.IntN(25)
	case db.FieldExtNotice:
		q.ExtNotice = date()
	case db.FieldCorrectionNotice:
		q.CorrectionNotice = date()
	case db.FieldCorrected:
		q.Corrected = date()
	case db.FieldFee:
		q.Fee = int64(rng.IntN(3)) * 10000
	case db.FieldFeeNotice:
		q.FeeNotice = date()
	case db.FieldFeePaid:
		q.FeePaid = date()
	case db.FieldName:
		q.Personal.Name = fmt.Sprintf("张%d", rng.IntN(50))
	case db.FieldPhone:
		q.Personal.Phone = []string{"", "13800001111", "13900002222"}[rng.IntN(3)]
	case db.FieldReceived:
		q.Received = date()
		if q.Received.IsZero() {
			q.Received = model.NewDate(year, 3, 3)
		}
	case db.FieldDelayNotice:
		q.DelayNotice = date()
	case db.FieldDelayedTo:
		q.DelayedTo = date()
	case db.FieldFeeMethod:
		q.FeeMethod = []model.FeeMethod{"", model.FeePerRequest, model.FeePerPage}[rng.IntN(3)]
	case db.FieldPages:
		q.Pages = rng.IntN(300)
	}
	if err := st.SaveRequestField(ctx, &q, fl); err != nil {
		t.Fatal(err)
	}
	return []int64{q.ID}, fmt.Sprintf("field %d", fl)
}

// sameYear compares what a snapshot derives with a fresh open's.
func sameYear(t *testing.T, at string, got, want *Year) {
	t.Helper()
	if !reflect.DeepEqual(got.oy.Requests, want.oy.Requests) {
		t.Fatalf("%s: the log differs from a fresh open (%d vs %d entries)", at, len(got.oy.Requests), len(want.oy.Requests))
	}
	if !reflect.DeepEqual(got.Findings(), want.Findings()) {
		t.Fatalf("%s: findings differ from a fresh open:\n got %v\nwant %v", at, got.Findings(), want.Findings())
	}
	if !reflect.DeepEqual(got.cells(), want.cells()) {
		t.Fatalf("%s: findings by cell differ", at)
	}
	if !got.S3().Equal(want.S3()) {
		t.Fatalf("%s: table 三 differs:\n got %v\nwant %v", at, got.S3(), want.S3())
	}
	if !got.run.Values().Equal(want.run.Values()) {
		t.Fatalf("%s: the printed values differ", at)
	}
	if !reflect.DeepEqual(got.Overview(), want.Overview()) {
		t.Fatalf("%s: overview %+v, want %+v", at, got.Overview(), want.Overview())
	}
	if got.LogFees() != want.LogFees() {
		t.Fatalf("%s: fees %+v, want %+v", at, got.LogFees(), want.LogFees())
	}
	gd, gl := got.DueSoon()
	wd, wl := want.DueSoon()
	if gd != wd || gl != wl {
		t.Fatalf("%s: 即将到期 %d/%d, want %d/%d", at, gd, gl, wd, wl)
	}
}

// ruleMessages joins the messages of one rule's findings.
func ruleMessages(fs []model.Finding, rule string) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Rule == rule {
			b.WriteString(f.Message + "\n")
		}
	}
	return b.String()
}
