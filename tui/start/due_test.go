package start

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// withYimin is the test desk (大雁镇人民政府, 2021) with a second township,
// 伊敏河镇人民政府, and its 2021 report.
func withYimin(t *testing.T) (*testenv.Env, model.Organ) {
	t.Helper()
	e := testenv.New(t, 2021)
	yimin := model.Organ{Name: "伊敏河镇人民政府", Level: model.LevelTownship}
	if err := e.Store.SaveOrgan(context.Background(), &yimin); err != nil {
		t.Fatal(err)
	}
	if err := e.Store.CreateReport(context.Background(), model.NewReport(yimin.ID, 2021)); err != nil {
		t.Fatal(err)
	}
	return e, yimin
}

// TestDueSoonFollowsTheYears: the start screen draws an organ's years
// without waiting for its 即将到期 count, which follows in a message of its
// own; the count is that organ's (answered requests and those not due
// soon left out), and moving to another organ never shows the one before's.
func TestDueSoonFollowsTheYears(t *testing.T) {
	e, yimin := withYimin(t) // and 大雁镇人民政府, no requests; today 2022-01-10
	ctx := context.Background()
	for _, q := range []model.Request{
		{Received: 20211101}, // late since December
		{Received: 20211213}, // due 2022-01-11: soon
		{Received: 20211102, Answered: 20211120, Outcome: model.RowDisclosed}, // answered
		{Received: 20220107}, // due in February
	} {
		q.OrganID, q.Year = yimin.ID, q.Received.Year()
		q.Channel, q.Applicant, q.Summary = model.ChannelOnline, model.NaturalPerson, "申请公开"
		if err := e.Store.SaveRequest(ctx, &q); err != nil {
			t.Fatal(err)
		}
	}
	dueLine := fmt.Sprintf(text.StartDueSoon, 2, 1, keys.Key(keys.DueSoon))
	seen := func(m *Model) string {
		return strings.Join(strings.Fields(ansi.Strip(m.View(200, 30))), "")
	}
	line := strings.Join(strings.Fields(dueLine), "")

	m := New(e.C)
	d := e.Drive(m) // organs (伊敏河镇 first by name), its years, its count
	if v := seen(m); !strings.Contains(v, "2021年") || !strings.Contains(v, line) {
		t.Fatalf("伊敏河镇: want its year and %q:\n%s", dueLine, ansi.Strip(m.View(200, 30)))
	}

	// ↓ to 大雁镇: its years arrive alone and are drawn without the count
	// of 伊敏河镇; its own count (none) follows.
	d.Keys("down")
	if v := seen(m); strings.Contains(v, line) {
		t.Fatalf("大雁镇 shows 伊敏河镇's count:\n%s", ansi.Strip(m.View(200, 30)))
	}

	// Back on 伊敏河镇, step by step: the years message holds no count and
	// brings the command that reads it.
	m.ol.Cursor = 0
	years := m.loadYears()()
	_, dueCmd := m.Update(years)
	if v := seen(m); !strings.Contains(v, "2021年") || strings.Contains(v, line) {
		t.Fatalf("after its years alone: want the year, no count yet:\n%s", ansi.Strip(m.View(200, 30)))
	}
	if dueCmd == nil {
		t.Fatal("the years did not ask for the count")
	}
	m.Update(dueCmd())
	if v := seen(m); !strings.Contains(v, line) {
		t.Fatalf("after the count: want %q:\n%s", dueLine, ansi.Strip(m.View(200, 30)))
	}
}

// The count of an organ the cursor has left can come back after the count
// of the one now selected: it must not take the selected organ's place.
func TestDueSoonOfALeftOrganArrivingLate(t *testing.T) {
	e, yimin := withYimin(t)
	ctx := context.Background()
	q := model.Request{OrganID: yimin.ID, Year: 2021, Received: 20211101, Channel: model.ChannelOnline,
		Applicant: model.NaturalPerson, Summary: "申请公开"} // late since December
	if err := e.Store.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	m := New(e.C)
	e.Drive(m) // 伊敏河镇 selected, its count read
	late := m.loadDue(yimin.ID)
	if late == nil {
		t.Fatal("no command reads 伊敏河镇's count")
	}
	lateMsg := late() // read now, delivered after the move below

	m.ol.Cursor = 1 // 大雁镇
	years := m.loadYears()()
	_, dueCmd := m.Update(years)
	m.Update(dueCmd())
	daYan, _ := m.Organ()
	if m.dueOf != daYan.ID {
		t.Fatalf("大雁镇 selected, its count not kept (dueOf %d)", m.dueOf)
	}
	m.Update(lateMsg)
	if m.dueOf != daYan.ID || m.late != 0 {
		t.Errorf("伊敏河镇's late count took 大雁镇's place: dueOf %d (want %d), late %d",
			m.dueOf, daYan.ID, m.late)
	}
}
