// Package summary writes a county's aggregation (汇总) as one .xlsx
// workbook: every organ's figures side by side, the combined tables laid out
// like the official ones, and the list of organs with their status and
// whether they met the due date.
package summary

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"nianbao/export"
	"nianbao/model"
)

// Sheet names of the workbook.
const (
	SheetByOrgan  = "各单位数据"
	SheetCombined = "汇总表"
	SheetOrgans   = "报送情况"
)

// ByOrganHeads label the header rows of the by-organ sheet, in its first
// column: each table cell is a column, named by its table, row, column and
// address (表.行.列) in these four rows; the 合计 row follows, then one row
// per organ, so the sheet holds any number of organs (a spreadsheet has
// 16,384 columns but a million rows).
var ByOrganHeads = []string{"表格", "行", "列", "单元格地址"}

// TotalHead names the row of county totals.
const TotalHead = "合计"

// FileName is the workbook's file name: 汇总2021.xlsx.
func FileName(year int) string { return fmt.Sprintf("汇总%d.xlsx", year) }

// workbook writes the aggregation as an .xlsx workbook to out. Values are
// written as numbers, never formulas: counts as integers, 本年增/减 signed,
// money in the column's unit (万元). The organ rows are read from the
// organ list on disk as they are written (see splice). A failure of out
// is wrapped, not flattened into text, so that export.WriteVerifiedFrom
// still tells a full or write-protected stick by its error number.
func (a *Aggregation) workbook(out io.Writer) error {
	res := a.AggregateResult
	if res.Format == nil {
		return fmt.Errorf("%d年没有对应的国家年报格式，无法汇总", res.Year)
	}
	f := excelize.NewFile()
	defer f.Close()
	w := &writer{f: f}
	if err := w.styles(); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetByOrgan); err != nil {
		return err
	}
	for _, s := range []string{SheetCombined, SheetOrgans} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	w.combined(res)
	w.printSetup(SheetCombined, true)
	byOrgan := w.byOrganHead(res)
	organs := w.organsHead(res)
	if w.err != nil {
		return fmt.Errorf("生成汇总表失败：%w", w.err)
	}
	// The by-organ sheet is the first and so the active one; SetActiveSheet
	// would parse the streamed sheets back into memory.
	var head bytes.Buffer
	if err := f.Write(&head); err != nil {
		return fmt.Errorf("生成汇总表失败：%w", err)
	}
	// The sheets are the workbook's parts in the order they were made.
	err := splice(head.Bytes(), out, map[string]func(*rowWriter) error{
		"xl/worksheets/sheet1.xml": func(rw *rowWriter) error { return a.byOrganRows(rw, byOrgan) },
		"xl/worksheets/sheet3.xml": func(rw *rowWriter) error { return a.organRows(rw, organs) },
	})
	if err != nil {
		return fmt.Errorf("生成汇总表失败：%w", err)
	}
	return nil
}

type writer struct {
	f   *excelize.File
	err error
	// styles
	head, label, num, title, text int
	numFmt                        map[string]int
}

func (w *writer) styles() error {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := &excelize.Font{Family: "宋体", Size: 10.5}
	mk := func(s *excelize.Style) int {
		if w.err != nil {
			return 0
		}
		id, err := w.f.NewStyle(s)
		if err != nil {
			w.err = err
		}
		return id
	}
	w.head = mk(&excelize.Style{Border: border, Font: &excelize.Font{Family: "宋体", Size: 10.5, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	w.label = mk(&excelize.Style{Border: border, Font: font, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	w.text = mk(&excelize.Style{Border: border, Font: font, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	w.num = mk(&excelize.Style{Border: border, Font: font, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	w.title = mk(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 14, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	w.numFmt = map[string]int{}
	return w.err
}

// numStyle is the value style with an Excel number format.
func (w *writer) numStyle(format string) int {
	if format == "" || format == "0" || format == "General" {
		return w.num
	}
	if id, ok := w.numFmt[format]; ok {
		return id
	}
	fmtCopy := format
	id, err := w.f.NewStyle(&excelize.Style{
		Border: []excelize.Border{
			{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
		},
		Font:         &excelize.Font{Family: "宋体", Size: 10.5},
		Alignment:    &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		CustomNumFmt: &fmtCopy,
	})
	if err != nil {
		w.err = err
		return w.num
	}
	w.numFmt[format] = id
	return id
}

// printSetup prints a sheet on A4 landscape, as wide as one page when
// oneWide; otherwise at full size over as many pages as it takes.
func (w *writer) printSetup(sheet string, oneWide bool) {
	if w.err != nil {
		return
	}
	size, orient := 9, "landscape"
	if !oneWide {
		w.err = w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient})
		return
	}
	one, fit := 1, true
	if w.err = w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); w.err != nil {
		return
	}
	zero := 0
	w.err = w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero})
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

func cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func (w *writer) set(sheet string, col, row int, v any, style int) {
	if w.err != nil {
		return
	}
	c := cell(col, row)
	if err := w.f.SetCellValue(sheet, c, v); err != nil {
		w.err = err
		return
	}
	if style != 0 {
		w.err = w.f.SetCellStyle(sheet, c, c, style)
	}
}

// merge merges an area and styles every cell of it, so borders show on all of it.
func (w *writer) merge(sheet string, c1, r1, c2, r2, style int) {
	if w.err != nil {
		return
	}
	if c2 > c1 || r2 > r1 {
		if err := w.f.MergeCell(sheet, cell(c1, r1), cell(c2, r2)); err != nil {
			w.err = err
			return
		}
	}
	if style != 0 {
		w.err = w.f.SetCellStyle(sheet, cell(c1, r1), cell(c2, r2), style)
	}
}

// value is a table value as a spreadsheet number in the unit the report
// prints: money in the column's unit (万元), others as they are.
func value(c model.Column, x int64) any {
	if c.Kind == model.KindMoney {
		n, err := strconv.ParseFloat(model.FormatMoney(x, c.Unit), 64)
		if err == nil {
			return n
		}
	}
	return x
}

// moneyNumber is a money value in the column's unit as a decimal number
// (1.75 for 17,500 fen in 万元), for a row written by rowWriter.
func moneyNumber(c model.Column, x int64) string {
	s := model.FormatMoney(x, c.Unit)
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return strconv.FormatInt(x, 10)
	}
	return s
}

func numberFormat(c model.Column) string {
	if c.Kind == model.KindDelta {
		return "+0;-0;0"
	}
	return ""
}

// ColumnLabel names a column for the by-organ sheet; table 四's columns get
// their group (行政复议 结果维持), since the five labels repeat in each group.
func ColumnLabel(t *model.Table, c model.Column) string {
	if c.Group != "" {
		return c.Group + " " + c.Label
	}
	if c.Kind == model.KindMoney && !c.UnitInHeader && c.Unit != "" {
		return c.Label + "（" + c.Unit + "）"
	}
	return c.Label
}

// RowLabel names a row for the by-organ sheet.
func RowLabel(t *model.Table, r model.Row) string {
	if r.Label == "" && t.ID == model.TableS4 {
		return "案件数"
	}
	return r.FullLabel()
}

// stream starts the stream writer of a sheet after its page set-up.
func (w *writer) stream(sheet string, oneWide bool) *excelize.StreamWriter {
	w.printSetup(sheet, oneWide)
	if w.err != nil {
		return nil
	}
	sw, err := w.f.NewStreamWriter(sheet)
	w.err = err
	return sw
}

// row writes one row of a stream; values may be excelize.Cell.
func (w *writer) row(sw *excelize.StreamWriter, row int, values []any, height float64) {
	if w.err != nil {
		return
	}
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	w.err = sw.SetRow(cell(1, row), values, opts...)
}

// byOrganLayout is what the organ rows of the by-organ sheet need: where
// they start, and each cell's column, style and zero.
type byOrganLayout struct {
	first   int
	columns []model.Column
	styles  []int
	blank   int // the style of 未填
	label   int // the style of the organ's name
}

// byOrganHead starts the by-organ sheet: its page set-up, the title, the
// four header rows (a column per cell) and the 合计 row; the organ rows
// follow (byOrganRows).
func (w *writer) byOrganHead(res model.AggregateResult) byOrganLayout {
	cells := res.Format.AllCells()
	l := byOrganLayout{first: 3 + len(ByOrganHeads), styles: make([]int, len(cells)), columns: make([]model.Column, len(cells)), blank: w.text, label: w.label}
	// Two hundred columns do not fit one page: the sheet prints at full
	// size over several, each with the header rows and the organ names.
	sw := w.stream(SheetByOrgan, false)
	if w.err == nil {
		w.err = w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: SheetByOrgan,
			RefersTo: fmt.Sprintf("'%s'!$A:$A,'%s'!$2:$%d", SheetByOrgan, SheetByOrgan, 1+len(ByOrganHeads))})
	}
	if w.err != nil {
		return l
	}
	w.err = sw.SetColWidth(1, 1, 28)
	if w.err == nil {
		w.err = sw.SetColWidth(2, 1+len(cells), 14)
	}
	if w.err == nil {
		w.err = sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2 + len(ByOrganHeads), TopLeftCell: cell(2, 3+len(ByOrganHeads)), ActivePane: "bottomRight"})
	}
	w.row(sw, 1, []any{excelize.Cell{StyleID: w.title, Value: fmt.Sprintf("%d年政府信息公开工作年度报告各单位数据（%s表格，%d个单位）", res.Year, res.Format.Name, res.Counted)}}, 24)

	// The four header rows, a column per cell; a table's name and a row's
	// label are merged over their columns.
	heads := make([][]any, len(ByOrganHeads))
	for i, h := range ByOrganHeads {
		heads[i] = make([]any, 1, 1+len(cells))
		heads[i][0] = excelize.Cell{StyleID: w.head, Value: h}
	}
	merge := func(row, from, to int) {
		if w.err == nil && to > from {
			w.err = sw.MergeCell(cell(2+from, row), cell(2+to, row))
		}
	}
	i := 0
	for _, t := range res.Format.Tables {
		tableFrom := i
		for _, r := range t.Rows {
			rowFrom := i
			for _, c := range t.Columns {
				a := model.Addr(t.ID, r.ID, c.ID)
				heads[0] = append(heads[0], excelize.Cell{StyleID: w.head, Value: model.TableName(t)})
				heads[1] = append(heads[1], excelize.Cell{StyleID: w.head, Value: RowLabel(t, r)})
				heads[2] = append(heads[2], excelize.Cell{StyleID: w.head, Value: ColumnLabel(t, c)})
				heads[3] = append(heads[3], excelize.Cell{StyleID: w.label, Value: a.String()})
				l.styles[i] = w.numStyle(numberFormat(c))
				l.columns[i] = c
				i++
			}
			merge(3, rowFrom, i-1)
		}
		merge(2, tableFrom, i-1)
	}
	for i, h := range heads {
		w.row(sw, 2+i, h, []float64{30, 45, 42, 30}[i])
	}
	// The totals.
	total := make([]any, 1+len(cells))
	total[0] = excelize.Cell{StyleID: w.label, Value: TotalHead}
	for i, a := range cells {
		total[1+i] = excelize.Cell{StyleID: l.styles[i], Value: value(l.columns[i], res.Totals[a])}
	}
	w.row(sw, 2+len(ByOrganHeads), total, 0)
	if w.err == nil {
		w.err = sw.Flush()
	}
	return l
}

// byOrganRows writes a row per counted organ, in the order of the organ
// list: its name, then its value of every cell (未填 where it left one
// blank).
func (a *Aggregation) byOrganRows(rw *rowWriter, l byOrganLayout) error {
	vals := make([]int64, len(l.columns))
	blank := make([]bool, len(l.columns))
	n := l.first
	return a.EachOrgan(func(o model.AggregateOrgan) error {
		if !o.Counted() {
			return nil
		}
		clear(vals)
		clear(blank)
		o.Row.Each(func(i int, x int64) { vals[i] = x })
		for _, i := range o.Blank {
			blank[i] = true
		}
		rw.begin(n)
		n++
		rw.text(1, l.label, o.Name)
		for i, c := range l.columns {
			switch {
			case blank[i]:
				// Blank is not 0: the organ's cell says 未填.
				rw.text(2+i, l.blank, BlankCell)
			case c.Kind == model.KindMoney:
				rw.number(2+i, l.styles[i], moneyNumber(c, vals[i]))
			default:
				rw.int(2+i, l.styles[i], vals[i])
			}
		}
		return rw.end()
	})
}

// combined lays out the county's tables as the official ones, built by the
// same export.Build every report uses from an organ-year that holds the
// totals as typed values.
func (w *writer) combined(res model.AggregateResult) {
	s := SheetCombined
	r := &model.Report{Year: res.Year, FormatID: res.Format.ID, Values: model.Values{}, Mode3: model.Typed, Mode4: model.Typed, Art20Mode: model.Typed}
	for a, x := range res.Totals {
		r.Values[a] = x
	}
	doc := export.Build(&model.OrganYear{Organ: model.Organ{Name: "汇总"}, Report: r}, export.BuildOptions{})
	w.set(s, 1, 1, fmt.Sprintf("%d年政府信息公开工作年度报告汇总表（%d个单位合计）", res.Year, res.Counted), w.title)
	if note := res.IncompleteNote(); note != "" {
		w.set(s, 1, 2, note, w.title)
	}
	row := 3
	section := ""
	maxWidth := 0
	for _, b := range doc.Body {
		if b.Kind == export.KindHeading && b.Level == 0 {
			section = b.Text
			continue
		}
		if b.Kind != export.KindTable || b.Table == nil {
			continue
		}
		title := section
		if b.Table.Caption != "" {
			title += " " + b.Table.Caption
		}
		w.set(s, 1, row, title, w.title)
		row++
		g := b.Table.Layout()
		if g.Width > maxWidth {
			maxWidth = g.Width
		}
		for _, p := range g.Cells {
			st := w.text
			var v any = p.Text
			switch {
			case p.Numeric:
				v = p.Num
				st = w.numStyle(p.NumFormat)
			case p.Header && p.Align == export.AlignLeft:
				st = w.label
			case p.Header:
				st = w.head
			}
			w.set(s, p.Col+1, row+p.Row, v, st)
			w.merge(s, p.Col+1, row+p.Row, p.Col+p.Cols, row+p.Row+p.Rows-1, st)
		}
		row += g.Height + 1
	}
	if w.err == nil && maxWidth > 0 {
		w.err = w.f.SetColWidth(s, "A", colName(maxWidth), 12)
	}
}

// BlankCell is what 各单位数据 shows in an organ's cell that has no value.
const BlankCell = "未填"

// OrganHeads are the column headers of the organ list.
var OrganHeads = []string{"序号", "单位", "状态", "错误", "提示", "报送日期", "截止日期", "按时报送", "报送包", "说明"}

// organsHead starts the organ list: its page set-up, the title and the
// header row; the organ rows follow (organRows).
func (w *writer) organsHead(res model.AggregateResult) organsLayout {
	sw := w.stream(SheetOrgans, true)
	if w.err != nil {
		return organsLayout{}
	}
	for i, wd := range []float64{6, 28, 10, 8, 8, 12, 12, 12, 40, 40} {
		if w.err == nil {
			w.err = sw.SetColWidth(i+1, i+1, wd)
		}
	}
	w.row(sw, 1, []any{excelize.Cell{StyleID: w.title, Value: fmt.Sprintf("%d年政府信息公开工作年度报告报送情况", res.Year)}}, 24)
	heads := make([]any, len(OrganHeads))
	for i, h := range OrganHeads {
		heads[i] = excelize.Cell{StyleID: w.head, Value: h}
	}
	w.row(sw, 2, heads, 0)
	if w.err == nil {
		w.err = sw.Flush()
	}
	return organsLayout{first: 3, text: w.text, label: w.label}
}

// organsLayout is what the rows of the organ list need.
type organsLayout struct {
	first       int
	text, label int
}

// organRows writes a row per organ of the organ list, in its order.
func (a *Aggregation) organRows(rw *rowWriter, l organsLayout) error {
	n := 0
	return a.EachOrgan(func(o model.AggregateOrgan) error {
		rw.begin(l.first + n)
		n++
		rw.int(1, l.text, int64(n))
		rw.text(2, l.label, o.Name)
		rw.text(3, l.text, o.Status.Label())
		if o.Status == model.AggMissing {
			rw.text(4, l.text, "")
			rw.text(5, l.text, "")
		} else {
			rw.int(4, l.text, int64(o.Errors))
			rw.int(5, l.text, int64(o.Warnings))
		}
		rw.text(6, l.text, o.Submitted.String())
		rw.text(7, l.text, o.Due.String())
		rw.text(8, l.text, o.DueLabel())
		rw.text(9, l.label, o.Source)
		rw.text(10, l.label, o.Note)
		return rw.end()
	})
}
