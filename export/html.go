package export

import (
	"html"
	"strconv"
	"strings"
)

// Inline styles. Every table, cell and text block carries its own style
// attribute, so the look (borders, widths, indents, header cells that do
// not wrap one character a line) survives a portal editor that strips
// <style> blocks and classes when the report is pasted in. The <style>
// block of the full page adds only what inline styles cannot say: the A4
// page, print rules and the phone layout.
const (
	cssFontBody  = `font-family:'仿宋_GB2312','仿宋',FangSong,STFangsong,'Noto Serif CJK SC','SimSun',serif`
	cssFontTitle = `font-family:'方正小标宋简体','方正小标宋_GBK','华文中宋',STZhongsong,'SimSun','Noto Serif CJK SC',serif`
	cssFontH1    = `font-family:'黑体',SimHei,'Noto Sans CJK SC',sans-serif`
	cssFontH2    = `font-family:'楷体_GB2312','楷体',KaiTi,STKaiti,'AR PL UKai CN',serif`
	cssBody      = cssFontBody + `;font-size:16pt;line-height:28.9pt;color:#000`
	cssTitle     = cssFontTitle + `;font-size:22pt;font-weight:normal;text-align:center;line-height:1.5;margin:0 0 0.5em`
	cssHeading   = `font-size:16pt;font-weight:normal;text-indent:2em;margin:0`
	cssPara      = `text-indent:2em;text-align:justify;margin:0`
	cssScroll    = `overflow-x:auto;max-width:100%;margin:0.5em 0;padding:1px` // the padding keeps the outer borders inside the box
	cssTable     = `border-collapse:collapse;width:100%;font-size:10.5pt;line-height:1.4;` + cssFontBody
	cssCaption   = `font-size:12pt;line-height:1.5;text-indent:0;margin:0.5em 0 0;text-align:center`
	cssCell      = `border:1px solid #000;padding:2pt 4pt;font-weight:normal;vertical-align:middle`
	cssWord      = `display:inline-block`
)

// nowrapHeader is the widest column header (in display columns) kept on one
// line: 法律服务机构 and 结果维持 stay whole, the long corner note wraps.
const nowrapHeader = 8

func cssAlign(a Align) string {
	switch a {
	case AlignLeft, AlignRagged:
		return "text-align:left"
	case AlignRight:
		return "text-align:right"
	case AlignCenter:
		return "text-align:center"
	}
	return "text-align:justify"
}

func attr(name, value string) string { return " " + name + `="` + html.EscapeString(value) + `"` }

// htmlTable writes a table inside a horizontally scrolling box: header
// rows in <thead> (repeated on printed pages), <th> for header cells with
// their scope, real row and column spans, and short column headers that
// never wrap (on a phone the table scrolls instead).
func htmlTable(b *strings.Builder, t *Table) {
	g := t.Layout()
	if g.Width == 0 {
		return
	}
	// The caption sits above the scrolling box, so a phone shows it whole.
	if t.Caption != "" {
		b.WriteString(`<p class="caption"` + attr("style", cssCaption) + `>` + html.EscapeString(t.Caption) + `</p>` + "\n")
	}
	b.WriteString(`<div class="tw"` + attr("style", cssScroll) + `>` + "\n")
	// Column widths as on the printed page (shared with the docx), widened
	// where a column header that does not wrap needs more; the table never
	// gets narrower than that (on a phone it scrolls sideways instead).
	widths := docxColumnWidths(g, t.HeaderRows)
	need := make([]float64, g.Width)
	total := 0.0
	for c, w := range widths {
		need[c] = float64(w) / 20 // points
	}
	for _, p := range g.Cells {
		if p.Header && p.Row < t.HeaderRows && p.Cols == 1 {
			// Short headers stay whole, longer ones (社会公益组织) wrap
			// three characters a line at the least.
			w := min(textWidth(p.Text), max(nowrapHeader, 6))
			if textWidth(p.Text) > nowrapHeader {
				w = 6
			}
			need[p.Col] = max(need[p.Col], float64(w)*5.25+9)
		}
	}
	// The columns whose header does not wrap take what they need; the
	// others share the rest of the line as on paper, at least two
	// characters each.
	fixed, other := 0.0, 0.0
	for c, n := range need {
		if n > float64(widths[c])/20 {
			fixed += n
		} else {
			other += n
		}
	}
	if rest := float64(textWidthTwip)/20 - fixed; other > 0 && rest < other {
		for c, n := range need {
			if n <= float64(widths[c])/20 {
				need[c] = max(n*rest/other, n*0.7, 30)
			}
		}
	}
	for _, n := range need {
		total += n
	}
	b.WriteString(`<table` + attr("style", cssTable+";table-layout:fixed;min-width:"+strconv.FormatFloat(total, 'f', 0, 64)+"pt") + `>` + "\n")
	b.WriteString("<colgroup>")
	for _, n := range need {
		pct := strconv.FormatFloat(n*100/total, 'f', 1, 64)
		b.WriteString(`<col` + attr("style", "width:"+pct+"%") + `>`)
	}
	b.WriteString("</colgroup>\n")
	for r := 0; r < g.Height; r++ {
		switch {
		case r == 0 && t.HeaderRows > 0:
			b.WriteString("<thead>\n")
		case r == t.HeaderRows:
			b.WriteString("<tbody>\n")
		}
		// A row made only of header cells heads the columns below it
		// (also the caption and header rows inside a combined grid).
		allHeader := true
		for _, p := range g.RowCells(r) {
			allHeader = allHeader && p.Header
		}
		b.WriteString("<tr>")
		for _, p := range g.RowCells(r) {
			tag := "td"
			scope := ""
			style := cssCell + ";" + cssAlign(p.Align)
			if p.Header {
				tag = "th"
				switch {
				case allHeader && p.Cols > 1:
					scope = "colgroup"
				case allHeader:
					scope = "col"
				case p.Rows > 1:
					scope = "rowgroup"
				default:
					scope = "row"
				}
				if allHeader && p.Cols == 1 && textWidth(p.Text) <= nowrapHeader {
					style += ";white-space:nowrap"
				}
			} else if p.Numeric {
				style += ";white-space:nowrap"
			}
			b.WriteString("<" + tag)
			if scope != "" {
				b.WriteString(attr("scope", scope))
			}
			if p.Rows > 1 {
				b.WriteString(attr("rowspan", strconv.Itoa(p.Rows)))
			}
			if p.Cols > 1 {
				b.WriteString(attr("colspan", strconv.Itoa(p.Cols)))
			}
			b.WriteString(attr("style", style) + ">" + html.EscapeString(p.Text) + "</" + tag + ">")
		}
		b.WriteString("</tr>\n")
		if r == t.HeaderRows-1 {
			b.WriteString("</thead>\n")
		}
	}
	if t.HeaderRows < g.Height {
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table>\n</div>\n")
}

// htmlTitle writes the title lines with a <br> between them, each word an
// inline block, so a narrow screen breaks the title only between words.
func htmlTitle(b *strings.Builder, d *Document) {
	b.WriteString(`<h1` + attr("style", cssTitle) + `>`)
	lines := d.TitleLines
	if len(lines) == 0 {
		lines = [][]string{{d.Title}}
	}
	for i, l := range lines {
		if i > 0 {
			b.WriteString("<br>")
		}
		for _, w := range l {
			b.WriteString(`<span` + attr("style", cssWord) + `>` + html.EscapeString(w) + `</span>`)
		}
	}
	b.WriteString("</h1>\n")
}

// htmlContent writes the report itself: title, draft note, body and
// signature, every element styled inline.
func htmlContent(b *strings.Builder, d *Document) {
	htmlTitle(b, d)
	if d.Draft {
		b.WriteString(`<p` + attr("style", "text-align:center;text-indent:0;margin:0;color:#b00") + `>` + html.EscapeString(d.DraftNote) + "</p>\n")
	}
	for _, blk := range d.Body {
		switch blk.Kind {
		case KindHeading:
			tag, font := "h2", cssFontH1
			switch blk.Level {
			case 1:
				tag, font = "h3", cssFontH2
			case 2:
				tag, font = "h4", cssFontBody
			}
			b.WriteString("<" + tag + attr("style", font+";"+cssHeading) + ">" + html.EscapeString(blk.Text) + "</" + tag + ">\n")
		case KindParagraph:
			style := cssPara
			switch blk.Align {
			case AlignJustify:
			case AlignRagged:
				style = "text-indent:2em;text-align:left;margin:0"
			default:
				style = "text-indent:0;margin:0;" + cssAlign(blk.Align)
			}
			b.WriteString("<p" + attr("style", style) + ">" + html.EscapeString(blk.Text) + "</p>\n")
		case KindTable:
			htmlTable(b, blk.Table)
		}
	}
	// GB/T 9704: the date four characters in from the right, the organ
	// name centred over it.
	b.WriteString(`<div class="signature"` + attr("style", "display:table;margin:2em 4em 0 auto;text-align:center") + ">\n")
	for _, s := range d.Signature {
		b.WriteString("<p" + attr("style", "text-indent:0;margin:0;text-align:center") + ">" + html.EscapeString(s) + "</p>\n")
	}
	b.WriteString("</div>\n")
}

const htmlHead = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%TITLE%</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { max-width: 156mm; margin: 2em auto; padding: 0 1em; background: #fff; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  .tw { overflow: visible !important; }
  th { white-space: normal !important; }
  table { min-width: 0 !important; }
  .signature { page-break-before: avoid; }
  .caption { page-break-after: avoid; }
}
@media (max-width: 600px) {
  body { margin: 1em auto; }
  h1 { font-size: 18pt !important; }
}
</style>
</head>
`

// RenderHTML renders the document as one self-contained HTML page (UTF-8,
// zh-CN, A4 print rules, tables with real row and column spans, every
// element styled inline).
func RenderHTML(d *Document) ([]byte, error) {
	var b strings.Builder
	b.WriteString(strings.Replace(htmlHead, "%TITLE%", html.EscapeString(d.TitleText()), 1))
	b.WriteString("<body>\n<div" + attr("lang", "zh-CN") + attr("style", cssBody) + ">\n")
	htmlContent(&b, d)
	b.WriteString("</div>\n</body>\n</html>\n")
	return []byte(b.String()), nil
}

// RenderSnippet renders the report as a body-only HTML fragment for a
// portal editor: no <html>, <head> or <style>, one <div lang="zh-CN">
// holding the report with every element styled inline, tables in boxes
// that scroll sideways on a phone. Pasted into the editor's source view it
// keeps borders, widths, indents and unwrapped headers.
func RenderSnippet(d *Document) ([]byte, error) {
	var b strings.Builder
	b.WriteString("<!-- " + html.EscapeString(d.TitleText()) + "：网站发布用片段，请在网站编辑器的「源代码」模式下整体粘贴 -->\n")
	b.WriteString("<div" + attr("lang", "zh-CN") + attr("style", cssBody+";max-width:156mm;margin:0 auto;padding:0 1em;box-sizing:border-box") + ">\n")
	htmlContent(&b, d)
	b.WriteString("</div>\n")
	return []byte(b.String()), nil
}
