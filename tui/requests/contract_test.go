package requests

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// The one form contract on the request form, by keys: an ID number two
// digits short is refused in place (kept, marked ✗, the cursor moves on);
// what is typed next lands in the next field only; Esc asks
// 保存/放弃/继续修改; 保存 refuses with the field's name; 放弃 puts the stored
// number back and leaves; the stored number never changes while the next
// field's text is stored.
func TestFormContractOnARefusedIDNumber(t *testing.T) {
	c := setup(t, nil)
	f := openStored(t, c, model.Request{OrganID: c.Organ.ID, Received: 20210305, Applicant: model.NaturalPerson,
		Personal: model.Personal{Name: "王秀兰", IDNumber: "11010519491231002X"}})
	var s common.Screen = f
	s, _ = testenv.Run(t, c, s, func() tea.Msg { return tea.WindowSizeMsg{Width: 80, Height: 21} })
	for f.Focus() != fIDNumber {
		s, _ = testenv.Press(t, c, s, "tab")
	}
	s, _ = testenv.Press(t, c, s, "ctrl+u")
	if f.FieldText(fIDNumber) != "" {
		t.Fatalf("ctrl+u left %q", f.FieldText(fIDNumber))
	}
	s = typeText(t, c, s, "1101051949123100")
	s, _ = testenv.Press(t, c, s, "tab")
	if f.Focus() != fAddress || f.FieldText(fIDNumber) != "1101051949123100" || !strings.Contains(f.FieldErr(fIDNumber), "18 位") {
		t.Fatalf("refused ID: focus %s text %q err %q", f.Focus(), f.FieldText(fIDNumber), f.FieldErr(fIDNumber))
	}
	if v := ansi.Strip(s.View(80, 21)); !strings.Contains(v, "1101051949123100") || !strings.Contains(v, "✗ ") {
		t.Fatalf("the refused number is not shown marked:\n%s", v)
	}
	s = typeText(t, c, s, "镇东街1号")
	if f.FieldText(fIDNumber) != "1101051949123100" || f.FieldText(fAddress) != "镇东街1号" {
		t.Fatalf("typed text went astray: id %q address %q", f.FieldText(fIDNumber), f.FieldText(fAddress))
	}

	s, _ = testenv.Press(t, c, s, "esc")
	if v := testenv.DialogView(c); !strings.Contains(v, text.FormLeaveAsk) || !strings.Contains(v, "保存") ||
		!strings.Contains(v, "放弃") || !strings.Contains(v, "继续修改") {
		t.Fatalf("esc did not ask 保存/放弃/继续修改: %q", v)
	}
	s, out := testenv.Press(t, c, s, "s")
	if len(out) != 0 || f.Focus() != fIDNumber || f.msg != fmt.Sprintf(text.FormCannotSave, text.ReqFieldIDNumber, "esc", "d") {
		t.Fatalf("保存 with a refused number: out %v focus %s msg %q", out, f.Focus(), f.msg)
	}
	if v := ansi.Strip(s.View(80, 21)); !strings.Contains(v, text.ReqFieldIDNumber+"」填写有误") {
		t.Fatalf("the refusal is not on screen:\n%s", v)
	}
	s, _ = testenv.Press(t, c, s, "esc")
	_, out = testenv.Press(t, c, s, "d")
	if len(out) == 0 || f.FieldText(fIDNumber) != "11010519491231002X" || f.FieldErr(fIDNumber) != "" {
		t.Fatalf("放弃: out %v text %q err %q", out, f.FieldText(fIDNumber), f.FieldErr(fIDNumber))
	}
	got, err := c.Store.Request(c.Ctx, f.Request().ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if got.Personal.IDNumber != "11010519491231002X" || got.Personal.Address != "镇东街1号" {
		t.Fatalf("stored %+v", got.Personal)
	}
}

// A new entry with text but no applicant type cannot be saved yet: Esc
// asks the same 保存/放弃/继续修改; 保存 says what is missing and goes there;
// 放弃 leaves without storing anything.
func TestFormNewEntryEscAsks(t *testing.T) {
	c := setup(t, nil)
	var s common.Screen = NewForm(c, nil)
	f := s.(*Form)
	s = typeText(t, c, s, "2021年6月1日")
	s, _ = testenv.Press(t, c, s, "tab", "tab", "tab")
	s = typeText(t, c, s, "张三")
	s, out := testenv.Press(t, c, s, "esc")
	if !strings.Contains(testenv.DialogView(c), text.FormLeaveAsk) || len(out) != 1 {
		t.Fatalf("esc on an unsaved new entry did not ask: %v", out)
	}
	s, out = testenv.Press(t, c, s, "s")
	if len(out) != 0 || f.Focus() != fApplicant || f.msg != text.ReqNeedReceivedApplicant {
		t.Fatalf("保存 without an applicant type: out %v focus %s msg %q", out, f.Focus(), f.msg)
	}
	s, _ = testenv.Press(t, c, s, "esc")
	_, out = testenv.Press(t, c, s, "d")
	if len(out) == 0 {
		t.Fatal("放弃 did not leave")
	}
	if reqs, err := c.Store.RequestsForYear(c.Ctx, c.Organ.ID, 2021, false); err != nil || len(reqs) != 0 {
		t.Fatalf("stored %d requests (%v)", len(reqs), err)
	}
}

// View only draws: the scroll is settled in Update from the size message,
// the same frame comes out however often it is drawn, and the cursor is on
// the focused field's line of that frame.
func TestFormViewIsPure(t *testing.T) {
	c := setup(t, nil)
	f := openStored(t, c, model.Request{OrganID: c.Organ.ID, Received: 20210305, Applicant: model.NaturalPerson, Notes: "已电话告知申请人"})
	var s common.Screen = f
	s, _ = testenv.Run(t, c, s, func() tea.Msg { return tea.WindowSizeMsg{Width: 80, Height: 21} })
	for f.Focus() != fNotes {
		s, _ = testenv.Press(t, c, s, "tab")
	}
	s, _ = testenv.Press(t, c, s, "end")
	lines, cur := testenv.Steady(t, s, 80, 21)
	if cur == nil {
		t.Fatalf("%d×%d: no cursor", 80, 21)
	}
	row := lines[cur.Y]
	if !strings.Contains(row, text.ReqFieldNotes) || !strings.Contains(row, "已电话告知申请人") {
		t.Fatalf("cursor row %d is %q, not the notes field:\n%s", cur.Y, row, strings.Join(lines, "\n"))
	}
	if want := ansi.StringWidth(row[:strings.Index(row, "已电话告知申请人")]) + ansi.StringWidth("已电话告知申请人"); cur.X != want {
		t.Fatalf("cursor x %d, want %d", cur.X, want)
	}
	// A smaller terminal: the form scrolls in Update and the cursor follows.
	s, _ = testenv.Run(t, c, s, func() tea.Msg { return tea.WindowSizeMsg{Width: 80, Height: 12} })
	lines = testenv.CheckSize(t, ansi.Strip(s.View(80, 12)), 80, 12)
	if cur = s.Cursor(); cur == nil || cur.Y >= 12 || !strings.Contains(lines[cur.Y], text.ReqFieldNotes) {
		t.Fatalf("after the resize the cursor %+v is not on the notes line:\n%s", cur, strings.Join(lines, "\n"))
	}
}

// At 80 columns the focused personal field's line ends with its whole tag.
func TestFormTagFitsAt80(t *testing.T) {
	c := setup(t, nil)
	f := openStored(t, c, model.Request{OrganID: c.Organ.ID, Received: 20210305, Applicant: model.NaturalPerson,
		Personal: model.Personal{Address: "大雁镇兴安街道12号楼3单元402室再加长一些的地址文字"}})
	f.Update(tea.WindowSizeMsg{Width: 80, Height: 21})
	f.form.FocusKey(fAddress)
	for _, l := range testenv.CheckSize(t, ansi.Strip(f.View(80, 21)), 80, 21) {
		if strings.Contains(l, text.ReqFieldAddress) {
			if !strings.HasSuffix(strings.TrimRight(l, " "), text.ReqPersonalTag) {
				t.Fatalf("the tag is cut: %q", l)
			}
			return
		}
	}
	t.Fatal("no address line")
}
