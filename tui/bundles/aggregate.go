package bundles

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// Aggregate sums one year of a folder's bundles and writes the county's
// workbook (汇总{year}.xlsx) to a drive or folder, verified; the organs are
// listed with their status and whether they met the due date.
type Aggregate struct {
	c        *common.Common
	src      *components.Input
	year     *components.Input
	expected *components.Input
	out      *place
	focus    int
	running  bool
	errText  string
	res      *model.AggregateResult
	shown    aggLists
	file     *desk.FileResult
	// scroll is the first result line shown, clamped in Update; width and
	// height are the screen's size, from the size message.
	scroll        int
	width, height int
}

// NewAggregate builds the aggregation screen for the bundles in dir; the
// workbook goes to the same folder unless another is chosen.
func NewAggregate(c *common.Common, dir string, year int) *Aggregate {
	in := func(v, placeholder string) *components.Input {
		i := components.NewInput()
		i.Clean = model.CleanLine
		i.Placeholder = placeholder
		i.SetValue(v)
		return i
	}
	return &Aggregate{c: c, src: in(dir, text.ExpFolderPlaceholder), year: in(strconv.Itoa(year), ""),
		expected: in("", text.AggExpectedHint), out: newPlace(dir)}
}

// Title implements common.Screen.
func (s *Aggregate) Title() string { return text.AggTitle }

// Init implements common.Screen.
func (s *Aggregate) Init() tea.Cmd { return scanDrives }

// Result is the last aggregation and the workbook written (tests).
func (s *Aggregate) Result() (*model.AggregateResult, *desk.FileResult) { return s.res, s.file }

// rows: 0 source folder, 1 year, 2 expected, the drives, the out folder,
// the button.
func (s *Aggregate) outFolderRow() int { return 3 + len(s.out.drives) }
func (s *Aggregate) startRow() int     { return s.outFolderRow() + 1 }

func (s *Aggregate) input() *components.Input {
	switch {
	case s.focus == 0:
		return s.src
	case s.focus == 1:
		return s.year
	case s.focus == 2:
		return s.expected
	case s.focus == s.outFolderRow():
		return s.out.folder
	}
	return nil
}

// Typing implements common.Typing.
func (s *Aggregate) Typing() bool { return !s.running && s.input() != nil }

// Busy implements common.Busy.
func (s *Aggregate) Busy() bool { return s.running }

// KeyMap implements common.Screen.
func (s *Aggregate) KeyMap() help.KeyMap {
	k := aggKeys
	if s.running {
		return keys.Map{}
	}
	if s.focus == s.startRow() {
		k.Next = k.Run
	}
	k.PgDown.SetEnabled(s.res != nil)
	k.PgUp.SetEnabled(s.res != nil && s.scroll > 0)
	k.Pick.SetEnabled(s.focus > 2 && s.focus < s.outFolderRow())
	return keys.Map{Short: []key.Binding{k.Up, k.Down, k.Next, k.Pick, k.PgDown, k.PgUp, k.Refresh, k.Back}}
}

// aggKeys are the aggregation screen's keys. Enter runs the aggregation
// from its button and moves on from the fields.
var aggKeys = struct {
	Up, Down, Next, Run, Pick, PgDown, PgUp, Refresh, Back key.Binding
}{
	Up:      keys.Bind(text.KeyUp, "up", "shift+tab"),
	Down:    keys.Bind(text.KeyDown, "down", "tab"),
	Next:    keys.Bind(text.KeyNext, "enter"),
	Run:     keys.Bind(text.AggKeyRun, "enter"),
	Pick:    keys.Bind(text.ExpKeyToggle, "space"),
	PgDown:  keys.Help(keys.Nav.PageDown, text.AggKeyScroll),
	PgUp:    keys.Help(keys.Nav.PageUp, text.AggKeyScrollUp),
	Refresh: keys.Refresh,
	Back:    keys.Global.Back,
}

type aggDoneMsg struct {
	res   model.AggregateResult
	lists aggLists
	file  desk.FileResult
	err   error
}

// aggLists are the lines the screen lists after an aggregation: every
// organ, then the files not used and those of other years.
type aggLists struct {
	organs             []model.AggregateOrgan
	unused             []desk.Rejected
	notUsed, otherYear int
}

// readLists reads the lists of an aggregation for the screen.
func readLists(agg *desk.Aggregation) (aggLists, error) {
	var l aggLists
	err := agg.EachOrgan(func(o model.AggregateOrgan) error { l.organs = append(l.organs, o); return nil })
	for _, k := range []desk.FileKind{desk.AggNotUsed, desk.AggOtherYear} {
		if err == nil {
			err = agg.EachFile(k, func(r desk.Rejected) error { l.unused = append(l.unused, r); return nil })
		}
	}
	l.notUsed, l.otherYear = agg.Files(desk.AggNotUsed), agg.Files(desk.AggOtherYear)
	return l, err
}

// splitNames splits the expected list on commas (half or full width), 、
// and semicolons.
func splitNames(s string) []string {
	f := func(r rune) bool { return strings.ContainsRune(",，、;；", r) }
	var out []string
	for _, n := range strings.FieldsFunc(s, f) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func (s *Aggregate) run() tea.Cmd {
	src, dir := strings.TrimSpace(s.src.Value()), s.out.dir()
	ys := strings.TrimSuffix(strings.TrimSpace(model.NormalizeDigits(s.year.Value())), "年")
	year, err := strconv.Atoi(ys)
	switch {
	case src == "":
		s.errText, s.focus = text.AggNoFolder, 0
		return nil
	case err != nil || len(ys) != 4 || model.FormatForYear(year) == nil:
		s.errText, s.focus = fmt.Sprintf(text.AggBadYear, s.year.Value()), 1
		return nil
	case dir == "":
		s.errText, s.focus = text.AggNoOut, s.outFolderRow()
		return nil
	}
	expected := splitNames(s.expected.Value())
	s.running, s.errText, s.res, s.file, s.scroll = true, "", nil, nil, 0
	return s.c.Track(func() tea.Msg {
		// Quitting waits for the table being written (c.Track).
		agg, err := desk.Aggregate(context.Background(), src, year, expected, dir, false)
		msg := aggDoneMsg{err: err}
		if agg != nil {
			defer agg.Close()
			var lerr error
			msg.res, msg.file = agg.AggregateResult, agg.File
			if msg.lists, lerr = readLists(agg); msg.err == nil {
				msg.err = lerr
			}
		}
		return msg
	})
}

// Update implements common.Screen.
func (s *Aggregate) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case drivesMsg:
		s.out.setDrives(msg.drives)
		if strings.TrimSpace(s.out.folder.Value()) != "" {
			s.out.sel = -1
		}
		s.focus = min(s.focus, s.startRow())
	case aggDoneMsg:
		s.running = false
		if msg.err != nil {
			s.errText = msg.err.Error()
			if msg.res.Format != nil {
				s.res, s.shown = &msg.res, msg.lists
			}
			return s, nil
		}
		s.res, s.shown, s.file = &msg.res, msg.lists, &msg.file
	case tea.PasteMsg:
		if in := s.input(); in != nil && !s.running {
			s.typeInto(in, msg)
		}
	case tea.WindowSizeMsg:
		s.width, s.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		cmd := s.key(msg)
		s.settle()
		return s, cmd
	}
	s.settle()
	return s, nil
}

// size is the size the screen is drawn at: as told by the last size
// message, else 80×21 (80×24 less the app's bars).
func (s *Aggregate) size() (int, int) {
	if s.width <= 0 || s.height <= 0 {
		return 80, 21
	}
	return s.width, s.height
}

// outLabel is the label before the output folder input.
func (s *Aggregate) outLabel() string {
	if len(s.out.drives) > 0 {
		return s.out.folderPrefix("")
	}
	return text.AggOut
}

// inputWidth is the width of an input after its focus mark and label on a
// line of width cells.
func inputWidth(label string, width int) int { return max(8, width-ansi.StringWidth("▸ "+label)) }

// settle scrolls the inputs and clamps the result's scroll for the size
// they are drawn at: Update's part, so that View only draws.
func (s *Aggregate) settle() {
	w, h := s.size()
	s.src.Scroll(inputWidth(text.AggFolder, w))
	s.year.Scroll(inputWidth(text.AggYear, w))
	s.expected.Scroll(inputWidth(text.AggExpected, w))
	s.out.folder.Scroll(inputWidth(s.outLabel(), w))
	_, _, _, most := s.draw(w, h)
	s.scroll = min(s.scroll, most)
}

func (s *Aggregate) typeInto(in *components.Input, msg tea.Msg) {
	if in == s.out.folder {
		s.out.typeKey(msg)
		return
	}
	in.Update(msg)
}

func (s *Aggregate) key(k tea.KeyPressMsg) tea.Cmd {
	if s.running {
		return nil
	}
	n := s.startRow() + 1
	b := aggKeys
	switch {
	case key.Matches(k, b.Up):
		s.focus = (s.focus - 1 + n) % n
		return nil
	case key.Matches(k, b.Down):
		s.focus = (s.focus + 1) % n
		return nil
	case key.Matches(k, b.PgDown):
		s.scroll++
		return nil
	case key.Matches(k, b.PgUp):
		s.scroll = max(0, s.scroll-1)
		return nil
	case key.Matches(k, b.Refresh):
		return s.out.rescan()
	case key.Matches(k, b.Back):
		return func() tea.Msg { return common.BackMsg{} }
	case key.Matches(k, b.Run):
		if s.focus == s.startRow() {
			return s.run()
		}
		if s.focus > 2 && s.focus < s.outFolderRow() {
			s.out.sel = s.focus - 3
		}
		s.focus++
		return nil
	}
	if in := s.input(); in != nil {
		s.typeInto(in, k)
		return nil
	}
	if key.Matches(k, b.Pick) && s.focus > 2 && s.focus < s.outFolderRow() {
		s.out.sel = s.focus - 3
	}
	return nil
}

// Cursor implements common.Screen: in the focused input, where the frame
// at the told size shows it.
func (s *Aggregate) Cursor() *tea.Cursor {
	if !s.Typing() {
		return nil
	}
	_, x, y, _ := s.draw(s.size())
	if y < 0 {
		return nil
	}
	return tea.NewCursor(x+s.input().CursorX(), y)
}

// View implements common.Screen. It only draws.
func (s *Aggregate) View(width, height int) string {
	v, _, _, _ := s.draw(width, height)
	return v
}

// draw draws the screen; it says where the focused input starts (y -1
// when none has the focus) and how far the result can scroll. It changes
// nothing.
func (s *Aggregate) draw(width, height int) (view string, curX, curY, most int) {
	st := s.c.Styles
	var lines []string
	add := func(l string) { lines = append(lines, components.Fit(l, width)) }
	add(st.Heading.Render(text.AggTitle))
	curY = -1
	field := func(i int, label string, in *components.Input) {
		mark := "  "
		if i == s.focus && !s.running {
			mark = "▸ "
			curY, curX = len(lines), ansi.StringWidth(mark+label)
		}
		lines = append(lines, components.Fit(mark+st.Label.Render(label)+in.Draw(inputWidth(label, width)), width))
	}
	field(0, text.AggFolder, s.src)
	field(1, text.AggYear, s.year)
	field(2, text.AggExpected, s.expected)
	if len(s.out.drives) > 0 {
		add(st.Label.Render("  " + text.AggOut))
	}
	if note := s.out.status(); note != "" && (len(s.out.drives) > 0 || s.out.note != "") {
		add("  " + st.Muted.Render(note))
	}
	for i := range s.out.drives {
		text := s.out.driveLine(i)
		mark := "  "
		if 3+i == s.focus && !s.running {
			mark, text = "▸ ", st.Selected.Render(text)
		}
		add(mark + text)
	}
	mark := "  "
	label := s.outLabel()
	if s.focus == s.outFolderRow() && !s.running {
		mark = "▸ "
		curY, curX = len(lines), ansi.StringWidth(mark+label)
	}
	lines = append(lines, components.Fit(mark+st.Label.Render(label)+s.out.folder.Draw(inputWidth(label, width)), width))
	btn := "[ " + text.AggStart + " ]"
	if s.focus == s.startRow() && !s.running {
		add("▸ " + st.Selected.Render(btn))
	} else {
		add("  " + btn)
	}
	switch {
	case s.running:
		add(st.Muted.Render(text.AggRunning))
	case s.errText != "":
		for _, l := range components.Wrap("✗ "+s.errText, width) {
			add(st.Error.Render(l))
		}
	}
	if s.file != nil {
		add(st.OK.Render(text.AggWritten))
		for _, l := range components.Wrap(s.file.Path, width-2) {
			add("  " + l)
		}
		add(st.Muted.Render("  SHA-256 " + s.file.SHA256))
	}
	if s.res != nil {
		add(st.Heading.Render(fmt.Sprintf(text.AggCounted, s.res.Year, s.res.Counted)))
		if note := s.res.IncompleteNote(); note != "" {
			for _, l := range components.Wrap(note, width-2) {
				add(st.Warning.Render(l))
			}
		}
		body := s.resultLines(width)
		room := height - len(lines)
		if room > 0 {
			most = max(0, len(body)-room+1)
			body = body[min(s.scroll, most):]
			if len(body) > room {
				body = append(body[:room-1], st.Muted.Render(fmt.Sprintf(text.AggMore, len(body)-(room-1), keys.Key(aggKeys.PgDown))))
			}
			lines = append(lines, body...)
		}
	}
	return components.Block(strings.Join(lines, "\n"), width, height), curX, curY, most
}

// resultLines lists the organs (status, errors, due date met) and the files
// that could not be used.
func (s *Aggregate) resultLines(width int) []string {
	st := s.c.Styles
	nameW := 0
	for _, o := range s.shown.organs {
		nameW = max(nameW, ansi.StringWidth(o.Name))
	}
	nameW = min(max(nameW, 4), max(8, width-34))
	var out []string
	out = append(out, st.Label.Render(components.Fit("  "+components.Fit(text.AggColOrgan, nameW)+"  "+
		components.Fit(text.AggColStatus, 8)+components.Fit(text.AggColErrors, 6)+text.AggColDue, width)))
	for _, o := range s.shown.organs {
		errs := strconv.Itoa(o.Errors)
		if o.Status == model.AggMissing {
			errs = "-"
		}
		style := st.Normal
		switch o.Status {
		case model.AggErrors:
			style = st.Warning
		case model.AggMissing, model.AggExcluded:
			style = st.Error
		}
		out = append(out, components.Fit("  "+components.Fit(o.Name, nameW)+"  "+
			style.Render(components.Fit(o.Status.Label(), 8))+components.Fit(errs, 6)+o.DueLabel(), width))
	}
	if len(s.shown.unused) > 0 {
		out = append(out, st.Muted.Render(components.Fit(fmt.Sprintf(text.AggRejected, s.shown.notUsed, s.shown.otherYear), width)))
		for _, r := range s.shown.unused {
			reason := strings.Join(strings.Fields(strings.ReplaceAll(r.Reason, "\n", " ")), " ")
			out = append(out, components.Fit("  "+st.Error.Render(r.File+"："+reason), width))
		}
	}
	return out
}
