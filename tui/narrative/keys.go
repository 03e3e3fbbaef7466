package narrative

import (
	"charm.land/bubbles/v2/key"

	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// keyMap holds every key of the editor; Update dispatches with key.Matches
// on these bindings and the help bar and ? overlay are built from them.
type keyMap struct {
	// Browsing the section.
	Edit, Down, Up, Top, Bottom    key.Binding
	AddHeading, AddPara, Rename    key.Binding
	Delete, Undo, MoveUp, MoveDown key.Binding
	Generate, Save, Back           key.Binding
	// Typing a paragraph or an extra heading.
	NextPara, PrevPara, Done, Confirm key.Binding
}

var narrKeys = keyMap{
	Edit:       keys.Bind(text.NarrKeyEditText, "enter", "e", "i"),
	Down:       key.NewBinding(key.WithKeys("down", "tab", "j"), key.WithHelp("↓/tab", text.NarrKeyNextPara)),
	Up:         key.NewBinding(key.WithKeys("up", "shift+tab", "k"), key.WithHelp("↑/shift+tab", text.NarrKeyPrevPara)),
	Top:        keys.Bind(text.NarrKeyTop, "home"),
	Bottom:     keys.Bind(text.NarrKeyBottom, "end"),
	AddHeading: keys.Bind(text.NarrKeyAddHeading, "a"),
	AddPara:    keys.Bind(text.NarrKeyAddPara, "p"),
	Rename:     keys.Bind(text.NarrKeyRename, "r"),
	Delete:     keys.Bind(text.KeyDelete, "d", "delete"),
	Undo:       key.NewBinding(key.WithKeys("ctrl+z", "u"), key.WithHelp("ctrl+z/u", text.KeyUndo)),
	MoveUp:     key.NewBinding(key.WithKeys("alt+up", "ctrl+up"), key.WithHelp("alt+↑", text.NarrKeyMoveUp)),
	MoveDown:   key.NewBinding(key.WithKeys("alt+down", "ctrl+down"), key.WithHelp("alt+↓", text.NarrKeyMoveDown)),
	Generate:   keys.Bind(text.NarrKeyGenerate, "ctrl+g"),
	Save:       keys.Bind(text.KeySave, "ctrl+s"),
	Back:       keys.Bind(text.KeyBack, "esc"),
	NextPara:   keys.Bind(text.NarrKeyNextPara, "tab"),
	PrevPara:   keys.Bind(text.NarrKeyPrevPara, "shift+tab"),
	Done:       keys.Bind(text.NarrKeyDone, "esc"),
	Confirm:    key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", text.NarrKeyRenameDone)),
}

// browseMap is the help of the section view.
func (k keyMap) browseMap() keys.Map {
	return keys.Map{
		Short: []key.Binding{k.Edit, k.AddHeading, k.Rename, k.Delete, k.Generate, k.Back},
		Full: [][]key.Binding{
			{k.Edit, k.Down, k.Up, k.Top, k.Bottom, k.Back},
			{k.AddHeading, k.AddPara, k.Rename, k.Delete, k.Undo, k.MoveUp, k.MoveDown, k.Generate, k.Save},
		},
	}
}

// editMap is the help while a paragraph is typed: how to stop typing
// comes first, so a narrow bar never drops it.
func (k keyMap) editMap() keys.Map {
	return keys.Map{Short: []key.Binding{k.Done, k.NextPara, k.PrevPara, k.Generate, k.Save}}
}

// renameMap is the help while an extra heading is typed.
func (k keyMap) renameMap() keys.Map {
	return keys.Map{Short: []key.Binding{k.Confirm, k.Done}}
}
