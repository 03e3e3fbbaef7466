package export

import (
	"bytes"
	"html"
	"strconv"
	"strings"
)

// mdTable writes a table as plain HTML with its spans (Markdown has no
// merged cells): header rows in <thead>, header cells as <th>.
func mdTable(b *bytes.Buffer, t *Table) {
	g := t.Layout()
	b.WriteString("<table>\n")
	if t.Caption != "" {
		b.WriteString("<caption>" + html.EscapeString(t.Caption) + "</caption>\n")
	}
	for r := 0; r < g.Height; r++ {
		switch {
		case r == 0 && t.HeaderRows > 0:
			b.WriteString("<thead>\n")
		case r == t.HeaderRows:
			b.WriteString("<tbody>\n")
		}
		b.WriteString("<tr>")
		for _, p := range g.RowCells(r) {
			tag := "td"
			if p.Header {
				tag = "th"
			}
			b.WriteString("<" + tag)
			if p.Rows > 1 {
				b.WriteString(` rowspan="` + strconv.Itoa(p.Rows) + `"`)
			}
			if p.Cols > 1 {
				b.WriteString(` colspan="` + strconv.Itoa(p.Cols) + `"`)
			}
			b.WriteString(">" + html.EscapeString(p.Text) + "</" + tag + ">")
		}
		b.WriteString("</tr>\n")
		if r == t.HeaderRows-1 {
			b.WriteString("</thead>\n")
		}
	}
	if t.HeaderRows < g.Height {
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table>\n")
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `&lt;`, `>`, `&gt;`, `|`, `\|`,
)

// mdText escapes text so Markdown prints it as typed.
func mdText(s string) string {
	s = mdEscaper.Replace(s)
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		s = `\` + s
	}
	return s
}

// RenderMarkdown renders the document as Markdown; tables are embedded as
// HTML so merged cells keep their spans.
func RenderMarkdown(d *Document) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# " + mdText(d.TitleText()) + "\n\n")
	if d.Draft {
		b.WriteString("**" + mdText(d.DraftNote) + "**\n\n")
	}
	for _, blk := range d.Body {
		switch blk.Kind {
		case KindHeading:
			b.WriteString(strings.Repeat("#", blk.Level+2) + " " + mdText(blk.Text) + "\n\n")
		case KindParagraph:
			b.WriteString(mdText(blk.Text) + "\n\n")
		case KindTable:
			mdTable(&b, blk.Table)
			b.WriteString("\n")
		}
	}
	b.WriteString(`<div align="right">` + "\n\n")
	for _, s := range d.Signature {
		b.WriteString(mdText(s) + "<br>\n")
	}
	b.WriteString("\n</div>\n")
	return b.Bytes(), nil
}
