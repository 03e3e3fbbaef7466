// Package dialog holds the questions and overlays the workstation puts over
// a screen. A dialog is a common.Screen opened with common.DialogMsg; the
// root app keeps a stack of them, gives the top one the keys first and
// draws it in a box over the screen (Draw). A dialog closes itself with
// common.CloseDialogMsg, whose Reply the app then hands to the screen that
// asked — so a screen never keeps a question of its own.
package dialog

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/styles"
	"nianbao/tui/text"
)

// Open is the command that puts d over the current screen.
func Open(d common.Screen) tea.Cmd {
	return func() tea.Msg { return common.DialogMsg{Dialog: d} }
}

// Close is the command a dialog returns to close itself; reply (may be
// nil) goes to the screen below.
func Close(reply tea.Msg) tea.Cmd {
	return func() tea.Msg { return common.CloseDialogMsg{Reply: reply} }
}

// Choice is one answer to a question: the key that gives it (its help text
// names the answer) and the message the asking screen receives.
type Choice struct {
	Key   key.Binding
	Reply tea.Msg
}

// Ask is a question with a few answers, each on its own key. Esc gives the
// last answer (the one that changes nothing).
type Ask struct {
	styles  *styles.Sheet
	prompt  string
	choices []Choice
}

// NewAsk builds a question. The last choice is the one Esc gives.
func NewAsk(c *common.Common, prompt string, choices ...Choice) *Ask {
	return &Ask{styles: c.Styles, prompt: prompt, choices: choices}
}

// YesNo is the command that asks a yes/no question: y gives yes (its help
// text is yesText), n or Esc gives no (noText).
func YesNo(c *common.Common, prompt, yesText string, yes tea.Msg, noText string, no tea.Msg) tea.Cmd {
	return Open(NewAsk(c, prompt,
		Choice{Key: keys.Bind(yesText, "y", "Y"), Reply: yes},
		Choice{Key: key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", noText)), Reply: no},
	))
}

// Delete asks before deleting the entry called name: y replies yes, n or
// Esc changes nothing.
func Delete(c *common.Common, name string, yes tea.Msg) tea.Cmd {
	return YesNo(c, fmt.Sprintf(text.DeleteConfirm, name), text.KeyDelete, yes, text.KeyCancel, nil)
}

// Answers to the question FormLeave and AskLeave put.
type LeaveAnswer int

const (
	LeaveSave LeaveAnswer = iota
	LeaveDiscard
	LeaveStay
)

// LeaveMsg is the answer to AskLeave, for the form owner that asked (other
// screens that get it ignore it).
type LeaveMsg struct {
	Owner  any
	Answer LeaveAnswer
}

// AskLeave asks owner's clerk what to do with unsaved or refused input in
// a form being left: 保存, 放弃 or 继续修改. The answer comes back as a
// LeaveMsg.
func AskLeave(c *common.Common, owner any) tea.Cmd {
	return FormLeave(c, LeaveMsg{owner, LeaveSave}, LeaveMsg{owner, LeaveDiscard}, LeaveMsg{owner, LeaveStay})
}

// Settle applies the answer to a form's refused fields: 保存 cannot store a
// refused value, so the cursor goes to it with a note; 放弃 puts the last
// valid values back; 继续修改 goes to the first refused field. It reports
// whether the owner may leave now, and the note to show.
func Settle(form *components.Form, a LeaveAnswer) (leave bool, note string) {
	i := form.Invalid()
	switch {
	case a == LeaveDiscard:
		form.Discard()
		return true, ""
	case i < 0:
		return a == LeaveSave, ""
	}
	form.FocusField(i)
	if a == LeaveSave {
		return false, fmt.Sprintf(text.FormCannotSave, form.Fields[i].Label, keys.Key(keys.Global.Back), keys.Key(leaveKeys.Discard))
	}
	return false, ""
}

// FormLeave asks what to do when a form is left with unsaved or refused
// input: s saves (save), d gives it up (discard), n or Esc goes back to it
// (stay).
func FormLeave(c *common.Common, save, discard, stay tea.Msg) tea.Cmd {
	return Open(NewAsk(c, text.FormLeaveAsk,
		Choice{Key: leaveKeys.Save, Reply: save},
		Choice{Key: leaveKeys.Discard, Reply: discard},
		Choice{Key: leaveKeys.Stay, Reply: stay},
	))
}

// leaveKeys are the answers to FormLeave's question.
var leaveKeys = struct{ Save, Discard, Stay key.Binding }{
	Save:    keys.Bind(text.KeySave, "s", "S", "ctrl+s"),
	Discard: keys.Bind(text.AskDiscard, "d", "D"),
	Stay:    key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", text.AskKeepEditing)),
}

// Prompt is the question (tests).
func (a *Ask) Prompt() string { return a.prompt }

// Init implements common.Screen.
func (a *Ask) Init() tea.Cmd { return nil }

// Update implements common.Screen: a choice's key answers and closes.
func (a *Ask) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return a, nil
	}
	for _, ch := range a.choices {
		if key.Matches(k, ch.Key) {
			return a, Close(ch.Reply)
		}
	}
	if key.Matches(k, keys.Global.Back) && len(a.choices) > 0 {
		return a, Close(a.choices[len(a.choices)-1].Reply)
	}
	return a, nil
}

// View implements common.Screen: the question wrapped to width, then the
// answers rendered from their bindings.
func (a *Ask) View(width, height int) string {
	lines := components.Wrap(a.prompt, width)
	lines = append(lines, "")
	var keys []string
	for _, ch := range a.choices {
		h := ch.Key.Help()
		keys = append(keys, a.styles.Key.Render(h.Key)+" "+h.Desc)
	}
	lines = append(lines, strings.Join(keys, " · "))
	if len(lines) > height {
		lines = lines[len(lines)-height:]
	}
	return strings.Join(lines, "\n")
}

// Cursor implements common.Screen.
func (a *Ask) Cursor() *tea.Cursor { return nil }

// KeyMap implements common.Screen.
func (a *Ask) KeyMap() help.KeyMap {
	var ks []key.Binding
	for _, ch := range a.choices {
		ks = append(ks, ch.Key)
	}
	return keys.Map{Short: ks}
}

// Title implements common.Screen.
func (a *Ask) Title() string { return "" }

// Sized is implemented by dialogs that choose their own box size within
// the space offered (the key overlay takes all of it).
type Sized interface {
	Size(maxW, maxH int) (w, h int)
}

// MaxWidth is the widest a dialog's content gets: questions stay short
// lines on a wide terminal.
const MaxWidth = 72

// Notice is a dialog that only shows text (drawn by the app, which gives it
// no keys, as for the damaged-database notice).
type Notice struct{ text string }

// NewNotice shows text, already wrapped to MaxWidth.
func NewNotice(text string) *Notice { return &Notice{text: text} }

func (n *Notice) Init() tea.Cmd                           { return nil }
func (n *Notice) Update(tea.Msg) (common.Screen, tea.Cmd) { return n, nil }
func (n *Notice) View(width, height int) string           { return n.text }
func (n *Notice) Cursor() *tea.Cursor                     { return nil }
func (n *Notice) KeyMap() help.KeyMap                     { return keys.Map{} }
func (n *Notice) Title() string                           { return "" }

// Draw puts dialog d in a box (Styles.Dialog) centred over base, a
// width×height block, with lipgloss's compositor. It returns the frame and
// the dialog's cursor in base's coordinates (nil when it has none).
func Draw(st *styles.Sheet, base string, width, height int, d common.Screen) (string, *tea.Cursor) {
	frameW := st.Dialog.GetHorizontalFrameSize()
	frameH := st.Dialog.GetVerticalFrameSize()
	maxW, maxH := max(1, min(width-frameW, MaxWidth)), max(1, height-frameH)
	w, h := maxW, maxH
	var content string
	if s, ok := d.(Sized); ok {
		w, h = s.Size(maxW, maxH)
		content = components.Block(d.View(w, h), w, h)
	} else {
		// A question takes the lines it needs.
		view := d.View(maxW, maxH)
		w = max(min(maxW, 40), min(maxW, lipgloss.Width(view)))
		h = min(maxH, lipgloss.Height(view))
		content = components.Block(view, w, h)
	}
	box := st.Dialog.Render(content)
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x, y := max(0, (width-bw)/2), max(0, (height-bh)/2)
	comp := lipgloss.NewCompositor(
		lipgloss.NewLayer(components.Block(base, width, height)),
		lipgloss.NewLayer(box).X(x).Y(y).Z(1),
	)
	frame := components.Block(comp.Render(), width, height)
	var cur *tea.Cursor
	if dc := d.Cursor(); dc != nil {
		cur = tea.NewCursor(x+st.Dialog.GetBorderLeftSize()+st.Dialog.GetPaddingLeft()+dc.X,
			y+st.Dialog.GetBorderTopSize()+st.Dialog.GetPaddingTop()+dc.Y)
	}
	return frame, cur
}
