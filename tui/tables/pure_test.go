package tables

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/tui/internal/testenv"
)

// View only draws: moving down the section's tables scrolls them in
// Update, a number being typed is scrolled in its cell in Update; the
// same frame and cursor come out however often it is drawn; after a
// smaller terminal's size message the cursor is still on the screen,
// right after the typed digits.
func TestTablesViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 2)
	d := e.Drive(m)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 20})
	for range 12 {
		d.Keys("down")
	}
	if m.top == 0 {
		t.Fatal("12 rows down did not scroll the tables")
	}
	d.Type("4321")
	check := func(w, h int) {
		t.Helper()
		lines, cur := testenv.Steady(t, d.S, w, h)
		if cur == nil {
			t.Fatalf("%d×%d: no cursor", w, h)
		}
		if cur.Y >= h || cur.X >= w {
			t.Fatalf("%d×%d: cursor %+v outside the screen", w, h, cur)
		}
		if before := ansi.Cut(lines[cur.Y], 0, cur.X); !strings.HasSuffix(before, "4321") {
			t.Fatalf("%d×%d: the cursor is not after the typed digits: %q\n%s", w, h, before, strings.Join(lines, "\n"))
		}
	}
	check(80, 20)
	d.Send(tea.WindowSizeMsg{Width: 60, Height: 14})
	check(60, 14)
}

// The section's text above the tables is told its share of the screen:
// a long paragraph typed there keeps the cursor after its last character,
// inside the text's lines, at each size.
func TestTablesTextGetsItsSize(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 2)
	d := e.Drive(m)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 20})
	d.Keys("ctrl+t", "enter")
	d.Type(strings.Repeat("本机关制定规章情况如下，", 30) + "完毕")
	for _, sz := range [][2]int{{80, 20}, {60, 14}} {
		w, h := sz[0], sz[1]
		d.Send(tea.WindowSizeMsg{Width: w, Height: h})
		lines, cur := testenv.Steady(t, d.S, w, h)
		if cur == nil || cur.Y >= m.textHeight(h) || cur.X >= w {
			t.Fatalf("%d×%d: cursor %+v not in the text's %d lines", w, h, cur, m.textHeight(h))
		}
		if before := ansi.Cut(lines[cur.Y], 0, cur.X); !strings.HasSuffix(before, "完毕") {
			t.Fatalf("%d×%d: the cursor is not after the text: %q\n%s", w, h, before, strings.Join(lines, "\n"))
		}
	}
}
