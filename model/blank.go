package model

import (
	"fmt"
	"strings"
)

// Blank is not 0. In a table the clerk types (section 二 always, 三 and 四
// when the report chose 手工填写) a cell that was never entered is 未填: it
// is absent from Report.Values, while a typed 0 is present with the value 0.
// A 未填 cell is an error (rule U1) until the clerk enters it, 0 included.
// The derived cells of a typed table (a row's 总计, table 三's （七）总计) are
// not entered: they are computed from their parts once every part is entered
// (DerivedTotals), and otherwise stay blank without a finding of their own.
// Tables computed from the logs, and 二（一）'s cells counted from the
// disclosure items, are never 未填.

// Has reports whether the cell holds a value (a typed 0 included); in a typed
// table a cell without one is 未填.
func (v Values) Has(a CellAddress) bool {
	_, ok := v[a]
	return ok
}

// TableTyped reports whether t is a table the clerk types in r (rather than
// one computed from the logs).
func TableTyped(r *Report, t *Table) bool {
	switch t.Section {
	case 3:
		return r.Mode3 == Typed
	case 4:
		return r.Mode4 == Typed
	}
	return true
}

// mayBeBlank reports whether cell a of r's table t (of format f) can be 未填:
// it is in a table the clerk types and is not one of 二（一）'s cells counted
// from the disclosure items. Derived cells are included: they stay blank
// while a part is.
func mayBeBlank(r *Report, f *Format, t *Table, a CellAddress) bool {
	return TableTyped(r, t) && !(r.Art20Mode == FromLog && IsArt20Cell(f, a))
}

// IsDerived reports whether the cell a of t is computed from other cells of
// the table (a 总计 column or a total row).
func IsDerived(t *Table, a CellAddress) bool {
	r, ok1 := t.Row(a.Row)
	c, ok2 := t.Column(a.Col)
	return ok1 && ok2 && (r.Total || c.Total)
}

// EntryCells lists, in the format's order, the cells of r's typed tables
// that the clerk enters: every cell of a typed table except the derived
// ones, and except 二（一）'s cells when they are counted from the
// disclosure items.
func EntryCells(r *Report) []CellAddress {
	f := r.Format()
	if f == nil {
		return nil
	}
	var out []CellAddress
	for _, t := range f.Tables {
		for _, a := range t.Cells() {
			if mayBeBlank(r, f, t, a) && !IsDerived(t, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// BlankCells lists the entry cells of r that are 未填.
func BlankCells(r *Report) []CellAddress {
	var out []CellAddress
	for _, a := range EntryCells(r) {
		if !r.Values.Has(a) {
			out = append(out, a)
		}
	}
	return out
}

// ZeroBlanks sets every 未填 entry cell of r to 0 and returns them. It reads
// data written before blank was kept apart from 0 as that program printed
// it: a report it exported (StatusExported) was published with those cells
// as 0 (db migration 12, bundle format version 1).
func ZeroBlanks(r *Report) []CellAddress {
	bl := BlankCells(r)
	if len(bl) > 0 && r.Values == nil {
		r.Values = Values{}
	}
	for _, a := range bl {
		r.Values[a] = 0
	}
	return bl
}

// DerivedTotals computes the derived cells of t from the entered cells in v
// alone (stored derived values are not read): a row's 总计 column when every
// column it adds up has a value, then each total row's cell when every row it
// adds up has one (its 总计 column counting as known when computed here).
// Cells with a part missing are left out of the result.
func DerivedTotals(t *Table, v Values) Values {
	out := Values{}
	if t == nil {
		return out
	}
	sumOf := func(parts []CellAddress, from func(CellAddress) (int64, bool)) (int64, bool) {
		var s int64
		for _, p := range parts {
			x, ok := from(p)
			if !ok {
				return 0, false
			}
			s += x
		}
		return s, true
	}
	entered := func(a CellAddress) (int64, bool) { x, ok := v[a]; return x, ok }
	for _, r := range t.Rows {
		if r.Total {
			continue
		}
		for _, c := range t.Columns {
			if !c.Total {
				continue
			}
			var parts []CellAddress
			for _, id := range c.SumOf {
				parts = append(parts, Addr(t.ID, r.ID, id))
			}
			if s, ok := sumOf(parts, entered); ok {
				out[Addr(t.ID, r.ID, c.ID)] = s
			}
		}
	}
	known := func(a CellAddress) (int64, bool) {
		if IsDerived(t, a) {
			x, ok := out[a]
			return x, ok
		}
		return entered(a)
	}
	for _, r := range t.Rows {
		if !r.Total {
			continue
		}
		for _, c := range t.Columns {
			var parts []CellAddress
			for _, id := range TotalRowParts(t, r.ID) {
				parts = append(parts, Addr(t.ID, id, c.ID))
			}
			if s, ok := sumOf(parts, known); ok {
				out[Addr(t.ID, r.ID, c.ID)] = s
			}
		}
	}
	return out
}

// blankNamed is how many 未填 cells a finding names before 等.
const blankNamed = 3

// blanks is rule U1: one error per typed table that has 未填 cells, naming
// the cell when there is one and the first few when there are more, at the
// first of them (the jump target).
func (c *checker) blanks() {
	byTable := map[string][]CellAddress{}
	var order []string
	for _, a := range BlankCells(c.r) {
		if _, ok := byTable[a.Table]; !ok {
			order = append(order, a.Table)
		}
		byTable[a.Table] = append(byTable[a.Table], a)
	}
	for _, id := range order {
		cells := byTable[id]
		t := c.f.Table(id)
		var msg string
		if len(cells) == 1 {
			// Named in the message too: the check list shows messages
			// under their section, without the place.
			msg = c.f.Place(cells[0]) + " 未填；没有的请填 0"
		} else {
			names := make([]string, 0, blankNamed)
			for _, a := range cells[:min(blankNamed, len(cells))] {
				names = append(names, strings.TrimPrefix(c.f.Place(a), TableName(t)+" "))
			}
			more := ""
			if len(cells) > blankNamed {
				more = "等"
			}
			msg = fmt.Sprintf("%s 有 %d 格未填（%s%s）；没有的请填 0", TableName(t), len(cells), strings.Join(names, "、"), more)
		}
		c.add(Finding{Rule: "U1", Severity: Error, Section: t.Section, Cell: cells[0], Message: msg})
	}
}

// Dependents lists the derived cells of t that add up the cell a, directly
// or through a row's 总计: the 总计 of a's row, the total row's cell in a's
// column, and the total row's 总计. A typed cell changes only these.
func Dependents(t *Table, a CellAddress) []CellAddress {
	inRows := func(total string) bool {
		for _, id := range TotalRowParts(t, total) {
			if id == a.Row {
				return true
			}
		}
		return false
	}
	inCols := func(c Column) bool {
		for _, id := range c.SumOf {
			if id == a.Col {
				return true
			}
		}
		return false
	}
	var out []CellAddress
	for _, r := range t.Rows {
		for _, c := range t.Columns {
			var dep bool
			switch {
			case !r.Total && c.Total:
				dep = r.ID == a.Row && inCols(c)
			case r.Total && !c.Total:
				dep = c.ID == a.Col && inRows(r.ID)
			case r.Total && c.Total:
				dep = inRows(r.ID) && inCols(c)
			}
			if dep {
				out = append(out, Addr(t.ID, r.ID, c.ID))
			}
		}
	}
	return out
}
