// Package measures is the list of improvement measures (整改措施) of section
// 五, with a form per measure.
package measures

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/entrylist"
	"nianbao/tui/text"
)

// spec is how the measure list reads, stores and draws measures.
var spec = &entrylist.Spec[model.Measure]{
	Title:   text.TitleMeasures,
	Kind:    model.EntryMeasure,
	Part:    desk.PartMeasures,
	Entries: func(oy *model.OrganYear) []model.Measure { return oy.Measures },
	ID:      func(x *model.Measure) int64 { return x.ID },
	Name:    func(x *model.Measure) string { return x.Measure },
	Deleted: func(*model.Measure) string { return text.MeasureDeleted },
	Delete: func(ctx context.Context, st common.Desk, id int64) (model.Measure, error) {
		return st.DeleteMeasure(ctx, id)
	},
	Restore: func(ctx context.Context, st common.Desk, x model.Measure) (model.Measure, error) {
		x.ID = 0
		err := st.SaveMeasure(ctx, &x)
		return x, err
	},
	Form:    func(c *common.Common, x *model.Measure) common.Screen { return NewForm(c, x) },
	Heading: func(n int) string { return fmt.Sprintf(text.MeasureHeading, n) },
	Note:    text.MeasureNote,
	Empty:   text.MeasureEmpty,
	Header: func(width int) string {
		textW, dueW, statusW := measureWidths(width)
		return components.Fit(text.ColSerialShort, 4) + " " + components.Fit(text.MeasureColProblem, textW) + " " +
			components.Fit(text.MeasureColMeasure, textW) + " " + components.Fit(text.MeasureColDue, dueW) + " " + components.Fit(text.MeasureColStatus, statusW)
	},
	Row: func(i int, x *model.Measure, width int) string {
		textW, dueW, statusW := measureWidths(width)
		return components.Fit(fmt.Sprint(i+1), 4) + " " + components.Fit(x.Problem, textW) + " " +
			components.Fit(x.Measure, textW) + " " + components.Fit(x.Due.String(), dueW) + " " + components.Fit(x.Status.Label(), statusW)
	},
}

func measureWidths(width int) (textW, dueW, statusW int) {
	statusW, dueW = 6, 10
	return max(12, (width-statusW-dueW-8)/2), dueW, statusW
}

// New builds the measure list of the open organ-year.
func New(c *common.Common) common.Screen { return entrylist.New(c, spec) }

// Form adds or edits one measure; each field is saved when the cursor leaves
// it (a choice at once). A new measure is saved once it has text.
type Form = entrylist.Form[model.Measure]

// formSpec is how the measure form stores a measure.
var formSpec = &entrylist.FormSpec[model.Measure]{
	Kind:      model.EntryMeasure,
	Section:   common.SecMeasures,
	Part:      desk.PartMeasures,
	NewTitle:  text.MeasureNewTitle,
	EditTitle: text.MeasureEditTitle,
	ID:        func(x *model.Measure) int64 { return x.ID },
	SetID:     func(x *model.Measure, id int64) { x.ID = id },
	Apply:     apply,
	Committed: committed,
	Unready: func(x *model.Measure) string {
		if x.Problem == "" && x.Measure == "" {
			return text.MeasureNeedText
		}
		return ""
	},
	Save: func(ctx context.Context, st common.Desk, x *model.Measure) error {
		return st.SaveMeasure(ctx, x)
	},
}

// NewForm opens the form on a copy of x, or on a new measure when nil.
func NewForm(c *common.Common, x *model.Measure) *Form {
	m := model.Measure{OrganID: c.Organ.ID, Year: c.Year, Status: model.MeasureNotStarted, FirstYear: c.Year}
	if x != nil {
		m = *x
	}
	textField := func(key, label, value, hint string) *components.Field {
		fl := components.TextField(key, label, value)
		fl.Input.Clean = model.CleanLine
		fl.Hint = hint
		return fl
	}
	var statuses []string
	si := 0
	for i, s := range model.MeasureStatuses {
		statuses = append(statuses, s.Label())
		if s == m.Status {
			si = i
		}
	}
	due := textField("due", text.MeasureFieldDue, m.Due.String(), text.ReqHintDate)
	due.Validate = func(s string) error { _, err := model.ParseDate(s); return err }
	first := textField("first", text.MeasureFieldFirstYear, yearText(m.FirstYear), text.MeasureHintFirstYear)
	first.Validate = func(s string) error {
		y, err := parseYear(s)
		if err == nil && y > c.Year {
			return fmt.Errorf(text.MeasureErrFirstYear, y, c.Year)
		}
		return err
	}
	return entrylist.NewForm(c, formSpec, m, components.NewForm(entrylist.FormStyles(c),
		textField("problem", text.MeasureFieldProblem, m.Problem, text.MeasureHintProblem),
		textField("measure", text.MeasureFieldMeasure, m.Measure, text.MeasureHintMeasure),
		textField("responsible", text.MeasureFieldResponsible, m.Responsible, ""),
		due,
		components.ChoiceField("status", text.MeasureFieldStatus, statuses, si),
		first,
	))
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func parseYear(s string) (int, error) {
	n, err := model.ParseCount(strings.TrimSuffix(strings.TrimSpace(s), "年"))
	if err != nil {
		return 0, err
	}
	if n != 0 && (n < 2000 || n > 2999) {
		return 0, fmt.Errorf(text.MeasureErrYear, n)
	}
	return int(n), nil
}

func committed(x *model.Measure, key string) string {
	switch key {
	case "problem":
		return x.Problem
	case "measure":
		return x.Measure
	case "responsible":
		return x.Responsible
	case "due":
		return x.Due.String()
	case "first":
		return yearText(x.FirstYear)
	}
	return ""
}

// apply copies the form into the measure.
func apply(form *components.Form, x *model.Measure) {
	for _, fl := range form.Fields {
		v := strings.TrimSpace(model.CleanLine(fl.Value()))
		switch fl.Key {
		case "problem":
			x.Problem = v
		case "measure":
			x.Measure = v
		case "responsible":
			x.Responsible = v
		case "due":
			if d, err := model.ParseDate(v); err == nil {
				x.Due = d
				fl.Input.SetValue(d.String())
			}
		case "status":
			x.Status = model.MeasureStatuses[fl.Choice]
		case "first":
			if y, err := parseYear(v); err == nil {
				x.FirstYear = y
				fl.Input.SetValue(yearText(y))
			}
		}
	}
}
