package overview_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/demo"
	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/components"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/overview"
)

// TestOverviewShowsTheTujieFigures opens the demo's 2021 year overview at
// 80×24, pages through it with the keys and checks that every figure of
// the 图解 page appears at the end of its bar, that the bars are drawn in
// block characters, and that every frame is exactly 80×24.
func TestOverviewShowsTheTujieFigures(t *testing.T) {
	oy := demo.Build()[1]
	c := testenv.Open(t, testenv.Now, oy)
	c.Width, c.Height = 80, 24
	var s = overview.New(c)
	page := s.(*overview.Model).Page()
	if page == nil || page.Year != 2021 {
		t.Fatalf("page %+v", page)
	}
	var seen []string
	for i := 0; i < 12; i++ {
		v := s.View(80, 22)
		seen = append(seen, testenv.CheckSize(t, ansi.Strip(v), 80, 22)...)
		s, _ = testenv.Press(t, c, s, "pgdown")
	}
	all := strings.Join(seen, "\n")
	for _, f := range page.Figures {
		if !strings.Contains(all, f.Label+" "+f.Value.Text) {
			t.Errorf("key figure %s %s missing", f.Label, f.Value.Text)
		}
	}
	bars := 0
	for _, sec := range page.Sections {
		for _, ch := range sec.Charts {
			for _, g := range ch.Groups {
				if g.Brief {
					if !strings.Contains(all, g.Title+" "+g.Total.Text) {
						t.Errorf("group %s without its total", g.Title)
					}
					continue
				}
				for _, b := range g.Bars {
					label := components.Fit(b.Label, 8)
					label = strings.TrimSuffix(strings.TrimRight(label, " "), "…")
					found := false
					for _, l := range seen {
						if strings.Contains(l, label) && strings.HasSuffix(strings.TrimRight(l, " "), " "+b.Value.Text) {
							found = true
							if b.Value.N > 0 && !strings.ContainsAny(l, "█▏▎▍▌▋▊▉") {
								t.Errorf("%s: no bar: %q", b.Label, l)
							}
							bars++
						}
					}
					if !found {
						t.Errorf("%s %s is not at a bar's end", b.Label, b.Value.Text)
					}
				}
			}
		}
	}
	if bars < 30 {
		t.Errorf("only %d bars", bars)
	}
	for _, m := range page.Measures {
		if !strings.Contains(all, m.Status.Label()) {
			t.Errorf("measure status %s missing", m.Status.Label())
		}
	}
	// Home goes back to the key figures.
	s, _ = testenv.Press(t, c, s, "home")
	if v := ansi.Strip(s.View(80, 22)); !strings.HasPrefix(v, "关键数字") {
		t.Errorf("home: %q", strings.SplitN(v, "\n", 2)[0])
	}
}

// TestOverviewComparesWithLastYear: with last year kept, each compared
// figure has a ░ bar of last year's value under it and the change.
func TestOverviewComparesWithLastYear(t *testing.T) {
	oy := demo.Build()[1]
	c := testenv.Open(t, testenv.Now, oy)
	p := c.Snap.Tujie()
	if p.PrevYear != 0 {
		t.Fatal("the demo has no 2020")
	}
	lines := overview.Lines(p, 80, c.Styles)
	if strings.Contains(ansi.Strip(strings.Join(lines, "\n")), "░") {
		t.Error("last year drawn without last year")
	}
	with := *c.OrganYear()
	with.Prev = &model.PrevYear{Year: 2020, FormatID: "2019", Values: model.Values{
		model.Addr(model.TableS3, model.RowNew, model.ColTotal): 25}}
	p = desk.Snapshot(&with, c.Calendar, c.Today).Tujie()
	lines = overview.Lines(p, 80, c.Styles)
	text := ansi.Strip(strings.Join(lines, "\n"))
	cur := p.Figures[1].Value
	for _, want := range []string{"收到申请 33件（上年25件，+32%）", "░ 25件", "+32%", "2021年  ░ 2020年"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q (this year %s)", want, cur.Text)
		}
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d cells wide: %q", w, ansi.Strip(l))
		}
	}
}

func TestHBar(t *testing.T) {
	for _, c := range []struct {
		n, peak int64
		width   int
		want    string
	}{{0, 10, 10, ""}, {10, 10, 4, "████"}, {1, 33, 10, "▍"}, {5, 10, 3, "█▌"}, {3, 0, 5, ""}} {
		if got := components.HBar(c.n, c.peak, c.width, 0); got != c.want {
			t.Errorf("HBar(%d, %d, %d) = %q, want %q", c.n, c.peak, c.width, got, c.want)
		}
	}
	if got := components.HBar(5, 10, 3, '░'); got != "░░" {
		t.Errorf("shaded bar %q", got)
	}
}
