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
		if l.Kind != LineTable && textWidth(l.Text) > 60 {
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
