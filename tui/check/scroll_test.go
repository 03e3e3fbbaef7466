package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// TestLongListDrawsTheCursorsWindow: with thousands of findings the list
// draws the lines around the cursor (and only as many as fit), as the clerk
// moves down and back up.
func TestLongListDrawsTheCursorsWindow(t *testing.T) {
	e := testenv.New(t, 2021)
	var fs []model.Finding
	for i := 0; i < 3000; i++ {
		fs = append(fs, model.Finding{Rule: "L6", Severity: model.Warning, Message: fmt.Sprintf("第%d号申请至今未答复", i+1),
			Entry: model.EntryRef{Kind: model.EntryRequest, ID: int64(i + 1)}})
	}
	e.C.Findings = fs
	m := New(e.C).(*Model)
	d := e.Drive(m)
	const w, h = 100, 24
	// A list line shows the rule before the message; the detail below
	// shows the selected message alone.
	msgAt := func(i int) string { return "L6  " + m.Items()[i].Message + " " }
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
