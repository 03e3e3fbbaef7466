package export

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// PDFText returns the text a PDF shows, page by page, for checking a
// rendering against the document. It reads what LibreOffice writes: plain
// indirect objects, Flate-compressed content streams, fonts with ToUnicode
// maps, text shown with Tj, TJ, ' and ". Text order within a page follows
// the content stream, which is enough to compare characters and to tell
// which page holds what; it is not a general PDF reader.
func PDFText(pdf []byte) ([]string, error) {
	p := &pdfFile{data: pdf, objs: map[int][]byte{}}
	p.index()
	var pages []string
	for _, id := range p.pageOrder() {
		pages = append(pages, p.pageText(id))
	}
	if len(pages) == 0 {
		return nil, errPDFUnreadable
	}
	return pages, nil
}

var errPDFUnreadable = pdfError("PDF 文件无法读取其中的文字")

type pdfError string

func (e pdfError) Error() string { return string(e) }

type pdfFile struct {
	data []byte
	objs map[int][]byte // object number → body between "obj" and "endobj"
}

var pdfObjStart = regexp.MustCompile(`(?m)(\d+)\s+0\s+obj\b`)

func (p *pdfFile) index() {
	locs := pdfObjStart.FindAllSubmatchIndex(p.data, -1)
	for i, l := range locs {
		n, _ := strconv.Atoi(string(p.data[l[2]:l[3]]))
		end := len(p.data)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := p.data[l[1]:end]
		if k := bytes.LastIndex(body, []byte("endobj")); k >= 0 {
			body = body[:k]
		}
		p.objs[n] = body
	}
}

// dict returns the dictionary part of an object (before any stream).
func (p *pdfFile) dict(n int) []byte {
	b := p.objs[n]
	if k := bytes.Index(b, []byte("stream")); k >= 0 {
		return b[:k]
	}
	return b
}

var (
	pdfRef = regexp.MustCompile(`^\s*(\d+)\s+0\s+R`)
	pdfInt = regexp.MustCompile(`^\s*(\d+)`)
)

// value finds /Key in a dictionary and returns the raw text after it.
func dictValue(d []byte, key string) []byte {
	re := regexp.MustCompile(`/` + key + `\b`)
	loc := re.FindIndex(d)
	if loc == nil {
		return nil
	}
	return d[loc[1]:]
}

func refOf(v []byte) (int, bool) {
	m := pdfRef.FindSubmatch(v)
	if m == nil {
		return 0, false
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n, true
}

// stream returns the decoded stream of object n.
func (p *pdfFile) stream(n int) []byte {
	b := p.objs[n]
	k := bytes.Index(b, []byte("stream"))
	if k < 0 {
		return nil
	}
	d := b[:k]
	data := b[k+len("stream"):]
	if bytes.HasPrefix(data, []byte("\r\n")) {
		data = data[2:]
	} else if bytes.HasPrefix(data, []byte("\n")) {
		data = data[1:]
	}
	length := -1
	if v := dictValue(d, "Length"); v != nil {
		if r, ok := refOf(v); ok {
			length, _ = strconv.Atoi(strings.TrimSpace(string(p.objs[r])))
		} else if m := pdfInt.FindSubmatch(v); m != nil {
			length, _ = strconv.Atoi(string(m[1]))
		}
	}
	if length >= 0 && length <= len(data) {
		data = data[:length]
	} else if e := bytes.Index(data, []byte("endstream")); e >= 0 {
		data = data[:e]
	}
	if bytes.Contains(d, []byte("/FlateDecode")) {
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil
		}
		out, _ := io.ReadAll(zr)
		return out
	}
	return data
}

// pageOrder lists the page objects in document order by walking /Kids from
// the catalog's /Pages.
func (p *pdfFile) pageOrder() []int {
	root := -1
	for n := range p.objs {
		if regexp.MustCompile(`/Type\s*/Catalog\b`).Match(p.dict(n)) {
			root = n
			break
		}
	}
	if root < 0 {
		return nil
	}
	pagesRef, ok := refOf(dictValue(p.dict(root), "Pages"))
	if !ok {
		return nil
	}
	var out []int
	var walk func(n, depth int)
	walk = func(n, depth int) {
		if depth > 32 {
			return
		}
		d := p.dict(n)
		if regexp.MustCompile(`/Type\s*/Page\b`).Match(d) {
			out = append(out, n)
			return
		}
		kids := dictValue(d, "Kids")
		if kids == nil {
			return
		}
		end := bytes.IndexByte(kids, ']')
		if end < 0 {
			return
		}
		for _, m := range regexp.MustCompile(`(\d+)\s+0\s+R`).FindAllSubmatch(kids[:end], -1) {
			k, _ := strconv.Atoi(string(m[1]))
			walk(k, depth+1)
		}
	}
	walk(pagesRef, 0)
	return out
}

// resolveDict returns the dictionary at v: inline <<…>> or a reference.
func (p *pdfFile) resolveDict(v []byte) []byte {
	if r, ok := refOf(v); ok {
		return p.dict(r)
	}
	v = bytes.TrimLeft(v, " \r\n\t")
	if !bytes.HasPrefix(v, []byte("<<")) {
		return nil
	}
	depth := 0
	for i := 0; i+1 < len(v); i++ {
		switch {
		case v[i] == '<' && v[i+1] == '<':
			depth++
			i++
		case v[i] == '>' && v[i+1] == '>':
			depth--
			i++
			if depth == 0 {
				return v[:i+1]
			}
		}
	}
	return v
}

// pdfCMap maps character codes of one font to text.
type pdfCMap struct {
	width int // code bytes
	m     map[uint32]string
}

var (
	cmapCodespace = regexp.MustCompile(`begincodespacerange\s*<([0-9A-Fa-f]+)>`)
	cmapBfchar    = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
	cmapBfrange   = regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`)
	cmapHex       = regexp.MustCompile(`<([0-9A-Fa-f]*)>`)
)

func hexBytes(s string) []byte {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		v, _ := strconv.ParseUint(s[i:i+2], 16, 8)
		out = append(out, byte(v))
	}
	return out
}

func utf16Text(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

func code(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

func parseCMap(s []byte) *pdfCMap {
	cm := &pdfCMap{width: 1, m: map[uint32]string{}}
	if m := cmapCodespace.FindSubmatch(s); m != nil {
		cm.width = max(1, len(m[1])/2)
	}
	for _, blk := range cmapBfchar.FindAllSubmatch(s, -1) {
		hs := cmapHex.FindAllSubmatch(blk[1], -1)
		for i := 0; i+1 < len(hs); i += 2 {
			cm.m[code(hexBytes(string(hs[i][1])))] = utf16Text(hexBytes(string(hs[i+1][1])))
		}
	}
	for _, blk := range cmapBfrange.FindAllSubmatch(s, -1) {
		// Lines: <lo> <hi> <dst> or <lo> <hi> [<d1> <d2> …]
		for _, line := range bytes.Split(blk[1], []byte("\n")) {
			hs := cmapHex.FindAllSubmatch(line, -1)
			if len(hs) < 3 {
				continue
			}
			lo, hi := code(hexBytes(string(hs[0][1]))), code(hexBytes(string(hs[1][1])))
			if hi < lo || hi-lo > 0xffff {
				continue
			}
			if bytes.Contains(line, []byte("[")) {
				for i := uint32(0); lo+i <= hi && int(i)+2 < len(hs); i++ {
					cm.m[lo+i] = utf16Text(hexBytes(string(hs[i+2][1])))
				}
				continue
			}
			dst := []rune(utf16Text(hexBytes(string(hs[2][1]))))
			if len(dst) == 0 {
				continue
			}
			for c := lo; c <= hi; c++ {
				r := append([]rune(nil), dst...)
				r[len(r)-1] += rune(c - lo)
				cm.m[c] = string(r)
			}
		}
	}
	return cm
}

// pageFonts maps the font resource names of a page to their ToUnicode maps,
// following /Parent for inherited resources.
func (p *pdfFile) pageFonts(page int) map[string]*pdfCMap {
	out := map[string]*pdfCMap{}
	n := page
	for depth := 0; depth < 32; depth++ {
		d := p.dict(n)
		if res := dictValue(d, "Resources"); res != nil {
			rd := p.resolveDict(res)
			if fv := dictValue(rd, "Font"); fv != nil {
				fd := p.resolveDict(fv)
				for _, m := range regexp.MustCompile(`/([^\s/<>\[\]()]+)\s+(\d+)\s+0\s+R`).FindAllSubmatch(fd, -1) {
					fn, _ := strconv.Atoi(string(m[2]))
					if tu, ok := refOf(dictValue(p.dict(fn), "ToUnicode")); ok {
						out[string(m[1])] = parseCMap(p.stream(tu))
					} else {
						out[string(m[1])] = nil
					}
				}
			}
			return out
		}
		parent, ok := refOf(dictValue(d, "Parent"))
		if !ok {
			return out
		}
		n = parent
	}
	return out
}

func (p *pdfFile) pageText(page int) string {
	fonts := p.pageFonts(page)
	d := p.dict(page)
	var content []byte
	if v := dictValue(d, "Contents"); v != nil {
		if r, ok := refOf(v); ok {
			content = p.stream(r)
		} else if t := bytes.TrimLeft(v, " \r\n"); bytes.HasPrefix(t, []byte("[")) {
			end := bytes.IndexByte(t, ']')
			for _, m := range regexp.MustCompile(`(\d+)\s+0\s+R`).FindAllSubmatch(t[:max(end, 0)], -1) {
				k, _ := strconv.Atoi(string(m[1]))
				content = append(append(content, p.stream(k)...), '\n')
			}
		}
	}
	return showText(content, fonts)
}

// showText runs the text operators of a content stream.
func showText(c []byte, fonts map[string]*pdfCMap) string {
	var out strings.Builder
	var font *pdfCMap
	var operands [][]byte // strings since the last operator
	lastName := ""
	decode := func(s []byte) {
		if font == nil {
			out.Write(s)
			return
		}
		for i := 0; i+font.width <= len(s); i += font.width {
			out.WriteString(font.m[code(s[i:i+font.width])])
		}
	}
	for i := 0; i < len(c); {
		ch := c[i]
		switch {
		case ch == '%':
			for i < len(c) && c[i] != '\n' && c[i] != '\r' {
				i++
			}
		case ch == '(':
			s, n := pdfLiteral(c[i:])
			operands = append(operands, s)
			i += n
			continue
		case ch == '<' && i+1 < len(c) && c[i+1] != '<':
			end := bytes.IndexByte(c[i:], '>')
			if end < 0 {
				return out.String()
			}
			hex := strings.Map(func(r rune) rune {
				if strings.ContainsRune("0123456789abcdefABCDEF", r) {
					return r
				}
				return -1
			}, string(c[i+1:i+end]))
			if len(hex)%2 == 1 {
				hex += "0"
			}
			operands = append(operands, hexBytes(hex))
			i += end + 1
			continue
		case ch == '/':
			j := i + 1
			for j < len(c) && !bytes.ContainsAny(c[j:j+1], " \t\r\n/<>[]()") {
				j++
			}
			lastName = string(c[i+1 : j])
			i = j
			continue
		case (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '\'' || ch == '"':
			j := i
			for j < len(c) && ((c[j] >= 'a' && c[j] <= 'z') || (c[j] >= 'A' && c[j] <= 'Z') || c[j] == '*' || c[j] == '\'' || c[j] == '"') {
				j++
			}
			op := string(c[i:j])
			switch op {
			case "Tf":
				font = fonts[lastName]
			case "Tj", "TJ", "'", "\"":
				if op == "'" || op == "\"" {
					out.WriteByte('\n')
				}
				for _, s := range operands {
					decode(s)
				}
			case "ET", "T*", "Td", "TD":
				out.WriteByte('\n')
			case "BI": // inline image: skip to EI
				if e := bytes.Index(c[j:], []byte("EI")); e >= 0 {
					j += e + 2
				}
			}
			operands = operands[:0]
			i = j
			continue
		}
		i++
	}
	return out.String()
}

// pdfLiteral reads a (…) string starting at c[0] and returns its bytes and
// the length consumed.
func pdfLiteral(c []byte) ([]byte, int) {
	var out []byte
	depth := 0
	for i := 0; i < len(c); i++ {
		ch := c[i]
		switch {
		case ch == '\\' && i+1 < len(c):
			i++
			switch e := c[i]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r', '\n':
			default:
				if e >= '0' && e <= '7' {
					v := 0
					k := 0
					for ; k < 3 && i+k < len(c) && c[i+k] >= '0' && c[i+k] <= '7'; k++ {
						v = v*8 + int(c[i+k]-'0')
					}
					out = append(out, byte(v))
					i += k - 1
				} else {
					out = append(out, e)
				}
			}
		case ch == '(':
			if depth > 0 {
				out = append(out, ch)
			}
			depth++
		case ch == ')':
			depth--
			if depth == 0 {
				return out, i + 1
			}
			out = append(out, ch)
		default:
			out = append(out, ch)
		}
	}
	return out, len(c)
}

// MissingText compares a rendering's text with the document's: it returns
// the characters (spaces aside) the document prints more often than the
// rendering holds them, each with how many are missing, in document order.
func MissingText(doc, rendered string) []string {
	have := map[rune]int{}
	for _, r := range rendered {
		have[r]++
	}
	need := map[rune]int{}
	var order []rune
	for _, r := range doc {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '\u3000' {
			continue
		}
		if need[r] == 0 {
			order = append(order, r)
		}
		need[r]++
	}
	var out []string
	for _, r := range order {
		if d := need[r] - have[r]; d > 0 {
			out = append(out, "「"+string(r)+"」少"+strconv.Itoa(d)+"个")
		}
	}
	return out
}
