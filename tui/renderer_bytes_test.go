package tui_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// screenOfChinese is a full-screen program of rows of Chinese text; a
// setRow message changes one row, a redraw message changes nothing but
// makes Bubble Tea draw a frame.
type screenOfChinese struct{ rows []string }

type setRow struct {
	i    int
	text string
}
type redraw struct{}

func (m *screenOfChinese) Init() tea.Cmd { return nil }

func (m *screenOfChinese) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case setRow:
		m.rows[msg.i] = msg.text
	case tea.KeyPressMsg:
		return m, tea.Quit
	}
	return m, nil
}

func (m *screenOfChinese) View() tea.View {
	v := tea.NewView(strings.Join(m.rows, "\n"))
	v.AltScreen = true
	return v
}

// terminal collects what the program writes.
type terminal struct {
	mu   sync.Mutex
	buf  []byte
	last time.Time
}

func (t *terminal) Write(p []byte) (int, error) {
	t.mu.Lock()
	t.buf = append(t.buf, p...)
	t.last = time.Now()
	t.mu.Unlock()
	return len(p), nil
}

// settle waits until something was written after since (or 500 ms passed
// without a write: a frame may write nothing), then until nothing was
// written for 150 ms, and returns all that was written.
func (t *terminal) settle(since time.Time) []byte {
	for {
		time.Sleep(20 * time.Millisecond)
		t.mu.Lock()
		wrote := t.last.After(since)
		idle := time.Since(t.last) > 150*time.Millisecond
		out := append([]byte(nil), t.buf...)
		t.mu.Unlock()
		if idle && (wrote || time.Since(since) > 500*time.Millisecond) {
			return out
		}
	}
}

// TestRendererWritesOnlyChangedRows holds the renderer (ultraviolet, patched
// in third_party/ultraviolet) to what a clerk's slow console needs: a frame
// equal to the screen writes nothing, and one changed Chinese character
// rewrites one short row, not every row holding Chinese.
func TestRendererWritesOnlyChangedRows(t *testing.T) {
	const w, h = 200, 60
	rows := make([]string, h)
	for i := range rows {
		rows[i] = strings.Repeat("政府信息公开工作年度报告", 5)
	}
	m := &screenOfChinese{rows: rows}
	term := &terminal{}
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(term), tea.WithWindowSize(w, h),
		tea.WithoutSignals(), tea.WithColorProfile(colorprofile.TrueColor),
		tea.WithEnvironment([]string{"TERM=xterm-256color", "RUNEWIDTH_EASTASIAN=0"}))
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	defer func() {
		p.Kill()
		<-done
	}()
	first := len(term.settle(time.Now()))
	if first < w {
		t.Fatalf("the first frame wrote only %d bytes", first)
	}

	mark := time.Now()
	p.Send(setRow{10, rows[10]}) // the same text: an unchanged frame
	p.Send(redraw{})
	if n := len(term.settle(mark)) - first; n != 0 {
		t.Errorf("an unchanged frame wrote %d bytes, want 0", n)
	}

	before := len(term.settle(mark))
	changed := strings.Replace(rows[10], "年度", "半年", 1)
	mark = time.Now()
	p.Send(setRow{10, changed})
	out := term.settle(mark)[before:]
	if len(out) == 0 || len(out) > 400 {
		t.Errorf("one changed Chinese character wrote %d bytes (want one short row, ≤ 400): %q…", len(out), out[:min(len(out), 300)])
	}
	if !strings.Contains(string(out), "半") {
		t.Errorf("the changed character is not in what was written: %q", out)
	}
	if strings.Count(string(out), "政府信息公开") > 5 {
		t.Errorf("more than the changed row was rewritten (%d rows)", strings.Count(string(out), "政府信息公开")/5)
	}
}
