package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"

	"nianbao/model"
)

// Page geometry of GB/T 9704-2012 in twentieths of a point (twips).
const (
	pageWidth     = 11906 // A4 210 mm
	pageHeight    = 16838 // A4 297 mm
	marginTop     = 2098  // 37 mm
	marginBottom  = 1984  // 35 mm
	marginLeft    = 1587  // 28 mm
	marginRight   = 1474  // 26 mm
	footerDist    = 1304  // 23 mm: the page number sits about 7 mm under the text block
	textWidthTwip = pageWidth - marginLeft - marginRight
	bodyLine      = 578 // exact 28.9 pt: 22 lines a page
	bodyIndent    = 640 // two 16 pt characters
	// bodyCondense (twentieths of a point, negative) narrows the 16 pt body
	// characters just enough that 28 fit the 156 mm line (15.75 pt pitch).
	// A character grid (docGrid linesAndChars) would do the same in Word,
	// but LibreOffice spreads such text to about 17 characters a line, so
	// the section uses a line grid only and the pitch comes from here.
	bodyCondense = -5
)

// fontLatin is the face of Latin letters and digits in the body.
const fontLatin = "Times New Roman"

// docxTime is the fixed timestamp of every zip entry, so equal documents
// give equal bytes.
var docxTime = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// RenderDocx renders the document as WordprocessingML (.docx) following the
// GB/T 9704 layout: A4 with official margins, 22 pt title, 16 pt body at an
// exact 28.9 pt line, headings in 黑体/楷体, tables at 10.5 pt with borders,
// merged cells and repeated header rows, and 「— N —」 page numbers on the
// right of odd pages and the left of even ones. Equal documents give equal
// bytes.
func RenderDocx(d *Document) ([]byte, error) {
	return renderDocxWith(d, officialFonts)
}

// renderDocxWith renders the document naming the faces of fs: the official
// ones for the .docx, the faces this machine has for the PDF.
func renderDocxWith(d *Document, fs FontSet) ([]byte, error) {
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"docProps/core.xml", docxCore(d)},
		{"docProps/app.xml", docxApp},
		{"word/document.xml", DocxDocumentXML(d)},
		{"word/styles.xml", docxStyles(fs)},
		{"word/settings.xml", docxSettings},
		{"word/fontTable.xml", docxFontTable},
		{"word/footer1.xml", docxFooter("right")},
		{"word/footer2.xml", docxFooter("left")},
		{"word/_rels/document.xml.rels", docxDocRels},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: docxTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

// para writes one paragraph with its properties in schema order: style,
// keepNext, the other properties (ind, jc …, already in order), then runs.
// Every paragraph says w:overflowPunct explicitly: LibreOffice (checked on
// 7.4) reads the element inverted and otherwise hangs a closing mark that
// falls after a full line into the margin, and its PDF export then drops
// that mark altogether (three marks per demo report were lost). With
// overflowPunct on, Word and WPS keep their default (the mark may hang
// and is printed) and LibreOffice moves the mark with the character
// before it to the next line, so no mark is ever lost. A style-level
// overflowPunct is not applied by LibreOffice, hence one per paragraph.
func para(style string, keepNext bool, ppr, runs string) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr>`)
	if style != "" {
		b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	}
	if keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	b.WriteString(`<w:overflowPunct w:val="1"/>` + ppr + `</w:pPr>` + runs + `</w:p>`)
	return b.String()
}

// run writes one text run with optional run properties.
// Runs of Latin letters, digits and punctuation (2019, 100, an e-mail
// address) are tagged en-US: under the document's zh-CN LibreOffice breaks
// Latin text between any two characters (1 / 00元, dyzdzb8601521@163.co / m).
func run(rpr, text string) string {
	var b strings.Builder
	for _, seg := range splitLatin(text) {
		r := rpr
		if seg.latin {
			r += `<w:lang w:val="en-US"/>`
		}
		if r != "" {
			r = "<w:rPr>" + r + "</w:rPr>"
		}
		b.WriteString(`<w:r>` + r + `<w:t xml:space="preserve">` + esc(seg.text) + `</w:t></w:r>`)
	}
	if b.Len() == 0 {
		return `<w:r><w:t xml:space="preserve"></w:t></w:r>`
	}
	return b.String()
}

type textSeg struct {
	text  string
	latin bool
}

// splitLatin cuts text into pieces, marking runs of two or more printable
// ASCII characters.
func splitLatin(text string) []textSeg {
	var out []textSeg
	rs := []rune(text)
	start := 0
	for i := 0; i < len(rs); {
		if rs[i] <= ' ' || rs[i] >= 0x7f {
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] > ' ' && rs[j] < 0x7f {
			j++
		}
		if j-i >= 2 {
			if i > start {
				out = append(out, textSeg{text: string(rs[start:i])})
			}
			out = append(out, textSeg{text: string(rs[i:j]), latin: true})
			start = j
		}
		i = j
	}
	if start < len(rs) {
		out = append(out, textSeg{text: string(rs[start:])})
	}
	return out
}

func jcOf(a Align) string {
	switch a {
	case AlignLeft:
		return "left"
	case AlignCenter:
		return "center"
	case AlignRight:
		return "right"
	}
	return "both"
}

// DocxDocumentXML is word/document.xml of the rendered document.
func DocxDocumentXML(d *Document) string {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	b.WriteString(para("ReportTitle", false, "", docxTitleRuns(d)))
	if d.Draft {
		b.WriteString(para("DraftNote", false, "", run("", d.DraftNote)))
	}
	last := -1 // the last paragraph of the body keeps with the signature
	for i, blk := range d.Body {
		if blk.Kind == KindParagraph {
			last = i
		}
	}
	for i, blk := range d.Body {
		switch blk.Kind {
		case KindHeading:
			b.WriteString(para("Heading"+itoa(blk.Level+1), false, "", run("", blk.Text)))
		case KindParagraph:
			ppr := ""
			switch blk.Align {
			case AlignJustify:
			case AlignRagged:
				ppr = `<w:jc w:val="left"/>`
			default:
				ppr = `<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="` + jcOf(blk.Align) + `"/>`
			}
			b.WriteString(para("", i == last && i == len(d.Body)-1, ppr, run("", blk.Text)))
		case KindTable:
			docxTable(&b, blk.Table)
		}
	}
	// Two empty lines, then the signature (GB/T 9704-2012 7.3.5.1): the
	// date four characters in from the right margin, the organ name
	// centred over the date. The blank lines and the organ line keep with
	// what follows, so the signature never stands alone on a page.
	b.WriteString(para("", true, "", "") + para("", true, "", ""))
	for i, s := range d.Signature {
		b.WriteString(para("Signature", i < len(d.Signature)-1, signatureIndent(d.Signature, i), run("", s)))
	}
	b.WriteString(`<w:sectPr>` +
		`<w:footerReference w:type="default" r:id="rIdFooterOdd"/>` +
		`<w:footerReference w:type="even" r:id="rIdFooterEven"/>` +
		`<w:pgSz w:w="` + itoa(pageWidth) + `" w:h="` + itoa(pageHeight) + `"/>` +
		`<w:pgMar w:top="` + itoa(marginTop) + `" w:right="` + itoa(marginRight) + `" w:bottom="` + itoa(marginBottom) +
		`" w:left="` + itoa(marginLeft) + `" w:header="851" w:footer="` + itoa(footerDist) + `" w:gutter="0"/>` +
		`<w:pgNumType w:start="1"/><w:cols w:space="425"/>` +
		`<w:docGrid w:type="lines" w:linePitch="` + itoa(bodyLine) + `"/>` +
		`</w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// docxTitleRuns writes the title lines with a line break between them.
func docxTitleRuns(d *Document) string {
	if len(d.TitleLines) == 0 {
		return run("", d.Title)
	}
	var b strings.Builder
	for i, l := range d.TitleLines {
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		b.WriteString(run("", strings.Join(l, "")))
	}
	return b.String()
}

// bodyCharTwips is the pitch of one body character (16 pt less the
// condensing), for indents counted in characters.
const bodyCharTwips = 320 + bodyCondense

// signatureIndent is the right indent of signature line i: the last line
// (the date) sits four characters in from the margin; a line above it is
// centred over the date, or flush with the date's right end when it is
// wider than the date and its four characters together.
func signatureIndent(sig []string, i int) string {
	const dateRight = 4 * bodyCharTwips
	right := dateRight
	if i < len(sig)-1 {
		date := textWidth(sig[len(sig)-1]) * bodyCharTwips / 2
		own := textWidth(sig[i]) * bodyCharTwips / 2
		right = dateRight + (date-own)/2
		if right < 0 {
			right = 0
		}
	}
	return `<w:ind w:right="` + itoa(right) + `" w:firstLineChars="0" w:firstLine="0"/>`
}

// docxColumnWidths shares the text width among the grid columns. Each
// column first gets room for two characters of 10.5 pt table text (so
// 其他 and 总计 never break), then the rest is shared by how much more its
// widest single-column text would like, up to eight characters. Text in
// the column header rows counts for at most two characters: a header such
// as 法律服务机构 wraps well over a column of small numbers, while a long
// row label (2.其他法律行政法规禁止公开) needs the room more.
func docxColumnWidths(g *Grid, headerRows int) []int {
	const unit = 105   // twips per display column at 10.5 pt (half a Chinese character)
	const margin = 120 // cell margins left and right
	natural := make([]int, g.Width)
	for _, p := range g.Cells {
		if p.Cols == 1 {
			w := textWidth(p.Text)
			if p.Row < headerRows {
				w = min(w, 4)
			}
			if w > natural[p.Col] {
				natural[p.Col] = w
			}
		}
	}
	// A row label after the first stub column (（三）不予公开 under
	// 三、本年度办理结果) keeps up to seven characters on one line.
	stub := make([]bool, g.Width)
	for _, p := range g.Cells {
		if p.Cols == 1 && p.Header && p.Row >= headerRows && p.Col > 0 {
			stub[p.Col] = true
		}
	}
	floor := make([]int, g.Width)
	desired := make([]int, g.Width)
	sumFloor, sumDesired := 0, 0
	for c, n := range natural {
		floor[c] = min(max(n, 2), 4)*unit + margin
		if stub[c] {
			floor[c] = min(max(n, 2), 14)*unit + margin
		}
		desired[c] = min(max(n, 2), 16)*unit + margin
		sumFloor += floor[c]
		sumDesired += desired[c]
	}
	widths := make([]int, g.Width)
	used := 0
	switch {
	case sumDesired <= textWidthTwip:
		for c := range widths {
			widths[c] = desired[c] * textWidthTwip / sumDesired
			used += widths[c]
		}
	case sumFloor >= textWidthTwip:
		for c := range widths {
			widths[c] = floor[c] * textWidthTwip / sumFloor
			used += widths[c]
		}
	default:
		extra := sumDesired - sumFloor
		for c := range widths {
			widths[c] = floor[c] + (textWidthTwip-sumFloor)*(desired[c]-floor[c])/extra
			used += widths[c]
		}
	}
	widths[g.Width-1] += textWidthTwip - used
	return widths
}

func docxTable(b *strings.Builder, t *Table) {
	g := t.Layout()
	if g.Width == 0 {
		return
	}
	if t.Caption != "" {
		b.WriteString(para("TableCaption", false, "", run("", t.Caption)))
	}
	widths := docxColumnWidths(g, t.HeaderRows)
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + itoa(textWidthTwip) + `" w:type="dxa"/><w:jc w:val="center"/>` +
		`<w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`</w:tblBorders><w:tblLayout w:type="fixed"/>` +
		`<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>` +
		`<w:tblLook w:val="0000"/>` +
		`</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for r := 0; r < g.Height; r++ {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="397"/>`)
		if r < t.HeaderRows {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for c := 0; c < g.Width; {
			p, origin, ok := g.At(r, c)
			if !ok {
				c++
				continue
			}
			if c != p.Col {
				c++
				continue
			}
			width := 0
			for i := p.Col; i < p.Col+p.Cols; i++ {
				width += widths[i]
			}
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + itoa(width) + `" w:type="dxa"/>`)
			if p.Cols > 1 {
				b.WriteString(`<w:gridSpan w:val="` + itoa(p.Cols) + `"/>`)
			}
			if p.Rows > 1 {
				if origin {
					b.WriteString(`<w:vMerge w:val="restart"/>`)
				} else {
					b.WriteString(`<w:vMerge/>`)
				}
			}
			b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			text := ""
			if origin {
				text = run("", p.Text)
			}
			b.WriteString(para("TableText", false, `<w:jc w:val="`+jcOf(p.Align)+`"/>`, text) + `</w:tc>`)
			c += p.Cols
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	// Word needs a paragraph between two tables and after the last one.
	b.WriteString(para("TableText", false, "", ""))
}

func docxFooter(side string) string {
	ind := `<w:ind w:right="280"/>`
	if side == "left" {
		ind = `<w:ind w:left="280"/>`
	}
	return xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<w:p><w:pPr><w:pStyle w:val="Footer"/><w:overflowPunct w:val="1"/>` + ind + `<w:jc w:val="` + side + `"/></w:pPr>` +
		run("", "— ") +
		`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>` +
		run("", " —") +
		`</w:p></w:ftr>`
}

func docxCore(d *Document) string {
	return xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(d.TitleText()) + `</dc:title><dc:creator>` + esc(d.Organ) + `</dc:creator><dc:language>zh-CN</dc:language>` +
		docxCreated(d.Date) +
		`</cp:coreProperties>`
}

// docxCreated gives the report's date as the document's creation date.
func docxCreated(date model.Date) string {
	if date.IsZero() {
		return ""
	}
	return `<dcterms:created xsi:type="dcterms:W3CDTF">` + date.String() + `T00:00:00Z</dcterms:created>`
}

const docxApp = xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>nianbao</Application></Properties>`

const docxContentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const docxRootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const docxDocRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`

const docxSettings = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:zoom w:percent="100"/>` +
	`<w:defaultTabStop w:val="420"/>` +
	`<w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// fontsOf writes w:rFonts with an East Asian face and a Latin one.
func fontsOf(eastAsia, latin string) string {
	return `<w:rFonts w:ascii="` + latin + `" w:hAnsi="` + latin + `" w:eastAsia="` + eastAsia + `" w:cs="` + latin + `"/>`
}

func docxStyles(fs FontSet) string {
	return xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:docDefaults><w:rPrDefault><w:rPr>` + fontsOf(fs.Body, fontLatin) +
		`<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="` + itoa(bodyLine) + `" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="` + itoa(bodyLine) + `" w:lineRule="exact"/>` +
		`<w:ind w:firstLineChars="200" w:firstLine="` + itoa(bodyIndent) + `"/><w:jc w:val="both"/></w:pPr>` +
		`<w:rPr>` + fontsOf(fs.Body, fontLatin) + `<w:spacing w:val="` + itoa(bodyCondense) + `"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="ReportTitle"><w:name w:val="Report Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="` + itoa(bodyLine) + `" w:line="720" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>` +
		`<w:rPr>` + fontsOf(fs.Title, fs.Title) + `<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="DraftNote"><w:name w:val="Draft Note"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
		`<w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>` +
		`<w:rPr>` + fontsOf(fs.Heading2, fontLatin) + `<w:color w:val="C00000"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>` + fontsOf(fs.Heading1, fs.Heading1) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr>` + fontsOf(fs.Heading2, fontLatin) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:outlineLvl w:val="3"/></w:pPr><w:rPr>` + fontsOf(fs.Body, fontLatin) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>` +
		`<w:rPr><w:spacing w:val="0"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableCaption"><w:name w:val="Table Caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
		`<w:pPr><w:keepNext/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Signature"><w:name w:val="Report Signature"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:keepLines/><w:ind w:right="` + itoa(4*bodyCharTwips) + `" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>` +
		`<w:rPr>` + fontsOf(fs.PageNum, fs.PageNum) + `<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
		`</w:styles>`
}

// docxFont names one face in the font table with the face to use where it
// is missing.
func docxFont(name, alt, charset, family, pitch string) string {
	a := ""
	if alt != "" {
		a = `<w:altName w:val="` + alt + `"/>`
	}
	return `<w:font w:name="` + name + `">` + a + `<w:charset w:val="` + charset + `"/><w:family w:val="` + family + `"/><w:pitch w:val="` + pitch + `"/></w:font>`
}

// The font table names each official face with an alternative that ships
// with Windows (仿宋 FangSong, 楷体 KaiTi, 宋体 SimSun, 黑体 SimHei), so WPS
// and LibreOffice pick a sensible face on a machine without the GB2312 fonts.
var docxFontTable = xml.Header + `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	docxFont(officialFonts.Body, "仿宋", "86", "modern", "fixed") +
	docxFont("仿宋", "FangSong", "86", "modern", "fixed") +
	docxFont(officialFonts.Heading2, "楷体", "86", "modern", "fixed") +
	docxFont("楷体", "KaiTi", "86", "modern", "fixed") +
	docxFont(officialFonts.Heading1, "SimHei", "86", "modern", "fixed") +
	docxFont(officialFonts.Title, "宋体", "86", "script", "variable") +
	docxFont(officialFonts.PageNum, "SimSun", "86", "auto", "variable") +
	docxFont(fontLatin, "", "00", "roman", "variable") +
	`</w:fonts>`
