package summary

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rowCells are the values of a test row: every kind rowWriter writes, and
// text a clerk or a file name may bring (spaces at either end, line
// breaks, markup characters, quotes, control characters, text that looks
// like a spreadsheet's _xHHHH_ escape, more than a cell holds).
var rowCells = []any{
	"甲镇人民政府", "", " 前后有空格 ", "第一行\n第二行", "A&B<C>D", `引号"单'双`, "制表\t回车\r", "控制\x01字符",
	"_x0041_", "a_x00e9_b_x12_", "_x005F_x0041_", strings.Repeat("长", 40000), "2022-01-20", "逾期3天",
	int64(0), int64(-2), int64(1234567890123), "1.75",
}

// writeRow writes rowCells with rowWriter, "1.75" as a number, every
// cell in style 3.
func writeRow(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	rw := &rowWriter{w: bufio.NewWriter(&b)}
	rw.begin(7)
	for i, v := range rowCells {
		switch v := v.(type) {
		case int64:
			rw.int(1+i, 3, v)
		case string:
			if v == "1.75" {
				rw.number(1+i, 3, v)
			} else {
				rw.text(1+i, 3, v)
			}
		}
	}
	if err := rw.end(); err != nil {
		t.Fatal(err)
	}
	rw.w.Flush()
	return b.String()
}

// excelizeSheet writes rowCells as row 7 of a sheet with excelize's own
// stream writer and returns the workbook and the sheet's XML.
func excelizeSheet(t *testing.T) ([]byte, string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	vals := make([]any, len(rowCells))
	for i, v := range rowCells {
		if v == "1.75" {
			v = 1.75
		}
		vals[i] = excelize.Cell{StyleID: 3, Value: v}
	}
	if err := sw.SetRow("A7", vals); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var wb bytes.Buffer
	if err := f.Write(&wb); err != nil {
		t.Fatal(err)
	}
	return wb.Bytes(), sheetXML(t, wb.Bytes(), "xl/worksheets/sheet1.xml")
}

// TestRowWriterWritesAsExcelize: the organ rows written into the zip are
// byte for byte what excelize's stream writer writes for the same values,
// so the workbook is the one excelize alone would make.
func TestRowWriterWritesAsExcelize(t *testing.T) {
	_, sheet := excelizeSheet(t)
	from := strings.Index(sheet, `<row r="7"`)
	to := strings.Index(sheet, "</row>")
	if from < 0 || to < 0 {
		t.Fatalf("no row 7 in %q", sheet)
	}
	want, got := sheet[from:to+len("</row>")], writeRow(t)
	if got != want {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("differs at byte %d:\ngot  …%s\nwant …%s", i, got[max(0, i-60):min(len(got), i+60)], want[max(0, i-60):min(len(want), i+60)])
			}
		}
		t.Fatalf("lengths differ: got %d, want %d", len(got), len(want))
	}
}

// TestSpliceReadsBack: rows spliced into a workbook read back as the
// values written, through excelize's reader.
func TestSpliceReadsBack(t *testing.T) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"表头"}); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var head, out bytes.Buffer
	if err := f.Write(&head); err != nil {
		t.Fatal(err)
	}
	f.Close()
	err = splice(head.Bytes(), &out, map[string]func(*rowWriter) error{"xl/worksheets/sheet1.xml": func(rw *rowWriter) error {
		_, err := io.WriteString(rw.w, writeRow(t))
		return err
	}})
	if err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	rows, err := xf.GetRows("Sheet1", excelize.Options{RawCellValue: true})
	if err != nil || len(rows) != 7 || rows[0][0] != "表头" {
		t.Fatalf("rows %d, %v", len(rows), err)
	}
	for i, v := range rowCells {
		want := v
		switch v := v.(type) {
		case int64:
			want = strconv.FormatInt(v, 10)
		case string:
			switch {
			case v == "控制\x01字符":
				want = "控制\uFFFD字符"
			case len(v) > maxCellChars:
				want = v[:len("长")*maxCellChars]
			}
		}
		if got := rows[6][i]; got != want {
			t.Errorf("cell %d reads back %.40q, want %.40q", i+1, got, want)
		}
	}
}

// sheetXML returns one part of a workbook.
func sheetXML(t *testing.T, workbook []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no %s in the workbook", name)
	return ""
}
