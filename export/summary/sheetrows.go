package summary

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The two sheets that grow with the organs (各单位数据 and 报送情况) get
// their organ rows as they are read from the organ list on disk, written
// straight into the workbook's zip: excelize builds the workbook with
// everything else (styles, the combined tables, the heads of both sheets,
// page set-up, panes, merges), and splice copies it to the output, putting
// the rows in before each sheet's </sheetData>. excelize's own stream
// writer keeps up to 16 MB of a sheet in memory before it goes to a
// temporary file; this way nothing of a row is kept once written, so the
// workbook takes the same memory for 300 organs as for 30,000.

// splice copies the workbook in head to w; each sheet named (by its part
// name in the zip, xl/worksheets/sheetN.xml) in rows gets what its
// function writes before its </sheetData>.
func splice(head []byte, w io.Writer, rows map[string]func(*rowWriter) error) error {
	zr, err := zip.NewReader(bytes.NewReader(head), int64(len(head)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	done := 0
	for _, f := range zr.File {
		fill, ok := rows[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		sheet, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		at := bytes.Index(sheet, []byte("</sheetData>"))
		if at < 0 {
			return fmt.Errorf("%s has no sheetData", f.Name)
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return err
		}
		rw := &rowWriter{w: bufio.NewWriterSize(fw, 64<<10)}
		rw.w.Write(sheet[:at])
		if err := fill(rw); err != nil {
			return err
		}
		rw.w.Write(sheet[at:])
		if err := rw.w.Flush(); err != nil {
			return err
		}
		done++
	}
	if done != len(rows) {
		return fmt.Errorf("the workbook lacks %d of the sheets to fill", len(rows)-done)
	}
	return zw.Close()
}

// rowWriter writes the rows of a sheet's sheetData in SpreadsheetML, the
// way excelize's stream writer does: a cell per value with its style,
// numbers as values, text as inline strings.
type rowWriter struct {
	w    *bufio.Writer
	row  int
	b    []byte // the row being written
	cols []string
}

// begin starts row n (1-based; rows must come in ascending order).
func (r *rowWriter) begin(n int) {
	r.row = n
	r.b = append(r.b[:0], `<row r="`...)
	r.b = strconv.AppendInt(r.b, int64(n), 10)
	r.b = append(r.b, `">`...)
}

// end writes the row.
func (r *rowWriter) end() error {
	r.b = append(r.b, `</row>`...)
	_, err := r.w.Write(r.b)
	return err
}

// cell opens the cell of column col (1-based); typ is its t attribute.
func (r *rowWriter) cell(col, style int, typ string) {
	for len(r.cols) < col {
		name, _ := excelize.ColumnNumberToName(len(r.cols) + 1)
		r.cols = append(r.cols, name)
	}
	r.b = append(r.b, `<c r="`...)
	r.b = append(r.b, r.cols[col-1]...)
	r.b = strconv.AppendInt(r.b, int64(r.row), 10)
	r.b = append(r.b, '"')
	if style != 0 {
		r.b = append(r.b, ` s="`...)
		r.b = strconv.AppendInt(r.b, int64(style), 10)
		r.b = append(r.b, '"')
	}
	if typ != "" {
		r.b = append(r.b, ` t="`...)
		r.b = append(r.b, typ...)
		r.b = append(r.b, '"')
	}
	r.b = append(r.b, '>')
}

// int writes a whole number.
func (r *rowWriter) int(col, style int, x int64) {
	r.cell(col, style, "")
	r.b = append(r.b, `<v>`...)
	r.b = strconv.AppendInt(r.b, x, 10)
	r.b = append(r.b, `</v></c>`...)
}

// number writes a number given in decimal (e.g. 1.75); it must parse as one.
func (r *rowWriter) number(col, style int, dec string) {
	r.cell(col, style, "")
	r.b = append(r.b, `<v>`...)
	r.b = append(r.b, dec...)
	r.b = append(r.b, `</v></c>`...)
}

// text writes an inline string.
func (r *rowWriter) text(col, style int, s string) {
	r.cell(col, style, "inlineStr")
	r.b = append(r.b, `<is><t`...)
	if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		r.b = append(r.b, ` xml:space="preserve"`...)
	}
	r.b = append(r.b, '>')
	r.b = appendCellText(r.b, s)
	r.b = append(r.b, `</t></is></c>`...)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// maxCellChars is the most a spreadsheet cell holds, in UTF-16 units.
const maxCellChars = 32767

// appendCellText appends s as the text of a cell as excelize writes it:
// at most maxCellChars, XML-escaped (a line break kept as it is),
// characters XML cannot carry replaced by U+FFFD, and a literal _xHHHH_
// kept literal (a spreadsheet reads _xHHHH_ as the character HHHH, so its
// underscore is written as _x005F_).
func appendCellText(b []byte, s string) []byte {
	units := 0
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		units += utf16.RuneLen(c)
		if units > maxCellChars {
			break
		}
		switch {
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '<':
			b = append(b, "&lt;"...)
		case c == '>':
			b = append(b, "&gt;"...)
		case c == '"':
			b = append(b, "&#34;"...)
		case c == '\'':
			b = append(b, "&#39;"...)
		case c == '\t':
			b = append(b, "&#x9;"...)
		case c == '\r':
			b = append(b, "&#xD;"...)
		case c == '_' && escapedChar(s[i:]):
			b = append(b, "_x005F"...)
			b = append(b, '_')
		case c == utf8.RuneError && size == 1, c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0xFFFE, c == 0xFFFF:
			b = utf8.AppendRune(b, utf8.RuneError)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// escapedChar says whether s starts with _xHHHH_.
func escapedChar(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
