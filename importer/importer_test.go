package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/model"
)

// genRow is one generated spreadsheet row: the cells as text, and, for the
// .xlsx version, an optional real date value in place of the date text.
type genRow struct {
	cells []string
	date  time.Time // when set, the xlsx cell holds a date, the CSV its ISO text
}

const (
	genGood = 170 // distinct good rows
	genDups = 10  // repeats of earlier good rows
)

// generate builds the 200 data rows plus a caption, a header and one blank
// row, and the expected numbers.
func generate() (rows []genRow, wantBad map[int]string) {
	cats := model.DefaultItemCategories
	chans := []string{"政府门户网站", "政务新媒体", "政府门户网站、政务新媒体", "政务公开栏", ""}
	rows = append(rows,
		genRow{cells: []string{"大雁镇2021年主动公开政府信息目录"}},
		genRow{cells: []string{"序号", "信息名称", "发布日期", "所属栏目", "发布渠道", "网址"}},
	)
	wantBad = map[int]string{}
	n := 0
	add := func(r genRow) {
		n++
		r.cells[0] = fmt.Sprint(n)
		rows = append(rows, r)
	}
	for i := range genGood {
		d := time.Date(2021, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
		r := genRow{cells: []string{"", fmt.Sprintf("关于%s第%d期工作的公示", cats[i%len(cats)], i), "", cats[i%len(cats)], chans[i%len(chans)], fmt.Sprintf("http://www.example.gov.cn/xxgk/%d.html", i)}}
		switch i % 4 {
		case 0:
			r.date = d
			r.cells[2] = d.Format("2006-01-02")
		case 1:
			r.cells[2] = fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
		case 2:
			r.cells[2] = d.Format("2006/1/2") + " 10:30"
		case 3:
			r.cells[2] = "  " + d.Format("2006.01.02")
		}
		if i == 7 {
			r.cells[3] = "乡村振兴" // an organ's own category is kept
		}
		if i == 8 {
			r.cells[3] = "" // empty category becomes 其他
		}
		add(r)
		if i == 100 {
			rows = append(rows, genRow{cells: []string{"", "", "", "", "", ""}}) // a blank row is skipped silently
		}
	}
	// Duplicates of rows 0..9 (same title and date, other spelling of the date).
	for i := range genDups {
		d := time.Date(2021, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
		add(genRow{cells: []string{"", fmt.Sprintf("关于%s第%d期工作的公示", cats[i%len(cats)], i), d.Format("20060102"), "工作动态", "政府公报", ""}})
	}
	// 20 bad rows.
	bads := []struct{ title, date, reason string }{
		{"", "2021-05-01", "标题为空"},
		{"   ", "2021-05-02", "标题为空"},
		{"缺日期的通知", "", "缺少发布日期"},
		{"二月三十日的通知", "2021-02-30", "不存在"},
		{"看不懂日期的通知", "下周一", "看不懂"},
		{"去年的通知", "2020-12-31", "不在 2021 年内"},
		{"明年的通知", "2022年1月1日", "不在 2021 年内"},
		{"月份错的通知", "2021-13-01", "月份"},
		{"两位年份的通知", "21-03-05", "四位"},
		{"小数日期的通知", "2021.3", "看不懂"},
	}
	for k := range 20 {
		b := bads[k%len(bads)]
		title := b.title
		if title != "" && strings.TrimSpace(title) != "" {
			title = fmt.Sprintf("%s（%d）", title, k)
		}
		add(genRow{cells: []string{"", title, b.date, "其他", "政府门户网站", ""}})
		wantBad[len(rows)] = b.reason // 1-based row number of the row just added
	}
	return rows, wantBad
}

func writeXLSX(t *testing.T, rows []genRow) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for j, c := range r.cells {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			var v any = c
			if j == 2 && !r.date.IsZero() {
				v = r.date
			}
			if c == "" && v == any(c) {
				continue
			}
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
			if j == 2 && !r.date.IsZero() {
				if err := f.SetCellStyle("Sheet1", cell, cell, style); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func csvText(rows []genRow) string {
	var b strings.Builder
	for _, r := range rows {
		for j, c := range r.cells {
			if j > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

func TestImportXLSXAndGB18030CSVAgree(t *testing.T) {
	rows, wantBad := generate()
	if got := len(rows) - 3; got != 200 {
		t.Fatalf("generator made %d data rows, want 200", got)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(csvText(rows))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal([]byte(gb), []byte(csvText(rows))) {
		t.Fatal("the CSV twin must really be GB18030, not UTF-8")
	}
	files := map[string][]byte{
		"目录.xlsx":     writeXLSX(t, rows),
		"目录.csv":      []byte(gb),
		"目录-utf8.csv": append([]byte{0xEF, 0xBB, 0xBF}, csvText(rows)...),
	}
	// Three items are already stored: two match rows of the file.
	existing := []model.DisclosureItem{
		{Title: "关于机构职能第0期工作的公示", Published: model.NewDate(2021, 1, 1)},
		{Title: "关于政策文件第1期工作的公示", Published: model.NewDate(2021, 2, 2)},
		{Title: "关于政策文件第1期工作的公示", Published: model.NewDate(2021, 2, 3)}, // other date: not a duplicate
	}
	type result struct {
		Header []string
		Items  []model.DisclosureItem
		Bad    []BadRow
		Dups   int
	}
	var first *result
	for name, data := range files {
		s, err := ReadItems(bytes.NewReader(data), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		m := GuessMapping(s.Header)
		want := Mapping{FieldTitle: 1, FieldDate: 2, FieldCategory: 3, FieldChannel: 4, FieldLink: 5}
		if m != want {
			t.Fatalf("%s: mapping %v, want %v (header %q)", name, m, want, s.Header)
		}
		items, bad, dups := Apply(s, m, 42, 2021, existing)
		r := &result{s.Header, items, bad, dups}
		if first == nil {
			first = r
		} else if !reflect.DeepEqual(first, r) {
			for i := range min(len(first.Items), len(r.Items)) {
				if !reflect.DeepEqual(first.Items[i], r.Items[i]) {
					t.Errorf("%s: item %d differs:\n%+v\n%+v", name, i, first.Items[i], r.Items[i])
					break
				}
			}
			t.Fatalf("%s gives a different result: %d items, %d bad, %d dups vs %d, %d, %d",
				name, len(r.Items), len(r.Bad), r.Dups, len(first.Items), len(first.Bad), first.Dups)
		}
	}
	r := first
	if len(r.Items) != genGood-2 || r.Dups != genDups+2 || len(r.Bad) != 20 {
		t.Fatalf("got %d items, %d dups, %d bad; want %d, %d, 20", len(r.Items), r.Dups, len(r.Bad), genGood-2, genDups+2)
	}
	for _, b := range r.Bad {
		want, ok := wantBad[b.Line]
		if !ok {
			t.Errorf("row %d refused but should not be: %s", b.Line, b.Reason)
			continue
		}
		if !strings.Contains(b.Reason, want) {
			t.Errorf("row %d: reason %q, want it to mention %q", b.Line, b.Reason, want)
		}
	}
	byTitle := map[string]model.DisclosureItem{}
	for _, it := range r.Items {
		if it.OrganID != 42 || it.Year != 2021 || it.Published.Year() != 2021 {
			t.Fatalf("bad item %+v", it)
		}
		byTitle[it.Title] = it
	}
	it := byTitle["关于政务公开栏第2期工作的公示"]
	if it.Title == "" {
		it = byTitle[fmt.Sprintf("关于%s第2期工作的公示", model.DefaultItemCategories[2])]
	}
	if it.Published != model.NewDate(2021, 3, 3) || !reflect.DeepEqual(it.Channels, []string{"政府门户网站", "政务新媒体"}) {
		t.Errorf("row 2: %+v", it)
	}
	if it.Location != "http://www.example.gov.cn/xxgk/2.html" {
		t.Errorf("link: %q", it.Location)
	}
	if got := byTitle[fmt.Sprintf("关于%s第7期工作的公示", model.DefaultItemCategories[7])].Category; got != "乡村振兴" {
		t.Errorf("own category kept: %q", got)
	}
	if got := byTitle[fmt.Sprintf("关于%s第8期工作的公示", model.DefaultItemCategories[8])].Category; got != "其他" {
		t.Errorf("empty category: %q", got)
	}
	cats, chans := NewNames(r.Items, nil, nil)
	if !reflect.DeepEqual(cats, []string{"乡村振兴"}) || len(chans) != 0 {
		t.Errorf("new names: %v %v", cats, chans)
	}
	c := model.CountItems(2021, r.Items)
	if c.Total != len(r.Items) {
		t.Errorf("count %d", c.Total)
	}
}

func TestGuessMapping(t *testing.T) {
	cases := []struct {
		header []string
		want   Mapping
	}{
		{[]string{"标题", "日期", "类别", "渠道", "链接"}, Mapping{0, 1, 2, 3, 4}},
		{[]string{"序号", "发布时间", " 信息标题 ", "栏目", "公开方式", "URL"}, Mapping{2, 1, 3, 4, 5}},
		{[]string{"名称*", "公开日期：", "备注"}, Mapping{0, 1, -1, -1, -1}},
		{[]string{"文件名称", "成文日期", "发布日期"}, Mapping{0, 2, -1, -1, -1}},
		{[]string{"ａ", "ｂ"}, NoMapping()},
		{[]string{"信息名称（必填）", "发布日期(yyyy-mm-dd)", "网址"}, Mapping{0, 1, -1, -1, 2}},
	}
	for _, c := range cases {
		if got := GuessMapping(c.header); got != c.want {
			t.Errorf("%q: got %v, want %v", c.header, got, c.want)
		}
	}
}

func TestMappingCycle(t *testing.T) {
	m := Mapping{0, 1, -1, -1, -1}
	m.Cycle(FieldCategory, 3, 1) // 0 and 1 taken → 2
	if m[FieldCategory] != 2 {
		t.Fatalf("got %d", m[FieldCategory])
	}
	m.Cycle(FieldCategory, 3, 1) // past the last → none
	if m[FieldCategory] != -1 {
		t.Fatalf("got %d", m[FieldCategory])
	}
	m.Cycle(FieldCategory, 3, -1) // back from none → last free
	if m[FieldCategory] != 2 {
		t.Fatalf("got %d", m[FieldCategory])
	}
	m.Cycle(FieldTitle, 3, 1) // 1, 2 taken → none
	if m[FieldTitle] != -1 {
		t.Fatalf("got %d", m[FieldTitle])
	}
	if miss := m.Missing(); len(miss) != 1 || miss[0] != FieldTitle {
		t.Errorf("missing %v", miss)
	}
}

func TestReadCSVVariants(t *testing.T) {
	tab := "标题\t发布日期\n通知一\t2021-01-05\n"
	s, err := ReadItems(strings.NewReader(tab), "list.txt")
	if err != nil || len(s.Rows) != 1 || s.Rows[0][1] != "2021-01-05" {
		t.Fatalf("tab separated: %v %+v", err, s)
	}
	// Excel's "Unicode text": UTF-16LE with BOM.
	u16 := []byte{0xFF, 0xFE}
	for _, r := range "标题,发布日期\r\n通知二,44201\r\n" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	s, err = ReadItems(bytes.NewReader(u16), "list.csv")
	if err != nil || len(s.Rows) != 1 {
		t.Fatalf("utf-16: %v %+v", err, s)
	}
	items, bad, _ := Apply(s, GuessMapping(s.Header), 1, 2021, nil)
	if len(bad) != 0 || len(items) != 1 || items[0].Published != model.NewDate(2021, 1, 5) {
		t.Fatalf("serial date 44201 should be 2021-01-05: %+v %+v", items, bad)
	}
	if _, err := ReadItems(strings.NewReader("x"), "old.xls"); err == nil || !strings.Contains(err.Error(), "另存为") {
		t.Errorf("xls must be refused with advice: %v", err)
	}
	if _, err := ReadItems(strings.NewReader("\n\n ,, \n"), "empty.csv"); err == nil || !strings.Contains(err.Error(), "空") {
		t.Errorf("empty file: %v", err)
	}
	if _, err := ReadItems(strings.NewReader("PK\x03\x04garbage"), "list.xlsx"); err == nil || !strings.Contains(err.Error(), "损坏") {
		t.Errorf("broken xlsx: %v", err)
	}
	// A multi-line quoted cell keeps later line numbers true to the file.
	ml := "标题,发布日期\n\"两行\n标题\",2021-01-01\n,2021-01-02\n"
	s, err = ReadItems(strings.NewReader(ml), "ml.csv")
	if err != nil {
		t.Fatal(err)
	}
	items, bad, _ = Apply(s, GuessMapping(s.Header), 1, 2021, nil)
	if len(items) != 1 || items[0].Title != "两行标题" || len(bad) != 1 || bad[0].Line != 4 {
		t.Errorf("multi-line: %+v %+v", items, bad)
	}
}

func TestXLSXSkipsEmptyFirstSheet(t *testing.T) {
	f := excelize.NewFile()
	if _, err := f.NewSheet("目录"); err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("目录", "A1", &[]any{"标题", "发布日期"})
	f.SetSheetRow("目录", "A2", &[]any{"关于开展防汛演练的通知", "2021-06-01"})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	s, err := ReadItems(bytes.NewReader(buf.Bytes()), "x.xlsx")
	if err != nil || len(s.Rows) != 1 || s.Rows[0][0] != "关于开展防汛演练的通知" || s.Lines[0] != 2 {
		t.Fatalf("%v %+v", err, s)
	}
}

// A part that claims to unpack to 500 MB is refused before any memory is
// reserved for it.
func TestXLSXWithLyingSizesIsRefused(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/theme/theme1.xml", Method: zip.Store,
		CompressedSize64: 5, UncompressedSize64: 500 << 20})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("<a/>x"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	_, err = ReadItems(bytes.NewReader(buf.Bytes()), "x.xlsx")
	runtime.ReadMemStats(&m1)
	if err == nil || !strings.Contains(err.Error(), "大小不正常") {
		t.Fatalf("got %v", err)
	}
	if a := m1.TotalAlloc - m0.TotalAlloc; a > 16<<20 {
		t.Errorf("refusing took %d MB", a>>20)
	}
}

// Issue 15 item 17: a cell with an unclosed quote does not swallow the rows
// after it: its row is reported as bad with its line, the others import,
// and later line numbers stay true to the file.
func TestUnclosedQuoteIsABadRow(t *testing.T) {
	csvText := "标题,发布日期\n通知一,2021-01-05\n\"没有右引号的标题,2021-01-06\n通知三,2021-01-07\n\"两行\n标题\",2021-01-08\n通知五,2021-01-09\n"
	s, err := ReadItems(strings.NewReader(csvText), "list.csv")
	if err != nil {
		t.Fatal(err)
	}
	items, bad, _ := Apply(s, GuessMapping(s.Header), 1, 2021, nil)
	var titles []string
	for _, it := range items {
		titles = append(titles, it.Title)
	}
	if strings.Join(titles, "|") != "通知一|通知三|两行标题|通知五" {
		t.Fatalf("items %q, bad %+v", titles, bad)
	}
	if len(bad) != 1 || bad[0].Line != 3 || !strings.Contains(bad[0].Reason, "引号") {
		t.Fatalf("bad rows %+v, want line 3 with the quote", bad)
	}
	if s.Lines[len(s.Lines)-1] != 7 {
		t.Fatalf("line of the last row = %d, want 7", s.Lines[len(s.Lines)-1])
	}
	// The same in a ledger, in the last row of the file.
	led := "收到日期,申请人类型,申请内容\n2021-03-01,自然人,查询低保名单\n2021-03-02,自然人,\"会议纪要\n"
	ls, err := ReadLedger(strings.NewReader(led), "ledger.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ls.Rows) != 1 || len(ls.Bad) != 1 || ls.Bad[0].Line != 3 {
		t.Fatalf("ledger rows %v bad %+v", ls.Rows, ls.Bad)
	}
}
