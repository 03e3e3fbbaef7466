package export

import (
	"bytes"
	"html/template"
)

// htmlCell is one cell as the template prints it.
type htmlCell struct {
	Tag              string
	Text             string
	RowSpan, ColSpan int
	Class            string
	Scope            string
}

type htmlRow struct {
	Head  bool
	Cells []htmlCell
}

type htmlTable struct {
	Caption string
	Head    []htmlRow
	Body    []htmlRow
}

type htmlBlock struct {
	Tag   string
	Class string
	Text  string
	Table *htmlTable
}

func alignClass(a Align) string {
	switch a {
	case AlignLeft:
		return "l"
	case AlignCenter:
		return "c"
	case AlignRight:
		return "r"
	}
	return ""
}

// tableRows turns a table into rows of cells through its Layout: header
// rows go to Head, the rest to Body; header cells are <th>.
func htmlTableOf(t *Table) *htmlTable {
	g := t.Layout()
	ht := &htmlTable{Caption: t.Caption}
	for r := 0; r < g.Height; r++ {
		row := htmlRow{Head: r < t.HeaderRows}
		// A row made only of header cells heads the columns below it
		// (also the caption and header rows inside a combined grid).
		allHeader := true
		for _, p := range g.RowCells(r) {
			allHeader = allHeader && p.Header
		}
		for _, p := range g.RowCells(r) {
			c := htmlCell{Tag: "td", Text: p.Text, Class: alignClass(p.Align)}
			if p.Rows > 1 {
				c.RowSpan = p.Rows
			}
			if p.Cols > 1 {
				c.ColSpan = p.Cols
			}
			if p.Header {
				c.Tag = "th"
				switch {
				case allHeader && p.Cols > 1:
					c.Scope = "colgroup"
				case allHeader:
					c.Scope = "col"
				case p.Rows > 1:
					c.Scope = "rowgroup"
				default:
					c.Scope = "row"
				}
			}
			row.Cells = append(row.Cells, c)
		}
		if row.Head {
			ht.Head = append(ht.Head, row)
		} else {
			ht.Body = append(ht.Body, row)
		}
	}
	return ht
}

func htmlBlocks(d *Document) []htmlBlock {
	var out []htmlBlock
	for _, b := range d.Body {
		switch b.Kind {
		case KindHeading:
			tag := "h2"
			switch b.Level {
			case 1:
				tag = "h3"
			case 2:
				tag = "h4"
			}
			out = append(out, htmlBlock{Tag: tag, Text: b.Text})
		case KindParagraph:
			out = append(out, htmlBlock{Tag: "p", Class: alignClass(b.Align), Text: b.Text})
		case KindTable:
			out = append(out, htmlBlock{Tag: "table", Table: htmlTableOf(b.Table)})
		}
	}
	return out
}

var htmlTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "仿宋_GB2312", "仿宋", FangSong, STFangsong, "SimSun", serif; font-size: 16pt; line-height: 28.9pt; max-width: 156mm; margin: 2em auto; color: #000; background: #fff; }
h1 { font-family: "方正小标宋简体", "小标宋", "SimSun", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 0.5em; }
h2 { font-family: "黑体", SimHei, sans-serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
h3 { font-family: "楷体_GB2312", "楷体", KaiTi, STKaiti, serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
h4 { font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
p { text-indent: 2em; text-align: justify; margin: 0; }
p.r, p.sign { text-align: right; text-indent: 0; }
p.draft { text-align: center; text-indent: 0; color: #b00; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 10.5pt; line-height: 1.4; page-break-inside: auto; }
caption { font-size: 12pt; padding: 0.3em; }
th, td { border: 1px solid #000; padding: 2pt 4pt; font-weight: normal; vertical-align: middle; text-align: center; }
.l { text-align: left; }
.c { text-align: center; }
.r { text-align: right; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.signature { margin-top: 2em; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{if .Draft}}<p class="draft">{{.DraftNote}}</p>
{{end}}{{range .Blocks}}{{if .Table}}<table>
{{with .Table}}{{if .Caption}}<caption>{{.Caption}}</caption>
{{end}}{{if .Head}}<thead>
{{range .Head}}<tr>{{range .Cells}}{{template "cell" .}}{{end}}</tr>
{{end}}</thead>
{{end}}<tbody>
{{range .Body}}<tr>{{range .Cells}}{{template "cell" .}}{{end}}</tr>
{{end}}</tbody>{{end}}
</table>
{{else if eq .Tag "h2"}}<h2>{{.Text}}</h2>
{{else if eq .Tag "h3"}}<h3>{{.Text}}</h3>
{{else if eq .Tag "h4"}}<h4>{{.Text}}</h4>
{{else}}<p{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}</p>
{{end}}{{end}}<div class="signature">
{{range .Signature}}<p class="sign">{{.}}</p>
{{end}}</div>
</body>
</html>
{{define "cell"}}{{if eq .Tag "th"}}<th{{if .Scope}} scope="{{.Scope}}"{{end}}{{else}}<td{{end}}{{if .RowSpan}} rowspan="{{.RowSpan}}"{{end}}{{if .ColSpan}} colspan="{{.ColSpan}}"{{end}}{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}{{if eq .Tag "th"}}</th>{{else}}</td>{{end}}{{end}}`))

// RenderHTML renders the document as one self-contained HTML file (UTF-8,
// inline CSS with A4 print rules, tables with real row and column spans).
func RenderHTML(d *Document) ([]byte, error) {
	var buf bytes.Buffer
	err := htmlTemplate.Execute(&buf, map[string]any{
		"Title":     d.Title,
		"Draft":     d.Draft,
		"DraftNote": d.DraftNote,
		"Blocks":    htmlBlocks(d),
		"Signature": d.Signature,
	})
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
