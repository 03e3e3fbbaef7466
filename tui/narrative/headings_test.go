package narrative

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// Section 一 opens on the body of （一）: Enter edits the paragraph, never the
// format's heading, and the text is stored as a paragraph.
func TestEnterOnOpeningEditsTheBody(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 1)
	d := e.Drive(m)
	if b := m.Blocks()[m.Current()]; b.Kind != model.BlockParagraph {
		t.Fatalf("opens on %+v, want the paragraph under （一）", b)
	}
	d.Keys("enter")
	d.Type("本局主动公开信息120条。")
	d.Keys("esc")
	bs := storedSection(t, e, 1)
	if bs[0].Kind != model.BlockHeading || bs[0].Text != "主动公开" {
		t.Fatalf("heading changed: %+v", bs[0])
	}
	if bs[1].Kind != model.BlockParagraph || bs[1].Text != "本局主动公开信息120条。" {
		t.Fatalf("body not stored as a paragraph: %+v", bs[1])
	}
	// No key puts the cursor on a heading of the format.
	for _, k := range []string{"up", "shift+tab", "home", "k"} {
		d.Keys(k)
		if m.fixed(m.Current()) {
			t.Fatalf("%s put the cursor on the fixed heading", k)
		}
	}
	for i := 0; i < 20; i++ {
		d.Keys("down")
		if m.fixed(m.Current()) {
			t.Fatal("down put the cursor on a fixed heading")
		}
	}
}

func TestFormatHeadingsCannotBeRenamedDeletedOrMoved(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 1)
	d := e.Drive(m)
	d.Keys("r")
	if m.Renaming() || !strings.Contains(ansi.Strip(d.View(80, 20)), "「主动公开」是年报格式规定的小标题") {
		t.Fatalf("r on a sub-section of the format must say why it cannot be renamed:\n%s", ansi.Strip(d.View(80, 20)))
	}
	d.Keys("alt+down")
	if !strings.Contains(ansi.Strip(d.View(80, 20)), text.NarrOfficialOrder) {
		t.Fatal("moving a format heading must be refused with a note")
	}
	// d deletes the paragraph only; the heading stays and gets an empty body.
	d.Keys("enter")
	d.Type("正文")
	d.Keys("esc", "d", "y")
	bs := storedSection(t, e, 1)
	if bs[0].Text != "主动公开" || bs[1].Kind != model.BlockHeading {
		t.Fatalf("after deleting the body: %+v", bs[:2])
	}
	if b := m.Blocks()[m.Current()]; b.Kind != model.BlockParagraph || b.Text != "" {
		t.Fatalf("cursor on %+v, want the new empty body", b)
	}
	// Typing into the body that was not stored stores it under its heading.
	m.cur = 1
	d.Keys("enter")
	d.Type("新写的正文")
	d.Keys("esc")
	bs = storedSection(t, e, 1)
	if bs[0].Text != "主动公开" || bs[1].Kind != model.BlockParagraph || bs[1].Text != "新写的正文" {
		t.Fatalf("body typed after delete: %+v", bs[:3])
	}
}

func TestTabAndShiftTabStayInTheEditor(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 1)
	d := e.Drive(m)
	d.Keys("enter")
	d.Type("第一段")
	d.Keys("shift+tab")
	if !m.Editing() || m.Current() != 1 {
		t.Fatalf("shift+tab on the first paragraph left editing (cur %d)", m.Current())
	}
	if !strings.Contains(ansi.Strip(d.View(80, 20)), text.NarrFirstPara) {
		t.Fatal("no note at the first paragraph")
	}
	d.Keys("tab")
	d.Type("第二段")
	d.Keys("shift+tab")
	if !m.Editing() || m.Current() != 1 {
		t.Fatalf("shift+tab did not go back to the first paragraph (cur %d)", m.Current())
	}
	d.Type("续")
	d.Keys("esc")
	bs := storedSection(t, e, 1)
	if bs[1].Text != "第一段续" || bs[3].Text != "第二段" {
		t.Fatalf("stored %q %q", bs[1].Text, bs[3].Text)
	}
}

// An extra heading is added with a, renamed with r; Esc keeps what was
// typed, an empty name keeps the old one, and a heading that reads like a
// paragraph is warned about while typing.
func TestExtraHeadingEscKeepsTheName(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 1)
	d := e.Drive(m)
	d.Keys("a")
	if !m.Renaming() {
		t.Fatal("a should open the new heading for naming")
	}
	d.Keys("ctrl+u")
	d.Type("疫情防控")
	d.Keys("esc")
	bs := storedSection(t, e, 1)
	if bs[2].Text != "疫情防控" || bs[2].Kind != model.BlockHeading {
		t.Fatalf("esc threw the name away: %+v", bs[2])
	}
	if !strings.Contains(ansi.Strip(d.View(80, 20)), "疫情防控"+text.NarrExtraMark) {
		t.Fatal("extra heading not marked")
	}
	// r from its body renames it; typing a paragraph into it warns.
	d.Keys("down", "r")
	if !m.Renaming() {
		t.Fatal("r in an extra sub-section should rename its heading")
	}
	d.Type("本局全年发布疫情防控信息共计三百余条。")
	if v := ansi.Strip(d.View(80, 20)); !strings.Contains(v, "以「。」结尾") && !strings.Contains(v, "超过 20 个字") {
		t.Fatalf("no warning for a paragraph typed into a heading:\n%s", v)
	}
	d.Keys("ctrl+u", "esc")
	if got := storedSection(t, e, 1)[2].Text; got != "疫情防控" {
		t.Fatalf("an emptied heading must keep its name, got %q", got)
	}
	// Enter on the extra heading edits its body.
	m.cur = 2
	d.Keys("enter")
	if !m.Editing() || m.Current() != 3 {
		t.Fatalf("enter on a heading should edit its body (cur %d)", m.Current())
	}
}

// A heading stored without a paragraph (an older database) still gets a
// body to type into.
func TestHeadingWithoutBodyGetsOne(t *testing.T) {
	e := testenv.New(t, 2021)
	ctx := context.Background()
	for _, b := range e.C.Report().SectionBlocks(1) {
		if b.Kind == model.BlockParagraph {
			if err := e.Store.DeleteBlock(ctx, b.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	e.Reload()
	m := New(e.C, 1)
	d := e.Drive(m)
	if len(m.Blocks()) != 10 || m.Blocks()[1].Kind != model.BlockParagraph {
		t.Fatalf("bodies not added: %+v", m.Blocks())
	}
	d.Keys("down", "enter")
	d.Type("依申请公开正文")
	d.Keys("esc")
	bs := storedSection(t, e, 1)
	if len(bs) < 4 || bs[2].Text != "依申请公开" || bs[3].Text != "依申请公开正文" || bs[3].Kind != model.BlockParagraph {
		t.Fatalf("stored %+v", bs)
	}
}
