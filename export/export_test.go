package export

import (
	"archive/zip"
	"bytes"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var today = model.NewDate(2023, 1, 15)

type fixture struct {
	name string
	oy   func() *model.OrganYear
}

var fixtures = []fixture{{"2019", fixture2019}, {"2021", fixture2021}}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s; run go test ./export/ -update after checking the change by eye", name, path)
	}
}

func TestGoldenOutputs(t *testing.T) {
	for _, fx := range fixtures {
		d := Build(fx.oy(), BuildOptions{Today: today, Draft: fx.name == "2021"})
		html, err := RenderHTML(d)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, fx.name+".html", html)
		txt, err := RenderText(d, "")
		if err != nil {
			t.Fatal(err)
		}
		golden(t, fx.name+".txt", txt)
		md, err := RenderMarkdown(d)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, fx.name+".md", md)
		golden(t, fx.name+".document.xml", []byte(DocxDocumentXML(d)))
	}
}

// officialLabels lists every label the format prints: captions, header
// cells, column labels, row labels and group labels.
func officialLabels(f *model.Format) []string {
	var out []string
	for _, t := range f.Tables {
		if t.Caption != "" {
			out = append(out, t.Caption)
		}
		for _, hr := range t.Header {
			for _, h := range hr {
				out = append(out, h.Label)
			}
		}
		for _, c := range t.Columns {
			out = append(out, c.Label)
		}
		for _, r := range t.Rows {
			out = append(out, r.Path...)
			if r.Label != "" {
				out = append(out, r.Label)
			}
		}
	}
	out = append(out, model.SectionTitles[1:]...)
	return out
}

// rowValues is every table row with the printed values of its cells.
type rowValues struct {
	label  string
	values []string
	nums   []float64
}

func tableRows(oy *model.OrganYear) []rowValues {
	f := oy.Report.Format()
	v := model.EffectiveValues(oy)
	var out []rowValues
	for _, t := range f.Tables {
		for _, r := range t.Rows {
			rv := rowValues{label: r.Label}
			for _, c := range t.Columns {
				cell := valueCell(c, v.Get(model.Addr(t.ID, r.ID, c.ID)))
				rv.values = append(rv.values, cell.Text)
				rv.nums = append(rv.nums, cell.Num)
			}
			out = append(out, rv)
		}
	}
	return out
}

// findRow reports whether some line of text, split at whitespace, holds
// label followed directly by values (or, for an unlabelled row, is the
// values).
func findRow(lines [][]string, rv rowValues) bool {
	for _, fields := range lines {
		for i := range fields {
			rest := fields[i:]
			if rv.label != "" {
				if rest[0] != rv.label {
					continue
				}
				rest = rest[1:]
			} else if i > 0 {
				break
			}
			if len(rest) >= len(rv.values) && strings.Join(rest[:len(rv.values)], " ") == strings.Join(rv.values, " ") {
				return true
			}
		}
	}
	return false
}

func TestDocxReadBackWithPandoc(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("SKIP: pandoc not installed (apt-get install pandoc): the docx read-back check did not run")
	}
	for _, fx := range fixtures {
		oy := fx.oy()
		d := Build(oy, BuildOptions{Today: today})
		b, err := RenderDocx(d)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "r.docx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pandoc", "-t", "plain", "--wrap=none", "--columns=100000", path).CombinedOutput()
		if err != nil {
			t.Fatalf("pandoc cannot read the docx: %v\n%s", err, out)
		}
		text := string(out)
		for _, l := range officialLabels(oy.Report.Format()) {
			if !strings.Contains(text, l) {
				t.Errorf("%s: label %q missing from the docx", fx.name, l)
			}
		}
		var lines [][]string
		for _, l := range strings.Split(text, "\n") {
			lines = append(lines, strings.Fields(l))
		}
		for _, rv := range tableRows(oy) {
			if !findRow(lines, rv) {
				t.Errorf("%s: row %q with values %v not found in the docx", fx.name, rv.label, rv.values)
			}
		}
		for _, l := range d.TitleLines {
			if !strings.Contains(text, strings.Join(l, "")) {
				t.Errorf("%s: title line %q missing from the docx", fx.name, strings.Join(l, ""))
			}
		}
		for _, s := range []string{model.PreambleText(oy), oy.Organ.Name, model.ReportDate(oy.Report, today).Chinese()} {
			if !strings.Contains(text, s) {
				t.Errorf("%s: %q missing from the docx", fx.name, s)
			}
		}
	}
}

func TestXlsxReadBack(t *testing.T) {
	for _, fx := range fixtures {
		oy := fx.oy()
		b, err := RenderXlsx(Build(oy, BuildOptions{Today: today}))
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		if len(sheets) != 3 {
			t.Fatalf("%s: want one sheet for each of 二, 三, 四, got %v", fx.name, sheets)
		}
		all := map[string]bool{}
		var lines [][]string
		for _, s := range sheets {
			rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for ri, row := range rows {
				var fields []string
				for ci, c := range row {
					all[c] = true
					if c != "" {
						fields = append(fields, c)
					}
					name, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
					if _, err := strconv.ParseFloat(c, 64); err == nil {
						typ, err := f.GetCellType(s, name)
						if err != nil {
							t.Fatal(err)
						}
						if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
							t.Errorf("%s %s!%s: %q is stored as type %v, want a number", fx.name, s, name, c, typ)
						}
						if formula, _ := f.GetCellFormula(s, name); formula != "" {
							t.Errorf("%s %s!%s holds a formula %q; values only", fx.name, s, name, formula)
						}
					}
				}
				lines = append(lines, fields)
			}
		}
		for _, l := range officialLabels(oy.Report.Format()) {
			if strings.HasPrefix(l, "一、") || strings.HasPrefix(l, "五、") || strings.HasPrefix(l, "六、") {
				continue // narrative sections have no sheet
			}
			found := all[l]
			for c := range all {
				if strings.Contains(c, l) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: label %q missing from the workbook", fx.name, l)
			}
		}
		for _, rv := range tableRows(oy) {
			want := rowValues{label: rv.label}
			for _, n := range rv.nums {
				want.values = append(want.values, strconv.FormatFloat(n, 'f', -1, 64))
			}
			if !findRow(lines, want) {
				t.Errorf("%s: row %q with values %v not found in the workbook", fx.name, rv.label, want.values)
			}
		}
		// Every cell of every merge carries the border style.
		for _, s := range sheets {
			merges, err := f.GetMergeCells(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range merges {
				want, _ := f.GetCellStyle(s, m.GetStartAxis())
				got, _ := f.GetCellStyle(s, m.GetEndAxis())
				if got != want || want == 0 {
					t.Errorf("%s %s: merge %s..%s styled %d at its start and %d at its end", fx.name, s, m.GetStartAxis(), m.GetEndAxis(), want, got)
				}
			}
		}
	}
}

func TestHTMLHasEveryLabelAndRealSpans(t *testing.T) {
	oy := fixture2021()
	b, err := RenderHTML(Build(oy, BuildOptions{Today: today}))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	outcomeRows := 0
	for _, r := range oy.Report.Format().Table(model.TableS3).Rows {
		if len(r.Path) > 0 && r.Path[0] == model.LabelOutcomes {
			outcomeRows++
		}
	}
	for _, l := range officialLabels(oy.Report.Format()) {
		if !strings.Contains(s, l) {
			t.Errorf("label %q missing from the html", l)
		}
	}
	for _, want := range []string{`lang="zh-CN"`, `<meta charset="utf-8">`, `@page { size: A4;`} {
		if !strings.Contains(s, want) {
			t.Errorf("html lacks %s", want)
		}
	}
	// Each spanning header cell, with its inline style (border, alignment).
	for _, want := range [][2]string{
		{`<th scope="colgroup" rowspan="3" colspan="3"`, model.S3Corner},
		{`<th scope="colgroup" colspan="7"`, "申请人情况"},
		{`<th scope="rowgroup" rowspan="` + strconv.Itoa(outcomeRows) + `"`, "三、本年度办理结果"},
		{`<th scope="rowgroup" rowspan="3"`, "（六）其他处理"}} {
		re := regexp.MustCompile(regexp.QuoteMeta(want[0]) + ` style="border:1px solid #000;[^"]*text-align:center[^"]*">` + regexp.QuoteMeta(want[1]) + `</th>`)
		if !re.MatchString(s) {
			t.Errorf("html lacks %s style=\"border…\">%s</th>", want[0], want[1])
		}
	}
}

// unzipAll returns every part of a zip archive joined.
func unzipAll(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(f.Name + "\n")
		all.Write(data)
	}
	return all.String()
}

func TestNoPersonalDataInAnyPublicOutput(t *testing.T) {
	oy := fixture2021()
	var markers []string
	for i := range oy.Requests {
		p := oy.Requests[i].Personal
		if p.Name == "" || p.Phone == "" || p.IDNumber == "" || p.Address == "" {
			t.Fatal("fixture must fill every personal field")
		}
		markers = append(markers, p.Name, p.Phone, p.IDNumber, p.Address)
	}
	d := Build(oy, BuildOptions{Today: today})
	outputs := map[string]string{}
	docx, err := RenderDocx(d)
	if err != nil {
		t.Fatal(err)
	}
	outputs["docx"] = unzipAll(t, docx)
	xlsx, err := RenderXlsx(d)
	if err != nil {
		t.Fatal(err)
	}
	outputs["xlsx"] = unzipAll(t, xlsx)
	html, _ := RenderHTML(d)
	outputs["html"] = string(html)
	md, _ := RenderMarkdown(d)
	outputs["md"] = string(md)
	txt, _ := RenderText(d, "")
	outputs["txt"] = string(txt)
	gb, err := RenderText(d, EncodingGB18030)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(gb)
	if err != nil {
		t.Fatal(err)
	}
	outputs["txt-gb18030"] = string(dec)
	for format, text := range outputs {
		if !strings.Contains(text, "青松县自然资源局") {
			t.Fatalf("%s output looks empty", format)
		}
		for _, m := range markers {
			if strings.Contains(text, m) {
				t.Errorf("personal data %q leaked into the %s output", m, format)
			}
		}
	}
}

func TestRequestLogWorkbookHoldsPersonalData(t *testing.T) {
	oy := fixture2021()
	b, err := RequestLogWorkbook(oy.Requests, oy.Report.Format(), model.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	all := unzipAll(t, b)
	for i := range oy.Requests {
		for _, m := range []string{oy.Requests[i].Personal.Name, oy.Requests[i].Personal.IDNumber} {
			if !strings.Contains(all, m) {
				t.Errorf("the request log workbook lacks %q", m)
			}
		}
	}
}

func TestDocxIsDeterministic(t *testing.T) {
	a, err := RenderDocx(Build(fixture2021(), BuildOptions{Today: today}))
	if err != nil {
		t.Fatal(err)
	}
	b, err := RenderDocx(Build(fixture2021(), BuildOptions{Today: today}))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same report gave different docx bytes")
	}
}

func TestDocxLayoutSettings(t *testing.T) {
	b, err := RenderDocx(Build(fixture2021(), BuildOptions{Today: today}))
	if err != nil {
		t.Fatal(err)
	}
	all := unzipAll(t, b)
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"`,
		`w:line="578" w:lineRule="exact"`,
		`<w:evenAndOddHeaders/>`,
		`<w:footerReference w:type="even"`,
		`w:eastAsia="仿宋_GB2312"`, `w:eastAsia="黑体"`, `w:eastAsia="楷体_GB2312"`, `w:eastAsia="方正小标宋简体"`,
		`<w:altName w:val="FangSong"/>`, `<w:altName w:val="SimSun"/>`,
		`<w:sz w:val="44"/>`, `<w:sz w:val="21"/>`, `<w:sz w:val="28"/>`,
		`<w:tblHeader/>`, `<w:gridSpan w:val="7"/>`, `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`,
		`w:instr=" PAGE "`, `<w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t>`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("docx lacks %s", want)
		}
	}
}

// TestTextWidthsAndHead checks the .txt export as Notepad with a Chinese
// monospace font shows it: the head says how to view it, ambiguous
// characters (“ ” ·) count two columns, and no line (tables included) is
// wider than 100 columns.
func TestTextWidthsAndHead(t *testing.T) {
	for _, r := range []rune{'“', '”', '·', '—', '中', '，'} {
		if runeWidth(r) != 2 {
			t.Errorf("%q measures %d columns, want 2", r, runeWidth(r))
		}
	}
	for _, r := range []rune{'a', '1', '-', '|'} {
		if runeWidth(r) != 1 {
			t.Errorf("%q measures %d columns, want 1", r, runeWidth(r))
		}
	}
	for _, fx := range append(fixtures, fixture{"long", fixtureLong}) {
		b, err := RenderText(Build(fx.oy(), BuildOptions{Today: today}), "")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimPrefix(string(b), "\uFEFF"), "\r\n")
		if lines[0] != TextHead || !strings.Contains(TextHead, "自动换行") {
			t.Errorf("%s: first line %q, want the viewing note", fx.name, lines[0])
		}
		widest := 0
		for _, l := range lines {
			widest = max(widest, textWidth(l))
			if textWidth(l) > textMaxWidth {
				t.Errorf("%s: line %d columns wide: %s", fx.name, textWidth(l), l)
			}
		}
		// A table row with the curly quotes lines up with its border.
		for i, l := range lines {
			if strings.Contains(l, "“") && strings.HasPrefix(l, "|") && i > 0 {
				if textWidth(l) != textWidth(lines[i-1]) {
					t.Errorf("%s: row %q is %d columns, the line above %d", fx.name, l, textWidth(l), textWidth(lines[i-1]))
				}
			}
		}
		t.Logf("%s: widest line %d columns", fx.name, widest)
	}
}
