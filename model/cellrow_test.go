package model

import "testing"

func TestCellRowPacksNonZeroCellsInFormatOrder(t *testing.T) {
	f := FormatForYear(2021)
	cells := f.AllCells()
	if len(cells) != 200 || cells[0].Table != f.Tables[0].ID {
		t.Fatalf("format 2021 has %d cells starting at %v", len(cells), cells[0])
	}
	v := Values{
		cells[0]:                     1,
		cells[7]:                     -2,
		cells[199]:                   1 << 40,
		Addr("nosuch", "row", "col"): 5, // outside the format: left out
		cells[50]:                    0,
	}
	row := PackRow(f, v)
	if len(row) > 16 {
		t.Errorf("three values packed in %d bytes", len(row))
	}
	got := row.Values(f)
	if len(got) != 3 || got[cells[0]] != 1 || got[cells[7]] != -2 || got[cells[199]] != 1<<40 {
		t.Errorf("unpacked %v", got)
	}
	var idx []int
	row.Each(func(i int, _ int64) { idx = append(idx, i) })
	if len(idx) != 3 || idx[0] != 0 || idx[1] != 7 || idx[2] != 199 {
		t.Errorf("indexes %v, want 0 7 199", idx)
	}
	empty := PackRow(f, Values{})
	if empty == nil || len(empty) != 0 || len(empty.Values(f)) != 0 {
		t.Errorf("an all-zero row must be an empty, non-nil row: %#v", empty)
	}
}
