// Package pagedlist is the workstation's one long list read from the store
// a keyset page at a time (the request log, the register of 主动公开信息):
// it counts the rows matching the screen's filters, keeps a bounded window
// of rows around the cursor, reads the next page as the cursor nears the
// window's edge, walks to an entry a jump asks for, and moves the cursor
// by its own key bindings. The screen draws the rows it asks for (Visible,
// At) and says how a page is read (Source).
package pagedlist

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// PageSize is how many rows one keyset query reads.
const PageSize = 100

// MaxBuffer caps the rows kept in memory around the cursor.
const MaxBuffer = 4 * PageSize

// walkChunk is the page size of a walk to a far row or to an entry.
const walkChunk = 2000

// Anchor says where a page starts in the list's order.
type Anchor[T any] struct {
	After  *T   // the rows after this one (nil with Before nil: from the first row)
	Before *T   // the rows before this one, the nearest last
	Last   bool // the last rows of the list
}

// Source reads the list as the screen's filters select it. Page returns up
// to limit rows (0: every row) in the list's order, also when it reads
// backwards from Before or from the end.
type Source[T any] struct {
	Count func(ctx context.Context) (int, error)
	Page  func(ctx context.Context, at Anchor[T], limit int) ([]T, error)
	// ID identifies a row, for a jump to an entry.
	ID func(*T) int64
	// Arrange, when set, puts the list in an order or a selection SQL
	// cannot make (it depends on the calendar): every matching row is read
	// and the arranged slice is the list, held in memory.
	Arrange func(rows []T) []T
}

// KeyMap moves the cursor.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
}

// List is a keyset-paged list of T. Its zero value is not usable: New.
type List[T any] struct {
	source func() Source[T]
	ctx    func() context.Context
	keys   KeyMap

	total  int
	win    components.Window[T]
	nav    components.List
	height int

	gen     int  // generation of the current query; stale replies are dropped
	loading bool // a query is running
	loaded  bool // the first reply of this generation arrived
	err     error
	mem     bool // the list is held whole in memory (Source.Arrange)

	pending  int64 // an entry to put the cursor on when it arrives
	unfilter func() bool
}

// New makes a list that reads its rows through source, called afresh for
// each query so that it sees the screen's current filters.
func New[T any](ctx func() context.Context, source func() Source[T]) *List[T] {
	return &List[T]{
		source: source,
		ctx:    ctx,
		height: 20,
		keys: KeyMap{
			Up:       keys.Bind(text.KeyUp, "up", "k"),
			Down:     keys.Bind(text.KeyDown, "down", "j"),
			PageUp:   keys.Bind(text.KeyPageUp, "pgup"),
			PageDown: keys.Bind(text.KeyPageDown, "pgdown"),
			Home:     keys.Bind(text.ListKeyFirst, "home", "g"),
			End:      keys.Bind(text.ListKeyLast, "end", "G"),
		},
	}
}

// SetHeight sets how many rows the list shows.
func (l *List[T]) SetHeight(h int) { l.height = max(1, h) }

// Keys are the list's bindings, enabled where they can move the cursor.
func (l *List[T]) Keys() KeyMap {
	k := l.keys
	up, down := l.nav.Cursor > 0, l.nav.Cursor < l.total-1
	k.Up.SetEnabled(up)
	k.Home.SetEnabled(up)
	k.PageUp.SetEnabled(up)
	k.Down.SetEnabled(down)
	k.End.SetEnabled(down)
	k.PageDown.SetEnabled(down)
	return k
}

// Bindings lists the keys for a help overlay.
func (k KeyMap) Bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}
}

// HandleKey moves the cursor when k is one of the list's keys and reads
// what the new position needs.
func (l *List[T]) HandleKey(k tea.KeyPressMsg) (bool, tea.Cmd) {
	km, page := l.Keys(), max(1, l.height-1)
	switch {
	case key.Matches(k, km.Up):
		l.nav.Move(-1)
	case key.Matches(k, km.Down):
		l.nav.Move(1)
	case key.Matches(k, km.PageUp):
		l.nav.Move(-page)
	case key.Matches(k, km.PageDown):
		l.nav.Move(page)
	case key.Matches(k, km.Home):
		l.nav.Cursor = 0
	case key.Matches(k, km.End):
		l.nav.Move(l.total)
	default:
		return false, nil
	}
	return true, l.ensure()
}

// Cursor is the absolute index of the row under the cursor.
func (l *List[T]) Cursor() int { return l.nav.Cursor }

// Current is the row under the cursor, if loaded.
func (l *List[T]) Current() (*T, bool) { return l.win.At(l.nav.Cursor) }

// At is row i, if loaded.
func (l *List[T]) At(i int) (*T, bool) { return l.win.At(i) }

// Visible is the range [from, to) of rows to draw, scrolled so that the
// cursor is in view.
func (l *List[T]) Visible() (from, to int) { return l.nav.Visible(l.height) }

// Window is Visible without scrolling, for a View drawn after Update
// called Visible.
func (l *List[T]) Window() (from, to int) { return l.nav.Window(l.height) }

// Total is the number of rows matching the filters.
func (l *List[T]) Total() int { return l.total }

// Loaded is the number of rows held in memory.
func (l *List[T]) Loaded() int { return len(l.win.Rows) }

// Ready reports whether the first reply of the current query arrived.
func (l *List[T]) Ready() bool { return l.loaded }

// Err is the error of the last query, or nil.
func (l *List[T]) Err() error { return l.err }

// OnMissing sets what happens when an entry a jump (Show) asked for is not
// in the list: unfilter clears the screen's filters and reports whether
// there were any, and then the list walks to the entry again. Without it,
// or with no filter to clear, the cursor stays where it was.
func (l *List[T]) OnMissing(unfilter func() bool) { l.unfilter = unfilter }

// Messages of the list's own queries.
type (
	resetMsg[T any] struct {
		l      *List[T]
		gen    int
		total  int
		rows   []T
		start  int  // absolute index of rows[0]
		mem    bool // rows are the whole arranged list
		err    error
		cursor int // for a jump: the entry's index (-1: not found)
	}
	pageMsg[T any] struct {
		l    *List[T]
		gen  int
		up   bool
		rows []T
		err  error
	}
)

// Reload counts the rows again and reads the window around the cursor.
func (l *List[T]) Reload() tea.Cmd {
	if l.source == nil {
		return nil
	}
	src := l.source()
	if src.Count == nil || src.Page == nil {
		return nil
	}
	l.gen++
	l.loading = true
	gen, cursor, h, ctx := l.gen, l.nav.Cursor, l.height, l.ctx()
	if src.Arrange != nil {
		return func() tea.Msg {
			rows, err := src.Page(ctx, Anchor[T]{}, 0)
			if err != nil {
				return resetMsg[T]{l: l, gen: gen, err: err}
			}
			rows = src.Arrange(rows)
			return resetMsg[T]{l: l, gen: gen, total: len(rows), rows: rows, mem: true}
		}
	}
	pending := l.pending
	return func() tea.Msg {
		n, err := src.Count(ctx)
		if err != nil {
			return resetMsg[T]{l: l, gen: gen, err: err}
		}
		if pending != 0 && src.ID != nil {
			rows, start, at, err := walkToID(ctx, src, pending)
			return resetMsg[T]{l: l, gen: gen, total: n, rows: rows, start: start, cursor: at, err: err}
		}
		// Start the window a little before the cursor so it stays in view;
		// a reload after an edit starts near where the clerk was.
		start := max(0, min(cursor, n-1)-h)
		var rows []T
		if start == 0 || n == 0 {
			rows, err = src.Page(ctx, Anchor[T]{}, max(PageSize, h))
		} else {
			rows, start, err = walkTo(ctx, src, start)
		}
		return resetMsg[T]{l: l, gen: gen, total: n, rows: rows, start: start, err: err}
	}
}

// Seed shows a list opened anew from its count and first rows read ahead
// of it (from the first row, at least max(PageSize, height) of them or
// all), as Reload would have read them, without reading.
func (l *List[T]) Seed(total int, rows []T) tea.Cmd {
	l.gen++
	l.loading, l.loaded, l.err, l.mem, l.pending = false, true, nil, false, 0
	l.nav = components.List{}
	l.win.Reset(rows, 0)
	l.total = total
	l.nav.SetLen(total)
	return l.ensure()
}

// ReloadAhead is Reload for a list opened anew whose count and first rows
// are being read ahead of it: its command waits for them (first; ok false
// when they are no longer current) and reads for itself only without them.
func (l *List[T]) ReloadAhead(first func() (total int, rows []T, ok bool)) tea.Cmd {
	if l.source == nil {
		return l.Reload()
	}
	src := l.source()
	if src.Count == nil || src.Page == nil || src.Arrange != nil {
		return l.Reload()
	}
	l.gen++
	l.loading = true
	gen, h, ctx := l.gen, l.height, l.ctx()
	return func() tea.Msg {
		if n, rows, ok := first(); ok {
			return resetMsg[T]{l: l, gen: gen, total: n, rows: rows}
		}
		n, err := src.Count(ctx)
		if err != nil {
			return resetMsg[T]{l: l, gen: gen, err: err}
		}
		rows, err := src.Page(ctx, Anchor[T]{}, max(PageSize, h))
		return resetMsg[T]{l: l, gen: gen, total: n, rows: rows, err: err}
	}
}

// Restart puts the cursor on the first row and reads the list again (after
// a change of filters); the rows of the old filters are dropped at once.
func (l *List[T]) Restart() tea.Cmd {
	l.nav = components.List{}
	l.win = components.Window[T]{}
	l.pending = 0
	return l.Reload()
}

// Show reads the list again and puts the cursor on the entry with id.
func (l *List[T]) Show(id int64) tea.Cmd {
	l.pending = id
	return l.Reload()
}

// Refresh reads the list again after an entry was deleted (id 0) or
// stored again (id: put the cursor on it).
func (l *List[T]) Refresh(id int64) tea.Cmd {
	if id != 0 {
		return l.Show(id)
	}
	return l.Reload()
}

// walkTo reads the rows around absolute index target by keyset steps of
// walkChunk rows and returns them with the index of the first.
func walkTo[T any](ctx context.Context, src Source[T], target int) ([]T, int, error) {
	var after *T
	at := 0
	for {
		rows, err := src.Page(ctx, Anchor[T]{After: after}, walkChunk)
		if err != nil {
			return nil, 0, err
		}
		if len(rows) < walkChunk || at+len(rows) > target {
			from := max(0, min(target-at, len(rows))-MaxBuffer/2)
			to := min(len(rows), from+MaxBuffer)
			return append([]T(nil), rows[from:to]...), at + from, nil
		}
		at += len(rows)
		after = &rows[len(rows)-1]
	}
}

// walkToID walks the list by keyset steps to the entry with id and returns
// the rows around it, the index of the first and the entry's index. When
// the entry is not in the list it returns the first page and index -1.
func walkToID[T any](ctx context.Context, src Source[T], id int64) (rows []T, start, cursor int, err error) {
	var after *T
	at := 0
	for {
		rows, err := src.Page(ctx, Anchor[T]{After: after}, walkChunk)
		if err != nil {
			return nil, 0, -1, err
		}
		for j := range rows {
			if src.ID(&rows[j]) == id {
				from := max(0, j-MaxBuffer/2)
				to := min(len(rows), from+MaxBuffer)
				return append([]T(nil), rows[from:to]...), at + from, at + j, nil
			}
		}
		if len(rows) < walkChunk {
			first, err := src.Page(ctx, Anchor[T]{}, PageSize)
			return first, 0, -1, err
		}
		at += len(rows)
		after = &rows[len(rows)-1]
	}
}

// Update takes the replies of the list's queries; handled is false for
// every other message.
func (l *List[T]) Update(msg tea.Msg) (handled bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case resetMsg[T]:
		if msg.l != l || msg.gen != l.gen {
			return msg.l == l, nil
		}
		l.loading, l.loaded = false, true
		if l.err = msg.err; msg.err != nil {
			return true, nil
		}
		l.mem = msg.mem
		l.win.Reset(msg.rows, msg.start)
		l.total = msg.total
		l.nav.SetLen(l.total)
		if id := l.pending; id != 0 && !l.showPending(msg) && l.unfilter != nil && l.unfilter() {
			return true, l.Show(id)
		}
		return true, l.ensure()
	case pageMsg[T]:
		if msg.l != l || msg.gen != l.gen {
			return msg.l == l, nil
		}
		l.loading = false
		if l.err = msg.err; msg.err != nil {
			return true, nil
		}
		if !l.win.Add(msg.rows, msg.up) {
			return true, l.Reload() // the list changed under us: start again
		}
		l.win.Trim(l.nav.Cursor, MaxBuffer, PageSize)
		return true, l.ensure()
	}
	return false, nil
}

// showPending puts the cursor on the entry a jump asked for and reports
// whether the list holds it.
func (l *List[T]) showPending(msg resetMsg[T]) bool {
	id := l.pending
	l.pending = 0
	if !msg.mem {
		if msg.cursor >= 0 {
			l.nav.Cursor = msg.cursor
		}
		return msg.cursor >= 0
	}
	src := l.source()
	for i := range l.win.Rows {
		if src.ID != nil && src.ID(&l.win.Rows[i]) == id {
			l.nav.Cursor = i
			return true
		}
	}
	return false
}

// ensure reads the rows the visible part needs, one keyset page at a time.
func (l *List[T]) ensure() tea.Cmd {
	if l.loading || l.mem || l.total == 0 || l.source == nil {
		return nil
	}
	from, to := l.nav.Visible(l.height)
	src, ctx, gen, total := l.source(), l.ctx(), l.gen, l.total
	page := func(at Anchor[T], limit int, up bool) tea.Cmd {
		l.loading = true
		return func() tea.Msg {
			rows, err := src.Page(ctx, at, limit)
			return pageMsg[T]{l: l, gen: gen, up: up, rows: rows, err: err}
		}
	}
	reset := func(last bool) tea.Cmd {
		l.loading = true
		limit := max(PageSize, l.height)
		return func() tea.Msg {
			rows, err := src.Page(ctx, Anchor[T]{Last: last}, limit)
			start := 0
			if last {
				start = total - len(rows)
			}
			return resetMsg[T]{l: l, gen: gen, total: total, rows: rows, start: start, err: err, cursor: -1}
		}
	}
	switch {
	case len(l.win.Rows) == 0:
		return reset(false)
	case to > l.win.End() && l.win.End() < total:
		if from >= total-PageSize && from > l.win.End() {
			return reset(true) // a jump to the end: one page from there
		}
		// Down: the rows after the window (a long jump reads the gap once;
		// Trim then keeps only the rows around the cursor).
		last := l.win.Rows[len(l.win.Rows)-1]
		return page(Anchor[T]{After: &last}, max(PageSize, to-l.win.End()), false)
	case from < l.win.Start:
		if to <= PageSize && to < l.win.Start {
			return reset(false) // a jump to the start
		}
		first := l.win.Rows[0]
		return page(Anchor[T]{Before: &first}, max(PageSize, l.win.Start-from), true)
	}
	return nil
}
