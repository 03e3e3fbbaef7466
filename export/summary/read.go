package summary

import (
	"fmt"
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

// ReadOptions say how Aggregate treats what it finds.
type ReadOptions struct {
	// AcceptFull counts full bundles (with personal data) instead of
	// refusing them.
	AcceptFull bool
}

// The classes of records, in the order they are listed.
const (
	classInput    = iota // a bundle of the year: an organ's entry
	classRejected        // a file that is not a valid bundle, or a full one refused
	classSkipped         // a valid bundle of another year
	classFull            // a full bundle counted (ReadOptions.AcceptFull): a warning
)

// record is what the aggregation keeps of one file: an entry of the
// aggregation (class input), or a file it lists with a reason.
type record struct {
	Class uint8
	// Name is the organ's name, trimmed (inputs).
	Name string
	// Created is when the bundle was made (inputs), in Unix nanoseconds.
	Created int64
	File    string
	Reason  string
	// What the aggregation needs of an input: the organ's due date, the
	// report's year, format and date, when it was handed in, the counts
	// of its findings and its table values.
	Level            model.OrganLevel
	DueMonth, DueDay int
	Year             int
	FormatID         string
	Date             model.Date
	Submitted        model.Date
	Errors, Warnings int
	Row              model.CellRow
	Blank            []int32
}

// size is about the memory a record takes.
func (r *record) size() int {
	return 160 + len(r.Name) + len(r.File) + len(r.Reason) + len(r.FormatID) + len(r.Row) + 4*len(r.Blank)
}

// input is the aggregation's entry of an input record.
func (r *record) input() model.AggregateInput {
	row := r.Row
	if row == nil {
		row = model.CellRow{} // an all-zero row (an empty list reads back as nil)
	}
	return model.AggregateInput{
		OY: &model.OrganYear{
			Organ:  model.Organ{Name: r.Name, Level: r.Level, DueMonth: r.DueMonth, DueDay: r.DueDay},
			Report: &model.Report{Year: r.Year, FormatID: r.FormatID, Date: r.Date},
		},
		Submitted: r.Submitted, Errors: r.Errors, Warnings: r.Warnings, Source: r.File, Row: row, Blank: r.Blank,
	}
}

// recordOrder sorts the records as they are listed: the entries by organ
// name, an organ's newest bundle first (the one counted when it sent two),
// then the files not used, those of other years and the full bundles
// counted, each by file name.
func recordOrder(a, b *record) bool {
	if a.Class != b.Class {
		return a.Class < b.Class
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	if a.Created != b.Created {
		return a.Created > b.Created
	}
	return a.File < b.File
}

// reduce turns one decoded file into the records the aggregation keeps:
// an entry with the organ, the report's year, format and date, the
// effective values packed in a row and the counts of the findings (logs,
// narrative and personal data are dropped), or the reason the file is not
// used; a full bundle accepted gives its warning too.
func reduce(f bundle.Found, year int, opt ReadOptions) []record {
	if f.Problem != "" {
		return []record{{Class: classRejected, File: f.Name, Reason: f.Problem}}
	}
	oy, meta := f.OY, f.Meta
	if meta.Year != year {
		return []record{{Class: classSkipped, File: f.Name, Reason: fmt.Sprintf("这是%s%d年的报送包，不属于%d年汇总", meta.Organ, meta.Year, year)}}
	}
	var out []record
	if meta.Kind == bundle.Full {
		if !opt.AcceptFull {
			return []record{{Class: classRejected, File: f.Name, Reason: fmt.Sprintf("这是%s的完整报送包，含申请人的个人信息；汇总只收公开报送包，未计入。请让该单位改交公开报送包，并删除这个文件", meta.Organ)}}
		}
		out = append(out, record{Class: classFull, File: f.Name, Reason: fmt.Sprintf("这是%s的完整报送包，含申请人的个人信息，已计入汇总；请妥善保管，用完后删除", meta.Organ)})
	}
	r := record{Class: classInput, Name: strings.TrimSpace(oy.Organ.Name), Created: meta.Created.UnixNano(), File: f.Name,
		Level: oy.Organ.Level, DueMonth: oy.Organ.DueMonth, DueDay: oy.Organ.DueDay,
		Year: oy.Report.Year, FormatID: oy.Report.FormatID, Date: oy.Report.Date, Submitted: model.DateOf(meta.Created)}
	if fm := oy.Report.Format(); fm != nil {
		v := model.EffectiveValues(oy)
		r.Row, r.Blank = model.PackRow(fm, v), model.BlankIndexes(fm, v)
	}
	r.Errors, r.Warnings = model.CountFindings(meta.Findings)
	return append(out, r)
}
