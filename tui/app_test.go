package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/check"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/outline"
	"nianbao/tui/tables"
	"nianbao/tui/text"
)

// createOrganAndYear walks the start screen: new organ, new 2021 year.
func createOrganAndYear(h *harness) {
	h.t.Helper()
	h.mustSee(fmt.Sprintf(text.StartNoOrgans, "n"))
	h.key("n")
	h.mustSee(text.StartNewOrgan, text.FieldName)
	h.typeText("大雁镇人民政府")
	h.key("tab") // level
	h.key("tab") // superior
	h.typeText("鄂温克族自治旗")
	h.key("tab")
	h.typeText("大雁镇政务公开办公室")
	h.key("tab")
	h.typeText("0470-1234567")
	h.key("ctrl+s")
	h.mustSee("大雁镇人民政府", fmt.Sprintf(text.StartNoYears, "y"))
	h.key("y")
	h.mustSee(text.StartNewYear, "2021", "2021版")
	h.key("enter")
	h.mustSee("大雁镇人民政府 · 2021年 · 2021版")
}

func TestFlowOrganYearNarrativeAndCell(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)

	// Section 一: open the first paragraph and type.
	h.key("1")
	h.mustSee("（一）主动公开")
	h.key("down", "enter")
	h.typeText("本年度主动公开政府信息")
	h.key("esc")
	h.mustSee("本年度主动公开政府信息", "已保存 09:30:00")

	// Section 二: type a count with full-width digits, then refuse letters.
	h.key("esc", "2")
	o := h.app.Top().(*outline.Model)
	g := o.Child().(*tables.Model)
	a := g.Addr()
	if a.Table != model.TableS2Item1 || a.Row != model.RowRules {
		t.Fatalf("grid should start on 表二（一） 规章, got %v", a)
	}
	h.key("down") // 行政规范性文件
	a = g.Addr()
	h.typeText("１２")
	h.key("enter")
	if got := h.app.Common().Report().Values[a]; got != 12 {
		t.Fatalf("cell %v = %d, want 12", a, got)
	}
	h.key("shift+tab") // back to the cell just filled
	if g.Addr() != a {
		t.Fatalf("cursor at %v, want %v", g.Addr(), a)
	}
	h.typeText("十二件")
	h.key("enter")
	if g.Err() == "" {
		t.Fatalf("letters must be refused")
	}
	h.mustSee("已保留原值")
	if g.Addr() != a {
		t.Fatalf("refused input must keep the cursor on the cell")
	}
	h.key("esc")
	if got := h.app.Common().Report().Values[a]; got != 12 {
		t.Fatalf("old value must be kept, got %d", got)
	}

	// The values are in the database: reopen it.
	h.st.Close()
	st := openStore(t, filepath.Join(h.dir, "nianbao.db"))
	defer st.Close()
	ctx := context.Background()
	org, err := st.OrganByName(ctx, "大雁镇人民政府")
	if err != nil {
		t.Fatal(err)
	}
	if org.Office != "大雁镇政务公开办公室" || org.Phone != "0470-1234567" {
		t.Fatalf("organ profile not stored: %+v", org)
	}
	r, err := st.Report(ctx, org.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if r.FormatID != "2021" {
		t.Fatalf("format %q", r.FormatID)
	}
	if r.Values[a] != 12 {
		t.Fatalf("stored value %d, want 12", r.Values[a])
	}
	found := false
	for _, b := range r.Blocks {
		if b.Section == 1 && b.Text == "本年度主动公开政府信息" {
			found = true
		}
	}
	if !found {
		t.Fatalf("narrative not stored: %+v", r.Blocks)
	}
}

func TestEveryFrameFitsTheTerminal(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 16}, {40, 12}, {200, 60}} {
		h := newHarness(t, 80, 24)
		createOrganAndYear(h)
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, k := range []string{"0", "esc", "1", "esc", "2", "esc", "3", "esc", "4", "esc", "5", "esc", "6", "esc", "r", "esc", "k", "esc", "e", "esc"} {
			h.key(k)
			frame := h.app.View().Content
			lines := strings.Split(frame, "\n")
			if len(lines) != size[1] {
				t.Fatalf("%dx%d after %q: %d lines", size[0], size[1], k, len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w != size[0] {
					t.Fatalf("%dx%d after %q: line %d is %d wide:\n%s", size[0], size[1], k, i, w, h.screen())
				}
			}
		}
	}
}

func TestHelpOverlayQuitConfirmAndResize(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	h.key("?")
	h.mustSee(text.HelpTitle, text.HelpGlobal, "ctrl+s")
	h.key("esc")
	if strings.Contains(h.screen(), text.HelpTitle) {
		t.Fatal("esc should close the help")
	}
	// A half-typed cell is unsaved: quitting asks first.
	h.key("2")
	h.typeText("7")
	h.key("ctrl+c")
	h.mustSee(text.QuitAsk)
	if h.app.quitting {
		t.Fatal("must not quit without asking")
	}
	h.key("n")
	if strings.Contains(h.screen(), text.QuitAsk) || h.app.quitting {
		t.Fatal("n keeps the program open")
	}
	// ? while typing in a cell is text, not help.
	h.key("?")
	if strings.Contains(h.screen(), text.HelpTitle) {
		t.Fatal("? typed into an input must not open the help")
	}
	// Resize: the frame follows the terminal.
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	lines := strings.Split(h.app.View().Content, "\n")
	if len(lines) != 30 || ansi.StringWidth(lines[5]) != 100 {
		t.Fatalf("after resize: %d lines, width %d", len(lines), ansi.StringWidth(lines[5]))
	}
	h.key("ctrl+c", "y")
	if !h.app.quitting {
		t.Fatal("y should quit")
	}
}

func TestQuitWithoutChangesNeedsNoConfirm(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	h.key("q")
	if !h.app.quitting {
		t.Fatalf("q on the outline should quit:\n%s", h.screen())
	}
}

func TestCheckJumpsToTheCell(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	// A township reporting a 规章 draws warning I5.
	h.key("2")
	h.typeText("1")
	h.key("enter", "esc", "k")
	// B3 (empty 五), B2 (empty 一 to 四) and U1 (the other cells of the four
	// tables of 二 not entered) come with every new report.
	h.mustSee("I5", "错误 5 · 提示 5")
	for i := 0; i < 10; i++ {
		if f, ok := h.app.Top().(*outline.Model).Child().(*check.Model).Selected(); ok && f.Rule == "I5" {
			break
		}
		h.key("down")
	}
	h.key("enter")
	o := h.app.Top().(*outline.Model)
	if o.Current() != common.SecS2 || o.ListFocused() {
		t.Fatalf("jump landed on %s (list focused %v)", o.Current(), o.ListFocused())
	}
	g := o.Child().(*tables.Model)
	if want := model.Addr(model.TableS2Item1, model.RowRules, "issued"); g.Addr() != want {
		t.Fatalf("cursor on %v, want %v", g.Addr(), want)
	}
	// The cell is marked and its finding explained under the table.
	var i5 string
	for _, f := range h.app.Common().Findings() {
		if f.Rule == "I5" {
			i5 = f.Message
		}
	}
	h.mustSee(text.MarkWarning+"1", string([]rune(i5)[:10]))
}

// askName is a small dialog screen for the overlay test.
type askName struct{ in *components.Input }

func (d *askName) Init() tea.Cmd { return nil }
func (d *askName) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" {
		return d, func() tea.Msg { return common.CloseDialogMsg{} }
	}
	d.in.Update(msg)
	return d, nil
}
func (d *askName) View(w, h int) string { return "名称：" + d.in.View(w-6) }
func (d *askName) Cursor() *tea.Cursor  { return tea.NewCursor(6+d.in.CursorX(), 0) }
func (d *askName) KeyMap() help.KeyMap  { return keys.Map{} }
func (d *askName) Title() string        { return "名称" }

func TestDialogOverlayGetsKeysFirst(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	d := &askName{in: components.NewInput()}
	h.send(common.DialogMsg{Dialog: d})
	h.typeText("政务公开")
	if d.in.Value() != "政务公开" {
		t.Fatalf("dialog did not get the keys: %q", d.in.Value())
	}
	v := h.app.View()
	for i, l := range strings.Split(v.Content, "\n") {
		if w := ansi.StringWidth(l); w != 80 {
			t.Fatalf("line %d is %d wide with a dialog open", i, w)
		}
	}
	lines := strings.Split(ansi.Strip(v.Content), "\n")
	if v.Cursor == nil || !strings.Contains(lines[v.Cursor.Y], "名称：政务公开") {
		t.Fatalf("cursor %+v not on the dialog line\n%s", v.Cursor, ansi.Strip(v.Content))
	}
	// The cursor sits after 名称：政务公开 inside the box (display widths).
	row := lines[v.Cursor.Y]
	idx := strings.Index(row, "名称：")
	if want := ansi.StringWidth(row[:idx]) + 6 + 8; v.Cursor.X != want {
		t.Fatalf("cursor x %d, want %d", v.Cursor.X, want)
	}
	h.key("esc")
	if strings.Contains(h.screen(), "名称：") {
		t.Fatal("esc should close the dialog")
	}
}

func TestDoubleEscReadAsAltEscActsTwice(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	h.key("1", "down", "enter")
	h.send(tea.KeyPressMsg{Code: tea.KeyEscape, Mod: tea.ModAlt})
	o := h.app.Top().(*outline.Model)
	if !o.ListFocused() {
		t.Fatal("alt+esc should close the editor and return to the list")
	}
}
