// Package keys holds the key bindings every screen shares (Global) and the
// small helpers screens use to declare their own: Bind for one binding with
// its help text, Map for the help bar and the ? overlay.
package keys

import (
	"charm.land/bubbles/v2/key"

	"nianbao/tui/text"
)

// Globals are the keys that work on every screen (unless a dialog has the
// keys).
type Globals struct {
	Quit key.Binding
	// Help (?) opens the key overlay outside text fields; AllKeys (F1 or
	// Ctrl+O, for terminals that take F1) opens it anywhere, a text field
	// included, where ? is typed.
	Help    key.Binding
	AllKeys key.Binding
	Back    key.Binding
	Save    key.Binding
	Undo    key.Binding
	Next    key.Binding
	Prev    key.Binding
	// Wipe empties the text field being typed.
	Wipe key.Binding
}

// Global are the global keys.
var Global = Globals{
	Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", text.KeyQuit)),
	Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", text.KeyHelpAll)),
	AllKeys: key.NewBinding(key.WithKeys("f1", "ctrl+o"), key.WithHelp("f1/ctrl+o", text.KeyHelpAll)),
	Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", text.KeyBack)),
	Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", text.KeySave)),
	Undo:    key.NewBinding(key.WithKeys("ctrl+z", "u"), key.WithHelp("ctrl+z/u", text.KeyUndo)),
	Next:    key.NewBinding(key.WithKeys("tab", "enter"), key.WithHelp("tab/enter", text.KeyNext)),
	Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", text.KeyPrev)),
	Wipe:    key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", text.KeyWipe)),
}

// Choose picks among the options of a choice field.
var Choose = key.NewBinding(key.WithKeys("left", "right", "space"), key.WithHelp("←/→", text.ReqKeyChoose))

// Map is a simple help.KeyMap: Short for the help bar, Full for the ?
// overlay (Short is used when Full is empty).
type Map struct {
	Short []key.Binding
	Full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (k Map) ShortHelp() []key.Binding { return k.Short }

// FullHelp implements help.KeyMap.
func (k Map) FullHelp() [][]key.Binding {
	if len(k.Full) == 0 {
		return [][]key.Binding{k.Short}
	}
	return k.Full
}

// Bind is shorthand for a key binding with help text.
func Bind(help string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], help))
}
