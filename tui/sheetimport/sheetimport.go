// Package sheetimport is the one way the workstation imports an Excel or
// CSV sheet into the open year, whatever it holds (disclosure items, the
// request ledger): the file's path, the column of each field, the file's
// own words for coded values when the kind has them, a preview with the
// bad and duplicate rows, then everything in one transaction and the
// result. What is imported is a File the host reads; the steps, keys and
// drawing are here once.
package sheetimport

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/importer"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// File is a sheet read for import, with what its kind needs to map,
// preview and store it.
type File interface {
	// Sheet is the file as read.
	Sheet() *importer.Sheet
	// Columns is the mapping of the kind's fields to the sheet's columns,
	// guessed from the header and changed by the clerk.
	Columns() Columns
	// Values is the second step, called once the columns are accepted:
	// the file's own words for coded values, or nil when the kind has none.
	Values() Values
	// Preview returns the work (run off the Update loop) that computes
	// what the import would store.
	Preview() func() (*Preview, error)
	// Save returns the work that stores the previewed rows in one
	// transaction and reports how many were stored.
	Save(p *Preview) func() (int, error)
}

// Columns maps the kind's fields to columns of the sheet.
type Columns interface {
	Fields() int
	Label(field int) string
	Required(field int) bool
	// Column is the sheet column of field, -1 for none.
	Column(field int) int
	// Cycle moves field to the next (step 1) or previous (-1) free column.
	Cycle(field, step int)
	// Missing is the label of the first required field without a column,
	// "" when none is missing.
	Missing() string
}

// Values maps the file's words for a coded value (申请人类型, 办理结果)
// to the report's.
type Values interface {
	Len() int
	// Row is the i-th word as the file has it, with its count, and the
	// value it stands for ("" when not chosen yet).
	Row(i int) (what, target string)
	Cycle(i, step int)
	// Unmapped counts the words not chosen yet.
	Unmapped() int
}

// Tone is how a line of the preview is drawn.
type Tone int

// Tones of preview lines.
const (
	Plain Tone = iota
	Heading
	Warning
	Bad
)

// Line is one line of the preview's head or problem list.
type Line struct {
	Text string
	Tone Tone
}

// Preview is what an import would do.
type Preview struct {
	// Head are the lines above the rows: the counts, table 三 as it would
	// stand, names the import adds.
	Head []Line
	// Problems are the bad and duplicate rows, which are not imported;
	// they are listed first in the preview and again after the import.
	Problems []Line
	// Rows is the number of rows that would be stored, Row draws one.
	Rows   int
	Row    func(i, width int) string
	Header string
	// Done says what was imported, from the number stored.
	Done func(n int) string
	// Data is what the kind needs to store the preview (File.Save).
	Data any
}

// Texts are the words of one kind of import.
type Texts struct {
	Title, PathLabel, PathHint string
	// MapTitle takes the file name and its number of rows.
	MapTitle string
	// Missing takes the label of a required field without a column.
	Missing string
	// ValTitle takes the number of words and of those not chosen;
	// Unmapped the number not chosen. Both are empty for a kind without
	// words to map (File.Values is nil).
	ValTitle, Unmapped string
	// Failed takes the reason the import was not stored.
	Failed string
}

// Host is what the screen holding the flow gives it.
type Host struct {
	C     *common.Common
	Texts Texts
	// Read reads the file at path; it runs off the Update loop.
	Read func(path string) (File, error)
	// Leave closes the flow (Esc on the path, Enter or Esc on the result).
	Leave func() tea.Cmd
	// Saved runs after the import is stored (reload, status line).
	Saved func() tea.Cmd
}

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

// Msg is the reply of the flow's background work; it carries its flow so
// a reply reaches the import that asked.
type Msg struct {
	flow    *Flow
	file    File
	preview *Preview
	n       int
	err     error
	kind    step // the step that asked: reading, values (preview) or saving
}

// Flow is one import, from the path to the result.
type Flow struct {
	h      Host
	step   step
	path   *components.Input
	name   string
	file   File
	values Values
	prev   *Preview
	field  int // mapping step: the field under the cursor
	row    int // values step: the word under the cursor
	top    int // preview and result: the first line shown
	done   int
	err    string
	// width is the flow's width, from the size message.
	width int
}

// New starts an import at its path step.
func New(h Host) *Flow {
	in := components.NewInput()
	in.Clean = model.CleanLine
	in.Focus()
	return &Flow{h: h, path: in}
}

// Typing reports whether the path input has the keys.
func (f *Flow) Typing() bool { return f.step == stepPath }

// Busy reports whether Esc steps back inside the flow rather than leaving.
func (f *Flow) Busy() bool { return f.step != stepPath && f.step != stepResult }

// flowKeys are the keys of every step.
var flowKeys = struct {
	Read, Up, Down, Cycle, Next, Preview, Run, PgUp, PgDown, Back, StepBack, Close key.Binding
}{
	Read:     keys.Bind(text.ImportKeyRead, "enter"),
	Up:       keys.Bind(text.KeyUp, "up", "shift+tab", "k"),
	Down:     keys.Bind(text.KeyDown, "down", "tab", "j"),
	Cycle:    key.NewBinding(key.WithKeys("left", "right", "h", "l", "space"), key.WithHelp("←/→", text.ImportKeyCycle)),
	Next:     keys.Bind(text.ImportKeyNext, "enter"),
	Preview:  keys.Bind(text.ImportKeyPreview, "enter"),
	Run:      keys.Bind(text.ImportKeyRun, "enter", "y"),
	PgUp:     keys.Nav.PageUp,
	PgDown:   keys.Nav.PageDown,
	Back:     keys.Global.Back,
	StepBack: keys.Bind(text.ImportKeyStepBack, "esc"),
	Close:    keys.Bind(text.ImportKeyClose, "enter", "esc"),
}

// KeyMap lists the keys of the current step.
func (f *Flow) KeyMap() help.KeyMap {
	k := flowKeys
	switch f.step {
	case stepPath:
		return keys.Map{Short: []key.Binding{k.Read, k.Back}}
	case stepMap:
		if f.h.Texts.ValTitle == "" {
			k.Next = k.Preview // no words to map: the preview is next
		}
		return keys.Map{Short: []key.Binding{k.Next, k.Up, k.Down, k.Cycle, k.StepBack}}
	case stepValues:
		k.Up.SetEnabled(f.row > 0)
		k.Down.SetEnabled(f.row < f.values.Len()-1)
		k.Cycle = keys.Help(k.Cycle, text.ImportKeyCycleValue)
		return keys.Map{Short: []key.Binding{k.Preview, k.Up, k.Down, k.Cycle, k.StepBack}}
	case stepPreview:
		up, down := f.scrolls(f.prev.Rows + len(f.prev.Problems))
		k.Up.SetEnabled(up)
		k.PgUp.SetEnabled(up)
		k.Down.SetEnabled(down)
		k.PgDown.SetEnabled(down)
		return keys.Map{
			Short: []key.Binding{k.Run, k.Up, k.Down, k.StepBack},
			Full:  [][]key.Binding{{k.Run, k.Up, k.Down, k.PgUp, k.PgDown, k.StepBack}},
		}
	case stepResult:
		up, down := f.scrolls(len(f.prev.Problems))
		k.Up.SetEnabled(up)
		k.Down.SetEnabled(down)
		return keys.Map{Short: []key.Binding{k.Close, k.Up, k.Down}}
	}
	return keys.Map{}
}

// Update handles the flow's keys, pastes, replies and its size; the path
// input scrolls here for the width it is drawn at, so that View only draws.
func (f *Flow) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		f.width = m.Width
	}
	cmd := f.update(msg)
	f.path.Scroll(f.pathWidth(f.drawWidth()))
	return cmd
}

// drawWidth is the width the flow is drawn at: as told by the last size
// message, else the terminal's, else 80.
func (f *Flow) drawWidth() int {
	switch {
	case f.width > 0:
		return f.width
	case f.h.C != nil && f.h.C.Width > 0:
		return f.h.C.Width
	}
	return 80
}

// pathWidth is the width of the path input on a line of width cells.
func (f *Flow) pathWidth(width int) int {
	return max(4, width-components.StringWidth(f.h.Texts.PathLabel))
}

func (f *Flow) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case Msg:
		if msg.flow == f {
			return f.reply(msg)
		}
	case tea.PasteMsg:
		if f.step == stepPath {
			f.path.Update(msg)
		}
	case tea.KeyPressMsg:
		return f.key(msg)
	}
	return nil
}

func (f *Flow) reply(msg Msg) tea.Cmd {
	switch msg.kind {
	case stepReading:
		if f.step != stepReading {
			return nil
		}
		if msg.err != nil {
			f.step, f.err = stepPath, msg.err.Error()
			return nil
		}
		f.file, f.step, f.field, f.err = msg.file, stepMap, 0, ""
	case stepValues:
		if msg.err != nil {
			f.err = msg.err.Error()
			return nil
		}
		f.prev, f.step, f.top = msg.preview, stepPreview, 0
	case stepSaving:
		if msg.err != nil {
			f.step, f.err = stepPreview, fmt.Sprintf(f.h.Texts.Failed, msg.err.Error())
			return common.SaveFailed(msg.err)
		}
		f.done, f.step, f.top = msg.n, stepResult, 0
		return f.h.Saved()
	}
	return nil
}

func (f *Flow) key(k tea.KeyPressMsg) tea.Cmd {
	b := flowKeys
	// Cycle's direction: ← (or h) back, → (l, space) on.
	dir := 1
	if key.Matches(k, keys.Nav.Left) {
		dir = -1
	}
	switch f.step {
	case stepPath:
		switch {
		case key.Matches(k, b.Back):
			return f.h.Leave()
		case key.Matches(k, b.Read):
			return f.read()
		}
		if f.path.Update(k) {
			f.err = ""
		}
	case stepMap:
		cols := f.file.Columns()
		n := cols.Fields()
		switch {
		case key.Matches(k, b.StepBack):
			f.step, f.err = stepPath, ""
		case key.Matches(k, b.Up):
			f.field = (f.field + n - 1) % n
		case key.Matches(k, b.Down):
			f.field = (f.field + 1) % n
		case key.Matches(k, b.Cycle):
			cols.Cycle(f.field, dir)
		case key.Matches(k, b.Next):
			if miss := cols.Missing(); miss != "" {
				f.err = fmt.Sprintf(f.h.Texts.Missing, miss)
				return nil
			}
			f.err = ""
			if f.values = f.file.Values(); f.values != nil {
				f.step, f.row = stepValues, 0
				return nil
			}
			return f.preview()
		}
	case stepValues:
		n := f.values.Len()
		switch {
		case key.Matches(k, b.StepBack):
			f.step, f.err = stepMap, ""
		case key.Matches(k, b.Up):
			f.row = max(0, f.row-1)
		case key.Matches(k, b.Down):
			f.row = min(max(0, n-1), f.row+1)
		case key.Matches(k, b.Cycle):
			if f.row < n {
				f.values.Cycle(f.row, dir)
			}
		case key.Matches(k, b.Preview):
			if u := f.values.Unmapped(); u > 0 {
				f.err = fmt.Sprintf(f.h.Texts.Unmapped, u)
				return nil
			}
			f.err = ""
			return f.preview()
		}
	case stepPreview:
		lines := f.prev.Rows + len(f.prev.Problems)
		switch {
		case key.Matches(k, b.StepBack):
			f.step, f.err = stepMap, ""
			if f.values != nil {
				f.step = stepValues
			}
		case key.Matches(k, b.Run):
			if f.prev.Rows == 0 {
				f.err = text.ImportNothing
				return nil
			}
			f.step, f.err = stepSaving, ""
			work, fl := f.file.Save(f.prev), f
			return f.h.C.Track(func() tea.Msg {
				n, err := work()
				return Msg{flow: fl, kind: stepSaving, n: n, err: err}
			})
		default:
			f.scroll(k, lines)
		}
	case stepResult:
		if key.Matches(k, b.Close) {
			return f.h.Leave()
		}
		f.scroll(k, len(f.prev.Problems))
	}
	return nil
}

// scroll moves the first line shown by the scrolling keys, so that the
// last of the n lines stops at the bottom.
func (f *Flow) scroll(k tea.KeyPressMsg, n int) {
	b := flowKeys
	switch {
	case key.Matches(k, b.Up):
		f.top--
	case key.Matches(k, b.Down):
		f.top++
	case key.Matches(k, b.PgUp):
		f.top -= f.shown()
	case key.Matches(k, b.PgDown):
		f.top += f.shown()
	}
	f.top = max(0, min(f.top, n-f.shown()))
}

// chromeLines are the app's title bar, status line and help bar around a
// screen.
const chromeLines = 3

// shown is how many lines of the preview's or the result's list fit under
// their heads on the terminal (as View lays them out).
func (f *Flow) shown() int {
	head := 2 // the title, and the confirm or result line
	if f.step == stepPreview || f.step == stepSaving {
		head += len(f.prev.Head)
		if f.prev.Header != "" {
			head++
		}
	} else if len(f.prev.Problems) > 0 {
		head++
	}
	return max(1, f.h.C.Height-chromeLines-head-1)
}

// scrolls reports whether the list of n lines is longer than the room.
func (f *Flow) scrolls(n int) (up, down bool) { return f.top > 0, f.top < n-f.shown() }

func (f *Flow) read() tea.Cmd {
	p := components.CleanPath(f.path.Value())
	if p == "" {
		f.err = text.ImportNoPath
		return nil
	}
	f.err, f.step = "", stepReading
	f.name = baseName(p)
	read, fl := f.h.Read, f
	return func() tea.Msg {
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			return Msg{flow: fl, kind: stepReading, err: fmt.Errorf(text.ImportOpenFail, p, openReason(err))}
		case fi.IsDir():
			return Msg{flow: fl, kind: stepReading, err: fmt.Errorf(text.ImportOpenFail, p, text.ImportIsDir)}
		}
		file, err := read(p)
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			// A file that is there but does not open (no permission to
			// read it, locked by Excel): said in Chinese, not the system's words.
			err = fmt.Errorf(text.ImportOpenFail, p, openReason(err))
		}
		return Msg{flow: fl, kind: stepReading, file: file, err: err}
	}
}

func (f *Flow) preview() tea.Cmd {
	work, fl := f.file.Preview(), f
	return func() tea.Msg {
		p, err := work()
		return Msg{flow: fl, kind: stepValues, preview: p, err: err}
	}
}

// baseName is the file name of p, with either separator (a path typed on
// Windows is read on Windows, but tests and Kylin users paste both).
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// openReason says in Chinese why a file did not open.
func openReason(err error) string {
	switch {
	case os.IsNotExist(err):
		return text.ImportNotFound
	case os.IsPermission(err):
		return text.ImportNoPerm
	}
	return fmt.Sprintf(text.ImportOSFail, err)
}

// View draws the current step in width×height cells.
func (f *Flow) View(width, height int) string {
	st := f.h.C.Styles
	t := f.h.Texts
	lines := []string{st.Title.Render(components.Fit(t.Title, width))}
	// body is drawn from line top, as many lines as fit above the
	// message line.
	body := func(n int, top int, draw func(i int) string) {
		h := max(1, height-len(lines)-1)
		top = max(0, min(top, n-h))
		for i := top; i < min(n, top+h); i++ {
			lines = append(lines, draw(i))
		}
	}
	switch f.step {
	case stepPath, stepReading:
		lines = append(lines, st.Label.Render(t.PathLabel)+f.path.Draw(f.pathWidth(width)))
		for _, l := range components.Wrap(t.PathHint, width) {
			lines = append(lines, st.Muted.Render(l))
		}
		if f.step == stepReading {
			lines = append(lines, text.ImportReading)
		}
	case stepMap:
		sh := f.file.Sheet()
		cols := f.file.Columns()
		lines = append(lines, components.Fit(fmt.Sprintf(t.MapTitle, f.name, len(sh.Rows)), width))
		lw := 0
		for i := range cols.Fields() {
			lw = max(lw, components.StringWidth(cols.Label(i)))
		}
		body(cols.Fields(), f.field-(height-3)/2, func(i int) string {
			col := cols.Column(i)
			name, sample := text.ImportNoCol, ""
			if col >= 0 {
				name = sh.ColumnName(col)
				if len(sh.Rows) > 0 {
					sample = fmt.Sprintf(text.ImportSample, model.CleanLine(sh.Cell(0, col)))
				}
			}
			mark := " "
			if cols.Required(i) {
				mark = "*"
			}
			part := components.Fit(cols.Label(i), lw) + mark + " " + components.ChoiceArrows(components.Fit(name, 16))
			if i == f.field {
				part = st.Selected.Render(components.CursorMark(true) + part)
			} else {
				part = components.CursorMark(false) + part
			}
			return components.Fit(part+"  "+st.Muted.Render(sample), width)
		})
	case stepValues:
		lines = append(lines, components.Fit(fmt.Sprintf(t.ValTitle, f.values.Len(), f.values.Unmapped()), width))
		lw := min(40, width/2)
		body(f.values.Len(), f.row-(height-3)/2, func(i int) string {
			what, target := f.values.Row(i)
			tgt := components.ChoiceArrows(target)
			if target == "" {
				tgt = st.Error.Render(components.ChoiceArrows(text.ImportValUnset))
			}
			w := components.CursorMark(i == f.row) + components.Fit(what, lw)
			if i == f.row {
				w = st.Selected.Render(w)
			}
			return components.Fit(w+" "+tgt, width)
		})
	case stepPreview, stepSaving:
		p := f.prev
		for _, l := range p.Head {
			lines = append(lines, f.tone(l, width))
		}
		if f.step == stepSaving {
			lines = append(lines, text.ImportSaving)
		} else {
			lines = append(lines, st.Label.Render(components.Fit(text.ImportOnce, width)))
		}
		if p.Header != "" {
			lines = append(lines, st.Muted.Render(components.Fit(p.Header, width)))
		}
		// Only the visible rows are drawn: an import may hold thousands.
		np := len(p.Problems)
		body(np+p.Rows, f.top, func(i int) string {
			if i < np {
				return f.tone(p.Problems[i], width)
			}
			return components.Fit(p.Row(i-np, width), width)
		})
	case stepResult:
		p := f.prev
		lines = append(lines, st.OK.Render(components.Fit(p.Done(f.done), width)))
		if len(p.Problems) > 0 {
			lines = append(lines, text.ImportBadHead)
			body(len(p.Problems), f.top, func(i int) string { return f.tone(p.Problems[i], width) })
		}
	}
	for len(lines) < height-1 {
		lines = append(lines, "")
	}
	lines = lines[:max(0, height-1)]
	if f.err != "" {
		lines = append(lines, st.Error.Render(components.Fit(f.err, width)))
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

func (f *Flow) tone(l Line, width int) string {
	st := f.h.C.Styles
	s := components.Fit(l.Text, width)
	switch l.Tone {
	case Heading:
		return st.Heading.Render(s)
	case Warning:
		return st.Warning.Render(s)
	case Bad:
		return st.Error.Render(s)
	}
	return s
}

// Cursor is the terminal cursor in the path input, relative to the flow's
// top-left corner.
func (f *Flow) Cursor() *tea.Cursor {
	if f.step != stepPath {
		return nil
	}
	return tea.NewCursor(components.StringWidth(f.h.Texts.PathLabel)+f.path.CursorX(), 1)
}

// Screen is a flow on a screen of its own (pushed on the app's stack).
type Screen struct {
	*Flow
	title string
}

// NewScreen builds an import screen; Leave in h should go back.
func NewScreen(h Host) *Screen { return &Screen{Flow: New(h), title: h.Texts.Title} }

// Init implements common.Screen.
func (s *Screen) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (s *Screen) Title() string { return s.title }

// Update implements common.Screen.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s, s.Flow.Update(msg) }
