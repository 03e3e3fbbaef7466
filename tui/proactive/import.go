package proactive

import (
	"context"
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/importer"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/sheetimport"
	"nianbao/tui/text"
)

// importFlow is the sheet import of disclosure items (sheetimport), held
// by the items screen while it is open.
type importFlow struct{ *sheetimport.Flow }

func newImportFlow(s *Screen) *importFlow {
	ctx, st, organ, year := s.ctx(), s.c.Store, s.c.Organ.ID, s.c.Year
	// The category and channel names the organ added itself: the import
	// says which names it would add beyond these and the defaults.
	cats, chans := owned(s.categories, model.DefaultItemCategories), owned(s.channels, model.DefaultItemChannels)
	f := &importFlow{}
	f.Flow = sheetimport.New(sheetimport.Host{
		C: s.c,
		Texts: sheetimport.Texts{
			Title: text.ItemsImportTitle, PathLabel: text.ItemsImportPath, PathHint: text.ItemsImportPathHint,
			MapTitle: text.ItemsImportMapTitle, Missing: text.ItemsImportMissing, Failed: text.ItemsImportFailed,
		},
		Read: func(path string) (sheetimport.File, error) {
			fh, err := os.Open(path)
			if err != nil {
				return nil, err // the flow says why in Chinese
			}
			defer fh.Close()
			sh, err := importer.ReadItems(fh, path)
			if err != nil {
				return nil, err
			}
			existing, err := st.Items(ctx, organ, year)
			if err != nil {
				return nil, err
			}
			return &itemsFile{s: s, ctx: ctx, st: st, organ: organ, year: year, sheet: sh,
				mapping: importer.GuessMapping(sh.Header), existing: existing, cats: cats, chans: chans}, nil
		},
		Leave: func() tea.Cmd {
			s.mode, s.imp = modeList, nil
			return s.refilter()
		},
		Saved: func() tea.Cmd { return tea.Batch(s.loadLists(), s.c.Saved(), common.ReloadParts(desk.PartItems)) },
	})
	return f
}

func owned(all, defaults []string) []string {
	var out []string
	for _, v := range all {
		if indexOf(defaults, v) < 0 {
			out = append(out, v)
		}
	}
	return out
}

func (f *importFlow) keyMap() help.KeyMap                      { return f.KeyMap() }
func (f *importFlow) update(_ *Screen, msg tea.Msg) tea.Cmd    { return f.Update(msg) }
func (f *importFlow) view(_ *Screen, width, height int) string { return f.View(width, height) }
func (f *importFlow) cursor() *tea.Cursor                      { return f.Cursor() }

// itemsFile is a sheet of disclosure items read for import.
type itemsFile struct {
	s           *Screen
	ctx         context.Context
	st          common.Desk
	organ       int64
	year        int
	sheet       *importer.Sheet
	mapping     importer.Mapping
	existing    []model.DisclosureItem
	cats, chans []string
}

func (f *itemsFile) Sheet() *importer.Sheet       { return f.sheet }
func (f *itemsFile) Columns() sheetimport.Columns { return itemColumns{f} }
func (f *itemsFile) Values() sheetimport.Values   { return nil }
func (f *itemsFile) Save(p *sheetimport.Preview) func() (int, error) {
	d := p.Data.(itemsPreview)
	ctx, st, organ := f.ctx, f.st, f.organ
	return func() (int, error) {
		return len(d.items), saveImport(ctx, st, organ, d.items, d.newCats, d.newChans)
	}
}

// itemsPreview is what the items import would store.
type itemsPreview struct {
	items             []model.DisclosureItem
	newCats, newChans []string
}

func (f *itemsFile) Preview() func() (*sheetimport.Preview, error) {
	sh, m, organ, year, existing := f.sheet, f.mapping, f.organ, f.year, f.existing
	cats, chans, s := f.cats, f.chans, f.s
	return func() (*sheetimport.Preview, error) {
		items, bad, dups := importer.Apply(sh, m, organ, year, existing)
		d := itemsPreview{items: items}
		d.newCats, d.newChans = importer.NewNames(items, cats, chans)
		p := &sheetimport.Preview{
			Head:   []sheetimport.Line{{Text: fmt.Sprintf(text.ItemsImportWill, len(items), dups, len(bad))}},
			Rows:   len(items),
			Row:    func(i, width int) string { return s.rowText(&d.items[i], width) },
			Header: s.columnsHeader(200),
			Done: func(n int) string {
				return fmt.Sprintf(text.ItemsImportDone, n, dups, len(bad))
			},
			Data: d,
		}
		if len(d.newCats) > 0 {
			p.Head = append(p.Head, sheetimport.Line{Text: fmt.Sprintf(text.ItemsImportNewNames, strings.Join(d.newCats, "、")), Tone: sheetimport.Warning})
		}
		if len(d.newChans) > 0 {
			p.Head = append(p.Head, sheetimport.Line{Text: fmt.Sprintf(text.ItemsImportNewChans, strings.Join(d.newChans, "、")), Tone: sheetimport.Warning})
		}
		for _, b := range bad {
			p.Problems = append(p.Problems, sheetimport.Line{Text: fmt.Sprintf(text.ImportBadRow, b.Line, b.Reason), Tone: sheetimport.Bad})
		}
		return p, nil
	}
}

// itemColumns are the item fields' columns.
type itemColumns struct{ f *itemsFile }

func (c itemColumns) Fields() int         { return len(importer.Fields) }
func (c itemColumns) Label(i int) string  { return importer.Fields[i].Label() }
func (c itemColumns) Required(i int) bool { return importer.Fields[i].Required() }
func (c itemColumns) Column(i int) int    { return c.f.mapping[importer.Fields[i]] }
func (c itemColumns) Cycle(i, step int) {
	c.f.mapping.Cycle(importer.Fields[i], c.f.sheet.Columns(), step)
}
func (c itemColumns) Missing() string {
	if miss := c.f.mapping.Missing(); len(miss) > 0 {
		return miss[0].Label()
	}
	return ""
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
