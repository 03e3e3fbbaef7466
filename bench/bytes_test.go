package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"nianbao/desk"
	"nianbao/tui"
	"nianbao/tui/narrative"
)

// countingWriter counts the bytes the renderer writes to the terminal.
type countingWriter struct {
	mu   sync.Mutex
	n    int
	last time.Time
	keep bool
	buf  []byte
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.n += len(p)
	w.last = time.Now()
	if w.keep {
		w.buf = append(w.buf, p...)
	}
	w.mu.Unlock()
	return len(p), nil
}

func (w *countingWriter) state() (int, time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.n, w.last
}

// quietFor is how long the program must write nothing before a key counts
// as done: long enough for a save and the reload it starts.
const quietFor = 400 * time.Millisecond

// quiet waits until the program has written something after since (or
// quietFor passed without a write: a key may change nothing), then until it
// has written nothing for quietFor and the frame satisfies ok; it returns
// the byte count then.
func (w *countingWriter) quiet(tb testing.TB, app *tui.App, since time.Time, ok func(string) bool) int {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		n, last := w.state()
		if last.Before(since) {
			if time.Since(since) < quietFor {
				continue
			}
			last = since
		}
		if time.Since(last) >= quietFor && ok(app.LastFrame()) {
			return n
		}
	}
	tb.Fatalf("the screen did not settle; last frame:\n%s", app.LastFrame())
	return 0
}

// BenchmarkBytesPerKey drives the real program (its renderer and input
// reader) on a 200×60 terminal and counts the bytes written to the terminal
// for each key after the first frame, typing Chinese into the request form
// of the 50,000-request log and into the narrative of section 一 (target ≤
// 4 KB a key). idle-B is what an idle second writes (no periodic redraws).
func BenchmarkBytesPerKey(b *testing.B) {
	for _, c := range []struct {
		name  string
		enter []string // keys that reach the entry field
		want  string   // text the entry screen shows once there
		typed []string // what the clerk types, one key each
	}{
		{"request_form", []string{"r", "enter", "tab", "tab", "tab"}, "收到方式",
			[]string{"王", "建", "国", "backspace", "backspace", "backspace", "李", "秀", "兰", "tab", "申", "请", "公", "开", "backspace", "tab"}},
		{"narrative_s1", []string{"1", "enter"}, "",
			[]string{"本", "年", "度", "我", "单", "位", "认", "真", "贯", "彻", "backspace", "backspace", "落", "实"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			narrative.AutosaveDelay = time.Hour // no save mid-measure
			st := openStore(b, stressPath(b))
			o, err := st.OrganByName(context.Background(), StressOrganName)
			if err != nil {
				b.Fatal(err)
			}
			now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
			app := tui.New(context.Background(), &desk.Store{Store: st}, tui.Options{Today: today, Now: func() time.Time { return now },
				OrganID: o.ID, Year: StressYear})
			out := &countingWriter{}
			// Keys go in through Send: the input decoder is not what is
			// measured, and a pipe makes it hold some keys back.
			p := tea.NewProgram(app, tea.WithInput(nil), tea.WithOutput(out), tea.WithWindowSize(termW, termH),
				tea.WithoutSignals(), tea.WithColorProfile(colorprofile.TrueColor),
				tea.WithEnvironment([]string{"TERM=xterm-256color", "RUNEWIDTH_EASTASIAN=0"}))
			done := make(chan error, 1)
			go func() { _, err := p.Run(); done <- err }()
			defer func() {
				p.Kill()
				<-done
			}()
			out.quiet(b, app, time.Now(), func(f string) bool { return strings.Contains(f, "依申请台账") })
			for _, k := range c.enter {
				t := time.Now()
				p.Send(keyOf(k))
				out.quiet(b, app, t, func(string) bool { return true })
			}
			if c.want != "" {
				out.quiet(b, app, time.Now(), func(f string) bool { return strings.Contains(f, c.want) })
			}
			// NIANBAO_BENCH_DUMP=dir writes what each key wrote, quoted, to
			// dir/<case>.txt, to see which lines the renderer repaints.
			var dump *os.File
			if dir := os.Getenv("NIANBAO_BENCH_DUMP"); dir != "" {
				f, err := os.Create(filepath.Join(dir, c.name+".txt"))
				if err != nil {
					b.Fatal(err)
				}
				defer f.Close()
				dump = f
				out.mu.Lock()
				out.keep, out.buf = true, nil
				out.mu.Unlock()
			}
			var per []int
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				per = per[:0]
				for _, k := range c.typed {
					before, _ := out.state()
					t := time.Now()
					p.Send(keyOf(k))
					after := out.quiet(b, app, t, func(string) bool { return true })
					per = append(per, after-before)
					if dump != nil {
						out.mu.Lock()
						fmt.Fprintf(dump, "== key %q: %d bytes\n%q\n", k, after-before, out.buf)
						out.buf = out.buf[:0]
						out.mu.Unlock()
					}
				}
			}
			b.StopTimer()
			idle0, _ := out.state()
			time.Sleep(time.Second)
			idle1, _ := out.state()
			sort.Ints(per)
			total := 0
			for _, n := range per {
				total += n
			}
			b.ReportMetric(float64(per[len(per)/2]), "median-B/key")
			b.ReportMetric(float64(per[len(per)-1]), "max-B/key")
			b.ReportMetric(float64(total)/float64(len(per)), "mean-B/key")
			b.ReportMetric(float64(idle1-idle0), "idle-B/s")
		})
	}
}
