// Package exportscreen is the export screen: the findings that decide
// whether the report may be exported as final, the formats to tick, the
// removable drives (or a typed folder), per-file progress and the verified
// result with the path and SHA-256 of each file.
package exportscreen

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/bundles"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// DefaultFormats are ticked when the screen opens.
var DefaultFormats = map[string]bool{"docx": true, "html": true, "xlsx": true, "txt": true}

// Screen is the export screen.
type Screen struct {
	c        *common.Common
	ticked   map[string]bool
	gb18030  bool
	draft    bool
	drives   []desk.Drive
	scanned  bool
	target   int // index into drives, or -1 for the typed folder
	folder   *components.Input
	focus    int
	running  bool
	progress []desk.ExportProgress
	result   *desk.ExportResult
	errText  string
	note     string
	events   chan tea.Msg
	// width and height are the screen's size, from the size message.
	width, height int
}

// New builds the export screen of the open organ-year.
func New(c *common.Common) common.Screen {
	s := &Screen{c: c, ticked: map[string]bool{}, target: -1, folder: components.NewInput()}
	for k, v := range DefaultFormats {
		s.ticked[k] = v
	}
	s.folder.Clean = model.CleanLine
	s.folder.Placeholder = text.ExpFolderPlaceholder
	return s
}

// Title implements common.Screen.
func (s *Screen) Title() string { return text.TitleExport }

type drivesMsg struct{ drives []desk.Drive }

// Init implements common.Screen: look for removable drives.
func (s *Screen) Init() tea.Cmd {
	if s.scanned {
		return nil
	}
	return scanDrives
}

func scanDrives() tea.Msg { return drivesMsg{desk.Drives()} }

// rows of the screen, in focus order.
const (
	rowFormat = iota
	rowEncoding
	rowDraft
	rowDrive
	rowFolder
	rowStart
)

type row struct {
	kind  int
	index int // format or drive index
}

func (s *Screen) rows() []row {
	var rs []row
	for i := range desk.Formats {
		rs = append(rs, row{kind: rowFormat, index: i})
	}
	rs = append(rs, row{kind: rowEncoding}, row{kind: rowDraft})
	for i := range s.drives {
		rs = append(rs, row{kind: rowDrive, index: i})
	}
	return append(rs, row{kind: rowFolder}, row{kind: rowStart})
}

func (s *Screen) cur() row { rs := s.rows(); return rs[min(s.focus, len(rs)-1)] }

// Typing implements common.Typing: the folder input has the keys.
func (s *Screen) Typing() bool { return !s.running && s.cur().kind == rowFolder }

// Busy implements common.Busy.
func (s *Screen) Busy() bool { return s.running }

// exportKeys are the export screen's keys. Up and Down are arrows and
// Tab only: letters are typed in the folder field.
var exportKeys = struct {
	Up, Down, Toggle, Start, Refresh, Check, Bundle, Preview key.Binding
}{
	Up:      keys.Bind(text.KeyUp, "up", "shift+tab"),
	Down:    keys.Bind(text.KeyDown, "down", "tab"),
	Toggle:  keys.Bind(text.ExpKeyToggle, "space", "enter"),
	Start:   keys.Bind(text.ExpKeyStart, "enter"),
	Refresh: keys.Refresh,
	Check:   keys.Bind(text.ExpKeyCheck, "ctrl+k"),
	Bundle:  keys.Bind(text.BunKeyBundle, "ctrl+b"),
	Preview: keys.Bind(text.ExpKeyPreview, "ctrl+p"),
}

// KeyMap implements common.Screen: Enter is named for what it does on the
// row under the cursor (tick, or export).
func (s *Screen) KeyMap() help.KeyMap {
	k := exportKeys
	if s.running {
		return keys.Map{}
	}
	act := k.Toggle
	if r := s.cur(); r.kind == rowFolder || r.kind == rowStart {
		act = k.Start
	}
	return keys.Map{Short: []key.Binding{k.Up, k.Down, act, k.Refresh, k.Check, k.Bundle, k.Preview}}
}

// Formats is the ticked formats in offer order.
func (s *Screen) Formats() []string {
	var out []string
	for _, f := range desk.Formats {
		if s.ticked[f] {
			out = append(out, f)
		}
	}
	return out
}

// Dir is the chosen target folder.
func (s *Screen) Dir() string {
	if s.target >= 0 && s.target < len(s.drives) {
		return s.drives[s.target].Path
	}
	return strings.TrimSpace(s.folder.Value())
}

// errorsNow counts the unacknowledged errors of the open report.
func (s *Screen) errorsNow() (errs, warns int) { return s.c.CountFindings("") }

// Messages of a running export.
type (
	progressMsg struct {
		p  desk.ExportProgress
		ch chan tea.Msg
	}
	doneMsg struct {
		res *desk.ExportResult
		err error
		ch  chan tea.Msg
	}
)

func listen(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// start runs the export off the Update loop; progress arrives as messages.
func (s *Screen) start(overwrite bool) tea.Cmd {
	if s.c.Snap == nil {
		return nil
	}
	if len(s.Formats()) == 0 {
		s.errText = text.ExpNoFormat
		return nil
	}
	if s.Dir() == "" {
		s.errText = text.ExpNoTarget
		return nil
	}
	opt := desk.ExportOptions{
		Formats: s.Formats(), Dir: s.Dir(), Draft: s.draft, Overwrite: overwrite,
	}
	if s.gb18030 {
		opt.Encoding = "gb18030"
	}
	if s.c.Now != nil {
		opt.Now = s.c.Now()
	}
	y, st, ctx := s.c.Snap, s.c.Store, s.c.Context()
	// Two progress messages per file (the 图解 writes two files) and the
	// last one: the buffer holds them all, so the export never waits for
	// the screen (which stops reading when the clerk quits).
	ch := make(chan tea.Msg, 4*len(desk.Formats)+2)
	s.events = ch
	s.running = true
	s.progress = nil
	s.result = nil
	s.errText, s.note = "", ""
	// Tracked like a save: quitting waits for the files being written.
	s.c.Go(func() {
		res, err := st.Export(ctx, y, opt, func(p desk.ExportProgress) { ch <- progressMsg{p: p, ch: ch} })
		ch <- doneMsg{res: res, err: err, ch: ch}
	})
	return listen(ch)
}

type statusSavedMsg struct{ err error }

// answerMsg is the answer to the draft or the overwrite question (both
// false: cancelled).
type answerMsg struct{ draft, overwrite bool }

// Update implements common.Screen.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		s.width, s.height = m.Width, m.Height
	}
	next, cmd := s.update(msg)
	// Update's part of drawing: the folder input scrolls for the width it
	// is drawn at, so that View only draws.
	w, _ := s.size()
	s.folder.Scroll(folderWidth(w))
	return next, cmd
}

// size is the size the screen is drawn at: as told by the last size
// message, else 80×21 (80×24 less the app's bars).
func (s *Screen) size() (int, int) {
	if s.width <= 0 || s.height <= 0 {
		return 80, 21
	}
	return s.width, s.height
}

// folderWidth is the width of the folder input on a line of width cells.
func folderWidth(width int) int { return max(8, width-ansi.StringWidth(folderPrefix)) }

// folderPrefix is what stands before the focused folder input.
const folderPrefix = "▸ (•) " + text.ExpFolder

func (s *Screen) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case drivesMsg:
		s.scanned = true
		s.drives = msg.drives
		if s.target >= len(s.drives) {
			s.target = -1
		}
		if s.target < 0 && len(s.drives) > 0 && strings.TrimSpace(s.folder.Value()) == "" {
			s.target = 0
		}
		s.focus = min(s.focus, len(s.rows())-1)
		return s, nil
	case progressMsg:
		if msg.ch != s.events {
			return s, nil
		}
		if msg.p.Done && len(s.progress) > 0 && s.progress[len(s.progress)-1].Index == msg.p.Index && !s.progress[len(s.progress)-1].Done {
			s.progress[len(s.progress)-1] = msg.p
		} else {
			s.progress = append(s.progress, msg.p)
		}
		return s, listen(msg.ch)
	case doneMsg:
		if msg.ch != s.events {
			return s, nil
		}
		s.running = false
		s.result = msg.res
		var me *desk.MediaError
		if errors.As(msg.err, &me) && me.Kind == desk.ErrFileExists && msg.res != nil && len(msg.res.Existing) > 0 {
			return s, dialog.YesNo(s.c, fmt.Sprintf(text.ExpAskOverwrite, strings.Join(msg.res.Existing, "、")),
				text.AskOverwrite, answerMsg{overwrite: true}, text.KeyCancel, answerMsg{})
		}
		if msg.err != nil {
			s.errText = msg.err.Error()
		}
		if msg.res != nil && msg.res.CreatedDir != "" {
			s.note = fmt.Sprintf(text.ExpCreatedDir, msg.res.CreatedDir)
		}
		if msg.res != nil && len(msg.res.Files) > 0 && !s.draft && msg.err == nil {
			return s, s.markExported()
		}
		return s, nil
	case answerMsg:
		switch {
		case msg.draft:
			s.draft = true
			return s, s.start(false)
		case msg.overwrite:
			return s, s.start(true)
		}
		s.note = text.ExpCancelled
		return s, nil
	case statusSavedMsg:
		if msg.err != nil {
			return s, common.SaveFailed(msg.err)
		}
		return s, common.ReloadParts(desk.PartReport)
	case tea.PasteMsg:
		if s.Typing() {
			s.folder.Update(msg)
			s.target = -1
		}
		return s, nil
	case tea.KeyPressMsg:
		return s, s.key(msg)
	}
	return s, nil
}

// markExported records the report as exported (已导出).
func (s *Screen) markExported() tea.Cmd {
	if s.c.Snap == nil || s.c.Store == nil {
		return nil
	}
	y, ctx, st := s.c.Snap, s.c.Context(), s.c.Store
	return s.c.Track(func() tea.Msg { return statusSavedMsg{err: st.MarkExported(ctx, y)} })
}

func (s *Screen) key(k tea.KeyPressMsg) tea.Cmd {
	if s.running {
		return nil
	}
	rs := s.rows()
	b := exportKeys
	switch {
	case key.Matches(k, b.Up):
		s.focus = (s.focus - 1 + len(rs)) % len(rs)
		return nil
	case key.Matches(k, b.Down):
		s.focus = (s.focus + 1) % len(rs)
		return nil
	case key.Matches(k, b.Refresh):
		s.note = text.ExpScanning
		return scanDrives
	case key.Matches(k, b.Check):
		return func() tea.Msg { return common.GoToMsg{Section: common.SecCheck} }
	case key.Matches(k, b.Preview):
		return func() tea.Msg { return common.GoToMsg{Section: common.SecPreview} }
	case key.Matches(k, b.Bundle):
		// The organ-year as a report bundle (报送包), on its own screen.
		return common.Push(bundles.NewExport(s.c))
	}
	r := s.cur()
	if r.kind == rowFolder {
		if key.Matches(k, b.Start) {
			// Enter in the folder field exports there, as the bar says.
			s.errText = ""
			return s.startOrAsk()
		}
		if s.folder.Update(k) {
			if strings.TrimSpace(s.folder.Value()) != "" {
				s.target = -1
			}
		}
		return nil
	}
	if !key.Matches(k, b.Toggle) {
		return nil
	}
	s.errText = ""
	switch r.kind {
	case rowFormat:
		f := desk.Formats[r.index]
		s.ticked[f] = !s.ticked[f]
	case rowEncoding:
		s.gb18030 = !s.gb18030
	case rowDraft:
		s.draft = !s.draft
	case rowDrive:
		s.target = r.index
	case rowStart:
		return s.startOrAsk()
	}
	return nil
}

// startOrAsk starts the export, first asking to export a draft when the
// report still has errors.
func (s *Screen) startOrAsk() tea.Cmd {
	if e, _ := s.errorsNow(); e > 0 && !s.draft {
		return dialog.YesNo(s.c, fmt.Sprintf(text.ExpAskDraft, e), text.AskDraft, answerMsg{draft: true}, text.KeyCancel, answerMsg{})
	}
	return s.start(false)
}

// Cursor implements common.Screen: in the folder field, on the line the
// frame at the told size shows it.
func (s *Screen) Cursor() *tea.Cursor {
	if !s.Typing() {
		return nil
	}
	_, y := s.draw(s.size())
	if y < 0 {
		return nil
	}
	return tea.NewCursor(ansi.StringWidth(folderPrefix)+s.folder.CursorX(), y)
}

func check(on bool) string {
	if on {
		return "[x]"
	}
	return "[ ]"
}

// View implements common.Screen. It only draws.
func (s *Screen) View(width, height int) string {
	v, _ := s.draw(width, height)
	return v
}

// draw draws the screen and says on which line the folder input's cursor
// is (-1 when not shown). It changes nothing.
func (s *Screen) draw(width, height int) (string, int) {
	st := s.c.Styles
	var lines []string
	add := func(l string) { lines = append(lines, components.Fit(l, width)) }
	add(st.Heading.Render(text.ExpTitle))
	e, w := s.errorsNow()
	switch {
	case s.c.Report() == nil:
		add(st.Muted.Render(text.ReqNoReport))
	case e > 0:
		add(st.Error.Render(fmt.Sprintf(text.ExpHasErrors, e, w, keys.Key(exportKeys.Check))))
	default:
		add(st.OK.Render(fmt.Sprintf(text.ExpNoErrors, w)))
	}
	rs := s.rows()
	curY := -1
	mark := func(i int) string {
		if i == s.focus && !s.running {
			return "▸ "
		}
		return "  "
	}
	focusLine := 0
	line := func(i int, text string) {
		if i == s.focus {
			focusLine = len(lines)
		}
		if i == s.focus && !s.running {
			text = st.Selected.Render(text)
		}
		add(mark(i) + text)
	}
	for i, r := range rs {
		switch r.kind {
		case rowFormat:
			if r.index == 0 {
				add(st.Label.Render(fmt.Sprintf(text.ExpFormats, keys.Key(exportKeys.Toggle))))
			}
			f := desk.Formats[r.index]
			line(i, check(s.ticked[f])+" "+components.Fit(f, formatWidth())+st.Muted.Render(formatNote(f)))
		case rowEncoding:
			enc := text.ExpUTF8
			if s.gb18030 {
				enc = text.ExpGB18030
			}
			line(i, text.ExpEncoding+enc)
		case rowDraft:
			line(i, check(s.draft)+" "+text.ExpDraft)
			add(st.Label.Render(text.ExpTarget))
			if len(s.drives) == 0 {
				if s.scanned {
					add("  " + st.Muted.Render(fmt.Sprintf(text.ExpNoDrives, keys.Key(keys.Refresh))))
				} else {
					add("  " + st.Muted.Render(text.ExpScanning))
				}
			}
		case rowDrive:
			d := s.drives[r.index]
			sel := "( )"
			if s.target == r.index {
				sel = "(•)"
			}
			line(i, fmt.Sprintf("%s %s  %s  "+text.ExpFree, sel, d.Label, d.Path, components.HumanBytes(d.Free)))
		case rowFolder:
			sel := "( )"
			if s.target < 0 {
				sel = "(•)"
			}
			if i == s.focus {
				curY = len(lines)
				focusLine = len(lines)
			}
			prefix := mark(i) + sel + " " + text.ExpFolder
			lines = append(lines, components.Fit(prefix+s.folder.Draw(folderWidth(width)), width))
		case rowStart:
			label := "[ " + text.ExpStart + " ]"
			if s.draft {
				label = "[ " + text.ExpStartDraft + " ]"
			}
			line(i, label)
		}
	}
	switch {
	case s.errText != "":
		for _, l := range components.Wrap("✗ "+s.errText, width) {
			add(st.Error.Render(l))
		}
	case s.note != "":
		add(st.Muted.Render(s.note))
	}
	lines = append(lines, s.progressLines(width)...)
	if len(lines) > height && height > 4 {
		// Too long: keep the heading and the findings line, and show the
		// rest from the focused row on, so the progress and the written
		// files below the start button stay in view.
		head := 2
		from := max(head, min(focusLine, len(lines)-(height-head)))
		lines = append(lines[:head:head], lines[from:]...)
		if curY >= 0 {
			curY -= from - head
		}
	}
	return components.Block(strings.Join(lines, "\n"), width, height), curY
}

// progressLines shows each file: running, failed, or written and verified.
func (s *Screen) progressLines(width int) []string {
	st := s.c.Styles
	var out []string
	if len(s.progress) > 0 {
		out = append(out, st.Label.Render(text.ExpProgress))
	}
	for _, p := range s.progress {
		status := text.ExpRunning
		style := st.Muted
		if p.Done {
			if p.Err != nil {
				status, style = text.ExpFailed+p.Err.Error(), st.Error
			} else {
				status, style = text.ExpVerified, st.OK
			}
		}
		out = append(out, components.Fit(fmt.Sprintf("  %d/%d %s  ", p.Index, p.Total, p.Name)+style.Render(status), width))
	}
	if s.result != nil {
		// What the export says besides the files (a 图解 without its PNG)
		// comes before the long list of files, where it is seen.
		for _, n := range s.result.Notes {
			for _, l := range components.Wrap(text.ExpNotice+n, width) {
				out = append(out, st.Warning.Render(l))
			}
		}
	}
	if s.result != nil && len(s.result.Files) > 0 {
		out = append(out, st.Label.Render(text.ExpWritten))
		files := append([]desk.FileResult{}, s.result.Files...)
		if s.result.Manifest.Path != "" {
			files = append(files, s.result.Manifest)
		}
		for _, f := range files {
			out = append(out, components.Fit("  "+f.Path, width))
			out = append(out, st.Muted.Render(components.Fit(fmt.Sprintf("    %s · SHA-256 %s", components.HumanBytes(uint64(f.Size)), f.SHA256), width)))
		}
	}
	return out
}

// formatWidth is the width of the format names' column: the longest name
// and a space.
func formatWidth() int {
	w := 0
	for _, f := range desk.Formats {
		w = max(w, len(f))
	}
	return w + 1
}

func formatNote(f string) string {
	switch f {
	case "docx":
		return text.ExpNoteDocx
	case "html":
		return text.ExpNoteHTML
	case "snippet":
		return text.ExpNoteSnippet
	case "xlsx":
		return text.ExpNoteXlsx
	case "txt":
		return text.ExpNoteTxt
	case "md":
		return text.ExpNoteMd
	case "pdf":
		return text.ExpNotePdf
	case desk.FormatTujie:
		return text.ExpNoteTujie
	}
	return ""
}

// Result is the last export's result (tests).
func (s *Screen) Result() *desk.ExportResult { return s.result }

// Running reports whether an export runs (tests).
func (s *Screen) Running() bool { return s.running }
