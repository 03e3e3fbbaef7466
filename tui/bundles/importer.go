package bundles

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
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// Entry is one .json file of the folder as the list shows it: the file
// read (desk.BundleFile), whether it is ticked and how importing it ended.
type Entry struct {
	desk.BundleFile
	Selected bool
	// State is how importing it ended ("" before).
	State string
}

// ImportedMsg tells the start screen that bundles were imported, so it
// reads its organ list again.
type ImportedMsg struct{}

// Import reads a folder of bundles, lists them and imports the chosen ones;
// h opens the aggregation of the same folder.
type Import struct {
	c     *common.Common
	place *place
	// stage 0 picks the folder, 1 lists its bundles.
	stage   int
	focus   int // in stage 0: drives, folder, button
	reading bool
	dir     string
	entries []Entry
	list    components.List
	errText string
	// queue holds the entries still to import; deciding is the entry
	// whose differences the open question shows, waiting for its answer.
	queue    []int
	deciding int
	diff     []string
	working  bool
	done     string
	imported bool
	// width and height are the screen's size, from the size message.
	width, height int
}

// NewImport builds the import screen (no organ need be open).
func NewImport(c *common.Common) *Import {
	return &Import{c: c, place: newPlace(""), deciding: -1}
}

// Title implements common.Screen.
func (s *Import) Title() string { return text.BunImportTitle }

// Init implements common.Screen.
func (s *Import) Init() tea.Cmd { return scanDrives }

// Entries lists the bundles read (tests).
func (s *Import) Entries() []Entry { return s.entries }

// Diff is the difference list on screen while a decision is asked (tests).
func (s *Import) Diff() []string { return s.diff }

func (s *Import) folderRow() int { return len(s.place.drives) }
func (s *Import) readRow() int   { return len(s.place.drives) + 1 }

// Typing implements common.Typing.
func (s *Import) Typing() bool { return s.stage == 0 && !s.reading && s.focus == s.folderRow() }

// Busy implements common.Busy.
func (s *Import) Busy() bool { return s.stage == 1 || s.reading || s.working }

// importKeys are the import screen's keys: picking the folder (Up, Down,
// Pick, Read, Refresh, Back), the bundles read (Up, Down, Select, All,
// Import, Aggregate, Rescan, Back) and a bundle that differs from the
// stored year (Replace, Keep).
var importKeys = struct {
	Up, Down, Pick, Read, Refresh, Back        key.Binding
	ListUp, ListDown, Select, All, Import, Agg key.Binding
	Rescan, ListBack, Replace, Keep            key.Binding
}{
	Up:       keys.Bind(text.KeyUp, "up", "shift+tab"),
	Down:     keys.Bind(text.KeyDown, "down", "tab"),
	Pick:     keys.Bind(text.ExpKeyToggle, "space"),
	Read:     keys.Bind(text.BunRead, "enter"),
	Refresh:  keys.Refresh,
	Back:     keys.Global.Back,
	ListUp:   keys.Nav.Up,
	ListDown: keys.Nav.Down,
	Select:   keys.Bind(text.BunKeySelect, "space"),
	All:      keys.Bind(text.BunKeySelectAll, "a"),
	Import:   keys.Bind(text.BunKeyImport, "enter"),
	Agg:      keys.Bind(text.BunKeyAggregate, "h"),
	Rescan:   keys.Bind(text.BunKeyRescan, "ctrl+r"),
	ListBack: keys.Bind(text.BunKeyFolder, "esc"),
	Replace:  keys.Bind(text.BunKeyReplace, "r", "R"),
	Keep:     keys.Bind(text.BunKeyKeep, "k", "K", "esc"),
}

// KeyMap implements common.Screen.
func (s *Import) KeyMap() help.KeyMap {
	k := importKeys
	switch {
	case s.reading || s.working:
		return keys.Map{}
	case s.stage == 1:
		return keys.Map{Short: []key.Binding{k.ListUp, k.ListDown, k.Select, k.All, k.Import, k.Agg, k.Rescan, k.ListBack}}
	}
	// Space picks a drive; in the folder field it is typed.
	k.Pick.SetEnabled(s.focus < s.folderRow())
	return keys.Map{Short: []key.Binding{k.Up, k.Down, k.Pick, k.Read, k.Refresh, k.Back}}
}

type readMsg struct {
	dir     string
	entries []Entry
	err     error
}

func (s *Import) read() tea.Cmd {
	dir := s.place.dir()
	if dir == "" {
		s.errText = text.BunFolderMissing
		return nil
	}
	s.reading, s.errText = true, ""
	ctx, st := s.c.Context(), s.c.Store
	return func() tea.Msg {
		files, err := st.ReadBundles(ctx, dir)
		es := make([]Entry, len(files))
		for i, f := range files {
			es[i] = Entry{BundleFile: f}
		}
		return readMsg{dir: dir, entries: es, err: err}
	}
}

// Messages of one bundle's import.
type (
	stepMsg struct {
		idx   int
		state string
		diff  []string
		ask   bool
	}
)

// step checks the next queued entry against the store (now, so a bundle
// imported a moment ago counts as kept) and imports it when nothing is
// kept; when something is, the differences come back to be decided.
func (s *Import) step() tea.Cmd {
	if len(s.queue) == 0 {
		s.working = false
		s.done = s.summary()
		return nil
	}
	idx := s.queue[0]
	s.queue = s.queue[1:]
	s.working = true
	e := s.entries[idx]
	ctx, st := s.c.Context(), s.c.Store
	return s.c.Track(func() tea.Msg {
		exists, diff, err := st.CompareBundle(ctx, e.OY, e.Meta)
		if err != nil {
			return stepMsg{idx: idx, state: fmt.Sprintf(text.BunStateFailed, err)}
		}
		if exists && len(diff) == 0 {
			return stepMsg{idx: idx, state: text.BunStateSame}
		}
		if exists {
			return stepMsg{idx: idx, diff: diff, ask: true}
		}
		return stepMsg{idx: idx, state: save(ctx, st, e.OY, false)}
	})
}

// save stores one bundle's organ-year in one transaction.
func save(ctx context.Context, st common.Desk, oy *model.OrganYear, replace bool) string {
	if err := st.ImportBundle(ctx, oy, replace); err != nil {
		return fmt.Sprintf(text.BunStateFailed, err)
	}
	if replace {
		return text.BunStateReplaced
	}
	return text.BunStateImported
}

func (s *Import) summary() string {
	var n [5]int
	for _, e := range s.entries {
		switch {
		case e.State == text.BunStateImported:
			n[0]++
		case e.State == text.BunStateReplaced:
			n[1]++
		case e.State == text.BunStateKept:
			n[2]++
		case e.State == text.BunStateSame:
			n[3]++
		case strings.HasPrefix(e.State, strings.TrimSuffix(text.BunStateFailed, "%s")):
			n[4]++
		}
	}
	return fmt.Sprintf(text.BunImportDone, n[0], n[1], n[2], n[3], n[4])
}

// startImport queues the ticked valid bundles, or the one under the cursor.
func (s *Import) startImport() tea.Cmd {
	s.queue = nil
	for i, e := range s.entries {
		if e.Selected && e.OY != nil {
			s.queue = append(s.queue, i)
		}
	}
	if len(s.queue) == 0 && len(s.entries) > 0 && s.entries[s.list.Cursor].OY != nil {
		s.queue = []int{s.list.Cursor}
	}
	if len(s.queue) == 0 {
		s.errText = fmt.Sprintf(text.BunNothingChosen, keys.Key(importKeys.Select))
		return nil
	}
	s.errText, s.done = "", ""
	return s.step()
}

// Update implements common.Screen.
func (s *Import) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case drivesMsg:
		s.place.setDrives(msg.drives)
		s.focus = min(s.focus, s.readRow())
	case readMsg:
		s.reading = false
		if msg.err != nil {
			s.errText = msg.err.Error()
			return s, nil
		}
		s.stage, s.dir, s.entries = 1, msg.dir, msg.entries
		s.list = components.List{}
		s.list.SetLen(len(s.entries))
		s.done, s.errText = "", ""
	case stepMsg:
		if msg.ask {
			s.deciding, s.diff = msg.idx, msg.diff
			s.list.Cursor = msg.idx
			return s, s.ask()
		}
		s.entries[msg.idx].State = msg.state
		if msg.state == text.BunStateImported || msg.state == text.BunStateReplaced {
			s.imported = true
			s.entries[msg.idx].Exists = true
		}
		return s, s.step()
	case tea.PasteMsg:
		if s.Typing() {
			s.place.typeKey(msg)
		}
	case decideMsg:
		return s, s.decide(msg)
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

// decideMsg is the answer to the question about a bundle whose organ-year
// is already kept and differs: replace it, or keep what is stored.
type decideMsg struct {
	s       *Import
	idx     int
	replace bool
}

// moreDiffs is how many differences the question lists before it only
// counts the rest, so it fits a 24-line terminal.
const moreDiffs = 8

// ask puts the question about the entry being decided on the dialog
// stack: its differences, then r (replace) or k/Esc (keep).
func (s *Import) ask() tea.Cmd {
	e := s.entries[s.deciding]
	lines := []string{fmt.Sprintf(text.BunAskDiff, e.OY.Organ.Name, e.Meta.Year, e.File, len(s.diff))}
	for i, d := range s.diff {
		if i == moreDiffs && len(s.diff) > moreDiffs+1 {
			lines = append(lines, "  "+fmt.Sprintf(text.BunMoreDiffs, len(s.diff)-moreDiffs))
			break
		}
		lines = append(lines, "  "+d)
	}
	return dialog.Open(dialog.NewAsk(s.c, strings.Join(lines, "\n"),
		dialog.Choice{Key: importKeys.Replace, Reply: decideMsg{s: s, idx: s.deciding, replace: true}},
		dialog.Choice{Key: importKeys.Keep, Reply: decideMsg{s: s, idx: s.deciding}},
	))
}

// decide applies the answer: replace stores the bundle over the kept
// year, keep marks the entry kept; then the queue goes on.
func (s *Import) decide(m decideMsg) tea.Cmd {
	if m.s != s || m.idx != s.deciding {
		return nil
	}
	s.deciding, s.diff = -1, nil
	if m.replace {
		e, idx := s.entries[m.idx], m.idx
		ctx, st := s.c.Context(), s.c.Store
		return s.c.Track(func() tea.Msg { return stepMsg{idx: idx, state: save(ctx, st, e.OY, true)} })
	}
	s.entries[m.idx].State = text.BunStateKept
	return s.step()
}

func (s *Import) back() tea.Cmd {
	if !s.imported {
		return func() tea.Msg { return common.BackMsg{} }
	}
	return tea.Sequence(func() tea.Msg { return common.BackMsg{} }, func() tea.Msg { return ImportedMsg{} })
}

func (s *Import) key(k tea.KeyPressMsg) tea.Cmd {
	if s.reading {
		return nil
	}
	if s.working || s.deciding >= 0 {
		return nil
	}
	if s.stage == 1 {
		return s.listKey(k)
	}
	n := s.readRow() + 1
	b := importKeys
	switch {
	case key.Matches(k, b.Up):
		s.focus = (s.focus - 1 + n) % n
		return nil
	case key.Matches(k, b.Down):
		s.focus = (s.focus + 1) % n
		return nil
	case key.Matches(k, b.Refresh):
		return s.place.rescan()
	case key.Matches(k, b.Back):
		return s.back()
	}
	if s.focus == s.folderRow() {
		if key.Matches(k, b.Read) {
			return s.read()
		}
		s.place.typeKey(k)
		return nil
	}
	switch {
	case key.Matches(k, b.Read):
		if s.focus < s.folderRow() {
			s.place.sel = s.focus
		}
		return s.read()
	case key.Matches(k, b.Pick):
		if s.focus < s.folderRow() {
			s.place.sel = s.focus
			return nil
		}
		return s.read()
	}
	return nil
}

func (s *Import) listKey(k tea.KeyPressMsg) tea.Cmd {
	b := importKeys
	switch {
	case key.Matches(k, b.ListBack):
		s.stage = 0
		s.errText, s.done = "", ""
		return nil
	case key.Matches(k, b.Select):
		if len(s.entries) > 0 {
			e := &s.entries[s.list.Cursor]
			e.Selected = e.OY != nil && !e.Selected
			s.list.Move(1)
		}
	case key.Matches(k, b.All):
		all := true
		for _, e := range s.entries {
			if e.OY != nil && !e.Selected {
				all = false
			}
		}
		for i := range s.entries {
			s.entries[i].Selected = s.entries[i].OY != nil && !all
		}
	case key.Matches(k, b.Import):
		return s.startImport()
	case key.Matches(k, b.Agg):
		// The year of the bundle under the cursor, else of the first good
		// one, else last year.
		year := s.c.Today.Year() - 1
		for i := range s.entries {
			if s.entries[i].OY != nil {
				year = s.entries[i].Meta.Year
				break
			}
		}
		if len(s.entries) > 0 && s.entries[s.list.Cursor].OY != nil {
			year = s.entries[s.list.Cursor].Meta.Year
		}
		return common.Push(NewAggregate(s.c, s.dir, year))
	case key.Matches(k, b.Rescan):
		s.place.sel = -1
		s.place.folder.SetValue(s.dir)
		return s.read()
	default:
		s.list.HandleKey(k, 5)
	}
	return nil
}

// Cursor implements common.Screen: in the folder field, on the line the
// frame at the told size shows it.
func (s *Import) Cursor() *tea.Cursor {
	if !s.Typing() {
		return nil
	}
	w, h := s.size()
	if _, y := s.folderStage(w, h); y >= 0 {
		return s.place.cursor(y)
	}
	return nil
}

// size is the size the screen is drawn at: as told by the last size
// message, else 80×21 (80×24 less the app's bars).
func (s *Import) size() (int, int) {
	if s.width <= 0 || s.height <= 0 {
		return 80, 21
	}
	return s.width, s.height
}

// settle scrolls the folder input and the bundle list for the size they
// are drawn at: Update's part, so that View only draws.
func (s *Import) settle() {
	w, h := s.size()
	s.place.settle(w)
	if s.stage == 1 {
		s.list.Visible(s.listRoom(w, h))
	}
}

// folderStage draws the folder stage and says on which line the folder
// input's cursor is (-1 when not shown). It changes nothing.
func (s *Import) folderStage(width, height int) (string, int) {
	st := s.c.Styles
	var lines []string
	add := func(l string) { lines = append(lines, components.Fit(l, width)) }
	add(st.Heading.Render(text.BunImportTitle))
	curY := -1
	for _, l := range components.Wrap(text.BunImportIntro, width) {
		add(st.Muted.Render(l))
	}
	head := len(lines)
	add(st.Label.Render(text.BunSource))
	focusLine := 0
	line := func(i int, text string) {
		mark := "  "
		if i == s.focus {
			focusLine = len(lines)
			mark, text = "▸ ", st.Selected.Render(text)
		}
		add(mark + text)
	}
	if note := s.place.status(); note != "" {
		add("  " + st.Muted.Render(note))
	}
	for i := range s.place.drives {
		line(i, s.place.driveLine(i))
	}
	mark := "  "
	if s.focus == s.folderRow() {
		focusLine, mark = len(lines), "▸ "
		curY = len(lines)
	}
	lines = append(lines, s.place.folderLine(mark, width))
	line(s.readRow(), "[ "+text.BunRead+" ]")
	switch {
	case s.reading:
		add(st.Muted.Render(text.BunReading))
	case s.errText != "":
		for _, l := range components.Wrap("✗ "+s.errText, width) {
			add(st.Error.Render(l))
		}
	}
	lines, moved := window(lines, head, focusLine, height)
	if curY >= 0 {
		if curY -= moved; curY < head {
			curY = -1
		}
	}
	return components.Block(strings.Join(lines, "\n"), width, height), curY
}

// listHead and listFoot are the lines above and below the bundle list.
func (s *Import) listHead(width int) []string {
	st := s.c.Styles
	var lines []string
	add := func(l string) { lines = append(lines, components.Fit(l, width)) }
	add(st.Heading.Render(text.BunImportTitle))
	bad := 0
	for _, e := range s.entries {
		if e.OY == nil {
			bad++
		}
	}
	if len(s.entries) == 0 {
		add(st.Muted.Render(text.BunNone))
	} else {
		for _, l := range components.Wrap(fmt.Sprintf(text.BunFound, s.dir, len(s.entries), bad), width) {
			add(st.Label.Render(l))
		}
	}
	return lines
}

func (s *Import) listFoot(width int) []string {
	st := s.c.Styles
	var foot []string
	addFoot := func(style func(...string) string, text string) {
		for _, l := range components.Wrap(text, width) {
			foot = append(foot, components.Fit(style(l), width))
		}
	}
	switch {
	case s.errText != "":
		addFoot(st.Error.Render, "✗ "+s.errText)
	case s.done != "":
		addFoot(st.OK.Render, s.done)
	}
	return foot
}

// listRoom is how many bundles the list shows at width×height.
func (s *Import) listRoom(width, height int) int {
	return max(1, height-len(s.listHead(width))-len(s.listFoot(width)))
}

// View implements common.Screen. It only draws.
func (s *Import) View(width, height int) string {
	if s.stage == 0 {
		v, _ := s.folderStage(width, height)
		return v
	}
	lines, foot := s.listHead(width), s.listFoot(width)
	from, to := s.list.Window(max(1, height-len(lines)-len(foot)))
	for i := from; i < to; i++ {
		lines = append(lines, s.entryLine(i, width))
	}
	for len(lines) < height-len(foot) {
		lines = append(lines, "")
	}
	lines = append(lines, foot...)
	return components.Block(strings.Join(lines, "\n"), width, height)
}

// entryLine draws one bundle: tick, organ · year · kind, then its state
// or its problems; a bad file shows its name and the reason.
func (s *Import) entryLine(i, width int) string {
	st := s.c.Styles
	e := s.entries[i]
	tick := "[ ] "
	if e.Selected {
		tick = "[x] "
	}
	var line string
	if e.OY == nil {
		line = "    " + st.Error.Render(fmt.Sprintf(text.BunBad, e.File, e.Problem))
		if i == s.list.Cursor {
			line = st.Selected.Render(components.Fit("    "+fmt.Sprintf(text.BunBad, e.File, e.Problem), width))
		}
		return components.Fit(line, width)
	}
	kind := "公开"
	if e.Meta.Kind == desk.FullBundle {
		kind = "完整（含个人信息）"
	}
	var notes []string
	if n := e.Meta.Errors(); n > 0 {
		notes = append(notes, fmt.Sprintf(text.BunWithErrors, n))
	} else {
		notes = append(notes, text.BunClean)
	}
	if e.Exists && e.State == "" {
		notes = append(notes, text.BunExists)
	}
	if e.State != "" {
		notes = append(notes, e.State)
	}
	plain := fmt.Sprintf("%s%s · %d年 · %s  %s", tick, e.OY.Organ.Name, e.Meta.Year, kind, strings.Join(notes, " · "))
	if i == s.list.Cursor {
		return st.Selected.Render(components.Fit(plain, width))
	}
	if e.Meta.Errors() > 0 {
		return components.Fit(fmt.Sprintf("%s%s · %d年 · %s  ", tick, e.OY.Organ.Name, e.Meta.Year, kind)+st.Warning.Render(strings.Join(notes, " · ")), width)
	}
	return components.Fit(plain, width)
}
