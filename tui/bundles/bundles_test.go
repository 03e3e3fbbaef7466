package bundles

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"

	"nianbao/export/bundle"
	"nianbao/export/summary"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
)

// personal markers stored in the open year's request log.
var markers = []string{"ZHANGSANMARK", "13900001111", "150000199001011234", "XINGFULUMARK"}

func withRequest(t *testing.T, e *testenv.Env) {
	t.Helper()
	q := model.Request{OrganID: e.C.Organ.ID, Year: 2021, Serial: 1, Received: model.NewDate(2021, 3, 5),
		Channel: model.ChannelOnline, Applicant: model.NaturalPerson,
		Personal: model.Personal{Name: markers[0], Phone: markers[1], IDNumber: markers[2], Address: markers[3]},
		Summary:  "申请公开镇道路修缮资金情况", Outcome: "o1", Answered: model.NewDate(2021, 3, 20)}
	if err := e.Store.SaveRequest(context.Background(), &q); err != nil {
		t.Fatal(err)
	}
	e.Reload()
}

func TestExportPublicBundleByKeysHasNoPersonalData(t *testing.T) {
	e := testenv.New(t, 2021)
	withRequest(t, e)
	dir := t.TempDir()
	s := NewExport(e.C).(*Export)
	d := e.Drive(s)
	d.Send(drivesMsg{}) // no removable drive on this machine: the typed folder
	d.Keys("down", "down")
	if !s.Typing() || s.Cursor() == nil {
		t.Fatal("the folder input should have the keys and the cursor")
	}
	d.Type(dir)
	d.Keys("enter", "enter")
	res := s.Result()
	if res == nil {
		t.Fatalf("nothing written:\n%s", ansi.Strip(d.View(80, 21)))
	}
	if filepath.Base(res.Path) != "大雁镇人民政府2021年年报报送包.json" {
		t.Fatalf("file name %q", res.Path)
	}
	view := ansi.Strip(d.View(80, 21))
	if !strings.Contains(view, res.SHA256) || !strings.Contains(view, "已读回核对") {
		t.Fatalf("path and SHA-256 not shown:\n%s", view)
	}
	data, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	oy, meta, err := bundle.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Kind != bundle.Public || len(oy.Requests) != 1 || oy.Organ.Name != "大雁镇人民政府" {
		t.Fatalf("decoded %+v, %d requests", meta, len(oy.Requests))
	}
	for _, m := range markers {
		if strings.Contains(string(data), m) {
			t.Fatalf("public bundle holds personal data %q", m)
		}
	}
}

func TestFullBundleOnlyAfterWarning(t *testing.T) {
	e := testenv.New(t, 2021)
	withRequest(t, e)
	dir := t.TempDir()
	s := NewExport(e.C).(*Export)
	d := e.Drive(s)
	d.Send(drivesMsg{})
	d.Keys("down", "space")
	if !strings.Contains(testenv.DialogView(e.C), "确定要导出完整报送包吗") {
		t.Fatal("choosing the full bundle must warn first")
	}
	d.Keys("n")
	if s.Kind() != bundle.Public {
		t.Fatal("answering n must keep the public bundle")
	}
	d.Keys("space", "y")
	if s.Kind() != bundle.Full {
		t.Fatal("answering y must choose the full bundle")
	}
	d.Keys("down")
	d.Type(dir)
	d.Keys("enter", "enter")
	res := s.Result()
	if res == nil || !strings.HasSuffix(res.Path, "（含个人信息）.json") {
		t.Fatalf("full bundle not written: %+v", res)
	}
	if !strings.Contains(ansi.Strip(d.View(80, 21)), "含申请人个人信息") {
		t.Fatal("the written full bundle must carry the warning")
	}
	data, _ := os.ReadFile(res.Path)
	if !strings.Contains(string(data), markers[0]) {
		t.Fatal("a full bundle carries the personal data")
	}
}

func writeBundle(t *testing.T, dir string, oy *model.OrganYear) {
	t.Helper()
	data, err := bundle.Encode(oy, bundle.Public)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, bundle.FileName(oy, bundle.Public)), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// otherOrgan is another organ's report with every typed cell entered as 0.
func otherOrgan(name string, year int) *model.OrganYear {
	r := model.NewReport(0, year)
	model.ZeroBlanks(r)
	return &model.OrganYear{Organ: model.Organ{Name: name, Level: model.LevelTownship, Office: name + "党政办", Phone: "0470-1111111"},
		Report: r}
}

func TestImportThreeBundlesKeepThenReplace(t *testing.T) {
	e := testenv.New(t, 2021)
	ctx := context.Background()
	dir := t.TempDir()
	writeBundle(t, dir, otherOrgan("伊敏河镇人民政府", 2021))
	if err := os.WriteFile(filepath.Join(dir, "坏的报送包.json"), []byte(`{"magic":"nianbao-bundle",`), 0o600); err != nil {
		t.Fatal(err)
	}
	dup, err := e.Store.LoadOrganYear(ctx, e.C.Organ.ID, 2021, false)
	if err != nil {
		t.Fatal(err)
	}
	dup.Organ.Phone = "0470-9999999"
	writeBundle(t, dir, dup)

	s := NewImport(e.C)
	d := e.Drive(s)
	d.Send(drivesMsg{})
	d.Type(dir)
	d.Keys("enter")
	es := s.Entries()
	if len(es) != 3 {
		t.Fatalf("entries %+v", es)
	}
	view := ansi.Strip(d.View(80, 21))
	for _, want := range []string{"3 个报送包", "1 个有问题", "坏的报送包.json", "伊敏河镇人民政府 · 2021年 · 公开", "大雁镇人民政府 · 2021年 · 公开", "已有该年度"} {
		if !strings.Contains(view, want) {
			t.Fatalf("list lacks %q:\n%s", want, view)
		}
	}
	d.Keys("a", "enter")
	if len(s.Diff()) == 0 {
		t.Fatalf("the duplicate year must show its differences:\n%s", ansi.Strip(d.View(80, 21)))
	}
	view = testenv.DialogView(e.C)
	if !strings.Contains(view, "联系电话：「0470-1234567」→「0470-9999999」") || !strings.Contains(view, "r 用报送包替换") {
		t.Fatalf("diff not asked on the dialog stack:\n%s", view)
	}
	d.Keys("k")
	if o, _ := e.Store.OrganByName(ctx, "大雁镇人民政府"); o.Phone != "0470-1234567" {
		t.Fatalf("保留 must keep the old year, phone %q", o.Phone)
	}
	o, err := e.Store.OrganByName(ctx, "伊敏河镇人民政府")
	if err != nil {
		t.Fatalf("the clean bundle was not imported: %v", err)
	}
	if ys, _ := e.Store.Years(ctx, o.ID); len(ys) != 1 || ys[0] != 2021 {
		t.Fatalf("years %v", ys)
	}
	view = ansi.Strip(d.View(80, 21))
	if !strings.Contains(view, "导入 1 个，替换 0 个，保留 1 个") {
		t.Fatalf("summary:\n%s", view)
	}
	// Again, and this time replace.
	d.Keys("enter")
	if len(s.Diff()) == 0 {
		t.Fatal("the duplicate must be asked about again")
	}
	d.Keys("r")
	if o, _ := e.Store.OrganByName(ctx, "大雁镇人民政府"); o.Phone != "0470-9999999" {
		t.Fatalf("替换 must store the bundle, phone %q", o.Phone)
	}
	if !strings.Contains(ansi.Strip(d.View(80, 21)), "替换 1 个") {
		t.Fatal("the replacement must be reported")
	}
	if len(d.Out) != 0 {
		t.Fatalf("unexpected messages %v", d.Out)
	}
	d.Keys("esc", "esc")
	if len(d.Out) != 1 {
		t.Fatalf("esc twice should go back, got %v", d.Out)
	}
}

func TestAggregateWritesWorkbookWithTotals(t *testing.T) {
	e := testenv.New(t, 2021)
	dir, out := t.TempDir(), t.TempDir()
	f := model.FormatForYear(2021)
	tb := f.SectionTables(2)[0]
	a := model.Addr(tb.ID, tb.Rows[0].ID, tb.Columns[0].ID)
	for i, n := range []int64{7, 5} {
		oy := otherOrgan([]string{"甲镇人民政府", "乙镇人民政府"}[i], 2021)
		oy.Report.Values[a] = n
		writeBundle(t, dir, oy)
	}
	writeBundle(t, dir, otherOrgan("丁镇人民政府", 2020)) // another year: skipped

	s := NewAggregate(e.C, dir, 2021)
	d := e.Drive(s)
	d.Send(drivesMsg{})
	d.Keys("down", "down")
	d.Type("甲镇人民政府，乙镇人民政府、丙镇人民政府")
	d.Keys("down", "ctrl+u")
	d.Type(out)
	d.Keys("enter", "enter")
	res, file := s.Result()
	if res == nil || file == nil {
		t.Fatalf("no workbook:\n%s", ansi.Strip(d.View(80, 21)))
	}
	if res.Counted != 2 || filepath.Base(file.Path) != "汇总2021.xlsx" || filepath.Dir(file.Path) != out {
		t.Fatalf("counted %d, file %s", res.Counted, file.Path)
	}
	view := ansi.Strip(d.View(80, 21))
	for _, want := range []string{"2021年汇总：2 个单位计入合计", "丙镇人民政府", "未报送", file.SHA256} {
		if !strings.Contains(view, want) {
			t.Fatalf("view lacks %q:\n%s", want, view)
		}
	}
	x, err := excelize.OpenFile(file.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(summary.SheetByOrgan)
	if err != nil {
		t.Fatal(err)
	}
	// Cells are columns named in the 单元格地址 row; then come the 合计 row
	// and a row per counted organ, by name.
	at := -1
	for i, r := range rows {
		if len(r) > 0 && r[0] == "单元格地址" {
			at = i
		}
	}
	if at < 0 || len(rows) != at+4 || rows[at+1][0] != summary.TotalHead || rows[at+2][0] != "乙镇人民政府" || rows[at+3][0] != "甲镇人民政府" {
		t.Fatalf("rows after the heads: %v", rows[at+1:])
	}
	addrs, total := rows[at], rows[at+1]
	checked, found := 0, false
	for j := 1; j < len(addrs); j++ {
		sum := 0.0
		for _, r := range rows[at+2:] {
			v, err := strconv.ParseFloat(r[j], 64)
			if err != nil {
				t.Fatalf("cell %q of %s in column %s", r[j], r[0], addrs[j])
			}
			sum += v
		}
		tot, err := strconv.ParseFloat(total[j], 64)
		if err != nil || tot != sum {
			t.Fatalf("column %s: total %q, sum of organs %v", addrs[j], total[j], sum)
		}
		if addrs[j] == a.String() {
			found = tot == 12
		}
		checked++
	}
	if !found || checked < 10 {
		t.Fatalf("cell %s total 12 found=%v, rows checked %d", a, found, checked)
	}
}

// Every screen fills exactly width×height cells, at the suggested 80×24
// (21 lines under the app's title, status and help bars) and when narrow.
func TestScreensFitTheirSize(t *testing.T) {
	e := testenv.New(t, 2021)
	dir := t.TempDir()
	writeBundle(t, dir, otherOrgan("伊敏河镇人民政府", 2021))
	if err := os.WriteFile(filepath.Join(dir, "不是报送包的一个名字很长很长很长很长很长很长很长很长的文件.json"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	imp := NewImport(e.C)
	di := e.Drive(imp)
	di.Send(drivesMsg{})
	di.Type(dir)
	di.Keys("enter")
	agg := NewAggregate(e.C, dir, 2021)
	da := e.Drive(agg)
	da.Send(drivesMsg{})
	da.Keys("up", "enter")
	exp := NewExport(e.C)
	de := e.Drive(exp)
	de.Send(drivesMsg{})
	for _, s := range []interface{ View(int, int) string }{exp, imp, agg} {
		for _, sz := range [][2]int{{80, 21}, {40, 10}} {
			out := s.View(sz[0], sz[1])
			lines := strings.Split(out, "\n")
			if len(lines) != sz[1] {
				t.Fatalf("%T at %v: %d lines", s, sz, len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > sz[0] {
					t.Fatalf("%T at %v: line %q is %d wide", s, sz, ansi.Strip(l), w)
				}
			}
		}
	}
	if _, f := agg.Result(); f == nil {
		t.Fatal("the aggregation should have written its workbook")
	}
}

// h on the list opens the aggregation of the same folder for the year of
// the bundles, even when the cursor sits on a bad file.
func TestAggregateFromListTakesTheBundlesYear(t *testing.T) {
	e := testenv.New(t, 2021)
	dir := t.TempDir()
	writeBundle(t, dir, otherOrgan("伊敏河镇人民政府", 2020))
	if err := os.WriteFile(filepath.Join(dir, "0坏.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := NewImport(e.C)
	d := e.Drive(s)
	d.Send(drivesMsg{})
	d.Type(dir)
	d.Keys("enter", "h")
	if len(d.Out) != 1 {
		t.Fatalf("out %v", d.Out)
	}
	a := d.Out[0].(common.PushMsg).Screen.(*Aggregate)
	if a.year.Value() != "2020" || a.src.Value() != dir || a.out.dir() != dir {
		t.Fatalf("year %q, folder %q, out %q", a.year.Value(), a.src.Value(), a.out.dir())
	}
}

// A folder that cannot be written is said in Chinese on the screen and
// nothing is reported as written.
func TestExportToMissingFolderSaysWhy(t *testing.T) {
	e := testenv.New(t, 2021)
	s := NewExport(e.C).(*Export)
	d := e.Drive(s)
	d.Send(drivesMsg{})
	d.Keys("down", "down", "down", "enter")
	if !strings.Contains(ansi.Strip(d.View(80, 21)), "没有选择位置") {
		t.Fatal("no folder chosen must be said")
	}
	d.Keys("up")
	d.Type(filepath.Join(t.TempDir(), "没有这个文件夹"))
	d.Keys("enter", "enter")
	view := ansi.Strip(d.View(80, 21))
	if s.Result() != nil || !strings.Contains(view, "✗") {
		t.Fatalf("a missing folder must fail visibly:\n%s", view)
	}
}
