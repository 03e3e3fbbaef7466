package outline

import (
	"context"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/narrative"
	"nianbao/tui/tables"
	"nianbao/tui/text"
)

func factories() map[string]common.Factory {
	return map[string]common.Factory{
		common.SecS1: func(c *common.Common) common.Screen { return narrative.New(c, 1) },
	}
}

func TestListJumpFocusAndBack(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, factories())
	d := e.Drive(m)
	view := ansi.Strip(d.View(80, 20))
	for _, w := range []string{"基本信息", "一 总体情况", "六 其他事项", "依申请台账", "复议诉讼", "整改措施", "信息处理费", "检查", "导出"} {
		if !strings.Contains(view, w) {
			t.Fatalf("list lacks %q:\n%s", w, view)
		}
	}
	d.Keys("1")
	if m.Current() != common.SecS1 || m.ListFocused() {
		t.Fatalf("1 should open section 一 (at %s, list focused %v)", m.Current(), m.ListFocused())
	}
	// At 80 columns the focused section takes the whole width.
	if strings.Contains(ansi.Strip(d.View(80, 20)), "依申请台账") {
		t.Fatal("list should hide at 80 columns while a section has the focus")
	}
	// Opening a paragraph: Esc closes the editor first, then the section.
	d.Keys("down", "enter")
	if !m.Typing() {
		t.Fatal("editor should be open")
	}
	d.Keys("esc")
	if m.ListFocused() || m.Typing() {
		t.Fatal("first esc closes the editor only")
	}
	d.Keys("esc")
	if !m.ListFocused() {
		t.Fatal("second esc returns to the list")
	}
	d.Keys("esc")
	if len(d.Out) != 1 {
		t.Fatalf("esc on the list goes back to the start screen: %+v", d.Out)
	}
	if _, ok := d.Out[0].(common.BackMsg); !ok {
		t.Fatalf("got %T", d.Out[0])
	}
}

func TestEntryWithoutScreenShowsNote(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, factories())
	d := e.Drive(m)
	d.Keys("f")
	view := ansi.Strip(d.View(80, 20))
	if !strings.Contains(view, "还在制作中") {
		t.Fatalf("no note for an entry without a screen:\n%s", view)
	}
}

func TestMarksAndCountsAndCursorOffset(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, factories())
	d := e.Drive(m)
	// A fresh report: 基本信息 is complete (name, office, phone), 一 is not
	// (its paragraphs are empty).
	lines := strings.Split(ansi.Strip(d.View(120, 20)), "\n")
	if !strings.HasPrefix(lines[0], text.MarkDone) || !strings.Contains(lines[0], "基本信息") {
		t.Fatalf("基本信息 line %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], text.MarkOpen) {
		t.Fatalf("一 line %q", lines[1])
	}
	// Wide terminal: the list stays and the cursor shifts right by it.
	e.C.Width = 120
	d.Keys("1", "down", "enter")
	d.View(120-0, 20)
	c := m.Cursor()
	if c == nil || c.X != ListWidth+1+2 {
		t.Fatalf("cursor %+v, want x=%d", c, ListWidth+3)
	}
}

// withTableTwo is the outline of a 2021 year whose section 二 is its
// table screen, driven by keys.
func withTableTwo(t *testing.T) (*testenv.Env, *Model, *testenv.Screen) {
	e := testenv.New(t, 2021)
	fs := factories()
	fs[common.SecS2] = func(c *common.Common) common.Screen { return tables.New(c, 2) }
	m := New(e.C, fs)
	return e, m, e.Drive(m)
}

func TestLeavingASectionSavesTheOpenInput(t *testing.T) {
	e, m, d := withTableTwo(t)
	d.Keys("2")
	d.Send(tea.KeyPressMsg{Code: '5', Text: "5"})
	if !m.Dirty() {
		t.Fatal("a half-typed cell is unsaved")
	}
	d.Keys("ctrl+n")
	if m.Current() != common.SecS3 || m.Dirty() {
		t.Fatalf("ctrl+n should move on and save (at %s, dirty %v)", m.Current(), m.Dirty())
	}
	r, err := e.Store.Report(context.Background(), e.C.Organ.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Values[model.Addr(model.TableS2Item1, model.RowRules, "issued")]; got != 5 {
		t.Fatalf("stored %d, want 5", got)
	}
}

func TestListScrollsOnAShortTerminal(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, factories())
	d := e.Drive(m)
	d.Keys("end")
	view := ansi.Strip(d.View(80, 8))
	if !strings.Contains(view, "导出") {
		t.Fatalf("the last entry must be visible when selected:\n%s", view)
	}
}

// The section list is kept between frames while its snapshot is the same:
// a save makes a new snapshot, and the list drawn after it shows the
// save's finding (a township's 规章 in table 二 is rule I5's warning) and
// where the cursor moved.
func TestListDrawnAgainAfterASave(t *testing.T) {
	e, m, d := withTableTwo(t)
	e.C.Width = 120
	line := func(label string) string {
		for _, l := range strings.Split(ansi.Strip(d.View(120, 24)), "\n") {
			if l, _, ok := strings.Cut(l, "│"); ok && strings.Contains(l, label) {
				return strings.TrimRight(l, " ")
			}
		}
		t.Fatalf("no list line for %s:\n%s", label, ansi.Strip(d.View(120, 24)))
		return ""
	}
	d.Keys("2")
	before, s3Before := line("二 "), line("三 ")
	again := line("二 ")
	if again != before {
		t.Fatalf("the same snapshot drew %q, then %q", before, again)
	}
	d.Send(tea.KeyPressMsg{Code: '5', Text: "5"})
	d.Keys("enter")
	if m.Current() != common.SecS2 || m.Dirty() {
		t.Fatalf("enter should save the cell and stay in 二 (at %s, dirty %v)", m.Current(), m.Dirty())
	}
	count := func(l string) int {
		f := strings.Fields(l)
		n, _ := strconv.Atoi(f[len(f)-1])
		return n
	}
	if after := line("二 "); count(after) != count(before)+1 {
		t.Errorf("二's line after saving a 规章 count: %q (before %q), want one finding more", after, before)
	}
	d.Keys("ctrl+n")
	if s3After := line("三 "); s3After == s3Before {
		t.Errorf("三's line did not change when the cursor moved to it: %q", s3After)
	}
}
