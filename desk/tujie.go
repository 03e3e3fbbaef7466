package desk

import (
	"sync"

	"nianbao/export/tujie"
)

// tujieCache holds a snapshot's 图解 page, laid out on first use. A new
// snapshot (Snapshot, Edit) gets a new one.
type tujieCache struct {
	once sync.Once
	page *tujie.Page
}

// Tujie is the year's 图解 (illustrated report) laid out from the same
// computed tables the report prints, once per snapshot: the workstation's
// year overview draws it in block characters, and the 图解 export (Export
// with FormatTujie) prints the same page as html and PNG.
func (y *Year) Tujie() *TujiePage {
	c := y.tujie
	if c == nil {
		// A Year made without Snapshot: lay out every time.
		return tujie.Build(tujie.Input{OY: y.oy, Calendar: y.cal})
	}
	c.once.Do(func() { c.page = tujie.Build(tujie.Input{OY: y.oy, Calendar: y.cal}) })
	return c.page
}
