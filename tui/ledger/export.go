// Package ledger holds the screens that take the request log out to an
// Excel workbook (with the applicants' personal data, after a warning) and
// bring an office's own Excel or CSV ledger in.
package ledger

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// Export is 台账导出（含个人信息）: the warning, the folder, Enter writes.
type Export struct {
	c      *common.Common
	dir    *components.Input
	busy   bool
	note   string
	failed bool
	keys   struct{ Run, Back key.Binding }
}

type exportedMsg struct {
	fr  desk.FileResult
	n   int
	err error
}

// NewExport builds the screen for the open organ-year.
func NewExport(c *common.Common) common.Screen {
	e := &Export{c: c, dir: components.NewInput()}
	e.dir.Clean = model.CleanLine
	e.dir.Focus()
	e.keys.Run = keys.Bind(text.ReqKeyLedgerOut, "enter")
	e.keys.Back = keys.Bind(text.KeyBack, "esc")
	return e
}

func (e *Export) Init() tea.Cmd       { return nil }
func (e *Export) Title() string       { return text.LedOutTitle }
func (e *Export) Typing() bool        { return true }
func (e *Export) KeyMap() help.KeyMap { return keys.Map{Short: []key.Binding{e.keys.Run, e.keys.Back}} }

// Update implements common.Screen.
func (e *Export) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case exportedMsg:
		e.busy = false
		if msg.err != nil {
			e.note, e.failed = fmt.Sprintf(text.LedOutFailed, msg.err.Error()), true
			return e, nil
		}
		e.note, e.failed = fmt.Sprintf(text.LedOutDone, msg.n, msg.fr.Path), false
		return e, nil
	case tea.PasteMsg:
		e.dir.Update(msg)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, e.keys.Back):
			return e, func() tea.Msg { return common.BackMsg{} }
		case key.Matches(msg, e.keys.Run):
			if e.busy {
				return e, nil
			}
			dir := components.CleanPath(e.dir.Value())
			if strings.TrimSpace(dir) == "" {
				e.note, e.failed = fmt.Sprintf(text.LedOutFailed, text.LedOutDir), true
				return e, nil
			}
			e.busy, e.note = true, ""
			ctx, st, organ, year := e.c.Context(), e.c.Store, e.c.Organ, e.c.Year
			return e, e.c.Track(func() tea.Msg {
				fr, n, err := st.ExportLedger(ctx, organ, year, dir)
				return exportedMsg{fr: fr, n: n, err: err}
			})
		}
		if e.dir.Update(msg) {
			e.note = ""
		}
	}
	return e, nil
}

// View implements common.Screen.
func (e *Export) View(width, height int) string {
	st := e.c.Styles
	lw := components.StringWidth(text.LedOutDir)
	lines := []string{st.Title.Render(components.Fit(text.LedOutTitle, width)),
		st.Label.Render(text.LedOutDir) + e.dir.View(max(4, width-lw))}
	for _, l := range components.Wrap(text.LetDirHint, width) {
		lines = append(lines, st.Muted.Render(l))
	}
	lines = append(lines, "")
	for _, l := range components.Wrap(text.LedOutWarning, width) {
		lines = append(lines, st.Warning.Render(l))
	}
	lines = append(lines, st.Muted.Render(components.KeyHints(e.KeyMap().ShortHelp(), key.Binding{}, width)))
	if e.note != "" {
		for _, l := range components.Wrap(e.note, width) {
			if e.failed {
				lines = append(lines, st.Error.Render(l))
			} else {
				lines = append(lines, st.OK.Render(l))
			}
		}
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

// Cursor implements common.Screen: in the folder input.
func (e *Export) Cursor() *tea.Cursor {
	return tea.NewCursor(components.StringWidth(text.LedOutDir)+e.dir.CursorX(), 1)
}
