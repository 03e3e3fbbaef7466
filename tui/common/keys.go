package common

import "charm.land/bubbles/v2/key"

// GlobalKeys work on every screen (unless a dialog has the keys).
type GlobalKeys struct {
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
}

// Keys are the global keys.
var Keys = GlobalKeys{
	Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", KeyQuit)),
	Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", KeyHelpAll)),
	AllKeys: key.NewBinding(key.WithKeys("f1", "ctrl+o"), key.WithHelp("f1/ctrl+o", KeyHelpAll)),
	Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", KeyBack)),
	Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", KeySave)),
	Undo:    key.NewBinding(key.WithKeys("ctrl+z", "u"), key.WithHelp("ctrl+z/u", KeyUndo)),
	Next:    key.NewBinding(key.WithKeys("tab", "enter"), key.WithHelp("tab/enter", KeyNext)),
	Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", KeyPrev)),
}

// KeyMap is a simple help.KeyMap: Short for the help bar, Full for the ?
// overlay (Short is used when Full is empty).
type KeyMap struct {
	Short []key.Binding
	Full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return k.Short }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	if len(k.Full) == 0 {
		return [][]key.Binding{k.Short}
	}
	return k.Full
}

// Bind is shorthand for a key binding with help text.
func Bind(help string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], help))
}
