// Package proactive is the workstation screen for the register of
// proactively published items (主动公开信息, model.DisclosureItem):
// a list that pages through SQLite by keyset and draws only its visible
// rows, with filters by category, channel and month and a search; a
// heads-down form for entering one item after another; an import of item
// lists from .xlsx/.csv by keyboard; and the year's counts, whose sentence
// can go into section 二's narrative.
package proactive

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/components/pagedlist"
	"nianbao/tui/dialog"
	"nianbao/tui/entrydelete"
	"nianbao/tui/keys"
	"nianbao/tui/sheetimport"
	"nianbao/tui/text"
)

type mode int

const (
	modeList mode = iota
	modeForm
	modeImport
	modeCounts
)

// Screen is the disclosure items screen.
type Screen struct {
	c    *common.Common
	mode mode

	// The organ's lists: defaults plus its own, for choices and filters.
	categories []string
	channels   []string

	// Filters: index into the lists (-1 = all), month 0 = all, search text.
	fCat, fChan, fMonth int
	search              string
	searching           bool
	input               *components.Input

	// rows pages through the items the filters select, by keyset.
	rows    *pagedlist.List[model.DisclosureItem]
	pending int64 // an item id to put the cursor on at the next reload

	del    *entrydelete.Bin[model.DisclosureItem]
	note   string
	height int

	form *entryForm
	size tea.WindowSizeMsg // the screen's size, for the form
	last prefill
	imp  *importFlow
	cnt  *countsView

	keys listKeys
}

type listKeys struct {
	Edit, New, Delete, Undo, Search, Category, Channel, Month, Clear, Import, Counts key.Binding
	// While searching.
	SearchDone, SearchCancel key.Binding
}

// New builds the screen for the open organ-year.
func New(c *common.Common) common.Screen {
	s := &Screen{c: c, input: components.NewInput(), height: 20, fCat: -1, fChan: -1}
	s.input.Clean = model.CleanLine
	s.categories = append([]string(nil), model.DefaultItemCategories...)
	s.channels = append([]string(nil), model.DefaultItemChannels...)
	s.rows = pagedlist.New(c.Context, s.source)
	s.rows.OnMissing(s.clearFilters)
	s.del = entrydelete.New(c, entrydelete.Spec[model.DisclosureItem]{
		ID:      func(it *model.DisclosureItem) int64 { return it.ID },
		Name:    func(it *model.DisclosureItem) string { return it.Title },
		Deleted: func(it *model.DisclosureItem) string { return fmt.Sprintf(text.ItemsDeleted, it.Title) },
		Delete: func(ctx context.Context, st common.Desk, id int64) (model.DisclosureItem, error) {
			return st.DeleteItem(ctx, id)
		},
		Restore: func(ctx context.Context, st common.Desk, it model.DisclosureItem) (model.DisclosureItem, error) {
			it.ID = 0 // stored again as a new item
			err := st.SaveItem(ctx, &it)
			return it, err
		},
		Reload:  func(it *model.DisclosureItem) tea.Cmd { return common.ReloadItems(it.ID) },
		Changed: s.rows.Refresh,
	})
	s.rows.SetHeight(s.listHeight())
	s.keys = listKeys{
		Edit:     keys.Bind(text.KeyEdit, "enter", "e"),
		New:      keys.Bind(text.ItemsKeyNew, "n"),
		Delete:   keys.Bind(text.KeyDelete, "d", "delete"),
		Undo:     keys.Bind(text.KeyUndo, "u", "ctrl+z"),
		Search:   keys.Bind(text.ItemsKeySearch, "/"),
		Category: keys.Bind(text.ItemsKeyCategory, "c"),
		Channel:  keys.Bind(text.ItemsKeyChannel, "w"),
		Month:    keys.Bind(text.ItemsKeyMonth, "m"),
		Clear:    keys.Bind(text.ItemsKeyClear, "x", "esc"),
		Import:   keys.Bind(text.ItemsKeyImport, "i"),
		Counts:   keys.Bind(text.ItemsKeyCounts, "v"),

		SearchDone:   keys.Bind(text.ItemsKeySearched, "enter"),
		SearchCancel: keys.Bind(text.KeyCancel, "esc"),
	}
	return s
}

// Title implements common.Screen.
func (s *Screen) Title() string { return text.TitleItems }

// Init implements common.Screen: load the organ's lists and the first page.
func (s *Screen) Init() tea.Cmd { return tea.Batch(s.loadLists(), s.reload()) }

// Typing implements common.Typing: printable keys are text while an input
// has the focus.
func (s *Screen) Typing() bool {
	switch s.mode {
	case modeForm:
		return s.form != nil && s.form.typing()
	case modeImport:
		return s.imp != nil && s.imp.Typing()
	case modeList:
		return s.searching
	}
	return false
}

// Busy implements common.Busy: Esc closes a nested state first.
func (s *Screen) Busy() bool {
	return s.mode != modeList || s.searching || s.filtered() || s.search != ""
}

// Dirty implements common.Editing: an entry typed but not saved.
func (s *Screen) Dirty() bool { return s.mode == modeForm && s.form != nil && s.form.dirty() }

func (s *Screen) filtered() bool { return s.fCat >= 0 || s.fChan >= 0 || s.fMonth != 0 }

func (s *Screen) ctx() context.Context { return s.c.Context() }

// KeyMap implements common.Screen.
func (s *Screen) KeyMap() help.KeyMap {
	switch {
	case s.mode == modeForm:
		return s.form.keyMap()
	case s.mode == modeImport:
		return s.imp.keyMap()
	case s.mode == modeCounts:
		return s.cnt.keyMap()
	case s.searching:
		return keys.Map{Short: []key.Binding{s.keys.SearchDone, s.keys.SearchCancel}}
	}
	k := s.bindings()
	return keys.Map{
		Short: []key.Binding{k.New, k.Edit, k.Delete, k.Import, k.Counts, k.Search, k.Category, k.Month},
		Full: [][]key.Binding{
			append(s.rows.Keys().Bindings(), k.Edit, k.New, k.Delete, k.Undo),
			{k.Search, k.Category, k.Channel, k.Month, k.Clear, k.Import, k.Counts},
		},
	}
}

// bindings are the list's keys, enabled where they act: the keys are
// dispatched from them (listKey) and the help is drawn from them (KeyMap).
func (s *Screen) bindings() listKeys {
	k := s.keys
	n := s.rows.Total()
	k.Edit.SetEnabled(n > 0)
	k.Delete.SetEnabled(n > 0)
	k.Clear.SetEnabled(s.filtered() || s.search != "")
	return k
}

// ---- the organ's lists ----

type listsMsg struct {
	cats, chans []string
	err         error
}

func (s *Screen) loadLists() tea.Cmd {
	if s.c.Store == nil {
		return nil
	}
	ctx, st, organ := s.ctx(), s.c.Store, s.c.Organ.ID
	return func() tea.Msg {
		cats, chans, err := st.ItemLists(ctx, organ)
		return listsMsg{cats, chans, err}
	}
}

// mergeList is the defaults followed by the organ's own values, each once,
// with 其他 kept last.
func mergeList(defaults, own []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range defaults {
		if d != model.ItemOther {
			seen[d] = true
			out = append(out, d)
		}
	}
	for _, v := range own {
		if v != "" && !seen[v] && v != model.ItemOther {
			seen[v] = true
			out = append(out, v)
		}
	}
	return append(out, model.ItemOther)
}

// ---- paging ----

// Query is the db query of the current filters.
func (s *Screen) Query() desk.ItemQuery {
	q := desk.ItemQuery{OrganID: s.c.Organ.ID, Year: s.c.Year, Month: s.fMonth, Text: s.search}
	if s.fCat >= 0 && s.fCat < len(s.categories) {
		q.Category = s.categories[s.fCat]
	}
	if s.fChan >= 0 && s.fChan < len(s.channels) {
		q.Channel = s.channels[s.fChan]
	}
	return q
}

// source reads the items the filters select, in the order of the register
// (date published, then id) by keyset.
func (s *Screen) source() pagedlist.Source[model.DisclosureItem] {
	if s.c.Store == nil || s.c.Organ.ID == 0 {
		return pagedlist.Source[model.DisclosureItem]{}
	}
	st, q := s.c.Store, s.Query()
	return pagedlist.Source[model.DisclosureItem]{
		Count: func(ctx context.Context) (int, error) { return st.CountItems(ctx, q) },
		Page: func(ctx context.Context, at pagedlist.Anchor[model.DisclosureItem], limit int) ([]model.DisclosureItem, error) {
			q := q
			q.Limit = limit
			switch {
			case at.Last:
				q.BeforePublished, q.BeforeID = model.Date(99991231), 1<<62
			case at.Before != nil:
				q.BeforePublished, q.BeforeID = at.Before.Published, at.Before.ID
			case at.After != nil:
				q.AfterPublished, q.AfterID = at.After.Published, at.After.ID
			}
			return st.ItemPage(ctx, q)
		},
		ID: func(it *model.DisclosureItem) int64 { return it.ID },
	}
}

// reload reads the list again, keeping the cursor's place or putting it on
// the pending item.
func (s *Screen) reload() tea.Cmd {
	if id := s.pending; id != 0 {
		s.pending = 0
		return s.rows.Show(id)
	}
	return s.rows.Reload()
}

func (s *Screen) listHeight() int { return max(1, s.height-4) }

// settle is Update's part of drawing, so that View only draws: the open
// form learns its size, the list scrolls to keep its cursor in view, and
// the search input and the counts scroll for the size they are drawn at.
func (s *Screen) settle() {
	s.sizeForm()
	s.rows.SetHeight(s.listHeight())
	s.rows.Visible()
	s.input.Scroll(searchWidth(s.drawWidth()))
	if s.mode == modeCounts && s.cnt != nil {
		h := s.size.Height
		if h <= 0 {
			h = 21
		}
		_, most := s.cnt.draw(s, s.drawWidth(), h)
		s.cnt.scroll = min(s.cnt.scroll, most)
	}
}

// drawWidth is the width the screen is drawn at: as told by the last size
// message, else 80.
func (s *Screen) drawWidth() int {
	if s.size.Width <= 0 {
		return 80
	}
	return s.size.Width
}

// searchWidth is the width of the search input on a line of width cells.
func searchWidth(width int) int { return max(4, width-components.StringWidth(text.ItemsSearchLabel)) }

// ---- update ----

// Update implements common.Screen.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if sz, ok := msg.(tea.WindowSizeMsg); ok {
		s.size, s.height = sz, sz.Height
	}
	defer s.settle()
	if ok, cmd := s.rows.Update(msg); ok {
		return s, cmd
	}
	if ok, ev, cmd := s.del.Update(msg); ok {
		s.note = ev.Note
		return s, cmd
	}
	switch msg := msg.(type) {
	case listsMsg:
		if msg.err == nil {
			s.categories = mergeList(model.DefaultItemCategories, msg.cats)
			s.channels = mergeList(model.DefaultItemChannels, msg.chans)
		}
		return s, nil
	case itemSavedMsg:
		return s.itemSaved(msg)
	case dialog.LeaveMsg:
		ef := s.form
		if ef == nil || msg.Owner != ef {
			return s, nil
		}
		switch msg.Answer {
		case dialog.LeaveSave:
			if i := ef.form.Invalid(); i >= 0 {
				_, note := dialog.Settle(ef.form, msg.Answer)
				ef.note, ef.noteErr = note, true
				return s, nil
			}
			ef.closeAfter = true
			return s, ef.save(s)
		case dialog.LeaveDiscard:
			s.mode, s.form = modeList, nil
			return s, s.reload()
		}
		dialog.Settle(ef.form, msg.Answer)
		return s, nil
	case common.OrganYearMsg:
		if s.mode == modeCounts && s.cnt != nil {
			return s, tea.Batch(s.reload(), s.cnt.load(s))
		}
		return s, s.reload()
	case common.GoToMsg:
		if msg.Entry.Kind == model.EntryItem {
			s.mode, s.form, s.imp, s.cnt = modeList, nil, nil, nil
			s.searching = false
			return s, s.rows.Show(msg.Entry.ID)
		}
		return s, nil
	case sheetimport.Msg:
		if s.imp != nil {
			return s, s.imp.update(s, msg)
		}
		return s, nil
	case countsMsg, insertedMsg, art20Msg:
		if s.cnt != nil {
			return s, s.cnt.update(s, msg)
		}
		return s, nil
	}

	switch s.mode {
	case modeForm:
		return s, s.form.update(s, msg)
	case modeImport:
		return s, s.imp.update(s, msg)
	case modeCounts:
		return s, s.cnt.update(s, msg)
	}
	if s.searching {
		return s, s.updateSearch(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return s, s.listKey(msg)
	}
	return s, nil
}

// clearFilters shows the whole register again and reports whether
// anything was filtered (also when an item a jump asks for is hidden by
// the filters).
func (s *Screen) clearFilters() bool {
	was := s.filtered() || s.search != ""
	s.fCat, s.fChan, s.fMonth, s.search = -1, -1, 0, ""
	s.input.SetValue("")
	return was
}

// cycle moves a filter index over -1 (all) .. n-1.
func cycle(i, n int) int {
	i++
	if i >= n {
		return -1
	}
	return i
}

func (s *Screen) listKey(k tea.KeyPressMsg) tea.Cmd {
	if ok, cmd := s.rows.HandleKey(k); ok {
		return cmd
	}
	s.note = ""
	km := s.bindings()
	switch {
	case key.Matches(k, km.New):
		return s.openForm(nil)
	case key.Matches(k, km.Edit):
		if it, ok := s.rows.Current(); ok {
			cp := *it
			return s.openForm(&cp)
		}
	case key.Matches(k, km.Delete):
		if it, ok := s.rows.Current(); ok {
			return s.del.Ask(*it)
		}
	case key.Matches(k, km.Undo):
		cmd, note := s.del.Undo()
		s.note = note
		return cmd
	case key.Matches(k, km.Search):
		s.searching = true
		s.input.SetValue(s.search)
		s.input.Focus()
	case key.Matches(k, km.Category):
		s.fCat = cycle(s.fCat, len(s.categories))
		return s.refilter()
	case key.Matches(k, km.Channel):
		s.fChan = cycle(s.fChan, len(s.channels))
		return s.refilter()
	case key.Matches(k, km.Month):
		s.fMonth = (s.fMonth + 1) % 13
		return s.refilter()
	case key.Matches(k, km.Clear): // enabled while filtered
		s.clearFilters()
		return s.refilter()
	case key.Matches(k, km.Import):
		s.imp = newImportFlow(s)
		s.mode = modeImport
	case key.Matches(k, km.Counts):
		s.cnt = &countsView{}
		s.mode = modeCounts
		return s.cnt.load(s)
	case key.Matches(k, keys.Global.Back):
		// Nothing to clear: leave the screen.
		return func() tea.Msg { return common.BackMsg{} }
	}
	return nil
}

// refilter reads the list of the changed filters from its first row.
func (s *Screen) refilter() tea.Cmd { return s.rows.Restart() }

func (s *Screen) updateSearch(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.keys.SearchDone):
			s.searching = false
			s.input.Blur()
			return nil
		case key.Matches(k, s.keys.SearchCancel):
			s.searching = false
			s.input.Blur()
			s.search = ""
			s.input.SetValue("")
			return s.refilter()
		}
	}
	if s.input.Update(msg) {
		s.search = strings.TrimSpace(s.input.Value())
		return s.refilter()
	}
	return nil
}

// ---- view ----

// View implements common.Screen.
func (s *Screen) View(width, height int) string {
	switch s.mode {
	case modeForm:
		return s.form.view(s, width, height)
	case modeImport:
		return s.imp.view(s, width, height)
	case modeCounts:
		return s.cnt.view(s, width, height)
	}
	st := s.c.Styles
	var lines []string
	total := s.rows.Total()
	head := fmt.Sprintf(text.ItemsTotal, s.c.Year, total)
	if s.filtered() || s.search != "" {
		head = fmt.Sprintf(text.ItemsFiltered, total)
		for _, f := range s.filterLabels() {
			head += " · " + f
		}
	}
	lines = append(lines, st.Title.Render(text.TitleItems)+"  "+st.Muted.Render(head))
	if s.searching {
		lines = append(lines, st.Label.Render(text.ItemsSearchLabel)+s.input.Draw(searchWidth(width)))
	} else {
		lines = append(lines, "  "+st.Muted.Render(s.columnsHeader(max(1, width-2))))
	}
	from, to := s.rows.Window()
	switch {
	case s.rows.Err() != nil:
		lines = append(lines, st.Error.Render(fmt.Sprintf(text.ItemsLoadFailed, s.rows.Err().Error())))
	case !s.rows.Ready():
		lines = append(lines, st.Muted.Render(text.ItemsLoading))
	case total == 0 && (s.filtered() || s.search != ""):
		lines = append(lines, st.Muted.Render(fmt.Sprintf(text.ItemsNoMatch, keys.Key(s.keys.Clear))))
	case total == 0:
		lines = append(lines, st.Muted.Render(fmt.Sprintf(text.ItemsEmpty, keys.Key(s.keys.New), keys.Key(s.keys.Import))))
	}
	for i := from; i < to && total > 0; i++ {
		var row string
		if r, ok := s.rows.At(i); ok {
			row = s.rowText(r, max(1, width-2))
		} else {
			row = components.Fit(text.ItemsLoading, max(1, width-2))
		}
		sel := i == s.rows.Cursor()
		if sel {
			row = st.Selected.Render(row)
		}
		row = components.CursorMark(sel) + row
		lines = append(lines, row)
	}
	for len(lines) < height-2 {
		lines = append(lines, "")
	}
	lines = lines[:max(0, height-2)]
	foot := s.note
	lines = append(lines, "", foot)
	return components.Block(strings.Join(lines, "\n"), width, height)
}

func (s *Screen) filterLabels() []string {
	var out []string
	q := s.Query()
	if q.Category != "" {
		out = append(out, fmt.Sprintf(text.ItemsFilterCat, q.Category))
	}
	if q.Channel != "" {
		out = append(out, fmt.Sprintf(text.ItemsFilterChan, q.Channel))
	}
	if q.Month != 0 {
		out = append(out, fmt.Sprintf(text.ItemsFilterMonth, q.Month))
	}
	if q.Text != "" {
		out = append(out, fmt.Sprintf(text.ItemsFilterText, q.Text))
	}
	return out
}

// Column widths of the list.
const (
	colDate = 10
	colCat  = 10
	colChan = 16
)

func (s *Screen) columnsHeader(width int) string {
	return components.Fit(components.Fit(text.ItemsColDate, colDate)+" "+components.Fit(text.ItemsColCategory, colCat)+" "+
		components.Fit(text.ItemsColChannels, colChan)+" "+text.ItemsColTitle, width)
}

func (s *Screen) rowText(it *model.DisclosureItem, width int) string {
	line := components.Fit(it.Published.String(), colDate) + " " +
		components.Fit(model.CleanLine(it.Category), colCat) + " " +
		components.Fit(model.CleanLine(strings.Join(it.Channels, "、")), colChan) + " " +
		model.CleanLine(it.Title)
	return components.Fit(line, width)
}

// Cursor implements common.Screen.
func (s *Screen) Cursor() *tea.Cursor {
	switch s.mode {
	case modeForm:
		return s.form.cursor()
	case modeImport:
		return s.imp.cursor()
	case modeList:
		if s.searching {
			return tea.NewCursor(components.StringWidth(text.ItemsSearchLabel)+s.input.CursorX(), 1)
		}
	}
	return nil
}
