package components

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func typeText(s string) tea.KeyPressMsg {
	return tea.KeyPressMsg{Text: s, Code: []rune(s)[0]}
}

func press(code rune, mod ...tea.KeyMod) tea.KeyPressMsg {
	k := tea.KeyPressMsg{Code: code}
	for _, m := range mod {
		k.Mod |= m
	}
	return k
}

func TestInputCursorUsesDisplayWidth(t *testing.T) {
	in := NewInput()
	in.Focus()
	in.Update(typeText("政府信息公开"))
	v := in.View(30)
	if got := ansi.StringWidth(v); got != 30 {
		t.Fatalf("view width %d, want 30", got)
	}
	if got := in.CursorX(); got != 12 {
		t.Fatalf("cursor after 政府信息公开 at column %d, want 12 (display width, not 6 runes)", got)
	}
	in.Update(press(tea.KeyLeft))
	in.Update(press(tea.KeyLeft))
	if got := in.CursorX(); got != 8 {
		t.Fatalf("cursor after two lefts at %d, want 8", got)
	}
	in.Update(typeText("ab"))
	if in.Value() != "政府信息ab公开" {
		t.Fatalf("insert in the middle gave %q", in.Value())
	}
	if got := in.CursorX(); got != 10 {
		t.Fatalf("cursor at %d, want 10", got)
	}
}

func TestInputScrollsLongChineseText(t *testing.T) {
	in := NewInput()
	in.SetValue(strings.Repeat("公开", 20)) // 80 cells
	v := in.View(21)
	if w := ansi.StringWidth(v); w != 21 {
		t.Fatalf("view width %d, want 21", w)
	}
	x := in.CursorX()
	if x < 19 || x > 20 {
		t.Fatalf("cursor at end should be at the right edge, got %d", x)
	}
	in.Update(press(tea.KeyHome))
	in.View(21)
	if in.CursorX() != 0 {
		t.Fatalf("home: cursor %d", in.CursorX())
	}
}

func TestInputPasteIsOneLine(t *testing.T) {
	in := NewInput()
	in.Update(tea.PasteMsg{Content: "第一行\r\n第二行"})
	if in.Value() != "第一行 第二行" {
		t.Fatalf("paste gave %q", in.Value())
	}
	in.Update(press(tea.KeyBackspace))
	if in.Value() != "第一行 第二" {
		t.Fatalf("backspace gave %q", in.Value())
	}
}

func TestEditorWrapsByDisplayWidth(t *testing.T) {
	e := NewEditor()
	e.SetValue("")
	e.View(11, 5)
	e.Update(typeText("政府信息公开工作"))
	out := e.View(11, 5)
	lines := strings.Split(out, "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 11 {
			t.Fatalf("line %d width %d", i, w)
		}
	}
	// 10 usable cells a line (one kept for the cursor): 5 characters.
	if strings.TrimSpace(lines[0]) != "政府信息公" || strings.TrimSpace(lines[1]) != "开工作" {
		t.Fatalf("wrap: %q", lines[:2])
	}
	x, y := e.CursorXY()
	if x != 6 || y != 1 {
		t.Fatalf("cursor at %d,%d, want 6,1", x, y)
	}
	e.Update(press(tea.KeyUp))
	e.View(11, 5)
	x, y = e.CursorXY()
	if x != 6 || y != 0 {
		t.Fatalf("after up cursor at %d,%d, want 6,0", x, y)
	}
	e.Update(press(tea.KeyEnter))
	if e.Value() != "政府信\n息公开工作" {
		t.Fatalf("enter gave %q", e.Value())
	}
	if e.Len() != 8 {
		t.Fatalf("len %d", e.Len())
	}
}

func TestFormRefusesInvalidAndReportsChange(t *testing.T) {
	name := TextField("name", "单位全称", "")
	name.Validate = func(s string) error {
		if s == "" {
			return errEmpty
		}
		return nil
	}
	lvl := ChoiceField("level", "层级", []string{"乡镇", "县级"}, 0)
	f := NewForm(FormStyles{}, name, lvl)
	// Refused in place: the message stays on the field, the cursor moves
	// on, nothing is reported as changed.
	ev := f.Update(press(tea.KeyTab))
	if !ev.Refused || ev.Changed != nil || f.Focus != 1 || name.Err == "" || f.Invalid() != 0 {
		t.Fatalf("empty name should be refused in place: %+v focus %d", ev, f.Focus)
	}
	f.Update(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	f.Update(typeText("大雁镇人民政府"))
	ev = f.Update(press(tea.KeyEnter))
	if ev.Changed != name || f.Focus != 1 {
		t.Fatalf("leaving a changed field should report it: %+v", ev)
	}
	ev = f.Update(press(tea.KeyRight))
	if ev.Changed != lvl || lvl.Value() != "县级" {
		t.Fatalf("choice change: %+v %q", ev, lvl.Value())
	}
	out := f.View(40, 4)
	if !strings.Contains(out, "大雁镇人民政府") || !strings.Contains(out, "◉ 县级") {
		t.Fatalf("view:\n%s", out)
	}
}

type constErr string

func (e constErr) Error() string { return string(e) }

const errEmpty = constErr("不能为空")

func TestListRendersOnlyVisibleRange(t *testing.T) {
	l := List{}
	l.SetLen(50000)
	l.HandleKey(tea.KeyPressMsg{Code: tea.KeyEnd}, 10)
	from, to := l.Visible(10)
	if from != 49990 || to != 50000 || l.Cursor != 49999 {
		t.Fatalf("end: %d..%d cursor %d", from, to, l.Cursor)
	}
	l.HandleKey(tea.KeyPressMsg{Code: tea.KeyHome}, 10)
	from, to = l.Visible(10)
	if from != 0 || to != 10 {
		t.Fatalf("home: %d..%d", from, to)
	}
}

func TestViewStartShowsTheBeginning(t *testing.T) {
	in := NewInput()
	in.SetValue("《鄂温克族自治旗2021年政务公开工作要点》")
	if v := in.ViewStart(20); !strings.HasPrefix(v, "《鄂温克族") || ansi.StringWidth(v) != 20 {
		t.Fatalf("unfocused input should show the start, got %q", v)
	}
}

func TestClosingMarksDoNotStartALine(t *testing.T) {
	// 12 cells a line: 6 characters fit, the seventh is a comma.
	lines := Wrap("政府信息公开，工作", 12)
	if lines[0] != "政府信息公" || lines[1] != "开，工作" {
		t.Fatalf("wrap %q", lines)
	}
	e := NewEditor()
	e.SetValue("政府信息公，开工作")
	out := strings.Split(e.View(11, 3), "\n")
	if strings.TrimSpace(out[0]) != "政府信息" || strings.TrimSpace(out[1]) != "公，开工作" {
		t.Fatalf("editor wrap %q", out)
	}
	x, y := e.CursorXY()
	if x != 10 || y != 1 {
		t.Fatalf("cursor at %d,%d, want 10,1", x, y)
	}
}

func TestWindowAddsPagesAndTrimsAwayFromTheCursor(t *testing.T) {
	page := func(from, n int) []int {
		var out []int
		for i := from; i < from+n; i++ {
			out = append(out, i)
		}
		return out
	}
	var w Window[int]
	if _, ok := w.At(0); ok {
		t.Fatal("an empty window has a row")
	}
	w.Reset(page(200, 10), 200)
	if !w.Add(page(210, 10), false) || w.End() != 220 {
		t.Fatalf("down: start %d end %d", w.Start, w.End())
	}
	if !w.Add(page(190, 10), true) || w.Start != 190 || w.Rows[0] != 190 {
		t.Fatalf("up: start %d rows %v", w.Start, w.Rows[:1])
	}
	if r, ok := w.At(215); !ok || *r != 215 {
		t.Fatalf("At(215) = %v %v", r, ok)
	}
	if _, ok := w.At(220); ok {
		t.Fatal("At past the end")
	}
	// Cursor near the end: the pages at the start go.
	w.Trim(218, 20, 10)
	if w.Start != 200 || w.End() != 220 {
		t.Fatalf("trim near the end kept [%d,%d)", w.Start, w.End())
	}
	// Cursor near the start: the pages at the end go.
	w.Trim(201, 10, 10)
	if w.Start != 200 || w.End() != 210 || w.Rows[9] != 209 {
		t.Fatalf("trim near the start kept [%d,%d)", w.Start, w.End())
	}
	// A page above that reaches before row 0 means the list changed.
	w.Reset(page(5, 10), 5)
	if w.Add(page(0, 10), true) {
		t.Fatal("a page above row 0 was accepted")
	}
}

func TestFieldTextLeavesZeroBlank(t *testing.T) {
	if CountText(0) != "" || CountText(12) != "12" {
		t.Errorf("CountText: %q %q", CountText(0), CountText(12))
	}
	if MoneyText(0) != "" || MoneyText(15000) != "150" || MoneyText(1050) != "10.5" {
		t.Errorf("MoneyText: %q %q %q", MoneyText(0), MoneyText(15000), MoneyText(1050))
	}
}

func TestHumanBytes(t *testing.T) {
	for n, want := range map[uint64]string{0: "0 B", 1023: "1023 B", 1536: "1.5 KB", 5 << 20: "5.0 MB", 3 << 30: "3.0 GB"} {
		if got := HumanBytes(n); got != want {
			t.Errorf("HumanBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// A form draws its labels once and keeps them: after the focus has been on
// every field and a label's field was edited, each frame is what a form
// drawn afresh at the same focus draws.
func TestFormLabelsKeptAreTheLabelsDrawn(t *testing.T) {
	st := FormStyles{Label: lipgloss.NewStyle().Foreground(lipgloss.Color("6")), Focus: lipgloss.NewStyle().Bold(true),
		Muted: lipgloss.NewStyle().Faint(true), Error: lipgloss.NewStyle().Foreground(lipgloss.Color("1"))}
	fields := func() []*Field {
		return []*Field{TextField("name", "单位全称", "大雁镇人民政府"), TextField("phone", "电话", ""),
			ChoiceField("level", "层级", []string{"乡镇", "县级"}, 0), TextField("addr", "地址", "")}
	}
	kept := NewForm(st, fields()...)
	for range 2 * len(kept.Fields) {
		kept.View(80, 12)
		kept.Update(press(tea.KeyTab))
	}
	kept.Focus = 3
	kept.Update(typeText("政府路1号"))
	if kept.Fields[3].Input.Value() != "政府路1号" {
		t.Fatalf("typed into %q", kept.Fields[3].Input.Value())
	}
	for focus := range kept.Fields {
		kept.Focus = focus
		fresh := NewForm(st, fields()...)
		fresh.Focus = focus
		fresh.Fields[3].Input.SetValue(kept.Fields[3].Input.Value())
		if got, want := kept.View(80, 12), fresh.View(80, 12); got != want {
			t.Fatalf("focus %d: the kept labels draw\n%q\nthe fresh form\n%q", focus, got, want)
		}
	}
}

// Update scrolls a form and places the cursor from a count of its lines
// that draws nothing: at every width and focus, with group headings, an
// error that wraps, a warning, a hint and a tag, the count and the focused
// line are those of the drawn form.
func TestFormLineCountIsTheDrawnForm(t *testing.T) {
	st := FormStyles{Label: lipgloss.NewStyle().Foreground(lipgloss.Color("6")), Focus: lipgloss.NewStyle().Bold(true),
		Muted: lipgloss.NewStyle().Faint(true), Error: lipgloss.NewStyle().Foreground(lipgloss.Color("1")),
		Warning: lipgloss.NewStyle().Foreground(lipgloss.Color("3"))}
	name := TextField("name", "申请人姓名", "王五")
	name.Group = "申请人"
	phone := TextField("phone", "电话", "138")
	phone.Err = "电话号码位数不对：手机号应为 11 位，固定电话应带区号，例如 0470-2382772；请核对后重新输入。"
	kind := ChoiceField("kind", "申请人类型", []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}, 0)
	kind.Group = "申请"
	summary := TextField("summary", "申请内容摘要", "")
	summary.Hint = "只写申请了什么，不写申请人的姓名和联系方式"
	summary.Warn = "与上一条申请的摘要相同"
	date := TextField("date", "收到日期", "2021-03-05")
	date.Tag = "超期 3 日"
	date.Hint = "格式 2021-03-05"
	f := NewForm(st, name, phone, kind, summary, date)
	for _, width := range []int{30, 56, 80, 200} {
		for focus := range f.Fields {
			f.Focus = focus
			drawn, fl := f.layout(width, true)
			counted, cfl := f.layout(width, false)
			if len(counted) != len(drawn) || cfl != fl {
				t.Errorf("width %d, focus %d: counted %d lines, focus on %d; drawn %d, focus on %d",
					width, focus, len(counted), cfl, len(drawn), fl)
			}
			if len(drawn) < len(f.Fields)+2 {
				t.Fatalf("width %d: only %d lines drawn", width, len(drawn))
			}
		}
	}
}
