package export

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxStyles holds the style ids of one workbook.
type xlsxStyles struct {
	title, caption, header, stub, number, text int
	numFmts                                    map[string]int
}

func newXlsxStyles(f *excelize.File) (*xlsxStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	font := &excelize.Font{Family: "宋体", Size: 10.5}
	s := &xlsxStyles{numFmts: map[string]int{}}
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.title = mk(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 14, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.caption = mk(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.header = mk(&excelize.Style{Border: border, Font: font,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.stub = mk(&excelize.Style{Border: border, Font: font,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	s.text = mk(&excelize.Style{Border: border, Font: font,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.number = s.text
	return s, err
}

// numberStyle returns a bordered, centred style printing numbers with the
// Excel number format nf.
func (s *xlsxStyles) numberStyle(f *excelize.File, nf string) (int, error) {
	if id, ok := s.numFmts[nf]; ok {
		return id, nil
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	fmtCopy := nf
	id, err := f.NewStyle(&excelize.Style{Border: border, Font: &excelize.Font{Family: "宋体", Size: 10.5},
		Alignment:    &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		CustomNumFmt: &fmtCopy})
	if err != nil {
		return 0, err
	}
	s.numFmts[nf] = id
	return id, nil
}

// xlsxSheetName makes a section title a valid sheet name (at most 31
// characters, none of : \ / ? * [ ]).
func xlsxSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

// RenderXlsx renders the tables of the document as a workbook with one sheet
// per report section that has tables (二, 三, 四), laid out as printed:
// merged cells styled across the whole merge, borders, wrapped text, column
// widths and row heights; numbers are stored as numbers.
func RenderXlsx(d *Document) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXlsxStyles(f)
	if err != nil {
		return nil, err
	}
	type sheet struct {
		name   string
		tables []*Table
	}
	var sheets []*sheet
	section := ""
	for _, b := range d.Body {
		switch {
		case b.Kind == KindHeading && b.Level == 0:
			section = b.Text
		case b.Kind == KindTable:
			if len(sheets) == 0 || sheets[len(sheets)-1].name != section {
				sheets = append(sheets, &sheet{name: section})
			}
			sh := sheets[len(sheets)-1]
			sh.tables = append(sh.tables, b.Table)
		}
	}
	for i, sh := range sheets {
		name := xlsxSheetName(sh.name)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		if err := xlsxSheet(f, st, name, d.TitleText()+" "+sh.name, sh.tables); err != nil {
			return nil, err
		}
	}
	if len(sheets) == 0 {
		if err := f.SetCellValue("Sheet1", "A1", d.Title); err != nil {
			return nil, err
		}
	}
	// The report's date (Document.Date); a fixed time only where there
	// is none, so equal documents still give equal files.
	stamp := docxTime.Format("2006-01-02T15:04:05Z")
	if !d.Date.IsZero() {
		stamp = d.Date.String() + "T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: d.TitleText(), Creator: d.Organ, Language: "zh-CN",
		Created: stamp, Modified: stamp}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// xlsxSheet writes a heading row and then each table, one blank row apart.
func xlsxSheet(f *excelize.File, st *xlsxStyles, sheet, heading string, tables []*Table) error {
	width := 1
	grids := make([]*Grid, len(tables))
	for i, t := range tables {
		grids[i] = t.Layout()
		if grids[i].Width > width {
			width = grids[i].Width
		}
	}
	// Column widths in Excel units (about one Latin character; a Chinese
	// character takes two), from the widest single-column text, capped so
	// long labels wrap.
	colW := make([]float64, width)
	for c := range colW {
		colW[c] = 8
	}
	// Column headers wrap at four characters (法律服务机构 over two lines)
	// and labels at ten, so 表三 prints on one portrait page at a readable
	// size.
	for ti, g := range grids {
		for _, p := range g.Cells {
			if p.Cols != 1 {
				continue
			}
			w := float64(textWidth(p.Text)) + 2
			if p.Row < tables[ti].HeaderRows {
				w = min(w, 10)
			}
			if w > 22 {
				w = 22
			}
			if w > colW[p.Col] {
				colW[p.Col] = w
			}
		}
	}
	for c, w := range colW {
		name, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	row := 1
	if err := f.SetCellValue(sheet, cellName(1, row), heading); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, cellName(1, row), cellName(width, row)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cellName(1, row), cellName(width, row), st.title); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, row, 30); err != nil {
		return err
	}
	row += 2
	titleRows := "" // the first table's header rows, repeated on every printed page
	tallPt := 0.0   // the tables' height in points
	for ti, t := range tables {
		g := grids[ti]
		if t.Caption != "" {
			if err := f.SetCellValue(sheet, cellName(1, row), t.Caption); err != nil {
				return err
			}
			if err := f.MergeCell(sheet, cellName(1, row), cellName(g.Width, row)); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, cellName(1, row), cellName(g.Width, row), st.caption); err != nil {
				return err
			}
			if err := f.SetRowHeight(sheet, row, 22); err != nil {
				return err
			}
			row++
		}
		if titleRows == "" && t.HeaderRows > 0 {
			titleRows = "$" + itoa(row) + ":$" + itoa(row+t.HeaderRows-1)
		}
		lines := make([]int, g.Height)
		for i := range lines {
			lines[i] = 1
		}
		for _, p := range g.Cells {
			x0, y0 := p.Col+1, row+p.Row
			x1, y1 := p.Col+p.Cols, row+p.Row+p.Rows-1
			style := st.text
			switch {
			case p.Numeric:
				id, err := st.numberStyle(f, p.NumFormat)
				if err != nil {
					return err
				}
				style = id
				if err := f.SetCellValue(sheet, cellName(x0, y0), p.Num); err != nil {
					return err
				}
			default:
				if p.Header && p.Align == AlignLeft {
					style = st.stub
				} else if p.Header {
					style = st.header
				}
				if err := f.SetCellValue(sheet, cellName(x0, y0), p.Text); err != nil {
					return err
				}
			}
			if x1 > x0 || y1 > y0 {
				if err := f.MergeCell(sheet, cellName(x0, y0), cellName(x1, y1)); err != nil {
					return err
				}
			}
			// Style every cell of a merge so its borders print whole.
			if err := f.SetCellStyle(sheet, cellName(x0, y0), cellName(x1, y1), style); err != nil {
				return err
			}
			if p.Rows == 1 {
				avail := 0.0
				for c := p.Col; c < p.Col+p.Cols; c++ {
					avail += colW[c]
				}
				n := int(float64(textWidth(p.Text))/(avail-1)) + 1
				if n > lines[p.Row] {
					lines[p.Row] = n
				}
			}
		}
		for r, n := range lines {
			tallPt += float64(n)*14 + 6
			if err := f.SetRowHeight(sheet, row+r, float64(n)*14+6); err != nil {
				return err
			}
		}
		row += g.Height + 1
	}
	last := row - 2 // the last row written (row is one past a blank row)
	// Sheets report their real extent: readers that trust <dimension>
	// (openpyxl read-only, pandas' fast path) otherwise see only A1.
	if err := f.SetSheetDimension(sheet, "A1:"+cellName(width, last)); err != nil {
		return err
	}
	if titleRows != "" {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
			RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + titleRows, Scope: sheet}); err != nil {
			return err
		}
	}
	// Printed on A4 one page wide (Excel honours FitToWidth only with
	// fitToPage set), in the orientation the tables' shape fits best: 表三
	// (tall) portrait, 表四 (fifteen columns, one row) landscape. A column
	// unit is about 5.6 points.
	total := 0.0
	for _, w := range colW {
		total += w
	}
	orient := "portrait"
	if tallPt < total*5.6*1.2 {
		orient = "landscape"
	}
	size := 9 // A4
	fit, tall := 1, 0
	if last <= 45 {
		tall = 1 // a table of one printed page (表三) stays on one page
	}
	fitPage := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fitPage}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fit, FitToHeight: &tall})
}
