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

// openStored saves q and opens the form on it as the log does (with its
// personal data, read back from the store).
func openStored(t *testing.T, c *common.Common, q model.Request) *Form {
	t.Helper()
	if err := c.Store.SaveRequest(c.Ctx, &q); err != nil {
		t.Fatal(err)
	}
	full, err := c.Store.Request(c.Ctx, q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	return NewForm(c, &full)
}

// focusOn tabs to the field with key (Update only: no save runs).
func focusOn(t *testing.T, f *Form, key string) {
	t.Helper()
	if !f.form.FocusKey(key) {
		t.Fatalf("no field %s", key)
	}
}

// retype replaces the focused field's text and leaves it with Tab,
// returning the save command the form started.
func retype(t *testing.T, f *Form, text string) tea.Cmd {
	t.Helper()
	f.form.Current().Input.SetValue(text)
	_, cmd := f.Update(testenv.Key("tab"))
	if cmd == nil {
		t.Fatalf("leaving %s with %q started no save", f.Focus(), text)
	}
	return cmd
}

// TestFormSavesEachFieldItLeaves: leaving an edited field of a stored entry
// stores that field; when two saves run in the opposite order of their
// start (each is its own goroutine in the program), both fields are kept;
// an emptied personal field removes the stored value; the saved message
// reaches the clerk.
func TestFormSavesEachFieldItLeaves(t *testing.T) {
	c := setup(t, nil)
	f := openStored(t, c, model.Request{OrganID: c.Organ.ID, Received: 20210305, Channel: model.ChannelInPerson,
		Applicant: model.NaturalPerson, Summary: "申请公开征地补偿标准",
		Personal: model.Personal{Name: "张三", Phone: "13800138000"}})
	id := f.Request().ID

	focusOn(t, f, fSummary)
	first := retype(t, f, "申请公开旧村改造方案")
	focusOn(t, f, fNotes)
	second := retype(t, f, "已电话告知")
	// The later save runs first; the earlier one is then outdated.
	var s common.Screen = f
	s, out := testenv.Run(t, c, s, second)
	if len(out) == 0 {
		t.Fatal("the save sent no saved message")
	}
	testenv.Run(t, c, s, first)
	got, err := c.Store.Request(c.Ctx, id, true)
	if err != nil {
		t.Fatal(err)
	}
	if got.Summary != "申请公开旧村改造方案" || got.Notes != "已电话告知" || got.Personal.Name != "张三" || got.Received != 20210305 {
		t.Fatalf("stored after two field saves run out of order: %+v", got)
	}

	// An emptied phone is stored empty; the name stays.
	focusOn(t, f, fPhone)
	testenv.Run(t, c, f, retype(t, f, ""))
	if got, _ := c.Store.Request(c.Ctx, id, true); got.Personal != (model.Personal{Name: "张三"}) {
		t.Fatalf("personal data after emptying the phone: %+v", got.Personal)
	}
	if got, _ := c.Store.Request(c.Ctx, id, true); got.Summary != "申请公开旧村改造方案" || got.Notes != "已电话告知" {
		t.Fatalf("other fields changed by the phone save: %+v", got)
	}
}

// TestFormDateIntoAnotherYearRenumbers: a received date moved into another
// year through the form takes the next number there, and the title shows
// it; a later field save keeps that number.
func TestFormDateIntoAnotherYearRenumbers(t *testing.T) {
	c := setup(t, nil)
	for i := range 2 {
		q := model.Request{OrganID: c.Organ.ID, Received: model.NewDate(2020, 11, 2+i), Applicant: model.NaturalPerson}
		if err := c.Store.SaveRequest(c.Ctx, &q); err != nil {
			t.Fatal(err)
		}
	}
	f := openStored(t, c, model.Request{OrganID: c.Organ.ID, Received: 20210110, Applicant: model.NaturalPerson, Summary: "年初的申请"})
	id := f.Request().ID

	focusOn(t, f, fReceived)
	var s common.Screen = f
	s, _ = testenv.Run(t, c, s, retype(t, f, "2020-12-30"))
	got, err := c.Store.Request(c.Ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	if got.Year != 2020 || got.Serial != 3 || got.Received != 20201230 {
		t.Fatalf("moved entry stored as %d-%d received %v", got.Year, got.Serial, got.Received)
	}
	if f.Title() != fmt.Sprintf(text.ReqEditTitle, 3) {
		t.Fatalf("title %q after the move", f.Title())
	}
	focusOn(t, f, fNotes)
	testenv.Run(t, c, s, retype(t, f, "日期更正"))
	got, _ = c.Store.Request(c.Ctx, id, false)
	if got.Year != 2020 || got.Serial != 3 || got.Notes != "日期更正" {
		t.Fatalf("after a later save: %d-%d notes %q", got.Year, got.Serial, got.Notes)
	}
}

// TestFormMarksPersonalData: the personal group's heading says the data is
// not public, and so does the line of a focused personal field; an empty
// field other than the focused one is drawn as its label alone.
func TestFormMarksPersonalData(t *testing.T) {
	c := setup(t, nil)
	f := openStored(t, c, model.Request{OrganID: c.Organ.ID, Received: 20210305, Applicant: model.NaturalPerson,
		Personal: model.Personal{Name: "张三", Phone: "13800138000"}})
	lineOf := func(lines []string, label string) string {
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), label) {
				return l
			}
		}
		t.Fatalf("no line for %s", label)
		return ""
	}
	for _, focus := range []string{fName, fPhone, fSummary} {
		focusOn(t, f, focus)
		lines := testenv.CheckSize(t, ansi.Strip(f.View(100, 40)), 100, 40)
		if !strings.Contains(lineOf(lines, "── "+text.ReqPersonalTag), text.ReqPersonalTag) {
			t.Fatal("the personal group's heading lost its tag")
		}
		for _, key := range []string{fName, fPhone} {
			l := lineOf(lines, f.field(key).Label)
			if tagged := strings.Contains(l, text.ReqPersonalTag); tagged != (key == focus) {
				t.Fatalf("focus on %s: line of %s tagged %v: %q", focus, key, tagged, l)
			}
		}
		if l := strings.TrimSpace(lineOf(lines, text.ReqFieldNotes)); l != text.ReqFieldNotes {
			t.Fatalf("empty notes drawn as %q", l)
		}
	}
}

// TestBlurSavesTheFieldBeingTyped: when the program ends under the form (a
// quit signal: the app sends common.BlurMsg to every screen), the valid
// text in the focused field is saved as leaving it would; a refused value
// is not.
func TestBlurSavesTheFieldBeingTyped(t *testing.T) {
	c := setup(t, nil)
	f := openStored(t, c, model.Request{OrganID: c.Organ.ID, Received: 20210305, Channel: model.ChannelInPerson,
		Applicant: model.NaturalPerson, Summary: "申请公开征地补偿标准", Personal: model.Personal{Name: "张三"}})
	id := f.Request().ID
	focusOn(t, f, fName)
	f.form.Current().Input.SetValue("张三丰")
	_, cmd := f.Update(common.BlurMsg{})
	if cmd == nil {
		t.Fatal("BlurMsg with a typed name started no save")
	}
	testenv.Run(t, c, f, cmd)
	got, err := c.Store.Request(c.Ctx, id, true)
	if err != nil || got.Personal.Name != "张三丰" {
		t.Fatalf("name after BlurMsg: %q, %v", got.Personal.Name, err)
	}
	focusOn(t, f, fReceived)
	f.form.Current().Input.SetValue("2021-02-30")
	if _, cmd := f.Update(common.BlurMsg{}); cmd != nil {
		testenv.Run(t, c, f, cmd)
	}
	got, _ = c.Store.Request(c.Ctx, id, true)
	if got.Received != 20210305 {
		t.Fatalf("a refused date was saved: %v", got.Received)
	}
}
