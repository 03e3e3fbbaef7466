// Package corpus holds real published reports as regression tests for the
// checks: each report's text and table cells as the public source shows
// them (source.txt, with its URL), the same report as a bundle
// (report.json, what the program reads), and the findings the program must
// raise on it (expected.txt, each justified by hand). Mutants plant
// contradictions in each report to measure what the checks catch.
//
// The format of source.txt (UTF-8, one item a line):
//
//	url: the page the text was taken from
//	organ: the organ's full name          level: township | county_dep | county_gov | other
//	year: the report year                  note: free text (how much of the page the source held)
//	format: 2019                           the national format the published tables use, when it is not
//	                                       the year's (a 2021 report printed on the 2019 tables)
//	unknown: s3 s4     tables the source does not show: findings that compare with them are not counted
//	zero: s3 「sentence」  a table the source does not show but the report's own sentence pins at 0
//	cell: s2_1 normative issued 3          one cell as printed (money as printed, e.g. 20.001万元)
//	row: s3 o1 27 0 0 2 0 1 30             a whole row, its cells in column order; _ is a cell printed blank
//	source: where the text was read        the repository and path (or index id) the copy came from
//	prev: 2021-pingtan                     last year's report of the same organ (a corpus folder), used as
//	                                       the year before for the year-over-year and copy rules
//	cut: 1                                 the section the source stops in (the rest of the page was not stored)
//	== N                                   the paragraphs of section N follow (0 is the preamble), one a line
//	                                       (row: and cell: lines may follow the paragraphs)
package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"nianbao/model"
)

// Report is one corpus report.
type Report struct {
	Dir     string
	URL     string
	Note    string
	OY      *model.OrganYear
	Unknown map[string]bool   // table ids the source does not show
	Zero    map[string]string // table id → the sentence that pins it at 0
	// Cut is the section the source stops in (0: the whole report). The
	// sections from Cut on are incomplete, so the rules on a missing or
	// empty part are not counted there.
	Cut int
	// Source names the copy the text was read from (repository and path).
	Source string
	// Prev is the corpus folder of the organ's report of the year before.
	Prev string
	// Blank lists the cells the source prints blank (entered as 0).
	Blank []model.CellAddress
}

// Full reports whether the source holds the whole report: every section
// and every table cell.
func (r *Report) Full() bool { return r.Cut == 0 && len(r.Unknown) == 0 }

// completeness are the rules that report a part of the report missing.
var completeness = map[string]bool{"N7": true, "B1": true, "B2": true, "B3": true}

// Load reads dir/source.txt.
func Load(dir string) (*Report, error) {
	f, err := os.Open(filepath.Join(dir, "source.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rep := &Report{Dir: dir, Unknown: map[string]bool{}, Zero: map[string]string{}}
	organ := model.Organ{ID: 1}
	var r *model.Report
	section := -1
	var pre []string
	var blocks []model.Block
	var cells, rows [][]string
	formatID := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if section >= 0 && !strings.HasPrefix(line, "== ") && !strings.HasPrefix(line, "row: ") && !strings.HasPrefix(line, "cell: ") {
			if t := strings.TrimSpace(line); t != "" {
				if section == 0 {
					pre = append(pre, t)
				} else {
					blocks = append(blocks, model.Block{ID: int64(len(blocks) + 1), Section: section, Kind: model.BlockParagraph, Text: t})
				}
			}
			continue
		}
		if strings.HasPrefix(line, "== ") {
			s, err := strconv.Atoi(strings.TrimSpace(line[3:]))
			if err != nil || s < 0 || s > 6 {
				return nil, fmt.Errorf("%s:%d: bad section %q", dir, n, line)
			}
			section = s
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: expected key: value, got %q", dir, n, line)
		}
		val = strings.TrimSpace(val)
		switch key {
		case "url":
			rep.URL = val
		case "note":
			rep.Note = val
		case "cut":
			c, err := strconv.Atoi(val)
			if err != nil || c < 0 || c > 6 {
				return nil, fmt.Errorf("%s:%d: bad cut %q", dir, n, val)
			}
			rep.Cut = c
		case "organ":
			organ.Name = val
		case "level":
			organ.Level = model.OrganLevel(val)
		case "year":
			y, err := strconv.Atoi(val)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad year", dir, n)
			}
			r = model.NewReport(1, y)
			r.ID = 1
			r.Mode3, r.Mode4 = model.Typed, model.Typed
			r.Blocks = nil
		case "unknown":
			for _, t := range strings.Fields(val) {
				rep.Unknown[t] = true
			}
		case "zero":
			t, why, _ := strings.Cut(val, " ")
			rep.Zero[t] = strings.TrimSpace(why)
		case "cell":
			cells = append(cells, strings.Fields(val))
		case "row":
			rows = append(rows, strings.Fields(val))
		case "source":
			rep.Source = val
		case "format":
			if model.FormatByID(val) == nil {
				return nil, fmt.Errorf("%s:%d: no format %q", dir, n, val)
			}
			formatID = val
		case "prev":
			rep.Prev = val
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q", dir, n, key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if r == nil || organ.Name == "" || rep.URL == "" {
		return nil, fmt.Errorf("%s: url, organ and year are required", dir)
	}
	if formatID != "" {
		r.FormatID = formatID
	}
	fm := r.Format()
	for _, rw := range rows {
		if len(rw) < 3 {
			return nil, fmt.Errorf("%s: row %v: want table row and the cells", dir, rw)
		}
		t := fm.Table(rw[0])
		if t == nil {
			return nil, fmt.Errorf("%s: row %v: no table %s in the %s format", dir, rw, rw[0], fm.Name)
		}
		if _, ok := t.Row(rw[1]); !ok {
			return nil, fmt.Errorf("%s: row %v: no row %s in table %s", dir, rw, rw[1], rw[0])
		}
		if len(rw)-2 != len(t.Columns) {
			return nil, fmt.Errorf("%s: row %v: %d cells, table %s has %d columns", dir, rw, len(rw)-2, rw[0], len(t.Columns))
		}
		for i, col := range t.Columns {
			v := rw[2+i]
			if v == "_" {
				rep.Blank = append(rep.Blank, model.Addr(rw[0], rw[1], col.ID))
				v = "0"
			}
			cells = append(cells, []string{rw[0], rw[1], col.ID, v})
		}
	}
	for _, c := range cells {
		if len(c) != 4 {
			return nil, fmt.Errorf("%s: cell %v: want table row column value", dir, c)
		}
		t := fm.Table(c[0])
		if t == nil {
			return nil, fmt.Errorf("%s: cell %v: no table %s in the %s format", dir, c, c[0], fm.Name)
		}
		col, ok := t.Column(c[2])
		if _, rok := t.Row(c[1]); !ok || !rok {
			return nil, fmt.Errorf("%s: cell %v: no such row or column", dir, c)
		}
		var v int64
		var err error
		if col.Kind == model.KindMoney {
			v, err = model.ParseMoney(c[3], col.Unit)
		} else {
			v, err = strconv.ParseInt(strings.TrimPrefix(c[3], "+"), 10, 64)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: cell %v: %v", dir, c, err)
		}
		r.Values[model.Addr(c[0], c[1], c[2])] = v
	}
	// source.txt lists the cells that are not 0: every other cell of a
	// table the source prints is 0 as printed, not 未填 (rule U1). The
	// tables it does not show read as 0 too; findings on them are not
	// counted (Counted).
	model.ZeroBlanks(r)
	// A cell the source does not give is 0, as the printed tables show it
	// (blank cells, written _, included; an unknown table is taken as 0 and
	// its findings are not counted).
	model.ZeroBlanks(r)
	r.Preamble.Text = strings.Join(pre, "\n")
	for i := range blocks {
		blocks[i].Pos = i
	}
	r.Blocks = blocks
	rep.OY = &model.OrganYear{Organ: organ, Report: r}
	return rep, nil
}

// LoadAll reads every report under root, in directory order.
func LoadAll(root string) ([]*Report, error) {
	ents, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var out []*Report
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		r, err := Load(filepath.Join(root, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	byName := map[string]*Report{}
	for _, r := range out {
		byName[filepath.Base(r.Dir)] = r
	}
	for _, r := range out {
		if r.Prev == "" {
			continue
		}
		p := byName[r.Prev]
		if p == nil {
			return nil, fmt.Errorf("%s: prev %s is not a corpus folder", r.Dir, r.Prev)
		}
		if p.OY.Report.Year != r.OY.Report.Year-1 {
			return nil, fmt.Errorf("%s: prev %s is the report of %d, not of %d", r.Dir, r.Prev, p.OY.Report.Year, r.OY.Report.Year-1)
		}
		pr := p.OY.Report
		r.OY.Prev = &model.PrevYear{Year: pr.Year, FormatID: pr.Format().ID, Values: model.EffectiveValues(p.OY), Blocks: append([]model.Block(nil), pr.Blocks...)}
	}
	return out, nil
}

// tableWords name each table in finding messages.
var tableWords = map[string][]string{
	model.TableS3: {"表三"},
	model.TableS4: {"表四"},
}

// Counted reports whether a finding stands on what the source shows: a
// finding located in, or comparing with, a table the source does not show
// is not counted (the published table may well agree).
func (r *Report) Counted(f model.Finding) bool {
	if r.Cut > 0 && completeness[f.Rule] && (f.Section >= r.Cut || f.Section == 0) {
		return false
	}
	if r.Unknown[f.Cell.Table] {
		return false
	}
	for t := range r.Unknown {
		for _, w := range tableWords[t] {
			if strings.Contains(f.Message, w) {
				return false
			}
		}
	}
	return true
}

// Check runs every rule on the report (or on oy, a mutant of it) and keeps
// the findings that count.
func (r *Report) Check(oy *model.OrganYear) []model.Finding {
	var out []model.Finding
	for _, f := range model.Check(oy, model.DefaultCalendar(), 0) {
		if r.Counted(f) {
			out = append(out, f)
		}
	}
	return out
}

// Line is a finding as expected.txt writes it: rule, severity, message.
func Line(f model.Finding) string {
	sev := "提示"
	if f.Severity == model.Error {
		sev = "错误"
	}
	return f.Rule + " " + sev + " " + f.Message
}

// ReadExpected reads dir/expected.txt: one finding a line as Line writes
// it; lines starting with # (the justification) and blank lines are skipped.
func ReadExpected(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out, nil
}
