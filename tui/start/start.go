// Package start holds the first screen (choose or create an organ and a
// year), the organ profile form, the new-year form and the 基本信息 screen.
package start

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/bundles"
	"nianbao/tui/calendar"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/profile"
	"nianbao/tui/text"
)

type organsMsg struct {
	organs []model.Organ
	err    error
}

type yearsMsg struct {
	organID int64
	years   []int
	status  map[int]model.ReportStatus
	err     error
}

// dueMsg counts the organ's open requests in the 即将到期 view: read after
// its years, so that the years Enter opens are drawn without waiting for
// them.
type dueMsg struct {
	organID   int64
	due, late int
}

// Model is the start screen: organs on the left, the selected organ's years
// (most recent first) on the right.
type Model struct {
	c       *common.Common
	organs  []model.Organ
	years   []int
	yearsOf int64
	status  map[int]model.ReportStatus
	// due and late count the requests of organ dueOf due soon or late.
	due, late int
	dueOf     int64
	ol, yl    components.List
	focus     int // 0 organs, 1 years
	err       string
	// selectID is an organ to select when the list arrives.
	selectID int64
	keys     startKeys
	// height is the screen's height (tea.WindowSizeMsg).
	height int
}

// startKeys are the start screen's keys. Enter does what its hint says
// where the cursor is: create the first organ, create an organ's first
// year, or open the year marked on the right (the newest at first).
type startKeys struct {
	Open, NewOrgan, EditOrgan, NewYear, Switch, Left, Right key.Binding
	Import, Aggregate, Calendar, Quit                       key.Binding
}

// New builds the start screen.
func New(c *common.Common) *Model {
	m := &Model{c: c}
	m.keys = startKeys{
		Open:      keys.Bind(text.KeyOpen, "enter"),
		NewOrgan:  keys.Bind(text.StartKeyNewOrgan, "n"),
		EditOrgan: keys.Bind(text.StartKeyEditOrgan, "e"),
		NewYear:   keys.Bind(text.StartKeyNewYear, "y"),
		Switch:    keys.Bind(text.StartKeySwitch, "tab", "shift+tab"),
		Left:      keys.Help(keys.Keys(keys.Nav.Left, "left", "esc"), text.StartKeyOrgans),
		Right:     keys.Help(keys.Keys(keys.Nav.Right, "right"), text.StartKeyYears),
		Import:    keys.Bind(text.BunKeyStartImport, "i"),
		Aggregate: keys.Bind(text.BunKeyStartAgg, "h"),
		Calendar:  keys.Bind(text.StartKeyCal, "c"),
		Quit:      keys.Bind(text.KeyQuit, "q"),
	}
	return m
}

// Init loads the organs.
func (m *Model) Init() tea.Cmd {
	ctx, st := m.c.Ctx, m.c.Store
	return func() tea.Msg {
		os, err := st.Organs(ctx)
		return organsMsg{os, err}
	}
}

func (m *Model) loadYears() tea.Cmd {
	if len(m.organs) == 0 {
		return nil
	}
	ctx, st, id := m.c.Ctx, m.c.Store, m.organs[m.ol.Cursor].ID
	return func() tea.Msg {
		ys, status, err := st.YearStatuses(ctx, id)
		if err != nil {
			return yearsMsg{organID: id, err: err}
		}
		return yearsMsg{organID: id, years: ys, status: status}
	}
}

// loadDue counts the organ's requests due soon; an error leaves the line
// out (the request log says it again).
func (m *Model) loadDue(id int64) tea.Cmd {
	ctx, st, cal, today := m.c.Ctx, m.c.Store, m.c.Calendar, m.c.Today
	return func() tea.Msg {
		due, late, err := st.DueSoonCounts(ctx, id, today, cal)
		if err != nil {
			return nil
		}
		return dueMsg{organID: id, due: due, late: late}
	}
}

// Title implements common.Screen.
func (m *Model) Title() string { return text.StartTitle }

// KeyMap implements common.Screen: Enter is named for what it does where
// the cursor is; keys that cannot act are left out.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	_, hasOrgan := m.Organ()
	switch {
	case !hasOrgan:
		k.Open = keys.Help(k.Open, text.StartKeyNewOrgan)
	case len(m.years) == 0 && m.focus == 0:
		k.Open = keys.Help(k.Open, text.StartKeyNewYear)
	case len(m.years) > 0:
		k.Open = keys.Help(k.Open, fmt.Sprintf(text.StartKeyOpenYear, m.years[m.yl.Cursor]))
	}
	k.EditOrgan.SetEnabled(hasOrgan)
	k.NewYear.SetEnabled(hasOrgan)
	k.Switch.SetEnabled(len(m.years) > 0)
	k.Left.SetEnabled(m.focus == 1)
	k.Right.SetEnabled(m.focus == 0 && len(m.years) > 0)
	l := m.ol
	if m.focus == 1 {
		l = m.yl
	}
	up, down := keys.Nav.Up, keys.Nav.Down
	up.SetEnabled(l.Cursor > 0)
	down.SetEnabled(l.Cursor < l.Len-1)
	nav := []key.Binding{up, down}
	short := []key.Binding{k.Open, k.NewOrgan, k.EditOrgan, k.NewYear, k.Switch, k.Import, k.Aggregate, k.Calendar, k.Quit}
	full := append(append([]key.Binding{}, short...), k.Left, k.Right)
	return keys.Map{Short: short, Full: [][]key.Binding{append(full, nav...)}}
}

// Cursor implements common.Screen.
func (m *Model) Cursor() *tea.Cursor { return nil }

// Organ is the selected organ, if any.
func (m *Model) Organ() (model.Organ, bool) {
	if len(m.organs) == 0 {
		return model.Organ{}, false
	}
	return m.organs[m.ol.Cursor], true
}

// Update implements common.Screen: the screen's keys and messages, then
// the lists' scroll settled for the screen's height, so that View only
// draws.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if sz, ok := msg.(tea.WindowSizeMsg); ok {
		m.height = sz.Height
	}
	s, cmd := m.update(msg)
	m.ol.Visible(m.height - 3)
	m.yl.Visible(m.height - 3)
	return s, cmd
}

func (m *Model) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case organsMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return m, nil
		}
		m.organs = msg.organs
		m.ol.SetLen(len(m.organs))
		if m.selectID != 0 {
			for i, o := range m.organs {
				if o.ID == m.selectID {
					m.ol.Cursor = i
				}
			}
			m.selectID = 0
		}
		return m, m.loadYears()
	case yearsMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return m, nil
		}
		if o, ok := m.Organ(); ok && o.ID == msg.organID {
			m.years, m.yearsOf, m.status = msg.years, msg.organID, msg.status
			m.yl.SetLen(len(m.years))
			return m, m.loadDue(msg.organID)
		}
		return m, nil
	case dueMsg:
		// Replies come back in any order as the cursor moves: only the
		// selected organ's is kept.
		if o, ok := m.Organ(); ok && o.ID == msg.organID {
			m.due, m.late, m.dueOf = msg.due, msg.late, msg.organID
		}
		return m, nil
	case bundles.ImportedMsg:
		// Bundles were imported: organs and years may be new.
		if o, ok := m.Organ(); ok {
			m.selectID = o.ID
		}
		return m, m.Init()
	case selectOrganMsg:
		for i, o := range m.organs {
			if o.ID == msg.id {
				m.ol.Cursor = i
				return m, m.loadYears()
			}
		}
		m.selectID = msg.id
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	o, hasOrgan := m.Organ()
	b := m.keys
	switch {
	case key.Matches(k, b.NewOrgan):
		return common.Push(NewOrganForm(m.c, model.Organ{Level: model.LevelTownship}))
	case key.Matches(k, b.EditOrgan):
		if hasOrgan {
			return common.Push(NewOrganForm(m.c, o))
		}
	case key.Matches(k, b.NewYear):
		if hasOrgan {
			return common.Push(NewYearForm(m.c, o, m.years))
		}
	case key.Matches(k, b.Import):
		return common.Push(bundles.NewImport(m.c))
	case key.Matches(k, b.Aggregate):
		return common.Push(bundles.NewAggregate(m.c, "", m.c.Today.Year()-1))
	case key.Matches(k, b.Calendar):
		return common.Push(calendar.New(m.c))
	case key.Matches(k, b.Switch):
		if m.focus == 0 && len(m.years) > 0 {
			m.focus = 1
		} else {
			m.focus = 0
		}
	case key.Matches(k, b.Left):
		m.focus = 0
	case key.Matches(k, b.Right):
		if len(m.years) > 0 {
			m.focus = 1
		}
	case key.Matches(k, b.Open):
		if !hasOrgan {
			return common.Push(NewOrganForm(m.c, model.Organ{Level: model.LevelTownship}))
		}
		if len(m.years) == 0 {
			if m.yearsOf != o.ID {
				return nil // the organ's years are still loading
			}
			return common.Push(NewYearForm(m.c, o, m.years))
		}
		// On an organ as on a year, Enter opens the year marked on the
		// right (the newest unless the clerk moved there).
		y := m.years[m.yl.Cursor]
		return func() tea.Msg { return common.OpenMsg{Organ: o, Year: y} }
	default:
		if m.focus == 0 {
			before := m.ol.Cursor
			if m.ol.HandleKey(k, 10) && m.ol.Cursor != before {
				m.years = nil
				m.yl.SetLen(0)
				m.yl.Cursor = 0
				return m.loadYears()
			}
		} else {
			m.yl.HandleKey(k, 10)
		}
	}
	return nil
}

// View implements common.Screen.
func (m *Model) View(width, height int) string {
	st := m.c.Styles
	lw := min(40, width/2)
	rw := width - lw - 1
	var left, right []string
	left = append(left, st.Heading.Render(text.StartOrgans), "")
	if len(m.organs) == 0 {
		left = append(left, components.Wrap(fmt.Sprintf(text.StartNoOrgans, keys.Key(m.keys.NewOrgan)), lw)...)
	}
	from, to := m.ol.Window(height - 3)
	for i := from; i < to; i++ {
		line := components.Fit(" "+m.organs[i].Name, lw)
		if i == m.ol.Cursor {
			if m.focus == 0 {
				line = st.Selected.Render(line)
			} else {
				line = st.Heading.Render(components.Fit("▸"+m.organs[i].Name, lw))
			}
		}
		left = append(left, line)
	}
	right = append(right, st.Heading.Render(text.StartYears), "")
	if len(m.organs) > 0 && len(m.years) == 0 && m.yearsOf == m.organs[m.ol.Cursor].ID {
		right = append(right, components.Wrap(fmt.Sprintf(text.StartNoYears, keys.Key(m.keys.NewYear)), rw)...)
	}
	from, to = m.yl.Window(height - 3)
	for i := from; i < to; i++ {
		y := m.years[i]
		fname := ""
		if f := model.FormatForYear(y); f != nil {
			fname = f.Name
		}
		state := ""
		if s, ok := m.status[y]; ok {
			state = "  " + s.Label()
		}
		line := components.Fit(" "+fmt.Sprintf(text.StatusYear, y)+"  "+st.Muted.Render(fname+state), rw)
		if i == m.yl.Cursor && m.focus == 1 {
			line = st.Selected.Render(components.Fit("▸"+fmt.Sprintf(text.StatusYear, y)+"  "+fname+state, rw))
		} else if i == m.yl.Cursor {
			// The year Enter opens from the organ list.
			line = st.Heading.Render(components.Fit("▸"+fmt.Sprintf(text.StatusYear, y)+"  "+fname+state, rw))
		}
		right = append(right, line)
	}
	if m.due > 0 && len(m.organs) > 0 && m.dueOf == m.organs[m.ol.Cursor].ID {
		right = append(right, "")
		for _, l := range components.Wrap(fmt.Sprintf(text.StartDueSoon, m.due, m.late, keys.Key(keys.DueSoon)), rw-1) {
			right = append(right, " "+st.Warning.Render(l))
		}
	}
	// A year whose holiday schedule is missing: this year's requests are
	// answered in it, or carried into the next.
	if cal := m.c.Calendar; cal != nil && !m.c.Today.IsZero() {
		for _, y := range desk.MissingCalendarYears(cal, m.c.Today.Year(), m.c.Today.Year()+1) {
			right = append(right, "")
			for _, l := range components.Wrap(model.CalendarYearWarning(cal, y)+fmt.Sprintf(text.CalendarImportHint, keys.Key(m.keys.Calendar)), rw-1) {
				right = append(right, " "+st.Warning.Render(l))
			}
		}
	}
	if m.err != "" {
		right = append(right, "", st.Error.Render(m.err))
	}
	if height > 4 {
		// The county office's keys, which the help bar may cut off.
		for len(left) < height-1 {
			left = append(left, "")
		}
		hint := components.KeyHints([]key.Binding{m.keys.Import, m.keys.Aggregate}, key.Binding{}, lw-1)
		left = append(left[:height-1], st.Muted.Render(components.Fit(" "+hint, lw)))
	}
	l := strings.Split(components.Block(strings.Join(left, "\n"), lw, height), "\n")
	r := strings.Split(components.Block(strings.Join(right, "\n"), rw, height), "\n")
	sep := st.Border.Render("│")
	out := make([]string, height)
	for i := range out {
		out[i] = l[i] + sep + r[i]
	}
	return strings.Join(out, "\n")
}

// organSavedMsg reports a saved organ (its ID set) to the form.
type organSavedMsg struct{ organ model.Organ }

// selectOrganMsg asks the start screen to select an organ once its list
// is loaded again.
type selectOrganMsg struct{ id int64 }

// OrganForm creates or edits an organ's profile.
type OrganForm struct {
	c     *common.Common
	organ model.Organ
	form  *components.Form
	err   string
	keys  keys.Map
	dirty bool
}

// NewOrganForm edits o (a new organ when o.ID is 0).
func NewOrganForm(c *common.Common, o model.Organ) *OrganForm {
	f := &OrganForm{c: c, organ: o, form: components.NewForm(profile.FormStyles(c), profile.OrganFields(o)...)}
	f.keys = keys.Map{Short: []key.Binding{
		keys.Global.Next, keys.Global.Prev,
		keys.Choose, keys.Global.Save, keys.Global.Back,
	}}
	return f
}

// organSaveLast is Enter on the organ form's last field: it saves the
// organ, as Tab/Enter move on from the others.
var organSaveLast = keys.Bind(text.KeySave, "enter")

// Init implements common.Screen.
func (f *OrganForm) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (f *OrganForm) Title() string {
	if f.organ.ID == 0 {
		return text.StartNewOrgan
	}
	return text.StartEditOrgan
}

// KeyMap implements common.Screen.
func (f *OrganForm) KeyMap() help.KeyMap { return f.keys }

// Typing implements common.Typing.
func (f *OrganForm) Typing() bool { return f.form.Current().Input != nil }

// Dirty implements common.Editing.
func (f *OrganForm) Dirty() bool { return f.dirty }

func (f *OrganForm) save() tea.Cmd {
	for _, fl := range f.form.Fields {
		if fl.Validate != nil {
			if err := fl.Validate(fl.Value()); err != nil {
				fl.Err = err.Error()
				return nil
			}
		}
		profile.ApplyOrganField(&f.organ, fl)
	}
	o := f.organ
	ctx, st := f.c.Ctx, f.c.Store
	return f.c.Track(func() tea.Msg {
		if err := st.SaveOrgan(ctx, &o); err != nil {
			return common.SaveFailedMsg{Err: err}
		}
		return organSavedMsg{o}
	})
}

// Update implements common.Screen.
func (f *OrganForm) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.form.SetSize(msg.Width, max(1, msg.Height-4)) // 3 head lines, 1 below
		return f, nil
	case organSavedMsg:
		f.dirty = false
		f.organ = msg.organ
		sel := selectOrganMsg{msg.organ.ID}
		return f, tea.Sequence(
			func() tea.Msg { return common.BackMsg{} },
			func() tea.Msg { return sel },
			func() tea.Msg { return common.SavedMsg{At: f.c.Now()} },
		)
	case common.SaveFailedMsg:
		f.err = msg.Err.Error()
		return f, nil
	case dialog.LeaveMsg:
		if msg.Owner != f {
			return f, nil
		}
		switch msg.Answer {
		case dialog.LeaveSave:
			return f, f.save()
		case dialog.LeaveDiscard:
			return f, func() tea.Msg { return common.BackMsg{} }
		}
		dialog.Settle(f.form, msg.Answer)
		return f, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, keys.Global.Save):
			return f, f.save()
		case key.Matches(msg, keys.Global.Back):
			if f.dirty || f.form.Invalid() >= 0 {
				// The organ is stored only as a whole: never drop it unasked.
				f.form.Leave()
				return f, dialog.AskLeave(f.c, f)
			}
			return f, func() tea.Msg { return common.BackMsg{} }
		case key.Matches(msg, organSaveLast):
			// Enter on the last field saves, as Tab/Enter move on elsewhere.
			if f.form.Focus == len(f.form.Fields)-1 {
				if ev := f.form.Leave(); ev.Refused {
					return f, nil
				}
				return f, f.save()
			}
		}
	}
	ev := f.form.Update(msg)
	if ev.Consumed {
		f.dirty = true
		f.err = ""
	}
	return f, nil
}

// View implements common.Screen.
func (f *OrganForm) View(width, height int) string {
	st := f.c.Styles
	head := []string{st.Heading.Render(f.Title()), st.Muted.Render(components.KeyHints(f.keys.ShortHelp(), key.Binding{}, width)), ""}
	foot := ""
	if f.err != "" {
		foot = st.Error.Render(components.Fit(f.err, width))
	}
	body := f.form.View(width, height-len(head)-1)
	return components.Block(strings.Join(head, "\n")+"\n"+body+"\n"+foot, width, height)
}

// Cursor implements common.Screen.
func (f *OrganForm) Cursor() *tea.Cursor {
	x, y := f.form.CursorXY()
	if x < 0 {
		return nil
	}
	return tea.NewCursor(x, y+3)
}

// YearForm creates a report year for an organ.
type YearForm struct {
	c     *common.Common
	organ model.Organ
	years []int
	form  *components.Form
	err   string
	keys  yearKeys
}

// NewYearForm offers the year after the newest one (or last year).
func NewYearForm(c *common.Common, o model.Organ, years []int) *YearForm {
	y := c.Today.Year() - 1
	if len(years) > 0 && years[0] >= y {
		y = years[0] + 1
	}
	yf := components.TextField("year", text.StartYearPrompt, fmt.Sprint(y))
	yf.Input.Clean = model.CleanLine
	f := &YearForm{c: c, organ: o, years: years}
	yf.Validate = f.validateYear
	f.form = components.NewForm(profile.FormStyles(c), yf,
		components.ChoiceField("from", text.StartFromLabel, []string{text.StartFresh}, 0))
	f.keys = yearKeys{
		Create: keys.Bind(text.StartNewYear, "enter", "ctrl+s"),
		Next:   keys.Bind(text.KeyNext, "tab", "shift+tab"),
		Choose: keys.Choose,
		Back:   keys.Bind(text.KeyBack, "esc"),
	}
	f.refreshChoices()
	return f
}

func (f *YearForm) year() (int, error) {
	var y int
	s := strings.TrimSuffix(strings.TrimSpace(model.NormalizeDigits(f.form.Fields[0].Value())), "年")
	if _, err := fmt.Sscanf(s, "%d", &y); err != nil || len(s) != 4 {
		return 0, fmt.Errorf("%s", text.StartYearInvalid)
	}
	return y, nil
}

func (f *YearForm) validateYear(string) error {
	y, err := f.year()
	if err != nil {
		return err
	}
	if model.FormatForYear(y) == nil {
		return fmt.Errorf(text.StartYearNoFormat, y)
	}
	for _, e := range f.years {
		if e == y {
			return fmt.Errorf(text.StartYearExists, y)
		}
	}
	return nil
}

func (f *YearForm) hasPrev(y int) bool {
	for _, e := range f.years {
		if e == y-1 {
			return true
		}
	}
	return false
}

// refreshChoices offers 从上一年开始 when the previous year exists.
func (f *YearForm) refreshChoices() {
	ch := f.form.Fields[1]
	y, err := f.year()
	if err == nil && f.hasPrev(y) {
		if len(ch.Choices) != 2 {
			ch.Choices = []string{fmt.Sprintf(text.StartFromPrev, y-1), text.StartFresh}
			ch.Choice = 0
		}
		return
	}
	ch.Choices = []string{text.StartFresh}
	ch.Choice = 0
}

// Init implements common.Screen.
func (f *YearForm) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (f *YearForm) Title() string { return text.StartNewYear + " · " + f.organ.Name }

// KeyMap implements common.Screen.
func (f *YearForm) KeyMap() help.KeyMap {
	k := f.keys
	k.Choose.SetEnabled(f.form.Focus == 1 && len(f.form.Fields[1].Choices) > 1)
	return keys.Map{Short: []key.Binding{k.Create, k.Next, k.Choose, k.Back}}
}

// yearKeys are the keys of the new-year form: Enter creates the year from
// either field (the year typed, the start chosen).
type yearKeys struct{ Create, Next, Choose, Back key.Binding }

// Typing implements common.Typing.
func (f *YearForm) Typing() bool { return f.form.Focus == 0 }

// Create builds and stores the report, then opens it.
func (f *YearForm) create() tea.Cmd {
	if err := f.validateYear(""); err != nil {
		f.form.Fields[0].Err = err.Error()
		f.form.Focus = 0
		return nil
	}
	y, _ := f.year()
	fromPrev := len(f.form.Fields[1].Choices) == 2 && f.form.Fields[1].Choice == 0
	o := f.organ
	ctx, st := f.c.Ctx, f.c.Store
	return f.c.Track(func() tea.Msg {
		ny, err := st.StartYear(ctx, o, y, fromPrev)
		if err != nil {
			return common.SaveFailedMsg{Err: err}
		}
		open := func() tea.Msg { return common.OpenMsg{Organ: o, Year: y} }
		if ny.From == 0 {
			return open()
		}
		note := summaryText(y, &ny.Summary, model.FormatForYear(y))
		return tea.Sequence(open, func() tea.Msg { return common.StatusMsg{Text: note} })()
	})
}

// Update implements common.Screen.
func (f *YearForm) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.form.SetSize(msg.Width, yearFormH)
		return f, nil
	case common.SaveFailedMsg:
		f.err = msg.Err.Error()
		return f, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, f.keys.Back):
			return f, func() tea.Msg { return common.BackMsg{} }
		case key.Matches(msg, f.keys.Create):
			return f, f.create()
		}
	}
	f.form.Update(msg)
	f.refreshChoices()
	return f, nil
}

// yearFormH is the height of the year form's fields.
const yearFormH = 4

// View implements common.Screen.
func (f *YearForm) View(width, height int) string {
	st := f.c.Styles
	lines := []string{st.Heading.Render(f.Title()), ""}
	body := f.form.View(width, yearFormH)
	lines = append(lines, body, "")
	if y, err := f.year(); err == nil {
		if fm := model.FormatForYear(y); fm != nil {
			lines = append(lines, st.Label.Render(fmt.Sprintf(text.StartYearFormat, fm.Name, fm.Basis)))
		}
	}
	if f.err != "" {
		lines = append(lines, st.Error.Render(f.err))
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

// Cursor implements common.Screen.
func (f *YearForm) Cursor() *tea.Cursor {
	x, y := f.form.CursorXY()
	if x < 0 {
		return nil
	}
	return tea.NewCursor(x, y+2)
}

// summaryText tells the clerk what starting from last year carried over.
func summaryText(year int, s *model.NewYearSummary, f *model.Format) string {
	t := fmt.Sprintf(text.StartCarried, year-1, s.StaleParagraphs, len(s.Carried), s.OpenMeasures, len(s.PrefilledCells))
	if s.FormatChanged && f != nil {
		t += fmt.Sprintf(text.StartFormatChanged, f.Name)
	}
	return t
}
