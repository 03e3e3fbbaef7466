package tui

import (
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
)

// Saves to the cases, the measures and the register of 主动公开信息 update
// the open year's snapshot without reloading it: the app reads the list
// that was written back off the Update loop (desk.Store.ReadParts) and
// makes the next snapshot with it (desk.Year.WithParts). As with the log
// (logupdate.go), one read runs at a time and lists saved while it runs
// are read again after it, so an older read never overwrites a newer
// state.
type partReads struct {
	running bool
	queued  desk.Parts
}

// partsReadMsg carries the lists read back for the snapshot.
type partsReadMsg struct {
	seq int
	u   *desk.PartsUpdate
	err error
}

// readParts reads the lists kinds back, or queues them behind a read that
// is running.
func (a *App) readParts(kinds desk.Parts) tea.Cmd {
	if a.parts.running {
		a.parts.queued |= kinds
		return nil
	}
	a.parts.running = true
	ctx, st, seq, y := a.c.Context(), a.c.Store, a.loadSeq, a.c.Snap
	return func() tea.Msg {
		u, err := st.ReadParts(ctx, y, kinds)
		return partsReadMsg{seq: seq, u: u, err: err}
	}
}

// applyParts makes the snapshot with the lists read back and hands it to
// the screens; a failed read loads the whole year instead.
func (a *App) applyParts(msg partsReadMsg) tea.Cmd {
	a.parts.running = false
	queued := a.parts.queued
	a.parts.queued = 0
	if msg.seq != a.loadSeq || a.c.Snap == nil || a.loading {
		return nil // another year is open, or a whole load holds the saves
	}
	if msg.err != nil {
		a.loading = true
		return a.loadCmd(a.c.Organ.ID, a.c.Year)
	}
	if !msg.u.For(a.c.Snap) {
		// The year was loaded again while the lists were read: read them
		// again for the new load.
		return a.readParts(msg.u.Kinds() | queued)
	}
	a.c.SetYear(a.c.Snap.WithParts(msg.u))
	cmd := a.handOn()
	if queued != 0 {
		return tea.Batch(cmd, a.readParts(queued))
	}
	return cmd
}
