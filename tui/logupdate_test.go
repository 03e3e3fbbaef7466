package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/db"
	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// countingDesk counts the whole-year loads the app asks for.
type countingDesk struct {
	*desk.Store
	opens int
}

func (d *countingDesk) OpenYear(ctx context.Context, organID int64, year int, cal *model.Calendar, today model.Date) (*desk.Year, error) {
	d.opens++
	return d.Store.OpenYear(ctx, organID, year, cal, today)
}

// TestSavedEntryUpdatesTheSnapshotWithoutReload: after a save of one log
// entry (ReloadMsg naming it, as the request form and list send), the app
// reads that entry back and updates the open year's snapshot: no load of
// the whole year, and the findings, table 三 and status line equal those
// of a fresh load. A second save while the first read runs waits for it
// and is applied after it.
func TestSavedEntryUpdatesTheSnapshotWithoutReload(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	t.Cleanup(func() { st.Close() })
	o := seedYear(t, st, 40)
	today := model.NewDate(2022, 1, 10)
	h, d := countedApp(t, st, dir, o, today, 160, 40)
	a := h.app
	if a.Common().Snap == nil || d.opens != 1 {
		t.Fatalf("the year did not open once (%d loads)", d.opens)
	}
	before := a.Common().Snap
	q := a.Common().OrganYear().Requests[3]
	wasL1 := countRule(a.Common().Findings(), "L1")

	// Answer the entry without an outcome: L1 appears, table 三 moves the
	// entry out of 结转下年度 only once it has an outcome.
	q.Answered = model.NewDate(2021, 12, 20)
	if err := d.SaveRequestField(ctx, &q, db.FieldAnswered); err != nil {
		t.Fatal(err)
	}
	h.send(common.ReloadMsg{Requests: []int64{q.ID}})
	if d.opens != 1 {
		t.Fatalf("a saved entry loaded the whole year again (%d loads)", d.opens)
	}
	if a.Common().Snap == before {
		t.Fatal("the snapshot did not change after the save")
	}
	if got := countRule(a.Common().Findings(), "L1"); got != wasL1+1 {
		t.Fatalf("L1 findings %d, want %d", got, wasL1+1)
	}
	sameAsFresh(t, a, d.Store, o.ID, today)

	// Two saves, the second while the first read runs: the second waits.
	q.Outcome = model.RowDisclosed
	if err := d.SaveRequestField(ctx, &q, db.FieldOutcome); err != nil {
		t.Fatal(err)
	}
	r := a.Common().OrganYear().Requests[5]
	r.Applicant = model.Business
	_, first := a.Update(common.ReloadMsg{Requests: []int64{q.ID}})
	if err := d.SaveRequestField(ctx, &r, db.FieldApplicant); err != nil {
		t.Fatal(err)
	}
	if _, second := a.Update(common.ReloadMsg{Requests: []int64{r.ID}}); second != nil {
		t.Fatal("a second read started while the first runs")
	}
	h.run(first) // lands, then reads the queued entry
	if d.opens != 1 {
		t.Fatalf("saves loaded the whole year again (%d loads)", d.opens)
	}
	if got := a.Common().OrganYear().Requests[5].Applicant; got != model.Business {
		t.Fatalf("the queued save was not applied: applicant %q", got)
	}
	sameAsFresh(t, a, d.Store, o.ID, today)
	e, w := a.Common().CountFindings("")
	h.mustSee(fmt.Sprintf(text.StatusFindings, e, w)) // the status line follows
}

func countRule(fs []model.Finding, rule string) int {
	n := 0
	for _, f := range fs {
		if f.Rule == rule {
			n++
		}
	}
	return n
}

// sameAsFresh compares the app's snapshot with a fresh open of the year.
func sameAsFresh(t *testing.T, a *App, st *desk.Store, organID int64, today model.Date) {
	t.Helper()
	c := a.Common()
	fresh, err := st.OpenYear(context.Background(), organID, 2021, c.Calendar, today)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.OrganYear().Requests, fresh.OrganYear().Requests) {
		t.Fatal("the log differs from a fresh open")
	}
	if !reflect.DeepEqual(c.Findings(), fresh.Findings()) {
		t.Fatalf("findings differ from a fresh open:\n got %v\nwant %v", c.Findings(), fresh.Findings())
	}
	if !reflect.DeepEqual(c.Snap.S3(), fresh.S3()) || !reflect.DeepEqual(c.Snap.Overview(), fresh.Overview()) {
		t.Fatal("table 三 or the overview differ from a fresh open")
	}
}

// TestTypedNameCountsAtOnce (rule S1): an applicant's name saved from the
// request form counts for the privacy check as soon as the save's update
// reaches the snapshot, without reopening the year: a paragraph that
// already holds the name gets the S1 error, and loses it when the name in
// the log changes again.
func TestTypedNameCountsAtOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	t.Cleanup(func() { st.Close() })
	o := seedYear(t, st, 10)
	r, err := st.Report(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	b := model.Block{Section: 1, Kind: model.BlockParagraph, Text: "本年度欧阳明远等申请人提出的申请均已答复。"}
	if err := st.SaveBlock(ctx, r.ID, &b); err != nil {
		t.Fatal(err)
	}
	today := model.NewDate(2022, 1, 10)
	h, d := countedApp(t, st, dir, o, today, 160, 40)
	a := h.app
	if n := countRule(a.Common().Findings(), "S1"); n != 0 {
		t.Fatalf("S1 before the name is in the log: %d", n)
	}
	q := a.Common().OrganYear().Requests[2]
	full, err := d.Request(ctx, q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		want int
	}{{"欧阳明远", 1}, {"欧阳明", 1}, {"司马光", 0}} {
		full.Personal.Name = c.name
		if err := d.SaveRequestField(ctx, &full, db.FieldName); err != nil {
			t.Fatal(err)
		}
		h.send(common.ReloadMsg{Requests: []int64{q.ID}})
		if got := countRule(a.Common().Findings(), "S1"); got != c.want {
			t.Fatalf("name %s saved: %d S1 findings, want %d", c.name, got, c.want)
		}
	}
	if d.opens != 1 {
		t.Fatalf("the year was loaded %d times, want once", d.opens)
	}
}

// countedApp opens organ o's 2021 on a workstation of w×ht cells whose
// loads of the whole year are counted.
func countedApp(t *testing.T, st *desk.Store, dir string, o model.Organ, today model.Date, w, ht int) (*harness, *countingDesk) {
	t.Helper()
	d := &countingDesk{Store: st}
	a := New(context.Background(), d, Options{Today: today, Now: func() time.Time { return fixedNow }, NoAltScreen: true})
	h := &harness{t: t, app: a, st: st, dir: dir}
	h.p = &testenv.Program{T: t, Model: a, Frame: h.screen}
	h.send(tea.WindowSizeMsg{Width: w, Height: ht})
	h.run(a.Init())
	h.send(common.OpenMsg{Organ: o, Year: 2021})
	return h, d
}

// TestLogReadBeforeALoadIsReadAgain: entries read back before a whole load
// of the year whose reply lands after it are read again for that load,
// not laid over it (nor is the year loaded a third time).
func TestLogReadBeforeALoadIsReadAgain(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	o := seedYear(t, st, 10)
	today := model.NewDate(2022, 1, 10)
	h, d := countedApp(t, st, dir, o, today, 120, 36)
	a := h.app
	q := a.Common().OrganYear().Requests[2]
	q.Summary = "甲"
	if err := d.SaveRequestField(ctx, &q, db.FieldSummary); err != nil {
		t.Fatal(err)
	}
	_, read := a.Update(common.ReloadMsg{Requests: []int64{q.ID}})
	stale := read() // the entry as it is now: 甲
	q.Summary = "乙"
	if err := d.SaveRequestField(ctx, &q, db.FieldSummary); err != nil {
		t.Fatal(err)
	}
	h.send(common.ReloadMsg{}) // a whole load lands first
	h.send(stale)
	if got := a.Common().OrganYear().Requests[2].Summary; got != "乙" {
		t.Fatalf("summary %q after the stale read, want 乙", got)
	}
	sameAsFresh(t, a, d.Store, o.ID, today)
	if d.opens != 2 {
		t.Fatalf("%d loads, want 2", d.opens)
	}
}
