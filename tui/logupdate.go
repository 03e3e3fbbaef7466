package tui

import (
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/tui/common"
)

// Saves to the request log update the open year's snapshot without
// reloading it: the app reads the saved entries back off the Update loop
// (desk.Store.ReadLogUpdate) and makes the next snapshot from them
// (desk.Year.WithLog). One read runs at a time; entries saved while it
// runs wait for the next, which starts after their save committed, so an
// older read never overwrites a newer state.
type logReads struct {
	running bool
	queued  []int64
	// behind: the screens under the top one have not seen the latest
	// snapshot. Only the top screen is drawn, so the others get it when
	// they are on top again (catchUp): the request log under the form
	// would otherwise read its page again on every saved field.
	behind bool
}

// logReadMsg carries the entries read back for the snapshot.
type logReadMsg struct {
	seq int
	u   *desk.LogUpdate
	err error
}

// readLog reads the entries ids back, or queues them behind a read that is
// running.
func (a *App) readLog(ids []int64) tea.Cmd {
	if a.logs.running {
		a.logs.queued = append(a.logs.queued, ids...)
		return nil
	}
	a.logs.running = true
	ctx, st, seq, y := a.c.Context(), a.c.Store, a.loadSeq, a.c.Snap
	return func() tea.Msg {
		u, err := st.ReadLogUpdate(ctx, y, ids)
		return logReadMsg{seq: seq, u: u, err: err}
	}
}

// applyLog makes the snapshot with the entries read back and hands it to
// every screen; a failed read loads the whole year instead.
func (a *App) applyLog(msg logReadMsg) tea.Cmd {
	a.logs.running = false
	queued := a.logs.queued
	a.logs.queued = nil
	if msg.seq != a.loadSeq || a.c.Snap == nil {
		return nil // another year is open (or none)
	}
	if a.loading {
		// A whole load runs; it started after these saves and holds them.
		return nil
	}
	if msg.err != nil {
		a.loading = true
		return a.loadCmd(a.c.Organ.ID, a.c.Year)
	}
	if !msg.u.For(a.c.Snap) {
		// The year was loaded again while the entries were read: read
		// them again for the new load.
		return a.readLog(append(msg.u.IDs(), queued...))
	}
	a.c.SetYear(a.c.Snap.WithLog(msg.u))
	cmd := a.handOn()
	if len(queued) > 0 {
		return tea.Batch(cmd, a.readLog(queued))
	}
	return cmd
}

// handOn hands the snapshot made after a save to the top screen, and to
// the others when they are on top again (catchUp).
func (a *App) handOn() tea.Cmd {
	msg := common.OrganYearMsg{OY: a.c.OrganYear()}
	n := len(a.stack)
	if n <= 1 {
		return a.broadcast(msg)
	}
	a.logs.behind = true
	var cmd tea.Cmd
	a.stack[n-1], cmd = a.stack[n-1].Update(msg)
	return cmd
}

// catchUp hands the open year to the screens that missed a snapshot while
// they were under another one; the app calls it when the stack shrinks.
func (a *App) catchUp() tea.Cmd {
	if !a.logs.behind {
		return nil
	}
	a.logs.behind = false
	if a.c.OrganYear() == nil {
		return nil
	}
	return a.broadcast(common.OrganYearMsg{OY: a.c.OrganYear()})
}
