package check

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// TestLongListDrawsTheCursorsWindow: with thousands of findings the list
// draws the lines around the cursor (and only as many as fit), as the clerk
// moves down and back up.
func TestLongListDrawsTheCursorsWindow(t *testing.T) {
	e := testenv.New(t, 2021)
	// 3000 requests received in 2021 and never answered: each is an L6
	// finding (overdue) on 10 January 2022.
	oy := e.C.OrganYear()
	for i := 0; i < 3000; i++ {
		oy.Requests = append(oy.Requests, model.Request{ID: int64(i + 1), Year: 2021, Serial: i + 1,
			Received: model.NewDate(2021, 1+i%11, 1+i%28), Applicant: model.NaturalPerson, Summary: fmt.Sprintf("申请公开第%d号材料", i+1)})
	}
	e.Recheck()
	if n := len(e.C.Findings()); n < 3000 {
		t.Fatalf("%d findings, want at least 3000", n)
	}
	m := New(e.C).(*Model)
	d := e.Drive(m)
	const w, h = 100, 24
	d.Send(tea.WindowSizeMsg{Width: w, Height: h})
	// A list line shows the rule before the message; the detail below
	// shows the selected message alone.
	// (the line is cut at the window's width: the head of the message up
	// to its first comma names the request).
	msgAt := func(i int) string {
		f := m.Items()[i]
		head, _, _ := strings.Cut(f.Message, "，")
		return f.Rule + "  " + head + "，"
	}
	view := func() string { return ansi.Strip(m.View(w, h)) + "\n" }
	v := view()
	if !strings.Contains(v, msgAt(0)) || strings.Contains(v, msgAt(100)) {
		t.Fatalf("first frame should show the top of the list only:\n%s", v)
	}
	if n := strings.Count(v, "\n"); n != h {
		t.Fatalf("frame has %d lines, want %d", n, h)
	}
	for i := 0; i < 1500; i++ {
		d.Keys("down")
	}
	v = view()
	if !strings.Contains(v, msgAt(1500)) || strings.Contains(v, msgAt(0)) {
		t.Fatalf("after 1500 × down the cursor's finding is not in view:\n%s", v)
	}
	if f, _ := m.Selected(); f.Message != m.Items()[1500].Message {
		t.Fatalf("selected %q, want %q", f.Message, m.Items()[1500].Message)
	}
	for i := 0; i < 1500; i++ {
		d.Keys("up")
	}
	v = view()
	if !strings.Contains(v, msgAt(0)) {
		t.Fatalf("back at the top the first finding is not in view:\n%s", v)
	}
}
