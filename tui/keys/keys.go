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

// Bind is shorthand for a key binding with help text; the help shows the
// first key as the keyboard labels it (arrows as ↑ ↓ ← →).
func Bind(help string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label(keys[0]), help))
}

// label is how help writes a key: arrows by their sign, the rest by name.
func label(k string) string {
	if l, ok := arrowSigns[k]; ok {
		return l
	}
	return k
}

var arrowSigns = map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→"}

// Navs are the keys that move a cursor in lists, tables and scrolled text.
// Screens list the ones that act there; components dispatch on them.
type Navs struct {
	Up, Down, Left, Right key.Binding
	PageUp, PageDown      key.Binding
	Home, End             key.Binding
}

// Nav are the cursor keys.
var Nav = Navs{
	Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", text.KeyUp)),
	Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", text.KeyDown)),
	Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", text.KeyLeft)),
	Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", text.KeyRight)),
	PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", text.KeyPageUp)),
	PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdown", text.KeyPageDown)),
	Home:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home", text.KeyFirst)),
	End:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", text.KeyLast)),
}

// Edits are the keys of a text field (one line or several). Letters are
// typed, so every edit is an arrow, a named key or a Ctrl chord; Ctrl+U
// (clear) is Global.Wipe.
type Edits struct {
	Left, Right, Up, Down key.Binding
	Home, End             key.Binding
	Backspace, Delete     key.Binding
	// KillEnd deletes to the end of the line, KillWord the word before
	// the cursor.
	KillEnd, KillWord key.Binding
	// Newline breaks the line in a text of several lines.
	Newline key.Binding
}

// Edit are the text-field keys.
var Edit = Edits{
	Left:      key.NewBinding(key.WithKeys("left", "ctrl+b"), key.WithHelp("←", text.KeyLeft)),
	Right:     key.NewBinding(key.WithKeys("right", "ctrl+f"), key.WithHelp("→", text.KeyRight)),
	Up:        key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", text.KeyUp)),
	Down:      key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", text.KeyDown)),
	Home:      key.NewBinding(key.WithKeys("home", "ctrl+a"), key.WithHelp("home", text.KeyLineStart)),
	End:       key.NewBinding(key.WithKeys("end", "ctrl+e"), key.WithHelp("end", text.KeyLineEnd)),
	Backspace: key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("backspace", text.KeyBackspace)),
	Delete:    key.NewBinding(key.WithKeys("delete", "ctrl+d"), key.WithHelp("delete", text.KeyDeleteChar)),
	KillEnd:   key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", text.KeyKillEnd)),
	KillWord:  key.NewBinding(key.WithKeys("ctrl+w"), key.WithHelp("ctrl+w", text.KeyKillWord)),
	Newline:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", text.KeyNewline)),
}

// Keys returns b with other keys and the same help text: a screen that
// takes a shared action on its own key.
func Keys(b key.Binding, ks ...string) key.Binding {
	return key.NewBinding(key.WithKeys(ks...), key.WithHelp(b.Help().Key, b.Help().Desc))
}

// Help returns b with another help text (the same keys).
func Help(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}

// Key is the key a binding shows in help ("ctrl+s", "n"), for a sentence
// that names it: the sentence changes with the binding.
func Key(b key.Binding) string { return b.Help().Key }

// DueSoon shows the ledger's 即将到期 view (the requests list; the start
// screen names it).
var DueSoon = Bind(text.ReqKeyOverdue, "x")

// Refresh looks for USB sticks again (export, bundles).
var Refresh = Bind(text.ExpKeyRefresh, "ctrl+r")
