package tui

import (
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
)

// Saves to the cases, the measures, the register of 主动公开信息 and the
// report update the open year's snapshot without reloading it: the app
// reads the part that was written back off the Update loop
// (desk.Store.ReadParts) and makes the next snapshot with it
// (desk.Year.WithParts). As with the log (logupdate.go), one read runs at
// a time and parts saved while it runs are read again after it, so an
// older read never overwrites a newer state.
type partReads struct {
	running bool
	queued  *desk.PartsRead
}

// partsReadMsg carries the parts read back for the snapshot.
type partsReadMsg struct {
	seq int
	u   *desk.PartsUpdate
	err error
}

// readParts reads the parts rd names back, or queues them behind a read
// that is running.
func (a *App) readParts(rd desk.PartsRead) tea.Cmd {
	if a.parts.running {
		if q := a.parts.queued; q != nil {
			rd = q.Merge(rd)
		}
		a.parts.queued = &rd
		return nil
	}
	a.parts.running = true
	ctx, st, seq, y := a.c.Context(), a.c.Store, a.loadSeq, a.c.Snap
	return func() tea.Msg {
		u, err := st.ReadParts(ctx, y, rd)
		return partsReadMsg{seq: seq, u: u, err: err}
	}
}

// applyParts makes the snapshot with the parts read back and hands it to
// the screens; a failed read loads the whole year instead.
func (a *App) applyParts(msg partsReadMsg) tea.Cmd {
	a.parts.running = false
	queued := a.parts.queued
	a.parts.queued = nil
	if msg.seq != a.loadSeq || a.c.Snap == nil || a.loading {
		return nil // another year is open, or a whole load holds the saves
	}
	if msg.err != nil {
		a.loading = true
		return a.loadCmd(a.c.Organ.ID, a.c.Year)
	}
	if !msg.u.For(a.c.Snap) {
		// The year was loaded again while the parts were read: read them
		// again for the new load.
		rd := msg.u.Read()
		if queued != nil {
			rd = rd.Merge(*queued)
		}
		return a.readParts(rd)
	}
	a.c.SetYear(a.c.Snap.WithParts(msg.u))
	cmd := a.handOn()
	if queued != nil {
		return tea.Batch(cmd, a.readParts(*queued))
	}
	return cmd
}
