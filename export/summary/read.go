package summary

import (
	"fmt"
	"sort"
	"strings"

	"nianbao/export/bundle"
	"nianbao/model"
)

// Rejected is a file in the folder that was not used, with the reason in
// Chinese.
type Rejected struct {
	File   string
	Reason string
}

// Folder is what ReadFolder found.
type Folder struct {
	// Inputs are the valid bundles of the year by organ name, an organ's
	// newest first, so that when an organ sent two the newer one is counted
	// and the older one is listed as a duplicate.
	Inputs []model.AggregateInput
	// Rejected lists the files that are not valid bundles.
	Rejected []Rejected
	// Skipped lists valid bundles of another year.
	Skipped []Rejected
	// Full lists the full bundles (with applicants' personal data) counted
	// because ReadOptions.AcceptFull was set, as a warning. Without it they
	// are in Rejected: an aggregation needs only public bundles.
	Full []Rejected
}

// ReadOptions say how ReadFolder treats what it finds.
type ReadOptions struct {
	// AcceptFull counts full bundles (with personal data) instead of
	// refusing them.
	AcceptFull bool
}

// ReadFolder reads every .json file in dir as a bundle. A bad file is
// listed with its reason and does not stop the others; a full bundle (with
// personal data) is refused unless opt.AcceptFull. Only an unreadable
// folder is an error.
func ReadFolder(dir string, year int, opt ReadOptions) (Folder, error) {
	var out Folder
	// Each file is read and decoded once, on every core, and reduced at
	// once to what the aggregation needs (organ, dates, the counts of its
	// findings and its table values packed in a row), so memory does not
	// hold an organ-year per bundle.
	results, err := bundle.ReadFolder(dir, func(f bundle.Found) readResult { return reduce(f, year, opt) })
	if err != nil {
		return out, err
	}
	type found struct {
		in      model.AggregateInput
		organ   string
		created int64
	}
	var fs []found
	for _, r := range results {
		switch {
		case r.rejected != "":
			out.Rejected = append(out.Rejected, Rejected{File: r.in.Source, Reason: r.rejected})
		case r.skipped != "":
			out.Skipped = append(out.Skipped, Rejected{File: r.in.Source, Reason: r.skipped})
		default:
			if r.full != "" {
				out.Full = append(out.Full, Rejected{File: r.in.Source, Reason: r.full})
			}
			fs = append(fs, found{in: r.in, organ: strings.TrimSpace(r.in.OY.Organ.Name), created: r.created})
		}
	}
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].organ != fs[j].organ {
			return fs[i].organ < fs[j].organ
		}
		return fs[i].created > fs[j].created
	})
	out.Inputs = make([]model.AggregateInput, 0, len(fs))
	for _, f := range fs {
		out.Inputs = append(out.Inputs, f.in)
	}
	return out, nil
}

// readResult is what one file gave: an input, or why it was not used (the
// file's name is in.Source either way).
type readResult struct {
	in                      model.AggregateInput
	created                 int64
	rejected, skipped, full string
}

// reduce turns one decoded file into an aggregation input: the organ, the
// report's year, format and date, the effective values packed in a row and
// the counts of the findings; logs, narrative and personal data are
// dropped.
func reduce(f bundle.Found, year int, opt ReadOptions) readResult {
	r := readResult{in: model.AggregateInput{Source: f.Name}}
	if f.Problem != "" {
		r.rejected = f.Problem
		return r
	}
	oy, meta := f.OY, f.Meta
	if meta.Year != year {
		r.skipped = fmt.Sprintf("这是%s%d年的报送包，不属于%d年汇总", meta.Organ, meta.Year, year)
		return r
	}
	if meta.Kind == bundle.Full {
		if !opt.AcceptFull {
			r.rejected = fmt.Sprintf("这是%s的完整报送包，含申请人的个人信息；汇总只收公开报送包，未计入。请让该单位改交公开报送包，并删除这个文件", meta.Organ)
			return r
		}
		r.full = fmt.Sprintf("这是%s的完整报送包，含申请人的个人信息，已计入汇总；请妥善保管，用完后删除", meta.Organ)
	}
	slim := &model.OrganYear{Organ: oy.Organ, Report: &model.Report{
		OrganID: oy.Report.OrganID, Year: oy.Report.Year, FormatID: oy.Report.FormatID, Date: oy.Report.Date}}
	r.in.OY = slim
	if fm := oy.Report.Format(); fm != nil {
		v := model.EffectiveValues(oy)
		r.in.Row, r.in.Blank = model.PackRow(fm, v), model.BlankIndexes(fm, v)
	}
	r.in.Submitted = model.DateOf(meta.Created)
	r.in.Errors, r.in.Warnings = model.CountFindings(meta.Findings)
	r.created = meta.Created.UnixNano()
	return r
}
