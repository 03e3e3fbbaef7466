package export

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/demo"
	"nianbao/model"
)

// Render checks: the exported documents are rendered to PDF by LibreOffice,
// as a clerk printing them or exporting a PDF would, and the pages are read
// back with poppler's pdftotext (an independent reader) to check what a
// reviewer would send back.

// needTools skips the test, with a visible line, when a tool is missing.
func needTools(t *testing.T, tools ...[2]string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool[0]); err != nil {
			fmt.Printf("SKIP: %s not installed (apt-get install %s)\n", tool[0], tool[1])
			t.Skipf("%s not installed (apt-get install %s)", tool[0], tool[1])
		}
	}
}

var (
	toolOffice    = [2]string{"soffice", "libreoffice-writer-nogui libreoffice-calc-nogui"}
	toolPdftotext = [2]string{"pdftotext", "poppler-utils"}
)

// renderCase is one report the render checks run on.
type renderCase struct {
	name string
	oy   *model.OrganYear
	// pages is the page count of the docx rendered with the fonts this
	// repository's CI has (Noto CJK, AR PL UKai; see .ci/run); on another
	// machine only the stability of the count is checked.
	pages int
}

func renderCases() []renderCase {
	var out []renderCase
	for _, oy := range demo.Build() {
		out = append(out, renderCase{name: "demo" + strconv.Itoa(oy.Report.Year), oy: oy, pages: 7})
	}
	return append(out, renderCase{name: "long", oy: fixtureLong(), pages: 6})
}

// ciFonts is the face choice the recorded page counts were measured with.
var ciFonts = FontSet{Title: "Noto Serif CJK SC", Body: "Noto Serif CJK SC", Heading1: "Noto Sans CJK SC",
	Heading2: "AR PL UKai CN", PageNum: "Noto Serif CJK SC"}

// pdfPage is one page as pdftotext reads it: its size, its text in
// content order, and its words with their boxes.
type pdfPage struct {
	width, height float64
	text          string
	words         []pdfWord
}

type pdfWord struct {
	xMin, xMax float64
	text       string
}

var (
	bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)
)

// popplerPages reads a PDF with pdftotext: -raw text per page and word
// boxes.
func popplerPages(t *testing.T, pdf []byte) []pdfPage {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "r.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	bbox, err := exec.Command("pdftotext", "-bbox", in, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var pages []pdfPage
	chunks := bboxPage.Split(string(bbox), -1)
	for i, m := range bboxPage.FindAllStringSubmatch(string(bbox), -1) {
		p := pdfPage{}
		p.width, _ = strconv.ParseFloat(m[1], 64)
		p.height, _ = strconv.ParseFloat(m[2], 64)
		for _, w := range bboxWord.FindAllStringSubmatch(chunks[i+1], -1) {
			x0, _ := strconv.ParseFloat(w[1], 64)
			x1, _ := strconv.ParseFloat(w[2], 64)
			p.words = append(p.words, pdfWord{x0, x1, w[3]})
		}
		raw, err := exec.Command("pdftotext", "-raw", "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1), in, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		p.text = string(raw)
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		t.Fatal("pdftotext found no pages")
	}
	return pages
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '\f' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// checkWithinWidth fails for every word that reaches past the right
// margin (right) or starts left of the left one (left), in points.
func checkWithinWidth(t *testing.T, what string, pages []pdfPage, left, right float64) {
	t.Helper()
	for i, p := range pages {
		for _, w := range p.words {
			if w.xMax > p.width-right+1 || w.xMin < left-1 {
				t.Errorf("%s page %d: %q at x %.0f–%.0f lies outside the text block (%.0f–%.0f of %.0f)",
					what, i+1, w.text, w.xMin, w.xMax, left, p.width-right, p.width)
			}
		}
	}
}

// checkHeaderRepeated fails when a page shows rows of a table but not its
// header: marks are labels only its body rows print, head what only its
// header prints.
func checkHeaderRepeated(t *testing.T, what string, pages []pdfPage, name string, marks []string, head ...string) {
	t.Helper()
	for i, p := range pages {
		text := squeeze(p.text)
		shows := false
		for _, m := range marks {
			shows = shows || strings.Contains(text, squeeze(m))
		}
		if !shows {
			continue
		}
		for _, h := range head {
			if !strings.Contains(text, h) {
				t.Errorf("%s page %d shows rows of %s without its header %q", what, i+1, name, h)
			}
		}
	}
}

// tableMarks lists the row labels a format table prints in its body (the
// leaf labels with their numbering, which narrative text does not use).
func tableMarks(f *model.Format, id string) []string {
	var out []string
	for _, r := range f.Table(id).Rows {
		if len(r.Path) > 0 && len([]rune(r.Label)) > 4 {
			out = append(out, r.Label)
		}
	}
	return out
}

const mmPt = 72 / 25.4

// TestRenderedDocx renders each report's docx to PDF the way the export
// does and checks the pages: every character of the document is in the
// PDF; the title breaks only between its lines (after the organ name); no
// page holds only the signature; every word lies within the text block,
// tables 三 and 四 included, and a page showing their rows shows their
// header; the page count is the same on a second rendering and, with the
// CI fonts, as recorded.
func TestRenderedDocx(t *testing.T) {
	needTools(t, toolOffice, toolPdftotext)
	choice := ChooseFonts(InstalledFonts())
	t.Logf("fonts: %+v", choice.Fonts)
	if note := choice.FontNote(); note != "" {
		t.Logf("font note shown to the clerk: %s", note)
	}
	for _, rc := range renderCases() {
		t.Run(rc.name, func(t *testing.T) {
			d := Build(rc.oy, BuildOptions{Today: today})
			pdf, note, err := RenderPDFNote(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			if (note != "") != (len(choice.Missing) > 0) {
				t.Errorf("font note %q does not match the missing faces %v", note, choice.Missing)
			}
			if !bytes.Contains(pdf, []byte("/Lang(zh-CN)")) {
				t.Error("the PDF is not tagged /Lang(zh-CN)")
			}
			pages := popplerPages(t, pdf)
			all := ""
			for _, p := range pages {
				all += p.text
			}
			// Every character, punctuation included.
			if miss := MissingText(d.Text(), all); len(miss) > 0 {
				t.Errorf("characters missing from the PDF: %v", miss)
			}
			// The title: its lines, in order, are the first lines of page 1.
			var first []string
			for _, l := range strings.Split(pages[0].text, "\n") {
				if l = squeeze(l); l != "" {
					first = append(first, l)
				}
			}
			for i, l := range d.TitleLines {
				if i >= len(first) || first[i] != squeeze(strings.Join(l, "")) {
					t.Errorf("title line %d prints as %q, want %q (page 1 starts %q)", i+1, at(first, i), strings.Join(l, ""), first[:min(3, len(first))])
				}
			}
			if len(d.TitleLines) != 2 && rc.name != "long" {
				t.Errorf("title in %d lines, want 2 (organ name, then the year's title)", len(d.TitleLines))
			}
			// The last page holds more than the signature and the page number.
			last := squeeze(pages[len(pages)-1].text)
			for _, s := range d.Signature {
				last = strings.Replace(last, squeeze(s), "", 1)
			}
			last = strings.Trim(regexp.MustCompile(`—\d+—`).ReplaceAllString(last, ""), "—")
			if len([]rune(last)) < 10 {
				t.Errorf("the last page holds only the signature (rest %q)", last)
			}
			// Within the text block (28 mm left, 26 mm right, a point of
			// tolerance), tables included.
			checkWithinWidth(t, rc.name, pages, 28*mmPt, 26*mmPt)
			f := rc.oy.Report.Format()
			checkHeaderRepeated(t, rc.name, pages, "表三", tableMarks(f, model.TableS3), "申请人情况", "自然人", "法律服务机构")
			checkHeaderRepeated(t, rc.name, pages, "表四", []string{"未经复议直接起诉"}, "行政复议", "复议后起诉")
			// Page count: stable on a second rendering, as recorded with
			// the CI fonts.
			again, _, err := RenderPDFNote(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(popplerPages(t, again)); n != len(pages) {
				t.Errorf("page count changed between two renderings: %d, then %d", len(pages), n)
			}
			if choice.Fonts == ciFonts && len(pages) != rc.pages {
				t.Errorf("%d pages, want %d as recorded with the CI fonts", len(pages), rc.pages)
			}
			t.Logf("%s: %d pages, %d characters checked", rc.name, len(pages), len([]rune(squeeze(d.Text()))))
		})
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// TestExportRefusesPDFMissingText feeds the PDF check a rendering that lost
// a mark, as LibreOffice's hanging punctuation did: the export refuses it
// with a message naming the mark.
func TestExportRefusesPDFMissingText(t *testing.T) {
	d := Build(fixture2021(), BuildOptions{Today: today})
	good := "%%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n" +
		"3 0 obj\n<</Type/Page/Parent 2 0 R/Contents 4 0 R>>\nendobj\n4 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n"
	text := func(s string) string {
		esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(s)
		body := "BT (" + esc + ") Tj ET"
		return fmt.Sprintf(good, len(body), body)
	}
	full := d.Text()
	if err := CheckPDFText(d, []byte(text(full))); err != nil {
		t.Fatalf("a PDF with every character was refused: %v", err)
	}
	i := strings.LastIndex(full, "。")
	lost := full[:i] + full[i+len("。"):]
	err := CheckPDFText(d, []byte(text(lost)))
	if err == nil || !strings.Contains(err.Error(), "「。」少1个") || !strings.Contains(err.Error(), "Word 或 WPS") {
		t.Fatalf("a PDF that lost a 。 was not refused clearly: %v", err)
	}
}

// TestRenderedXlsx prints each workbook with LibreOffice: one page per
// sheet (表三 fits the page), every word within the page, the header of 表三
// on the page with its rows, every number of the workbook in the PDF.
func TestRenderedXlsx(t *testing.T) {
	needTools(t, toolOffice, toolPdftotext)
	bin, _ := officeBinary()
	for _, rc := range renderCases() {
		t.Run(rc.name, func(t *testing.T) {
			d := Build(rc.oy, BuildOptions{Today: today})
			x, err := RenderXlsx(d)
			if err != nil {
				t.Fatal(err)
			}
			pdf, err := OfficeToPDF(context.Background(), bin, "report.xlsx", x)
			if err != nil {
				t.Fatal(err)
			}
			pages := popplerPages(t, pdf)
			sheets := 0
			var want strings.Builder
			for _, b := range d.Body {
				if b.Kind == KindTable {
					sheets++
					for _, row := range b.Table.Rows {
						for _, c := range row {
							want.WriteString(c.Text)
						}
					}
				}
			}
			if len(pages) != sheets {
				t.Errorf("%d printed pages for %d sheets, want one page each", len(pages), sheets)
			}
			all := ""
			for _, p := range pages {
				all += p.text
			}
			if miss := MissingText(want.String(), all); len(miss) > 0 {
				t.Errorf("characters missing from the printed workbook: %v", miss)
			}
			for i, p := range pages {
				for _, w := range p.words {
					if w.xMax > p.width || w.xMin < 0 {
						t.Errorf("page %d: %q at x %.0f–%.0f lies outside the page (%.0f wide)", i+1, w.text, w.xMin, w.xMax, p.width)
					}
				}
			}
			checkHeaderRepeated(t, rc.name, pages, "表三", tableMarks(rc.oy.Report.Format(), model.TableS3), "申请人情况", "自然人")
		})
	}
}

// TestXlsxEveryCellReadable reads every sheet with excelize and, where it
// is installed, with openpyxl in read-only mode (which trusts each sheet's
// <dimension>): both must see every cell the workbook was written with.
func TestXlsxEveryCellReadable(t *testing.T) {
	for _, rc := range append(renderCases(), renderCase{name: "2019", oy: fixture2019()}) {
		d := Build(rc.oy, BuildOptions{Today: today})
		x, err := RenderXlsx(d)
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(x))
		if err != nil {
			t.Fatal(err)
		}
		// What was written: per sheet, the heading, the captions and each
		// table cell's origin.
		want := map[string]int{}
		section := ""
		for _, b := range d.Body {
			switch {
			case b.Kind == KindHeading && b.Level == 0:
				section = xlsxSheetName(b.Text)
			case b.Kind == KindTable:
				if want[section] == 0 {
					want[section] = 1 // the heading row
				}
				if b.Table.Caption != "" {
					want[section]++
				}
				want[section] += len(b.Table.Layout().Cells)
			}
		}
		got := map[string]int{}
		for _, s := range f.GetSheetList() {
			rows, err := f.GetRows(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				for _, c := range r {
					if c != "" {
						got[s]++
					}
				}
			}
			if got[s] != want[s] {
				t.Errorf("%s: excelize reads %d cells in %s, %d were written", rc.name, got[s], s, want[s])
			}
		}
		f.Close()
		py := openpyxlPython()
		if py == "" {
			fmt.Println("SKIP: python3-openpyxl not installed (apt-get install python3-openpyxl)")
			continue
		}
		path := filepath.Join(t.TempDir(), "r.xlsx")
		if err := os.WriteFile(path, x, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, "-c", `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for ws in wb.worksheets:
    n = sum(1 for row in ws.iter_rows(values_only=True) for v in row if v not in (None, ""))
    print("%s\t%d" % (ws.title, n))
`, path).Output()
		if err != nil {
			t.Fatalf("openpyxl: %v", err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			name, n, _ := strings.Cut(line, "\t")
			if c, _ := strconv.Atoi(n); c != want[name] {
				t.Errorf("%s: openpyxl (read-only) reads %s cells in %s, %d were written", rc.name, n, name, want[name])
			}
		}
	}
}

// openpyxlPython finds a python3 that imports openpyxl.
func openpyxlPython() string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	return ""
}
