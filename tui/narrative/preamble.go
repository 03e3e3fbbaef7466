package narrative

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

type preambleSaveMsg struct{ seq int }

// Preamble edits the clerk's own preamble paragraph (Preamble.Text); while
// it is empty the generated one is printed and shown below for reference.
type Preamble struct {
	c     *common.Common
	ed    *components.Editor
	dirty bool
	seq   int
	curX  int
	curY  int
	keys  preambleKeys
	// width and height are the screen's size (tea.WindowSizeMsg).
	width, height int
}

// preambleKeys are the preamble editor's keys.
type preambleKeys struct{ Insert, Save, Done key.Binding }

// NewPreamble opens the preamble of the open report.
func NewPreamble(c *common.Common) *Preamble {
	p := &Preamble{c: c, ed: components.NewEditor()}
	p.ed.Clean = model.CleanText
	p.ed.SetValue(c.Report().Preamble.Text)
	p.keys = preambleKeys{
		Insert: keys.Bind(text.PreambleKeyInsert, "ctrl+g"),
		Save:   keys.Global.Save,
		Done:   keys.Bind(text.NarrKeyDone, "esc"),
	}
	return p
}

// Init implements common.Screen.
func (p *Preamble) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (p *Preamble) Title() string { return text.PreambleTitle }

// KeyMap implements common.Screen.
func (p *Preamble) KeyMap() help.KeyMap {
	k := p.keys
	return keys.Map{Short: []key.Binding{k.Done, k.Insert, k.Save}}
}

// Typing implements common.Typing.
func (p *Preamble) Typing() bool { return true }

// Dirty implements common.Editing.
func (p *Preamble) Dirty() bool { return p.dirty }

func (p *Preamble) save() tea.Cmd {
	if !p.dirty {
		return nil
	}
	p.dirty = false
	t := strings.TrimSpace(p.ed.Value())
	cp := *p.c.Report()
	cp.Preamble.Text = t
	p.c.Edit(func(oy *model.OrganYear) { oy.Report.Preamble.Text = t })
	return p.c.Save(func(ctx context.Context, st common.Desk) error { return st.SaveReportMeta(ctx, &cp) })
}

// Update implements common.Screen: the editor's keys, then its scroll and
// the cursor settled for the screen's size, so that View only draws.
func (p *Preamble) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if sz, ok := msg.(tea.WindowSizeMsg); ok {
		p.width, p.height = sz.Width, sz.Height
	}
	s, cmd := p.update(msg)
	w, h := p.width, p.height
	if w <= 0 {
		w, h = 80, 22 // not yet told its size: the smallest terminal
	}
	p.ed.Scroll(w, p.editorHeight(h))
	p.curX, p.curY = p.ed.CursorXY()
	p.curY++ // under the heading
	return s, cmd
}

// editorHeight is the editor's height on a screen of height lines: half
// of it, a third while the generated preamble is shown below.
func (p *Preamble) editorHeight(height int) int {
	if strings.TrimSpace(p.ed.Value()) == "" {
		return max(3, height/3)
	}
	return max(3, height/2)
}

func (p *Preamble) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case preambleSaveMsg:
		if msg.seq == p.seq {
			return p, p.save()
		}
	case tea.PasteMsg:
		p.ed.Update(msg)
		p.dirty = true
		return p, p.tick()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.keys.Done):
			return p, tea.Sequence(p.save(), func() tea.Msg { return common.BackMsg{} })
		case key.Matches(msg, p.keys.Save):
			p.dirty = true
			return p, p.save()
		case key.Matches(msg, p.keys.Insert):
			oy := *p.c.OrganYear()
			r := *p.c.Report()
			r.Preamble.Text = ""
			oy.Report = &r
			p.ed.Insert(model.PreambleText(&oy))
			p.dirty = true
			return p, p.save()
		}
		if p.ed.Update(msg) {
			p.dirty = true
			return p, p.tick()
		}
	}
	return p, nil
}

func (p *Preamble) tick() tea.Cmd {
	p.seq++
	seq := p.seq
	return tea.Tick(AutosaveDelay, func(time.Time) tea.Msg { return preambleSaveMsg{seq} })
}

// View implements common.Screen.
func (p *Preamble) View(width, height int) string {
	st := p.c.Styles
	lines := []string{st.Heading.Render(text.PreambleTitle) + "  " + st.Muted.Render(
		fmt.Sprintf(text.NarrChars, p.ed.Len()))}
	lines = append(lines, p.ed.Draw(width, p.editorHeight(height)))
	if strings.TrimSpace(p.ed.Value()) == "" && p.c.OrganYear() != nil {
		lines = append(lines, "", st.Label.Render(text.PreambleGenerated))
		for _, l := range components.Wrap(model.PreambleText(p.c.OrganYear()), width) {
			lines = append(lines, st.Muted.Render(l))
		}
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

// Cursor implements common.Screen.
func (p *Preamble) Cursor() *tea.Cursor {
	c := tea.NewCursor(p.curX, p.curY)
	c.Shape = tea.CursorBar
	return c
}
