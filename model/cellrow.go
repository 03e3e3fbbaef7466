package model

import "encoding/binary"

// CellRow holds one organ-year's table values in its format's cell order
// (Format.AllCells), only the non-zero ones, packed as pairs of varints:
// the gap to the previous non-zero cell and the value. A township's row
// takes a few hundred bytes where a Values map takes tens of kilobytes, so
// an aggregation of a province's tens of thousands of organs can keep one
// row per organ.
type CellRow []byte

// PackRow packs the values of f's cells; values at addresses outside the
// format are left out.
func PackRow(f *Format, v Values) CellRow {
	row := CellRow{} // not nil: an all-zero row is a row
	prev := -1
	for i, a := range f.cells {
		x := v[a]
		if x == 0 {
			continue
		}
		row = binary.AppendUvarint(row, uint64(i-prev))
		row = binary.AppendVarint(row, x)
		prev = i
	}
	return row
}

// Each calls fn with the index in f.AllCells() and the value of every
// non-zero cell, in order.
func (r CellRow) Each(fn func(i int, x int64)) {
	i := -1
	for len(r) > 0 {
		gap, n := binary.Uvarint(r)
		if n <= 0 {
			return
		}
		x, m := binary.Varint(r[n:])
		if m <= 0 {
			return
		}
		i += int(gap)
		fn(i, x)
		r = r[n+m:]
	}
}

// Values unpacks the row of f's cells into a map of its non-zero values.
func (r CellRow) Values(f *Format) Values {
	v := Values{}
	r.Each(func(i int, x int64) {
		if i < len(f.cells) {
			v[f.cells[i]] = x
		}
	})
	return v
}
