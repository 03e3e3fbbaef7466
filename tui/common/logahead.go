package common

import (
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
)

// The request log is what a clerk opens first in a year, and it reads its
// count and first page from the database when it opens: at 50,000 entries
// that is 10–15 ms, so its rows were drawn a frame after the key. The app
// reads them ahead while the outline is drawn (ReadLogAhead), and the log
// takes them when it opens with the same query (TakeLogAhead): at once when
// the read has ended, else when it ends, instead of reading beside it; if
// anything was saved since the read began, it reads them as before.

// LogAhead is one read ahead: its query, the store's write count before
// it began, and what it read once done is closed.
type LogAhead struct {
	query  desk.RequestQuery
	limit  int
	st     Desk
	writes uint64
	done   chan struct{}
	total  int
	rows   []model.Request
	err    error
}

// ReadLogAhead starts reading the count and the first limit rows of query
// q, for the request log of the year being opened; it replaces any earlier
// read ahead. Its command returns no message.
func (c *Common) ReadLogAhead(q desk.RequestQuery, limit int) tea.Cmd {
	if c.Store == nil {
		return nil
	}
	a := &LogAhead{query: q, limit: limit, st: c.Store, done: make(chan struct{})}
	c.logAhead = a
	ctx := c.Context()
	return func() tea.Msg {
		defer close(a.done)
		a.writes = a.st.Writes()
		if a.total, a.err = a.st.CountRequests(ctx, q); a.err != nil {
			return nil
		}
		page := q
		page.Limit = limit
		a.rows, a.err = a.st.RequestPage(ctx, page)
		return nil
	}
}

// DropLogAhead forgets the read ahead (another year is opened).
func (c *Common) DropLogAhead() { c.logAhead = nil }

// TakeLogAhead returns the read ahead of query q with at least limit rows
// (or the whole list), nil when there is none; it is taken once.
func (c *Common) TakeLogAhead(q desk.RequestQuery, limit int) *LogAhead {
	a := c.logAhead
	c.logAhead = nil
	if a == nil || a.query != q || a.limit < limit {
		return nil
	}
	return a
}

// Ready reports whether the read has ended.
func (a *LogAhead) Ready() bool {
	select {
	case <-a.done:
		return true
	default:
		return false
	}
}

// Result waits for the read and returns what it read, ok when it read
// without error and no write was committed since it began (what it read
// is still what the database holds).
func (a *LogAhead) Result() (total int, rows []model.Request, ok bool) {
	<-a.done
	if a.err != nil || a.st.Writes() != a.writes {
		return 0, nil, false
	}
	return a.total, a.rows, true
}
