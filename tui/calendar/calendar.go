// Package calendar is the 节假日安排 screen: a year's holidays and 调休
// working days as the deadlines count them (built in, entered by the clerk,
// or computed from the statutory holidays for a year without official
// data), where the clerk enters the days of the State Council's notice one
// by one or imports them from a text file. A saved day is used at once.
package calendar

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/profile"
	"nianbao/tui/text"
)

// Form field keys.
const (
	fDate = "date"
	fKind = "kind"
	fName = "name"
	fPath = "path"
)

// Model is the screen.
type Model struct {
	c      *common.Common
	year   int
	days   []model.CalendarDay
	list   components.List
	form   *components.Form // adding a day or importing a file; nil when browsing
	adding bool             // form adds a day (else it imports a file)
	msg    string
	msgErr bool
	keys   calKeys
	width  int // the screen's width (tea.WindowSizeMsg), for the form
	height int // the screen's height, for the list's scroll
}

// calKeys are the screen's keys; Save and Back act in the form.
type calKeys struct {
	PrevYear, NextYear, Add, Delete, Import, Complete, Back key.Binding
	Save, SaveLast, Cancel                                  key.Binding
}

// New opens the screen on the first year whose schedule is missing among
// this year and the next, else on this year.
func New(c *common.Common) *Model {
	m := &Model{c: c, year: c.Today.Year()}
	if m.year < model.BuiltinFirstYear {
		m.year = model.BuiltinFirstYear
	}
	for _, y := range []int{m.year, m.year + 1} {
		if c.Calendar != nil && !c.Calendar.KnownYear(y) {
			m.year = y
			break
		}
	}
	m.keys = calKeys{
		PrevYear: keys.Bind(text.CalKeyPrevYear, "left", "pgup"),
		NextYear: keys.Bind(text.CalKeyNextYear, "right", "pgdown"),
		Add:      keys.Bind(text.CalKeyAdd, "a"),
		Delete:   keys.Bind(text.CalKeyDelete, "d"),
		Import:   keys.Bind(text.CalKeyImport, "i"),
		Complete: keys.Bind(text.CalKeyComplete, "c"),
		Back:     keys.Global.Back,
		Save:     keys.Global.Save,
		SaveLast: keys.Bind(text.KeySave, "enter"),
		Cancel:   keys.Bind(text.KeyCancel, "esc"),
	}
	m.refresh()
	return m
}

func (m *Model) refresh() {
	m.days = nil
	if m.c.Calendar != nil {
		m.days = m.c.Calendar.Days(m.year)
	}
	m.list.SetLen(len(m.days))
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (m *Model) Title() string { return text.CalTitle }

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	if m.form != nil {
		return keys.Map{Short: []key.Binding{keys.Global.Next, keys.Global.Prev, k.Save, k.Cancel}}
	}
	k.Delete.SetEnabled(m.list.Cursor < len(m.days) && m.days[m.list.Cursor].Added)
	// A built-in year needs no mark.
	k.Complete.SetEnabled(m.c.Calendar != nil && (m.year < model.BuiltinFirstYear || m.year > model.BuiltinLastYear))
	up, down := keys.Nav.Up, keys.Nav.Down
	up.SetEnabled(m.list.Cursor > 0)
	down.SetEnabled(m.list.Cursor < len(m.days)-1)
	return keys.Map{
		Short: []key.Binding{k.PrevYear, k.NextYear, k.Add, k.Delete, k.Import, k.Complete, k.Back},
		Full:  [][]key.Binding{{k.PrevYear, k.NextYear, k.Add, k.Delete, k.Import, k.Complete, up, down, k.Back}},
	}
}

// Cursor implements common.Screen.
func (m *Model) Cursor() *tea.Cursor {
	if m.form == nil || m.form.Current() == nil || m.form.Current().Input == nil {
		return nil
	}
	x, y := m.form.CursorXY()
	return tea.NewCursor(x, y+m.formTop())
}

// savedMsg reports days saved (or removed, when removed is set).
type savedMsg struct {
	days    []model.CalendarDay
	removed model.Date
	err     error
}

// markedMsg reports the year's 全部录入 mark saved (done) or taken back.
type markedMsg struct {
	year int
	done bool
	err  error
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	defer m.sizeForm()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil
	case markedMsg:
		if msg.err != nil {
			m.msg, m.msgErr = msg.err.Error(), true
			return m, nil
		}
		m.c.Calendar.SetComplete(msg.year, msg.done)
		if msg.done {
			m.msg, m.msgErr = fmt.Sprintf(text.CalMarkedOn, msg.year), false
		} else {
			m.msg, m.msgErr = fmt.Sprintf(text.CalMarkedOff, msg.year), false
		}
		return m, nil
	case savedMsg:
		if msg.err != nil {
			m.msg, m.msgErr = msg.err.Error(), true
			return m, nil
		}
		cal := m.c.Calendar
		if !msg.removed.IsZero() {
			cal.Unset(msg.removed)
			m.msg, m.msgErr = fmt.Sprintf(text.CalRemoved, msg.removed), false
		} else {
			for _, d := range msg.days {
				cal.Set(d.Date, d.Workday, d.Name)
			}
			m.form = nil
			m.msg, m.msgErr = fmt.Sprintf(text.CalSaved, len(msg.days)), false
			if len(msg.days) > 0 {
				m.year = msg.days[0].Date.Year()
			}
		}
		m.refresh()
		return m, nil
	case tea.KeyPressMsg:
		if m.form != nil {
			return m, m.formKey(msg)
		}
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	b := m.keys
	switch {
	case key.Matches(k, b.Back):
		return func() tea.Msg { return common.BackMsg{} }
	case key.Matches(k, b.PrevYear):
		if m.year > model.BuiltinFirstYear-1 {
			m.year--
		}
		m.msg = ""
		m.refresh()
	case key.Matches(k, b.NextYear):
		if m.year < 2100 {
			m.year++
		}
		m.msg = ""
		m.refresh()
	case key.Matches(k, b.Add):
		m.adding = true
		date := components.TextField(fDate, text.CalFieldDate, "")
		date.Validate = validDate
		m.form = components.NewForm(profile.FormStyles(m.c),
			date,
			components.ChoiceField(fKind, text.CalFieldKind, []string{text.CalOff, text.CalWork}, 0),
			components.TextField(fName, text.CalFieldName, ""),
		)
		m.msg = ""
	case key.Matches(k, b.Import):
		m.adding = false
		m.form = components.NewForm(profile.FormStyles(m.c), components.TextField(fPath, text.CalFieldPath, ""))
		m.msg = ""
	case key.Matches(k, b.Complete):
		if m.c.Calendar == nil || m.year >= model.BuiltinFirstYear && m.year <= model.BuiltinLastYear {
			return nil // a built-in year needs no mark
		}
		st, ctx, y, done := m.c.Store, m.c.Context(), m.year, !m.c.Calendar.MarkedComplete(m.year)
		return m.c.Track(func() tea.Msg { return markedMsg{year: y, done: done, err: st.SetCalendarYearComplete(ctx, y, done)} })
	case key.Matches(k, b.Delete):
		if m.list.Cursor < len(m.days) {
			d := m.days[m.list.Cursor]
			if !d.Added {
				m.msg, m.msgErr = fmt.Sprintf(text.CalNotAdded, keys.Key(m.keys.Add)), true
				return nil
			}
			st, ctx := m.c.Store, m.c.Context()
			return m.c.Track(func() tea.Msg { return savedMsg{removed: d.Date, err: st.UnsetCalendarDay(ctx, d.Date)} })
		}
	default:
		m.list.HandleKey(k, 10)
	}
	return nil
}

func validDate(s string) error {
	d, err := model.ParseDate(s)
	if err != nil {
		return err
	}
	if d.IsZero() {
		return fmt.Errorf("%s", text.CalDateEmpty)
	}
	return nil
}

// formKey edits the form; ctrl+s, or enter on the last field, saves.
func (m *Model) formKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Cancel):
		m.form, m.msg = nil, ""
		return nil
	case key.Matches(k, m.keys.Save):
		return m.submit()
	case key.Matches(k, m.keys.SaveLast):
		if m.form.Focus == len(m.form.Fields)-1 {
			return m.submit()
		}
	}
	m.form.Update(k)
	return nil
}

func (m *Model) submit() tea.Cmd {
	if ev := m.form.Leave(); ev.Refused {
		return nil
	}
	// Every write is tracked, so quitting waits for it.
	st, ctx := m.c.Store, m.c.Context()
	if !m.adding {
		path := components.CleanPath(m.form.Field(fPath).Value())
		if path == "" {
			m.form.Field(fPath).Err = text.CalPathEmpty
			return nil
		}
		return m.c.Track(func() tea.Msg {
			res, err := st.ImportCalendar(ctx, path)
			return savedMsg{days: res.Days, err: err}
		})
	}
	dateF := m.form.Field(fDate)
	if err := validDate(dateF.Value()); err != nil {
		dateF.Err = err.Error()
		return nil
	}
	date, _ := model.ParseDate(dateF.Value())
	d := model.CalendarDay{Date: date, Workday: m.form.Field(fKind).Choice == 1, Name: model.CleanLine(m.form.Field(fName).Value()), Added: true}
	return m.c.Track(func() tea.Msg {
		return savedMsg{days: []model.CalendarDay{d}, err: st.SetCalendarDay(ctx, d)}
	})
}

// calFormH is the height of the form's fields.
const calFormH = 4

// sizeForm tells an open form its size and scrolls the list to its
// cursor, so that the scroll is settled in Update and View only draws.
func (m *Model) sizeForm() {
	if m.form != nil && m.width > 0 {
		m.form.SetSize(m.width, calFormH)
	}
	m.list.Visible(m.rows(m.height))
}

// rows is the number of list lines a screen of height lines has under the
// heading, the status line, a blank line and the form when one is open.
func (m *Model) rows(height int) int {
	rows := height - 3
	if m.form != nil {
		rows -= calFormH + 1
		if !m.adding {
			rows--
		}
	}
	return rows
}

// formTop is the first line of the form: under the heading, the status
// line and a blank line.
func (m *Model) formTop() int { return 3 }

// View implements common.Screen.
func (m *Model) View(width, height int) string {
	st := m.c.Styles
	var lines []string
	head := fmt.Sprintf(text.CalHeading, m.year)
	lines = append(lines, st.Heading.Render(components.Fit(head, width)))
	switch {
	case m.msg != "" && m.msgErr:
		lines = append(lines, st.Error.Render(components.Fit(m.msg, width)))
	case m.msg != "":
		lines = append(lines, st.OK.Render(components.Fit(m.msg, width)))
	case m.c.Calendar != nil && !m.c.Calendar.KnownYear(m.year) && m.c.Calendar.EnteredDays(m.year) > 0:
		cal := m.c.Calendar
		lines = append(lines, st.Warning.Render(components.Fit(fmt.Sprintf(text.CalPartial, m.year, cal.EnteredDays(m.year), strings.Join(cal.MissingHolidays(m.year), "、"), keys.Key(m.keys.Complete)), width)))
	case m.c.Calendar != nil && !m.c.Calendar.KnownYear(m.year):
		lines = append(lines, st.Warning.Render(components.Fit(fmt.Sprintf(text.CalMissing, m.year), width)))
	case m.c.Calendar != nil && m.c.Calendar.MarkedComplete(m.year):
		lines = append(lines, st.Muted.Render(components.Fit(fmt.Sprintf(text.CalMarked, m.year, keys.Key(m.keys.Complete)), width)))
	default:
		lines = append(lines, st.Muted.Render(components.Fit(text.CalKnown, width)))
	}
	lines = append(lines, "")
	if m.form != nil {
		lines = append(lines, strings.Split(m.form.View(width, calFormH), "\n")...)
		if !m.adding {
			lines = append(lines, st.Muted.Render(components.Fit(text.CalFormatHint, width)))
		}
		lines = append(lines, "")
	}
	if len(m.days) == 0 {
		lines = append(lines, st.Muted.Render(components.Fit(text.CalNoDays, width)))
	}
	from, to := m.list.Window(m.rows(height))
	for i := from; i < min(to, len(m.days)); i++ {
		d := m.days[i]
		kind := text.CalOff
		if d.Workday {
			kind = text.CalWork
		}
		src := text.CalBuiltin
		switch {
		case d.Added:
			src = text.CalAdded
		case d.Computed:
			src = text.CalComputed
		}
		sel := i == m.list.Cursor && m.form == nil
		line := components.Fit(fmt.Sprintf("%s %s  %s  %s  %s", d.Date, weekday(d.Date), kind, d.Name, src), width-2)
		if sel {
			line = st.Selected.Render(line)
		}
		line = components.CursorMark(sel) + line
		lines = append(lines, line)
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

var weekdays = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

func weekday(d model.Date) string { return weekdays[d.Time().Weekday()] }
