package export

import (
	"strings"
	"testing"

	"nianbao/model"
)

func headings(d *Document, level int) []string {
	var out []string
	for _, b := range d.Body {
		if b.Kind == KindHeading && b.Level == level {
			out = append(out, b.Text)
		}
	}
	return out
}

func paragraphs(d *Document) []string {
	var out []string
	for _, b := range d.Body {
		if b.Kind == KindParagraph {
			out = append(out, b.Text)
		}
	}
	return out
}

func tables(d *Document) []*Table {
	var out []*Table
	for _, b := range d.Body {
		if b.Kind == KindTable {
			out = append(out, b.Table)
		}
	}
	return out
}

func TestBuildNumbersHeadingsByPosition(t *testing.T) {
	d := Build(fixture2019(), BuildOptions{Today: today})
	if got := strings.Join(headings(d, 0), "|"); got != strings.Join(model.SectionTitles[1:], "|") {
		t.Errorf("section headings %s", got)
	}
	want1 := []string{"（一）基本情况", "（二）工作机构和人员设置情况", "（三）公开渠道建设"}
	if got := headings(d, 1); strings.Join(got, "|") != strings.Join(want1, "|") {
		t.Errorf("level 1 headings %v, want %v", got, want1)
	}
	// "领导小组" gets 1.; "2.工作人员" was typed with its number and keeps it.
	want2 := []string{"1.领导小组", "2.工作人员"}
	if got := headings(d, 2); strings.Join(got, "|") != strings.Join(want2, "|") {
		t.Errorf("level 2 headings %v, want %v", got, want2)
	}
	// Multi-line paragraphs become separate paragraphs, empty blocks vanish.
	ps := paragraphs(d)
	for _, p := range ps {
		if strings.TrimSpace(p) == "" || strings.Contains(p, "\n") {
			t.Errorf("paragraph %q should be one non-empty line", p)
		}
	}
}

func TestBuildPrintsAllZeroTablesWithEveryCellFilled(t *testing.T) {
	oy := &model.OrganYear{Organ: model.Organ{Name: "空白乡人民政府"}, Report: model.NewReport(9, 2022)}
	model.ZeroBlanks(oy.Report) // every typed cell entered as 0
	d := Build(oy, BuildOptions{Today: today})
	ts := tables(d)
	if len(ts) != 3 {
		t.Fatalf("want tables for 二, 三 and 四 even when all zero, got %d", len(ts))
	}
	f := oy.Report.Format()
	wantCells := 0
	for _, mt := range f.Tables {
		wantCells += len(mt.Rows) * len(mt.Columns)
	}
	zeros := 0
	for _, tb := range ts {
		g := tb.Layout()
		for r := 0; r < g.Height; r++ {
			for c := 0; c < g.Width; c++ {
				if g.Owner[r][c] < 0 {
					t.Fatalf("hole in the grid at %d,%d", r, c)
				}
			}
		}
		for _, p := range g.Cells {
			if p.Text == "" {
				t.Errorf("blank cell at %d,%d", p.Row, p.Col)
			}
			if p.Numeric {
				if p.Text != "0" {
					t.Errorf("value %q in an empty report", p.Text)
				}
				zeros++
			}
		}
	}
	if zeros != wantCells {
		t.Errorf("%d value cells printed, the format has %d", zeros, wantCells)
	}
	// 2021: table 三 has 25 rows of 7 values.
	if s3 := f.Table(model.TableS3); len(s3.Rows)*len(s3.Columns) != 175 {
		t.Errorf("2021 table 三 has %d cells", len(s3.Rows)*len(s3.Columns))
	}
	if !strings.Contains(strings.Join(paragraphs(d), ""), "未收取信息处理费") {
		t.Error("a 2021 report without fees must still say so in 六")
	}
}

func TestLayoutOfTable3(t *testing.T) {
	f := model.FormatByID("2019")
	tb := convertTable(f.Table(model.TableS3), model.Values{}, 0)
	g := tb.Layout()
	if g.Width != 10 || g.Height != 3+23 {
		t.Fatalf("grid %dx%d, want 10 wide and 26 high", g.Width, g.Height)
	}
	corner, origin, _ := g.At(2, 2)
	if origin || corner.Row != 0 || corner.Col != 0 || corner.Rows != 3 || corner.Cols != 3 || corner.Text != model.S3Corner {
		t.Errorf("corner %+v", corner)
	}
	// 总计 header spans two rows at column 9.
	total, _, _ := g.At(2, 9)
	if total.Text != "总计" || total.Row != 1 || total.Rows != 2 {
		t.Errorf("总计 header %+v", total)
	}
	// 三、本年度办理结果 covers （一）…（七） vertically in column 0.
	out, _, _ := g.At(5, 0)
	// 2019: （一）（二）, eight （三）, three （四）, five （五）, one （六） and （七）.
	if out.Text != model.LabelOutcomes || out.Rows != 20 || out.Row != 5 {
		t.Errorf("outcome group cell %+v", out)
	}
	// （一）予以公开 spans the two free stub columns.
	o1, _, _ := g.At(5, 1)
	if o1.Text != "（一）予以公开" || o1.Cols != 2 {
		t.Errorf("（一） cell %+v", o1)
	}
	// 一、本年新收 spans all three stub columns.
	n, _, _ := g.At(3, 2)
	if n.Text != "一、本年新收政府信息公开申请数量" || n.Cols != 3 {
		t.Errorf("row 一 label %+v", n)
	}
	// （三）不予公开 merges over its eight sub-rows.
	o3, _, _ := g.At(7, 1)
	if o3.Text != "（三）不予公开" || o3.Rows != 8 {
		t.Errorf("（三） cell %+v", o3)
	}
}

func TestSection2IsOneGridWithCaptionRows(t *testing.T) {
	f := model.FormatByID("2019")
	tb := section2Table(f, model.Values{model.Addr(model.TableS2Item5, model.RowLicensing, "delta"): 3})
	g := tb.Layout()
	if g.Width != 4 {
		t.Fatalf("width %d, want 4 (信息内容 + 3 columns)", g.Width)
	}
	captions := 0
	for _, p := range g.Cells {
		if strings.HasPrefix(p.Text, "第二十条") {
			captions++
			if p.Cols != 4 {
				t.Errorf("caption %s spans %d columns", p.Text, p.Cols)
			}
		}
		if p.Text == "本年增/减" && p.Col+p.Cols != 3 && p.Col+p.Cols != 4 {
			t.Errorf("本年增/减 misplaced %+v", p)
		}
	}
	if captions != 5 {
		t.Errorf("%d caption rows, want 5", captions)
	}
	found := false
	for _, p := range g.Cells {
		if p.Text == "+3" {
			found = true
		}
	}
	if !found {
		t.Error("a positive 本年增/减 prints with its sign")
	}
}

func TestBuildMeasuresFeesAndSignature(t *testing.T) {
	d := Build(fixture2019(), BuildOptions{Today: today})
	ps := strings.Join(paragraphs(d), "\n")
	if !strings.Contains(ps, "1.问题：干部对政务公开重视不够。改进措施：") || !strings.Contains(ps, "2.问题：工作人员缺乏系统培训。") {
		t.Errorf("measures missing or unnumbered:\n%s", ps)
	}
	if strings.Contains(ps, "不应出现在本年报告中") {
		t.Error("a measure of another year was printed")
	}
	if strings.Contains(ps, "信息处理费") {
		t.Error("the 2019 format has no fee sentence")
	}
	if got := strings.Join(d.Signature, "|"); got != "大雁镇|2020年1月20日" {
		t.Errorf("signature %q", got)
	}
	d2 := Build(fixture2021(), BuildOptions{Today: today})
	if got := d2.Signature[1]; got != "2023年1月15日" {
		t.Errorf("a report without a date is signed with the export date, got %s", got)
	}
	if !strings.Contains(strings.Join(paragraphs(d2), ""), "本年度共发出信息处理费收费通知2件，收取信息处理费200元。") {
		t.Error("fee sentence should count 2 notices and 200元 paid in the year")
	}
}

func TestPreambleText(t *testing.T) {
	oy := fixture2019()
	p := model.PreambleText(oy)
	for _, want := range []string{"《中华人民共和国政府信息公开条例》", "《鄂温克旗2019年政府信息公开工作要点》",
		"2019年1月1日至2019年12月31日", "鄂温克旗人民政府门户网站", "大雁镇政务公开办公室", "0470-2382772", "dyzdzb8601521@163.com", "六个部分"} {
		if !strings.Contains(p, want) {
			t.Errorf("preamble lacks %q: %s", want, p)
		}
	}
	oy.Report.Preamble.Where = "本镇政务公开栏"
	if p := model.PreambleText(oy); !strings.Contains(p, "本镇政务公开栏") || strings.Contains(p, "门户网站") {
		t.Errorf("Preamble.Where should replace the portal: %s", p)
	}
	oy.Organ.Phone, oy.Organ.Email, oy.Organ.Office = "", "", ""
	if p := model.PreambleText(oy); strings.Contains(p, "联系电话") || strings.Contains(p, "联系") {
		t.Errorf("no contact facts, no contact sentence: %s", p)
	}
	oy.Report.Preamble.Text = "本镇自拟的前言。"
	if p := model.PreambleText(oy); p != "本镇自拟的前言。" {
		t.Errorf("Preamble.Text should win, got %s", p)
	}
	if d := model.ReportDate(oy.Report, today); d != model.NewDate(2020, 1, 20) {
		t.Errorf("ReportDate %v", d)
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 35: "三十五"} {
		if got := ChineseNumber(n); got != want {
			t.Errorf("ChineseNumber(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestTextGridAlignsByDisplayWidth(t *testing.T) {
	tb := &Table{Rows: [][]Cell{
		{{Text: "信息内容", Header: true}, {Text: "数量", Header: true}},
		{{Text: "规章", Align: AlignLeft}, {Text: "12", Align: AlignCenter}},
	}}
	lines := TextGrid(tb)
	w := textWidth(lines[0])
	for _, l := range lines {
		if textWidth(l) != w {
			t.Errorf("line %q is %d wide, want %d", l, textWidth(l), w)
		}
	}
}

func TestWrapTextKeepsPunctuationOffLineStart(t *testing.T) {
	lines := wrapText("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 40)
	for _, l := range lines {
		if textWidth(l) > 40 {
			t.Errorf("line %q wider than 40", l)
		}
		if r := []rune(l); strings.ContainsRune(noLineStart, r[0]) {
			t.Errorf("line %q starts with punctuation", l)
		}
	}
	if strings.Join(lines, "") != "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" {
		t.Errorf("wrapping lost text: %v", lines)
	}
}

func TestBuildYearBeforeTheFormatsPrintsNarrativeOnly(t *testing.T) {
	oy := &model.OrganYear{Organ: model.Organ{Name: "旧年乡人民政府"}, Report: model.NewReport(1, 2017)}
	d := Build(oy, BuildOptions{Today: today})
	if len(tables(d)) != 0 || len(headings(d, 0)) != 6 {
		t.Errorf("want the six sections without tables, got %d tables and %d sections", len(tables(d)), len(headings(d, 0)))
	}
}

// A 未填 cell of a draft prints blank, never 0; the rest of its table
// prints as usual.
func TestBuildDraftPrintsBlankCellsBlank(t *testing.T) {
	oy := &model.OrganYear{Organ: model.Organ{Name: "空白乡人民政府"}, Report: model.NewReport(9, 2022)}
	r := oy.Report
	model.ZeroBlanks(r)
	delete(r.Values, model.Addr(model.TableS2Item5, model.RowLicensing, "decisions"))
	r.Values[model.Addr(model.TableS2Item6, model.RowPenalty, "decisions")] = 7
	d := Build(oy, BuildOptions{Today: today, Draft: true})
	var blank, seven int
	for _, tb := range tables(d) {
		for _, p := range tb.Layout().Cells {
			switch {
			case !p.Header && p.Text == "" && !p.Numeric:
				blank++
			case p.Numeric && p.Text == "7":
				seven++
			}
		}
	}
	if blank != 1 || seven != 1 {
		t.Errorf("blank cells %d (want the one 未填), cells of 7 %d (want 1)", blank, seven)
	}
}
