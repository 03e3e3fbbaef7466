package bundles

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/tui/common"
	"nianbao/tui/dialog"
	"nianbao/tui/internal/testenv"
)

// The question about a bundle whose year is already kept is a dialog on
// the stack, like every other question: the screen offers none of its
// keys while it is open, and Esc gives its last answer (keep what is
// stored), as every dialog's Esc does.
func TestImportQuestionIsADialog(t *testing.T) {
	e := testenv.New(t, 2021)
	ctx := context.Background()
	dir := t.TempDir()
	dup, err := e.Store.LoadOrganYear(ctx, e.C.Organ.ID, 2021, false)
	if err != nil {
		t.Fatal(err)
	}
	dup.Organ.Phone = "0470-9999999"
	writeBundle(t, dir, dup)
	s := NewImport(e.C)
	d := e.Drive(s)
	d.Send(drivesMsg{})
	d.Type(dir)
	d.Keys("enter", "enter")
	if _, ok := testenv.Dialog(e.C).(*dialog.Ask); !ok {
		t.Fatalf("the question is not on the dialog stack: %T", testenv.Dialog(e.C))
	}
	if v := testenv.DialogView(e.C); !strings.Contains(v, "0470-9999999") || !strings.Contains(v, "k 保留已有的年报") {
		t.Fatalf("question %q", v)
	}
	if ks := s.KeyMap().ShortHelp(); len(ks) != 0 {
		t.Fatalf("the screen offers keys under its question: %v", ks)
	}
	if strings.Contains(ansi.Strip(d.View(80, 21)), "0470-9999999") {
		t.Fatal("the screen draws the question itself")
	}
	d.Keys("esc")
	if testenv.Dialog(e.C) != nil {
		t.Fatal("esc did not close the question")
	}
	if o, _ := e.Store.OrganByName(ctx, "大雁镇人民政府"); o.Phone != "0470-1234567" {
		t.Fatalf("esc must keep the stored year, phone %q", o.Phone)
	}
	if es := s.Entries(); es[0].State != "保留原有" && !strings.Contains(ansi.Strip(d.View(80, 21)), "保留 1 个") {
		t.Fatalf("esc did not keep: %+v\n%s", es[0], ansi.Strip(d.View(80, 21)))
	}
}

// pure checks that s draws the same frame however often it is drawn at
// the size it was told, that the cursor stays put, and that the cursor's
// line holds want; it returns the cursor.
func pure(t *testing.T, s common.Screen, w, h int, want string) *tea.Cursor {
	t.Helper()
	lines, cur := testenv.Steady(t, s, w, h)
	if cur == nil {
		t.Fatalf("%d×%d: no cursor", w, h)
	}
	if cur.Y >= len(lines) || !strings.Contains(lines[cur.Y], want) || cur.X >= w {
		t.Fatalf("cursor %+v is not on the %q line:\n%s", cur, want, strings.Join(lines, "\n"))
	}
	return cur
}

// A folder path longer than the line: the input scrolls in Update, View
// only draws, and after a narrower size the cursor is still at the end of
// the path on the folder line.
func TestImportViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	s := NewImport(e.C)
	d := e.Drive(s)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 21})
	d.Send(drivesMsg{})
	long := filepath.Join(t.TempDir(), strings.Repeat("年度报告文件夹", 8))
	d.Type(long)
	cur := pure(t, s, 80, 21, "文件夹")
	if cur.X < 78 {
		t.Fatalf("cursor x %d, want the end of the line", cur.X)
	}
	d.Send(tea.WindowSizeMsg{Width: 50, Height: 12})
	if cur = pure(t, s, 50, 12, "文件夹"); cur.X < 48 {
		t.Fatalf("after the resize cursor x %d, want the end of the line", cur.X)
	}
}

func TestExportViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	s := NewExport(e.C).(*Export)
	d := e.Drive(s)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 21})
	d.Send(drivesMsg{})
	d.Keys("down", "down")
	d.Type(strings.Repeat("年度报告文件夹", 12))
	d.Keys("left", "left")
	cur := pure(t, s, 80, 21, "文件夹")
	d.Send(tea.WindowSizeMsg{Width: 40, Height: 10})
	if again := pure(t, s, 40, 10, "文件夹"); again.X >= 40 || again.X == cur.X {
		t.Fatalf("after the resize cursor %+v (was %+v)", again, cur)
	}
}

// The aggregation's inputs scroll in Update; its result scrolls by keys,
// clamped in Update, and drawing never moves it.
func TestAggregateViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	dir := t.TempDir()
	for _, n := range []string{"甲镇人民政府", "乙镇人民政府", "丙镇人民政府", "丁镇人民政府", "戊镇人民政府", "己镇人民政府"} {
		writeBundle(t, dir, otherOrgan(n, 2021))
	}
	out := t.TempDir()
	s := NewAggregate(e.C, dir, 2021)
	d := e.Drive(s)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 12})
	d.Send(drivesMsg{})
	d.Keys("down", "down")
	d.Type(strings.Repeat("甲镇人民政府、", 12))
	pure(t, s, 80, 12, "甲镇人民政府")
	d.Keys("up", "up", "ctrl+u")
	d.Type(dir)
	d.Keys("down", "down", "down", "ctrl+u")
	d.Type(out)
	d.Keys("enter", "enter")
	if s.res == nil {
		t.Fatalf("nothing aggregated:\n%s", ansi.Strip(d.View(80, 12)))
	}
	if _, err := os.Stat(s.file.Path); err != nil {
		t.Fatal(err)
	}
	for range 30 {
		d.Keys("pgdown")
	}
	first := s.View(80, 12)
	scroll := s.scroll
	for range 3 {
		if s.View(80, 12) != first || s.scroll != scroll {
			t.Fatal("drawing the result changed it")
		}
	}
	_, _, _, most := s.draw(80, 12)
	if scroll != most || most == 0 {
		t.Fatalf("scroll %d after 30 pgdown, want it clamped at %d", scroll, most)
	}
	d.Keys("pgup")
	if s.scroll != most-1 {
		t.Fatalf("pgup from the clamped end went to %d, want %d", s.scroll, most-1)
	}
}
