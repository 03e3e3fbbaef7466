// Package importer reads lists of disclosure items (主动公开信息) that a
// clerk keeps in a spreadsheet (.xlsx) or exports as .csv, maps their columns
// to item fields and turns their rows into model.DisclosureItem values, with
// every bad row reported in Chinese before anything is written.
package importer

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Limits keep a wrong file (a video, a database) from filling memory.
const (
	MaxFileBytes = 64 << 20
	MaxRows      = 100000
)

// Sheet is a table read from a file: the header row and the data rows, with
// empty rows left out. Lines gives, for each data row, its row number in the
// file (1-based, as a spreadsheet or a text editor shows it), for messages.
type Sheet struct {
	Header []string
	Rows   [][]string
	Lines  []int
	// Bad lists rows the reader could not read (a quote never closed);
	// Apply and ApplyLedger report them with their own bad rows.
	Bad []BadRow
}

// ReadItems reads a table from r. name is the file's name; its extension
// picks the reader: .xlsx/.xlsm (the first sheet) or .csv/.txt (UTF-8 with or
// without BOM, UTF-16 with BOM, else GB18030; comma, tab or semicolon
// separated). Any other name is sniffed. Errors are Chinese sentences for
// the clerk.
func ReadItems(r io.Reader, name string) (*Sheet, error) {
	return readTable(r, name, "信息目录表", func(rec []string) bool { return GuessMapping(rec)[FieldTitle] >= 0 })
}

// readTable reads a table as ReadItems describes; isHeader recognises the
// header row among the first rows (what names the table in messages).
func readTable(r io.Reader, name, what string, isHeader func([]string) bool) (*Sheet, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("读取文件失败：%v。请检查文件是否还在、U盘是否插好", err)
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("文件超过 64 MB，不像是%s。请检查选的文件是否正确", what)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".xls", ".et":
		return nil, errors.New("不支持旧的 .xls/.et 格式。请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后再导入")
	case ".xlsx", ".xlsm":
		return readXLSX(data, isHeader)
	case ".csv", ".txt":
		return readCSV(data, isHeader)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readXLSX(data, isHeader)
	}
	return readCSV(data, isHeader)
}

// maxUnzipped caps what an .xlsx may unpack to; a list of 100,000 items
// unpacks to well under a tenth of it.
const maxUnzipped = 512 << 20

// checkZip refuses an .xlsx whose parts claim sizes no real spreadsheet
// has: a damaged or hostile header would otherwise make the spreadsheet
// library reserve that much memory before finding out.
func checkZip(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return errBrokenXLSX
	}
	var total uint64
	for _, f := range zr.File {
		u := f.UncompressedSize64
		total += u
		if total > maxUnzipped || u > 1<<20 && u/1000 > f.CompressedSize64 {
			return errors.New("这个 .xlsx 文件内部记录的大小不正常，可能已损坏。请用 Excel/WPS 打开后重新保存，或另存为 .csv 后再导入")
		}
	}
	return nil
}

var errBrokenXLSX = errors.New("无法打开这个 .xlsx 文件，它可能已损坏或有密码保护。请用 Excel/WPS 打开确认，或另存为 .csv 后再导入")

// readXLSX reads the first sheet that holds anything (normally the first
// sheet). A damaged file that makes the spreadsheet library panic is
// reported like any other damaged file rather than ending the program.
func readXLSX(data []byte, isHeader func([]string) bool) (s *Sheet, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, errBrokenXLSX
		}
	}()
	if err := checkZip(data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, errBrokenXLSX
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("这个 .xlsx 文件里没有工作表")
	}
	var firstErr error
	for _, name := range sheets {
		s, err := readXLSXSheet(f, name, isHeader)
		if err == nil {
			return s, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, firstErr
}

func readXLSXSheet(f *excelize.File, sheet string, isHeader func([]string) bool) (*Sheet, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("读取工作表「%s」失败，文件可能已损坏。请另存为 .csv 后再导入", sheet)
	}
	defer rows.Close()
	var recs [][]string
	var lines []int
	n := 0
	for rows.Next() {
		n++
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("读取第%d行失败，文件可能已损坏。请另存为 .csv 后再导入", n)
		}
		if len(recs) >= MaxRows {
			return nil, fmt.Errorf("表格超过 %d 行，请分成几个文件导入", MaxRows)
		}
		recs = append(recs, cols)
		lines = append(lines, n)
	}
	if err := rows.Error(); err != nil {
		return nil, errors.New("读取工作表失败，文件可能已损坏。请另存为 .csv 后再导入")
	}
	return buildSheet(recs, lines, isHeader)
}

// decodeText turns a text file's bytes into UTF-8: a UTF-8 or UTF-16 BOM
// decides; else valid UTF-8 is taken as UTF-8 and anything else as GB18030
// (what Excel and WPS write on a Chinese Windows).
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", errors.New("文件的 UTF-16 编码有误，请另存为 UTF-8 的 .csv 后再导入")
		}
		return string(out), nil
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return "", errors.New("文件既不是 UTF-8 也不是 GB18030 编码的文字，无法读取。请在 Excel/WPS 中另存为 .csv 后再导入")
	}
	return string(out), nil
}

// sniffComma picks the separator the first line uses most: comma, tab or
// semicolon (full-width ones are not separators).
func sniffComma(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, n := ',', strings.Count(first, ",")
	for _, c := range []rune{'\t', ';'} {
		if k := strings.Count(first, string(c)); k > n {
			best, n = c, k
		}
	}
	return best
}

func readCSV(data []byte, isHeader func([]string) bool) (*Sheet, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, errors.New("文件中有二进制内容，不是文字表格。请确认选的是 .csv 或 .xlsx 文件")
	}
	comma := sniffComma(text)
	var recs [][]string
	var lines []int
	var bad []BadRow
	// A quoted cell whose closing quote is missing would swallow every row
	// after it into one cell: that row is reported as bad and reading goes
	// on after its line.
	lineOffset := 0
	for len(text) > 0 {
		part, rest, at, skipped := cutUnclosedQuote(text, comma)
		rs, ls, err := readCSVRecords(part, comma, lineOffset, len(recs))
		if err != nil {
			return nil, err
		}
		recs, lines = append(recs, rs...), append(lines, ls...)
		if at == 0 {
			break
		}
		bad = append(bad, BadRow{Line: lineOffset + at, Reason: "这一行有一个没有配对的引号（少了右引号），会把后面的行都并进一个格子；已跳过这一行，请在 Excel/WPS 中检查这一格"})
		lineOffset += at - 1 + skipped
		text = rest
	}
	sh, err := buildSheet(recs, lines, isHeader)
	if sh != nil {
		sh.Bad = bad
	}
	return sh, err
}

// readCSVRecords reads the records of text, numbering lines after
// lineOffset; have is how many records came before (for the row limit).
func readCSVRecords(text string, comma rune, lineOffset, have int) ([][]string, []int, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	var recs [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, fmt.Errorf("第%d行的格式有误（引号不配对或多余），请用 Excel/WPS 打开检查后另存为 .csv", pe.StartLine+lineOffset)
			}
			return nil, nil, fmt.Errorf("读取文件失败：%v", err)
		}
		if have+len(recs) >= MaxRows {
			return nil, nil, fmt.Errorf("表格超过 %d 行，请分成几个文件导入", MaxRows)
		}
		line, _ := cr.FieldPos(0)
		recs = append(recs, rec)
		lines = append(lines, line+lineOffset)
	}
	return recs, lines, nil
}

// cutUnclosedQuote finds a quoted cell that is never closed (the reader,
// lenient about quotes, would run it to the end of the file). It returns
// the text before the record holding it, the text after the line where
// that quote opens, the record's line (1-based, within text; 0 when every
// quote closes) and how many lines the record spans up to that line. A
// quoted cell that reaches the end of the file, or that meets a lone quote
// on a later line (in a well-formed file quotes inside a cell are doubled),
// is taken as unclosed.
func cutUnclosedQuote(text string, comma rune) (before, after string, line, span int) {
	recStart, recLine := 0, 1
	ln := 1
	quoted := false
	atFieldStart := true
	quoteLine := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if quoted {
			switch c {
			case '\n':
				ln++
			case '"':
				if i+1 < len(text) && text[i+1] == '"' {
					i++
					continue
				}
				if i+1 == len(text) || rune(text[i+1]) == comma || text[i+1] == '\n' || text[i+1] == '\r' {
					quoted = false
				} else if ln > quoteLine {
					// A lone quote on a later line of a quoted cell: the
					// cell's closing quote is missing and this quote opens a
					// cell of a later row.
					return cutAt(text, recStart, recLine, quoteLine)
				}
			}
			continue
		}
		switch {
		case c == '"' && atFieldStart:
			quoted, quoteLine = true, ln
			atFieldStart = false
		case rune(c) == comma:
			atFieldStart = true
		case c == '\n':
			ln++
			recStart, recLine = i+1, ln
			atFieldStart = true
		case c == '\r':
		default:
			atFieldStart = false
		}
	}
	if !quoted {
		return text, "", 0, 0
	}
	return cutAt(text, recStart, recLine, quoteLine)
}

// cutAt splits text around the record starting at byte recStart (line
// recLine) whose quote opened on quoteLine: see cutUnclosedQuote.
func cutAt(text string, recStart, recLine, quoteLine int) (before, after string, line, span int) {
	end := recStart
	for l := recLine; l < quoteLine; l++ {
		end += strings.IndexByte(text[end:], '\n') + 1
	}
	if nl := strings.IndexByte(text[end:], '\n'); nl >= 0 {
		end += nl + 1
	} else {
		end = len(text)
	}
	return text[:recStart], text[end:], recLine, quoteLine - recLine + 1
}

func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// buildSheet finds the header among the first rows (a title row such as
// 「2021年主动公开信息目录」 may sit above it: the first row isHeader
// recognises wins, else the first non-empty row) and keeps the non-empty
// rows after it.
func buildSheet(recs [][]string, lines []int, isHeader func([]string) bool) (*Sheet, error) {
	head := -1
	for i := 0; i < len(recs) && i < 10; i++ {
		if blankRow(recs[i]) {
			continue
		}
		if isHeader(recs[i]) {
			head = i
			break
		}
	}
	if head < 0 {
		for i := range recs {
			if !blankRow(recs[i]) {
				head = i
				break
			}
		}
	}
	if head < 0 {
		return nil, errors.New("文件是空的，没有找到任何内容")
	}
	s := &Sheet{Header: trimTrailing(recs[head])}
	for i := head + 1; i < len(recs); i++ {
		if blankRow(recs[i]) {
			continue
		}
		s.Rows = append(s.Rows, trimTrailing(recs[i]))
		s.Lines = append(s.Lines, lines[i])
	}
	return s, nil
}

// trimTrailing drops empty cells at the end of a row.
func trimTrailing(rec []string) []string {
	n := len(rec)
	for n > 0 && strings.TrimSpace(rec[n-1]) == "" {
		n--
	}
	return rec[:n:n]
}

// Cell returns column c of row i, or "" when the row is shorter.
func (s *Sheet) Cell(i, c int) string {
	if i < 0 || i >= len(s.Rows) || c < 0 || c >= len(s.Rows[i]) {
		return ""
	}
	return s.Rows[i][c]
}

// Columns is the number of columns: the widest of the header and the rows.
func (s *Sheet) Columns() int {
	n := len(s.Header)
	for _, r := range s.Rows {
		n = max(n, len(r))
	}
	return n
}

// ColumnName names column c for the mapping step: its header text, or the
// spreadsheet letter when the header cell is empty.
func (s *Sheet) ColumnName(c int) string {
	if c >= 0 && c < len(s.Header) {
		if h := strings.TrimSpace(s.Header[c]); h != "" {
			return h
		}
	}
	name, err := excelize.ColumnNumberToName(c + 1)
	if err != nil {
		return fmt.Sprintf("第%d列", c+1)
	}
	return name + "列"
}
