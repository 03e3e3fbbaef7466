package narrative

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// The driver runs the autosave tick synchronously; keep it short.
func init() { AutosaveDelay = time.Millisecond }

func storedSection(t *testing.T, e *testenv.Env, section int) []model.Block {
	t.Helper()
	r, err := e.Store.Report(context.Background(), e.C.Organ.ID, e.C.Year)
	if err != nil {
		t.Fatal(err)
	}
	return r.SectionBlocks(section)
}

func TestCursorSitsAfterChineseTextByDisplayWidth(t *testing.T) {
	e := testenv.New(t, 2021)
	d := e.Drive(New(e.C, 1))
	d.Keys("enter") // the paragraph under （一）主动公开
	d.Type("政府信息公开")
	out := d.View(60, 12)
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w != 60 {
			t.Fatalf("line %d is %d wide", i, w)
		}
	}
	c := d.S.Cursor()
	if c == nil {
		t.Fatal("no cursor while typing")
	}
	// Gutter of 2 cells, then 6 characters of 2 cells each.
	if c.X != 2+12 {
		t.Fatalf("cursor column %d, want 14 (display width 12 after the gutter, not 6 runes)", c.X)
	}
	lines := strings.Split(ansi.Strip(out), "\n")
	if !strings.Contains(lines[c.Y], "政府信息公开") {
		t.Fatalf("cursor row %d is %q, not the typed line", c.Y, lines[c.Y])
	}
}

func TestTypingAutosavesAndLeavingSaves(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 1)
	d := e.Drive(m)
	d.Keys("enter")
	d.Type("本机关全年主动公开信息")
	bs := storedSection(t, e, 1)
	if bs[1].Text != "本机关全年主动公开信息" {
		t.Fatalf("autosave did not store the paragraph: %q", bs[1].Text)
	}
	if !m.Editing() {
		t.Fatal("autosave must not close the editor")
	}
	d.Type("，共计")
	d.Keys("esc")
	if m.Editing() {
		t.Fatal("esc should close the editor")
	}
	if got := storedSection(t, e, 1)[1].Text; got != "本机关全年主动公开信息，共计" {
		t.Fatalf("leaving did not save: %q", got)
	}
	if m.Dirty() {
		t.Fatal("still dirty after saving")
	}
}

func TestAddRenameReorderDeleteAndUndoHeadings(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 1)
	d := e.Drive(m)
	n0 := len(m.Blocks())
	// Add a heading after the first group; it opens for renaming.
	d.Keys("a")
	if len(m.Blocks()) != n0+2 || m.Blocks()[2].Text != text.NarrNewHeading {
		t.Fatalf("add: %+v", m.Blocks())
	}
	d.Keys("ctrl+u")
	d.Type("政务新媒体")
	d.Keys("enter")
	bs := storedSection(t, e, 1)
	if bs[2].Text != "政务新媒体" || bs[2].Kind != model.BlockHeading || bs[3].Kind != model.BlockParagraph {
		t.Fatalf("stored after add/rename: %+v", bs[:4])
	}
	// Move it up above 主动公开.
	d.Keys("up", "down") // on the new heading
	if m.Blocks()[m.Current()].Text != "政务新媒体" {
		t.Fatalf("cursor on %q", m.Blocks()[m.Current()].Text)
	}
	d.Keys("alt+up")
	bs = storedSection(t, e, 1)
	if bs[0].Text != "政务新媒体" || bs[2].Text != "主动公开" {
		t.Fatalf("reorder: %q %q", bs[0].Text, bs[2].Text)
	}
	// Delete asks first; n keeps it.
	d.Keys("d")
	if !strings.Contains(testenv.DialogView(e.C), "确定删除「政务新媒体」") {
		t.Fatal("delete must ask first")
	}
	d.Keys("n")
	if len(storedSection(t, e, 1)) != n0+2 {
		t.Fatal("n must keep the heading")
	}
	d.Keys("d", "y")
	bs = storedSection(t, e, 1)
	if len(bs) != n0 || bs[0].Text != "主动公开" {
		t.Fatalf("delete removed the wrong blocks: %+v", bs)
	}
	d.Keys("u")
	bs = storedSection(t, e, 1)
	if len(bs) != n0+2 || bs[0].Text != "政务新媒体" {
		t.Fatalf("undo did not restore: %+v", bs)
	}
}

func TestEditingClearsStale(t *testing.T) {
	e := testenv.New(t, 2021)
	ctx := context.Background()
	b := e.C.Report().SectionBlocks(6)[0]
	b.Text, b.Stale, b.Origin = "2020年无其他需要报告的事项。", true, "2020年无其他需要报告的事项。"
	if err := e.Store.SaveBlock(ctx, e.C.Report().ID, &b); err != nil {
		t.Fatal(err)
	}
	e.Reload()
	m := New(e.C, 6)
	d := e.Drive(m)
	view := ansi.Strip(d.View(80, 10))
	if !strings.Contains(view, text.MarkStale) {
		t.Fatalf("stale block not marked:\n%s", view)
	}
	d.Keys("enter", "home")
	d.Send(testenv.Key("delete"))
	d.Send(testenv.Key("delete"))
	d.Send(testenv.Key("delete"))
	d.Send(testenv.Key("delete"))
	d.Type("2021")
	d.Keys("esc")
	got := storedSection(t, e, 6)[0]
	if got.Stale || got.Text != "2021年无其他需要报告的事项。" {
		t.Fatalf("edit should clear 待更新: %+v", got)
	}
	if strings.Contains(ansi.Strip(d.View(80, 10)), text.MarkStale) {
		t.Fatal("mark still shown after editing")
	}
}

func TestCharacterCount(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 5)
	d := e.Drive(m)
	d.Keys("enter")
	d.Type("存在的问题")
	d.Keys("enter")
	d.Type("改进")
	if m.Chars() != 7 {
		t.Fatalf("count %d, want 7 (line breaks not counted)", m.Chars())
	}
	if !strings.Contains(d.View(80, 10), "7 字") {
		t.Fatal("count not shown")
	}
}

func TestInsertSentenceGeneratedFromTables(t *testing.T) {
	e := testenv.New(t, 2021)
	ctx := context.Background()
	// Two requests received and answered: table 三 counts them.
	for i, day := range []int{5, 9} {
		q := model.Request{OrganID: e.C.Organ.ID, Year: 2021, Received: model.NewDate(2021, 3, day),
			Channel: model.ChannelOnline, Applicant: model.NaturalPerson, Summary: "申请公开",
			Outcome: model.RowDisclosed, Answered: model.NewDate(2021, 3, 20+i)}
		if err := e.Store.SaveRequest(ctx, &q); err != nil {
			t.Fatal(err)
		}
	}
	e.Reload()
	want := model.GeneratedSentences(e.C.OrganYear())[3]
	if want == "" {
		t.Fatal("model gives no sentence for section 三")
	}
	m := New(e.C, 3)
	d := e.Drive(m)
	d.Keys("ctrl+g")
	got := storedSection(t, e, 3)[0].Text
	if got != want {
		t.Fatalf("paragraph %q, want the generated %q", got, want)
	}
	// With the section's only paragraph deleted, the sentence becomes a
	// new paragraph.
	d.Keys("d", "y", "ctrl+g")
	if bs := storedSection(t, e, 3); len(bs) != 1 || bs[0].Text != want {
		t.Fatalf("after delete and ctrl+g: %+v", bs)
	}
	// The narrative now agrees with the tables: no N1 finding.
	for _, f := range e.C.Findings() {
		if f.Rule == "N1" {
			t.Fatalf("N1 after inserting the generated sentence: %s", f.Message)
		}
	}
}
