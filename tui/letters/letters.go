// Package letters is the screen that writes a letter (告知书, 答复书) for
// one request of the log: the kind its state calls for, prefilled from the
// request and the organ, the fields a clerk may change, a live preview of
// the text, the organ's template of the kind, and the folder it goes to.
package letters

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// Field keys.
const (
	fKind     = "kind"
	fDate     = "date"
	fUnclear  = "unclear"
	fExtDays  = "ext"
	fThird    = "third"
	fWithheld = "withheld"
	fReason   = "reason"
	fHolder   = "holder"
	fPhone    = "holder_phone"
	fDelivery = "delivery"
	fOther    = "other"
	fDir      = "dir"
)

type keyMap struct {
	Write, Template, Scroll, Back key.Binding
	TplSave, TplBack              key.Binding
}

// Screen writes one request's letters.
type Screen struct {
	c    *common.Common
	q    model.Request
	env  *desk.LetterEnv
	kind model.LetterKind
	form *components.Form
	// values keeps what was typed per field across kind changes.
	values map[string]string

	draft    *desk.LetterDraft
	draftErr string
	scroll   int
	busy     bool
	note     string
	noteErr  bool
	loadErr  string

	// written holds the 文号 of each kind written in this visit.
	written map[model.LetterKind]string

	size   tea.WindowSizeMsg  // the screen's size, for the form
	tpl    *components.Editor // open while the template is edited
	tplKey string
	tplWas string
	keys   keyMap
}

// Screen rows where the form and the template editor start (under the
// title, and under the title, the template's name, the hint and the keys).
const (
	formTop = 1
	tplTop  = 4
)

type (
	envMsg struct {
		env *desk.LetterEnv
		err error
	}
	writtenMsg struct {
		res *desk.LetterResult
		err error
	}
	tplSavedMsg struct {
		key string
		tpl model.LetterTemplate
		err error
	}
	// tplAnswer is the reply of the unsaved-template question.
	tplAnswer struct{ save, discard bool }
)

// New builds the screen for q, loaded with its personal data.
func New(c *common.Common, q model.Request) common.Screen {
	s := &Screen{c: c, q: q, values: map[string]string{}, written: map[model.LetterKind]string{}}
	s.kind = model.LetterFor(&q)
	if s.kind == "" {
		s.kind = model.LetterCorrection
	}
	s.keys = keyMap{
		Write:    keys.Bind(text.LetKeyWrite, "ctrl+s"),
		Template: keys.Bind(text.LetKeyTemplate, "ctrl+t"),
		Scroll:   key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", text.LetKeyScroll)),
		Back:     keys.Bind(text.KeyBack, "esc"),
		TplSave:  keys.Bind(text.KeySave, "ctrl+s"),
		TplBack:  keys.Bind(text.KeyBack, "esc"),
	}
	s.build()
	return s
}

// Init implements common.Screen: load the calendar and the templates.
func (s *Screen) Init() tea.Cmd {
	ctx, st, organ, q := s.c.Context(), s.c.Store, s.c.Organ, s.q
	return func() tea.Msg {
		env, err := st.LoadLetterEnv(ctx, organ, q)
		return envMsg{env: env, err: err}
	}
}

// Title implements common.Screen.
func (s *Screen) Title() string { return fmt.Sprintf(text.LetTitle, s.q.Year, s.q.Serial) }

// Typing implements common.Typing.
func (s *Screen) Typing() bool {
	if s.tpl != nil {
		return true
	}
	cur := s.form.Current()
	return cur != nil && cur.Input != nil
}

// Busy implements common.Busy: Esc closes the template editor first.
func (s *Screen) Busy() bool { return s.tpl != nil }

// Dirty implements common.Editing: a template edit not yet saved.
func (s *Screen) Dirty() bool { return s.tpl != nil && s.tpl.Value() != s.tplWas }

// KeyMap implements common.Screen.
func (s *Screen) KeyMap() help.KeyMap {
	if s.tpl != nil {
		return keys.Map{Short: []key.Binding{s.keys.TplSave, s.keys.TplBack}}
	}
	return keys.Map{Short: []key.Binding{keys.Global.Next, keys.Global.Prev, s.keys.Write, s.keys.Template, s.keys.Scroll, s.keys.Back}}
}

// Draft is the letter as it stands (tests).
func (s *Screen) Draft() *desk.LetterDraft { return s.draft }

// build lays out the fields of the current kind, keeping typed values.
func (s *Screen) build() {
	if s.form != nil {
		for _, f := range s.form.Fields {
			if f.Input != nil {
				s.values[f.Key] = f.Value()
			}
		}
	}
	ki := 0
	labels := make([]string, len(model.LetterKinds))
	for i, k := range model.LetterKinds {
		labels[i] = k.Short()
		if k == s.kind {
			ki = i
		}
	}
	text_ := func(k, label, hint string) *components.Field {
		f := components.TextField(k, label, s.values[k])
		f.Hint = hint
		f.Input.Clean = model.CleanLine
		return f
	}
	fs := []*components.Field{components.ChoiceField(fKind, text.LetFieldKind, labels, ki)}
	date := text_(fDate, text.LetFieldDate, text.LetDateHint)
	date.Validate = func(v string) error { _, err := model.ParseDate(v); return err }
	fs = append(fs, date)
	switch s.kind {
	case model.LetterCorrection:
		fs = append(fs, text_(fUnclear, text.LetFieldUnclear, ""))
	case model.LetterExtension:
		ext := text_(fExtDays, text.LetFieldExtDays, text.LetExtHint)
		ext.Validate = func(v string) error {
			if strings.TrimSpace(v) == "" {
				return nil
			}
			n, err := model.ParseCount(v)
			if err == nil && (n < 1 || n > model.MaxExtWorkdays) {
				return fmt.Errorf("%s", text.LetExtHint)
			}
			return err
		}
		fs = append(fs, ext)
	case model.LetterConsultation:
		fs = append(fs, text_(fThird, text.LetFieldThird, ""))
	case model.LetterAnswer:
		switch o := s.q.Outcome; {
		case o == model.RowPartly:
			fs = append(fs, text_(fDelivery, text.LetFieldDelivery, ""), text_(fWithheld, text.LetFieldWithheld, ""), text_(fReason, text.LetFieldReason, ""))
		case o == model.RowDisclosed || o == "o5_3":
			fs = append(fs, text_(fDelivery, text.LetFieldDelivery, ""))
		case o == "o3_2":
			fs = append(fs, text_(fReason, text.LetFieldReason, ""))
		case o == "o4_1":
			fs = append(fs, text_(fHolder, text.LetFieldHolder, text.LetHolderHint), text_(fPhone, text.LetFieldHolderPhone, ""))
		case strings.HasPrefix(o, "o6") && o != "o6_1" && o != "o6_2":
			fs = append(fs, text_(fOther, text.LetFieldOther, ""))
		}
	}
	fs = append(fs, text_(fDir, text.LetFieldDir, text.LetDirHint))
	focus := 0
	if s.form != nil {
		focus = s.form.Focus
	}
	s.form = components.NewForm(components.FormStyles{Label: s.c.Styles.Label, Focus: s.c.Styles.Heading, Error: s.c.Styles.Error, Muted: s.c.Styles.Muted}, fs...)
	for s.form.Focus != min(focus, len(fs)-1) {
		s.form.Update(tea.KeyPressMsg{Code: tea.KeyTab})
	}
	s.sizeForm()
}

// sizeForm tells the form its size on the screen of the last size
// message: its fields, at most half the screen.
func (s *Screen) sizeForm() {
	if s.form != nil && s.size.Width > 0 {
		s.form.SetSize(s.size.Width, formHeight(len(s.form.Fields), s.size.Height))
	}
}

// formHeight is the form's height with n fields on a screen height lines
// tall.
func formHeight(n, height int) int { return min(n+2, max(3, height/2)) }

// value is a field's current text ("" when the kind has no such field).
func (s *Screen) value(k string) string {
	if f := s.form.Field(k); f != nil {
		return strings.TrimSpace(f.Value())
	}
	return ""
}

// input gathers the letter's inputs from the fields.
func (s *Screen) input() model.LetterInput {
	in := model.LetterInput{
		Unclear: s.value(fUnclear), ThirdParty: s.value(fThird), Withheld: s.value(fWithheld), Reason: s.value(fReason),
		Holder: s.value(fHolder), HolderPhone: s.value(fPhone), Delivery: s.value(fDelivery), OtherHandled: s.value(fOther),
	}
	if d, err := model.ParseDate(s.value(fDate)); err == nil {
		in.Date = d
	}
	if n, err := strconv.Atoi(model.NormalizeDigits(s.value(fExtDays))); err == nil {
		in.ExtDays = n
	}
	return in
}

// compose drafts the letter from the fields; no I/O.
func (s *Screen) compose() {
	if s.env == nil {
		return
	}
	d, err := s.env.Compose(s.c.Organ, s.q, s.kind, s.input(), s.c.Today)
	s.draft, s.draftErr = d, ""
	if err != nil {
		s.draft, s.draftErr = nil, err.Error()
	}
}

// Update implements common.Screen. After each message the preview's
// scroll is clamped and the template editor scrolled (Editor.Scroll) for
// the size they are drawn at, so that View only draws (Editor.Draw).
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	next, cmd := s.update(msg)
	s.settle()
	return next, cmd
}

// drawSize is the size the screen is drawn at: as told by the last size
// message, else 80×21 (80×24 less the app's bars).
func (s *Screen) drawSize() (int, int) {
	if s.size.Width <= 0 || s.size.Height <= 0 {
		return 80, 21
	}
	return s.size.Width, s.size.Height
}

func (s *Screen) settle() {
	w, h := s.drawSize()
	if s.tpl != nil {
		s.tpl.Scroll(w, max(1, h-tplTop))
		return
	}
	if s.form != nil {
		_, most := s.draw(w, h)
		s.scroll = max(0, min(s.scroll, most))
	}
}

func (s *Screen) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
		s.sizeForm()
		return s, nil
	case envMsg:
		if msg.err != nil {
			s.loadErr = msg.err.Error()
			return s, nil
		}
		s.env = msg.env
		s.compose()
		return s, nil
	case writtenMsg:
		s.busy = false
		if msg.err != nil {
			s.note, s.noteErr = fmt.Sprintf(text.LetWriteFailed, msg.err.Error()), true
			return s, nil
		}
		personal := s.q.Personal
		s.q = msg.res.Request
		s.q.Personal = personal
		s.note, s.noteErr = fmt.Sprintf(text.LetWritten, msg.res.Letter.Title, msg.res.Record.Number, msg.res.File.Path), false
		s.written[msg.res.Letter.Kind] = msg.res.Record.Number
		s.compose()
		return s, tea.Batch(s.c.Saved(), common.ReloadRequests(s.q.ID))
	case tplSavedMsg:
		if msg.err != nil {
			s.note, s.noteErr = fmt.Sprintf(text.LetWriteFailed, msg.err.Error()), true
			return s, nil
		}
		if strings.TrimSpace(msg.tpl.Body) == "" {
			delete(s.env.Templates, msg.key)
		} else {
			s.env.Templates[msg.key] = msg.tpl
		}
		s.tpl = nil
		s.note, s.noteErr = text.LetTplSaved, false
		s.compose()
		return s, s.c.Saved()
	case tplAnswer:
		switch {
		case msg.save:
			return s, s.saveTemplate()
		case msg.discard:
			s.tpl = nil
		}
		return s, nil
	case tea.PasteMsg:
		if s.tpl != nil {
			s.tpl.Update(msg)
			return s, nil
		}
		s.form.Update(msg)
		s.compose()
		return s, nil
	case tea.KeyPressMsg:
		return s, s.key(msg)
	}
	return s, nil
}

func (s *Screen) key(k tea.KeyPressMsg) tea.Cmd {
	if s.tpl != nil {
		switch {
		case key.Matches(k, s.keys.TplSave):
			return s.saveTemplate()
		case key.Matches(k, s.keys.TplBack):
			if !s.Dirty() {
				s.tpl = nil
				return nil
			}
			return dialog.Open(dialog.NewAsk(s.c, text.LetTplAsk,
				dialog.Choice{Key: keys.Bind(text.KeySave, "s", "y"), Reply: tplAnswer{save: true}},
				dialog.Choice{Key: keys.Bind(text.AskDiscard, "d"), Reply: tplAnswer{discard: true}},
				dialog.Choice{Key: key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", text.LetTplGoOn)), Reply: tplAnswer{}},
			))
		}
		s.tpl.Update(k)
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Back):
		return func() tea.Msg { return common.BackMsg{} }
	case key.Matches(k, s.keys.Write):
		return s.write()
	case key.Matches(k, s.keys.Template):
		s.openTemplate()
		return nil
	case key.Matches(k, s.keys.Scroll):
		if key.Matches(k, keys.Nav.PageUp) {
			s.scroll = max(0, s.scroll-5)
		} else {
			s.scroll += 5
		}
		return nil
	}
	ev := s.form.Update(k)
	if ev.Changed != nil && ev.Changed.Key == fKind {
		s.kind = model.LetterKinds[ev.Changed.Choice]
		s.build()
		s.scroll = 0
	}
	if ev.Consumed {
		s.compose()
	}
	return nil
}

// write numbers the letter, records it on the request and writes the file.
func (s *Screen) write() tea.Cmd {
	if s.busy || s.env == nil {
		return nil
	}
	if ev := s.form.Leave(); ev.Refused {
		return nil
	}
	s.compose()
	if s.draft == nil {
		s.note, s.noteErr = s.draftErr, true
		return nil
	}
	// The folder itself is checked by WriteLetter, off the Update loop (a
	// slow or pulled stick must not freeze the screen); only the empty
	// field is answered here.
	dir := components.CleanPath(s.value(fDir))
	if dir == "" {
		s.note, s.noteErr = desk.CheckLetterFolder(dir).Error(), true
		return nil
	}
	s.busy, s.note, s.noteErr = true, text.LetWriting, false
	ctx, st, d := s.c.Context(), s.c.Store, s.draft
	return s.c.Track(func() tea.Msg {
		res, err := st.WriteLetter(ctx, d, dir)
		return writtenMsg{res: res, err: err}
	})
}

func (s *Screen) tplKeyNow() string { return model.TemplateKey(s.kind, s.q.Outcome) }

func (s *Screen) openTemplate() {
	if s.env == nil {
		return
	}
	k := s.tplKeyNow()
	body := ""
	if t, ok := s.env.Templates[k]; ok && t.Body != "" {
		body = t.Body
	} else if def, ok := model.DefaultTemplate(k); ok {
		body = def.Body
	} else {
		return
	}
	s.tpl, s.tplKey, s.tplWas = components.NewEditor(), k, body
	s.tpl.SetValue(body)
}

// saveTemplate stores the edited template for the organ; a body equal to
// the program's own goes back to it.
func (s *Screen) saveTemplate() tea.Cmd {
	k, body := s.tplKey, strings.TrimSpace(s.tpl.Value())
	if def, ok := model.DefaultTemplate(k); ok && body == strings.TrimSpace(def.Body) {
		body = ""
	}
	t := model.LetterTemplate{Body: body}
	if old, ok := s.env.Templates[k]; ok {
		t.Title = old.Title
	}
	ctx, st, organ := s.c.Context(), s.c.Store, s.c.Organ.ID
	return s.c.Track(func() tea.Msg {
		err := st.SaveLetterTemplate(ctx, organ, k, t)
		return tplSavedMsg{key: k, tpl: t, err: err}
	})
}

// previewLines is the letter's text as it will print, wrapped to width.
func (s *Screen) previewLines(width int) []string {
	st := s.c.Styles
	if s.loadErr != "" {
		return []string{st.Error.Render(s.loadErr)}
	}
	if s.env == nil {
		return []string{st.Muted.Render(text.LetLoading)}
	}
	if s.draft == nil {
		var out []string
		for _, l := range components.Wrap(s.draftErr, width) {
			out = append(out, st.Error.Render(l))
		}
		return out
	}
	l := s.draft.Letter
	var out []string
	center := func(t string) string {
		pad := max(0, (width-components.StringWidth(t))/2)
		return strings.Repeat(" ", pad) + t
	}
	out = append(out, center(l.Title))
	num := l.Number
	if num == "" {
		num = s.written[s.kind]
	}
	if num == "" {
		num = s.c.Organ.DocNumberBlank(l.Date.Year())
	}
	out = append(out, center(num), l.Addressee)
	for _, p := range l.Paragraphs {
		out = append(out, components.Wrap("　　"+p, width)...)
	}
	right := func(t string) string {
		return strings.Repeat(" ", max(0, width-components.StringWidth(t)-4)) + t
	}
	out = append(out, "", right(l.Organ), right(l.Date.Chinese()))
	return out
}

// View implements common.Screen.
func (s *Screen) View(width, height int) string {
	v, _ := s.draw(width, height)
	return v
}

// draw draws the screen and says how far the preview can scroll. It
// changes nothing.
func (s *Screen) draw(width, height int) (string, int) {
	st := s.c.Styles
	head := st.Title.Render(components.Fit(s.Title()+" · "+orDash(s.q.Personal.Name), width))
	if s.tpl != nil {
		lines := []string{head, st.Heading.Render(components.Fit(fmt.Sprintf(text.LetTplTitle, templateName(s.tplKey)), width)),
			st.Muted.Render(components.Fit(text.LetTplHint, width)),
			st.Muted.Render(components.KeyHints(s.KeyMap().ShortHelp(), key.Binding{}, width))}
		body := s.tpl.Draw(width, max(1, height-tplTop))
		return components.Block(strings.Join(lines, "\n")+"\n"+body, width, height), 0
	}
	formH := formHeight(len(s.form.Fields), height)
	lines := append([]string{head}, strings.Split(s.form.View(width, formH), "\n")...)
	used := len(lines)
	label := text.LetPreview
	if s.draft != nil {
		what := s.draft.Letter.Title
		if arts := s.draft.Letter.Articles(); len(arts) > 0 {
			what += " · " + text.LetCites + strings.Join(arts, "、")
		}
		label = fmt.Sprintf(label, what)
	} else {
		label = fmt.Sprintf(label, s.kind.Label())
	}
	lines = append(lines, st.Heading.Render(components.Fit(label, width)))
	used++
	var notes []string
	if s.note != "" {
		notes = components.Wrap(s.note, width)
		notes = notes[:min(3, len(notes))]
	}
	noteLines := len(notes)
	prev := s.previewLines(max(4, width-2))
	h := max(0, height-used-noteLines)
	most := max(0, len(prev)-h)
	top := min(s.scroll, most)
	for i := top; i < len(prev) && i < top+h; i++ {
		lines = append(lines, " "+prev[i])
	}
	for len(lines) < height-noteLines {
		lines = append(lines, "")
	}
	lines = lines[:max(0, height-noteLines)]
	for _, n := range notes {
		if s.noteErr {
			n = st.Error.Render(n)
		} else {
			n = st.OK.Render(n)
		}
		lines = append(lines, n)
	}
	return components.Block(strings.Join(lines, "\n"), width, height), most
}

// Cursor implements common.Screen.
func (s *Screen) Cursor() *tea.Cursor {
	if s.tpl != nil {
		x, y := s.tpl.CursorXY()
		return tea.NewCursor(x, tplTop+y)
	}
	x, y := s.form.CursorXY()
	if x < 0 {
		return nil
	}
	return tea.NewCursor(x, formTop+y)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// templateName names a template key for the editor's heading.
func templateName(k string) string {
	if outcome, ok := strings.CutPrefix(k, "answer."); ok {
		if f := model.FormatForYear(2021); f != nil && f.IsOutcome(outcome) {
			return model.LetterAnswer.Label() + " " + f.OutcomeLabel(outcome)
		}
		return model.LetterAnswer.Label() + " " + outcome
	}
	return model.LetterKind(k).Label()
}
