package importer

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// FuzzReadCSV feeds arbitrary bytes to the CSV reader and the row checks:
// they must not panic, must give valid UTF-8, increasing line numbers, and
// account for every data row exactly once (imported, refused or duplicate).
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("标题,发布日期,类别\n通知,2021-01-05,政策文件\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadItems(bytes.NewReader(data), "f.csv")
		if err != nil {
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("error text is not UTF-8: %q", err.Error())
			}
			return
		}
		if len(s.Lines) != len(s.Rows) {
			t.Fatalf("%d lines for %d rows", len(s.Lines), len(s.Rows))
		}
		for i, r := range s.Rows {
			if i > 0 && s.Lines[i] <= s.Lines[i-1] {
				t.Fatalf("line numbers not increasing: %v", s.Lines)
			}
			for _, c := range r {
				if !utf8.ValidString(c) {
					t.Fatalf("cell is not UTF-8: %q", c)
				}
			}
		}
		m := GuessMapping(s.Header)
		if m[FieldTitle] < 0 {
			m[FieldTitle] = 0
		}
		if m[FieldDate] < 0 {
			m.Cycle(FieldDate, s.Columns(), 1)
		}
		items, bad, dups := Apply(s, m, 1, 2021, nil)
		if len(items)+len(bad)+dups != len(s.Rows)+len(s.Bad) {
			t.Fatalf("%d rows and %d unreadable became %d items, %d bad, %d dups", len(s.Rows), len(s.Bad), len(items), len(bad), dups)
		}
		for _, it := range items {
			if it.Title == "" || it.Published.Year() != 2021 || !it.Published.Valid() {
				t.Fatalf("bad item passed: %+v", it)
			}
		}
	})
}

// FuzzReadXLSX feeds damaged spreadsheets to the reader: it must return a
// Chinese error or a sheet, never panic (a panic in the import would end
// the workstation).
func FuzzReadXLSX(f *testing.F) {
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"标题", "发布日期", "类别"})
	x.SetSheetRow("Sheet1", "A2", &[]any{"关于春耕的通知", 44261, "工作动态"})
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadItems(bytes.NewReader(data), "f.xlsx")
		if err != nil {
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("error text is not UTF-8: %q", err.Error())
			}
			return
		}
		if len(s.Lines) != len(s.Rows) {
			t.Fatalf("%d lines for %d rows", len(s.Lines), len(s.Rows))
		}
		Apply(s, GuessMapping(s.Header), 1, 2021, nil)
	})
}
