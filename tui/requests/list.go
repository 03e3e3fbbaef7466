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
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/ledger"
	"nianbao/tui/letters"
	"nianbao/tui/text"
)

// PageSize is how many rows one keyset query fetches.
const PageSize = 100

// maxBuffer caps the rows kept in memory around the cursor.
const maxBuffer = 4 * PageSize

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

	// Rows: total matching, the loaded window, and the cursor and scroll
	// over the whole list.
	total   int
	win     components.Window[model.Request]
	list    components.List
	gen     int  // generation of the current query; stale replies are dropped
	loading bool // a page query is running
	loaded  bool // the first reply of this generation arrived
	errText string

	// mem holds the whole filtered list in the 即将到期 view or a sort other
	// than by serial (both depend on the calendar, so SQL cannot apply
	// them); nil otherwise.
	mem []model.Request

	searching bool
	input     *components.Input
	deleting  model.Request
	undo      *model.Request
	note      string

	view    view
	scroll  int // first line of the table / overview
	height  int // body height of the last View
	keys    listKeys
	pending []int64 // entry ids a GoToMsg asked to show
}

type listKeys struct {
	Up, Down, Page, Open, New, Delete, Undo, Search, Status, Outcome, Applicant, Overdue, Sort, Clear, Table, Overview key.Binding
	Letter, LedgerOut, LedgerIn                                                                                        key.Binding
}

// New builds the request log screen for the open organ-year.
func New(c *common.Common) common.Screen {
	m := &List{c: c, input: components.NewInput(), height: 20}
	m.input.Clean = model.CleanLine
	m.keys = listKeys{
		Up:        keys.Bind(text.KeyUp, "up", "k"),
		Down:      keys.Bind(text.KeyDown, "down", "j"),
		Page:      key.NewBinding(key.WithKeys("pgdown", "pgup", "home", "end"), key.WithHelp("pgup/pgdn", text.ReqKeyPage)),
		Open:      keys.Bind(text.KeyEdit, "enter", "e"),
		New:       keys.Bind(text.KeyAdd, "n"),
		Delete:    keys.Bind(text.KeyDelete, "d", "delete"),
		Undo:      keys.Bind(text.KeyUndo, "u", "ctrl+z"),
		Search:    keys.Bind(text.ReqKeySearch, "/"),
		Status:    keys.Bind(text.ReqKeyStatus, "s"),
		Outcome:   keys.Bind(text.ReqKeyOutcome, "o"),
		Applicant: keys.Bind(text.ReqKeyApplicant, "a"),
		Overdue:   keys.Bind(text.ReqKeyOverdue, "x"),
		Sort:      keys.Bind(text.ReqKeySort, "p"),
		Clear:     keys.Bind(text.ReqKeyClear, "c"),
		Table:     keys.Bind(text.ReqKeyTable, "t"),
		Overview:  keys.Bind(text.ReqKeyOverview, "v"),
		Letter:    keys.Bind(text.ReqKeyLetter, "w"),
		LedgerOut: keys.Bind(text.ReqKeyLedgerOut, "l"),
		LedgerIn:  keys.Bind(text.ReqKeyLedgerIn, "i"),
	}
	return m
}

// Title implements common.Screen.
func (m *List) Title() string { return text.TitleRequests }

// Init implements common.Screen: (re)load the list, keeping the cursor.
func (m *List) Init() tea.Cmd { return m.reload() }

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
func (m *List) KeyMap() help.KeyMap {
	k := m.keys
	switch {
	case m.searching:
		return keys.Map{Short: []key.Binding{keys.Bind(text.ReqKeySearchDone, "enter"), keys.Bind(text.KeyCancel, "esc")}}
	case m.view != viewList:
		return keys.Map{Short: []key.Binding{keys.Bind(text.KeyUp, "up"), keys.Bind(text.KeyDown, "down"), keys.Bind(text.KeyBack, "esc")}}
	}
	k.Up.SetEnabled(m.list.Cursor > 0)
	k.Down.SetEnabled(m.list.Cursor < m.total-1)
	k.Page.SetEnabled(m.total > 1)
	k.Open.SetEnabled(m.total > 0)
	k.Delete.SetEnabled(m.total > 0)
	k.Clear.SetEnabled(m.filtered() || m.search != "")
	return keys.Map{
		Short: []key.Binding{k.New, k.Open, k.Letter, k.Delete, k.Search, k.Status, k.Overdue, k.Sort, k.Table, k.Overview},
		Full: [][]key.Binding{
			{k.Up, k.Down, k.Page, k.Open, k.New, k.Delete, k.Undo},
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

// Messages of the list's own queries.
type (
	resetMsg struct {
		gen   int
		total int
		rows  []model.Request
		start int // absolute index of rows[0]
		// missing: the entry a jump asked for is not in the filtered list.
		missing bool
		mem     []model.Request
		err     error
	}
	pageMsg struct {
		gen  int
		up   bool
		rows []model.Request
		err  error
	}
	deletedMsg struct {
		q   model.Request
		err error
	}
	restoredMsg struct {
		q   model.Request
		err error
	}
)

// reload queries the count and the page around the cursor.
func (m *List) reload() tea.Cmd {
	if m.c.Store == nil || m.c.Report == nil {
		return nil
	}
	m.gen++
	m.loading = true
	gen, cursor := m.gen, m.list.Cursor
	q := m.Query()
	ctx, st := m.ctx(), m.c.Store
	if m.memMode() {
		cal, today := m.c.Calendar, m.c.Today
		year, due, by := m.c.Year, m.overdue, m.sortBy
		return func() tea.Msg {
			rows, err := st.RequestPage(ctx, q) // no limit: every matching row
			if err != nil {
				return resetMsg{gen: gen, err: err}
			}
			return resetMsg{gen: gen, mem: arrange(rows, due, by, year, today, cal)}
		}
	}
	h := m.height
	if len(m.pending) > 0 {
		id := m.pending[0]
		return func() tea.Msg {
			n, err := st.CountRequests(ctx, q)
			if err != nil {
				return resetMsg{gen: gen, err: err}
			}
			rows, start, found, err := walkToID(ctx, st, q, id)
			return resetMsg{gen: gen, total: n, rows: rows, start: start, missing: !found, err: err}
		}
	}
	return func() tea.Msg {
		n, err := st.CountRequests(ctx, q)
		if err != nil {
			return resetMsg{gen: gen, err: err}
		}
		// Start the window a little before the cursor so it stays in view.
		start := max(0, min(cursor, n-1)-h)
		var rows []model.Request
		if start == 0 || n == 0 {
			q.Limit = PageSize
			rows, err = st.RequestPage(ctx, q)
		} else {
			// Walk to the window by keyset pages; a reload after an edit
			// starts near where the clerk was.
			rows, start, err = walkTo(ctx, st, q, start)
		}
		return resetMsg{gen: gen, total: n, rows: rows, start: start, err: err}
	}
}

// walkTo fetches the rows around absolute index target by keyset steps of
// walkChunk rows and returns them with the index of the first.
func walkTo(ctx context.Context, st common.Desk, q desk.RequestQuery, target int) ([]model.Request, int, error) {
	q.Limit = walkChunk
	at := 0
	for {
		rows, err := st.RequestPage(ctx, q)
		if err != nil {
			return nil, 0, err
		}
		if len(rows) < walkChunk || at+len(rows) > target {
			from := max(0, min(target-at, len(rows))-maxBuffer/2)
			to := min(len(rows), from+maxBuffer)
			return append([]model.Request(nil), rows[from:to]...), at + from, nil
		}
		at += len(rows)
		q.AfterSerialKey = desk.SerialKey(rows[len(rows)-1])
	}
}

// walkChunk is the page size of a walk to a far row.
const walkChunk = 2000

// walkToID walks the list by keyset pages to the entry with id and returns
// the rows around it with the index of the first. When the entry is not in
// the list it returns the first page.
func walkToID(ctx context.Context, st common.Desk, q desk.RequestQuery, id int64) (rows []model.Request, start int, found bool, err error) {
	const chunk = walkChunk
	q.Limit = chunk
	at := 0
	for {
		rows, err := st.RequestPage(ctx, q)
		if err != nil {
			return nil, 0, false, err
		}
		for j := range rows {
			if rows[j].ID == id {
				from := max(0, j-maxBuffer/2)
				to := min(len(rows), from+maxBuffer)
				return append([]model.Request(nil), rows[from:to]...), at + from, true, nil
			}
		}
		if len(rows) < chunk {
			q.AfterSerialKey = 0
			q.Limit = PageSize
			first, err := st.RequestPage(ctx, q)
			return first, 0, false, err
		}
		at += len(rows)
		q.AfterSerialKey = desk.SerialKey(rows[len(rows)-1])
	}
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

func (m *List) ctx() context.Context {
	if m.c.Ctx != nil {
		return m.c.Ctx
	}
	return context.Background()
}

// Current is the request under the cursor, if loaded.
func (m *List) Current() (*model.Request, bool) { return m.win.At(m.list.Cursor) }

// Total is the number of matching requests.
func (m *List) Total() int { return m.total }

// Loaded is the number of rows held in memory (tests).
func (m *List) Loaded() int { return len(m.win.Rows) }

// ensure loads the rows the visible window needs, one keyset page at a time.
func (m *List) ensure() tea.Cmd {
	if m.loading || m.mem != nil || m.total == 0 {
		return nil
	}
	from, to := m.list.Visible(m.listHeight())
	ctx, st, gen := m.ctx(), m.c.Store, m.gen
	q := m.Query()
	reset := func(toEnd bool) tea.Cmd {
		if toEnd {
			q.BeforeSerialKey = 1 << 62
		}
		q.Limit = PageSize
		m.loading = true
		total := m.total
		return func() tea.Msg {
			rows, err := st.RequestPage(ctx, q)
			start := 0
			if toEnd {
				start = total - len(rows)
			}
			return resetMsg{gen: gen, total: total, rows: rows, start: start, err: err}
		}
	}
	switch {
	case len(m.win.Rows) == 0:
		return reset(false)
	case to > m.win.End() && m.win.End() < m.total:
		if from >= m.total-PageSize && from > m.win.End() {
			return reset(true) // a jump to the end: one page from there
		}
		// Down: the next rows after the window (a long jump reads the gap
		// once; trim then keeps only the rows around the cursor).
		q.AfterSerialKey = desk.SerialKey(m.win.Rows[len(m.win.Rows)-1])
		q.Limit = max(PageSize, to-m.win.End())
		m.loading = true
		return func() tea.Msg {
			rows, err := st.RequestPage(ctx, q)
			return pageMsg{gen: gen, rows: rows, err: err}
		}
	case from < m.win.Start:
		if to <= PageSize && to < m.win.Start {
			return reset(false) // a jump to the start
		}
		q.BeforeSerialKey = desk.SerialKey(m.win.Rows[0])
		q.Limit = max(PageSize, m.win.Start-from)
		m.loading = true
		return func() tea.Msg {
			rows, err := st.RequestPage(ctx, q)
			return pageMsg{gen: gen, up: true, rows: rows, err: err}
		}
	}
	return nil
}

func (m *List) listHeight() int { return max(1, m.height-3) }

// Update implements common.Screen.
func (m *List) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case resetMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		m.loading, m.loaded = false, true
		if msg.err != nil {
			m.errText = fmt.Sprintf(text.ReqLoadFailed, msg.err.Error())
			return m, nil
		}
		m.errText = ""
		if msg.missing && len(m.pending) > 0 && (m.filtered() || m.search != "") {
			// The entry is hidden by the filters: show the whole log.
			m.clearFilters()
			return m, m.reload()
		}
		if m.overdue && len(m.pending) > 0 && !containsID(msg.mem, m.pending[0]) {
			m.clearFilters() // the entry a jump asked for is not overdue
			return m, m.reload()
		}
		if msg.mem != nil || m.memMode() {
			m.mem = msg.mem
			if m.mem == nil {
				m.mem = []model.Request{}
			}
			m.win.Reset(m.mem, 0)
			m.total = len(m.mem)
		} else {
			m.mem = nil
			m.win.Reset(msg.rows, msg.start)
			m.total = msg.total
		}
		m.list.SetLen(m.total)
		m.showPending()
		return m, m.ensure()
	case pageMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		m.loading = false
		if msg.err != nil {
			m.errText = fmt.Sprintf(text.ReqLoadFailed, msg.err.Error())
			return m, nil
		}
		if !m.win.Add(msg.rows, msg.up) {
			return m, m.reload() // the log changed under us: start again
		}
		m.win.Trim(m.list.Cursor, maxBuffer, PageSize)
		return m, m.ensure()
	case deleteYesMsg:
		id := m.deleting.ID
		ctx, st := m.ctx(), m.c.Store
		return m, m.c.Track(func() tea.Msg {
			q, err := st.DeleteRequest(ctx, id)
			return deletedMsg{q: q, err: err}
		})
	case deletedMsg:
		if msg.err != nil {
			return m, func() tea.Msg { return common.SaveFailedMsg{Err: msg.err} }
		}
		q := msg.q
		m.undo = &q
		m.note = fmt.Sprintf(text.ReqDeleted, q.Serial)
		return m, tea.Batch(m.reload(), saved(m.c), common.ReloadRequests(q.ID))
	case restoredMsg:
		if msg.err != nil {
			return m, func() tea.Msg { return common.SaveFailedMsg{Err: msg.err} }
		}
		m.undo = nil
		m.note = text.UndoDone
		m.pending = []int64{msg.q.ID}
		return m, tea.Batch(m.reload(), saved(m.c), common.ReloadRequests(msg.q.ID))
	case common.OrganYearMsg:
		return m, m.reload()
	case common.GoToMsg:
		if msg.Entry.Kind == model.EntryRequest {
			m.view = viewList
			m.searching = false
			m.pending = []int64{msg.Entry.ID}
			return m, m.reload()
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

func containsID(rs []model.Request, id int64) bool {
	for i := range rs {
		if rs[i].ID == id {
			return true
		}
	}
	return false
}

// showPending moves the cursor to an entry a jump asked for, when loaded.
func (m *List) showPending() {
	if len(m.pending) == 0 {
		return
	}
	for i := range m.win.Rows {
		if m.win.Rows[i].ID == m.pending[0] {
			m.list.Cursor = m.win.Start + i
			m.pending = nil
			return
		}
	}
	if m.mem != nil || m.win.End() >= m.total {
		m.pending = nil
	}
}

func saved(c *common.Common) tea.Cmd {
	now := c.Now
	return func() tea.Msg {
		if now == nil {
			return common.SavedMsg{}
		}
		return common.SavedMsg{At: now()}
	}
}

func (m *List) clearFilters() {
	m.status, m.outcome, m.applicant, m.overdue, m.search, m.sortBy = 0, "", "", false, "", sortSerial
	m.input.SetValue("")
	m.mem = nil
}

func (m *List) searchChanged() tea.Cmd {
	m.search = strings.TrimSpace(m.input.Value())
	m.list.Cursor = 0
	return m.reload()
}

// deleteYesMsg is the answer yes to the delete question.
type deleteYesMsg struct{}

func (m *List) key(k tea.KeyPressMsg) tea.Cmd {
	s := k.String()
	if m.searching {
		switch s {
		case "enter", "tab":
			m.searching = false
			return nil
		case "esc":
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
		switch s {
		case "esc", "q", "t", "v":
			if s == "t" && m.view != viewTable || s == "v" && m.view != viewOverview {
				break
			}
			m.view = viewList
			return nil
		case "up", "k":
			m.scroll = max(0, m.scroll-1)
			return nil
		case "down", "j":
			m.scroll++
			return nil
		case "pgup":
			m.scroll = max(0, m.scroll-m.height/2)
			return nil
		case "pgdown":
			m.scroll += m.height / 2
			return nil
		case "home":
			m.scroll = 0
			return nil
		}
		if s == "t" {
			m.view, m.scroll = viewTable, 0
		} else if s == "v" {
			m.view, m.scroll = viewOverview, 0
		}
		return nil
	}
	m.note = ""
	if m.list.HandleKey(s, m.listHeight()-1) {
		return m.ensure()
	}
	switch s {
	case "esc":
		if m.search != "" || m.filtered() {
			m.clearFilters()
			m.list.Cursor = 0
			return m.reload()
		}
	case "/":
		m.searching = true
		m.input.Focus()
		return nil
	case "s":
		m.status = (m.status + 1) % len(statusFilters)
		m.list.Cursor = 0
		return m.reload()
	case "a":
		m.applicant = nextApplicant(m.applicant)
		m.list.Cursor = 0
		return m.reload()
	case "o":
		m.outcome = m.nextOutcome(m.outcome)
		m.list.Cursor = 0
		return m.reload()
	case "x":
		m.overdue = !m.overdue
		m.mem = nil
		m.list.Cursor = 0
		return m.reload()
	case "p":
		m.sortBy = (m.sortBy + 1) % sortOrders
		m.mem = nil
		m.list.Cursor = 0
		return m.reload()
	case "c":
		m.clearFilters()
		m.list.Cursor = 0
		return m.reload()
	case "t":
		m.view, m.scroll = viewTable, 0
	case "v":
		m.view, m.scroll = viewOverview, 0
	case "n":
		return push(NewForm(m.c, nil))
	case "w":
		return m.openCurrent(func(full model.Request) common.Screen { return letters.New(m.c, full) })
	case "l":
		return push(ledger.NewExport(m.c))
	case "i":
		return push(ledger.NewImport(m.c))
	case "enter", "e":
		return m.openCurrent(func(full model.Request) common.Screen { return NewForm(m.c, &full) })
	case "d", "delete":
		if q, ok := m.Current(); ok {
			m.deleting = *q
			return dialog.Delete(m.c, fmt.Sprintf(text.ReqEntryName, q.Serial, clip(q.Summary, 20)), deleteYesMsg{})
		}
	case "u", "ctrl+z":
		if m.undo == nil {
			m.note = text.UndoNothing
			return nil
		}
		q := *m.undo
		ctx, st := m.ctx(), m.c.Store
		return m.c.Track(func() tea.Msg {
			err := st.RestoreRequest(ctx, q)
			return restoredMsg{q: q, err: err}
		})
	}
	return nil
}

// openCurrent loads the request under the cursor with its personal data
// and opens the screen open builds for it.
func (m *List) openCurrent(open func(full model.Request) common.Screen) tea.Cmd {
	q, ok := m.Current()
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
