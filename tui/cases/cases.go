// Package cases is the list of administrative reviews and lawsuits about
// disclosure (复议/诉讼) that table 四 is computed from, with a form per case.
package cases

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/db"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/entrylist"
	"nianbao/tui/entrysave"
)

// spec is how the case list reads, stores and draws cases.
var spec = &entrylist.Spec[model.Case]{
	Title:   common.TitleCases,
	Kind:    model.EntryCase,
	Entries: func(oy *model.OrganYear) []model.Case { return oy.Cases },
	ID:      func(c *model.Case) int64 { return c.ID },
	Name:    func(c *model.Case) string { return c.Kind.Label() + " " + c.Summary },
	Deleted: func(c *model.Case) string { return fmt.Sprintf(common.CaseDeleted, c.Kind.Label()) },
	Delete: func(ctx context.Context, st *db.Store, id int64) (model.Case, error) {
		return st.DeleteCase(ctx, id)
	},
	Restore: func(ctx context.Context, st *db.Store, c model.Case) (model.Case, error) {
		c.ID = 0
		err := st.SaveCase(ctx, &c)
		return c, err
	},
	Form:    func(c *common.Common, x *model.Case) common.Screen { return NewForm(c, x) },
	Heading: func(n int) string { return fmt.Sprintf(common.CaseHeading, n) },
	Hint:    common.CaseHint,
	Empty:   common.CaseEmpty,
	Header: func(width int) string {
		kindW, dateW, resW, sumW := caseWidths(width)
		return components.Fit(common.ColSerialShort, 4) + " " + components.Fit(common.CaseColKind, kindW) + " " +
			components.Fit(common.CaseColFiled, dateW) + " " + components.Fit(common.CaseColResult, resW) + " " + components.Fit(common.CaseColSummary, sumW)
	},
	Row: func(i int, c *model.Case, width int) string {
		kindW, dateW, resW, sumW := caseWidths(width)
		return components.Fit(fmt.Sprint(i+1), 4) + " " + components.Fit(c.Kind.Label(), kindW) + " " +
			components.Fit(c.Filed.String(), dateW) + " " + components.Fit(c.Result.Label(), resW) + " " + components.Fit(c.Summary, sumW)
	},
	Footer: func(c *common.Common) []string {
		if c.Report != nil && c.Report.Mode4 == model.Typed {
			return []string{"", c.Styles.Warning.Render(common.CaseTypedNote)}
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
type Form struct {
	c     *common.Common
	cs    model.Case
	form  *components.Form
	saver *entrysave.Saver
	msg   string
}

// NewForm opens the form on a copy of cs, or on a new case when nil.
func NewForm(c *common.Common, cs *model.Case) *Form {
	f := &Form{c: c}
	if cs == nil {
		f.cs = model.Case{OrganID: c.Organ.ID, Year: c.Year, Kind: model.CaseReview, Result: model.Pending}
	} else {
		f.cs = *cs
	}
	f.saver = entrysave.New(f.cs.ID)
	var kinds, results []string
	ki, ri := 0, 0
	for i, k := range model.CaseKinds {
		kinds = append(kinds, k.Label())
		if k == f.cs.Kind {
			ki = i
		}
	}
	for i, r := range model.CaseResults {
		results = append(results, r.Label())
		if r == f.cs.Result {
			ri = i
		}
	}
	filed := components.TextField("filed", common.CaseFieldFiled, f.cs.Filed.String())
	filed.Hint = common.ReqHintDate
	filed.Validate = func(s string) error {
		d, err := model.ParseDate(s)
		if err == nil && !d.IsZero() && d.Year() > c.Year {
			return errors.New(fmt.Sprintf(common.CaseErrYear, d.Chinese(), c.Year))
		}
		return err
	}
	filed.Input.Clean = model.CleanLine
	sum := components.TextField("summary", common.CaseFieldSummary, f.cs.Summary)
	sum.Input.Clean = model.CleanLine
	sum.Hint = common.CaseHintSummary
	f.form = components.NewForm(formStyles(c),
		components.ChoiceField("kind", common.CaseFieldKind, kinds, ki),
		filed,
		components.ChoiceField("result", common.CaseFieldResult, results, ri),
		sum,
	)
	return f
}

func formStyles(c *common.Common) components.FormStyles {
	return components.FormStyles{Label: c.Styles.Label, Focus: c.Styles.Focused, Error: c.Styles.Error, Muted: c.Styles.Muted}
}

// Case is the case as last saved (tests).
func (f *Form) Case() model.Case { return f.cs }

// Title implements common.Screen.
func (f *Form) Title() string {
	if f.cs.ID == 0 {
		return common.CaseNewTitle
	}
	return common.CaseEditTitle
}

// Init implements common.Screen.
func (f *Form) Init() tea.Cmd { return nil }

// Cursor implements common.Screen.
func (f *Form) Cursor() *tea.Cursor {
	x, y := f.form.CursorXY()
	if x < 0 {
		return nil
	}
	return tea.NewCursor(x, y+2)
}

// Typing implements common.Typing.
func (f *Form) Typing() bool { return f.form.Current().Input != nil }

// Dirty implements common.Editing.
func (f *Form) Dirty() bool {
	cur := f.form.Current()
	return f.saver.Pending() || cur.Input != nil && cur.Value() != f.committed(cur.Key)
}

func (f *Form) committed(key string) string {
	switch key {
	case "filed":
		return f.cs.Filed.String()
	case "summary":
		return f.cs.Summary
	}
	return ""
}

// KeyMap implements common.Screen.
func (f *Form) KeyMap() help.KeyMap {
	return common.KeyMap{Short: []key.Binding{common.Keys.Next, common.Keys.Prev, key.NewBinding(key.WithKeys("left", "right", "space"), key.WithHelp("←/→", common.ReqKeyChoose)), common.Keys.Save, common.Keys.Back}}
}

type savedMsg struct {
	form    *Form
	id      int64
	skipped bool
	err     error
}

// apply copies the form into the case.
func (f *Form) apply() {
	for _, fl := range f.form.Fields {
		switch fl.Key {
		case "kind":
			f.cs.Kind = model.CaseKinds[fl.Choice]
		case "result":
			f.cs.Result = model.CaseResults[fl.Choice]
		case "filed":
			d, err := model.ParseDate(fl.Value())
			if err == nil {
				f.cs.Filed = d
				fl.Input.SetValue(d.String())
			}
		case "summary":
			f.cs.Summary = strings.TrimSpace(model.CleanLine(fl.Value()))
		}
	}
}

func (f *Form) save() tea.Cmd {
	f.apply()
	seq, saver := f.saver.Next(), f.saver
	cs := f.cs
	ctx, st := f.c.Context(), f.c.Store
	return f.c.Track(func() tea.Msg {
		skipped, err := saver.Do(seq, func(id int64) (int64, error) {
			if cs.ID == 0 {
				cs.ID = id
			}
			err := st.SaveCase(ctx, &cs)
			return cs.ID, err
		})
		return savedMsg{form: f, id: cs.ID, skipped: skipped, err: err}
	})
}

// Update implements common.Screen.
func (f *Form) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case doneMsg:
		if msg.form == f {
			return f, f.closeCmd()
		}
		return f, nil
	case savedMsg:
		if msg.form != f {
			return f, nil
		}
		if msg.err != nil {
			f.msg = fmt.Sprintf(common.StatusSaveFail, msg.err.Error())
			return f, func() tea.Msg { return common.SaveFailedMsg{Err: msg.err} }
		}
		if msg.skipped {
			return f, nil
		}
		f.cs.ID = msg.id
		return f, tea.Batch(f.c.Saved(), common.Reload)
	case tea.KeyPressMsg:
		f.msg = ""
		switch msg.String() {
		case "esc":
			ev := f.form.Leave()
			if ev.Refused {
				f.form.Current().Input.SetValue(f.committed(f.form.Current().Key))
				f.form.Current().Err = ""
				return f, f.done
			}
			if ev.Changed != nil {
				return f, tea.Sequence(f.save(), f.done)
			}
			return f, f.done
		case "ctrl+s":
			if ev := f.form.Leave(); ev.Refused {
				return f, nil
			}
			return f, f.save()
		}
		if ev := f.form.Update(msg); ev.Changed != nil {
			return f, f.save()
		}
	case tea.PasteMsg:
		f.form.Update(msg)
	}
	return f, nil
}

// doneMsg closes the form once the saves started before it are through.
type doneMsg struct{ form *Form }

func (f *Form) done() tea.Msg { return doneMsg{form: f} }

// closeCmd goes back to the list with the cursor on the entry when it is
// stored, else simply back.
func (f *Form) closeCmd() tea.Cmd {
	if f.cs.ID == 0 {
		return func() tea.Msg { return common.BackMsg{} }
	}
	ref := model.EntryRef{Kind: model.EntryCase, ID: f.cs.ID}
	return func() tea.Msg { return common.GoToMsg{Section: common.SecCases, Entry: ref} }
}

// View implements common.Screen.
func (f *Form) View(width, height int) string {
	st := f.c.Styles
	line := st.Muted.Render(common.CaseFormHint)
	if f.msg != "" {
		line = st.Error.Render(f.msg)
	}
	head := st.Heading.Render(f.Title()) + "\n" + components.Fit(line, width)
	return components.Block(head+"\n"+f.form.View(width, max(1, height-2)), width, height)
}
