package components

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Field is one labelled line of a Form: a text input, or a choice among
// Choices picked with ←/→ (or space).
type Field struct {
	Key   string
	Label string
	Hint  string
	Input *Input
	// Choices makes the field a choice; Choice is the picked index.
	Choices []string
	Choice  int
	// Validate checks the text when the cursor leaves the field; an error
	// keeps the cursor there and shows the message.
	Validate func(string) error
	Err      string
	// saved is the value when the field got the cursor, to tell a change.
	saved string
	// valid is the last value that passed Validate (what the owner keeps).
	valid string
}

// Value is the field's text, or the picked choice's label.
func (f *Field) Value() string {
	if f.Choices != nil {
		if f.Choice >= 0 && f.Choice < len(f.Choices) {
			return f.Choices[f.Choice]
		}
		return ""
	}
	return f.Input.Value()
}

// Changed reports whether the value differs from when the field got the
// cursor (or was last reported as changed).
func (f *Field) Changed() bool { return f.Value() != f.saved }

// TextField and ChoiceField build fields.
func TextField(key, label, value string) *Field {
	in := NewInput()
	in.SetValue(value)
	return &Field{Key: key, Label: label, Input: in, saved: value, valid: value}
}

func ChoiceField(key, label string, choices []string, choice int) *Field {
	return &Field{Key: key, Label: label, Choices: choices, Choice: choice, saved: choices[choice]}
}

// FormStyles are the styles a form draws with.
type FormStyles struct {
	Label, Focus, Error, Muted lipgloss.Style
}

// Form is a column of labelled fields with one focused. Tab, Enter and
// Shift+Tab move between fields; leaving a field validates it and reports
// a change so the owner can save it at once.
type Form struct {
	Fields []*Field
	Focus  int
	Styles FormStyles
	top    int
	curX   int
	curY   int
}

// FormEvent tells the owner what a key did.
type FormEvent struct {
	// Consumed is true when the form used the message.
	Consumed bool
	// Changed is the field whose value changed and passed validation
	// (on leaving a text field, or at once for a choice), or nil.
	Changed *Field
	// Refused is true when leaving was refused by Validate.
	Refused bool
}

// NewForm focuses the first field.
func NewForm(st FormStyles, fields ...*Field) *Form {
	f := &Form{Fields: fields, Styles: st}
	f.focus(0)
	return f
}

// Current is the focused field.
func (f *Form) Current() *Field {
	if len(f.Fields) == 0 {
		return nil
	}
	return f.Fields[f.Focus]
}

// Field returns the field with the key, or nil.
func (f *Form) Field(key string) *Field {
	for _, fl := range f.Fields {
		if fl.Key == key {
			return fl
		}
	}
	return nil
}

func (f *Form) focus(i int) {
	if len(f.Fields) == 0 {
		return
	}
	if cur := f.Current(); cur != nil && cur.Input != nil {
		cur.Input.Blur()
	}
	f.Focus = (i + len(f.Fields)) % len(f.Fields)
	cur := f.Current()
	cur.saved = cur.Value()
	if cur.Input != nil {
		cur.Input.Focus()
	}
}

// Leave validates the focused field and reports it when changed. It is
// what moving away does; owners call it before saving everything (ctrl+s).
func (f *Form) Leave() FormEvent {
	cur := f.Current()
	if cur == nil {
		return FormEvent{Consumed: true}
	}
	if cur.Validate != nil {
		if err := cur.Validate(cur.Value()); err != nil {
			cur.Err = err.Error()
			return FormEvent{Consumed: true, Refused: true}
		}
	}
	cur.Err = ""
	cur.valid = cur.Value()
	ev := FormEvent{Consumed: true}
	if cur.Value() != cur.saved {
		ev.Changed = cur
		cur.saved = cur.Value()
	}
	return ev
}

// Invalid is the first field holding a refused value, or -1.
func (f *Form) Invalid() int {
	for i, fl := range f.Fields {
		if fl.Err != "" {
			return i
		}
	}
	return -1
}

// FocusField puts the cursor on field i.
func (f *Form) FocusField(i int) { f.focus(i) }

// Discard puts back into each refused field its last valid value (the one
// its owner keeps) and clears its message.
func (f *Form) Discard() {
	for _, fl := range f.Fields {
		if fl.Err != "" && fl.Input != nil {
			fl.Input.SetValue(fl.valid)
			fl.saved = fl.valid
			fl.Err = ""
		}
	}
}

// Update handles a message for the focused field.
func (f *Form) Update(msg tea.Msg) FormEvent {
	cur := f.Current()
	if cur == nil {
		return FormEvent{}
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "tab", "enter", "down":
			// A refused value stays in its field, marked ✗ with the
			// reason, and the cursor moves on: nothing typed next lands in
			// it, and the owner keeps the last valid value.
			ev := f.Leave()
			f.focus(f.Focus + 1)
			return ev
		case "shift+tab", "up":
			ev := f.Leave()
			f.focus(f.Focus - 1)
			return ev
		}
		if cur.Choices != nil {
			switch k.String() {
			case "left", "h":
				cur.Choice = (cur.Choice - 1 + len(cur.Choices)) % len(cur.Choices)
			case "right", "l", "space":
				cur.Choice = (cur.Choice + 1) % len(cur.Choices)
			default:
				return FormEvent{}
			}
			cur.saved = cur.Value()
			return FormEvent{Consumed: true, Changed: cur}
		}
	}
	if cur.Input != nil && cur.Input.Update(msg) {
		cur.Err = ""
		return FormEvent{Consumed: true}
	}
	return FormEvent{}
}

// LabelWidth is the widest label's display width.
func (f *Form) LabelWidth() int {
	w := 0
	for _, fl := range f.Fields {
		w = max(w, ansi.StringWidth(fl.Label))
	}
	return w
}

// View draws the form into width×height, scrolled to the focused field.
func (f *Form) View(width, height int) string {
	lw := f.LabelWidth()
	var lines []string
	focusLine := 0
	for i, fl := range f.Fields {
		label := strings.Repeat(" ", lw-ansi.StringWidth(fl.Label)) + fl.Label
		if i == f.Focus {
			focusLine = len(lines)
			label = f.Styles.Focus.Render(label)
		} else {
			label = f.Styles.Label.Render(label)
		}
		vw := max(4, width-lw-2)
		var val string
		if fl.Choices != nil {
			var parts []string
			for j, c := range fl.Choices {
				if j == fl.Choice {
					parts = append(parts, "◉ "+c)
				} else {
					parts = append(parts, f.Styles.Muted.Render("○ "+c))
				}
			}
			val = Fit(strings.Join(parts, "  "), vw)
		} else if i == f.Focus {
			val = fl.Input.View(vw)
		} else {
			val = fl.Input.ViewStart(vw)
		}
		sep := "  "
		if i == f.Focus {
			sep = FocusMark
		}
		lines = append(lines, Fit(label+sep+val, width))
		if fl.Err != "" {
			for _, l := range Wrap("✗ "+fl.Err, max(4, width-lw-2)) {
				lines = append(lines, strings.Repeat(" ", lw+2)+f.Styles.Error.Render(l))
			}
		} else if fl.Hint != "" && i == f.Focus {
			lines = append(lines, strings.Repeat(" ", lw+2)+f.Styles.Muted.Render(ansi.Truncate(fl.Hint, max(4, width-lw-2), "…")))
		}
	}
	if focusLine < f.top {
		f.top = focusLine
	}
	if focusLine >= f.top+height-1 {
		f.top = focusLine - height + 2
	}
	f.top = max(0, min(f.top, len(lines)-1))
	cur := f.Current()
	f.curX, f.curY = -1, -1
	if cur != nil && cur.Input != nil {
		f.curX = lw + 2 + cur.Input.CursorX()
		f.curY = focusLine - f.top
	}
	return Block(strings.Join(lines[f.top:], "\n"), width, height)
}

// CursorXY is the focused input's cursor relative to the form, or -1,-1
// when a choice has the focus. Valid after View.
func (f *Form) CursorXY() (int, int) { return f.curX, f.curY }
