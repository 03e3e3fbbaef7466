// Package requests is the request log (依申请公开台账) of the workstation: a
// list that pages through SQLite and draws only its visible rows, filters
// and search, the add/edit form with every field of a request, table 三 as
// computed from the log and an overview of the year.
package requests

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/components/pagedlist"
	"nianbao/tui/entrydelete"
	"nianbao/tui/keys"
	"nianbao/tui/ledger"
	"nianbao/tui/letters"
	"nianbao/tui/text"
)

// Status filters of the list, in the order s cycles them; the values are
// desk.RequestQuery.Status.
var statusFilters = []string{"", "open", "answered", "carried"}

// view is what the screen shows.
type view int

const (
	viewList view = iota
	viewTable
	viewOverview
)

// List is the request log screen.
type List struct {
	c *common.Common

	// Filters.
	status    int // index into statusFilters
	outcome   string
	applicant model.ApplicantType
	overdue   bool // the 即将到期 view: open requests due within 5 working days or late
	search    string
	sortBy    sortOrder

	// rows pages through the matching requests by keyset; in the 即将到期
	// view or a sort other than by serial (both depend on the calendar, so
	// SQL cannot apply them) it holds the whole arranged list in memory.
	rows *pagedlist.List[model.Request]
	// firstPage: the first page arrived and the app was told
	// (common.FirstPageMsg).
	firstPage bool

	searching bool
	input     *components.Input
	del       *entrydelete.Bin[model.Request]
	note      string

	view   view
	scroll int // first line of the table / overview
	// width and height are the screen's size (tea.WindowSizeMsg).
	width, height int
	keys          listKeys
}

type listKeys struct {
	Open, New, Delete, Undo, Search, Status, Outcome, Applicant, Overdue, Sort, Clear, Table, Overview key.Binding
	Letter, LedgerOut, LedgerIn                                                                        key.Binding
	// While searching.
	SearchDone, SearchCancel key.Binding
	// In the table and the overview.
	ScrollUp, ScrollDown, ScrollPageUp, ScrollPageDown, ScrollHome, Back key.Binding
}

// New builds the request log screen for the open organ-year.
func New(c *common.Common) common.Screen {
	m := &List{c: c, input: components.NewInput(), width: 80, height: 20}
	m.input.Clean = model.CleanLine
	m.rows = pagedlist.New(c.Context, m.source)
	m.rows.OnMissing(m.clearFilters)
	m.del = entrydelete.New(c, entrydelete.Spec[model.Request]{
		ID:      func(q *model.Request) int64 { return q.ID },
		Name:    func(q *model.Request) string { return fmt.Sprintf(text.ReqEntryName, q.Serial, clip(q.Summary, 20)) },
		Deleted: func(q *model.Request) string { return fmt.Sprintf(text.ReqDeleted, q.Serial) },
		Delete: func(ctx context.Context, st common.Desk, id int64) (model.Request, error) {
			return st.DeleteRequest(ctx, id)
		},
		Restore: func(ctx context.Context, st common.Desk, q model.Request) (model.Request, error) {
			return q, st.RestoreRequest(ctx, q)
		},
		Reload:  func(q *model.Request) tea.Cmd { return common.ReloadRequests(q.ID) },
		Changed: m.rows.Refresh,
	})
	m.rows.SetHeight(m.listHeight())
	m.keys = listKeys{
		Open:      keys.Bind(text.KeyEdit, "enter", "e"),
		New:       keys.Bind(text.KeyAdd, "n"),
		Delete:    keys.Bind(text.KeyDelete, "d", "delete"),
		Undo:      keys.Bind(text.KeyUndo, "u", "ctrl+z"),
		Search:    keys.Bind(text.ReqKeySearch, "/"),
		Status:    keys.Bind(text.ReqKeyStatus, "s"),
		Outcome:   keys.Bind(text.ReqKeyOutcome, "o"),
		Applicant: keys.Bind(text.ReqKeyApplicant, "a"),
		Overdue:   keys.DueSoon,
		Sort:      keys.Bind(text.ReqKeySort, "p"),
		Clear:     keys.Bind(text.ReqKeyClear, "c", "esc"),
		Table:     keys.Bind(text.ReqKeyTable, "t"),
		Overview:  keys.Bind(text.ReqKeyOverview, "v"),
		Letter:    keys.Bind(text.ReqKeyLetter, "w"),
		LedgerOut: keys.Bind(text.ReqKeyLedgerOut, "l"),
		LedgerIn:  keys.Bind(text.ReqKeyLedgerIn, "i"),

		SearchDone:   keys.Bind(text.ReqKeySearchDone, "enter", "tab"),
		SearchCancel: keys.Bind(text.KeyCancel, "esc"),

		ScrollUp:       keys.Bind(text.KeyUp, "up", "k"),
		ScrollDown:     keys.Bind(text.KeyDown, "down", "j"),
		ScrollPageUp:   keys.Bind(text.KeyPageUp, "pgup"),
		ScrollPageDown: keys.Bind(text.KeyPageDown, "pgdown"),
		ScrollHome:     keys.Bind(text.ListKeyFirst, "home"),
		Back:           keys.Bind(text.KeyBack, "esc", "q"),
	}
	return m
}

// Title implements common.Screen.
func (m *List) Title() string { return text.TitleRequests }

// Init implements common.Screen: (re)load the list, keeping the cursor.
func (m *List) Init() tea.Cmd {
	limit := max(pagedlist.PageSize, m.listHeight())
	if m.memMode() {
		return m.rows.Reload()
	}
	a := m.c.TakeLogAhead(m.Query(), limit)
	switch {
	case a == nil:
		return m.rows.Reload()
	case a.Ready():
		if total, rows, ok := a.Result(); ok {
			m.firstPage = true
			return tea.Batch(m.rows.Seed(total, rows), func() tea.Msg { return common.FirstPageMsg{} })
		}
		return m.rows.Reload()
	}
	return m.rows.ReloadAhead(a.Result)
}

// ReadAhead reads the count and first page of the request log of the year
// being opened, for the log to show at once when the clerk opens it
// (common.TakeLogAhead).
func ReadAhead(c *common.Common) tea.Cmd {
	m := &List{c: c}
	return c.ReadLogAhead(m.Query(), max(pagedlist.PageSize, c.Height))
}

// Typing implements common.Typing.
func (m *List) Typing() bool { return m.searching }

// Busy implements common.Busy: Esc closes the search, a question, the
// table or the overview before it leaves the screen.
func (m *List) Busy() bool {
	return m.searching || m.view != viewList || m.search != "" || m.filtered()
}

func (m *List) filtered() bool {
	return m.status != 0 || m.outcome != "" || m.applicant != "" || m.overdue || m.sortBy != sortSerial
}

// memMode reports whether the list is arranged in memory (arrange).
func (m *List) memMode() bool { return m.overdue || m.sortBy != sortSerial }

// KeyMap implements common.Screen.
func (m *List) KeyMap() help.KeyMap { return m.keyMap() }

// bindings are the keys, enabled where they act in the current state: the
// keys are dispatched from them (key, viewKey) and the help is drawn from
// them (keyMap).
func (m *List) bindings() listKeys {
	k := m.keys
	n := m.rows.Total()
	k.Open.SetEnabled(n > 0)
	k.Letter.SetEnabled(n > 0)
	k.Delete.SetEnabled(n > 0)
	k.Clear.SetEnabled(m.filtered() || m.search != "")
	k.ScrollUp.SetEnabled(m.scroll > 0)
	k.ScrollPageUp.SetEnabled(m.scroll > 0)
	k.ScrollHome.SetEnabled(m.scroll > 0)
	switch m.view {
	case viewTable:
		k.Table.SetHelp("t", text.KeyBack)
	case viewOverview:
		k.Overview.SetHelp("v", text.KeyBack)
	}
	return k
}

func (m *List) keyMap() keys.Map {
	k := m.bindings()
	switch {
	case m.searching:
		return keys.Map{Short: []key.Binding{k.SearchDone, k.SearchCancel}}
	case m.view != viewList:
		return keys.Map{Short: []key.Binding{k.ScrollUp, k.ScrollDown, k.ScrollPageUp, k.ScrollPageDown, k.ScrollHome, k.Table, k.Overview, k.Back}}
	}
	nav := m.rows.Keys()
	return keys.Map{
		Short: []key.Binding{k.New, k.Open, k.Letter, k.Delete, k.Search, k.Status, k.Overdue, k.Sort, k.Table, k.Overview},
		Full: [][]key.Binding{
			append(nav.Bindings(), k.Open, k.New, k.Delete, k.Undo),
			{k.Search, k.Status, k.Outcome, k.Applicant, k.Overdue, k.Sort, k.Clear, k.Table, k.Overview},
			{k.Letter, k.LedgerOut, k.LedgerIn},
		},
	}
}

// Query is the db query of the current filters (without paging).
func (m *List) Query() desk.RequestQuery {
	return desk.RequestQuery{
		OrganID:   m.c.Organ.ID,
		Year:      m.c.Year,
		Status:    statusFilters[m.status],
		Outcome:   m.outcome,
		Applicant: m.applicant,
		Text:      m.search,
		Personal:  true, // the ledger is internal: find a request by the caller's name
	}
}

// source reads the requests the filters select, in serial order by keyset,
// or all of them arranged in memory (memMode).
func (m *List) source() pagedlist.Source[model.Request] {
	if m.c.Store == nil || m.c.Report() == nil {
		return pagedlist.Source[model.Request]{}
	}
	st, q := m.c.Store, m.Query()
	src := pagedlist.Source[model.Request]{
		Count: func(ctx context.Context) (int, error) { return st.CountRequests(ctx, q) },
		Page: func(ctx context.Context, at pagedlist.Anchor[model.Request], limit int) ([]model.Request, error) {
			q := q
			q.Limit = limit
			switch {
			case at.Last:
				q.BeforeSerialKey = 1 << 62
			case at.Before != nil:
				q.BeforeSerialKey = desk.SerialKey(*at.Before)
			case at.After != nil:
				q.AfterSerialKey = desk.SerialKey(*at.After)
			}
			return st.RequestPage(ctx, q)
		},
		ID: func(q *model.Request) int64 { return q.ID },
	}
	if m.memMode() {
		cal, today, year, due, by := m.c.Calendar, m.c.Today, m.c.Year, m.overdue, m.sortBy
		src.Arrange = func(rows []model.Request) []model.Request { return arrange(rows, due, by, year, today, cal) }
	}
	return src
}

// statusOf is a request's state in the report year: answered (已答复) when
// closed by 31 December, carried (已结转) when still open then and the year
// is over, else open (办理中).
func statusOf(q *model.Request, year int, today model.Date) string {
	end := model.YearEnd(year)
	if q.Closed() && q.Answered <= end {
		return "answered"
	}
	if today > end {
		return "carried"
	}
	return "open"
}

func statusLabel(s string) string {
	switch s {
	case "answered":
		return text.ReqStatusAnswered
	case "carried":
		return text.ReqStatusCarried
	case "open":
		return text.ReqStatusOpen
	}
	return text.ReqFilterAll
}

func (m *List) ctx() context.Context { return m.c.Context() }

func (m *List) listHeight() int { return max(1, m.height-3) }

func (m *List) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if ok, cmd := m.rows.Update(msg); ok {
		if !m.firstPage && m.rows.Ready() {
			m.firstPage = true
			cmd = tea.Batch(cmd, func() tea.Msg { return common.FirstPageMsg{} })
		}
		return m, cmd
	}
	if ok, ev, cmd := m.del.Update(msg); ok {
		m.note = ev.Note
		return m, cmd
	}
	switch msg := msg.(type) {
	case common.OrganYearMsg:
		return m, m.rows.Reload()
	case common.GoToMsg:
		if msg.Entry.Kind == model.EntryRequest {
			m.view = viewList
			m.searching = false
			return m, m.rows.Show(msg.Entry.ID)
		}
		return m, nil
	case tea.PasteMsg:
		if m.searching {
			m.input.Update(msg)
			return m, m.searchChanged()
		}
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

// clearFilters shows the whole log again and reports whether anything was
// filtered (also when an entry a jump asks for is hidden by the filters or
// is not due soon).
func (m *List) clearFilters() bool {
	was := m.filtered() || m.search != ""
	m.status, m.outcome, m.applicant, m.overdue, m.search, m.sortBy = 0, "", "", false, "", sortSerial
	m.input.SetValue("")
	return was
}

func (m *List) searchChanged() tea.Cmd {
	m.search = strings.TrimSpace(m.input.Value())
	return m.rows.Restart()
}

func (m *List) key(k tea.KeyPressMsg) tea.Cmd {
	if m.searching {
		switch {
		case key.Matches(k, m.keys.SearchDone):
			m.searching = false
			return nil
		case key.Matches(k, m.keys.SearchCancel):
			m.searching = false
			m.input.SetValue("")
			return m.searchChanged()
		}
		if m.input.Update(k) {
			return m.searchChanged()
		}
		return nil
	}
	if m.view != viewList {
		return m.viewKey(k)
	}
	m.note = ""
	if ok, cmd := m.rows.HandleKey(k); ok {
		return cmd
	}
	k0 := m.bindings()
	switch {
	case key.Matches(k, k0.Search):
		m.searching = true
		m.input.Focus()
		return nil
	case key.Matches(k, k0.Status):
		m.status = (m.status + 1) % len(statusFilters)
		return m.rows.Restart()
	case key.Matches(k, k0.Applicant):
		m.applicant = nextApplicant(m.applicant)
		return m.rows.Restart()
	case key.Matches(k, k0.Outcome):
		m.outcome = m.nextOutcome(m.outcome)
		return m.rows.Restart()
	case key.Matches(k, k0.Overdue):
		m.overdue = !m.overdue
		return m.rows.Restart()
	case key.Matches(k, k0.Sort):
		m.sortBy = (m.sortBy + 1) % sortOrders
		return m.rows.Restart()
	case key.Matches(k, k0.Clear): // enabled while filtered
		m.clearFilters()
		return m.rows.Restart()
	case key.Matches(k, k0.Table):
		m.view, m.scroll = viewTable, 0
	case key.Matches(k, k0.Overview):
		m.view, m.scroll = viewOverview, 0
	case key.Matches(k, k0.New):
		return push(NewForm(m.c, nil))
	case key.Matches(k, k0.Letter):
		return m.openCurrent(func(full model.Request) common.Screen { return letters.New(m.c, full) })
	case key.Matches(k, k0.LedgerOut):
		return push(ledger.NewExport(m.c))
	case key.Matches(k, k0.LedgerIn):
		return push(ledger.NewImport(m.c))
	case key.Matches(k, k0.Open):
		return m.openCurrent(func(full model.Request) common.Screen { return NewForm(m.c, &full) })
	case key.Matches(k, k0.Delete):
		if q, ok := m.rows.Current(); ok {
			return m.del.Ask(*q)
		}
	case key.Matches(k, k0.Undo):
		cmd, note := m.del.Undo()
		m.note = note
		return cmd
	}
	return nil
}

// viewKey handles the keys of the table and the overview: scroll, switch
// between them, back to the list.
func (m *List) viewKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.bindings()
	half := max(1, m.height/2)
	switch {
	case key.Matches(k, km.Back),
		key.Matches(k, km.Table) && m.view == viewTable,
		key.Matches(k, km.Overview) && m.view == viewOverview:
		m.view = viewList
	case key.Matches(k, km.Table):
		m.view, m.scroll = viewTable, 0
	case key.Matches(k, km.Overview):
		m.view, m.scroll = viewOverview, 0
	case key.Matches(k, km.ScrollUp):
		m.scroll = max(0, m.scroll-1)
	case key.Matches(k, km.ScrollDown):
		m.scroll++
	case key.Matches(k, km.ScrollPageUp):
		m.scroll = max(0, m.scroll-half)
	case key.Matches(k, km.ScrollPageDown):
		m.scroll += half
	case key.Matches(k, km.ScrollHome):
		m.scroll = 0
	}
	return nil
}

// openCurrent loads the request under the cursor with its personal data
// and opens the screen open builds for it.
func (m *List) openCurrent(open func(full model.Request) common.Screen) tea.Cmd {
	q, ok := m.rows.Current()
	if !ok {
		return nil
	}
	id := q.ID
	ctx, st := m.ctx(), m.c.Store
	return func() tea.Msg {
		full, err := st.Request(ctx, id, true)
		if err != nil {
			return common.SaveFailedMsg{Err: err}
		}
		return common.PushMsg{Screen: open(full)}
	}
}

func push(s common.Screen) tea.Cmd {
	return func() tea.Msg { return common.PushMsg{Screen: s} }
}

func nextApplicant(a model.ApplicantType) model.ApplicantType {
	if a == "" {
		return model.ApplicantTypes[0]
	}
	for i, t := range model.ApplicantTypes {
		if t == a && i+1 < len(model.ApplicantTypes) {
			return model.ApplicantTypes[i+1]
		}
	}
	return ""
}

// nextOutcome cycles the outcome filter through the report format's
// outcome rows.
func (m *List) nextOutcome(o string) string {
	f := m.c.Format()
	if f == nil {
		return ""
	}
	rows := f.OutcomeRows()
	if o == "" {
		return rows[0]
	}
	for i, r := range rows {
		if r == o && i+1 < len(rows) {
			return rows[i+1]
		}
	}
	return ""
}

// clip cuts plain text to at most w cells with an ellipsis.
func clip(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Cursor implements common.Screen: the search input's cursor when open.
func (m *List) Cursor() *tea.Cursor {
	if !m.searching {
		return nil
	}
	return tea.NewCursor(ansi.StringWidth(text.ReqSearchPrompt)+m.input.CursorX(), 1)
}
