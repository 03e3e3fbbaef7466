// Package summary writes a county's aggregation (汇总) as one .xlsx
// workbook: every organ's figures side by side, the combined tables laid out
// like the official ones, and the list of organs with their status and
// whether they met the due date.
package summary

import (
	"fmt"
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

// Column headers of the by-organ sheet before the organ columns.
var byOrganHeads = []string{"表格", "行", "列", "单元格地址"}

// TotalHead heads the column of county totals.
const TotalHead = "合计"

// FileName is the workbook's file name: 汇总2021.xlsx.
func FileName(year int) string { return fmt.Sprintf("汇总%d.xlsx", year) }

// Workbook writes the aggregation as an .xlsx workbook. Values are written
// as numbers, never formulas: counts as integers, 本年增/减 signed, money in
// the column's unit (万元).
func Workbook(res model.AggregateResult) ([]byte, error) {
	if res.Format == nil {
		return nil, fmt.Errorf("%d年没有对应的国家年报格式，无法汇总", res.Year)
	}
	f := excelize.NewFile()
	defer f.Close()
	w := &writer{f: f}
	if err := w.styles(); err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", SheetByOrgan); err != nil {
		return nil, err
	}
	for _, s := range []string{SheetCombined, SheetOrgans} {
		if _, err := f.NewSheet(s); err != nil {
			return nil, err
		}
	}
	w.byOrgan(res)
	w.combined(res)
	w.organs(res)
	if w.err != nil {
		return nil, fmt.Errorf("生成汇总表失败：%v", w.err)
	}
	for _, s := range []string{SheetByOrgan, SheetCombined, SheetOrgans} {
		w.printSetup(s)
	}
	if w.err != nil {
		return nil, fmt.Errorf("生成汇总表失败：%v", w.err)
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("生成汇总表失败：%v", err)
	}
	return buf.Bytes(), nil
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

// printSetup prints a sheet on A4 landscape, as wide as one page.
func (w *writer) printSetup(sheet string) {
	if w.err != nil {
		return
	}
	size, orient, one, fit := 9, "landscape", 1, true
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

func numberFormat(c model.Column) string {
	if c.Kind == model.KindDelta {
		return "+0;-0;0"
	}
	return ""
}

// ColumnLabel names a column for the by-organ sheet; table 四's columns get
// their group (行政复议 结果维持), since the five labels repeat in each group.
func ColumnLabel(t *model.Table, c model.Column) string {
	if t.ID == model.TableS4 {
		for _, g := range model.S4Groups {
			for _, r := range append(append([]model.CaseResult{}, model.CaseResults...), model.ResultTotal) {
				if model.S4Col(g, r) == c.ID {
					return model.CaseKind(g).Label() + " " + c.Label
				}
			}
		}
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

func (w *writer) byOrgan(res model.AggregateResult) {
	s := SheetByOrgan
	organs := res.CountedOrgans()
	w.set(s, 1, 1, fmt.Sprintf("%d年政府信息公开工作年度报告各单位数据（%s表格，%d个单位）", res.Year, res.Format.Name, len(organs)), w.title)
	heads := append([]string{}, byOrganHeads...)
	for _, o := range organs {
		heads = append(heads, o.Name)
	}
	heads = append(heads, TotalHead)
	for i, h := range heads {
		w.set(s, i+1, 2, h, w.head)
	}
	row := 3
	for _, t := range res.Format.Tables {
		for _, r := range t.Rows {
			for _, c := range t.Columns {
				a := model.Addr(t.ID, r.ID, c.ID)
				w.set(s, 1, row, model.TableName(t), w.label)
				w.set(s, 2, row, RowLabel(t, r), w.label)
				w.set(s, 3, row, ColumnLabel(t, c), w.label)
				w.set(s, 4, row, a.String(), w.label)
				st := w.numStyle(numberFormat(c))
				for i, o := range organs {
					w.set(s, 5+i, row, value(c, o.Values.Get(a)), st)
				}
				w.set(s, 5+len(organs), row, value(c, res.Totals.Get(a)), st)
				row++
			}
		}
	}
	if w.err != nil {
		return
	}
	w.err = w.f.SetColWidth(s, "A", "A", 14)
	if w.err == nil {
		w.err = w.f.SetColWidth(s, "B", "B", 44)
	}
	if w.err == nil {
		w.err = w.f.SetColWidth(s, "C", "C", 26)
	}
	if w.err == nil {
		w.err = w.f.SetColWidth(s, "D", "D", 20)
	}
	if w.err == nil {
		w.err = w.f.SetColWidth(s, "E", colName(5+len(organs)), 14)
	}
	if w.err == nil {
		w.err = w.f.SetPanes(s, &excelize.Panes{Freeze: true, XSplit: 4, YSplit: 2, TopLeftCell: "E3", ActivePane: "bottomRight"})
	}
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

// OrganHeads are the column headers of the organ list.
var OrganHeads = []string{"序号", "单位", "状态", "错误", "提示", "报送日期", "截止日期", "按时报送", "报送包", "说明"}

func (w *writer) organs(res model.AggregateResult) {
	s := SheetOrgans
	w.set(s, 1, 1, fmt.Sprintf("%d年政府信息公开工作年度报告报送情况", res.Year), w.title)
	for i, h := range OrganHeads {
		w.set(s, i+1, 2, h, w.head)
	}
	for i, o := range res.Organs {
		row := 3 + i
		vals := []any{i + 1, o.Name, o.Status.Label(), o.Errors, o.Warnings, o.Submitted.String(), o.Due.String(), o.DueLabel(), o.Source, o.Note}
		if o.Status == model.AggMissing {
			vals[3], vals[4] = "", ""
		}
		for j, v := range vals {
			st := w.text
			if j == 1 || j == 8 || j == 9 {
				st = w.label
			}
			w.set(s, j+1, row, v, st)
		}
	}
	widths := []float64{6, 28, 10, 8, 8, 12, 12, 12, 40, 40}
	for i, wd := range widths {
		if w.err != nil {
			return
		}
		w.err = w.f.SetColWidth(s, colName(i+1), colName(i+1), wd)
	}
}
