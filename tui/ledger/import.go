package ledger

import (
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
	stepValues
	stepPreview
	stepSaving
	stepResult
)

// Import brings an Excel or CSV ledger in: the file, the column of each
// field, the table that maps the file's applicant types and outcomes to
// table 三, a preview with the bad rows and duplicates and table 三 as it
// would stand, then everything in one transaction.
type Import struct {
	c     *common.Common
	step  step
	path  *components.Input
	err   string
	li    *desk.LedgerImport
	field int // mapping step: the field under the cursor
	row   int // values step: the choice under the cursor
	prev  *desk.LedgerPreview
	done  int
	top   int
	keys  struct{ Read, Up, Down, Cycle, Next, Run, Back key.Binding }
}

type (
	readMsg struct {
		li  *desk.LedgerImport
		err error
	}
	previewMsg struct {
		p   *desk.LedgerPreview
		err error
	}
	importedMsg struct {
		n   int
		err error
	}
)

// NewImport builds the import screen for the open organ-year.
func NewImport(c *common.Common) common.Screen {
	m := &Import{c: c, path: components.NewInput()}
	m.path.Clean = model.CleanLine
	m.path.Focus()
	m.keys.Read = keys.Bind(text.ItemsKeyRead, "enter")
	m.keys.Up = keys.Bind(text.KeyUp, "up", "shift+tab")
	m.keys.Down = keys.Bind(text.KeyDown, "down", "tab")
	m.keys.Cycle = key.NewBinding(key.WithKeys("left", "right", "space"), key.WithHelp("←/→", text.ItemsKeyCycle))
	m.keys.Next = keys.Bind(text.ItemsKeyPreview, "enter")
	m.keys.Run = keys.Bind(text.ItemsKeyRun, "enter", "y")
	m.keys.Back = keys.Bind(text.KeyBack, "esc")
	return m
}

func (m *Import) Init() tea.Cmd { return nil }
func (m *Import) Title() string { return text.LedInTitle }

// Typing implements common.Typing: the path input takes printable keys.
func (m *Import) Typing() bool { return m.step == stepPath }

// Busy implements common.Busy: Esc steps back before it leaves.
func (m *Import) Busy() bool { return m.step != stepPath && m.step != stepResult }

// KeyMap implements common.Screen.
func (m *Import) KeyMap() help.KeyMap {
	switch m.step {
	case stepPath:
		return keys.Map{Short: []key.Binding{m.keys.Read, m.keys.Back}}
	case stepMap, stepValues:
		return keys.Map{Short: []key.Binding{m.keys.Up, m.keys.Down, m.keys.Cycle, m.keys.Next, m.keys.Back}}
	case stepPreview:
		return keys.Map{Short: []key.Binding{m.keys.Run, m.keys.Up, m.keys.Down, m.keys.Back}}
	}
	return keys.Map{Short: []key.Binding{m.keys.Back}}
}

// Update implements common.Screen.
func (m *Import) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case readMsg:
		if m.step != stepReading {
			return m, nil
		}
		if msg.err != nil {
			m.step, m.err = stepPath, msg.err.Error()
			return m, nil
		}
		m.li, m.step, m.field, m.err = msg.li, stepMap, 0, ""
		return m, nil
	case previewMsg:
		if msg.err != nil {
			m.step, m.err = stepValues, msg.err.Error()
			return m, nil
		}
		m.prev, m.step, m.top = msg.p, stepPreview, 0
		return m, nil
	case importedMsg:
		if msg.err != nil {
			m.step, m.err = stepPreview, fmt.Sprintf(text.LedInFailed, msg.err.Error())
			return m, nil
		}
		m.done, m.step, m.top = msg.n, stepResult, 0
		return m, tea.Batch(m.c.Saved(), common.Reload)
	case tea.PasteMsg:
		if m.step == stepPath {
			m.path.Update(msg)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Import) key(k tea.KeyPressMsg) tea.Cmd {
	back := key.Matches(k, m.keys.Back)
	switch m.step {
	case stepPath:
		switch {
		case back:
			return func() tea.Msg { return common.BackMsg{} }
		case key.Matches(k, m.keys.Read):
			return m.read()
		}
		if m.path.Update(k) {
			m.err = ""
		}
	case stepMap:
		n := m.li.Sheet.Columns()
		fields := importer.LedgerFields
		switch {
		case back:
			m.step = stepPath
		case key.Matches(k, m.keys.Up):
			m.field = (m.field + len(fields) - 1) % len(fields)
		case key.Matches(k, m.keys.Down):
			m.field = (m.field + 1) % len(fields)
		case k.String() == "right" || k.String() == "space":
			m.li.Mapping.Cycle(fields[m.field], n, 1)
		case k.String() == "left":
			m.li.Mapping.Cycle(fields[m.field], n, -1)
		case key.Matches(k, m.keys.Next):
			if miss := m.li.Mapping.Missing(); len(miss) > 0 {
				m.err = fmt.Sprintf(text.LedInMissing, miss[0].Label())
				return nil
			}
			m.err = ""
			m.li.Suggest()
			m.step, m.row, m.top = stepValues, 0, 0
		}
	case stepValues:
		n := len(m.li.Applicants) + len(m.li.Outcomes)
		switch {
		case back:
			m.step, m.err = stepMap, ""
		case key.Matches(k, m.keys.Up):
			m.row = max(0, m.row-1)
		case key.Matches(k, m.keys.Down):
			m.row = min(max(0, n-1), m.row+1)
		case k.String() == "right" || k.String() == "space":
			m.cycleValue(1)
		case k.String() == "left":
			m.cycleValue(-1)
		case key.Matches(k, m.keys.Next):
			ua, uo := m.li.Values.Unmapped(m.li.Applicants, m.li.Outcomes)
			if u := len(ua) + len(uo); u > 0 {
				m.err = fmt.Sprintf(text.LedInUnmapped, u)
				return nil
			}
			m.err = ""
			ctx, st, li := m.c.Context(), m.c.Store, m.li
			return func() tea.Msg {
				p, err := st.PreviewLedger(ctx, li)
				return previewMsg{p: p, err: err}
			}
		}
	case stepPreview:
		switch {
		case back:
			m.step, m.err = stepValues, ""
		case key.Matches(k, m.keys.Run):
			if len(m.prev.Requests) == 0 {
				m.err = text.LedInNothing
				return nil
			}
			m.step, m.err = stepSaving, ""
			ctx, st, li, p := m.c.Context(), m.c.Store, m.li, m.prev
			return m.c.Track(func() tea.Msg {
				n, err := st.ImportLedger(ctx, li, p)
				return importedMsg{n: n, err: err}
			})
		case key.Matches(k, m.keys.Up):
			m.top = max(0, m.top-1)
		case key.Matches(k, m.keys.Down):
			m.top++
		case k.String() == "pgdown":
			m.top += 10
		case k.String() == "pgup":
			m.top = max(0, m.top-10)
		}
	case stepResult:
		if back || k.String() == "enter" {
			return func() tea.Msg { return common.BackMsg{} }
		}
	}
	return nil
}

func (m *Import) read() tea.Cmd {
	p := components.CleanPath(m.path.Value())
	if p == "" {
		m.err = text.ItemsImportNoPath
		return nil
	}
	m.err, m.step = "", stepReading
	organ, year := m.c.Organ, m.c.Year
	return func() tea.Msg {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return readMsg{err: fmt.Errorf(text.ItemsImportOpenFail, p, text.ItemsImportIsDir)}
		}
		li, err := desk.ReadLedger(organ, year, p)
		return readMsg{li: li, err: err}
	}
}

// cycleValue moves the choice under the cursor to the next (or previous)
// column or outcome row; the first stop is unset.
func (m *Import) cycleValue(step int) {
	na := len(m.li.Applicants)
	if m.row < na {
		c := m.li.Applicants[m.row]
		k := importer.ValueKey(c.Text)
		opts := model.ApplicantTypes
		cur, ok := m.li.Values.Applicant[k]
		i := -1
		if ok {
			i = cur.Index()
		}
		i = wrap(i+step, len(opts))
		if i < 0 {
			delete(m.li.Values.Applicant, k)
		} else {
			m.li.Values.Applicant[k] = opts[i]
		}
		return
	}
	j := m.row - na
	if j >= len(m.li.Outcomes) {
		return
	}
	f := model.FormatForYear(m.c.Year)
	opts := f.OutcomeRows()
	k := importer.ValueKey(m.li.Outcomes[j].Text)
	i := -1
	if cur, ok := m.li.Values.Outcome[k]; ok {
		i = f.OutcomeIndex(cur)
	}
	i = wrap(i+step, len(opts))
	if i < 0 {
		delete(m.li.Values.Outcome, k)
	} else {
		m.li.Values.Outcome[k] = opts[i]
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

// View implements common.Screen.
func (m *Import) View(width, height int) string {
	st := m.c.Styles
	lines := []string{st.Title.Render(components.Fit(text.LedInTitle, width))}
	switch m.step {
	case stepPath, stepReading:
		lw := components.StringWidth(text.LedInPath)
		lines = append(lines, st.Label.Render(text.LedInPath)+m.path.View(max(4, width-lw)))
		for _, l := range components.Wrap(text.LedInPathHint, width) {
			lines = append(lines, st.Muted.Render(l))
		}
		if m.step == stepReading {
			lines = append(lines, text.LedInReading)
		}
	case stepMap:
		sh := m.li.Sheet
		lines = append(lines, components.Fit(fmt.Sprintf(text.LedInMapTitle, filepath.Base(m.path.Value()), len(sh.Rows)), width))
		lw := 0
		for _, f := range importer.LedgerFields {
			lw = max(lw, components.StringWidth(f.Label()))
		}
		body := make([]string, 0, len(importer.LedgerFields))
		for i, f := range importer.LedgerFields {
			col := m.li.Mapping[f]
			name, sample := text.LedInNoCol, ""
			if col >= 0 {
				name = sh.ColumnName(col)
				if len(sh.Rows) > 0 {
					sample = fmt.Sprintf(text.ItemsImportSample, model.CleanLine(sh.Cell(0, col)))
				}
			}
			mark := " "
			if f.Required() {
				mark = "*"
			}
			part := components.Fit(f.Label(), lw) + mark + " ← " + components.Fit(name, 14) + " →"
			if i == m.field {
				part = st.Selected.Render("▸" + part)
			} else {
				part = " " + part
			}
			body = append(body, components.Fit(part+"  "+st.Muted.Render(sample), width))
		}
		h := max(1, height-len(lines)-2)
		top := max(0, min(m.field-h/2, len(body)-h))
		lines = append(lines, body[top:min(len(body), top+h)]...)
		lines = append(lines, st.Muted.Render(components.Fit(text.LedInMapHint, width)))
	case stepValues:
		ua, uo := m.li.Values.Unmapped(m.li.Applicants, m.li.Outcomes)
		n := len(m.li.Applicants) + len(m.li.Outcomes)
		lines = append(lines, components.Fit(fmt.Sprintf(text.LedInValTitle, n, len(ua)+len(uo)), width))
		f := model.FormatForYear(m.c.Year)
		var body []string
		for i, c := range m.li.Applicants {
			target := text.LedInValUnset
			if a, ok := m.li.Values.Applicant[importer.ValueKey(c.Text)]; ok {
				target = a.Label()
			}
			body = append(body, m.valueLine(i, fmt.Sprintf(text.LedInApplicant, c.Text, c.Count), target, width))
		}
		for j, c := range m.li.Outcomes {
			target := text.LedInValUnset
			if r, ok := m.li.Values.Outcome[importer.ValueKey(c.Text)]; ok {
				target = f.OutcomeLabel(r)
			}
			body = append(body, m.valueLine(len(m.li.Applicants)+j, fmt.Sprintf(text.LedInOutcome, c.Text, c.Count), target, width))
		}
		h := max(1, height-len(lines)-2)
		top := max(0, min(m.row-h/2, len(body)-h))
		lines = append(lines, body[top:min(len(body), top+h)]...)
		lines = append(lines, st.Muted.Render(components.Fit(text.LedInValHint, width)))
	case stepPreview, stepSaving:
		p := m.prev
		total := func(row string) int64 { return p.S3.Get(model.Addr(model.TableS3, row, model.ColTotal)) }
		lines = append(lines, components.Fit(fmt.Sprintf(text.LedInPreview, len(p.Requests), len(p.Bad), len(p.Dups)), width),
			st.Heading.Render(components.Fit(fmt.Sprintf(text.LedInS3, total(model.RowNew), total(model.RowCarriedIn), total(model.RowOutcomeSum), total(model.RowCarriedOut)), width)))
		if m.step == stepSaving {
			lines = append(lines, text.LedInSaving)
		} else {
			lines = append(lines, st.Label.Render(components.Fit(text.LedInConfirm, width)))
		}
		var body []string
		for _, b := range p.Bad {
			body = append(body, st.Error.Render(components.Fit(fmt.Sprintf(text.LedInBadRow, b.Line, b.Reason), width)))
		}
		for _, b := range p.Dups {
			body = append(body, st.Warning.Render(components.Fit(fmt.Sprintf(text.LedInDupRow, b.Line, b.Reason), width)))
		}
		fm := model.FormatForYear(m.c.Year)
		for i := range p.Requests {
			q := &p.Requests[i]
			oc := ""
			if q.Outcome != "" {
				oc = fm.OutcomeLabel(q.Outcome)
			}
			body = append(body, components.Fit(q.Received.String()+"  "+components.Fit(q.Applicant.Label(), 12)+"  "+q.Summary+"  "+st.Muted.Render(oc), width))
		}
		h := max(1, height-len(lines)-1)
		m.top = max(0, min(m.top, len(body)-h))
		lines = append(lines, body[m.top:min(len(body), m.top+h)]...)
	case stepResult:
		p := m.prev
		lines = append(lines, st.OK.Render(components.Fit(fmt.Sprintf(text.LedInDone, m.done, len(p.Bad), len(p.Dups)), width)))
	}
	for len(lines) < height-1 {
		lines = append(lines, "")
	}
	lines = lines[:max(0, height-1)]
	if m.err != "" {
		lines = append(lines, st.Error.Render(components.Fit(m.err, width)))
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

func (m *Import) valueLine(i int, what, target string, width int) string {
	st := m.c.Styles
	lw := min(40, width/2)
	t := "← " + target + " →"
	if target == text.LedInValUnset {
		t = st.Error.Render(t)
	}
	line := " " + components.Fit(what, lw) + " " + t
	if i == m.row {
		line = st.Selected.Render("▸"+components.Fit(what, lw)) + " " + t
	}
	return components.Fit(line, width)
}

// Cursor implements common.Screen: in the path input.
func (m *Import) Cursor() *tea.Cursor {
	if m.step != stepPath {
		return nil
	}
	return tea.NewCursor(components.StringWidth(text.LedInPath)+m.path.CursorX(), 1)
}
