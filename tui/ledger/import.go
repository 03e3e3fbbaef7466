package ledger

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/importer"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/sheetimport"
	"nianbao/tui/text"
)

// NewImport builds the ledger import screen for the open organ-year: an
// Excel or CSV ledger brought in through the sheet import (the file, the
// column of each field, the file's words for applicant types and outcomes
// mapped to table 三, a preview with the bad rows, duplicates and table 三
// as it would stand, then everything in one transaction).
func NewImport(c *common.Common) common.Screen {
	ctx, st, organ, year := c.Context(), c.Store, c.Organ, c.Year
	return sheetimport.NewScreen(sheetimport.Host{
		C: c,
		Texts: sheetimport.Texts{
			Title: text.LedInTitle, PathLabel: text.LedInPath, PathHint: text.LedInPathHint,
			MapTitle: text.LedInMapTitle, Missing: text.LedInMissing,
			ValTitle: text.LedInValTitle, Unmapped: text.LedInUnmapped, Failed: text.LedInFailed,
		},
		Read: func(path string) (sheetimport.File, error) {
			li, err := desk.ReadLedger(organ, year, path)
			if err != nil {
				return nil, err
			}
			return &ledgerFile{li: li, preview: func() (*desk.LedgerPreview, error) { return st.PreviewLedger(ctx, li) },
				save: func(p *desk.LedgerPreview) (int, error) { return st.ImportLedger(ctx, li, p) }}, nil
		},
		Leave: func() tea.Cmd { return func() tea.Msg { return common.BackMsg{} } },
		Saved: func() tea.Cmd { return tea.Batch(c.Saved(), common.Reload) },
	})
}

// ledgerFile is a ledger sheet read for import.
type ledgerFile struct {
	li      *desk.LedgerImport
	preview func() (*desk.LedgerPreview, error)
	save    func(*desk.LedgerPreview) (int, error)
}

func (f *ledgerFile) Sheet() *importer.Sheet       { return f.li.Sheet }
func (f *ledgerFile) Columns() sheetimport.Columns { return ledgerColumns{f.li} }

// Values suggests the meaning of the file's words for the columns chosen,
// keeping what the clerk confirmed before.
func (f *ledgerFile) Values() sheetimport.Values {
	f.li.Suggest()
	return ledgerValues{f.li}
}

func (f *ledgerFile) Preview() func() (*sheetimport.Preview, error) {
	work, year := f.preview, f.li.Year
	return func() (*sheetimport.Preview, error) {
		p, err := work()
		if err != nil {
			return nil, err
		}
		fm := model.FormatForYear(year)
		s3 := fm.Table(model.TableS3)
		out := &sheetimport.Preview{
			Head: []sheetimport.Line{
				{Text: fmt.Sprintf(text.LedInPreview, len(p.Requests), len(p.Bad), len(p.Dups))},
				{Text: fmt.Sprintf(text.LedInS3, model.TableName(s3)), Tone: sheetimport.Heading},
			},
			Rows: len(p.Requests),
			Done: func(n int) string { return fmt.Sprintf(text.LedInDone, n, len(p.Bad), len(p.Dups)) },
			Data: p,
		}
		// Table 三's four totals the import changes, named by the format.
		rows := []string{model.RowNew, model.RowCarriedIn, model.RowOutcomeSum, model.RowCarriedOut}
		labels, lw := make([]string, len(rows)), 0
		for i, id := range rows {
			r, _ := s3.Row(id)
			labels[i] = r.FullLabel()
			lw = max(lw, components.StringWidth(labels[i]))
		}
		for i, id := range rows {
			out.Head = append(out.Head, sheetimport.Line{Text: fmt.Sprintf(text.LedInS3Row, components.Fit(labels[i], lw), p.S3.Get(model.Addr(model.TableS3, id, model.ColTotal)))})
		}
		for _, b := range p.Bad {
			out.Problems = append(out.Problems, sheetimport.Line{Text: fmt.Sprintf(text.ImportBadRow, b.Line, b.Reason), Tone: sheetimport.Bad})
		}
		for _, b := range p.Dups {
			out.Problems = append(out.Problems, sheetimport.Line{Text: fmt.Sprintf(text.ImportDupRow, b.Line, b.Reason), Tone: sheetimport.Warning})
		}
		out.Row = func(i, width int) string {
			q := &p.Requests[i]
			oc := ""
			if q.Outcome != "" {
				oc = fm.OutcomeLabel(q.Outcome)
			}
			return components.Fit(q.Received.String()+"  "+components.Fit(q.Applicant.Label(), 12)+"  "+q.Summary+"  "+oc, width)
		}
		return out, nil
	}
}

func (f *ledgerFile) Save(p *sheetimport.Preview) func() (int, error) {
	lp, save := p.Data.(*desk.LedgerPreview), f.save
	return func() (int, error) { return save(lp) }
}

// ledgerColumns are the ledger fields' columns.
type ledgerColumns struct{ li *desk.LedgerImport }

func (c ledgerColumns) Fields() int         { return len(importer.LedgerFields) }
func (c ledgerColumns) Label(i int) string  { return importer.LedgerFields[i].Label() }
func (c ledgerColumns) Required(i int) bool { return importer.LedgerFields[i].Required() }
func (c ledgerColumns) Column(i int) int    { return c.li.Mapping[importer.LedgerFields[i]] }
func (c ledgerColumns) Cycle(i, step int) {
	c.li.Mapping.Cycle(importer.LedgerFields[i], c.li.Sheet.Columns(), step)
}
func (c ledgerColumns) Missing() string {
	if miss := c.li.Mapping.Missing(); len(miss) > 0 {
		return miss[0].Label()
	}
	return ""
}

// ledgerValues are the file's applicant types, then its outcomes.
type ledgerValues struct{ li *desk.LedgerImport }

func (v ledgerValues) Len() int { return len(v.li.Applicants) + len(v.li.Outcomes) }

func (v ledgerValues) Unmapped() int {
	ua, uo := v.li.Values.Unmapped(v.li.Applicants, v.li.Outcomes)
	return len(ua) + len(uo)
}

func (v ledgerValues) Row(i int) (what, target string) {
	if na := len(v.li.Applicants); i < na {
		c := v.li.Applicants[i]
		if a, ok := v.li.Values.Applicant[importer.ValueKey(c.Text)]; ok {
			target = a.Label()
		}
		return fmt.Sprintf(text.LedInApplicant, c.Text, c.Count), target
	}
	c := v.li.Outcomes[i-len(v.li.Applicants)]
	if r, ok := v.li.Values.Outcome[importer.ValueKey(c.Text)]; ok {
		target = model.FormatForYear(v.li.Year).OutcomeLabel(r)
	}
	return fmt.Sprintf(text.LedInOutcome, c.Text, c.Count), target
}

// Cycle moves word i to the next (or previous) applicant type or outcome
// row; the first stop is unset.
func (v ledgerValues) Cycle(i, step int) {
	li := v.li
	if na := len(li.Applicants); i < na {
		k := importer.ValueKey(li.Applicants[i].Text)
		opts := model.ApplicantTypes
		j := -1
		if cur, ok := li.Values.Applicant[k]; ok {
			j = cur.Index()
		}
		if j = wrap(j+step, len(opts)); j < 0 {
			delete(li.Values.Applicant, k)
		} else {
			li.Values.Applicant[k] = opts[j]
		}
		return
	}
	f := model.FormatForYear(li.Year)
	opts := f.OutcomeRows()
	k := importer.ValueKey(li.Outcomes[i-len(li.Applicants)].Text)
	j := -1
	if cur, ok := li.Values.Outcome[k]; ok {
		j = f.OutcomeIndex(cur)
	}
	if j = wrap(j+step, len(opts)); j < 0 {
		delete(li.Values.Outcome, k)
	} else {
		li.Values.Outcome[k] = opts[j]
	}
}

// wrap keeps i in -1..n-1, -1 being "unset".
func wrap(i, n int) int {
	if i >= n {
		return -1
	}
	if i < -1 {
		return n - 1
	}
	return i
}
