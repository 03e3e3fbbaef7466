package proactive

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/importer"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

type step int

const (
	stepPath step = iota
	stepReading
	stepMap
	stepPreview
	stepSaving
	stepResult
)

// importFlow is the keyboard import: a file path, the column for each field,
// a preview of what will be imported, then the result.
type importFlow struct {
	step  step
	path  *components.Input
	err   string
	name  string
	sheet *importer.Sheet
	// existing are the items already stored for the year (duplicates).
	existing []model.DisclosureItem
	mapping  importer.Mapping
	field    int // the field the mapping step points at

	items             []model.DisclosureItem
	bad               []importer.BadRow
	dups              int
	newCats, newChans []string
	scroll            int
}

type (
	importReadMsg struct {
		name     string
		sheet    *importer.Sheet
		existing []model.DisclosureItem
		err      error
	}
	importDoneMsg struct {
		n   int
		err error
	}
)

func newImportFlow(s *Screen) *importFlow {
	in := components.NewInput()
	in.Clean = model.CleanLine
	in.Focus()
	return &importFlow{path: in}
}

func (f *importFlow) read(s *Screen) tea.Cmd {
	p := components.CleanPath(f.path.Value())
	if p == "" {
		f.err = text.ItemsImportNoPath
		return nil
	}
	f.err = ""
	f.step = stepReading
	ctx, st, organ, year := s.ctx(), s.c.Store, s.c.Organ.ID, s.c.Year
	return func() tea.Msg {
		fh, err := os.Open(p)
		if err != nil {
			return importReadMsg{err: fmt.Errorf(text.ItemsImportOpenFail, p, openReason(err))}
		}
		defer fh.Close()
		if fi, err := fh.Stat(); err == nil && fi.IsDir() {
			return importReadMsg{err: fmt.Errorf(text.ItemsImportOpenFail, p, text.ItemsImportIsDir)}
		}
		sh, err := importer.ReadItems(fh, p)
		if err != nil {
			return importReadMsg{err: err}
		}
		existing, err := st.Items(ctx, organ, year)
		if err != nil {
			return importReadMsg{err: err}
		}
		return importReadMsg{name: filepath.Base(p), sheet: sh, existing: existing}
	}
}

// openReason says in Chinese why a file did not open.
func openReason(err error) string {
	switch {
	case os.IsNotExist(err):
		return text.ItemsImportNotFound
	case os.IsPermission(err):
		return text.ItemsImportNoPerm
	}
	return fmt.Sprintf(text.ItemsImportOSFail, err)
}

func (f *importFlow) keyMap() help.KeyMap {
	back := keys.Bind(text.KeyBack, "esc")
	switch f.step {
	case stepPath:
		return keys.Map{Short: []key.Binding{keys.Bind(text.ItemsKeyRead, "enter"), back}}
	case stepMap:
		return keys.Map{Short: []key.Binding{keys.Bind(text.ItemsKeyField, "up", "down"),
			keys.Bind(text.ItemsKeyCycle, "left", "right"), keys.Bind(text.ItemsKeyPreview, "enter"), back}}
	case stepPreview:
		return keys.Map{Short: []key.Binding{keys.Bind(text.ItemsKeyRun, "enter", "y"), back}}
	}
	return keys.Map{Short: []key.Binding{back}}
}

func (f *importFlow) update(s *Screen, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case importReadMsg:
		if f.step != stepReading {
			return nil
		}
		if msg.err != nil {
			f.step, f.err = stepPath, msg.err.Error()
			return nil
		}
		f.name, f.sheet, f.existing = msg.name, msg.sheet, msg.existing
		f.mapping = importer.GuessMapping(msg.sheet.Header)
		f.field, f.step, f.err = 0, stepMap, ""
		return nil
	case importDoneMsg:
		if msg.err != nil {
			f.step, f.err = stepPreview, fmt.Sprintf(text.ItemsImportFailed, msg.err.Error())
			return failed(msg.err)
		}
		f.step, f.scroll = stepResult, 0
		return tea.Batch(s.loadLists(), s.savedCmd(), common.Reload)
	case tea.PasteMsg:
		if f.step == stepPath {
			f.path.Update(msg)
		}
		return nil
	case tea.KeyPressMsg:
		return f.key(s, msg)
	}
	return nil
}

func (f *importFlow) key(s *Screen, k tea.KeyPressMsg) tea.Cmd {
	ks := k.String()
	switch f.step {
	case stepPath:
		switch ks {
		case "enter":
			return f.read(s)
		case "esc":
			s.mode, s.imp = modeList, nil
			return nil
		}
		if f.path.Update(k) {
			f.err = ""
		}
	case stepMap:
		n := f.sheet.Columns()
		switch ks {
		case "up", "k", "shift+tab":
			f.field = (f.field + len(importer.Fields) - 1) % len(importer.Fields)
		case "down", "j", "tab":
			f.field = (f.field + 1) % len(importer.Fields)
		case "right", "l", "space":
			f.mapping.Cycle(importer.Fields[f.field], n, 1)
		case "left", "h":
			f.mapping.Cycle(importer.Fields[f.field], n, -1)
		case "enter":
			if miss := f.mapping.Missing(); len(miss) > 0 {
				f.err = fmt.Sprintf(text.ItemsImportMissing, miss[0].Label())
				return nil
			}
			f.err = ""
			f.items, f.bad, f.dups = importer.Apply(f.sheet, f.mapping, s.c.Organ.ID, s.c.Year, f.existing)
			owned := func(all, defaults []string) []string {
				var out []string
				for _, v := range all {
					if indexOf(defaults, v) < 0 {
						out = append(out, v)
					}
				}
				return out
			}
			f.newCats, f.newChans = importer.NewNames(f.items,
				owned(s.categories, model.DefaultItemCategories), owned(s.channels, model.DefaultItemChannels))
			f.step, f.scroll = stepPreview, 0
		case "esc":
			f.step = stepPath
			f.path.Focus()
		}
	case stepPreview:
		switch ks {
		case "enter", "y":
			if len(f.items) == 0 {
				f.err = text.ItemsImportNothing
				return nil
			}
			f.step = stepSaving
			return f.save(s)
		case "esc":
			f.step, f.err = stepMap, ""
		case "up", "k":
			f.scroll = max(0, f.scroll-1)
		case "down", "j":
			f.scroll++
		case "pgup":
			f.scroll = max(0, f.scroll-10)
		case "pgdown":
			f.scroll += 10
		}
	case stepResult:
		switch ks {
		case "enter", "esc":
			s.mode, s.imp = modeList, nil
			return s.refilter()
		case "up", "k":
			f.scroll = max(0, f.scroll-1)
		case "down", "j":
			f.scroll++
		}
	}
	return nil
}

// save writes every item in one transaction, then adds the new category
// and channel names to the organ's lists.
func (f *importFlow) save(s *Screen) tea.Cmd {
	ctx, st, organ := s.ctx(), s.c.Store, s.c.Organ.ID
	items := append([]model.DisclosureItem(nil), f.items...)
	cats, chans := f.newCats, f.newChans
	return s.c.Track(func() tea.Msg {
		return importDoneMsg{n: len(items), err: saveImport(ctx, st, organ, items, cats, chans)}
	})
}

func saveImport(ctx context.Context, st common.Desk, organ int64, items []model.DisclosureItem, cats, chans []string) error {
	if err := st.SaveItems(ctx, items); err != nil {
		return err
	}
	for _, c := range cats {
		if err := st.AddItemListValue(ctx, organ, desk.ListCategory, c); err != nil {
			return err
		}
	}
	for _, c := range chans {
		if err := st.AddItemListValue(ctx, organ, desk.ListChannel, c); err != nil {
			return err
		}
	}
	return nil
}

func (f *importFlow) view(s *Screen, width, height int) string {
	st := s.c.Styles
	lines := []string{st.Title.Render(text.ItemsImportTitle)}
	switch f.step {
	case stepPath, stepReading:
		lw := components.StringWidth(text.ItemsImportPath)
		lines = append(lines, st.Label.Render(text.ItemsImportPath)+f.path.View(max(4, width-lw)))
		for _, l := range components.Wrap(text.ItemsImportPathHint, width) {
			lines = append(lines, st.Muted.Render(l))
		}
		if f.step == stepReading {
			lines = append(lines, text.ItemsImportReading)
		}
	case stepMap:
		lines = append(lines, fmt.Sprintf(text.ItemsImportMapTitle, f.name, len(f.sheet.Rows)), "")
		lw := 0
		for _, fl := range importer.Fields {
			lw = max(lw, components.StringWidth(fl.Label()))
		}
		for i, fl := range importer.Fields {
			col := f.mapping[fl]
			name := text.ItemsImportNoCol
			sample := ""
			if col >= 0 {
				name = f.sheet.ColumnName(col)
				if len(f.sheet.Rows) > 0 {
					sample = fmt.Sprintf(text.ItemsImportSample, model.CleanLine(f.sheet.Cell(0, col)))
				}
			}
			label := components.Fit(fl.Label(), lw)
			if fl.Required() {
				label += "*"
			} else {
				label += " "
			}
			part := label + "  ← " + components.Fit(name, 16) + " →"
			if i == f.field {
				part = st.Selected.Render(part)
			}
			row := part + "  " + st.Muted.Render(sample)
			lines = append(lines, row)
		}
		lines = append(lines, "", st.Muted.Render(components.KeyHints(f.keyMap().ShortHelp(), key.Binding{}, width)))
	case stepPreview, stepSaving:
		lines = append(lines, text.ItemsImportPreview,
			fmt.Sprintf(text.ItemsImportWill, len(f.items), f.dups, len(f.bad)))
		if len(f.newCats) > 0 {
			lines = append(lines, st.Warning.Render(fmt.Sprintf(text.ItemsImportNewNames, strings.Join(f.newCats, "、"))))
		}
		if len(f.newChans) > 0 {
			lines = append(lines, st.Warning.Render(fmt.Sprintf(text.ItemsImportNewChans, strings.Join(f.newChans, "、"))))
		}
		if f.step == stepSaving {
			lines = append(lines, text.ItemsImportSaving)
		} else {
			lines = append(lines, st.Label.Render(text.ItemsImportConfirm))
		}
		lines = append(lines, st.Muted.Render(s.columnsHeader(width)))
		// Only the visible rows are drawn: an import may hold thousands.
		from, to := window(len(f.items)+len(f.bad), &f.scroll, height-len(lines)-2)
		for i := from; i < to; i++ {
			if i < len(f.items) {
				lines = append(lines, s.rowText(&f.items[i], width))
				continue
			}
			b := f.bad[i-len(f.items)]
			lines = append(lines, st.Error.Render(components.Fit(fmt.Sprintf(text.ItemsImportBadRow, b.Line, b.Reason), width)))
		}
	case stepResult:
		lines = append(lines, st.OK.Render(fmt.Sprintf(text.ItemsImportDone, len(f.items), f.dups, len(f.bad))))
		if len(f.bad) > 0 {
			lines = append(lines, text.ItemsImportBadHead)
			from, to := window(len(f.bad), &f.scroll, height-len(lines)-3)
			for _, b := range f.bad[from:to] {
				lines = append(lines, fmt.Sprintf(text.ItemsImportBadRow, b.Line, b.Reason))
			}
		}
		lines = append(lines, "", st.Muted.Render(text.ItemsImportBack))
	}
	for len(lines) < height-1 {
		lines = append(lines, "")
	}
	lines = lines[:max(0, height-1)]
	if f.err != "" {
		lines = append(lines, st.Error.Render(f.err))
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

// scrolled returns at most h lines of body from *top, clamping *top.
func scrolled(body []string, top *int, h int) []string {
	from, to := window(len(body), top, h)
	return body[from:to]
}

// window is the range [from, to) of n lines shown in h lines from *top,
// clamping *top.
func window(n int, top *int, h int) (int, int) {
	h = max(1, h)
	*top = max(0, min(*top, n-h))
	return *top, min(n, *top+h)
}

func (f *importFlow) cursor() *tea.Cursor {
	if f.step != stepPath {
		return nil
	}
	return tea.NewCursor(components.StringWidth(text.ItemsImportPath)+f.path.CursorX(), 1)
}
