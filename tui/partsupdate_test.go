package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
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
	ctx := context.Background()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	o := seedYear(t, st, 10)
	today := model.NewDate(2022, 1, 10)
	d := &countingDesk{Store: st}
	a := New(ctx, d, Options{Today: today, Now: func() time.Time { return fixedNow }, NoAltScreen: true})
	h := &harness{t: t, app: a, st: st, dir: dir}
	h.p = &testenv.Program{T: t, Model: a, Frame: h.screen}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 36})
	h.run(a.Init())
	h.send(common.OpenMsg{Organ: o, Year: 2021})
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
