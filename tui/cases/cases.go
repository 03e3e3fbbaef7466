// Package cases is the list of administrative reviews and lawsuits about
// disclosure (复议/诉讼) that table 四 is computed from, with a form per case.
package cases

import (
	"context"
	"fmt"
	"strings"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/entrylist"
	"nianbao/tui/text"
)

// spec is how the case list reads, stores and draws cases.
var spec = &entrylist.Spec[model.Case]{
	Title:   text.TitleCases,
	Kind:    model.EntryCase,
	Part:    desk.PartCases,
	Entries: func(oy *model.OrganYear) []model.Case { return oy.Cases },
	ID:      func(c *model.Case) int64 { return c.ID },
	Name:    func(c *model.Case) string { return c.Kind.Label() + " " + c.Summary },
	Deleted: func(c *model.Case) string { return fmt.Sprintf(text.CaseDeleted, c.Kind.Label()) },
	Delete: func(ctx context.Context, st common.Desk, id int64) (model.Case, error) {
		return st.DeleteCase(ctx, id)
	},
	Restore: func(ctx context.Context, st common.Desk, c model.Case) (model.Case, error) {
		c.ID = 0
		err := st.SaveCase(ctx, &c)
		return c, err
	},
	Form:    func(c *common.Common, x *model.Case) common.Screen { return NewForm(c, x) },
	Heading: func(n int) string { return fmt.Sprintf(text.CaseHeading, n) },
	Note:    text.CaseNote,
	Empty:   text.CaseEmpty,
	Header: func(width int) string {
		kindW, dateW, resW, sumW := caseWidths(width)
		return components.Fit(text.ColSerialShort, 4) + " " + components.Fit(text.CaseColKind, kindW) + " " +
			components.Fit(text.CaseColFiled, dateW) + " " + components.Fit(text.CaseColResult, resW) + " " + components.Fit(text.CaseColSummary, sumW)
	},
	Row: func(i int, c *model.Case, width int) string {
		kindW, dateW, resW, sumW := caseWidths(width)
		return components.Fit(fmt.Sprint(i+1), 4) + " " + components.Fit(c.Kind.Label(), kindW) + " " +
			components.Fit(c.Filed.String(), dateW) + " " + components.Fit(c.Result.Label(), resW) + " " + components.Fit(c.Summary, sumW)
	},
	Footer: func(c *common.Common) []string {
		if c.Report() != nil && c.Report().Mode4 == model.Typed {
			return []string{"", c.Styles.Warning.Render(text.CaseTypedNote)}
		}
		return nil
	},
}

func caseWidths(width int) (kindW, dateW, resW, sumW int) {
	kindW, dateW, resW = 28, 10, 8
	return kindW, dateW, resW, max(6, width-kindW-dateW-resW-8)
}

// New builds the case list of the open organ-year.
func New(c *common.Common) common.Screen { return entrylist.New(c, spec) }

// Form adds or edits one case; every field is saved when the cursor leaves
// it (a choice at once).
type Form = entrylist.Form[model.Case]

// formSpec is how the case form stores a case.
var formSpec = &entrylist.FormSpec[model.Case]{
	Kind:      model.EntryCase,
	Section:   common.SecCases,
	Part:      desk.PartCases,
	NewTitle:  text.CaseNewTitle,
	EditTitle: text.CaseEditTitle,
	ID:        func(cs *model.Case) int64 { return cs.ID },
	SetID:     func(cs *model.Case, id int64) { cs.ID = id },
	Apply:     apply,
	Committed: committed,
	Save: func(ctx context.Context, st common.Desk, cs *model.Case) error {
		return st.SaveCase(ctx, cs)
	},
}

// NewForm opens the form on a copy of cs, or on a new case when nil.
func NewForm(c *common.Common, cs *model.Case) *Form {
	x := model.Case{OrganID: c.Organ.ID, Year: c.Year, Kind: model.CaseReview, Result: model.Pending}
	if cs != nil {
		x = *cs
	}
	var kinds, results []string
	ki, ri := 0, 0
	for i, k := range model.CaseKinds {
		kinds = append(kinds, k.Label())
		if k == x.Kind {
			ki = i
		}
	}
	for i, r := range model.CaseResults {
		results = append(results, r.Label())
		if r == x.Result {
			ri = i
		}
	}
	filed := components.TextField("filed", text.CaseFieldFiled, x.Filed.String())
	filed.Hint = text.ReqHintDate
	filed.Validate = func(s string) error {
		d, err := model.ParseDate(s)
		if err == nil && !d.IsZero() && d.Year() > c.Year {
			return fmt.Errorf(text.CaseErrYear, d.Chinese(), c.Year)
		}
		return err
	}
	filed.Input.Clean = model.CleanLine
	sum := components.TextField("summary", text.CaseFieldSummary, x.Summary)
	sum.Input.Clean = model.CleanLine
	sum.Hint = text.CaseHintSummary
	return entrylist.NewForm(c, formSpec, x, components.NewForm(entrylist.FormStyles(c),
		components.ChoiceField("kind", text.CaseFieldKind, kinds, ki),
		filed,
		components.ChoiceField("result", text.CaseFieldResult, results, ri),
		sum,
	))
}

func committed(cs *model.Case, key string) string {
	switch key {
	case "filed":
		return cs.Filed.String()
	case "summary":
		return cs.Summary
	}
	return ""
}

// apply copies the form into the case.
func apply(form *components.Form, cs *model.Case) {
	for _, fl := range form.Fields {
		switch fl.Key {
		case "kind":
			cs.Kind = model.CaseKinds[fl.Choice]
		case "result":
			cs.Result = model.CaseResults[fl.Choice]
		case "filed":
			d, err := model.ParseDate(fl.Value())
			if err == nil {
				cs.Filed = d
				fl.Input.SetValue(d.String())
			}
		case "summary":
			cs.Summary = strings.TrimSpace(model.CleanLine(fl.Value()))
		}
	}
}
