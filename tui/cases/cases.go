// Package cases is the list of administrative reviews and lawsuits about
// disclosure (复议/诉讼) that table 四 is computed from, with a form per case.
package cases

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/entrysave"
)

// List is the case list screen.
type List struct {
	c       *common.Common
	list    components.List
	confirm *components.Confirm
	del     model.Case
	undo    *model.Case
	note    string
	keys    common.KeyMap
	pending int64
}

// New builds the case list of the open organ-year.
func New(c *common.Common) common.Screen {
	m := &List{c: c}
	m.keys = common.KeyMap{Short: []key.Binding{
		common.Bind(common.KeyAdd, "n"), common.Bind(common.KeyEdit, "enter", "e"),
		common.Bind(common.KeyDelete, "d", "delete"), common.Bind(common.KeyUndo, "u", "ctrl+z"),
		common.Bind(common.KeyUp, "up", "k"), common.Bind(common.KeyDown, "down", "j"),
	}}
	return m
}

// Cases is the open year's cases in the order shown.
func (m *List) Cases() []model.Case {
	if m.c.OY == nil {
		return nil
	}
	return m.c.OY.Cases
}

// Title implements common.Screen.
func (m *List) Title() string { return common.TitleCases }

// Init implements common.Screen.
func (m *List) Init() tea.Cmd { m.list.SetLen(len(m.Cases())); return nil }

// Busy implements common.Busy.
func (m *List) Busy() bool { return m.confirm != nil }

// KeyMap implements common.Screen.
func (m *List) KeyMap() help.KeyMap {
	if m.confirm != nil {
		return common.KeyMap{Short: []key.Binding{common.Bind(common.KeyDelete, "y"), common.Bind(common.KeyCancel, "n")}}
	}
	return m.keys
}

// Cursor implements common.Screen.
func (m *List) Cursor() *tea.Cursor { return nil }

type (
	deletedMsg struct {
		c   model.Case
		err error
	}
	restoredMsg struct {
		c   model.Case
		err error
	}
)

// Update implements common.Screen.
func (m *List) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.OrganYearMsg:
		m.list.SetLen(len(m.Cases()))
		m.selectPending()
	case common.GoToMsg:
		if msg.Entry.Kind == model.EntryCase {
			m.pending = msg.Entry.ID
			m.selectPending()
		}
	case deletedMsg:
		if msg.err != nil {
			return m, func() tea.Msg { return common.SaveFailedMsg{Err: msg.err} }
		}
		c := msg.c
		m.undo = &c
		m.note = fmt.Sprintf(common.CaseDeleted, c.Kind.Label())
		return m, tea.Batch(m.c.Saved(), common.Reload)
	case restoredMsg:
		if msg.err != nil {
			return m, func() tea.Msg { return common.SaveFailedMsg{Err: msg.err} }
		}
		m.undo = nil
		m.note = common.UndoDone
		m.pending = msg.c.ID
		return m, tea.Batch(m.c.Saved(), common.Reload)
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *List) selectPending() {
	if m.pending == 0 {
		return
	}
	for i, c := range m.Cases() {
		if c.ID == m.pending {
			m.list.Cursor = i
			m.pending = 0
			return
		}
	}
}

func (m *List) key(k tea.KeyPressMsg) tea.Cmd {
	s := k.String()
	if m.confirm != nil {
		if m.confirm.Update(k) {
			yes := m.confirm.Yes
			m.confirm = nil
			if yes {
				id, ctx, st := m.del.ID, m.c.Context(), m.c.Store
				return m.c.Track(func() tea.Msg {
					c, err := st.DeleteCase(ctx, id)
					return deletedMsg{c: c, err: err}
				})
			}
		}
		return nil
	}
	m.note = ""
	m.list.SetLen(len(m.Cases()))
	if m.list.HandleKey(s, 10) {
		return nil
	}
	cs := m.Cases()
	switch s {
	case "n":
		return common.Push(NewForm(m.c, nil))
	case "enter", "e":
		if m.list.Cursor < len(cs) {
			c := cs[m.list.Cursor]
			return common.Push(NewForm(m.c, &c))
		}
	case "d", "delete":
		if m.list.Cursor < len(cs) {
			m.del = cs[m.list.Cursor]
			m.confirm = &components.Confirm{Prompt: fmt.Sprintf(common.DeleteConfirm, m.del.Kind.Label()+" "+m.del.Summary)}
		}
	case "u", "ctrl+z":
		if m.undo == nil {
			m.note = common.UndoNothing
			return nil
		}
		c := *m.undo
		c.ID = 0
		ctx, st := m.c.Context(), m.c.Store
		return m.c.Track(func() tea.Msg {
			err := st.SaveCase(ctx, &c)
			return restoredMsg{c: c, err: err}
		})
	}
	return nil
}

// View implements common.Screen.
func (m *List) View(width, height int) string {
	st := m.c.Styles
	cs := m.Cases()
	m.list.SetLen(len(cs))
	lines := []string{st.Heading.Render(fmt.Sprintf(common.CaseHeading, len(cs)))}
	switch {
	case m.confirm != nil:
		lines = append(lines, st.Warning.Render(m.confirm.View(width)))
	case m.note != "":
		lines = append(lines, st.OK.Render(m.note))
	default:
		lines = append(lines, st.Muted.Render(common.CaseHint))
	}
	kindW, dateW, resW := 28, 10, 8
	sumW := max(6, width-kindW-dateW-resW-8)
	lines = append(lines, st.Label.Render(components.Fit(common.ColSerialShort, 4)+" "+components.Fit(common.CaseColKind, kindW)+" "+
		components.Fit(common.CaseColFiled, dateW)+" "+components.Fit(common.CaseColResult, resW)+" "+components.Fit(common.CaseColSummary, sumW)))
	if len(cs) == 0 {
		lines = append(lines, st.Muted.Render(common.CaseEmpty))
	}
	listH := max(1, height-len(lines)-1)
	from, to := m.list.Visible(listH)
	for i := from; i < to; i++ {
		c := cs[i]
		line := components.Fit(fmt.Sprint(i+1), 4) + " " + components.Fit(c.Kind.Label(), kindW) + " " +
			components.Fit(c.Filed.String(), dateW) + " " + components.Fit(c.Result.Label(), resW) + " " + components.Fit(c.Summary, sumW)
		if i == m.list.Cursor {
			line = st.Selected.Render(components.Fit(line, width))
		}
		lines = append(lines, line)
	}
	if m.c.Report != nil && m.c.Report.Mode4 == model.Typed {
		lines = append(lines, "", st.Warning.Render(common.CaseTypedNote))
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

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
