package export

import (
	"bytes"
	"html/template"
	"strings"
)

var mdTableTemplate = template.Must(template.New("table").Parse(`<table>
{{if .Caption}}<caption>{{.Caption}}</caption>
{{end}}{{if .Head}}<thead>
{{range .Head}}<tr>{{range .Cells}}{{template "cell" .}}{{end}}</tr>
{{end}}</thead>
{{end}}<tbody>
{{range .Body}}<tr>{{range .Cells}}{{template "cell" .}}{{end}}</tr>
{{end}}</tbody>
</table>
{{define "cell"}}{{if eq .Tag "th"}}<th{{if .RowSpan}} rowspan="{{.RowSpan}}"{{end}}{{if .ColSpan}} colspan="{{.ColSpan}}"{{end}}>{{.Text}}</th>{{else}}<td{{if .RowSpan}} rowspan="{{.RowSpan}}"{{end}}{{if .ColSpan}} colspan="{{.ColSpan}}"{{end}}>{{.Text}}</td>{{end}}{{end}}`))

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
	b.WriteString("# " + mdText(d.Title) + "\n\n")
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
			if err := mdTableTemplate.Execute(&b, htmlTableOf(blk.Table)); err != nil {
				return nil, err
			}
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
