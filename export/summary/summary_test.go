package summary

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"nianbao/export"
	"nianbao/export/bundle"
	"nianbao/model"
)

var cst = time.FixedZone("CST", 8*3600)

// township builds an organ-year whose table 三 comes from a log of
// requests: np natural persons and biz businesses received in March and
// disclosed, plus open ones still pending at year end.
func township(name string, year int, np, biz, open int, licensing, feesFen int64) *model.OrganYear {
	r := model.NewReport(0, year)
	r.Blocks = append(r.Blocks, model.Block{Section: 5, Pos: 1, Kind: model.BlockParagraph, Text: "存在问题：公开不够及时。改进：建立台账。"})
	r.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = licensing
	if f := r.Format(); f.ID == "2021" {
		r.Values[model.Addr(model.TableS2Item8, model.RowAdminFees, "amount")] = feesFen
	}
	model.ZeroBlanks(r)
	oy := &model.OrganYear{Organ: model.Organ{Name: name, Level: model.LevelTownship}, Report: r}
	n := 0
	add := func(a model.ApplicantType, closed bool) {
		n++
		q := model.Request{Year: year, Serial: n, Received: model.NewDate(year, 3, 1), Applicant: a, Channel: model.ChannelOnline,
			Personal: model.Personal{Name: "姓名标记Z9" + strconv.Itoa(n)}}
		if closed {
			q.Outcome, q.Answered = model.RowDisclosed, model.NewDate(year, 3, 20)
		} else {
			q.Received = model.NewDate(year, 12, 30)
		}
		oy.Requests = append(oy.Requests, q)
	}
	for range np {
		add(model.NaturalPerson, true)
	}
	for range biz {
		add(model.Business, true)
	}
	for range open {
		add(model.LegalService, false)
	}
	oy.Cases = []model.Case{{Year: year, Kind: model.CaseDirectSuit, Result: model.Corrected}}
	return oy
}

func write(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func encode(t *testing.T, oy *model.OrganYear, created time.Time) []byte {
	t.Helper()
	data, err := bundle.EncodeAt(oy, bundle.Public, created)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestAggregateFolderToWorkbook(t *testing.T) {
	dir := t.TempDir()
	jia := township("甲镇人民政府", 2021, 3, 1, 1, 10, 1250000)
	jiaOld := township("甲镇人民政府", 2021, 9, 9, 0, 99, 0)
	jia2020 := township("甲镇人民政府", 2020, 7, 0, 0, 5, 0)
	yi := township("乙镇人民政府", 2021, 2, 0, 0, 5, 500000)
	// 乙镇 typed its table 三 and broke O1: 一 = 4 but （七）总计 + 四 = 2.
	yi.Report.Mode3 = model.Typed
	for _, c := range []string{string(model.NaturalPerson), model.ColTotal} {
		yi.Report.Values[model.Addr(model.TableS3, model.RowNew, c)] = 4
		yi.Report.Values[model.Addr(model.TableS3, model.RowDisclosed, c)] = 2
		yi.Report.Values[model.Addr(model.TableS3, model.RowOutcomeSum, c)] = 2
	}
	bing := township("丙镇人民政府", 2021, 0, 0, 0, 0, 0)

	write(t, dir, "甲镇.json", encode(t, jia, time.Date(2022, 1, 10, 9, 0, 0, 0, cst)))
	write(t, dir, "甲镇旧.json", encode(t, jiaOld, time.Date(2022, 1, 5, 9, 0, 0, 0, cst)))
	write(t, dir, "甲镇2020.json", encode(t, jia2020, time.Date(2021, 1, 8, 9, 0, 0, 0, cst)))
	write(t, dir, "乙镇.json", encode(t, yi, time.Date(2022, 2, 3, 16, 0, 0, 0, cst)))
	write(t, dir, "丙镇.JSON", encode(t, bing, time.Date(2022, 1, 31, 23, 0, 0, 0, cst)))
	good := encode(t, bing, time.Date(2022, 1, 20, 9, 0, 0, 0, cst))
	write(t, dir, "坏的.json", good[:len(good)-40])
	write(t, dir, "新版.json", bytes.Replace(good, []byte(fmt.Sprintf(`"version": %d,`, bundle.Version)), []byte(fmt.Sprintf(`"version": %d,`, bundle.Version+1)), 1))
	write(t, dir, "改过.json", bytes.Replace(good, []byte(`"decisions"`), []byte(`"decisions", "value": 7, "x"`), 1))
	write(t, dir, "说明.txt", []byte("不是报送包"))

	out := t.TempDir()
	agg, err := Aggregate(context.Background(), dir, 2021, []string{"甲镇人民政府", "乙镇人民政府", "丙镇人民政府", "丁镇人民政府"}, ReadOptions{}, out)
	if err != nil {
		t.Fatal(err)
	}
	defer agg.Close()
	rejected := map[string]string{}
	var files []string
	agg.EachFile(NotUsed, func(r Rejected) error {
		rejected[r.File] = r.Reason
		files = append(files, r.File)
		return nil
	})
	for file, want := range map[string]string{"坏的.json": "报送包不完整", "新版.json": fmt.Sprintf("由更新版本的年报程序生成（版本%d）", bundle.Version+1), "改过.json": "报送包"} {
		if !strings.Contains(rejected[file], want) {
			t.Errorf("%s: reason %q, want it to contain %q", file, rejected[file], want)
		}
	}
	if strings.Join(files, ",") != "坏的.json,改过.json,新版.json" {
		t.Errorf("files not used, by name: %v", files)
	}
	if agg.Files(NotUsed) != 3 || agg.Files(OtherYear) != 1 || agg.Files(FullCounted) != 0 {
		t.Fatalf("not used %d, other years %d, full %d", agg.Files(NotUsed), agg.Files(OtherYear), agg.Files(FullCounted))
	}

	// The organ list: by name, an organ's newest bundle first, then the
	// expected organ that sent none.
	res := agg.AggregateResult
	res2 := res
	var organs []model.AggregateOrgan
	agg.EachOrgan(func(o model.AggregateOrgan) error { organs = append(organs, o); return nil })
	wantList := []struct {
		name   string
		st     model.AggregateStatus
		due    string
		source string
	}{
		{"丙镇人民政府", model.AggOK, "按时", "丙镇.JSON"},
		{"乙镇人民政府", model.AggErrors, "逾期3天", "乙镇.json"},
		{"甲镇人民政府", model.AggOK, "按时", "甲镇.json"},
		{"甲镇人民政府", model.AggExcluded, "按时", "甲镇旧.json"},
		{"丁镇人民政府", model.AggMissing, "未报送", ""},
	}
	if len(organs) != len(wantList) {
		t.Fatalf("organ list %+v", organs)
	}
	for i, w := range wantList {
		o := organs[i]
		if o.Name != w.name || o.Status != w.st || o.DueLabel() != w.due || o.Source != w.source {
			t.Errorf("organ %d = %s %s %s %s, want %s %s %s %s", i, o.Name, o.Status.Label(), o.DueLabel(), o.Source, w.name, w.st.Label(), w.due, w.source)
		}
	}

	fr := agg.File
	if filepath.Base(fr.Path) != "汇总2021.xlsx" {
		t.Errorf("workbook path = %s", fr.Path)
	}
	data, err := os.ReadFile(fr.Path)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != fr.SHA256 || int64(len(data)) != fr.Size {
		t.Errorf("file result %+v does not match the file (%d bytes)", fr, len(data))
	}
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	if got := xf.GetSheetList(); strings.Join(got, ",") != SheetByOrgan+","+SheetCombined+","+SheetOrgans {
		t.Errorf("sheets = %v", got)
	}

	// Side by side: every organ's figures and the 合计 equal to their sum,
	// computed here from the organ-years themselves.
	want := map[string]model.Values{
		"甲镇人民政府": model.EffectiveValues(jia),
		"乙镇人民政府": model.EffectiveValues(yi),
		"丙镇人民政府": model.EffectiveValues(bing),
	}
	f := model.FormatForYear(2021)
	heads, rows := readByOrgan(t, xf)
	if len(rows) != 4 || rows[0][0] != TotalHead || rows[1][0] != "丙镇人民政府" || rows[2][0] != "乙镇人民政府" || rows[3][0] != "甲镇人民政府" {
		var names []string
		for _, r := range rows {
			names = append(names, r[0])
		}
		t.Fatalf("rows %v, want 合计 then the three counted organs by name", names)
	}
	if len(heads[3]) != 1+len(f.AllCells()) {
		t.Errorf("%d address columns, want every cell of the format (%d)", len(heads[3])-1, len(f.AllCells()))
	}
	blanks := 0
	for j, s := range heads[3][1:] {
		a, err := parseCell(s)
		if err != nil {
			t.Fatal(err)
		}
		tb, r, c, ok := f.Cell(a)
		if !ok || a != f.AllCells()[j] {
			t.Fatalf("column %d: address %s, want %s", j+2, a, f.AllCells()[j])
		}
		if heads[0][j+1] != model.TableName(tb) || heads[1][j+1] != RowLabel(tb, r) || heads[2][j+1] != ColumnLabel(tb, c) {
			t.Errorf("column %d heads %q %q %q, want %q %q %q", j+2, heads[0][j+1], heads[1][j+1], heads[2][j+1], model.TableName(tb), RowLabel(tb, r), ColumnLabel(tb, c))
		}
		parse := func(s string) int64 {
			if c.Kind == model.KindMoney {
				x, err := model.ParseMoney(s, c.Unit)
				if err != nil {
					t.Fatalf("%s: %v", a, err)
				}
				return x
			}
			x, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				t.Fatalf("%s: %q: %v", a, s, err)
			}
			return x
		}
		var sum int64
		for _, row := range rows[1:] {
			v := want[row[0]]
			if row[j+1] == BlankCell {
				// Blank is not 0: an organ's cell never entered says so.
				if v.Has(a) {
					t.Errorf("%s %s shows 未填 but has %d", row[0], a, v[a])
				}
				blanks++
				continue
			}
			if !v.Has(a) {
				t.Errorf("%s %s has no value but shows %q", row[0], a, row[j+1])
			}
			if got := parse(row[j+1]); got != v.Get(a) {
				t.Errorf("%s %s = %d, want %d", row[0], a, got, v.Get(a))
			}
			sum += v.Get(a)
		}
		if got := parse(rows[0][j+1]); got != sum {
			t.Errorf("合计 %s = %d, want %d", a, got, sum)
		}
	}
	// 乙镇 typed table 三 and left most of it 未填: its cells say so, its
	// line in the organ list and the combined sheet say the totals lack them.
	if blanks == 0 || len(res2.Incomplete) == 0 {
		t.Errorf("乙镇's 未填 cells not shown (%d) or not counted (%d)", blanks, len(res2.Incomplete))
	}
	for _, o := range organs {
		if o.Name == "乙镇人民政府" && !strings.Contains(o.Note, "格未填") {
			t.Errorf("乙镇's note %q does not say its cells are 未填", o.Note)
		}
	}
	if note, _ := xf.GetCellValue(SheetCombined, "A2"); note == "" || note != res2.IncompleteNote() || !strings.Contains(note, "不是完整合计") {
		t.Errorf("combined sheet note = %q", note)
	}

	// Spot checks against hand-computed sums: new requests 4+1 (甲) + 4 typed (乙) + 0.
	if x := res.Totals.Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal)); x != 5+4 {
		t.Errorf("一、本年新收 总计 = %d, want 9", x)
	}
	if x := res.Totals.Get(model.Addr(model.TableS2Item8, model.RowAdminFees, "amount")); x != 1750000 {
		t.Errorf("行政事业性收费 = %d fen, want 1750000 (1.75万元)", x)
	}

	// The combined tables: the row of 一、本年新收 shows the seven totals.
	crow := findRow(t, xf, SheetCombined, "一、本年新收政府信息公开申请数量")
	var got []string
	for _, s := range crow {
		if s != "" && s != "一、本年新收政府信息公开申请数量" {
			got = append(got, s)
		}
	}
	var exp []string
	for _, c := range f.Table(model.TableS3).Columns {
		exp = append(exp, strconv.FormatInt(res.Totals.Get(model.Addr(model.TableS3, model.RowNew, c.ID)), 10))
	}
	if strings.Join(got, ",") != strings.Join(exp, ",") {
		t.Errorf("combined 一、本年新收 = %v, want %v", got, exp)
	}
	if r := findRow(t, xf, SheetCombined, model.S3Corner); r == nil {
		t.Errorf("combined sheet lacks table 三's corner header")
	}
	crow = findRow(t, xf, SheetCombined, "行政事业性收费")
	if !strings.Contains(strings.Join(crow, ","), "1.75") {
		t.Errorf("combined 行政事业性收费 row = %v, want 1.75 (万元)", crow)
	}

	// Printed on A4 landscape, one page wide; the by-organ sheet's two
	// hundred columns at full size, its heads and organ names on every page.
	for _, sh := range xf.GetSheetList() {
		pl, err := xf.GetPageLayout(sh)
		oneWide := sh != SheetByOrgan
		if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 || (pl.FitToWidth != nil && *pl.FitToWidth == 1) != oneWide {
			t.Errorf("sheet %s page layout = %+v (%v)", sh, pl, err)
		}
	}
	titles := ""
	if names := xf.GetDefinedName(); len(names) > 0 {
		for _, d := range names {
			if d.Name == "_xlnm.Print_Titles" && d.Scope == SheetByOrgan {
				titles = d.RefersTo
			}
		}
	}
	if titles != "'各单位数据'!$A:$A,'各单位数据'!$2:$5" {
		t.Errorf("print titles of %s = %q", SheetByOrgan, titles)
	}

	// The organ list.
	orow := findRow(t, xf, SheetOrgans, "乙镇人民政府")
	if j := strings.Join(orow, "|"); !strings.Contains(j, "有错误") || !strings.Contains(j, "逾期3天") || !strings.Contains(j, "2022-02-03") {
		t.Errorf("乙镇 row = %v", orow)
	}
	if j := strings.Join(findRow(t, xf, SheetOrgans, "丁镇人民政府"), "|"); !strings.Contains(j, "未报送") {
		t.Errorf("丁镇 row = %v", j)
	}
	// No personal data reaches the workbook.
	for _, sh := range xf.GetSheetList() {
		rs, _ := xf.GetRows(sh)
		for _, r := range rs {
			for _, c := range r {
				if strings.Contains(c, "姓名标记Z9") {
					t.Errorf("sheet %s holds personal data %q", sh, c)
				}
			}
		}
	}
}

// readByOrgan reads the by-organ sheet back: its four header rows (label
// first) and the rows after them (name first), every row as wide as the
// address row.
func readByOrgan(t *testing.T, xf *excelize.File) (heads, rows [][]string) {
	t.Helper()
	all, err := xf.GetRows(SheetByOrgan, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	at := -1
	for i, r := range all {
		if len(r) > 0 && r[0] == ByOrganHeads[len(ByOrganHeads)-1] {
			at = i
		}
	}
	if at < len(ByOrganHeads)-1 {
		t.Fatalf("no 单元格地址 row in %s", SheetByOrgan)
	}
	width := len(all[at])
	for i, r := range all[at-len(ByOrganHeads)+1:] {
		if len(r) < width {
			r = append(r, make([]string, width-len(r))...)
		}
		if i < len(ByOrganHeads) {
			if r[0] != ByOrganHeads[i] {
				t.Fatalf("header row %d starts with %q, want %q", i, r[0], ByOrganHeads[i])
			}
			heads = append(heads, r)
		} else {
			rows = append(rows, r)
		}
	}
	return heads, rows
}

func findRow(t *testing.T, xf *excelize.File, sheet, label string) []string {
	t.Helper()
	rows, err := xf.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for _, c := range r {
			if c == label {
				return r
			}
		}
	}
	return nil
}

func TestWorkbook2019SignedDelta(t *testing.T) {
	a := township("甲镇人民政府", 2020, 1, 0, 0, 3, 0)
	a.Report.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "delta")] = -2
	a.Report.Values[model.Addr(model.TableS2Item9, model.RowProcurement, "amount")] = 130000000
	b := township("乙镇人民政府", 2020, 0, 1, 0, 3, 0)
	b.Report.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "delta")] = 5
	dir := t.TempDir()
	write(t, dir, "a.json", encode(t, a, time.Date(2021, 1, 10, 9, 0, 0, 0, cst)))
	write(t, dir, "b.json", encode(t, b, time.Date(2021, 1, 11, 9, 0, 0, 0, cst)))
	agg, err := Aggregate(context.Background(), dir, 2020, nil, ReadOptions{}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer agg.Close()
	xf, err := excelize.OpenFile(agg.File.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	heads, rows := readByOrgan(t, xf)
	got := map[string]string{}
	for j, a := range heads[3] {
		if a == "s2_5.licensing.delta" {
			for _, r := range rows {
				got[r[0]] = r[j]
			}
		}
	}
	if got["甲镇人民政府"] != "-2" || got["乙镇人民政府"] != "5" || got[TotalHead] != "3" {
		t.Errorf("本年增/减 column = %v, want 甲 -2, 乙 5 and 合计 3", got)
	}
	for j, a := range heads[3] {
		if a == "s2_9.procurement.amount" && (rows[0][j] != "130" || heads[2][j] != "采购总金额（万元）") {
			t.Errorf("采购总金额 column = %q %q, want 130 (万元) in the 合计 row", heads[2][j], rows[0][j])
		}
	}
}

// parseCell reads a cell address written as 表.行.列.
func parseCell(s string) (model.CellAddress, error) {
	p := strings.Split(s, ".")
	if len(p) != 3 || p[0] == "" || p[1] == "" || p[2] == "" {
		return model.CellAddress{}, fmt.Errorf("cell address %q is not table.row.column", s)
	}
	return model.CellAddress{Table: p[0], Row: p[1], Col: p[2]}, nil
}

// TestWorkbookHoldsMoreOrgansThanASheetHasColumns: organs are rows of the
// by-organ sheet, so a province of more organs than a spreadsheet has
// columns (16,384) fits, each organ with its own figures.
func TestWorkbookHoldsMoreOrgansThanASheetHasColumns(t *testing.T) {
	const n = 16385
	f := model.FormatForYear(2021)
	addr := model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")
	// Records as the folder reader makes them, in reverse order: the
	// aggregation sorts them by name on disk.
	recs := make([]record, n)
	for i := range recs {
		recs[n-1-i] = record{Class: classInput, Name: fmt.Sprintf("第%05d镇人民政府", i+1), File: fmt.Sprintf("b%05d.json", i),
			Level: model.LevelTownship, Year: 2021, FormatID: f.ID, Row: model.PackRow(f, model.Values{addr: int64(i + 1)})}
	}
	agg := aggregateRecords(t, 2021, recs, nil)
	data, err := os.ReadFile(agg.File.Path)
	if err != nil {
		t.Fatal(err)
	}
	// The sheet is read back from the file's XML as it is: a spreadsheet
	// library's reader takes a minute over 3.3 million cells.
	sheet := sheetXML(t, data, "xl/worksheets/sheet1.xml")
	text := func(c string) string { // the value of one <c> element
		if i := strings.Index(c, "<t>"); i >= 0 {
			return c[i+3 : strings.Index(c, "</t>")]
		}
		if i := strings.Index(c, "<v>"); i >= 0 {
			return c[i+3 : strings.Index(c, "</v>")]
		}
		return ""
	}
	col, organs := "", 0
	var total string
	for _, row := range strings.Split(string(sheet), "<row r=\"")[1:] {
		num := row[:strings.IndexByte(row, '"')]
		cells := strings.Split(row, "<c r=\"")[1:]
		if len(cells) == 0 {
			continue
		}
		at := func(ref string) string {
			for _, c := range cells {
				if strings.HasPrefix(c, ref+"\"") {
					return text(c)
				}
			}
			return ""
		}
		switch name := text(cells[0]); {
		case name == "单元格地址":
			for _, c := range cells {
				if text(c) == addr.String() {
					col = strings.TrimRight(c[:strings.IndexByte(c, '"')], "0123456789")
				}
			}
		case name == TotalHead:
			total = at(col + num)
		case col != "" && strings.HasSuffix(name, "镇人民政府"):
			organs++
			if name != fmt.Sprintf("第%05d镇人民政府", organs) || at(col+num) != strconv.Itoa(organs) {
				t.Fatalf("row %s: %s with 行政许可 %q, want 第%05d镇人民政府 with %d", num, name, at(col+num), organs, organs)
			}
		}
	}
	if organs != n {
		t.Fatalf("%d organ rows, want %d", organs, n)
	}
	if want := strconv.Itoa(n * (n + 1) / 2); total != want {
		t.Errorf("合计 %q, want %s", total, want)
	}
}

// aggregateRecords aggregates records as if the folder reader had made
// them and writes the workbook into a temporary folder.
func aggregateRecords(t *testing.T, year int, recs []record, expected []string) *Aggregation {
	t.Helper()
	a := fillRecords(t, year, recs, expected)
	var err error
	if a.File, err = export.WriteVerifiedFrom(t.TempDir(), FileName(year), a.workbook); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestAggregateStopped: an aggregation stopped while the bundles are read
// writes nothing and leaves no temporary folder.
func TestAggregateStopped(t *testing.T) {
	tmp := privateTemp(t)
	dir, out := t.TempDir(), t.TempDir()
	write(t, dir, "甲镇.json", encode(t, township("甲镇人民政府", 2021, 1, 0, 0, 1, 0), time.Date(2022, 1, 10, 9, 0, 0, 0, cst)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	agg, err := Aggregate(ctx, dir, 2021, nil, ReadOptions{}, out)
	if !errors.Is(err, context.Canceled) || agg != nil {
		t.Fatalf("aggregation %v, error %v; want none, context.Canceled", agg, err)
	}
	if ents, _ := os.ReadDir(out); len(ents) != 0 {
		t.Errorf("stopped aggregation wrote %v", ents)
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("left in the temporary folder: %v", ents)
	}
}

// TestReadStopsWithItsContext: the reading itself stops when ctx ends
// (Aggregate looks at ctx again after it, which would hide a reading that
// went on to the end).
func TestReadStopsWithItsContext(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		name := fmt.Sprintf("%d镇人民政府", i)
		write(t, dir, name+".json", encode(t, township(name, 2021, 1, 0, 0, 1, 0), time.Date(2022, 1, 10, 9, 0, 0, 0, cst)))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := &Aggregation{tmp: t.TempDir()}
	defer a.Close()
	if err := a.read(ctx, dir, 2021, nil, ReadOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("read with its context ended: %v, want context.Canceled", err)
	}
}
