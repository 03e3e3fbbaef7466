package desk

import (
	"context"
	"reflect"
	"sort"

	"nianbao/model"
)

// Saves to the parts of an organ-year other than the request log (the
// review and litigation cases, the improvement measures, the register of
// 主动公开信息, the report itself) and the open year's snapshot: after a
// save the workstation reads back the part it wrote (ReadParts, off its
// Update loop) and makes the next snapshot with it (Year.WithParts), in
// place of loading and checking the whole organ-year again. A part is
// read whole, with the query the load uses, so that entries added,
// deleted, restored (a new id) or moved in the part's order come back as
// a fresh load would have them; each is small beside the log.

// Parts names some parts of an organ-year.
type Parts uint8

const (
	// PartCases are the review and litigation cases (table 四).
	PartCases Parts = 1 << iota
	// PartMeasures are the improvement measures (section 五).
	PartMeasures
	// PartItems is the register of 主动公开信息 (section 二).
	PartItems
	// PartReport is the report: its head, table modes, typed cells, text
	// and acknowledged warnings.
	PartReport
)

// PartsRead says what to read back after saves: the parts written and,
// when only some items of the register were (saved, deleted or restored
// one by one), those items.
type PartsRead struct {
	Parts Parts
	// Items, with PartItems, are the items written; nil reads the whole
	// register (an import).
	Items []int64
}

// Merge is the read that covers both r and o.
func (r PartsRead) Merge(o PartsRead) PartsRead {
	m := PartsRead{Parts: r.Parts | o.Parts}
	if r.whole() || o.whole() {
		return m
	}
	if m.Parts&PartItems != 0 {
		m.Items = append(append([]int64(nil), r.Items...), o.Items...)
	}
	return m
}

// whole reports whether r reads the whole register.
func (r PartsRead) whole() bool { return r.Parts&PartItems != 0 && r.Items == nil }

// PartsUpdate is what ReadParts read for Year.WithParts.
type PartsUpdate struct {
	// load is the load the snapshot read for descends from.
	load     uint64
	kinds    Parts
	cases    []model.Case
	measures []model.Measure
	items    []model.DisclosureItem
	// itemIDs are the items read one by one (items holds those that
	// exist); nil when items is the whole register.
	itemIDs []int64
	report  *model.Report
}

// ReadParts reads the stored state of the parts rd names of y's
// organ-year for its next snapshot (Year.WithParts). It only reads, so it
// may run beside the workstation's Update loop.
func (s *Store) ReadParts(ctx context.Context, y *Year, rd PartsRead) (*PartsUpdate, error) {
	r := y.Report()
	kinds := rd.Parts
	u := &PartsUpdate{load: y.load, kinds: kinds}
	var err error
	if kinds&PartCases != 0 {
		if u.cases, err = s.Cases(ctx, r.OrganID, r.Year); err != nil {
			return nil, err
		}
	}
	if kinds&PartMeasures != 0 {
		if u.measures, err = s.Measures(ctx, r.OrganID, r.Year); err != nil {
			return nil, err
		}
	}
	switch {
	case kinds&PartItems != 0 && rd.Items != nil:
		u.itemIDs = append([]int64{}, rd.Items...)
		if u.items, err = s.ItemsByID(ctx, rd.Items); err != nil {
			return nil, err
		}
	case kinds&PartItems != 0:
		if u.items, err = s.Items(ctx, r.OrganID, r.Year); err != nil {
			return nil, err
		}
	}
	if kinds&PartReport != 0 {
		if u.report, err = s.Report(ctx, r.OrganID, r.Year); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// For reports whether u was read for a snapshot of the same load as y (a
// load of the organ-year made after the read started may hold newer parts
// than u: read them again).
func (u *PartsUpdate) For(y *Year) bool { return u != nil && u.load == y.load }

// Read is the read that made u, to make it again.
func (u *PartsUpdate) Read() PartsRead {
	return PartsRead{Parts: u.kinds, Items: u.itemIDs}
}

// WithParts is the snapshot with the parts u read: the rules that read a
// part that changed run again (with every rule that reads the printed
// values when table 四 or 二（一） changes with it); the request log, its
// tallies and the other rules' findings are shared with y. y does not
// change; when no part differs, WithParts returns y. u must be For(y).
func (y *Year) WithParts(u *PartsUpdate) *Year {
	oy := *y.oy
	in := model.Input(0)
	if u.kinds&PartCases != 0 && !reflect.DeepEqual(oy.Cases, u.cases) {
		oy.Cases, in = u.cases, in|model.InCases
	}
	if u.kinds&PartMeasures != 0 && !reflect.DeepEqual(oy.Measures, u.measures) {
		oy.Measures, in = u.measures, in|model.InMeasures
	}
	if u.kinds&PartItems != 0 {
		items := u.items
		if u.itemIDs != nil {
			items = spliceItems(oy.Items, u, oy.Report.OrganID, oy.Report.Year)
		}
		if !reflect.DeepEqual(oy.Items, items) {
			oy.Items, in = items, in|model.InItems
		}
	}
	report := u.kinds&PartReport != 0 && !reflect.DeepEqual(oy.Report, u.report)
	if report {
		oy.Report = u.report
		in |= edited(y.oy, &oy) // none when only acknowledgements changed
	}
	if in == 0 && !report {
		return y
	}
	n := *y
	n.oy = &oy
	n.tujie = &tujieCache{}
	n.version = versions.Add(1)
	if oy.Report.Format() != y.oy.Report.Format() {
		n.deriveLog() // the overview counts the format's rows
	}
	n.setRun(y.run.Next(&oy, model.Change{Inputs: in}))
	return &n
}

// spliceItems is the register old with the items u read one by one in
// their stored state: dropped when gone or no longer of the organ-year,
// else at their place in the order the load reads them (publication date,
// then id).
func spliceItems(old []model.DisclosureItem, u *PartsUpdate, organID int64, year int) []model.DisclosureItem {
	drop := make(map[int64]bool, len(u.itemIDs))
	for _, id := range u.itemIDs {
		drop[id] = true
	}
	out := make([]model.DisclosureItem, 0, len(old)+len(u.items))
	for _, it := range old {
		if !drop[it.ID] {
			out = append(out, it)
		}
	}
	for _, it := range u.items {
		if it.OrganID != organID || it.Year != year {
			continue
		}
		i := sort.Search(len(out), func(i int) bool {
			return out[i].Published > it.Published || out[i].Published == it.Published && out[i].ID > it.ID
		})
		out = append(out, model.DisclosureItem{})
		copy(out[i+1:], out[i:])
		out[i] = it
	}
	if len(out) == 0 {
		return nil // as the load has an empty register
	}
	return out
}
