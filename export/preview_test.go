package export

import (
	"strings"
	"testing"

	"nianbao/model"
)

// The preview lays out the same Document the files are rendered from:
// every section title, every table label and the fee sentence are there,
// and body text fits the width.
func TestTextLines(t *testing.T) {
	oy := fixture2021()
	d := Build(oy, BuildOptions{Today: model.NewDate(2022, 1, 20)})
	lines := TextLines(d, 60)
	var all strings.Builder
	for _, l := range lines {
		all.WriteString(l.Text + "\n")
		if l.Kind != LineTable && termTextWidth(l.Text) > 60 {
			t.Fatalf("line wider than 60: %q", l.Text)
		}
	}
	text := all.String()
	want := []string{d.Title, "本列数据的勾稽关系为", "申请人情况", "行政复议", "总计", "现行有效", FeeSentence(Fees(oy))}
	for s := 1; s <= 6; s++ {
		want = append(want, model.SectionTitles[s])
	}
	for _, w := range want {
		if !strings.Contains(strings.ReplaceAll(text, "\n", ""), w) && !strings.Contains(text, w) {
			t.Errorf("preview lacks %q", w)
		}
	}
	// Every body paragraph of the Document is in the preview, in order.
	at := 0
	flat := strings.ReplaceAll(strings.ReplaceAll(text, "\n", ""), "　", "")
	for _, b := range d.Body {
		if b.Kind != KindParagraph {
			continue
		}
		i := strings.Index(flat[at:], strings.ReplaceAll(b.Text, "　", ""))
		if i < 0 {
			t.Fatalf("paragraph missing or out of order: %q", b.Text)
		}
		at += i
	}
}

// The preview measures text as the terminal draws it: “ ” take one column
// there (two in the text file), so a line of quoted words fills the width
// instead of wrapping early; a web address that fits on a line is moved
// down whole, not broken.
func TestTextLinesMeasureLikeTheTerminal(t *testing.T) {
	quoted := strings.Repeat("“公开”", 10) // 60 columns on a terminal, 80 in the file
	d := &Document{Title: "标题", Body: []Block{{Kind: KindParagraph, Text: quoted}}}
	var body []string
	for _, l := range TextLines(d, 64) { // with the indent of 4
		if l.Kind == LineText {
			body = append(body, l.Text)
		}
	}
	if len(body) != 1 || termTextWidth(body[0]) != 64 {
		t.Fatalf("quoted words at 64 columns: %q", body)
	}
	url := "http://www.qingsong.gov.cn/xxgk/"
	d.Body[0].Text = "本报告的电子版可在县政府门户网站（" + url + "）下载。"
	body = nil
	for _, l := range TextLines(d, 40) {
		if l.Kind == LineText {
			body = append(body, l.Text)
			if termTextWidth(l.Text) > 40 {
				t.Fatalf("line wider than 40: %q", l.Text)
			}
		}
	}
	if !strings.Contains(strings.Join(body, "\n"), url) {
		t.Fatalf("the address was broken: %q", body)
	}
	// A word longer than a line is still broken, never drawn too wide.
	long := strings.Repeat("x", 90)
	d.Body[0].Text = long
	for _, l := range TextLines(d, 40) {
		if termTextWidth(l.Text) > 40 {
			t.Fatalf("line wider than 40: %q", l.Text)
		}
	}
}
