// Package measures is the list of improvement measures (整改措施) of section
// 五, with a form per measure.
package measures

import (
	"context"
	"errors"
	"fmt"
	"strconv"
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

// spec is how the measure list reads, stores and draws measures.
var spec = &entrylist.Spec[model.Measure]{
	Title:   common.TitleMeasures,
	Kind:    model.EntryMeasure,
	Entries: func(oy *model.OrganYear) []model.Measure { return oy.Measures },
	ID:      func(x *model.Measure) int64 { return x.ID },
	Name:    func(x *model.Measure) string { return x.Measure },
	Deleted: func(*model.Measure) string { return common.MeasureDeleted },
	Delete: func(ctx context.Context, st *db.Store, id int64) (model.Measure, error) {
		return st.DeleteMeasure(ctx, id)
	},
	Restore: func(ctx context.Context, st *db.Store, x model.Measure) (model.Measure, error) {
		x.ID = 0
		err := st.SaveMeasure(ctx, &x)
		return x, err
	},
	Form:    func(c *common.Common, x *model.Measure) common.Screen { return NewForm(c, x) },
	Heading: func(n int) string { return fmt.Sprintf(common.MeasureHeading, n) },
	Hint:    common.MeasureHint,
	Empty:   common.MeasureEmpty,
	Header: func(width int) string {
		textW, dueW, statusW := measureWidths(width)
		return components.Fit(common.ColSerialShort, 4) + " " + components.Fit(common.MeasureColProblem, textW) + " " +
			components.Fit(common.MeasureColMeasure, textW) + " " + components.Fit(common.MeasureColDue, dueW) + " " + components.Fit(common.MeasureColStatus, statusW)
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
type Form struct {
	c     *common.Common
	x     model.Measure
	form  *components.Form
	saver *entrysave.Saver
	msg   string
}

// NewForm opens the form on a copy of x, or on a new measure when nil.
func NewForm(c *common.Common, x *model.Measure) *Form {
	f := &Form{c: c}
	if x == nil {
		f.x = model.Measure{OrganID: c.Organ.ID, Year: c.Year, Status: model.MeasureNotStarted, FirstYear: c.Year}
	} else {
		f.x = *x
	}
	f.saver = entrysave.New(f.x.ID)
	text := func(key, label, value, hint string) *components.Field {
		fl := components.TextField(key, label, value)
		fl.Input.Clean = model.CleanLine
		fl.Hint = hint
		return fl
	}
	var statuses []string
	si := 0
	for i, s := range model.MeasureStatuses {
		statuses = append(statuses, s.Label())
		if s == f.x.Status {
			si = i
		}
	}
	due := text("due", common.MeasureFieldDue, f.x.Due.String(), common.ReqHintDate)
	due.Validate = func(s string) error { _, err := model.ParseDate(s); return err }
	first := text("first", common.MeasureFieldFirstYear, yearText(f.x.FirstYear), common.MeasureHintFirstYear)
	first.Validate = func(s string) error {
		y, err := parseYear(s)
		if err == nil && y > c.Year {
			return errors.New(fmt.Sprintf(common.MeasureErrFirstYear, y, c.Year))
		}
		return err
	}
	f.form = components.NewForm(formStyles(c),
		text("problem", common.MeasureFieldProblem, f.x.Problem, common.MeasureHintProblem),
		text("measure", common.MeasureFieldMeasure, f.x.Measure, common.MeasureHintMeasure),
		text("responsible", common.MeasureFieldResponsible, f.x.Responsible, ""),
		due,
		components.ChoiceField("status", common.MeasureFieldStatus, statuses, si),
		first,
	)
	return f
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
		return 0, errors.New(fmt.Sprintf(common.MeasureErrYear, n))
	}
	return int(n), nil
}

func formStyles(c *common.Common) components.FormStyles {
	return components.FormStyles{Label: c.Styles.Label, Focus: c.Styles.Focused, Error: c.Styles.Error, Muted: c.Styles.Muted}
}

// Measure is the measure as last saved (tests).
func (f *Form) Measure() model.Measure { return f.x }

// Title implements common.Screen.
func (f *Form) Title() string {
	if f.x.ID == 0 {
		return common.MeasureNewTitle
	}
	return common.MeasureEditTitle
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
	return f.saver.Pending() || cur.Input != nil && strings.TrimSpace(cur.Value()) != f.committed(cur.Key)
}

func (f *Form) committed(key string) string {
	switch key {
	case "problem":
		return f.x.Problem
	case "measure":
		return f.x.Measure
	case "responsible":
		return f.x.Responsible
	case "due":
		return f.x.Due.String()
	case "first":
		return yearText(f.x.FirstYear)
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

func (f *Form) apply() {
	for _, fl := range f.form.Fields {
		v := strings.TrimSpace(model.CleanLine(fl.Value()))
		switch fl.Key {
		case "problem":
			f.x.Problem = v
		case "measure":
			f.x.Measure = v
		case "responsible":
			f.x.Responsible = v
		case "due":
			if d, err := model.ParseDate(v); err == nil {
				f.x.Due = d
				fl.Input.SetValue(d.String())
			}
		case "status":
			f.x.Status = model.MeasureStatuses[fl.Choice]
		case "first":
			if y, err := parseYear(v); err == nil {
				f.x.FirstYear = y
				fl.Input.SetValue(yearText(y))
			}
		}
	}
}

func (f *Form) save() tea.Cmd {
	f.apply()
	if f.x.ID == 0 && f.x.Problem == "" && f.x.Measure == "" {
		f.msg = common.MeasureNeedText
		return nil
	}
	seq, saver := f.saver.Next(), f.saver
	x := f.x
	ctx, st := f.c.Context(), f.c.Store
	return f.c.Track(func() tea.Msg {
		skipped, err := saver.Do(seq, func(id int64) (int64, error) {
			if x.ID == 0 {
				x.ID = id
			}
			err := st.SaveMeasure(ctx, &x)
			return x.ID, err
		})
		return savedMsg{form: f, id: x.ID, skipped: skipped, err: err}
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
		f.x.ID = msg.id
		return f, tea.Batch(f.c.Saved(), common.Reload)
	case tea.KeyPressMsg:
		f.msg = ""
		switch msg.String() {
		case "esc":
			ev := f.form.Leave()
			if ev.Refused {
				cur := f.form.Current()
				cur.Input.SetValue(f.committed(cur.Key))
				cur.Err = ""
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
	if f.x.ID == 0 {
		return func() tea.Msg { return common.BackMsg{} }
	}
	ref := model.EntryRef{Kind: model.EntryMeasure, ID: f.x.ID}
	return func() tea.Msg { return common.GoToMsg{Section: common.SecMeasures, Entry: ref} }
}

// View implements common.Screen.
func (f *Form) View(width, height int) string {
	st := f.c.Styles
	line := st.Muted.Render(common.MeasureFormHint)
	if f.msg != "" {
		line = st.Warning.Render(f.msg)
	}
	head := st.Heading.Render(f.Title()) + "\n" + components.Fit(line, width)
	return components.Block(head+"\n"+f.form.View(width, max(1, height-2)), width, height)
}
