package bench

import (
	"context"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/db"
	"nianbao/desk"
	"nianbao/tui"
	"nianbao/tui/common"
	"nianbao/tui/narrative"
)

// Terminal size of the keystroke benchmarks.
const (
	termW = 200
	termH = 60
)

// keyOf turns a key name ("down", "shift+tab", "王") into the message the
// terminal reader delivers; a word of Chinese arrives as one key with its
// text, as an input method commits it.
func keyOf(n string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "backspace": tea.KeyBackspace, "home": tea.KeyHome,
		"end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "space": tea.KeySpace,
	}
	var k tea.KeyPressMsg
	base := n
	if i := strings.LastIndexByte(n, '+'); i > 0 && i < len(n)-1 {
		for _, p := range strings.Split(n[:i], "+") {
			switch p {
			case "ctrl":
				k.Mod |= tea.ModCtrl
			case "shift":
				k.Mod |= tea.ModShift
			case "alt":
				k.Mod |= tea.ModAlt
			}
		}
		base = n[i+1:]
	}
	if r, ok := special[base]; ok {
		k.Code = r
		return k
	}
	k.Code = []rune(base)[0]
	if k.Mod == 0 {
		k.Text = base
	}
	return k
}

// driver runs the App's Update loop synchronously: a command runs at once
// and its message goes back into Update, as the program would do on its
// own goroutines.
type driver struct {
	tb   testing.TB
	app  *tui.App
	slow int // commands that did not return within 10 s
}

// settle runs cmd and every command its messages return, so the screen is
// what the clerk sees once the database answered.
func (d *driver) settle(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(10 * time.Second):
		// The program would go on drawing while such a command runs (a
		// drive scan on a hung mount); so does the benchmark, and counts it.
		d.slow++
		d.tb.Logf("a command did not return within 10 s; going on without its reply")
		return
	}
	if msg == nil {
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		return
	}
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := 0; i < v.Len(); i++ {
			d.settle(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	_, next := d.app.Update(msg)
	d.settle(next)
}

func (d *driver) press(names ...string) {
	for _, n := range names {
		_, cmd := d.app.Update(keyOf(n))
		d.settle(cmd)
	}
}

// newDriver opens the workstation on st at 200×60 and, when organ is not
// empty, opens that organ-year as the start screen's Enter does.
func newDriver(tb testing.TB, st *db.Store, organ string, year int) *driver {
	tb.Helper()
	narrative.AutosaveDelay = time.Millisecond
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	app := tui.New(context.Background(), &desk.Store{Store: st}, tui.Options{Today: today, Now: func() time.Time { return now }, NoAltScreen: true})
	d := &driver{tb: tb, app: app}
	_, cmd := app.Update(tea.WindowSizeMsg{Width: termW, Height: termH})
	d.settle(cmd)
	d.settle(app.Init())
	if organ != "" {
		o, err := st.OrganByName(context.Background(), organ)
		if err != nil {
			tb.Fatal(err)
		}
		_, cmd := app.Update(common.OpenMsg{Organ: o, Year: year})
		d.settle(cmd)
	}
	app.View()
	return d
}

// keyCase is one screen: the keys that reach it from the outline and a
// cycle of keys a clerk presses there, ending where it began.
type keyCase struct {
	name  string
	enter []string
	cycle []string
	want  string // text the screen shows once entered
}

var (
	listCycle = []string{"down", "down", "down", "up", "up", "up"}
	gridCycle = []string{"down", "down", "right", "left", "up", "up"}
	textCycle = []string{"down", "down", "right", "left", "up", "up"}
)

var keyCases = []keyCase{
	{name: "start", cycle: []string{"down", "up"}, want: "选择单位和年度"},
	{name: "outline", cycle: []string{"down", "down", "up", "up"}, want: "依申请台账"},
	{name: "profile", enter: []string{"0"}, cycle: []string{"tab", "tab", "tab", "shift+tab", "shift+tab", "shift+tab"}, want: "单位全称"},
	{name: "s1", enter: []string{"1"}, cycle: textCycle},
	{name: "s2", enter: []string{"2"}, cycle: gridCycle},
	{name: "s3", enter: []string{"3"}, cycle: gridCycle},
	{name: "s4", enter: []string{"4"}, cycle: gridCycle},
	{name: "s5", enter: []string{"5"}, cycle: textCycle},
	{name: "s6", enter: []string{"6"}, cycle: textCycle},
	{name: "items", enter: []string{"i"}, cycle: listCycle},
	{name: "requests", enter: []string{"r"}, cycle: []string{"down", "down", "pgdown", "pgdown", "pgup", "pgup", "up", "up"}, want: "依申请公开台账"},
	{name: "requests_end", enter: []string{"r"}, cycle: []string{"end", "home"}, want: "依申请公开台账"},
	{name: "requests_filter", enter: []string{"r"}, cycle: []string{"s", "s", "s", "s", "a", "a", "a", "a", "a", "a", "a"}, want: "依申请公开台账"},
	{name: "requests_table", enter: []string{"r", "t"}, cycle: []string{"down", "down", "up", "up"}},
	{name: "requests_overview", enter: []string{"r", "v"}, cycle: []string{"down", "down", "up", "up"}},
	{name: "request_form", enter: []string{"r", "enter"}, cycle: []string{"tab", "tab", "tab", "shift+tab", "shift+tab", "shift+tab"}, want: "收到方式"},
	{name: "request_form_typing", enter: []string{"r", "enter", "tab", "tab", "tab"}, cycle: []string{"王", "五", "backspace", "backspace"}},
	{name: "cases", enter: []string{"c"}, cycle: listCycle},
	{name: "measures", enter: []string{"m"}, cycle: listCycle},
	{name: "fees", enter: []string{"f"}, cycle: listCycle},
	{name: "check", enter: []string{"k"}, cycle: listCycle},
	{name: "export", enter: []string{"e"}, cycle: listCycle},
}

// percentile returns the p-th percentile (0–100) of sorted durations in ms.
func percentile(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p / 100)
	return float64(sorted[i]) / float64(time.Millisecond)
}

// BenchmarkKeystroke: one key on every screen at 200×60 with the log of
// 50,000 requests in one year (stress) and the demo year of 10,453 rows
// (demo). Per key it reports the median and p99 of Update + View (target
// median ≤ 1 ms, p99 ≤ 5 ms) and of the settled frame: Update, the
// commands the key started (database page reads, saves) with their
// replies, and View.
func BenchmarkKeystroke(b *testing.B) {
	for _, fx := range []yearFixture{
		{"stress50k", stressPath, StressOrganName, StressYear},
		{"demo2025", demoPath, "演示单位（批量申请数据）", 2025},
	} {
		for _, kc := range keyCases {
			b.Run(fx.name+"/"+kc.name, func(b *testing.B) {
				st := openStore(b, fx.path(b))
				organ := fx.organ
				if kc.name == "start" {
					organ = ""
				}
				d := newDriver(b, st, organ, fx.year)
				d.press(kc.enter...)
				if kc.want != "" {
					d.app.View()
					if f := d.app.LastFrame(); !strings.Contains(f, kc.want) {
						b.Fatalf("screen %s lacks %q:\n%s", kc.name, kc.want, f)
					}
				}
				// One cycle to build and cache what the screen needs.
				d.press(kc.cycle...)
				d.app.View()
				fast := make([]time.Duration, 0, b.N)
				settled := make([]time.Duration, 0, b.N)
				cpu := make([]time.Duration, 0, b.N)
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					k := keyOf(kc.cycle[i%len(kc.cycle)])
					c0, cpuOK := threadCPU()
					t0 := time.Now()
					_, cmd := d.app.Update(k)
					d.app.View()
					t1 := time.Now()
					if c1, ok := threadCPU(); ok && cpuOK {
						cpu = append(cpu, c1-c0)
					}
					if cmd != nil {
						d.settle(cmd)
						d.app.View()
					}
					t2 := time.Now()
					fast = append(fast, t1.Sub(t0))
					settled = append(settled, t2.Sub(t0))
				}
				b.StopTimer()
				sort.Slice(fast, func(i, j int) bool { return fast[i] < fast[j] })
				sort.Slice(settled, func(i, j int) bool { return settled[i] < settled[j] })
				b.ReportMetric(percentile(fast, 50), "p50-ms")
				b.ReportMetric(percentile(fast, 99), "p99-ms")
				b.ReportMetric(percentile(settled, 50), "settled-p50-ms")
				b.ReportMetric(percentile(settled, 99), "settled-p99-ms")
				if len(cpu) > 0 {
					// The same Update + View in CPU time of the thread: what
					// the key costs without waiting for a core.
					sort.Slice(cpu, func(i, j int) bool { return cpu[i] < cpu[j] })
					b.ReportMetric(percentile(cpu, 50), "cpu-p50-ms")
					b.ReportMetric(percentile(cpu, 99), "cpu-p99-ms")
				}
				b.ReportMetric(float64(d.slow), "slow-cmds")
			})
		}
	}
}
