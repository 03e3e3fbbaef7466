package export

import (
	"regexp"
	"strconv"
	"strings"

	"nianbao/model"
)

// BuildOptions tunes Build.
type BuildOptions struct {
	// Draft marks every page of the output as 草稿.
	Draft bool
	// Today is the export date, printed when the report has no date of its own.
	Today model.Date
}

// DraftNote is printed under the title of a draft.
const DraftNote = "（草稿：本稿尚未通过检查，不得作为正式报告公开）"

// Build turns an organ-year into the one neutral Document every renderer
// reads. It reads only public fields: the organ profile, the report, the
// tables computed by model.EffectiveValues, the measures and, for the fee
// sentence, the fee fields of the request log. Applicant personal data is
// never read.
func Build(oy *model.OrganYear, opt BuildOptions) *Document {
	r := oy.Report
	f := r.Format()
	var v model.Values
	if f != nil {
		v = model.EffectiveValues(oy)
	}
	d := &Document{
		Title:      model.Title(oy.Organ.Name, r.Year),
		TitleLines: TitleLines(oy.Organ.Name, r.Year),
		Draft:      opt.Draft,
		Organ:      oy.Organ.Name,
		Year:       r.Year,
	}
	if opt.Draft {
		d.DraftNote = DraftNote
	}
	for _, p := range splitParagraphs(model.PreambleText(oy)) {
		d.Body = append(d.Body, Block{Kind: KindParagraph, Text: p, Align: bodyAlign(p)})
	}
	for s := 1; s <= 6; s++ {
		d.Body = append(d.Body, Block{Kind: KindHeading, Level: 0, Text: model.SectionTitles[s]})
		d.Body = append(d.Body, narrative(r.SectionBlocks(s))...)
		if f == nil {
			continue // a year before the national formats: no tables to print
		}
		switch s {
		case 2:
			if t := section2Table(f, v); t != nil {
				t.Caption = tableCaption(s)
				d.Body = append(d.Body, Block{Kind: KindTable, Table: t})
			}
		case 3, 4:
			for _, mt := range f.SectionTables(s) {
				t := convertTable(mt, v, 0)
				if t.Caption == "" {
					t.Caption = tableCaption(s)
				}
				d.Body = append(d.Body, Block{Kind: KindTable, Table: t})
			}
		case 5:
			d.Body = append(d.Body, measureBlocks(r.Year, oy.Measures)...)
		case 6:
			if f.ID != "2019" {
				d.Body = append(d.Body, Block{Kind: KindParagraph, Text: FeeSentence(Fees(oy))})
			}
		}
	}
	d.Date = model.ReportDate(r, opt.Today)
	d.Signature = []string{oy.Organ.Name, d.Date.Chinese()}
	return d
}

// splitParagraphs splits text typed with line breaks into paragraphs,
// dropping empty lines.
func splitParagraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var (
	level1Prefix = regexp.MustCompile(`^\s*[（(][一二三四五六七八九十百〇零]+[）)]`)
	level2Prefix = regexp.MustCompile(`^\s*[0-9０-９]+\s*[.．、]`)
)

// narrative turns a section's blocks into document blocks, numbering the
// headings by position: level 1 （一）（二）…, level 2 1. 2. … restarting
// under each level 1 heading. A heading the clerk already numbered is
// printed as typed. Empty blocks are left out.
func narrative(blocks []model.Block) []Block {
	var out []Block
	n1, n2 := 0, 0
	for _, b := range blocks {
		text := strings.TrimSpace(b.Text)
		if text == "" {
			continue
		}
		if b.Kind == model.BlockHeading {
			level := b.Level
			if level < 1 {
				level = 1
			}
			if level > 2 {
				level = 2
			}
			if level == 1 {
				n1++
				n2 = 0
				if !level1Prefix.MatchString(text) {
					text = "（" + ChineseNumber(n1) + "）" + text
				}
			} else {
				n2++
				if !level2Prefix.MatchString(text) {
					text = strconv.Itoa(n2) + "." + text
				}
			}
			out = append(out, Block{Kind: KindHeading, Level: level, Text: text})
			continue
		}
		for _, p := range splitParagraphs(text) {
			out = append(out, Block{Kind: KindParagraph, Text: p, Align: bodyAlign(p)})
		}
	}
	return out
}

// ChineseNumber writes 1…99 as 一…九十九.
func ChineseNumber(n int) string {
	digits := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0:
		return digits[0]
	case n < 10:
		return digits[n]
	case n < 100:
		s := ""
		if n/10 > 1 {
			s = digits[n/10]
		}
		s += "十"
		if n%10 != 0 {
			s += digits[n%10]
		}
		return s
	}
	return strconv.Itoa(n)
}

// section2Table prints every section 二 table of the format as one grid with
// a merged caption row before each part, the common practice. A part with
// fewer columns than the widest widens its last column to the grid's width.
func section2Table(f *model.Format, v model.Values) *Table {
	ts := f.SectionTables(2)
	if len(ts) == 0 {
		return nil
	}
	width := 0
	for _, mt := range ts {
		if w := mt.StubWidth + len(mt.Columns); w > width {
			width = w
		}
	}
	out := &Table{}
	for _, mt := range ts {
		out.Rows = append(out.Rows, []Cell{{Text: mt.Caption, ColSpan: width, Header: true, Align: AlignCenter}})
		part := convertTable(mt, v, width)
		out.Rows = append(out.Rows, part.Rows...)
	}
	return out
}

// convertTable prints one format table: its header in HTML semantics, then
// each row with its stub (group labels merged down consecutive rows, the row
// label spanning the stub columns its path leaves free) and every data cell
// filled, 0 included. A width larger than the table's own widens the cells
// on its right edge.
func convertTable(mt *model.Table, v model.Values, width int) *Table {
	t := &Table{Caption: mt.Caption, HeaderRows: len(mt.Header)}
	if width > 0 {
		// Part of a combined grid: its caption is a row of that grid.
		t.Caption = ""
	}
	for _, hr := range mt.Header {
		var row []Cell
		for _, h := range hr {
			row = append(row, Cell{Text: h.Label, RowSpan: h.RowSpan, ColSpan: h.ColSpan, Header: true, Align: AlignCenter})
		}
		t.Rows = append(t.Rows, row)
	}
	for i, r := range mt.Rows {
		var row []Cell
		if mt.StubWidth > 0 {
			for depth := range r.Path {
				if i > 0 && samePrefix(mt.Rows[i-1].Path, r.Path, depth+1) {
					continue // covered by the merged cell above
				}
				span := 1
				for j := i + 1; j < len(mt.Rows) && samePrefix(mt.Rows[j].Path, r.Path, depth+1); j++ {
					span++
				}
				row = append(row, Cell{Text: r.Path[depth], RowSpan: span, ColSpan: 1, Header: true, Align: AlignCenter})
			}
			span := mt.StubWidth - len(r.Path)
			if span < 1 {
				span = 1
			}
			row = append(row, Cell{Text: r.Label, RowSpan: 1, ColSpan: span, Header: true, Align: AlignLeft})
		}
		for _, c := range mt.Columns {
			x, ok := v[model.Addr(mt.ID, r.ID, c.ID)]
			if !ok {
				// 未填 (or a total with a 未填 part): never printed as 0. Only
				// a draft gets here; the formal export refuses it (rule U1).
				row = append(row, Cell{RowSpan: 1, ColSpan: 1, Align: AlignCenter})
				continue
			}
			row = append(row, valueCell(c, x))
		}
		t.Rows = append(t.Rows, row)
	}
	if own := mt.StubWidth + len(mt.Columns); width > own {
		widen(t, own, width)
	}
	return t
}

// valueCell prints one value with model.FormatCell and keeps the number for
// spreadsheets.
func valueCell(c model.Column, x int64) Cell {
	cell := Cell{Text: model.FormatCell(c, x), RowSpan: 1, ColSpan: 1, Align: AlignCenter, Numeric: true, Num: float64(x), NumFormat: "0"}
	switch c.Kind {
	case model.KindDelta:
		cell.NumFormat = "+0;-0;0"
	case model.KindMoney:
		n, err := strconv.ParseFloat(model.FormatMoney(x, c.Unit), 64)
		if err != nil {
			// FormatMoney always prints a plain decimal; keep the text only.
			cell.Numeric = false
			break
		}
		cell.Num = n
		cell.NumFormat = "General"
		if !c.UnitInHeader {
			u := c.Unit
			if u == "" {
				u = "元"
			}
			cell.NumFormat = `General"` + u + `"`
		}
	}
	return cell
}

func samePrefix(a, b []string, n int) bool {
	if len(a) < n || len(b) < n {
		return false
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// widen stretches every cell that ends on the right edge (own) of t to width.
func widen(t *Table, own, width int) {
	g := t.Layout()
	k := 0
	for r := range t.Rows {
		for c := range t.Rows[r] {
			p := g.Cells[k]
			k++
			if p.Col+p.Cols == own {
				t.Rows[r][c].ColSpan = p.Cols + width - own
			}
		}
	}
}

// measureBlocks lists the improvement measures of the year as numbered
// paragraphs after section 五's narrative.
func measureBlocks(year int, ms []model.Measure) []Block {
	var out []Block
	n := 0
	for _, m := range ms {
		if !m.PrintedIn(year) {
			continue
		}
		problem := strings.TrimRight(strings.TrimSpace(m.Problem), "。；;，,")
		measure := strings.TrimRight(strings.TrimSpace(m.Measure), "。；;，,")
		if problem == "" && measure == "" {
			continue
		}
		n++
		var b strings.Builder
		b.WriteString(strconv.Itoa(n) + ".")
		if problem != "" {
			b.WriteString("问题：" + problem + "。")
		}
		if measure != "" {
			b.WriteString("改进措施：" + measure + "。")
		}
		var extra []string
		if s := strings.TrimSpace(m.Responsible); s != "" {
			extra = append(extra, "责任部门："+s)
		}
		if !m.Due.IsZero() {
			extra = append(extra, "完成时限："+m.Due.Chinese())
		}
		if m.Status != "" {
			extra = append(extra, "进展："+m.Status.Label())
		}
		if len(extra) > 0 {
			b.WriteString(strings.Join(extra, "；") + "。")
		}
		out = append(out, Block{Kind: KindParagraph, Text: b.String(), Align: bodyAlign(b.String())})
	}
	return out
}

// tableCaption names the table of section s as the report's own tables
// are named (表二, 表三, 表四) followed by what it counts.
func tableCaption(s int) string {
	title := model.SectionTitles[s]
	if i := strings.Index(title, "、"); i >= 0 {
		return "表" + title[:i] + "　" + title[i+len("、"):]
	}
	return title
}

// longUnbreakable is the length from which a run of Latin letters, digits
// and punctuation (an e-mail or web address) makes a justified line before
// it stretch visibly: a 28-character line holds about 50 such characters,
// and at 16 the line before it loses a third of its width.
const longUnbreakable = 16

// bodyAlign is AlignRagged for a paragraph holding a long unbreakable run
// and AlignJustify otherwise.
func bodyAlign(p string) Align {
	n := 0
	for _, r := range p {
		if r > ' ' && r < 0x7f {
			n++
			if n >= longUnbreakable {
				return AlignRagged
			}
			continue
		}
		n = 0
	}
	return AlignJustify
}

// titleLineWidth is the display width of one title line: 20 characters of
// 22 pt on the 156 mm text block.
const titleLineWidth = 40

// TitleLines breaks the title 「{organ}{year}年政府信息公开工作年度报告」 as
// printed reports do: on one line when it fits, otherwise the organ name on
// its own line(s) and 「{year}年政府信息公开工作年度报告」 below. Each line
// lists the words it may break between (organ names split after the
// administrative level: 内蒙古自治区 · 呼伦贝尔市 · 大雁镇 · 人民政府).
func TitleLines(organ string, year int) [][]string {
	organWords := organWordsOf(organ)
	yearWords := []string{strconv.Itoa(year) + "年", "政府信息公开", "工作年度报告"}
	if textWidth(model.Title(organ, year)) <= titleLineWidth {
		return [][]string{append(organWords, yearWords...)}
	}
	var lines [][]string
	var cur []string
	w := 0
	for _, word := range organWords {
		ww := textWidth(word)
		if w > 0 && w+ww > titleLineWidth {
			lines = append(lines, cur)
			cur, w = nil, 0
		}
		cur = append(cur, word)
		w += ww
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return append(lines, yearWords)
}

// organBreaks are the words after which an organ name may break: the
// administrative levels and the common kinds of organ.
var organBreaks = []string{"自治区", "自治州", "自治县", "自治旗", "省", "市", "盟", "地区", "县", "旗", "区", "镇", "乡", "苏木", "街道办事处", "街道", "人民政府", "办公室", "委员会"}

// organWordsOf splits an organ name into words at organBreaks, never
// leaving a word of one character and never splitting 市场 or 区域.
func organWordsOf(organ string) []string {
	rs := []rune(organ)
	var words []string
	start := 0
	for i := 0; i < len(rs); {
		matched := 0
		for _, b := range organBreaks {
			br := []rune(b)
			if i+len(br) <= len(rs) && string(rs[i:i+len(br)]) == b {
				matched = len(br)
				break
			}
		}
		if matched == 0 {
			i++
			continue
		}
		end := i + matched
		next := ""
		if end < len(rs) {
			next = string(rs[end])
		}
		if end-start >= 2 && len(rs)-end >= 2 && next != "场" && next != "域" && next != "委" && next != "人" {
			words = append(words, string(rs[start:end]))
			start = end
		}
		i = end
	}
	// 「人民政府」 stands on its own after a place name.
	if tail := string(rs[start:]); start < len(rs) {
		if strings.HasSuffix(tail, "人民政府") && len([]rune(tail)) > 5 {
			words = append(words, strings.TrimSuffix(tail, "人民政府"), "人民政府")
		} else {
			words = append(words, tail)
		}
	}
	return words
}

// Fees returns the year's 信息处理费 summary: computed from the fee fields
// of the request log (model.FeesOfYear) when any request carries a fee
// notice or a payment, otherwise the summary typed on the report.
func Fees(oy *model.OrganYear) model.FeeSummary {
	for i := range oy.Requests {
		if q := &oy.Requests[i]; !q.FeeNotice.IsZero() || !q.FeePaid.IsZero() {
			return model.FeesOfYear(oy.Report.Year, oy.Requests)
		}
	}
	return oy.Report.Fees
}

// FeeSentence reports the fee summary in one sentence for section 六.
func FeeSentence(s model.FeeSummary) string {
	if s.Notices == 0 && s.Collected == 0 {
		return "本年度未发出信息处理费收费通知，未收取信息处理费。"
	}
	return "本年度共发出信息处理费收费通知" + strconv.Itoa(s.Notices) + "件，收取信息处理费" +
		model.FormatMoney(s.Collected, "元") + "元。"
}
