package entrylist

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/dialog"
	"nianbao/tui/entrysave"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// FormSpec describes the form of one kind of entry. The fields themselves
// are built by the entry's package; the form saves the entry each time the
// cursor leaves a changed field (a choice at once), one save at a time in
// the order they were started (entrysave), and on Esc goes back to the list
// with the cursor on the entry once its saves are through.
type FormSpec[T any] struct {
	Kind    string // model.EntryCase, model.EntryMeasure …
	Section string // the outline entry of the list: common.SecCases …
	// Part is the part of the organ-year the entry is: the app reads it
	// back after each save (common.ReloadParts).
	Part desk.Parts
	// NewTitle and EditTitle head the form of a new and a stored entry;
	NewTitle, EditTitle string
	ID                  func(x *T) int64
	SetID               func(x *T, id int64)
	// Apply copies the fields into the entry, writing parsed values back
	// to their inputs in their normal form.
	Apply func(form *components.Form, x *T)
	// Committed is the stored text of the text field key.
	Committed func(x *T, key string) string
	// Unready, when set, says why a new entry is not stored yet ("" when
	// it may be).
	Unready func(x *T) string
	Save    func(ctx context.Context, st common.Desk, x *T) error
}

// Form adds or edits one entry.
type Form[T any] struct {
	c     *common.Common
	spec  *FormSpec[T]
	x     T
	form  *components.Form
	saver *entrysave.Saver
	msg   string
	warn  bool // msg is a note (Unready), not a failed save
}

// NewForm opens a form on entry x (a copy) with the given fields.
func NewForm[T any](c *common.Common, spec *FormSpec[T], x T, form *components.Form) *Form[T] {
	return &Form[T]{c: c, spec: spec, x: x, form: form, saver: entrysave.New(spec.ID(&x))}
}

// FormStyles are the styles of an entry form's fields.
func FormStyles(c *common.Common) components.FormStyles {
	return components.FormStyles{Label: c.Styles.Label, Focus: c.Styles.Focused, Error: c.Styles.Error, Muted: c.Styles.Muted}
}

// Entry is the entry as last saved.
func (f *Form[T]) Entry() T { return f.x }

// Title implements common.Screen.
func (f *Form[T]) Title() string {
	if f.spec.ID(&f.x) == 0 {
		return f.spec.NewTitle
	}
	return f.spec.EditTitle
}

// Init implements common.Screen.
func (f *Form[T]) Init() tea.Cmd { return nil }

// Cursor implements common.Screen.
func (f *Form[T]) Cursor() *tea.Cursor {
	x, y := f.form.CursorXY()
	if x < 0 {
		return nil
	}
	return tea.NewCursor(x, y+2)
}

// Typing implements common.Typing.
func (f *Form[T]) Typing() bool { return f.form.Current().Input != nil }

// Dirty implements common.Editing: a save is running, or the focused
// field holds text that is not stored.
func (f *Form[T]) Dirty() bool {
	cur := f.form.Current()
	return f.saver.Pending() || f.form.Invalid() >= 0 || cur.Input != nil && strings.TrimSpace(cur.Value()) != f.spec.Committed(&f.x, cur.Key)
}

// KeyMap implements common.Screen.
func (f *Form[T]) KeyMap() help.KeyMap {
	return keys.Map{Short: []key.Binding{keys.Global.Next, keys.Global.Prev, keys.Choose, keys.Global.Save, keys.Global.Back}}
}

type savedMsg[T any] struct {
	form    *Form[T]
	id      int64
	skipped bool
	err     error
}

// save stores a snapshot of the entry off the Update loop.
func (f *Form[T]) save() tea.Cmd {
	f.spec.Apply(f.form, &f.x)
	if f.spec.Unready != nil && f.spec.ID(&f.x) == 0 {
		if why := f.spec.Unready(&f.x); why != "" {
			f.msg, f.warn = why, true
			return nil
		}
	}
	seq, saver, spec := f.saver.Next(), f.saver, f.spec
	x := f.x
	ctx, st := f.c.Context(), f.c.Store
	return f.c.Track(func() tea.Msg {
		skipped, err := saver.Do(seq, func(id int64) (int64, error) {
			if spec.ID(&x) == 0 {
				spec.SetID(&x, id)
			}
			err := spec.Save(ctx, st, &x)
			return spec.ID(&x), err
		})
		return savedMsg[T]{form: f, id: spec.ID(&x), skipped: skipped, err: err}
	})
}

// Update implements common.Screen.
func (f *Form[T]) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.form.SetSize(msg.Width, max(1, msg.Height-2)) // under the title and the note line
		return f, nil
	case doneMsg[T]:
		if msg.form == f {
			return f, f.closeCmd()
		}
		return f, nil
	case savedMsg[T]:
		if msg.form != f {
			return f, nil
		}
		if msg.err != nil {
			f.msg, f.warn = common.SaveFailedText(msg.err), false
			return f, common.SaveFailed(msg.err)
		}
		if msg.skipped {
			return f, nil
		}
		f.spec.SetID(&f.x, msg.id)
		return f, tea.Batch(f.c.Saved(), common.ReloadParts(f.spec.Part))
	case dialog.LeaveMsg:
		if msg.Owner != f {
			return f, nil
		}
		leave, note := dialog.Settle(f.form, msg.Answer)
		if note != "" {
			f.msg, f.warn = note, false
		}
		if leave {
			return f, f.done
		}
		return f, nil
	case tea.KeyPressMsg:
		f.msg = ""
		switch {
		case key.Matches(msg, keys.Global.Back):
			var cmd tea.Cmd
			if ev := f.form.Leave(); ev.Changed != nil {
				cmd = f.save()
			}
			if f.form.Invalid() >= 0 {
				// Never a silent loss: ask about the refused value.
				return f, tea.Batch(cmd, dialog.AskLeave(f.c, f))
			}
			if cmd != nil {
				return f, tea.Sequence(cmd, f.done)
			}
			return f, f.done
		case key.Matches(msg, keys.Global.Save):
			if ev := f.form.Leave(); ev.Refused {
				return f, nil
			}
			return f, f.save()
		}
		if ev := f.form.Update(msg); ev.Changed != nil {
			return f, f.save()
		}
	case tea.PasteMsg:
		f.form.Update(msg)
	case common.BlurMsg:
		// The program ends under the form (the terminal closed): the field
		// being typed is kept when valid, as leaving it would.
		if ev := f.form.Leave(); ev.Changed != nil {
			return f, f.save()
		}
	}
	return f, nil
}

// doneMsg closes the form once the saves started before it are through.
type doneMsg[T any] struct{ form *Form[T] }

func (f *Form[T]) done() tea.Msg { return doneMsg[T]{form: f} }

// closeCmd goes back to the list with the cursor on the entry when it is
// stored, else simply back.
func (f *Form[T]) closeCmd() tea.Cmd {
	id := f.spec.ID(&f.x)
	if id == 0 {
		return func() tea.Msg { return common.BackMsg{} }
	}
	ref := model.EntryRef{Kind: f.spec.Kind, ID: id}
	return func() tea.Msg { return common.GoToMsg{Section: f.spec.Section, Entry: ref} }
}

// View implements common.Screen.
func (f *Form[T]) View(width, height int) string {
	st := f.c.Styles
	line := st.Muted.Render(text.FormAutosave + " · " + components.KeyHints(f.KeyMap().ShortHelp(), key.Binding{}, width-components.StringWidth(text.FormAutosave)-3))
	switch {
	case f.msg != "" && f.warn:
		line = st.Warning.Render(f.msg)
	case f.msg != "":
		line = st.Error.Render(f.msg)
	}
	head := st.Heading.Render(f.Title()) + "\n" + components.Fit(line, width)
	return components.Block(head+"\n"+f.form.View(width, max(1, height-2)), width, height)
}
