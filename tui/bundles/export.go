package bundles

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// Export writes the open organ-year as a bundle: public by default, full
// (with personal data) only after its own choice and a warning answered
// with y.
type Export struct {
	c       *common.Common
	kind    desk.BundleKind
	place   *place
	focus   int
	running bool
	result  *desk.FileResult
	resKind desk.BundleKind
	errText string
	note    string // the outcome of a refresh of the drives
	// width and height are the screen's size, from the size message.
	width, height int
}

// NewExport builds the bundle export screen of the open organ-year.
func NewExport(c *common.Common) common.Screen {
	return &Export{c: c, kind: desk.PublicBundle, place: newPlace("")}
}

// Title implements common.Screen.
func (s *Export) Title() string { return text.BunExportTitle }

// Init implements common.Screen: look for removable drives.
func (s *Export) Init() tea.Cmd { return scanDrives }

// rows: 0 public, 1 full, then the drives, the folder and the button.
func (s *Export) nrows() int            { return 2 + len(s.place.drives) + 2 }
func (s *Export) folderRow() int        { return 2 + len(s.place.drives) }
func (s *Export) startRow() int         { return s.folderRow() + 1 }
func (s *Export) onFolder() bool        { return s.focus == s.folderRow() }
func (s *Export) Kind() desk.BundleKind { return s.kind }

// Typing implements common.Typing.
func (s *Export) Typing() bool { return !s.running && s.onFolder() }

// Busy implements common.Busy.
func (s *Export) Busy() bool { return s.running }

// KeyMap implements common.Screen.
func (s *Export) KeyMap() help.KeyMap {
	k := bunKeys
	k.Toggle.SetEnabled(s.canChoose())
	return keys.Map{Short: []key.Binding{k.Up, k.Down, k.Toggle, k.Write, k.Refresh, k.Back}}
}

// bunKeys are the keys of the bundle export: Enter writes the bundle from
// any row, space chooses the kind or the drive under the cursor.
var bunKeys = struct{ Up, Down, Toggle, Write, Refresh, Back key.Binding }{
	Up:      keys.Bind(text.KeyUp, "up", "shift+tab"),
	Down:    keys.Bind(text.KeyDown, "down", "tab"),
	Toggle:  keys.Bind(text.ExpKeyToggle, "space", " "),
	Write:   keys.Bind(text.BunKeyWrite, "enter"),
	Refresh: keys.Refresh,
	Back:    keys.Global.Back,
}

// canChoose reports whether space changes something on the focused row: a
// kind or a drive not chosen yet.
func (s *Export) canChoose() bool {
	switch {
	case s.focus == 0:
		return s.kind != desk.PublicBundle
	case s.focus == 1:
		return s.kind != desk.FullBundle
	case s.focus < s.folderRow():
		return s.place.sel != s.focus-2
	}
	return false
}

// fullYesMsg is the answer yes to the warning before a full bundle.
type fullYesMsg struct{}

type exportDoneMsg struct {
	res  desk.FileResult
	kind desk.BundleKind
	err  error
}

// write loads the organ-year (with personal data only for a full bundle)
// and writes the bundle, verified, off the Update loop.
func (s *Export) write() tea.Cmd {
	if s.c.OrganYear() == nil || s.c.Store == nil {
		s.errText = text.BunNoReport
		return nil
	}
	dir := s.place.dir()
	if dir == "" {
		s.errText = text.BunFolderMissing
		return nil
	}
	s.running, s.errText, s.result = true, "", nil
	ctx, st, kind := s.c.Context(), s.c.Store, s.kind
	organID, year := s.c.OrganYear().Organ.ID, s.c.OrganYear().Report.Year
	return s.c.Track(func() tea.Msg {
		res, oy, err := st.WriteBundle(ctx, organID, year, kind, dir)
		if oy == nil && err != nil {
			return exportDoneMsg{kind: kind, err: fmt.Errorf(text.BunLoadFailed, err)}
		}
		return exportDoneMsg{res: res, kind: kind, err: err}
	})
}

// Update implements common.Screen.
func (s *Export) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case drivesMsg:
		s.place.setDrives(msg.drives)
		if s.note != "" {
			s.note = fmt.Sprintf(text.BunDrivesFound, len(msg.drives))
		}
		s.focus = min(s.focus, s.nrows()-1)
	case exportDoneMsg:
		s.running = false
		if msg.err != nil {
			s.errText = msg.err.Error()
			return s, nil
		}
		s.result, s.resKind = &msg.res, msg.kind
	case tea.PasteMsg:
		if s.Typing() {
			s.place.typeKey(msg)
		}
	case fullYesMsg:
		s.kind = desk.FullBundle
	case tea.WindowSizeMsg:
		s.width, s.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		cmd := s.key(msg)
		s.place.settle(s.size())
		return s, cmd
	}
	s.place.settle(s.size())
	return s, nil
}

// size is the width the screen is drawn at: as told by the last size
// message, else 80.
func (s *Export) size() int {
	if s.width <= 0 {
		return 80
	}
	return s.width
}

func (s *Export) key(k tea.KeyPressMsg) tea.Cmd {
	if s.running {
		return nil
	}
	n := s.nrows()
	b := bunKeys
	switch {
	case key.Matches(k, b.Up):
		s.focus = (s.focus - 1 + n) % n
		return nil
	case key.Matches(k, b.Down):
		s.focus = (s.focus + 1) % n
		return nil
	case key.Matches(k, b.Refresh):
		s.place.scanned = false
		s.note = text.ExpScanning
		return scanDrives
	case key.Matches(k, b.Back):
		return func() tea.Msg { return common.BackMsg{} }
	case key.Matches(k, b.Write):
		s.focus = s.startRow()
		return s.write()
	}
	if s.onFolder() {
		s.place.typeKey(k)
		return nil
	}
	if !key.Matches(k, b.Toggle) {
		return nil
	}
	switch {
	case s.focus == 0:
		s.kind = desk.PublicBundle
	case s.focus == 1:
		if s.kind != desk.FullBundle {
			return dialog.YesNo(s.c, text.BunAskFull, text.KeyConfirm, fullYesMsg{}, text.KeyCancel, nil)
		}
	case s.focus < s.folderRow():
		s.place.sel = s.focus - 2
	case s.focus == s.startRow():
		return s.write()
	}
	return nil
}

// Cursor implements common.Screen: in the folder field, on the line the
// frame at the told size shows it.
func (s *Export) Cursor() *tea.Cursor {
	if !s.Typing() {
		return nil
	}
	h := s.height
	if s.width <= 0 || h <= 0 {
		h = 21
	}
	if _, y := s.draw(s.size(), h); y >= 0 {
		return s.place.cursor(y)
	}
	return nil
}

// View implements common.Screen. It only draws.
func (s *Export) View(width, height int) string {
	v, _ := s.draw(width, height)
	return v
}

// draw draws the screen and says on which line the folder input's cursor
// is (-1 when not shown). It changes nothing.
func (s *Export) draw(width, height int) (string, int) {
	st := s.c.Styles
	var lines []string
	add := func(l string) { lines = append(lines, components.Fit(l, width)) }
	title := text.BunExportTitle
	if s.c.OrganYear() != nil && s.c.OrganYear().Report != nil {
		title += " · " + desk.BundleFileName(s.c.OrganYear(), s.kind)
	}
	add(st.Heading.Render(title))
	for _, l := range components.Wrap(text.BunExportIntro, width) {
		add(st.Muted.Render(l))
	}
	head := len(lines)
	focusLine := 0
	curY := -1
	line := func(i int, text string) {
		mark := "  "
		if i == s.focus {
			focusLine = len(lines)
			if !s.running {
				mark, text = "▸ ", st.Selected.Render(text)
			}
		}
		add(mark + text)
	}
	radio := func(on bool) string {
		if on {
			return "(•) "
		}
		return "( ) "
	}
	add(st.Label.Render(text.BunKindHeading))
	line(0, radio(s.kind == desk.PublicBundle)+text.BunKindPublic)
	full := radio(s.kind == desk.FullBundle) + text.BunKindFull
	line(1, full)
	add(st.Label.Render(text.ExpTarget))
	if len(s.place.drives) == 0 {
		add("  " + st.Muted.Render(s.place.noDrives()))
	}
	for i := range s.place.drives {
		line(2+i, s.place.driveLine(i))
	}
	mark := "  "
	if s.onFolder() {
		focusLine = len(lines)
		if s.Typing() {
			mark = "▸ "
			curY = len(lines)
		}
	}
	lines = append(lines, s.place.folderLine(mark, width))
	line(s.startRow(), "[ "+text.BunStart+" ]")
	if s.kind == desk.FullBundle {
		for _, l := range components.Wrap(text.BunFullWarning, width) {
			add(st.Warning.Render(l))
		}
	}
	switch {
	case s.running:
		add(st.Muted.Render(text.BunWriting))
	case s.errText != "":
		for _, l := range components.Wrap("✗ "+s.errText, width) {
			add(st.Error.Render(l))
		}
	case s.result != nil:
		add(st.OK.Render(fmt.Sprintf(text.BunWritten, s.resKind.Label())))
		for _, l := range components.Wrap(s.result.Path, width-2) {
			add("  " + l)
		}
		add(st.Muted.Render(fmt.Sprintf("  %s", components.HumanBytes(uint64(s.result.Size)))))
		add(st.Muted.Render("  SHA-256 " + s.result.SHA256))
		if e, _ := s.c.CountFindings(""); e > 0 {
			add(st.Warning.Render(fmt.Sprintf(text.BunHasErrors, e)))
		}
	case s.note != "":
		add(st.Muted.Render(s.note))
	}
	if s.running || s.errText != "" || s.result != nil {
		// the outcome below the button must stay in view
		focusLine = min(focusLine, len(lines)-(height-head))
	}
	lines, moved := window(lines, head, focusLine, height)
	if curY >= 0 {
		curY -= moved
		if curY < head {
			curY = -1
		}
	}
	return components.Block(strings.Join(lines, "\n"), width, height), curY
}

// Result is the last bundle written (tests).
func (s *Export) Result() *desk.FileResult { return s.result }
