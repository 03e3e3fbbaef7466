package tables

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

func stored(t *testing.T, e *testenv.Env) model.Values {
	t.Helper()
	r, err := e.Store.Report(context.Background(), e.C.Organ.ID, e.C.Year)
	if err != nil {
		t.Fatal(err)
	}
	return r.Values
}

func TestFullWidthDigitsAndRefusedInput(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 2)
	d := e.Drive(m)
	a := m.Addr()
	if a != model.Addr(model.TableS2Item1, model.RowRules, "issued") {
		t.Fatalf("starts at %v", a)
	}
	d.Keys("down")
	a = m.Addr()
	d.Type("１２")
	d.Keys("enter")
	if v := stored(t, e)[a]; v != 12 {
		t.Fatalf("stored %d, want 12", v)
	}
	// The cursor moved on to the next cell; come back and type nonsense.
	d.Keys("shift+tab")
	d.Type("十二")
	d.Keys("tab")
	if m.Err() == "" || m.Addr() != a {
		t.Fatalf("bad input must be refused in place (err %q at %v)", m.Err(), m.Addr())
	}
	view := ansi.Strip(d.View(80, 24))
	if !strings.Contains(view, "已保留原值") {
		t.Fatalf("refusal not shown:\n%s", view)
	}
	d.Keys("esc")
	if v := stored(t, e)[a]; v != 12 || m.Value(a) != 12 {
		t.Fatalf("old value not kept: stored %d shown %d", v, m.Value(a))
	}
	// A negative count is refused too.
	d.Type("-3")
	d.Keys("enter")
	if m.Err() == "" {
		t.Fatal("a negative count must be refused")
	}
	d.Keys("esc", "delete")
	if _, ok := stored(t, e)[a]; ok {
		t.Fatal("delete should clear the cell")
	}
}

func TestSignedDeltaAndMoneyIn2019(t *testing.T) {
	e := testenv.New(t, 2019)
	m := New(e.C, 2)
	d := e.Drive(m)
	delta := model.Addr(model.TableS2Item5, model.RowLicensing, "delta")
	money := model.Addr(model.TableS2Item9, model.RowProcurement, "amount")
	d.Send(common.GoToMsg{Cell: delta})
	if m.Addr() != delta {
		t.Fatalf("goto: %v", m.Addr())
	}
	d.Type("－1")
	d.Keys("enter")
	d.Send(common.GoToMsg{Cell: money})
	d.Type("130万元")
	d.Keys("enter")
	v := stored(t, e)
	if v[delta] != -1 {
		t.Fatalf("delta %d, want -1", v[delta])
	}
	if want, _ := model.ParseMoney("130", "万元"); v[money] != want {
		t.Fatalf("money %d, want %d", v[money], want)
	}
	d.Send(common.GoToMsg{Cell: money})
	view := ansi.Strip(d.View(100, 40))
	if !strings.Contains(view, "130万元") || !strings.Contains(view, "-1") {
		t.Fatalf("values not shown:\n%s", view)
	}
}

func TestComputedTableIsReadOnly(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 3)
	d := e.Drive(m)
	a := m.Addr()
	d.Type("5")
	if m.Err() != text.GridComputedRefuse {
		t.Fatalf("typing into a computed table: err %q", m.Err())
	}
	if _, ok := stored(t, e)[a]; ok {
		t.Fatal("nothing may be stored")
	}
	if !strings.Contains(ansi.Strip(d.View(80, 24)), text.GridFromLogTag) {
		t.Fatal("computed table not labelled")
	}
}

func TestTypedTableTotalsAndFindingMarks(t *testing.T) {
	e := testenv.New(t, 2021)
	e.C.Report().Mode3 = model.Typed
	if err := e.Store.SaveReportMeta(context.Background(), e.C.Report()); err != nil {
		t.Fatal(err)
	}
	// Every other cell of 三 entered as 0.
	zeros := &model.Report{FormatID: e.C.Report().FormatID, Year: e.C.Year, Mode3: model.Typed, Values: model.Values{}}
	for _, a := range model.EntryCells(zeros) {
		if a.Table == model.TableS3 {
			zeros.Values[a] = 0
		}
	}
	if err := e.Store.SetValues(context.Background(), e.C.Report().ID, zeros.Values); err != nil {
		t.Fatal(err)
	}
	e.Reload()
	m := New(e.C, 3)
	d := e.Drive(m)
	// 一、本年新收: 自然人 2, 商业企业 3.
	d.Type("2")
	d.Keys("tab")
	d.Type("3")
	d.Keys("tab")
	total := model.Addr(model.TableS3, model.RowNew, model.ColTotal)
	if v := stored(t, e)[total]; v != 5 {
		t.Fatalf("row total %d, want 5", v)
	}
	// 总计 is computed: typing there is refused.
	d.Send(common.GoToMsg{Cell: total})
	d.Type("9")
	if m.Err() != text.GridTotalRefuse {
		t.Fatalf("total typed: %q", m.Err())
	}
	// Requests received but no outcome: O1 fails for 自然人; the cell is
	// marked and the message shown when the cursor is on it.
	var bad model.Finding
	for _, f := range e.C.Findings() {
		if f.Rule == "O1" {
			bad = f
			break
		}
	}
	if bad.Rule == "" {
		t.Fatalf("expected an O1 finding, got %+v", e.C.Findings())
	}
	d.Send(common.GoToMsg{Cell: bad.Cell})
	view := ansi.Strip(d.View(80, 24))
	if !strings.Contains(view, text.MarkError) {
		t.Fatalf("broken cell not marked:\n%s", view)
	}
	first := strings.SplitN(bad.Message, "：", 2)[0]
	if !strings.Contains(view, first) {
		t.Fatalf("finding message %q not shown:\n%s", bad.Message, view)
	}
}

func TestTableThreeFitsEightyColumns(t *testing.T) {
	for _, year := range []int{2019, 2021} {
		e := testenv.New(t, year)
		m := New(e.C, 3)
		d := e.Drive(m)
		for i := 0; i < 40; i++ {
			view := d.View(80, 21)
			for j, l := range strings.Split(view, "\n") {
				if w := ansi.StringWidth(l); w != 80 {
					t.Fatalf("%d: line %d is %d wide", year, j, w)
				}
			}
			d.Keys("down")
		}
		// At 57 columns (outline list shown) the columns scroll.
		d.Keys("end")
		view := ansi.Strip(d.View(57, 21))
		if !strings.Contains(view, "总计") || !strings.Contains(view, "◂") {
			t.Fatalf("%d: no horizontal scroll to 总计:\n%s", year, view)
		}
	}
}

func TestClearAndUndo(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 2)
	d := e.Drive(m)
	a := m.Addr()
	d.Type("7")
	d.Keys("enter", "shift+tab", "delete")
	if _, ok := stored(t, e)[a]; ok {
		t.Fatal("delete should clear the stored value")
	}
	d.Keys("down", "u")
	if m.Addr() != a || stored(t, e)[a] != 7 {
		t.Fatalf("undo should restore 7 at %v (at %v, stored %d)", a, m.Addr(), stored(t, e)[a])
	}
}

func TestLeavingKeepsAValidValueAndDropsABadOne(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 2)
	d := e.Drive(m)
	a := m.Addr()
	d.Type("4")
	d.Send(common.BlurMsg{})
	if stored(t, e)[a] != 4 {
		t.Fatal("a valid value typed before leaving must be saved")
	}
	d.Type("x")
	d.Send(common.BlurMsg{})
	if stored(t, e)[a] != 4 || m.Typing() {
		t.Fatal("an invalid value is dropped on leaving, the old one kept")
	}
}

func TestSpacesLeaveTheCellAsItWas(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 2)
	d := e.Drive(m)
	a := m.Addr()
	d.Type("6")
	d.Keys("enter", "shift+tab", "space", "enter")
	if stored(t, e)[a] != 6 || m.Err() != "" {
		t.Fatalf("a blank entry must keep 6, stored %d err %q", stored(t, e)[a], m.Err())
	}
}

// A typed table starts 未填, shown as such; a typed cell stores itself and
// only the totals that add it up, each once all its parts are entered; a
// cell deleted is 未填 again and so are its totals.
func TestBlankCellsAndTotals(t *testing.T) {
	e := testenv.New(t, 2021)
	e.C.Report().Mode3 = model.Typed
	if err := e.Store.SaveReportMeta(context.Background(), e.C.Report()); err != nil {
		t.Fatal(err)
	}
	e.Reload()
	m := New(e.C, 3)
	d := e.Drive(m)
	np := model.Addr(model.TableS3, model.RowNew, string(model.NaturalPerson))
	biz := model.Addr(model.TableS3, model.RowNew, string(model.Business))
	total := model.Addr(model.TableS3, model.RowNew, model.ColTotal)
	view := ansi.Strip(d.View(80, 24))
	if !strings.Contains(view, text.GridBlank) || !strings.Contains(view, text.GridBlankNote[:12]) {
		t.Fatalf("blank cells not shown as 未填:\n%s", view)
	}
	d.Type("2")
	d.Keys("tab")
	if v := stored(t, e); len(v) != 1 || v[np] != 2 {
		t.Fatalf("one cell typed: stored %v, want only 自然人 2 (no total filled)", v)
	}
	if !m.Blank(total) || m.Blank(np) {
		t.Fatalf("the row's 总计 must wait for its parts")
	}
	for _, x := range []string{"3", "0", "0", "0", "0"} {
		d.Type(x)
		d.Keys("tab")
	}
	v := stored(t, e)
	if v[total] != 5 || len(v) != 7 {
		t.Fatalf("row 一 entered: stored %v, want the six cells and 总计 5 only", v)
	}
	// Retyping one cell changes only its own totals.
	d.Send(common.GoToMsg{Cell: np})
	d.Type("4")
	d.Keys("enter")
	if v := stored(t, e); v[total] != 7 || len(v) != 7 {
		t.Fatalf("after retyping: stored %v, want 总计 7 and nothing more", v)
	}
	// Delete returns the cell, and the total that adds it up, to 未填.
	d.Send(common.GoToMsg{Cell: biz})
	d.Keys("delete")
	v = stored(t, e)
	if _, ok := v[biz]; ok {
		t.Fatal("delete must return the cell to 未填")
	}
	if _, ok := v[total]; ok {
		t.Fatal("a total with a 未填 part must not stay stored")
	}
	if !m.Blank(biz) || !m.Blank(total) {
		t.Fatal("the deleted cell and its total must show blank")
	}
	var u1 bool
	for _, f := range e.C.Findings() {
		if f.Rule == "U1" && f.Cell.Table == model.TableS3 {
			u1 = true
		}
	}
	if !u1 {
		t.Fatal("no U1 finding for the blank cells of 表三")
	}
}

// TestCachedRowsFollowSavedValues: rows off the cursor are drawn from a
// cache; a value typed and saved shows in its row once the cursor has
// left it, and again after it is cleared.
func TestCachedRowsFollowSavedValues(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 2)
	d := e.Drive(m)
	row := func() string {
		for _, l := range strings.Split(ansi.Strip(d.View(120, 40)), "\n") {
			if strings.Contains(l, "规章") {
				return l
			}
		}
		t.Fatal("no 规章 row drawn")
		return ""
	}
	d.Keys("down", "down") // off the first row, which is now cached
	before := row()
	d.Keys("up", "up")
	d.Type("4321")
	d.Keys("enter", "down", "down")
	if got := row(); got == before || !strings.Contains(got, "4321") {
		t.Fatalf("the saved value is not drawn off the cursor:\n%s\nbefore:\n%s", got, before)
	}
	d.Keys("up", "up", "delete", "down", "down")
	if got := row(); strings.Contains(got, "4321") {
		t.Fatalf("a cleared value is still drawn from the cache:\n%s", got)
	}
}
