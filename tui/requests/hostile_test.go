package requests

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
)

// ownStyles matches the only escape sequences a view may hold: the colours
// and attributes of the program's own styles.
var ownStyles = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// assertNoDataEscapes fails when a view holds an escape sequence other than
// the program's styles, a control character or an invisible/bidi character.
func assertNoDataEscapes(t *testing.T, what, view string) {
	t.Helper()
	for _, r := range ownStyles.ReplaceAllString(view, "") {
		if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
			t.Fatalf("%s: view holds %U from the data", what, r)
		}
	}
	if strings.Contains(view, "被改的标题") && strings.Contains(view, "\x1b]") {
		t.Fatalf("%s: view carries the data's title escape", what)
	}
}

// A log entry as a bundle or an old version may have stored it: escape
// sequences, bidi overrides, CRLF, CJK Extension B and emoji in the text, a
// zero-width space inside the ID number.
func hostileRequest(organID int64) model.Request {
	return model.Request{OrganID: organID, Received: model.NewDate(2021, 6, 1), Applicant: model.NaturalPerson,
		Channel: model.ChannelOnline,
		Summary: "申请公开\x1b]0;被改的标题\x07预算\x1b[2J\u202e表决\u202c\r\n👍🇨🇳",
		Notes:   "备注\x1b[31m红\x1b[0m\x00",
		Personal: model.Personal{Name: "𠀀𪚥\u202e三张", Phone: "13800138000",
			IDNumber: "15070219850612431\u200b9", Address: "海拉尔区\r\n胜利街"}}
}

func TestHostileStoredTextIsDrawnSafely(t *testing.T) {
	c := setup(t, nil)
	q := hostileRequest(c.Organ.ID)
	if err := c.Store.SaveRequest(c.Ctx, &q); err != nil {
		t.Fatal(err)
	}
	testenv.Reload(t, c)
	// The list of the log.
	var s common.Screen = New(c)
	s.View(100, 30)
	s, _ = testenv.Run(t, c, s, s.Init())
	v := s.View(100, 30)
	testenv.CheckSize(t, v, 100, 30)
	assertNoDataEscapes(t, "list", v)
	if !strings.Contains(ownStyles.ReplaceAllString(v, ""), "申请公开") {
		t.Fatalf("the entry is not listed:\n%s", v)
	}
	// The form on the entry, scrolled through every field.
	full, err := c.Store.Request(c.Ctx, q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	f := NewForm(c, &full)
	f.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	for i := 0; i < len(f.form.Fields); i++ {
		f.form.FocusField(i)
		v := f.View(100, 30)
		testenv.CheckSize(t, v, 100, 30)
		assertNoDataEscapes(t, "form at "+f.Focus(), v)
		if cur := f.Cursor(); cur != nil && (cur.X < 0 || cur.X >= 100 || cur.Y < 0 || cur.Y >= 30) {
			t.Fatalf("form at %s: cursor %+v outside the screen", f.Focus(), cur)
		}
	}
}

func TestIDNumberWithInvisibleCharacterIsCaught(t *testing.T) {
	c := setup(t, nil)
	q := hostileRequest(c.Organ.ID)
	if err := c.Store.SaveRequest(c.Ctx, &q); err != nil {
		t.Fatal(err)
	}
	full, err := c.Store.Request(c.Ctx, q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	var s common.Screen = NewForm(c, &full)
	f := s.(*Form)
	// A stored number with a zero-width space: refused in place (the
	// cursor moves on, the number stays marked), then back to fix it.
	for f.Focus() != fIDNumber {
		s, _ = testenv.Press(t, c, s, "tab")
	}
	s, _ = testenv.Press(t, c, s, "tab")
	if f.Focus() == fIDNumber || !strings.Contains(f.FieldErr(fIDNumber), "看不见的字符") {
		t.Fatalf("ID number with an invisible character passed: focus %s, err %q", f.Focus(), f.FieldErr(fIDNumber))
	}
	s, _ = testenv.Press(t, c, s, "shift+tab")
	// Cleared and pasted again with the invisible character: it never
	// reaches the database.
	for range 40 {
		s, _ = testenv.Press(t, c, s, "backspace")
	}
	var cmd tea.Cmd
	s, cmd = s.Update(tea.PasteMsg{Content: "15070219850612431\u200b9"})
	s, _ = testenv.Run(t, c, s, cmd)
	s, _ = testenv.Press(t, c, s, "tab")
	if f.Err() != "" {
		t.Fatalf("a cleaned valid number was refused: %q", f.Err())
	}
	testenv.Press(t, c, s, "ctrl+s")
	got, err := c.Store.Request(c.Ctx, q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if got.Personal.IDNumber != "150702198506124319" || model.HasInvisible(got.Personal.IDNumber) {
		t.Fatalf("stored ID number %q", got.Personal.IDNumber)
	}
}
