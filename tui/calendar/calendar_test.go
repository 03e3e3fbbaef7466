package calendar

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// Driven by keys: the screen opens on 2027 (no official data) with the
// computed holidays and the warning; a 调休 day typed in is saved, used at
// once by the deadlines and kept in the store; a file imports a notice; an
// entered day can be deleted, a built-in one cannot; every line fits 80×24.
func TestCalendarScreenByKeys(t *testing.T) {
	e := testenv.New(t, 2026)
	e.C.Today = model.NewDate(2026, 12, 6)
	d := e.Drive(New(e.C))
	view := ansi.Strip(d.View(80, 24))
	if !strings.Contains(view, "2027年节假日安排") || !strings.Contains(view, "2027年的国务院安排尚未录入") || !strings.Contains(view, "2027-02-06 周六  休  春节  （推算）") {
		t.Fatalf("opening view:\n%s", view)
	}
	testenv.CheckSize(t, d.View(80, 24), 80, 24)

	// 2027-02-20 (a Saturday) as a 调休 working day.
	d.Keys("a")
	d.Type("2027-02-20")
	d.Keys("tab", "right", "tab")
	d.Type("春节调休上班")
	if c := d.S.Cursor(); c == nil {
		t.Error("no cursor in the name field")
	}
	d.Keys("enter")
	view = ansi.Strip(d.View(80, 24))
	if !strings.Contains(view, "已保存 1 天") || !strings.Contains(view, "2027-02-20 周六  班  春节调休上班  （录入）") {
		t.Fatalf("after saving:\n%s", view)
	}
	if !e.C.Calendar.IsWorkday(model.NewDate(2027, 2, 20)) {
		t.Error("the saved day is not used at once")
	}
	cal, err := e.Store.Calendar(e.C.Ctx)
	if err != nil || !cal.IsWorkday(model.NewDate(2027, 2, 20)) {
		t.Errorf("the saved day is not in the store: %v", err)
	}

	// A bad date is refused in place.
	d.Keys("a")
	d.Type("2027-02-30")
	d.Keys("enter")
	if m := d.S.(*Model); m.form == nil || m.form.Field(fDate).Err == "" {
		t.Fatal("a bad date was accepted")
	}
	d.Keys("esc")

	// Import a file.
	path := filepath.Join(t.TempDir(), "2027.txt")
	os.WriteFile(path, []byte("2027-10-04 至 2027-10-07 休 国庆节\n"), 0o644)
	d.Keys("i")
	d.Type(path)
	d.Keys("enter")
	view = ansi.Strip(d.View(80, 24))
	if !strings.Contains(view, "已保存 4 天") || e.C.Calendar.IsWorkday(model.NewDate(2027, 10, 7)) {
		t.Fatalf("after import:\n%s", view)
	}

	// Delete: a computed day cannot be, an entered one can.
	d.Keys("home")
	d.Keys("d")
	if !strings.Contains(ansi.Strip(d.View(80, 24)), fmt.Sprintf(text.CalNotAdded, "a")) {
		t.Error("a computed day was not refused")
	}
	m := d.S.(*Model)
	for m.list.Cursor < len(m.days) && m.days[m.list.Cursor].Date != model.NewDate(2027, 2, 20) {
		d.Keys("down")
	}
	d.Keys("d")
	if e.C.Calendar.IsWorkday(model.NewDate(2027, 2, 20)) {
		t.Error("the deleted day still counts as a working day")
	}
	d.Keys("left")
	if !strings.Contains(ansi.Strip(d.View(80, 24)), "2026年节假日安排") {
		t.Error("← does not go to the year before")
	}
	d.Keys("esc")
	if len(d.Out) == 0 {
		t.Fatal("esc does not go back")
	}
	if _, ok := d.Out[len(d.Out)-1].(common.BackMsg); !ok {
		t.Errorf("esc sent %T", d.Out[len(d.Out)-1])
	}
}

// Driven by keys: one day of 2027 entered leaves the year warned about,
// naming the holidays still missing; c marks it complete (saved in the
// store, the warning gone), c again takes the mark back.
func TestCalendarPartialYearByKeys(t *testing.T) {
	e := testenv.New(t, 2026)
	e.C.Today = model.NewDate(2026, 12, 6)
	d := e.Drive(New(e.C))
	d.Keys("a")
	d.Type("2027-01-01")
	d.Keys("tab", "tab")
	d.Type("元旦")
	d.Keys("enter")
	d.Keys("right", "left") // leave the saved message for the status line
	view := ansi.Strip(d.View(80, 24))
	if !strings.Contains(view, "2027年只录入了 1 天，还缺春节、清明节") || e.C.Calendar.KnownYear(2027) {
		t.Fatalf("after one day:\n%s", view)
	}
	d.Keys("c")
	view = ansi.Strip(d.View(80, 24))
	if !strings.Contains(view, "已把2027年标为全部录入") || !e.C.Calendar.KnownYear(2027) {
		t.Fatalf("after c:\n%s", view)
	}
	if cal, err := e.Store.Calendar(e.C.Ctx); err != nil || !cal.KnownYear(2027) {
		t.Fatalf("the mark is not in the store: %v", err)
	}
	d.Keys("right", "left")
	if view = ansi.Strip(d.View(80, 24)); !strings.Contains(view, "2027年已标为全部录入（按 c 取消）") {
		t.Fatalf("status of a marked year:\n%s", view)
	}
	testenv.CheckSize(t, d.View(80, 24), 80, 24)
	d.Keys("c")
	if e.C.Calendar.KnownYear(2027) {
		t.Fatal("c again does not take the mark back")
	}
	if cal, _ := e.Store.Calendar(e.C.Ctx); cal.KnownYear(2027) {
		t.Fatal("the mark taken back is still in the store")
	}
}
