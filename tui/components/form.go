package components

import (
	"errors"
	"fmt"
	"strings"

	kb "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// Field is one labelled line of a Form: a text input, or a choice among
// Choices picked with ←/→ (or space).
type Field struct {
	Key   string
	Label string
	Hint  string
	// Group, when set, is drawn as a heading before the first field of a
	// run of fields with the same Group.
	Group string
	// Tag is drawn after the field's value while it has the cursor (the
	// request form's 「个人信息·不公开」).
	Tag   string
	Input *Input
	// Choices makes the field a choice; Choice is the picked index and IDs,
	// when set, the value behind each choice (ID).
	Choices []string
	IDs     []string
	Choice  int
	// Compact draws a choice as ◀ picked ▶ (i/n) while it has the cursor
	// and as the picked label alone otherwise, for a long list of choices;
	// else every choice is shown (◉ picked ○ other).
	Compact bool
	// Validate checks the text when the cursor leaves the field. An error
	// refuses the text: it stays in the field, marked ✗ with the message,
	// and the owner keeps the last valid value. An error that is a
	// Warning accepts the text and shows the message with !.
	Validate func(string) error
	// Normal, when set, rewrites an accepted text into its normal form
	// (a date typed 2021年3月5日 becomes 2021-03-05).
	Normal func(string) string
	Err    string
	Warn   string
	// saved is the value when the field got the cursor, to tell a change.
	saved string
	// valid is the last value that passed Validate (what the owner keeps).
	valid string
}

// Warning is an error from Validate that does not refuse the value: the
// text is kept and its message shown under the field.
type Warning struct{ Msg string }

func (w *Warning) Error() string { return w.Msg }

// Warn is a Warning with the message.
func Warn(msg string) error { return &Warning{Msg: msg} }

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

// ID is the value behind the picked choice (its label when the field has
// no IDs), or the text of a text field.
func (f *Field) ID() string {
	if f.Choices != nil && f.IDs != nil && f.Choice >= 0 && f.Choice < len(f.IDs) {
		return f.IDs[f.Choice]
	}
	return f.Value()
}

// Pick chooses the choice whose ID (or label) is id; it reports whether
// there was one.
func (f *Field) Pick(id string) bool {
	for i := range f.Choices {
		if (f.IDs != nil && f.IDs[i] == id) || (f.IDs == nil && f.Choices[i] == id) {
			f.Choice = i
			f.saved, f.valid = f.Value(), f.Value()
			return true
		}
	}
	return false
}

// Changed reports whether the value differs from when the field got the
// cursor (or was last reported as changed).
func (f *Field) Changed() bool { return f.Value() != f.saved }

// Valid is the field's last accepted value: what its owner keeps.
func (f *Field) Valid() string { return f.valid }

// Draft reports whether the field holds text not accepted yet: typed and
// not left, or refused.
func (f *Field) Draft() bool {
	return f.Err != "" || f.Input != nil && strings.TrimSpace(f.Value()) != strings.TrimSpace(f.valid)
}

// Reset puts value into the field as its accepted value (the owner changed
// it: a suggestion, a value from a lookup) and clears its messages.
func (f *Field) Reset(value string) {
	if f.Input != nil {
		f.Input.SetValue(value)
	}
	f.saved, f.valid, f.Err, f.Warn = value, value, "", ""
}

// TextField and ChoiceField build fields.
func TextField(key, label, value string) *Field {
	in := NewInput()
	in.SetValue(value)
	return &Field{Key: key, Label: label, Input: in, saved: value, valid: value}
}

func ChoiceField(key, label string, choices []string, choice int) *Field {
	return &Field{Key: key, Label: label, Choices: choices, Choice: choice, saved: choices[choice], valid: choices[choice]}
}

// FormStyles are the styles a form draws with.
type FormStyles struct {
	Label, Focus, Error, Muted lipgloss.Style
	// Warning draws a Warning's message and a field's Tag.
	Warning lipgloss.Style
}

// FormKeys are the keys a form handles itself; the owner lists Bindings()
// in its help bar beside its own (save, back).
type FormKeys struct {
	Next, Prev kb.Binding
	// ChoosePrev and ChooseNext step through a choice, ChooseFirst and
	// ChooseLast jump to its ends; Choose is their help.
	ChoosePrev, ChooseNext, ChooseFirst, ChooseLast kb.Binding
	Choose                                          kb.Binding
	// Wipe empties the text field.
	Wipe kb.Binding
}

// FormKey are the form keys.
var FormKey = func() FormKeys {
	k := FormKeys{
		Next:        kb.NewBinding(kb.WithKeys("tab", "enter", "down"), kb.WithHelp("tab/enter", text.KeyNext)),
		Prev:        kb.NewBinding(kb.WithKeys("shift+tab", "up"), kb.WithHelp("shift+tab", text.KeyPrev)),
		ChoosePrev:  kb.NewBinding(kb.WithKeys("left")),
		ChooseNext:  kb.NewBinding(kb.WithKeys("right", "space")),
		ChooseFirst: kb.NewBinding(kb.WithKeys("home")),
		ChooseLast:  kb.NewBinding(kb.WithKeys("end")),
		Wipe:        keys.Global.Wipe,
	}
	all := append(append(append(k.ChoosePrev.Keys(), k.ChooseNext.Keys()...), k.ChooseFirst.Keys()...), k.ChooseLast.Keys()...)
	k.Choose = kb.NewBinding(kb.WithKeys(all...), kb.WithHelp("←/→", text.ReqKeyChoose))
	return k
}()

// Form is a column of labelled fields with one focused. Tab, Enter and
// Shift+Tab move between fields; leaving a field validates it and reports
// a change so the owner can save it at once. A refused value stays in its
// field, marked ✗, and the cursor still moves on.
//
// The owner tells the form its size with SetSize (from a
// tea.WindowSizeMsg); scrolling is settled in Update, so View only draws.
type Form struct {
	Fields []*Field
	Focus  int
	Styles FormStyles
	// Stops keeps Tab at the last field and Shift+Tab at the first (a long
	// form does not jump back to its top).
	Stops bool
	// width and height are the size the form is drawn at (SetSize); top
	// is the first line shown.
	width, height int
	top           int
	// labels holds the labels drawn in Styles.Label (the fields not
	// focused), by text: lipgloss drew the same dozen labels on every key,
	// most of what a key in a form cost. Styles are set once, by NewForm.
	labels map[string]string
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
	if f.Stops {
		f.Focus = max(0, min(i, len(f.Fields)-1))
	} else {
		f.Focus = (i + len(f.Fields)) % len(f.Fields)
	}
	cur := f.Current()
	cur.saved = cur.Value()
	if cur.Input != nil {
		cur.Input.Focus()
	}
	f.settle()
}

// Leave validates the focused field and reports it when changed. It is
// what moving away does; owners call it before saving everything (ctrl+s).
func (f *Form) Leave() FormEvent {
	cur := f.Current()
	if cur == nil {
		return FormEvent{Consumed: true}
	}
	cur.Warn = ""
	if cur.Validate != nil {
		if err := cur.Validate(cur.Value()); err != nil {
			var w *Warning
			if !errors.As(err, &w) {
				cur.Err = err.Error()
				f.settle()
				return FormEvent{Consumed: true, Refused: true}
			}
			cur.Warn = w.Msg
		}
	}
	cur.Err = ""
	if cur.Normal != nil && cur.Input != nil {
		if n := cur.Normal(cur.Value()); n != cur.Value() {
			cur.Input.SetValue(n)
		}
	}
	ev := FormEvent{Consumed: true}
	if cur.Value() != cur.valid || cur.Value() != cur.saved {
		ev.Changed = cur
	}
	cur.valid, cur.saved = cur.Value(), cur.Value()
	f.settle()
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

// Drafts reports whether any field holds text not accepted yet (the
// focused one typed and not left, or a refused one): leaving the form then
// asks 保存/放弃/继续修改.
func (f *Form) Drafts() bool {
	if f.Invalid() >= 0 {
		return true
	}
	cur := f.Current()
	return cur != nil && cur.Draft()
}

// FocusField puts the cursor on field i.
func (f *Form) FocusField(i int) { f.focus(i) }

// FocusKey puts the cursor on the field with key; it reports whether there
// is one.
func (f *Form) FocusKey(key string) bool {
	for i, fl := range f.Fields {
		if fl.Key == key {
			f.focus(i)
			return true
		}
	}
	return false
}

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
	f.settle()
}

// Bindings are the form keys that act on the focused field (Next first,
// then Prev, Choose and Wipe), for the owner's help bar and key overlay.
func (f *Form) Bindings() []kb.Binding {
	next, prev, choose, wipe := FormKey.Next, FormKey.Prev, FormKey.Choose, FormKey.Wipe
	cur := f.Current()
	choice := cur != nil && cur.Choices != nil
	next.SetEnabled(!f.Stops || f.Focus < len(f.Fields)-1)
	prev.SetEnabled(!f.Stops || f.Focus > 0)
	choose.SetEnabled(choice)
	wipe.SetEnabled(cur != nil && !choice)
	return []kb.Binding{next, prev, choose, wipe}
}

// Update handles a message for the focused field.
func (f *Form) Update(msg tea.Msg) FormEvent {
	cur := f.Current()
	if cur == nil {
		return FormEvent{}
	}
	defer f.settle()
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case kb.Matches(k, FormKey.Next):
			// A refused value stays in its field, marked ✗ with the
			// reason, and the cursor moves on: nothing typed next lands in
			// it, and the owner keeps the last valid value.
			ev := f.Leave()
			f.focus(f.Focus + 1)
			return ev
		case kb.Matches(k, FormKey.Prev):
			ev := f.Leave()
			f.focus(f.Focus - 1)
			return ev
		}
		if cur.Choices != nil {
			n := len(cur.Choices)
			switch {
			case kb.Matches(k, FormKey.ChoosePrev):
				cur.Choice = (cur.Choice - 1 + n) % n
			case kb.Matches(k, FormKey.ChooseNext):
				cur.Choice = (cur.Choice + 1) % n
			case kb.Matches(k, FormKey.ChooseFirst):
				cur.Choice = 0
			case kb.Matches(k, FormKey.ChooseLast):
				cur.Choice = n - 1
			default:
				return FormEvent{}
			}
			cur.saved, cur.valid = cur.Value(), cur.Value()
			return FormEvent{Consumed: true, Changed: cur}
		}
		if kb.Matches(k, FormKey.Wipe) {
			cur.Input.SetValue("")
			cur.Err = ""
			return FormEvent{Consumed: true}
		}
	}
	if cur.Input != nil && cur.Input.Update(msg) {
		cur.Err = ""
		return FormEvent{Consumed: true}
	}
	return FormEvent{}
}

// SetSize is the size the form is drawn at (the owner's share of a
// tea.WindowSizeMsg); it settles the scroll for it.
func (f *Form) SetSize(width, height int) {
	f.width, f.height = width, height
	f.settle()
}

// LabelWidth is the widest label's display width.
func (f *Form) LabelWidth() int {
	w := 0
	for _, fl := range f.Fields {
		w = max(w, ansi.StringWidth(fl.Label))
	}
	return w
}

// tagRoom is the most cells a field with a tag takes, tag included.
//
// Bytes per frame: bubbletea v2.1.1 clears its cell buffer before drawing
// each frame, which marks every line touched, and ultraviolet's renderer
// repaints every touched line holding a wide character from column 0 (it
// only diffs lines of narrow cells). So every line of a form holding
// Chinese is written again in every frame, changed or not; what keeps a
// key cheap is few bytes on those lines: no padding before a tag, no
// styled blanks, nothing after the label of an empty field.
const tagRoom = 72

// drawWidth is the width the form is drawn at before its owner told it
// (SetSize): the narrowest terminal the workstation is made for.
const drawWidth = 80

// valueWidth is the room for field i's value at width.
func (f *Form) valueWidth(fl *Field, focused bool, lw, width int) int {
	vw := max(4, width-lw-2)
	if fl.Tag != "" && focused {
		vw = max(6, min(vw, tagRoom)-ansi.StringWidth(" "+fl.Tag))
	}
	return vw
}

// labelDrawn is label in Styles.Label, drawn once per text.
func (f *Form) labelDrawn(label string) string {
	if d, ok := f.labels[label]; ok {
		return d
	}
	if f.labels == nil {
		f.labels = map[string]string{}
	}
	d := f.Styles.Label.Render(label)
	f.labels[label] = d
	return d
}

// layout draws the form's lines at width and tells which line holds the
// focused field. It changes nothing the form shows (labelDrawn keeps what
// it drew). With draw false it only counts: the lines are empty strings,
// as many as drawing gives, for Update's scrolling and the cursor, which
// need the focused line and the count only (drawing every field three
// times a key was most of a form's cost at 200×60).
func (f *Form) layout(width int, draw bool) (lines []string, focusLine int) {
	st := f.Styles
	lw := f.LabelWidth()
	group := ""
	for i, fl := range f.Fields {
		focused := i == f.Focus
		if fl.Group != group {
			group = fl.Group
			if group != "" {
				line := ""
				if draw {
					line = Fit(st.Muted.Render(ansi.Truncate("── "+group, width, "…")), width)
				}
				lines = append(lines, line)
			}
		}
		if focused {
			focusLine = len(lines)
		}
		if draw {
			lines = append(lines, f.fieldLine(fl, focused, lw, width))
		} else {
			lines = append(lines, "")
		}
		pad := strings.Repeat(" ", lw+2)
		var msg []string
		var msgStyle lipgloss.Style
		switch {
		case fl.Err != "":
			msg, msgStyle = Wrap("✗ "+fl.Err, max(4, width-lw-2)), st.Error
		case fl.Warn != "":
			msg, msgStyle = Wrap("! "+fl.Warn, max(4, width-lw-2)), st.Warning
		case fl.Hint != "" && focused:
			if !draw {
				lines = append(lines, "")
				continue
			}
			lines = append(lines, pad+st.Muted.Render(ansi.Truncate(fl.Hint, max(4, width-lw-2), "…")))
		}
		for _, l := range msg {
			if draw {
				l = pad + msgStyle.Render(l)
			} else {
				l = ""
			}
			lines = append(lines, l)
		}
	}
	return lines, focusLine
}

// fieldLine draws field fl's own line: its label, right-aligned to lw,
// and its value.
func (f *Form) fieldLine(fl *Field, focused bool, lw, width int) string {
	st := f.Styles
	label := strings.Repeat(" ", lw-ansi.StringWidth(fl.Label)) + fl.Label
	if focused {
		label = st.Focus.Render(label)
	} else {
		label = f.labelDrawn(label)
	}
	vw := f.valueWidth(fl, focused, lw, width)
	var val string
	switch {
	case fl.Choices != nil && fl.Compact && focused:
		val = Fit(ChoiceArrows(fl.Value())+st.Muted.Render(fmt.Sprintf(" (%d/%d)", fl.Choice+1, len(fl.Choices))), vw)
	case fl.Choices != nil && fl.Compact:
		val = Fit(fl.Value(), vw)
	case fl.Choices != nil:
		var parts []string
		for j, c := range fl.Choices {
			if j == fl.Choice {
				parts = append(parts, "◉ "+c)
			} else {
				parts = append(parts, st.Muted.Render("○ "+c))
			}
		}
		val = Fit(strings.Join(parts, "  "), vw)
	case focused:
		val = fl.Input.Draw(vw)
	default:
		val = fl.Input.ViewStart(vw)
	}
	line := label
	if focused || fl.Choices != nil || fl.Input.Value() != "" || fl.Input.Placeholder != "" {
		// An empty field other than the focused one is its label alone:
		// nothing after it is written. The focused one is marked ▸ as
		// well as by its style, for a monochrome console.
		sep := "  "
		if focused {
			sep = FocusMark
		}
		line += sep + val
	}
	if fl.Tag != "" && focused {
		line += st.Warning.Render(" " + fl.Tag)
	}
	return Fit(line, width)
}

// scrollTop is the first line to show so that the focused line, the line
// above it (its group's heading) and the one below (its message) show in
// height lines, moving from top as little as it can.
func scrollTop(top, focusLine, n, height int) int {
	if height <= 2 {
		return max(0, min(focusLine, n-1))
	}
	if focusLine < top+1 {
		top = focusLine - 1
	}
	if focusLine >= top+height-1 {
		top = focusLine - height + 2
	}
	return max(0, min(top, n-1))
}

// size is the size the form is drawn at: as told, or 80 columns and no
// scrolling before that.
func (f *Form) size() (int, int) {
	if f.width <= 0 {
		return drawWidth, 0
	}
	return f.width, f.height
}

// settle scrolls the focused input and the form for the size they are
// drawn at: Update's part, so that View only draws.
func (f *Form) settle() {
	cur := f.Current()
	if cur == nil {
		return
	}
	w, h := f.size()
	if cur.Input != nil {
		cur.Input.Scroll(f.valueWidth(cur, true, f.LabelWidth(), w))
	}
	if h > 0 {
		lines, fl := f.layout(w, false)
		f.top = scrollTop(f.top, fl, len(lines), h)
	}
}

// View draws the form into width×height, scrolled as Update left it (kept
// on the focused field if the size differs from SetSize's). It changes
// nothing.
func (f *Form) View(width, height int) string {
	lines, fl := f.layout(width, true)
	if len(lines) == 0 {
		return Block("", width, height)
	}
	top := scrollTop(f.top, fl, len(lines), height)
	return Block(strings.Join(lines[top:], "\n"), width, height)
}

// CursorXY is the focused input's cursor relative to the form at the size
// it was told (SetSize), or -1,-1 when a choice has the focus.
func (f *Form) CursorXY() (int, int) {
	cur := f.Current()
	if cur == nil || cur.Input == nil {
		return -1, -1
	}
	w, _ := f.size()
	_, fl := f.layout(w, false)
	return f.LabelWidth() + 2 + cur.Input.CursorX(), fl - f.top
}
