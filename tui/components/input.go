// Package components holds the widgets the workstation screens share: a
// single-line input and a multi-line editor that place the real cursor by
// display width, a form of labelled fields, a confirm dialog and a list that
// draws only its visible rows.
package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/termsafe"
	"nianbao/tui/keys"
)

// Input is a one-line text input that measures by display width: a Chinese
// character takes two cells, so the cursor after 「政府信息公开」 sits at
// column 12, not 6. (bubbles' textinput counts runes; see bubbles #906.)
type Input struct {
	value  []rune
	pos    int // cursor as a rune index into value
	offset int // first visible rune
	// CharLimit, when > 0, caps the number of runes.
	CharLimit int
	// Placeholder is shown, muted, when the input is empty.
	Placeholder string
	// Clean, when set, filters typed and pasted text (model.CleanLine).
	Clean   func(string) string
	focused bool
}

// NewInput returns an empty input.
func NewInput() *Input { return &Input{} }

// SetValue replaces the text and puts the cursor at its end.
func (in *Input) SetValue(s string) {
	s = strings.ReplaceAll(s, "\n", " ")
	in.value = []rune(s)
	in.pos = len(in.value)
	in.offset = 0
}

// Value returns the text.
func (in *Input) Value() string { return string(in.value) }

// Focus and Blur switch the input's cursor on and off.
func (in *Input) Focus()        { in.focused = true }
func (in *Input) Blur()         { in.focused = false }
func (in *Input) Focused() bool { return in.focused }
func (in *Input) Position() int { return in.pos }
func (in *Input) SetPosition(p int) {
	in.pos = max(0, min(p, len(in.value)))
}

// Insert puts text at the cursor.
func (in *Input) Insert(s string) {
	if in.Clean != nil {
		s = in.Clean(s)
	}
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
	rs := []rune(s)
	if in.CharLimit > 0 && len(in.value)+len(rs) > in.CharLimit {
		rs = rs[:max(0, in.CharLimit-len(in.value))]
	}
	if len(rs) == 0 {
		return
	}
	v := make([]rune, 0, len(in.value)+len(rs))
	v = append(v, in.value[:in.pos]...)
	v = append(v, rs...)
	v = append(v, in.value[in.pos:]...)
	in.value = v
	in.pos += len(rs)
}

// Update handles editing keys and pastes. It reports whether the message
// was consumed; keys it does not know (tab, enter, esc, arrows up/down) are
// left to the caller.
func (in *Input) Update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in.Insert(msg.Content)
		return true
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, keys.Edit.Left):
			if in.pos > 0 {
				in.pos--
			}
		case key.Matches(msg, keys.Edit.Right):
			if in.pos < len(in.value) {
				in.pos++
			}
		case key.Matches(msg, keys.Edit.Home):
			in.pos = 0
		case key.Matches(msg, keys.Edit.End):
			in.pos = len(in.value)
		case key.Matches(msg, keys.Edit.Backspace):
			if in.pos > 0 {
				in.value = append(in.value[:in.pos-1], in.value[in.pos:]...)
				in.pos--
			}
		case key.Matches(msg, keys.Edit.Delete):
			if in.pos < len(in.value) {
				in.value = append(in.value[:in.pos], in.value[in.pos+1:]...)
			}
		case key.Matches(msg, keys.Edit.KillEnd):
			in.value = in.value[:in.pos]
		case key.Matches(msg, keys.Global.Wipe):
			in.value = in.value[in.pos:]
			in.pos = 0
		case key.Matches(msg, keys.Edit.KillWord):
			start := in.pos
			for start > 0 && in.value[start-1] == ' ' {
				start--
			}
			for start > 0 && in.value[start-1] != ' ' {
				start--
			}
			in.value = append(in.value[:start], in.value[in.pos:]...)
			in.pos = start
		default:
			if IsText(msg) {
				in.Insert(msg.Text)
				return true
			}
			return false
		}
		return true
	}
	return false
}

// IsText reports whether a key press types text (not a control or alt chord).
func IsText(k tea.KeyPressMsg) bool {
	return k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper|tea.ModHyper|tea.ModMeta) == 0
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// drawText is the text of rs as drawn: undrawable runes left out, a pair of
// regional indicators kept as a flag, a lone one shown as "?" (one cell).
func drawText(rs []rune) string {
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case !termsafe.Drawn(r):
		case isRegional(r) && i+1 < len(rs) && isRegional(rs[i+1]):
			b.WriteRune(r)
			b.WriteRune(rs[i+1])
			i++
		case isRegional(r):
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func widthOf(rs []rune) int {
	w := 0
	for _, r := range rs {
		w += termsafe.RuneWidth(r)
	}
	return w
}

// scroll keeps the cursor inside a window of width cells.
func (in *Input) scroll(width int) {
	if width < 2 {
		width = 2
	}
	if in.offset > in.pos {
		in.offset = in.pos
	}
	// The cursor needs one free cell after the text before it. Walk back
	// from the cursor, so a very long value (a pasted 1 MB line) costs the
	// window's width, not the value's length squared.
	i, w := in.pos, 0
	for i > in.offset {
		rw := termsafe.RuneWidth(in.value[i-1])
		if w+rw+1 > width {
			break
		}
		w += rw
		i--
	}
	in.offset = i
	if in.offset > len(in.value) {
		in.offset = len(in.value)
	}
	// After a deletion or in a wider window the text from offset to the end
	// may leave the window half empty while text before offset is hidden
	// (it looks deleted): pull offset back so the tail fills the window.
	j, w := len(in.value), 0
	for j > 0 {
		rw := termsafe.RuneWidth(in.value[j-1])
		if w+rw+1 > width {
			break
		}
		w += rw
		j--
	}
	if in.offset > j {
		in.offset = j
	}
}

// ViewStart draws the text from its start into exactly width cells,
// without the cursor's scrolling: how a form shows a field that does not
// have the cursor.
func (in *Input) ViewStart(width int) string {
	if len(in.value) == 0 {
		return in.View(width)
	}
	w, end := 0, 0
	for _, r := range in.value {
		rw := termsafe.RuneWidth(r)
		if w+rw > width {
			break
		}
		w += rw
		end++
	}
	s := drawText(in.value[:end])
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}

// View draws the input into exactly width cells, scrolled so the cursor
// shows. Call it before CursorX.
func (in *Input) View(width int) string {
	in.scroll(width)
	return in.Draw(width)
}

// Scroll keeps the cursor inside a window of width cells: a form calls it
// in Update (it knows its size from a tea.WindowSizeMsg), so that its View
// only draws (Draw).
func (in *Input) Scroll(width int) { in.scroll(width) }

// Draw draws the input into exactly width cells at its current scroll,
// changing nothing.
func (in *Input) Draw(width int) string {
	if len(in.value) == 0 && in.Placeholder != "" {
		p := ansi.Truncate(in.Placeholder, width, "")
		return faint(p) + strings.Repeat(" ", width-ansi.StringWidth(p))
	}
	var b strings.Builder
	w, end := 0, in.offset
	for _, r := range in.value[in.offset:] {
		rw := termsafe.RuneWidth(r)
		if w+rw > width {
			break
		}
		w += rw
		end++
	}
	b.WriteString(drawText(in.value[in.offset:end]))
	// Pad by what the terminal will draw (a flag or a skin-toned emoji is
	// one two-cell picture), so the line is exactly width cells.
	b.WriteString(strings.Repeat(" ", max(0, width-ansi.StringWidth(b.String()))))
	return b.String()
}

// CursorX is the cursor's column, in cells, from the input's left edge, as
// drawn by the last View.
func (in *Input) CursorX() int {
	if in.offset > in.pos {
		return 0
	}
	return widthOf(in.value[in.offset:in.pos])
}

func faint(s string) string { return "\x1b[2m" + s + "\x1b[22m" }
