// Package entrydelete deletes one entry of a list (a request, an item, a
// case, a measure) after asking, and brings the last deleted entry back on
// undo. Both writes are tracked, so quitting waits for them; the list
// screen learns from Update what happened and reads its rows again.
package entrydelete

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"nianbao/tui/common"
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// Spec says how entries of one kind are named, deleted and restored.
type Spec[T any] struct {
	ID func(x *T) int64
	// Name names an entry in the question; Deleted is the note shown
	// after deleting it.
	Name    func(x *T) string
	Deleted func(x *T) string
	// Delete removes an entry and returns it as it was; Restore stores a
	// deleted entry again and returns it with its id.
	Delete  func(ctx context.Context, st common.Desk, id int64) (T, error)
	Restore func(ctx context.Context, st common.Desk, x T) (T, error)
	// Reload tells the app which entry changed (nil: common.Reload, the
	// whole year is read again).
	Reload func(x *T) tea.Cmd
	// Changed, when set, has the list read its rows again after a delete
	// (restored 0) or an undo (restored: the id brought back).
	Changed func(restored int64) tea.Cmd
}

// Bin is the delete question and the last deleted entry of one list.
type Bin[T any] struct {
	c     *common.Common
	spec  Spec[T]
	asked T  // the entry the open question is about
	last  *T // the last entry deleted, for undo
}

// New makes the bin of a list.
func New[T any](c *common.Common, spec Spec[T]) *Bin[T] { return &Bin[T]{c: c, spec: spec} }

type (
	yesMsg[T any]  struct{ b *Bin[T] }
	doneMsg[T any] struct {
		b       *Bin[T]
		x       T
		err     error
		restore bool
	}
)

// Ask asks whether to delete x; yes deletes it.
func (b *Bin[T]) Ask(x T) tea.Cmd {
	b.asked = x
	return dialog.Delete(b.c, b.spec.Name(&x), yesMsg[T]{b})
}

// Undo stores the last deleted entry again; with none, it returns no
// command and the note that says so.
func (b *Bin[T]) Undo() (tea.Cmd, string) {
	if b.last == nil {
		return nil, text.UndoNothing
	}
	x, ctx, st, restore := *b.last, b.c.Context(), b.c.Store, b.spec.Restore
	return b.c.Track(func() tea.Msg {
		x, err := restore(ctx, st, x)
		return doneMsg[T]{b: b, x: x, err: err, restore: true}
	}), ""
}

// Event is what a message did: an entry was deleted or restored (with the
// note to show), nothing else happened when both are false.
type Event struct {
	Deleted  bool
	Restored int64 // the id of the entry brought back
	Note     string
}

// Update takes the yes answer and the replies of the writes; handled is
// false for every other message. After a write cmd reports it saved (or
// failed) and asks the app to take the change into the year (Spec.Reload).
func (b *Bin[T]) Update(msg tea.Msg) (handled bool, ev Event, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case yesMsg[T]:
		if msg.b != b {
			return false, ev, nil
		}
		id, ctx, st, del := b.spec.ID(&b.asked), b.c.Context(), b.c.Store, b.spec.Delete
		return true, ev, b.c.Track(func() tea.Msg {
			x, err := del(ctx, st, id)
			return doneMsg[T]{b: b, x: x, err: err}
		})
	case doneMsg[T]:
		if msg.b != b {
			return false, ev, nil
		}
		if msg.err != nil {
			return true, ev, common.SaveFailed(msg.err)
		}
		x := msg.x
		if msg.restore {
			b.last = nil
			ev.Restored, ev.Note = b.spec.ID(&x), text.UndoDone
		} else {
			b.last = &x
			ev.Deleted, ev.Note = true, b.spec.Deleted(&x)+fmt.Sprintf(text.UndoHint, keys.Key(keys.Global.Undo))
		}
		reload := tea.Cmd(common.Reload)
		if b.spec.Reload != nil {
			reload = b.spec.Reload(&x)
		}
		var changed tea.Cmd
		if b.spec.Changed != nil {
			changed = b.spec.Changed(ev.Restored)
		}
		return true, ev, tea.Batch(changed, b.c.Saved(), reload)
	}
	return false, ev, nil
}
