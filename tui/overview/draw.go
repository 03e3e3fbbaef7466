package overview

import (
	"strconv"
	"strings"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/components"
	"nianbao/tui/styles"
	"nianbao/tui/text"
)

// Lines draws the 图解 page for a terminal width cells wide: the key figures,
// then every chart of the page with a bar of block characters per value and
// the number at the bar's end (last year's value under this year's in ░
// with the change), and the measures with their status. Every line is at
// most width cells; the figures are the page's, so the screen shows what the
// exported 图解 prints.
func Lines(p *desk.TujiePage, width int, st *styles.Sheet) []string {
	var out []string
	out = append(out, st.Heading.Render(components.Fit(text.OverviewKeyFigures, width)))
	var figs []string
	for _, f := range p.Figures {
		s := f.Label + " " + f.Value.Text
		if f.Prev != nil {
			s += "（" + text.OverviewLastYear + f.Prev.Text + "，" + f.Change + "）"
		}
		figs = append(figs, s)
	}
	out = append(out, packed(figs, "  ", width)...)
	for _, sec := range p.Sections {
		out = append(out, "", st.Heading.Render(components.Fit("■ "+sec.Heading, width)))
		for _, c := range sec.Charts {
			out = append(out, st.Label.Render(components.Fit(c.Title, width)))
			if len(c.Legend) == 2 {
				out = append(out, st.Muted.Render(components.Fit("█ "+c.Legend[0]+"  ░ "+c.Legend[1], width)))
			}
			out = append(out, chartLines(c, width, st)...)
			if c.Note != "" {
				for _, l := range components.Wrap(c.Note, width) {
					out = append(out, st.Muted.Render(l))
				}
			}
		}
	}
	out = append(out, "", st.Heading.Render(components.Fit("■ "+desk.TujieMeasuresHeading, width)))
	if len(p.Measures) == 0 {
		out = append(out, st.Muted.Render(text.OverviewNoMeasures))
	}
	for i, m := range p.Measures {
		status := "［" + m.Status.Label() + "］"
		style := st.Muted
		if m.Status == model.MeasureDone {
			style = st.OK
		}
		sw := components.StringWidth(status)
		lines := components.Wrap(strconv.Itoa(i+1)+". "+m.Text, max(8, width-sw-1))
		for j, l := range lines {
			if j == 0 {
				l = components.Fit(l, max(8, width-sw-1)) + " " + style.Render(status)
			}
			out = append(out, l)
		}
	}
	return out
}

// packed joins items into lines of at most width cells.
func packed(items []string, sep string, width int) []string {
	var out []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = it
		case components.StringWidth(cur+sep+it) <= width:
			cur += sep + it
		default:
			out = append(out, cur)
			cur = it
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// chartLines draws one chart's groups: the label column as wide as the
// longest label (at most two fifths of the width), the bars scaled to the
// largest value of the groups sharing a scale, the number after each bar.
func chartLines(c desk.TujieChart, width int, st *styles.Sheet) []string {
	labelW, valW, chW := 4, 1, 0
	peak := map[string]int64{}
	for _, g := range c.Groups {
		for _, b := range g.Bars {
			w := components.StringWidth(b.Label)
			if b.Sub {
				w += 2
			}
			labelW = max(labelW, w)
			valW = max(valW, components.StringWidth(b.Value.Text))
			peak[g.Scale] = max(peak[g.Scale], b.Value.N)
			if b.Prev != nil {
				valW = max(valW, components.StringWidth(b.Prev.Text))
				peak[g.Scale] = max(peak[g.Scale], b.Prev.N)
				chW = max(chW, components.StringWidth(b.Change)+1)
			}
		}
	}
	labelW = min(labelW, max(8, width*2/5))
	barW := max(3, width-labelW-1-1-valW-chW)
	var out []string
	for _, g := range c.Groups {
		if g.Title != "" {
			t := g.Title
			if g.Total != nil {
				t += " " + g.Total.Text
			}
			out = append(out, components.Fit(t, width))
		}
		if g.Brief {
			continue
		}
		for _, b := range g.Bars {
			label, ls := b.Label, st.Normal
			if b.Sub {
				label, ls = "  "+label, st.Muted
			}
			head := ls.Render(components.Fit(label, labelW)) + " "
			if b.Signed {
				out = append(out, head+b.Value.Text)
				continue
			}
			bar := components.HBar(b.Value.N, peak[g.Scale], barW, 0)
			line := head + st.Computed.Render(bar) + sep(bar) + b.Value.Text
			if b.Prev != nil {
				pad := barW - components.StringWidth(bar) + valW - components.StringWidth(b.Value.Text)
				line += strings.Repeat(" ", max(0, pad)) + " " + b.Change
				out = append(out, line)
				pbar := components.HBar(b.Prev.N, peak[g.Scale], barW, '░')
				out = append(out, strings.Repeat(" ", labelW+1)+st.Muted.Render(pbar+sep(pbar)+b.Prev.Text))
				continue
			}
			out = append(out, line)
		}
	}
	return out
}

// sep is the space between a bar and its number (none before a number
// without a bar, so 0 sits at the axis).
func sep(bar string) string {
	if bar == "" {
		return ""
	}
	return " "
}
