package tujie_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/demo"
	"nianbao/export"
	"nianbao/export/tujie"
	"nianbao/model"
)

func demoYear(t *testing.T, year int) *model.OrganYear {
	t.Helper()
	for _, oy := range demo.Build() {
		if oy.Report.Year == year {
			return oy
		}
	}
	t.Fatalf("the demo has no %d", year)
	return nil
}

// exportTujie exports the 图解 of oy with export.Run, as the command and
// the export screen do, and returns the folder and the result.
func exportTujie(t *testing.T, oy *model.OrganYear) (string, *export.Result) {
	t.Helper()
	dir := t.TempDir()
	res, err := export.Run(context.Background(), oy, export.Options{Formats: []string{export.FormatTujie}, Dir: dir,
		Version: "test", Now: time.Date(2022, 1, 18, 9, 0, 0, 0, time.UTC), Calendar: model.DefaultCalendar()}, nil)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	return dir, res
}

var (
	reValueText = regexp.MustCompile(`<text [^>]*class="v" data-cells="([^"]*)"(?: data-source="([a-z]+)")?( data-last="1")?>([^<]*)</text>`)
	reValueCell = regexp.MustCompile(`<td class="n" data-cells="([^"]*)"(?: data-source="([a-z]+)")?( data-last="1")?>([^<]*)</td>`)
	reAnyText   = regexp.MustCompile(`<text [^>]*>([^<]*)</text>`)
)

// checkFigure checks one printed figure: the sum of the cells it names
// (in last year's tables when it is marked so), printed as the column
// prints money and signed changes, a count followed by its unit; the item
// counts and the on-time rate recomputed from the items and the log.
func checkFigure(t *testing.T, oy *model.OrganYear, cellsAttr, source string, last bool, got string, cal *model.Calendar) {
	t.Helper()
	got = html.UnescapeString(got)
	v, f := model.EffectiveValues(oy), oy.Report.Format()
	if last {
		v, f = oy.Prev.Values, model.FormatByID(oy.Prev.FormatID)
	}
	switch source {
	case "items":
		n := model.CountItems(oy.Report.Year, oy.Items)
		ok := got == strconv.Itoa(n.Total)+"条"
		for _, c := range n.Categories {
			ok = ok || got == strconv.Itoa(c.N)+"条"
		}
		if !ok {
			t.Errorf("item figure %q matches no count of the registered items", got)
		}
		return
	case "ontime":
		closed, late := 0, 0
		for i := range oy.Requests {
			q := &oy.Requests[i]
			if q.Closed() && q.Answered.Year() == oy.Report.Year {
				closed++
				if model.AnsweredLate(q, cal) {
					late++
				}
			}
		}
		want := strconv.FormatFloat(float64(closed-late)*100/float64(closed), 'f', 1, 64)
		want = strings.TrimSuffix(want, ".0") + "%"
		if got != want {
			t.Errorf("on-time rate %q, want %q (%d closed, %d late)", got, want, closed, late)
		}
		return
	}
	if cellsAttr == "" {
		t.Errorf("figure %q names no cells and no source", got)
		return
	}
	var sum int64
	var col model.Column
	for i, s := range strings.Fields(cellsAttr) {
		a, err := parseCell(s)
		if err != nil {
			t.Fatalf("figure %q: %v", got, err)
		}
		_, _, c, ok := f.Cell(a)
		if !ok {
			t.Fatalf("figure %q names %s, not a cell of the %s format", got, s, f.Name)
		}
		if i == 0 {
			col = c
		}
		sum += v.Get(a)
	}
	switch col.Kind {
	case model.KindMoney:
		if want := model.FormatMoney(sum, col.Unit) + col.Unit; got != want {
			t.Errorf("money figure %q over %s, want %q", got, cellsAttr, want)
		}
	case model.KindDelta:
		if want := model.FormatCell(col, sum); got != want {
			t.Errorf("change figure %q over %s, want %q", got, cellsAttr, want)
		}
	default:
		n := strings.TrimRight(got, "件条项")
		if n != strconv.FormatInt(sum, 10) || len(got)-len(n) > len("件") {
			t.Errorf("figure %q over %s, want %d", got, cellsAttr, sum)
		}
	}
}

// checkPage checks a 图解 html page against the tables of oy: every figure
// printed on a chart and in a data table equals the sum of the cells it
// names, every chart has its data table, every section 二 and table 四
// cell is shown, and nothing runs or loads from outside.
func checkPage(t *testing.T, oy *model.OrganYear, page string) {
	t.Helper()
	lower := strings.ToLower(page)
	for _, bad := range []string{"<script", "javascript:", "http://", "https://", "src=", "href=", "@import", "<link", "<iframe", "<object", "<embed", "<img"} {
		if strings.Contains(lower, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if n := strings.Count(lower, "url("); n != strings.Count(lower, "url(#") {
		t.Errorf("the page refers to %d url() outside itself", n-strings.Count(lower, "url(#"))
	}
	cal := model.DefaultCalendar()
	figs := reValueText.FindAllStringSubmatch(page, -1)
	if len(figs) < 20 {
		t.Fatalf("only %d figures on the charts", len(figs))
	}
	named := map[string]bool{}
	for _, m := range figs {
		checkFigure(t, oy, m[1], m[2], m[3] != "", m[4], cal)
		for _, c := range strings.Fields(m[1]) {
			named[c] = true
		}
	}
	cells := reValueCell.FindAllStringSubmatch(page, -1)
	inTables := map[string]bool{}
	for _, m := range cells {
		checkFigure(t, oy, m[1], m[2], m[3] != "", m[4], cal)
		for _, c := range strings.Fields(m[1]) {
			inTables[c] = true
		}
	}
	// Every number printed in an SVG is a checked figure, or a label
	// (a year, a change, a list number) that is not a table value.
	for _, m := range reAnyText.FindAllStringSubmatch(page, -1) {
		s := html.UnescapeString(m[1])
		if strings.ContainsAny(s, "0123456789") && !strings.Contains(m[0], `class="v"`) &&
			!strings.HasSuffix(s, "年") && !strings.HasSuffix(s, "%") && s != "持平" && !strings.Contains(s, "年政府信息公开") &&
			!strings.HasPrefix(s, "上年") && !strings.HasPrefix(s, "+") {
			t.Errorf("SVG text %q prints a number that is not a checked figure", s)
		}
	}
	if nf, nt := strings.Count(page, "<figure>"), strings.Count(page, `<table class="data">`); nf == 0 || nf != nt {
		t.Errorf("%d charts but %d data tables", nf, nt)
	}
	if nt := len(cells); nt < len(figs)/2 {
		t.Errorf("the data tables hold %d figures, the charts %d", nt, len(figs))
	}
	// Every cell of section 二 and table 四 is printed: on a chart (all of
	// section 二; table 四's results of the groups that had cases) and in
	// a data table.
	f := oy.Report.Format()
	for _, mt := range append(f.SectionTables(2), f.Table(model.TableS4)) {
		for _, a := range mt.Cells() {
			if !inTables[a.String()] {
				t.Errorf("cell %s (%s) is in no data table", a, f.Place(a))
			}
			total := model.Addr(model.TableS4, model.RowS4Cases, a.Col[:2]+"_total")
			if mt.Section == 4 && model.EffectiveValues(oy).Get(total) == 0 {
				continue
			}
			if !named[a.String()] {
				t.Errorf("cell %s (%s) is not on any chart", a, f.Place(a))
			}
		}
	}
	for _, og := range f.OutcomeGroups() {
		if !strings.Contains(page, ">"+tujie.ShortLabel(og.Label)+"<") {
			t.Errorf("outcome group %s is not on the chart", og.Label)
		}
	}
	for _, at := range model.ApplicantTypes {
		if !strings.Contains(page, ">"+at.Label()+"<") {
			t.Errorf("applicant column %s is not on the chart", at.Label())
		}
	}
}

func TestDemo2021Tujie(t *testing.T) {
	oy := demoYear(t, 2021)
	dir, res := exportTujie(t, oy)
	htmlName, pngName := export.TujieNames(oy.Organ.Name, 2021, false)
	if htmlName != "大雁镇人民政府2021年政府信息公开工作年度报告（图解）.html" {
		t.Fatalf("file name %q", htmlName)
	}
	data, err := os.ReadFile(filepath.Join(dir, htmlName))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	checkPage(t, oy, page)
	for _, want := range []string{"大雁镇人民政府", "2021年政府信息公开工作年度报告", "图解", "主动公开", "收到申请",
		"按期答复率", "行政复议", "行政诉讼", "办理结果", "数据表：", tujie.MeasuresHeading} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "上年") {
		t.Errorf("the demo has no 2020 report, yet the page compares with last year")
	}
	// The manifest lists the page (and the PNG when one was written) with
	// their SHA-256.
	man, err := os.ReadFile(filepath.Join(dir, export.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if !strings.Contains(string(man), filepath.Base(f.Path)+"\t"+strconv.FormatInt(f.Size, 10)+"\t"+f.SHA256) {
			t.Errorf("the manifest lacks %s with its SHA-256", filepath.Base(f.Path))
		}
	}
	if _, err := tujie.FindFont(""); err == nil {
		if len(res.Files) != 2 || filepath.Base(res.Files[1].Path) != pngName {
			t.Errorf("a Chinese font is installed but the PNG was not written: %v, notes %v", res.Files, res.Notes)
		}
	} else {
		if len(res.Files) != 1 || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "中文字体") {
			t.Errorf("without a font: files %v, notes %v", res.Files, res.Notes)
		}
	}
}

func TestDemo2019Tujie(t *testing.T) {
	oy := demoYear(t, 2019)
	p := tujie.Build(tujie.Input{OY: oy, Calendar: model.DefaultCalendar()})
	page := string(tujie.RenderHTML(p))
	checkPage(t, oy, page)
	// The 2019 format's own rows: 其他对外管理服务事项 and 政府集中采购.
	for _, want := range []string{"其他对外管理服务事项", "政府集中采购", "130万元"} {
		if !strings.Contains(page, want) {
			t.Errorf("the 2019 page lacks %q", want)
		}
	}
}

// TestYearOverYear: with last year in the database each key figure stands
// beside last year's with the change, and the comparison chart holds only
// figures both formats have.
func TestYearOverYear(t *testing.T) {
	oy := demoYear(t, 2021)
	prev := model.Values{}
	s3 := func(row string, n int64) { prev[model.Addr(model.TableS3, row, model.ColTotal)] = n }
	s3(model.RowNew, 25)
	s3(model.RowDisclosed, 10)
	s3("o6", 2) // the 2019 format's single （六）其他处理 row
	prev[model.Addr(model.TableS4, model.RowS4Cases, "rv_total")] = 1
	oy.Prev = &model.PrevYear{Year: 2020, FormatID: "2019", Values: prev}
	p := tujie.Build(tujie.Input{OY: oy, Calendar: model.DefaultCalendar()})
	if p.PrevYear != 2020 {
		t.Fatalf("PrevYear %d", p.PrevYear)
	}
	page := string(tujie.RenderHTML(p))
	checkPage(t, oy, page)
	cur := model.EffectiveValues(oy).Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal))
	var got *tujie.Figure
	for i := range p.Figures {
		if p.Figures[i].Label == "收到申请" {
			got = &p.Figures[i]
		}
	}
	if got == nil || got.Prev == nil || got.Prev.N != 25 || got.Change != tujie.Change(cur, 25) {
		t.Fatalf("收到申请 figure %+v", got)
	}
	for _, want := range []string{"2021年", "2020年", "上年25件 " + tujie.Change(cur, 25), "主要数字与上年对比", "表二的项目与本年不同"} {
		if !strings.Contains(page, html.EscapeString(want)) {
			t.Errorf("the page lacks %q", want)
		}
	}
	var yoy *tujie.Chart
	for _, s := range p.Sections {
		for i := range s.Charts {
			if s.Charts[i].ID == "yoy" {
				yoy = &s.Charts[i]
			}
		}
	}
	if yoy == nil {
		t.Fatal("no year-over-year chart")
	}
	for _, g := range yoy.Groups {
		for _, b := range g.Bars {
			if b.Prev == nil {
				t.Errorf("%s has no last-year value", b.Label)
			}
			if b.Label == "其他处理" && b.Prev.N != 2 {
				t.Errorf("其他处理 last year %d, want 2 (the 2019 format's one row)", b.Prev.N)
			}
			for _, a := range b.Value.Cells {
				if a.Table == "s2_1" {
					t.Errorf("section 二 compared across formats: %s", a)
				}
			}
		}
	}
}

func TestChange(t *testing.T) {
	for _, c := range []struct {
		cur, prev int64
		want      string
	}{{28, 25, "+12%"}, {20, 25, "-20%"}, {5, 5, "持平"}, {3, 0, "+3"}, {0, 4, "-100%"}, {1001, 1000, "+0.1%"}} {
		if got := tujie.Change(c.cur, c.prev); got != c.want {
			t.Errorf("Change(%d, %d) = %q, want %q", c.cur, c.prev, got, c.want)
		}
	}
}

func TestShortLabel(t *testing.T) {
	for in, want := range map[string]string{
		"（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "部分公开",
		"一、本年新收政府信息公开申请数量":             "本年新收",
		"四、结转下年度继续办理":                  "结转下年度",
		"3.要求提供公开出版物":                  "要求提供公开出版物",
		"行政规范性文件":                      "行政规范性文件",
		"本年收费金额（单位：万元）":                "本年收费金额",
	} {
		if got := tujie.ShortLabel(in); got != want {
			t.Errorf("ShortLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMeasuresWithStatus: the measures of section 五 are listed, each with
// its status.
func TestMeasuresWithStatus(t *testing.T) {
	oy := demoYear(t, 2021)
	p := tujie.Build(tujie.Input{OY: oy})
	if len(p.Measures) == 0 {
		t.Fatal("the demo's measures are missing")
	}
	page := string(tujie.RenderHTML(p))
	for _, m := range p.Measures {
		if !strings.Contains(page, html.EscapeString(m.Text)+`<span class="st`) || !strings.Contains(page, m.Status.Label()) {
			t.Errorf("measure %q without its status", m.Text)
		}
	}
	// Without a calendar the on-time rate is left out, not guessed.
	if strings.Contains(page, "按期答复率") {
		t.Error("on-time rate printed without a calendar")
	}
}

// TestPNG draws the demo's 图解 with the Chinese font found on the machine
// and checks its width and size.
func TestPNG(t *testing.T) {
	fnt, err := tujie.FindFont("")
	if errors.Is(err, tujie.ErrNoFont) {
		t.Skip("SKIP: no Chinese font installed (apt-get install fonts-noto-cjk)")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("font: %s (%s)", fnt.Name, fnt.Path)
	oy := demoYear(t, 2021)
	p := tujie.Build(tujie.Input{OY: oy, Calendar: model.DefaultCalendar()})
	data, err := tujie.RenderPNG(p, fnt)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	t.Logf("PNG %d×%d, %d bytes", b.Dx(), b.Dy(), len(data))
	if b.Dx() < 1500 {
		t.Errorf("PNG %d px wide, want at least 1500", b.Dx())
	}
	if len(data) >= 3<<20 {
		t.Errorf("PNG %d bytes, want under 3 MB", len(data))
	}
	if want := int(tujie.PageScene(p).H * tujie.PNGScale); b.Dy() != want {
		t.Errorf("PNG %d px high, the page is %d", b.Dy(), want)
	}
	// The title band is drawn, and its text in white on it.
	band := 0
	white := 0
	y0 := tujie.PageMargin * tujie.PNGScale
	for y := y0; y < y0+90*tujie.PNGScale; y++ {
		for x := y0; x < b.Dx()-y0; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			switch {
			case r>>8 == 0x1f && g>>8 == 0x4e && bl>>8 == 0x79:
				band++
			case r>>8 > 0xf0 && g>>8 > 0xf0 && bl>>8 > 0xf0:
				white++
			}
		}
	}
	if band == 0 || white == 0 {
		t.Errorf("title band: %d band pixels, %d white text pixels", band, white)
	}
}

func TestLoadFontErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.ttf")
	if err := os.WriteFile(bad, []byte("not a font at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := tujie.LoadFont(bad); err == nil || !strings.Contains(err.Error(), "无法使用") {
		t.Errorf("a broken font file: %v", err)
	}
	if _, err := tujie.FindFont(filepath.Join(t.TempDir(), "missing.ttc")); err == nil || !strings.Contains(err.Error(), "找不到字体文件") {
		t.Errorf("a missing font file: %v", err)
	}
}

// TestExportWithoutFont: where the font cannot be used the export writes
// the html alone, lists it in the manifest, and says why there is no PNG.
func TestExportWithoutFont(t *testing.T) {
	t.Setenv(tujie.FontEnv, filepath.Join(t.TempDir(), "none.ttf"))
	dir, res := exportTujie(t, demoYear(t, 2021))
	if len(res.Files) != 1 || !strings.HasSuffix(res.Files[0].Path, "（图解）.html") {
		t.Fatalf("files %v", res.Files)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "找不到字体文件") || !strings.Contains(res.Notes[0], "没有写出长图") {
		t.Fatalf("notes %v", res.Notes)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".png") {
			t.Errorf("a PNG was written: %s", e.Name())
		}
	}
}

// TestLoadFontRealigns: wqy-zenhei.ttc and the arphic collections place
// tables off 4-byte boundaries, which golang.org/x/image refuses; LoadFont
// repacks them.
func TestLoadFontRealigns(t *testing.T) {
	var found bool
	for _, p := range []string{"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc"} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		found = true
		f, err := tujie.LoadFont(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		t.Logf("%s: %s", p, f.Name)
	}
	if !found {
		t.Skip("SKIP: wqy-zenhei not installed (apt-get install fonts-wqy-zenhei)")
	}
}

// TestChromiumRendersPage renders the demo's 图解 in headless Chromium and
// checks the screenshot is the page's width: at 750 px the band reaches
// both margins, and in a wider window nothing lies outside 750 px.
func TestChromiumRendersPage(t *testing.T) {
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("SKIP: chromium not installed (apt-get install chromium)")
	}
	oy := demoYear(t, 2021)
	dir := t.TempDir()
	page := filepath.Join(dir, "tujie.html")
	p := tujie.Build(tujie.Input{OY: oy, Calendar: model.DefaultCalendar()})
	if err := os.WriteFile(page, tujie.RenderHTML(p), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := func(width int) image.Image {
		out := filepath.Join(dir, "shot"+strconv.Itoa(width)+".png")
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
			"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size="+strconv.Itoa(width)+",1200",
			"--screenshot="+out, "file://"+page)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("chromium: %v\n%s", err, msg)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	img := shot(tujie.PageWidth)
	if w := img.Bounds().Dx(); w != tujie.PageWidth {
		t.Fatalf("screenshot %d px wide, the page is %d", w, tujie.PageWidth)
	}
	// The band's dark blue starts at the left margin and ends at the right.
	y := tujie.PageMargin + 40
	isBand := func(x int) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		return r>>8 == 0x1f && g>>8 == 0x4e && b>>8 == 0x79
	}
	if !isBand(tujie.PageMargin+2) || !isBand(tujie.PageWidth-tujie.PageMargin-3) || isBand(tujie.PageMargin-3) {
		t.Errorf("the title band does not span the page's content width in the screenshot")
	}
	wide := shot(1100)
	minX, maxX := wide.Bounds().Dx(), 0
	wb := wide.Bounds()
	for y := 0; y < wb.Dy(); y += 2 {
		for x := 0; x < wb.Dx(); x++ {
			r, g, b, _ := wide.At(x, y).RGBA()
			if r>>8 < 0xf0 || g>>8 < 0xf0 || b>>8 < 0xf0 {
				minX, maxX = min(minX, x), max(maxX, x)
			}
		}
	}
	if maxX-minX+1 > tujie.PageWidth-2*tujie.PageMargin {
		t.Errorf("content spans %d px in a wide window, wider than the page's %d", maxX-minX+1, tujie.PageWidth-2*tujie.PageMargin)
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
