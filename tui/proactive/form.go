package proactive

import (
	"context"
	"errors"
	"fmt"
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

// Field keys of the entry form.
const (
	fTitle = "title"
	fDate  = "date"
	fCat   = "category"
	fChans = "channels"
	fLink  = "link"
	fArt20 = "art20"
)

// art20Choice is one choice of the 第二十条（一） field.
type art20Choice struct {
	row    string
	action model.Art20Action
}

// entryForm is the heads-down entry form: Enter moves to the next field and,
// on the last, saves and starts the next entry with the date, category and
// channels of the one just saved.
type entryForm struct {
	form    *components.Form
	editing *model.DisclosureItem // nil for a new entry
	base    model.DisclosureItem  // the values the form started with
	art20   []art20Choice
	// cats and arts keep the picked category and 第二十条（一） choice in
	// view however narrow the pane.
	cats, arts *carousel
	saving     bool
	closeAfter bool // 保存 answered on leaving: back to the list once saved
	note       string
	noteErr    bool
}

// prefill is what a new entry is offered: the previous entry's date,
// category and channels.
type prefill struct {
	date     model.Date
	category string
	channels []string
	entered  int // entries saved in this run of the form
}

// itemSavedMsg reports a saved entry.
type itemSavedMsg struct {
	it    model.DisclosureItem
	isNew bool
	err   error
}

func (s *Screen) formStyles() components.FormStyles {
	st := s.c.Styles
	return components.FormStyles{Label: st.Label, Focus: st.Focused, Error: st.Error, Muted: st.Muted}
}

// art20Choices lists the 第二十条（一） choices of the report's format.
func (s *Screen) art20Choices() ([]string, []art20Choice) {
	labels := []string{text.ItemsArt20None}
	choices := []art20Choice{{}}
	f := s.c.Format()
	if f == nil {
		return labels, choices
	}
	t := f.Table(model.TableS2Item1)
	if t == nil {
		return labels, choices
	}
	for _, r := range t.Rows {
		labels = append(labels, fmt.Sprintf(text.ItemsArt20Issued, r.Label))
		choices = append(choices, art20Choice{r.ID, model.Art20Issued})
		if f.ID != "2019" {
			labels = append(labels, fmt.Sprintf(text.ItemsArt20Repeal, r.Label))
			choices = append(choices, art20Choice{r.ID, model.Art20Repealed})
		}
	}
	return labels, choices
}

// openForm starts the form: for it when editing, else a new entry offered
// the previous entry's date, category and channels.
func (s *Screen) openForm(it *model.DisclosureItem) tea.Cmd {
	base := model.DisclosureItem{OrganID: s.c.Organ.ID, Year: s.c.Year}
	if it != nil {
		base = *it
	} else {
		base.Published = s.last.date
		base.Category = s.last.category
		base.Channels = append([]string(nil), s.last.channels...)
		if base.Category == "" {
			base.Category = model.ItemOther
		}
		if len(base.Channels) == 0 && len(s.channels) > 0 {
			base.Channels = []string{s.channels[0]}
		}
	}
	s.form = s.newEntryForm(base, it != nil)
	s.mode = modeForm
	return nil
}

func (s *Screen) newEntryForm(base model.DisclosureItem, editing bool) *entryForm {
	ef := &entryForm{base: base}
	if editing {
		cp := base
		ef.editing = &cp
	}
	title := components.TextField(fTitle, text.ItemsFieldTitle, base.Title)
	title.Hint = text.ItemsHintTitle
	title.Input.Clean = model.CleanLine
	title.Validate = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("%s", text.ItemsErrTitle)
		}
		return nil
	}
	date := components.TextField(fDate, text.ItemsFieldDate, base.Published.String())
	date.Hint = text.ItemsHintDate
	date.Input.Clean = model.CleanLine
	year := s.c.Year
	date.Validate = func(v string) error { _, err := parseEntryDate(v, year); return err }

	cats := append([]string(nil), s.categories...)
	ci := indexOf(cats, base.Category)
	if ci < 0 {
		cats = append(cats, base.Category)
		ci = len(cats) - 1
	}
	ef.cats = newCarousel(fCat, text.ItemsFieldCat, cats, ci)
	cat := ef.cats.field
	cat.Hint = fmt.Sprintf(text.ItemsHintCat, keys.Key(keys.Choose))

	chans := components.TextField(fChans, text.ItemsFieldChans, strings.Join(base.Channels, "、"))
	chans.Hint = fmt.Sprintf(text.ItemsHintChans, strings.Join(s.channels, "、"))
	chans.Input.Clean = model.CleanLine
	link := components.TextField(fLink, text.ItemsFieldLink, base.Location)
	link.Hint = text.ItemsHintLink
	link.Input.Clean = model.CleanLine

	labels, choices := s.art20Choices()
	ai := 0
	for i, c := range choices {
		if c.row == base.Art20Row && c.action == base.Art20Action {
			ai = i
		}
	}
	ef.art20 = choices
	ef.arts = newCarousel(fArt20, text.ItemsFieldArt20, labels, ai)
	art := ef.arts.field
	art.Hint = text.ItemsHintArt20
	if f := s.c.Format(); f != nil && f.ID == "2019" {
		art.Hint = text.ItemsHintArt20Old
	}
	ef.form = components.NewForm(s.formStyles(), title, date, cat, chans, link, art)
	return ef
}

func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// parseEntryDate reads the date field: any form model.ParseDate accepts, or
// a month and day alone (3-5, 3/5, 3月5日) taken in the report year. The
// date must lie in year.
func parseEntryDate(v string, year int) (model.Date, error) {
	t := strings.TrimSpace(model.NormalizeDigits(v))
	if t == "" {
		return 0, fmt.Errorf("%s", text.ItemsErrNoDate)
	}
	d, err := model.ParseDate(t)
	if err != nil {
		alt := ""
		switch {
		case strings.Contains(t, "月") && !strings.Contains(t, "年"):
			alt = fmt.Sprintf("%d年%s", year, t)
		case strings.Count(t, "-") == 1:
			alt = fmt.Sprintf("%d-%s", year, t)
		case strings.Count(t, "/") == 1:
			alt = fmt.Sprintf("%d/%s", year, t)
		case strings.Count(t, ".") == 1:
			alt = fmt.Sprintf("%d.%s", year, t)
		}
		if alt == "" {
			return 0, err
		}
		d2, err2 := model.ParseDate(alt)
		if err2 != nil {
			return 0, err
		}
		d = d2
	}
	if d.Year() != year {
		return 0, fmt.Errorf(text.ItemsErrYear, d.String(), year, year)
	}
	return d, nil
}

// splitChannels reads the channels field: names separated by 、 , ， ; ；
// or /, each once.
func splitChannels(v string) []string {
	parts := strings.FieldsFunc(v, func(r rune) bool {
		switch r {
		case '、', ',', '，', ';', '；', '/', '／':
			return true
		}
		return false
	})
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p != "" && indexOf(out, p) < 0 {
			out = append(out, p)
		}
	}
	return out
}

// item builds the entry from the fields (without validating).
func (ef *entryForm) item(year int) model.DisclosureItem {
	it := ef.base
	f := ef.form
	it.Title = strings.TrimSpace(f.Field(fTitle).Value())
	it.Published, _ = parseEntryDate(f.Field(fDate).Value(), year)
	it.Category = f.Field(fCat).Value()
	it.Channels = splitChannels(f.Field(fChans).Value())
	it.Location = strings.TrimSpace(f.Field(fLink).Value())
	a := ef.art20[ef.arts.pick]
	it.Art20Row, it.Art20Action = a.row, a.action
	return it
}

func (ef *entryForm) typing() bool {
	cur := ef.form.Current()
	return cur != nil && cur.Input != nil
}

// dirty reports whether the form holds something not saved: for a new
// entry a title or link typed, for an edit any change.
func (ef *entryForm) dirty() bool {
	f := ef.form
	if ef.editing == nil {
		return strings.TrimSpace(f.Field(fTitle).Value()) != "" || strings.TrimSpace(f.Field(fLink).Value()) != ef.base.Location
	}
	b := ef.base
	return f.Field(fTitle).Value() != b.Title || f.Field(fDate).Value() != b.Published.String() ||
		f.Field(fCat).Value() != b.Category || f.Field(fChans).Value() != strings.Join(b.Channels, "、") ||
		f.Field(fLink).Value() != b.Location || ef.art20[ef.arts.pick] != (art20Choice{b.Art20Row, b.Art20Action})
}

// entryKeys are the keys of the item form: Enter on the last field saves
// as Ctrl+S does, and the form opens empty for the next item.
var entryKeys = struct{ Next, Prev, Choose, SaveNext, SaveLast, Wipe, Back key.Binding }{
	Next:     keys.Global.Next,
	Prev:     keys.Global.Prev,
	Choose:   keys.Choose,
	SaveNext: keys.Bind(text.ItemsKeySaveNext, "ctrl+s"),
	SaveLast: keys.Bind(text.ItemsKeySaveNext, "enter"),
	Wipe:     keys.Global.Wipe,
	Back:     keys.Global.Back,
}

func (ef *entryForm) keyMap() help.KeyMap {
	k := entryKeys
	cur := ef.form.Current()
	k.Choose.SetEnabled(cur != nil && cur.Choices != nil)
	k.Wipe.SetEnabled(cur != nil && cur.Input != nil && cur.Input.Value() != "")
	if ef.form.Focus == len(ef.form.Fields)-1 {
		k.Next = k.SaveLast
	}
	return keys.Map{Short: []key.Binding{k.Next, k.Prev, k.Choose, k.SaveNext, k.Back, k.Wipe}}
}

func (ef *entryForm) update(s *Screen, msg tea.Msg) tea.Cmd {
	if ef.saving {
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		b := entryKeys
		switch {
		case key.Matches(k, b.Back):
			if ef.dirty() || ef.form.Invalid() >= 0 {
				ef.form.Leave()
				return dialog.AskLeave(s.c, ef)
			}
			s.mode, s.form = modeList, nil
			return s.reload()
		case key.Matches(k, b.SaveNext):
			return ef.save(s)
		case key.Matches(k, b.SaveLast):
			if ef.form.Focus == len(ef.form.Fields)-1 {
				return ef.save(s)
			}
		}
	}
	ev := ef.form.Update(msg)
	if ev.Consumed {
		ef.note, ef.noteErr = "", false
	}
	ef.cats.sync()
	ef.arts.sync()
	ef.normalizeDate(s.c.Year)
	return nil
}

// normalizeDate shows a date typed as 3-8 or 3月8日 as 2021-03-08 once the
// cursor has left the field, so the clerk sees the day that will be saved.
func (ef *entryForm) normalizeDate(year int) {
	fl := ef.form.Field(fDate)
	if fl == nil || ef.form.Current() == fl {
		return
	}
	if d, err := parseEntryDate(fl.Value(), year); err == nil && fl.Value() != d.String() {
		fl.Input.SetValue(d.String())
	}
}

// carousel is a choice field that shows its choices rotated so that the
// one before the picked one comes first and the picked one second: the
// pick stays in view in a narrow pane, with its neighbours either side.
type carousel struct {
	field *components.Field
	all   []string
	pick  int // index into all
}

func newCarousel(key, label string, all []string, pick int) *carousel {
	c := &carousel{all: all, pick: pick}
	ch, i := c.rotated()
	c.field = components.ChoiceField(key, label, ch, i)
	return c
}

func (c *carousel) rotated() ([]string, int) {
	n := len(c.all)
	if n <= 2 {
		return c.all, c.pick
	}
	start := (c.pick - 1 + n) % n
	out := make([]string, n)
	for i := range n {
		out[i] = c.all[(start+i)%n]
	}
	return out, 1
}

// sync takes the pick the field made and rotates again.
func (c *carousel) sync() {
	if i := indexOf(c.all, c.field.Value()); i >= 0 {
		c.pick = i
	}
	c.field.Choices, c.field.Choice = c.rotated()
}

// save checks every field and saves the entry off the Update loop.
func (ef *entryForm) save(s *Screen) tea.Cmd {
	if ev := ef.form.Leave(); ev.Refused {
		return nil
	}
	for i, fl := range ef.form.Fields {
		if fl.Validate == nil {
			continue
		}
		if err := fl.Validate(fl.Value()); err != nil {
			fl.Err = err.Error()
			focusField(ef.form, i)
			return nil
		}
	}
	it := ef.item(s.c.Year)
	it.OrganID, it.Year = s.c.Organ.ID, s.c.Year
	isNew := ef.editing == nil
	if isNew {
		it.ID = 0
	}
	newCat := indexOf(model.DefaultItemCategories, it.Category) < 0
	var newChans []string
	for _, ch := range it.Channels {
		if indexOf(s.channels, ch) < 0 {
			newChans = append(newChans, ch)
		}
	}
	ef.saving = true
	ctx, st := s.ctx(), s.c.Store
	return s.c.Track(func() tea.Msg {
		err := saveEntry(ctx, st, &it, newCat, newChans)
		return itemSavedMsg{it: it, isNew: isNew, err: err}
	})
}

// errDuplicate refuses a new entry with the title and date of one already
// stored: typed twice by mistake, it would count twice.
var errDuplicate = errors.New(text.ItemsErrDuplicate)

// duplicate reports whether another item of the organ-year has the same
// title and date.
func duplicate(ctx context.Context, st common.Desk, it *model.DisclosureItem) (bool, error) {
	rows, err := st.ItemPage(ctx, desk.ItemQuery{OrganID: it.OrganID, Year: it.Year, Month: it.Published.Month(), Text: it.Title})
	if err != nil {
		return false, err
	}
	for i := range rows {
		if rows[i].ID != it.ID && rows[i].Published == it.Published && strings.TrimSpace(rows[i].Title) == it.Title {
			return true, nil
		}
	}
	return false, nil
}

func saveEntry(ctx context.Context, st common.Desk, it *model.DisclosureItem, newCat bool, newChans []string) error {
	if dup, err := duplicate(ctx, st, it); err != nil {
		return err
	} else if dup {
		return errDuplicate
	}
	if err := st.SaveItem(ctx, it); err != nil {
		return err
	}
	if newCat {
		if err := st.AddItemListValue(ctx, it.OrganID, desk.ListCategory, it.Category); err != nil {
			return err
		}
	}
	for _, ch := range newChans {
		if err := st.AddItemListValue(ctx, it.OrganID, desk.ListChannel, ch); err != nil {
			return err
		}
	}
	return nil
}

// focusField moves the form's focus to field i (a field that failed its
// check on saving).
func focusField(f *components.Form, i int) {
	if cur := f.Current(); cur != nil && cur.Input != nil {
		cur.Input.Blur()
	}
	f.Focus = i
	if cur := f.Current(); cur != nil && cur.Input != nil {
		cur.Input.Focus()
	}
}

// itemSaved handles a finished save: a new entry starts the next one at
// once, an edit returns to the list.
func (s *Screen) itemSaved(msg itemSavedMsg) (common.Screen, tea.Cmd) {
	if s.form != nil {
		s.form.saving = false
	}
	if errors.Is(msg.err, errDuplicate) {
		if s.form != nil {
			s.form.note, s.form.noteErr = msg.err.Error(), true
		}
		return s, nil
	}
	if msg.err != nil {
		if s.form != nil {
			s.form.note, s.form.noteErr = common.SaveFailedText(msg.err), true
		}
		return s, common.SaveFailed(msg.err)
	}
	s.pending = msg.it.ID
	lists := s.loadLists()
	if !msg.isNew || s.form != nil && s.form.closeAfter {
		s.mode, s.form = modeList, nil
		s.note = text.ItemsSavedEdit
		return s, tea.Batch(s.reload(), lists, s.c.Saved(), common.ReloadItems(msg.it.ID))
	}
	s.last = prefill{date: msg.it.Published, category: msg.it.Category, channels: msg.it.Channels, entered: s.last.entered + 1}
	s.openForm(nil)
	s.form.note = fmt.Sprintf(text.ItemsSavedNew, msg.it.Title)
	return s, tea.Batch(s.reload(), lists, s.c.Saved(), common.ReloadItems(msg.it.ID))
}

func (ef *entryForm) view(s *Screen, width, height int) string {
	st := s.c.Styles
	title := fmt.Sprintf(text.ItemsFormNew, s.last.entered)
	if ef.editing != nil {
		title = text.ItemsFormEdit
	}
	body := ef.form.View(width, max(1, height-4))
	lines := []string{st.Title.Render(title), body, ""}
	note := ef.note
	if ef.noteErr {
		note = st.Error.Render(note)
	} else if note != "" {
		note = st.OK.Render(note)
	}
	lines = append(lines, note, st.Muted.Render(components.KeyHints(s.KeyMap().ShortHelp(), key.Binding{}, width)))
	return components.Block(strings.Join(lines, "\n"), width, height)
}

// sizeForm tells an open entry form its size (under its title, above its
// note and keys), so it settles its scroll in Update.
func (s *Screen) sizeForm() {
	if s.form != nil && s.size.Width > 0 {
		s.form.form.SetSize(s.size.Width, max(1, s.size.Height-4))
	}
}

func (ef *entryForm) cursor() *tea.Cursor {
	x, y := ef.form.CursorXY()
	if x < 0 {
		return nil
	}
	return tea.NewCursor(x, y+1)
}
