package check

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// env has one warning (I5: a township reports 规章) and errors (O1/I2:
// table 三 typed with requests but no outcomes).
func env(t *testing.T) *testenv.Env {
	e := testenv.New(t, 2021)
	ctx := context.Background()
	r := e.C.Report()
	r.Mode3 = model.Typed
	if err := e.Store.SaveReportMeta(ctx, r); err != nil {
		t.Fatal(err)
	}
	// Every cell entered (0 unless set below), so that the table rules
	// compare: O1 breaks in 自然人.
	full := &model.Report{FormatID: r.FormatID, Year: r.Year, Mode3: model.Typed, Mode4: r.Mode4, Values: model.Values{}}
	model.ZeroBlanks(full)
	if err := e.Store.SetValues(ctx, r.ID, full.Values); err != nil {
		t.Fatal(err)
	}
	vals := model.Values{
		model.Addr(model.TableS2Item1, model.RowRules, "issued"):             1,
		model.Addr(model.TableS3, model.RowNew, string(model.NaturalPerson)): 2,
		model.Addr(model.TableS3, model.RowNew, model.ColTotal):              2,
	}
	if err := e.Store.SetValues(ctx, r.ID, vals); err != nil {
		t.Fatal(err)
	}
	e.Reload()
	return e
}

func TestFindingsGroupedErrorsFirstAndJump(t *testing.T) {
	e := env(t)
	m := New(e.C).(*Model)
	d := e.Drive(m)
	items := m.Items()
	if len(items) < 2 {
		t.Fatalf("findings: %+v", items)
	}
	// Grouped by outline order: section 二's I5 before section 三's O1.
	var i5, o1 = -1, -1
	for i, f := range items {
		switch f.Rule {
		case "I5":
			i5 = i
		case "O1":
			o1 = i
		}
	}
	if i5 < 0 || o1 < 0 || i5 > o1 {
		t.Fatalf("order: I5 at %d, O1 at %d", i5, o1)
	}
	// Within a section errors come first.
	for i := 1; i < len(items); i++ {
		a, b := items[i-1], items[i]
		if common.SectionOf(a) == common.SectionOf(b) && a.Severity > b.Severity {
			t.Fatalf("warning before error in %s", common.SectionOf(a))
		}
	}
	view := ansi.Strip(d.View(80, 20))
	for _, w := range []string{"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "O1", "I5"} {
		if !strings.Contains(view, w) {
			t.Fatalf("view lacks %q:\n%s", w, view)
		}
	}
	for m.list.Cursor != o1 {
		d.Keys("down")
	}
	d.Keys("enter")
	if len(d.Out) != 1 {
		t.Fatalf("enter should jump: %+v", d.Out)
	}
	g := d.Out[0].(common.GoToMsg)
	if g.Section != common.SecS3 || g.Cell != items[o1].Cell {
		t.Fatalf("jump %+v", g)
	}
}

func TestAcknowledgeWarningWithReason(t *testing.T) {
	e := env(t)
	m := New(e.C).(*Model)
	d := e.Drive(m)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 20})
	_, warnsBefore := e.C.CountFindings("")
	for {
		f, _ := m.Selected()
		if f.Rule == "O1" {
			d.Keys("a")
			if m.acking || !strings.Contains(ansi.Strip(d.View(80, 20)), text.CheckAckError) {
				t.Fatal("an error must not be acknowledged")
			}
		}
		if f.Rule == "I5" {
			break
		}
		d.Keys("down")
	}
	d.Keys("a")
	if !m.acking {
		t.Fatal("a should open the reason input")
	}
	d.Keys("enter")
	if !m.acking || m.err != text.CheckAckNeeded {
		t.Fatal("an empty reason must be refused")
	}
	d.Type("本镇受委托起草，经县政府批准发布")
	view := d.View(80, 20)
	c := d.S.Cursor()
	if c == nil {
		t.Fatal("no cursor in the reason input")
	}
	line := ansi.Strip(strings.Split(view, "\n")[c.Y])
	if !strings.Contains(line, text.CheckAckPrompt) {
		t.Fatalf("cursor row %d is %q", c.Y, line)
	}
	// The cursor follows the display width of the Chinese reason.
	want := ansi.StringWidth(text.CheckAckPrompt+"：") + ansi.StringWidth("本镇受委托起草，经县政府批准发布")
	if c.X != want {
		t.Fatalf("cursor column %d, want %d", c.X, want)
	}
	d.Keys("enter")
	r, err := e.Store.Report(context.Background(), e.C.Organ.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Acks) != 1 || r.Acks[0].Rule != "I5" || r.Acks[0].Reason != "本镇受委托起草，经县政府批准发布" {
		t.Fatalf("ack not stored: %+v", r.Acks)
	}
	acked := false
	for _, f := range m.Items() {
		if f.Rule == "I5" {
			acked = f.Acked
		}
	}
	if !acked {
		t.Fatal("the warning should show as acknowledged")
	}
	if !strings.Contains(ansi.Strip(d.View(80, 20)), text.MarkAcked) {
		t.Fatal("acknowledged mark not shown")
	}
	_, warns := e.C.CountFindings("")
	if warns != warnsBefore-1 {
		t.Fatalf("acknowledged warnings must not count: %d", warns)
	}
	// x withdraws it.
	for f, _ := m.Selected(); f.Rule != "I5"; f, _ = m.Selected() {
		d.Keys("down")
	}
	// Off the cursor the line is drawn from the cache of this snapshot:
	// it shows the acknowledgement, and no longer once it is withdrawn.
	d.Keys("up")
	if !strings.Contains(ansi.Strip(d.View(80, 20)), text.MarkAcked) {
		t.Fatal("the acknowledged line off the cursor lost its mark")
	}
	d.Keys("down")
	d.Keys("x")
	r, _ = e.Store.Report(context.Background(), e.C.Organ.ID, 2021)
	if len(r.Acks) != 0 {
		t.Fatalf("ack not removed: %+v", r.Acks)
	}
	d.Keys("up")
	if strings.Contains(ansi.Strip(d.View(80, 20)), text.MarkAcked) {
		t.Fatal("the withdrawn acknowledgement is still drawn (a stale cached line)")
	}
}
