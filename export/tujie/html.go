package tujie

import (
	"bytes"
	"html"
	"strconv"
	"strings"

	"nianbao/model"
)

// fontFamily lists the Chinese fonts a portal visitor's machine is likely
// to have, Windows first.
const fontFamily = `"Microsoft YaHei","微软雅黑","PingFang SC","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei",SimHei,sans-serif`

const css = `
*{box-sizing:border-box}
html{background:#fff}
body{margin:0;color:#1a1a1a;font-family:` + fontFamily + `;font-size:14px;line-height:1.6}
main{width:750px;margin:0 auto;padding:24px}
h2{font-size:19px;margin:28px 0 10px;padding:4px 0 4px 10px;border-left:6px solid #1f4e79}
figure{margin:0 0 10px;break-inside:avoid}
figcaption{font-size:16px;font-weight:bold;margin:6px 0 8px}
svg{display:block}
svg text{font-family:` + fontFamily + `}
p.note{margin:4px 0 8px;color:#555;font-size:13px}
table{width:100%;border-collapse:collapse;margin:4px 0 18px;font-size:13px;break-inside:avoid}
caption{text-align:left;font-size:13px;color:#555;padding-bottom:2px}
th,td{border:1px solid #9aa5b1;padding:3px 8px}
thead th{background:#eef2f6}
td.n{text-align:center;white-space:nowrap}
th.sub{padding-left:22px;font-weight:normal;color:#444}
tbody th{text-align:left;font-weight:normal}
ol.measures{padding-left:1.6em;margin:0 0 12px}
ol.measures li{margin:4px 0}
span.st{display:inline-block;margin-left:8px;padding:0 6px;border:1px solid #1a1a1a;font-size:12px;white-space:nowrap}
span.st.done{font-weight:bold;background:#eef2f6}
footer{margin-top:20px;padding-top:8px;border-top:1px solid #9aa5b1;color:#555;font-size:12px}
@page{size:A4;margin:12mm}
@media print{main{padding:0}h2{break-after:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`

// RenderHTML writes the page as one self-contained html file: inline CSS,
// charts as inline SVG, no script and no external resource.
func RenderHTML(p *Page) []byte {
	var b bytes.Buffer
	esc := html.EscapeString
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=750\">\n")
	b.WriteString("<title>" + esc(p.Title) + "</title>\n<style>" + css + "</style>\n</head>\n<body>\n<main>\n")
	b.WriteString("<header>\n<h1 style=\"position:absolute;left:-9999px\">" + esc(p.Title) + "</h1>\n")
	writeSVG(&b, "band", "关键数字", BandScene(p))
	b.WriteString("</header>\n")
	for _, sec := range p.Sections {
		b.WriteString("<section>\n<h2>" + esc(sec.Heading) + "</h2>\n")
		for _, c := range sec.Charts {
			id := "c-" + c.ID
			b.WriteString("<figure>\n<figcaption id=\"" + id + "-t\">" + esc(c.Title) + "</figcaption>\n")
			writeSVG(&b, c.ID, c.Title, ChartScene(c))
			if c.Note != "" {
				b.WriteString("<p class=\"note\">" + esc(c.Note) + "</p>\n")
			}
			b.WriteString("</figure>\n")
			writeTable(&b, c.Title, TableOf(c))
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("<section>\n<h2>" + esc(MeasuresHeading) + "</h2>\n")
	if len(p.Measures) == 0 {
		b.WriteString("<p>本年度未登记改进措施。</p>\n")
	} else {
		b.WriteString("<ol class=\"measures\">\n")
		for _, m := range p.Measures {
			cls := "st"
			if m.Status == model.MeasureDone {
				cls += " done"
			}
			b.WriteString("<li>" + esc(m.Text) + "<span class=\"" + cls + "\">" + esc(m.Status.Label()) + "</span></li>\n")
		}
		b.WriteString("</ol>\n")
	}
	b.WriteString("</section>\n<footer>" + esc(p.Footer) + "</footer>\n</main>\n</body>\n</html>\n")
	return b.Bytes()
}

// MeasuresHeading heads the list of improvement measures.
const MeasuresHeading = "存在的主要问题及改进情况"

func fillAttr(f Fill, id string) string {
	switch f {
	case FillMain:
		return colMain
	case FillSub:
		return colSub
	case FillHatch:
		return "url(#h-" + id + ")"
	case FillBand:
		return colBand
	case FillTile:
		return colTile
	}
	return "none"
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// CellsAttr is the data-cells attribute of a printed figure: its cell
// addresses joined by spaces.
func CellsAttr(cells []model.CellAddress) string {
	parts := make([]string, len(cells))
	for i, a := range cells {
		parts[i] = a.String()
	}
	return strings.Join(parts, " ")
}

// valueAttrs marks a figure not from this year's tables: data-source for
// one derived from the log or the items, data-last for last year's.
func valueAttrs(v Value) string {
	out := ""
	if v.Source != "" {
		out += " data-source=\"" + v.Source + "\""
	}
	if v.Last {
		out += " data-last=\"1\""
	}
	return out
}

func writeSVG(b *bytes.Buffer, id, label string, s Scene) {
	h := num(s.H)
	b.WriteString("<svg width=\"" + num(s.W) + "\" height=\"" + h + "\" viewBox=\"0 0 " +
		num(s.W) + " " + h + "\" role=\"img\" aria-label=\"" + html.EscapeString(label) + "\">\n")
	b.WriteString("<defs><pattern id=\"h-" + id + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">" +
		"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"2.5\" height=\"6\" fill=\"" + colHatch + "\"/></pattern></defs>\n")
	for _, it := range s.Items {
		switch {
		case it.Line:
			b.WriteString("<line x1=\"" + num(it.X) + "\" y1=\"" + num(it.Y) + "\" x2=\"" + num(it.X2) + "\" y2=\"" + num(it.Y2) +
				"\" stroke=\"" + colRule + "\" stroke-width=\"1\"/>\n")
		case it.Text != "":
			b.WriteString("<text x=\"" + num(it.X) + "\" y=\"" + num(it.Y) + "\" font-size=\"" + num(it.Size) + "\" fill=\"" + it.Color + "\"")
			switch it.Anchor {
			case Middle:
				b.WriteString(" text-anchor=\"middle\"")
			case End:
				b.WriteString(" text-anchor=\"end\"")
			}
			if it.Bold {
				b.WriteString(" font-weight=\"bold\"")
			}
			if it.Value {
				b.WriteString(" class=\"v\" data-cells=\"" + CellsAttr(it.Cells) + "\"")
				b.WriteString(valueAttrs(Value{Source: it.Source, Last: it.Last}))
			}
			b.WriteString(">" + html.EscapeString(it.Text) + "</text>\n")
		default:
			b.WriteString("<rect x=\"" + num(it.X) + "\" y=\"" + num(it.Y) + "\" width=\"" + num(it.W) + "\" height=\"" + num(it.H) +
				"\" fill=\"" + fillAttr(it.Fill, id) + "\"")
			if it.Stroke {
				b.WriteString(" stroke=\"" + colRule + "\" stroke-width=\"1\"")
			}
			b.WriteString("/>\n")
		}
	}
	b.WriteString("</svg>\n")
}

func writeTable(b *bytes.Buffer, title string, t DataTable) {
	esc := html.EscapeString
	b.WriteString("<table class=\"data\">\n<caption>数据表：" + esc(title) + "</caption>\n<thead><tr>")
	for _, h := range t.Head {
		b.WriteString("<th scope=\"col\">" + esc(h) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		cls := ""
		if r.Sub {
			cls = " class=\"sub\""
		}
		b.WriteString("<tr><th scope=\"row\"" + cls + ">" + esc(r.Label) + "</th>")
		for _, v := range r.Values {
			b.WriteString("<td class=\"n\" data-cells=\"" + CellsAttr(v.Cells) + "\"" + valueAttrs(v) + ">" + esc(v.Text) + "</td>")
		}
		if len(t.Head) > len(r.Values)+1 {
			b.WriteString("<td class=\"n\">" + esc(r.Extra) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}
