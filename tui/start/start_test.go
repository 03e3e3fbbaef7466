package start

import (
	"context"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// TestNewOrganEscAsks: Esc in 新建单位 with a typed name asks
// 保存/放弃/继续修改 instead of dropping it; n keeps the name, d leaves.
func TestNewOrganEscAsks(t *testing.T) {
	e := testenv.New(t, 2021)
	f := NewOrganForm(e.C, model.Organ{Level: model.LevelTownship})
	d := e.Drive(f)
	d.Type("伊敏河镇人民政府")
	d.Keys("esc")
	if !strings.Contains(testenv.DialogView(e.C), text.FormLeaveAsk) || len(d.Out) != 0 {
		t.Fatalf("esc with a typed name did not ask: %v", d.Out)
	}
	d.Keys("n")
	if !strings.Contains(ansi.Strip(d.View(80, 20)), "伊敏河镇人民政府") {
		t.Fatal("继续修改 lost the name")
	}
	d.Keys("esc", "d")
	if _, ok := d.Out[len(d.Out)-1].(common.BackMsg); !ok {
		t.Fatalf("放弃 did not leave: %v", d.Out)
	}
}

func TestOrganFormRefusesEmptyNameAndBadPhone(t *testing.T) {
	e := testenv.New(t, 2021)
	f := NewOrganForm(e.C, model.Organ{Level: model.LevelTownship})
	d := e.Drive(f)
	d.Keys("ctrl+s")
	if !strings.Contains(ansi.Strip(d.View(80, 20)), text.ErrNameEmpty) {
		t.Fatal("an empty name must be refused")
	}
	d.Type("伊敏河镇人民政府")
	d.Keys("tab", "right") // level: 县级政府部门
	d.Keys("tab", "tab", "tab")
	d.Type("12345")
	d.Keys("tab")
	if f.form.Fields[f.form.Focus-1].Label != text.FieldPhone || f.form.Fields[f.form.Focus-1].Err == "" {
		t.Fatal("a bad phone number must be refused in place")
	}
	d.Keys("shift+tab")
	d.Keys("ctrl+u")
	d.Type("0470-7654321")
	d.Keys("tab", "tab", "tab", "tab", "tab") // email, address, postcode, portal, due
	d.Type("2月15日")
	d.Keys("enter")
	if len(d.Out) == 0 {
		t.Fatal("enter on the last field should save and go back")
	}
	o, err := e.Store.OrganByName(context.Background(), "伊敏河镇人民政府")
	if err != nil {
		t.Fatal(err)
	}
	if o.Level != model.LevelCountyDept || o.Phone != "0470-7654321" || o.DueMonth != 2 || o.DueDay != 15 {
		t.Fatalf("stored %+v", o)
	}
}

func TestStartListsOrgansAndYearsAndOpens(t *testing.T) {
	e := testenv.New(t, 2020)
	ctx := context.Background()
	if err := e.Store.CreateReport(ctx, model.NewReport(e.C.Organ.ID, 2021)); err != nil {
		t.Fatal(err)
	}
	m := New(e.C)
	d := e.Drive(m)
	view := ansi.Strip(d.View(80, 20))
	if !strings.Contains(view, "大雁镇人民政府") || strings.Index(view, "2021年") > strings.Index(view, "2020年") {
		t.Fatalf("years must be listed most recent first:\n%s", view)
	}
	if !strings.Contains(view, "2019版  草稿") || !strings.Contains(view, "2021版  草稿") {
		t.Fatalf("formats not shown:\n%s", view)
	}
	// The help bar promises what Enter does on the organ: open the newest
	// year, at once.
	if bar := components.KeyHints(m.KeyMap().ShortHelp(), key.Binding{}, 200); !strings.Contains(bar, "enter 打开2021年") {
		t.Fatalf("help %q", bar)
	}
	d.Keys("enter")
	if len(d.Out) != 1 || d.Out[0].(common.OpenMsg).Year != 2021 {
		t.Fatalf("enter on the organ should open 2021: %+v", d.Out)
	}
	d.Out = nil
	d.Keys("tab", "down")
	if bar := components.KeyHints(m.KeyMap().ShortHelp(), key.Binding{}, 200); !strings.Contains(bar, "enter 打开2020年") {
		t.Fatalf("help %q", bar)
	}
	d.Keys("enter")
	if len(d.Out) != 1 {
		t.Fatalf("out %+v", d.Out)
	}
	op := d.Out[0].(common.OpenMsg)
	if op.Year != 2020 || op.Organ.ID != e.C.Organ.ID {
		t.Fatalf("open %+v", op)
	}
}

func TestNewYearFromPreviousYear(t *testing.T) {
	e := testenv.New(t, 2020)
	ctx := context.Background()
	// Last year's text.
	b := e.C.Report().SectionBlocks(6)[0]
	b.Text = "本机关无其他需要报告的事项。"
	if err := e.Store.SaveBlock(ctx, e.C.Report().ID, &b); err != nil {
		t.Fatal(err)
	}
	// An unfinished measure comes over; a finished one does not.
	for _, m := range []model.Measure{
		{OrganID: e.C.Organ.ID, Year: 2020, Problem: "栏目更新不及时", Measure: "每周检查一次栏目", Status: model.MeasureInProgress},
		{OrganID: e.C.Organ.ID, Year: 2020, Problem: "公开目录不全", Measure: "补齐公开目录", Status: model.MeasureDone},
	} {
		if err := e.Store.SaveMeasure(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	f := NewYearForm(e.C, e.C.Organ, []int{2020})
	d := e.Drive(f)
	view := ansi.Strip(d.View(100, 12))
	for _, w := range []string{"2021", "从上一年开始", "2021版", "国办公开办函〔2021〕30号"} {
		if !strings.Contains(view, w) {
			t.Fatalf("year form lacks %q:\n%s", w, view)
		}
	}
	// A year that exists is refused.
	d.Keys("ctrl+u")
	d.Type("2020")
	d.Keys("ctrl+s")
	if !strings.Contains(ansi.Strip(d.View(100, 12)), "已经存在") {
		t.Fatal("an existing year must be refused")
	}
	d.Keys("ctrl+u")
	d.Type("2021")
	d.Keys("tab", "enter")
	if len(d.Out) != 2 {
		t.Fatalf("out %+v", d.Out)
	}
	if op := d.Out[0].(common.OpenMsg); op.Year != 2021 {
		t.Fatalf("open %+v", op)
	}
	// The clerk is told what came over, and that the format changed.
	if note := d.Out[1].(common.StatusMsg).Text; !strings.Contains(note, "沿用文字 1 段") || !strings.Contains(note, "2021版") {
		t.Fatalf("summary %q", note)
	}
	r, err := e.Store.Report(ctx, e.C.Organ.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if r.FormatID != "2021" {
		t.Fatalf("format %q", r.FormatID)
	}
	got := r.SectionBlocks(6)
	if len(got) == 0 || got[0].Text != "本机关无其他需要报告的事项。" || !got[0].Stale {
		t.Fatalf("last year's text should come over marked 待更新: %+v", got)
	}
	oy, err := e.Store.LoadOrganYear(ctx, e.C.Organ.ID, 2021, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(oy.Measures) != 1 || oy.Measures[0].Measure != "每周检查一次栏目" || oy.Measures[0].FirstYear != 2020 {
		t.Fatalf("measures of 2021: %+v", oy.Measures)
	}
}

// The start screen names a year whose holiday schedule is missing, when
// this year's or next year's requests are counted in it, and stops once the
// clerk has entered that year.
func TestStartNamesAMissingCalendarYear(t *testing.T) {
	e := testenv.New(t, 2026)
	e.C.Today = model.NewDate(2026, 12, 6)
	m := New(e.C)
	d := e.Drive(m)
	view := strings.Join(strings.Fields(ansi.Strip(d.View(80, 24))), "")
	if !strings.Contains(view, "2027年的国务院节假日安排尚未录入") || strings.Contains(view, "2026年的国务院节假日安排尚未录入") {
		t.Fatalf("no warning for 2027:\n%s", ansi.Strip(d.View(80, 24)))
	}
	e.C.Calendar.Set(model.NewDate(2027, 1, 1), false, "元旦")
	if view := ansi.Strip(d.View(80, 24)); strings.Contains(view, "尚未录入") {
		t.Fatalf("warning after 2027 was entered:\n%s", view)
	}
}

// c opens the 节假日安排 screen.
func TestStartOpensTheCalendar(t *testing.T) {
	e := testenv.New(t, 2026)
	d := e.Drive(New(e.C))
	d.Keys("c")
	if len(d.Out) != 1 {
		t.Fatalf("c sent %v", d.Out)
	}
	p, ok := d.Out[0].(common.PushMsg)
	if !ok || p.Screen.Title() != text.CalTitle {
		t.Fatalf("c sent %#v", d.Out[0])
	}
}
