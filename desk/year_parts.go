package desk

import (
	"context"
	"reflect"

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

// PartsUpdate is what ReadParts read for Year.WithParts.
type PartsUpdate struct {
	// load is the load the snapshot read for descends from.
	load     uint64
	kinds    Parts
	cases    []model.Case
	measures []model.Measure
	items    []model.DisclosureItem
	report   *model.Report
}

// ReadParts reads the stored state of the parts kinds of y's organ-year
// for its next snapshot (Year.WithParts). It only reads, so it may run
// beside the workstation's Update loop.
func (s *Store) ReadParts(ctx context.Context, y *Year, kinds Parts) (*PartsUpdate, error) {
	r := y.Report()
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
	if kinds&PartItems != 0 {
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

// Kinds are the parts u holds.
func (u *PartsUpdate) Kinds() Parts { return u.kinds }

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
	if u.kinds&PartItems != 0 && !reflect.DeepEqual(oy.Items, u.items) {
		oy.Items, in = u.items, in|model.InItems
	}
	if u.kinds&PartReport != 0 && !reflect.DeepEqual(oy.Report, u.report) {
		oy.Report, in = u.report, in|model.InReport|model.InValues|model.InBlocks
	}
	if in == 0 {
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
