package tables

import (
	"strings"

	"nianbao/model"
	"nianbao/tui/components"
)

// drow is one drawn row of a table: a group label without cells, or a row
// of cells under the display columns.
type drow struct {
	label string
	depth int
	group bool
	cells []model.CellAddress
}

// dtable is a table as the grid draws it. Section 四's single row of fifteen
// cells is drawn as three rows (行政复议, 直接起诉, 复议后起诉) of five columns
// so it reads at 80 columns.
type dtable struct {
	t      *model.Table
	name   string
	labels []string
	cols   []model.Column // the column of each display column's first cell
	rows   []drow
	colW   int
}

func buildTables(f *model.Format, section int) []*dtable {
	var out []*dtable
	for _, t := range f.SectionTables(section) {
		d := &dtable{t: t, name: model.TableName(t)}
		if t.Caption != "" && t.Section != 2 {
			d.name += " " + t.Caption
		}
		if t.Section == 2 {
			d.name = t.Caption
		}
		if t.ID == model.TableS4 && len(t.Rows) == 1 {
			buildS4(d)
		} else {
			for _, c := range t.Columns {
				d.labels = append(d.labels, c.Label)
				d.cols = append(d.cols, c)
			}
			var seen []string
			for _, r := range t.Rows {
				// Group labels (三、本年度办理结果, （三）不予公开) are drawn once,
				// above their first row.
				for i, p := range r.Path {
					if i < len(seen) && seen[i] == p {
						continue
					}
					seen = append(seen[:i], p)
					d.rows = append(d.rows, drow{label: p, depth: i, group: true})
				}
				if len(r.Path) < len(seen) {
					seen = seen[:len(r.Path)]
				}
				dr := drow{label: r.Label, depth: len(r.Path)}
				for _, c := range t.Columns {
					dr.cells = append(dr.cells, model.Addr(t.ID, r.ID, c.ID))
				}
				d.rows = append(d.rows, dr)
			}
		}
		d.colW = columnWidth(d.labels)
		out = append(out, d)
	}
	return out
}

func buildS4(d *dtable) {
	t := d.t
	results := append(append([]model.CaseResult{}, model.CaseResults...), model.ResultTotal)
	for _, r := range results {
		d.labels = append(d.labels, r.Label())
		c, _ := t.Column(model.S4Col(model.S4Groups[0], r))
		d.cols = append(d.cols, c)
	}
	for _, g := range model.S4Groups {
		tot, _ := t.Column(model.S4Col(g, model.ResultTotal))
		dr := drow{label: tot.Group}
		for _, r := range results {
			dr.cells = append(dr.cells, model.Addr(t.ID, t.Rows[0].ID, model.S4Col(g, r)))
		}
		d.rows = append(d.rows, dr)
	}
}

// columnWidth fits the labels in two header lines: 9 to 14 cells.
func columnWidth(labels []string) int {
	w := 9
	for _, l := range labels {
		lw := components.StringWidth(l)
		w = max(w, min(14, (lw+1)/2+2))
	}
	return w
}

// abbreviate shortens a row label for a narrow stub: the words after
// 政府信息公开 and a trailing parenthesis go (the full label is shown under
// the table for the row under the cursor).
func abbreviate(label string) string {
	if i := strings.Index(label, "政府信息公开"); i > 0 {
		label = label[:i]
	}
	if i := strings.Index(label, "（"); i > 0 {
		label = label[:i]
	}
	return label
}

// header splits a label into two lines of at most w cells.
func header(label string, w int) (string, string) {
	lines := components.Wrap(label, w)
	a, b := lines[0], ""
	if len(lines) > 1 {
		b = lines[1]
		if len(lines) > 2 {
			b = components.Fit(b+lines[2], w)
		}
	}
	return a, b
}
