package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"nianbao/db"
	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/narrative"
	"nianbao/tui/text"
)

// TestSavedMeasureUpdatesTheSnapshotByKeys drives the measures screen by
// keys: section 五 has no text, so rule B3 (no text and no measures) is an
// error; typing a measure and leaving its field saves it, and the error
// is gone from the status line and the check screen at once; deleting the
// measure brings it back, undo takes it away again. The year is loaded
// once: each save reads only the measures back, and the snapshot equals a
// fresh open after every step.
func TestSavedMeasureUpdatesTheSnapshotByKeys(t *testing.T) {
	h, d, o, today := seededApp(t)
	a := h.app
	b3 := func() int { return countRule(a.Common().Findings(), "B3") }
	status := func() string {
		e, w := a.Common().CountFindings("")
		return fmt.Sprintf(text.StatusFindings, e, w)
	}
	if b3() != 1 {
		t.Fatalf("B3 before any measure: %d", b3())
	}
	errsBefore := status()
	b3Text := "没有文字，也没有整改措施"
	h.key("k")
	h.mustSee(b3Text)
	h.key("esc", "m")
	h.mustSee(fmt.Sprintf(text.MeasureHeading, 0), errsBefore)

	// A new measure: its first field saved when left.
	h.key("n")
	h.typeText("公开内容更新不及时")
	h.key("tab")
	if b3() != 0 {
		t.Fatalf("B3 after the measure was saved: %d", b3())
	}
	h.mustNotSee(errsBefore)
	h.mustSee(status())
	partsAsFresh(t, a, d.Store, o.ID, today)
	h.typeText("建立每月更新检查制度")
	h.key("tab", "esc")
	h.mustSee(fmt.Sprintf(text.MeasureHeading, 1), "建立每月更新检查制度", status())
	partsAsFresh(t, a, d.Store, o.ID, today)
	h.key("esc", "k")
	h.mustNotSee(b3Text)

	// Deleted, the error is back; undone, it is gone again.
	h.key("esc", "m", "d", "y")
	h.mustSee(fmt.Sprintf(text.MeasureHeading, 0), errsBefore)
	if b3() != 1 {
		t.Fatalf("B3 after the delete: %d", b3())
	}
	partsAsFresh(t, a, d.Store, o.ID, today)
	h.key("u")
	h.mustSee(fmt.Sprintf(text.MeasureHeading, 1), text.UndoDone)
	h.mustNotSee(errsBefore)
	if b3() != 0 {
		t.Fatalf("B3 after the undo: %d", b3())
	}
	partsAsFresh(t, a, d.Store, o.ID, today)
	if d.opens != 1 {
		t.Fatalf("the year was loaded %d times, want once", d.opens)
	}
}

// partsAsFresh compares the app's snapshot, its lists and report included,
// with a fresh open of the year.
func partsAsFresh(t *testing.T, a *App, st *desk.Store, organID int64, today model.Date) {
	t.Helper()
	sameAsFresh(t, a, st, organID, today)
	fresh, err := st.OpenYear(context.Background(), organID, 2021, a.Common().Calendar, today)
	if err != nil {
		t.Fatal(err)
	}
	g, w := a.Common().OrganYear(), fresh.OrganYear()
	if !reflect.DeepEqual(g.Cases, w.Cases) || !reflect.DeepEqual(g.Measures, w.Measures) || !reflect.DeepEqual(g.Items, w.Items) || !reflect.DeepEqual(g.Report, w.Report) {
		t.Fatalf("the lists or the report differ from a fresh open:\n got %+v\nwant %+v", g.Measures, w.Measures)
	}
}

// TestEditedYearEqualsFreshOpen: the screens that set the snapshot
// themselves when they save (desk.Year.Edit: table 二's cells, the text of
// a section and its headings added, deleted and restored, the profile,
// the typed fees) leave it equal to a fresh open
// of the year after each save made by keys: report, profile, findings and
// tables. None of them loads the year again.
func TestEditedYearEqualsFreshOpen(t *testing.T) {
	narrative.AutosaveDelay = time.Millisecond
	ctx := context.Background()
	h, d, o, today := seededApp(t)
	a := h.app
	fresh := func(at string) {
		t.Helper()
		partsAsFresh(t, a, d.Store, o.ID, today)
		f, err := d.Store.OpenYear(ctx, o.ID, 2021, a.Common().Calendar, today)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := a.Common().OrganYear().Organ, f.OrganYear().Organ; !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: the profile differs from a fresh open:\n got %+v\nwant %+v", at, g, w)
		}
		if !a.Common().Snap.Values().Equal(f.Values()) {
			t.Fatalf("%s: the printed values differ from a fresh open", at)
		}
	}
	errs := func() int { e, _ := a.Common().CountFindings(""); return e }

	// Table 二: a cell, then the one under it (a total follows them).
	h.key("2")
	h.typeText("3")
	h.key("enter")
	fresh("table 二, first cell")
	h.typeText("7")
	h.key("enter")
	fresh("table 二, second cell")
	h.key("shift+tab", "delete")
	fresh("table 二, cell cleared")

	// Section 一: a paragraph naming an applicant of the log (rule S1).
	q, err := d.Request(ctx, a.Common().OrganYear().Requests[0].ID, true)
	if err != nil {
		t.Fatal(err)
	}
	q.Personal.Name = "欧阳明远"
	if err := d.SaveRequestField(ctx, &q, db.FieldName); err != nil {
		t.Fatal(err)
	}
	h.send(common.ReloadMsg{Requests: []int64{q.ID}})
	before := errs()
	h.key("esc", "1")
	h.key("down", "enter")
	h.typeText("本年度欧阳明远提出的申请已答复。")
	h.key("esc")
	h.mustSee("已保存")
	if countRule(a.Common().Findings(), "S1") == 0 || errs() <= before {
		t.Fatalf("the paragraph naming an applicant has no S1 error (errors %d, before %d)", errs(), before)
	}
	fresh("section 一")
	// A heading added and named, deleted and brought back.
	h.key("a")
	h.typeText("其他工作")
	h.key("enter")
	h.mustSee("其他工作")
	fresh("section 一, heading added")
	h.key("d", "y")
	h.mustNotSee("其他工作")
	fresh("section 一, heading deleted")
	h.key("u")
	h.mustSee("其他工作")
	fresh("section 一, delete undone")

	// The profile's phone, and the typed fees.
	h.key("esc", "0")
	h.mustSee(text.TitleProfile)
	h.key("tab", "tab", "tab", "tab") // 联系电话
	h.typeText("0470-7654321")
	h.key("tab")
	fresh("profile: phone")
	h.key("tab", "tab", "tab", "tab", "tab", "tab", "tab") // 成文日期
	d1 := countRule(a.Common().Findings(), "D1")
	h.typeText("2022-03-01")
	h.key("tab")
	if countRule(a.Common().Findings(), "D1") != d1+1 {
		t.Fatalf("a report date after the due date has no D1 warning:\n%s", h.screen())
	}
	fresh("profile: report date")
	h.key("tab", "right") // 表四数据: 手工填写
	if a.Common().Report().Mode4 != model.Typed {
		t.Fatalf("table 四 not switched to typed:\n%s", h.screen())
	}
	fresh("profile: table 四 typed")
	h.key("esc", "f", "tab", "tab")
	h.typeText("2")
	h.key("tab")
	if n := a.Common().Report().Fees.Notices; n != 2 {
		t.Fatalf("typed fee notices %d, want 2:\n%s", n, h.screen())
	}
	fresh("typed fees")
	if d.opens != 1 {
		t.Fatalf("the year was loaded %d times, want once", d.opens)
	}
}

// TestSavedItemUpdatesTheSnapshotByKeys: an item of 主动公开信息 typed in
// the register, then deleted and brought back, reaches the snapshot
// (table 二（一） counted from the register) without loading the year.
func TestSavedItemUpdatesTheSnapshotByKeys(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	o := seedYear(t, st, 10)
	r, err := st.Report(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetArt20Mode(ctx, r.ID, model.FromLog); err != nil {
		t.Fatal(err)
	}
	today := model.NewDate(2022, 1, 10)
	h, d := countedApp(t, st, dir, o, today, 120, 36)
	a := h.app
	h.key("i", "n")
	h.typeText("关于印发某某办法的通知")
	h.key("enter")
	h.typeText("2021-05-01")
	h.key("ctrl+s")
	if n := len(a.Common().OrganYear().Items); n != 1 {
		t.Fatalf("%d items in the snapshot after the save", n)
	}
	partsAsFresh(t, a, d.Store, o.ID, today)

	// The next one counts in table 二（一）: 规章, 本年制发.
	issued := model.Addr(model.TableS2Item1, model.RowRules, "issued")
	h.typeText("某某规章")
	h.key("enter", "enter", "enter", "enter", "enter", "right")
	h.mustSee("◉ 规章·制发")
	h.key("ctrl+s")
	if v := a.Common().Snap.Values()[issued]; v != 1 {
		t.Fatalf("表二（一） 规章 本年制发 = %d after the flagged item, want 1:\n%s", v, h.screen())
	}
	partsAsFresh(t, a, d.Store, o.ID, today)

	// Deleted from the register, then brought back.
	h.key("esc")
	h.mustSee("某某规章")
	onIt := false
	for _, line := range strings.Split(h.screen(), "\n") {
		onIt = onIt || strings.Contains(line, "▸ 2021-05-01") && strings.Contains(line, "某某规章")
	}
	if !onIt {
		t.Fatalf("the cursor is not on the item just saved:\n%s", h.screen())
	}
	h.key("d", "y")
	h.mustSee("2021年 共 1 条")
	if v := a.Common().Snap.Values()[issued]; v != 0 {
		t.Fatalf("表二（一） 规章 本年制发 = %d after the delete, want 0", v)
	}
	partsAsFresh(t, a, d.Store, o.ID, today)
	h.key("u")
	h.mustSee("2021年 共 2 条")
	if v := a.Common().Snap.Values()[issued]; v != 1 {
		t.Fatalf("表二（一） 规章 本年制发 = %d after the undo, want 1", v)
	}
	partsAsFresh(t, a, d.Store, o.ID, today)
	if d.opens != 1 {
		t.Fatalf("the year was loaded %d times, want once", d.opens)
	}
}

// seededApp opens a year of 10 requests (seedYear) on a workstation of
// 120×36 whose loads are counted.
func seededApp(t *testing.T) (*harness, *countingDesk, model.Organ, model.Date) {
	t.Helper()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	o := seedYear(t, st, 10)
	today := model.NewDate(2022, 1, 10)
	h, d := countedApp(t, st, dir, o, today, 120, 36)
	return h, d, o, today
}

// TestPartsReadBeforeALoadIsReadAgain: a read of saved parts that started
// before a whole load of the year lands after it; it is read again for
// the new load rather than laid over it, and a save queued behind it is
// read too.
func TestPartsReadBeforeALoadIsReadAgain(t *testing.T) {
	ctx := context.Background()
	h, d, o, today := seededApp(t)
	a := h.app
	c := model.Case{OrganID: o.ID, Year: 2021, Kind: model.CaseReview, Result: model.Pending, Summary: "甲"}
	if err := d.SaveCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	_, read := a.Update(common.ReloadMsg{Parts: desk.PartCases})
	if read == nil {
		t.Fatal("no read of the cases started")
	}
	stale := read() // the cases as they are now: 甲
	m := model.Measure{OrganID: o.ID, Year: 2021, Problem: "问题", Measure: "措施"}
	if err := d.SaveMeasure(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if _, queued := a.Update(common.ReloadMsg{Parts: desk.PartMeasures}); queued != nil {
		t.Fatal("a second read started while the first runs")
	}
	// The case changes again and a whole load (as after a failed read)
	// lands before the first read's reply.
	c.Summary = "乙"
	if err := d.SaveCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	h.send(common.ReloadMsg{})
	if d.opens != 2 {
		t.Fatalf("%d loads, want 2", d.opens)
	}
	h.send(stale) // read for the load before: read again, with the measures queued
	if got := a.Common().OrganYear().Cases; len(got) != 1 || got[0].Summary != "乙" {
		t.Fatalf("cases after the stale read: %+v", got)
	}
	partsAsFresh(t, a, d.Store, o.ID, today)
	if d.opens != 2 {
		t.Fatalf("%d loads, want 2", d.opens)
	}
}
