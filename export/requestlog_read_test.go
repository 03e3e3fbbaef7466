package export

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/model"
)

// TestRequestLogWorkbookReadsBack opens the streamed workbook as Excel
// would: the warning, the header, every request's row with its number,
// personal data and outcome, bordered cells, numbers as numbers, the
// frozen header and the column widths.
func TestRequestLogWorkbookReadsBack(t *testing.T) {
	oy := fixture2021()
	cal := model.DefaultCalendar()
	b, err := RequestLogWorkbook(oy.Requests, oy.Report.Format(), cal)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(RequestLogSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(oy.Requests)+2 {
		t.Fatalf("%d rows, want the warning, the header and %d requests", len(rows), len(oy.Requests))
	}
	if rows[0][0] != RequestLogWarning {
		t.Errorf("A1 = %q, want the warning", rows[0][0])
	}
	if rows[1][0] != "编号" || rows[1][len(rows[1])-1] != "备注" {
		t.Errorf("header row = %q", rows[1])
	}
	col := map[string]int{}
	for i, h := range rows[1] {
		col[h] = i
	}
	fm := oy.Report.Format()
	for i, q := range oy.Requests {
		r := rows[i+2]
		cell := func(h string) string {
			if c := col[h]; c < len(r) {
				return r[c]
			}
			return ""
		}
		if got, want := cell("编号"), strconv.Itoa(q.Year)+"-"+strconv.Itoa(q.Serial); got != want {
			t.Errorf("row %d 编号 = %q, want %q", i+3, got, want)
		}
		if cell("申请人姓名或名称") != q.Personal.Name || cell("收到申请日期") != q.Received.String() {
			t.Errorf("row %d = %q, want %s received %s", i+3, r, q.Personal.Name, q.Received)
		}
		if q.Outcome != "" && cell("办理结果") != fm.OutcomeLabel(q.Outcome) {
			t.Errorf("row %d 办理结果 = %q, want %q", i+3, cell("办理结果"), fm.OutcomeLabel(q.Outcome))
		}
		if cell("答复期限") != model.Deadline(&q, cal).String() {
			t.Errorf("row %d 答复期限 = %q, want %q", i+3, cell("答复期限"), model.Deadline(&q, cal))
		}
	}
	days, _ := excelize.CoordinatesToCellName(col["延期工作日数"]+1, 3)
	if typ, err := f.GetCellType(RequestLogSheet, days); err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("延期工作日数 is stored as %v (%v), want a number", typ, err)
	}
	last, _ := excelize.CoordinatesToCellName(len(rows[1]), len(rows))
	for _, c := range []string{"A2", "A3", last} {
		id, err := f.GetCellStyle(RequestLogSheet, c)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || len(st.Border) != 4 {
			t.Errorf("cell %s has %d borders (%v), want 4", c, len(st.Border), err)
		}
	}
	p, err := f.GetPanes(RequestLogSheet)
	if err != nil || !p.Freeze || p.YSplit != 2 {
		t.Errorf("panes = %+v (%v), want the two top rows frozen", p, err)
	}
	if w, err := f.GetColWidth(RequestLogSheet, "I"); err != nil || w < 10 {
		t.Errorf("column I width = %v (%v), want at least 10", w, err)
	}
}
