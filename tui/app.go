// Package tui is the clerk's workstation: a Bubble Tea v2 program with a
// start screen (organ and year), the report outline with one screen per
// section, the check list and the export.
package tui

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/termsafe"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/outline"
	"nianbao/tui/requests"
	"nianbao/tui/start"
	"nianbao/tui/styles"
	"nianbao/tui/text"
)

// Options configure the workstation.
type Options struct {
	// Today is the date rules and deadlines use; zero means the real date.
	Today model.Date
	// Now is the clock of the status line; nil means time.Now.
	Now func() time.Time
	// Calendar is the working-day calendar; nil means the built-in one plus
	// the days the clerk added in the store.
	Calendar *model.Calendar
	// OrganID and Year, when both set, open that organ-year at once.
	OrganID int64
	Year    int
	// NoAltScreen keeps the normal screen buffer (for tests and captures).
	NoAltScreen bool
	// LoadAfter holds an opened year's load and check back while the
	// outline and the first screen opened from it read what they need on
	// their own: the load starts when the request log has its first page
	// (common.FirstPageMsg), when the clerk goes to a section that needs
	// the whole year, or after LoadAfter, whichever comes first. Zero
	// starts it as soon as the outline is drawn.
	LoadAfter time.Duration
}

// App is the root model: a stack of screens (start, outline, …) with
// dialogs on top that get keys first, the status line and the help bar.
type App struct {
	c       *common.Common
	opt     Options
	stack   []common.Screen
	dialogs []common.Screen

	saveText   string
	saveFailed bool
	note       string
	// quitAsk is the quit question while it is open: Ctrl+C asks once,
	// and a second Ctrl+C quits.
	quitAsk  *dialog.Ask
	quitting bool

	// Opening an organ-year draws at once: the report's head brings the
	// outline (and the request log, which pages through SQLite) while the
	// whole year loads and is checked in a command behind it.
	loadSeq     int   // bumps at every open and return to start; older replies are dropped
	loading     bool  // the open organ-year is still being loaded
	loadHeld    bool  // its load waits for LoadAfter or a screen that needs it
	reloadAfter bool  // data changed during a load: load once more when it lands
	outlineID   int64 // report id of the outline on the stack, 0 when none
	building    bool  // pushOutline is building the outline's first screen
	loadErr     error // the last load failed

	// logs reads saved log entries back for the snapshot (logupdate.go).
	logs logReads
	// parts reads saved cases, measures, items and the report back
	// (partsupdate.go).
	parts partReads

	// corrupt is the failed start-up integrity check: a blocking notice,
	// no edits.
	corrupt   error
	warnShown int

	frameMu sync.Mutex
	frame   string
}

// LastFrame is the text of the last drawn frame with styles removed: a
// virtual screen for tests.
func (a *App) LastFrame() string {
	a.frameMu.Lock()
	defer a.frameMu.Unlock()
	return a.frame
}

// New builds the workstation on the use cases of an open store.
func New(ctx context.Context, st common.Desk, opt Options) *App {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	today := opt.Today
	if today.IsZero() {
		today = model.DateOf(now())
	}
	c := &common.Common{
		Ctx: ctx, Store: st, Styles: styles.Default(),
		Width: 80, Height: 24, Calendar: opt.Calendar, Today: today, Now: now,
	}
	if c.Calendar == nil {
		c.Calendar = loadCalendar(ctx, st)
	}
	a := &App{c: c, opt: opt}
	a.stack = []common.Screen{start.New(c)}
	return a
}

// loadCalendar is the built-in calendar with the clerk's added days (the
// built-in one alone when they cannot be read).
func loadCalendar(ctx context.Context, st common.Desk) *model.Calendar {
	if st != nil {
		if cal, err := st.Calendar(ctx); err == nil {
			return cal
		}
	}
	return model.DefaultCalendar()
}

// Run starts the workstation and blocks until the clerk quits.
func Run(ctx context.Context, st *desk.Store, opt Options) error {
	// ctx ends the program (a quit signal: the terminal closed, SIGTERM);
	// the saves it started keep a context that is not cancelled, so they
	// finish and are not cut off by the quit.
	a := New(context.WithoutCancel(ctx), st, opt)
	p := tea.NewProgram(a, tea.WithContext(ctx))
	_, err := p.Run()
	if ctx.Err() != nil {
		// A quit signal (the terminal window closed, SIGTERM, on Windows
		// the console closed): what was typed into the field being edited
		// is kept as leaving the field would keep it.
		a.saveDrafts(draftLimit)
	}
	// Saves and an export started before quitting finish before the caller
	// closes the store; the clerk is told why the program has not ended.
	if a.c.Running() {
		fmt.Fprintln(os.Stderr, text.QuitWaiting)
	}
	a.c.WaitSaves()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		return nil
	}
	return err
}

// Common exposes the shared state (tests).
func (a *App) Common() *common.Common { return a.c }

// Top is the screen that has the keys (dialogs aside).
func (a *App) Top() common.Screen { return a.stack[len(a.stack)-1] }

// Init implements tea.Model.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{a.Top().Init()}
	if a.c.Store != nil {
		st := a.c.Store
		if ws := st.Warnings(); len(ws) > 0 {
			a.warnShown = len(ws)
			note := strings.Join(ws, " ")
			cmds = append(cmds, func() tea.Msg { return common.StatusMsg{Text: note} })
		}
		// The integrity check may still run behind the first frame
		// (db.Options.DeferCheck): its verdict arrives as checkDoneMsg.
		cmds = append(cmds, func() tea.Msg {
			<-st.CheckDone()
			return checkDoneMsg{err: st.CheckErr(), warnings: st.Warnings(), damaged: st.DamagedRows()}
		})
	}
	if a.opt.OrganID != 0 && a.opt.Year != 0 {
		o, y := a.opt.OrganID, a.opt.Year
		cmds = append(cmds, func() tea.Msg {
			org, err := a.c.Store.Organ(a.c.Ctx, o)
			if err != nil {
				return common.SaveFailedMsg{Err: err}
			}
			return common.OpenMsg{Organ: org, Year: y}
		})
	}
	return tea.Batch(cmds...)
}

// Messages of the loading flow.
type (
	// headMsg carries the report of the organ-year being opened, read
	// before the whole year so the outline can draw at once.
	headMsg struct {
		seq    int
		report *model.Report
		err    error
	}
	// loadedMsg carries the snapshot of the whole organ-year.
	loadedMsg struct {
		seq int
		y   *desk.Year
		err error
	}
	// startLoadMsg starts the held load of open seq (Options.LoadAfter);
	// afterPage: the request log's first page was drawn.
	startLoadMsg struct {
		seq       int
		afterPage bool
	}
	// checkDoneMsg is the verdict of the start-up integrity check.
	checkDoneMsg struct {
		err      error
		warnings []string
		damaged  string // records changed since saved (DamagedRows)
	}
)

// UI strings of the loading flow and the failed integrity check.
const (
	loadingText   = "正在载入…"
	checkingText  = "检查中…"
	corruptTitle  = "数据库已损坏，不能继续使用"
	corruptNoEdit = "为了不把内容写进已损坏的数据库，本次不能修改任何内容，已录入的内容也不会被改动。"
	corruptGuide  = "恢复方法：按 Ctrl+C 退出年报程序（也关闭其他年报程序窗口），然后运行"
	corruptNoCopy = "没有找到完好的备份：请按 Ctrl+C 退出，把数据库文件交给技术人员处理。"
	corruptQuit   = "按 Ctrl+C 或 q 退出"
)

// loadCmd loads the organ-year and checks it off the Update loop.
func (a *App) loadCmd(organID int64, year int) tea.Cmd {
	ctx, st, seq := a.c.Ctx, a.c.Store, a.loadSeq
	cal, today := a.c.Calendar, a.c.Today
	return func() tea.Msg {
		y, err := st.OpenYear(ctx, organID, year, cal, today)
		return loadedMsg{seq: seq, y: y, err: err}
	}
}

// headCmd reads the report alone: enough for the outline and the request
// log while the year loads.
func (a *App) headCmd(organID int64, year int) tea.Cmd {
	ctx, st, seq := a.c.Ctx, a.c.Store, a.loadSeq
	return func() tea.Msg {
		r, err := st.Report(ctx, organID, year)
		return headMsg{seq: seq, report: r, err: err}
	}
}

// firstPageFrame is how long after the request log's first page the held
// load starts: two frames of Bubble Tea's 60 a second, so the page's
// frame is drawn first.
const firstPageFrame = 34 * time.Millisecond

// releaseLoad starts the open year's held load (Options.LoadAfter), if
// there is one.
func (a *App) releaseLoad() tea.Cmd {
	if !a.loadHeld || !a.loading {
		return nil
	}
	a.loadHeld = false
	return a.loadCmd(a.c.Organ.ID, a.c.Year)
}

// pushOutline shows the outline of report id above the start screen.
func (a *App) pushOutline(id int64) tea.Cmd {
	a.stack = a.stack[:1]
	a.building = true
	o := outline.New(a.c, a.screens())
	_, size := o.Update(a.screenSize())
	a.stack = append(a.stack, o)
	a.outlineID = id
	init := o.Init()
	a.building = false
	return tea.Batch(size, init)
}

// screens are the outline's factories; while the organ-year loads, every
// screen but the request log (which pages through SQLite) is a placeholder
// that turns into the screen when the year arrives.
func (a *App) screens() map[string]common.Factory {
	m := Screens()
	for sec, f := range m {
		if sec == common.SecRequests || f == nil {
			continue
		}
		m[sec] = func(c *common.Common) common.Screen {
			if c.OrganYear() == nil {
				// Built with the outline it is only its first preview;
				// built later, the clerk went to it.
				return &pendingScreen{a: a, sec: sec, make: f, wanted: !a.building}
			}
			return f(c)
		}
	}
	return m
}

// pendingScreen stands in for a screen that needs the whole organ-year
// while it loads.
type pendingScreen struct {
	a    *App
	sec  string
	make common.Factory
	// size is the size it was told, passed on to the screen it becomes.
	size tea.WindowSizeMsg
	// wanted: the clerk went to the section, so a held load starts.
	wanted bool
}

func (p *pendingScreen) Init() tea.Cmd {
	if p.wanted {
		return p.startLoad()
	}
	return nil
}

// startLoad asks the app to start the held load of the year it waits for.
func (p *pendingScreen) startLoad() tea.Cmd {
	seq := p.a.loadSeq
	return func() tea.Msg { return startLoadMsg{seq: seq} }
}

func (p *pendingScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		// The clerk works in the section: the year is wanted now.
		return p, p.startLoad()
	case tea.WindowSizeMsg:
		p.size = msg
	case common.OrganYearMsg:
		if p.a.c.OrganYear() != nil {
			s := p.make(p.a.c)
			var size tea.Cmd
			if p.size.Width > 0 {
				s, size = s.Update(p.size)
			}
			return s, tea.Batch(size, s.Init())
		}
	}
	return p, nil
}

func (p *pendingScreen) View(w, h int) string {
	note := loadingText
	if p.a.loadErr != nil {
		note = fmt.Sprintf(text.LoadFailed, p.a.loadErr.Error())
	}
	return components.Block(" "+p.a.c.Styles.Muted.Render(note), w, h)
}

func (p *pendingScreen) Cursor() *tea.Cursor { return nil }
func (p *pendingScreen) KeyMap() help.KeyMap { return keys.Map{} }
func (p *pendingScreen) Title() string       { return common.EntryTitle(p.sec) }

func (a *App) dirty() bool {
	for _, s := range a.stack {
		if e, ok := s.(common.Editing); ok && e.Dirty() {
			return true
		}
	}
	return false
}

// typing reports whether the top screen has a text input focused, so
// printable keys such as ? and q are text, not commands.
func (a *App) typing() bool {
	if t, ok := a.Top().(interface{ Typing() bool }); ok {
		return t.Typing()
	}
	return false
}

// Update implements tea.Model.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.Width, a.c.Height = msg.Width, msg.Height
		for i, d := range a.dialogs {
			a.dialogs[i], _ = d.Update(a.dialogSize())
		}
		return a, a.broadcast(a.screenSize())
	case quitMsg:
		a.quitting = true
		return a, tea.Quit
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case common.SavedMsg:
		a.saveText = fmt.Sprintf(text.StatusSaved, msg.At.Format("15:04:05"))
		a.saveFailed = false
	case common.SaveFailedMsg:
		a.saveText = common.SaveFailedText(msg.Err)
		a.saveFailed = true
	case common.StatusMsg:
		a.note = msg.Text
		return a, nil
	case checkDoneMsg:
		if msg.err != nil {
			a.corrupt = msg.err
			a.dialogs, a.quitAsk = nil, nil
			return a, nil
		}
		if len(msg.warnings) > a.warnShown {
			a.note = strings.Join(msg.warnings[a.warnShown:], " ")
			a.warnShown = len(msg.warnings)
		}
		if msg.damaged != "" {
			// Too long and too important for the status line: the clerk
			// reads it whole and answers before going on.
			a.note = text.DamagedRowsNote
			return a, a.openDialog(dialog.NewAsk(a.c, text.DamagedRowsTitle+"\n"+msg.damaged,
				dialog.Choice{Key: keys.Bind(text.KeyConfirm, "enter"), Reply: nil}))
		}
		return a, nil
	case common.OpenMsg:
		a.loadSeq++
		a.c.SetYear(nil)
		a.c.DropLogAhead()
		a.c.Organ, a.c.Year = msg.Organ, msg.Year
		a.loading, a.loadHeld, a.reloadAfter, a.loadErr = true, false, false, nil
		// The report's head first, alone: the outline is drawn from it
		// before the whole year's load takes a core.
		return a, a.headCmd(msg.Organ.ID, msg.Year)
	case headMsg:
		if msg.seq != a.loadSeq || !a.loading {
			return a, nil // an abandoned open
		}
		load := a.loadCmd(a.c.Organ.ID, a.c.Year)
		if msg.err != nil || msg.report == nil || len(a.stack) > 1 {
			return a, load // the whole load reports any error
		}
		a.c.SetHead(msg.report)
		if a.opt.LoadAfter <= 0 {
			return a, tea.Batch(a.pushOutline(msg.report.ID), load)
		}
		a.loadHeld = true
		seq := a.loadSeq
		push := a.pushOutline(msg.report.ID)
		// The request log's first page is read while the outline is
		// drawn: the log is where the clerk goes first.
		return a, tea.Batch(push, requests.ReadAhead(a.c), tea.Tick(a.opt.LoadAfter, func(time.Time) tea.Msg { return startLoadMsg{seq: seq} }))
	case startLoadMsg:
		if msg.seq != a.loadSeq {
			return a, nil
		}
		return a, a.releaseLoad()
	case common.FirstPageMsg:
		if !a.loadHeld {
			return a, nil
		}
		// The page is drawn at the renderer's next tick (60 a second):
		// the load starts after that frame, not beside it.
		seq := a.loadSeq
		return a, tea.Tick(firstPageFrame, func(time.Time) tea.Msg { return startLoadMsg{seq: seq, afterPage: true} })
	case common.ReloadMsg:
		if a.loading {
			// A load that has not started yet reads the change anyway.
			a.reloadAfter = a.reloadAfter || !a.loadHeld
			return a, nil
		}
		if a.c.OrganYear() == nil {
			return a, nil
		}
		if len(msg.Requests) > 0 && a.c.Snap != nil {
			return a, a.readLog(msg.Requests)
		}
		if msg.Parts != 0 && a.c.Snap != nil {
			return a, a.readParts(desk.PartsRead{Parts: msg.Parts, Items: msg.Items})
		}
		a.loading = true
		return a, a.loadCmd(a.c.Organ.ID, a.c.Year)
	case logReadMsg:
		return a, a.applyLog(msg)
	case partsReadMsg:
		return a, a.applyParts(msg)
	case loadedMsg:
		if msg.seq != a.loadSeq {
			return a, nil
		}
		a.loading = false
		if a.reloadAfter && msg.err == nil {
			// A save landed while this load ran: the year may miss it.
			a.reloadAfter, a.loading = false, true
			return a, a.loadCmd(msg.y.Report().OrganID, msg.y.Report().Year)
		}
		if msg.err != nil {
			a.loadErr = msg.err
			a.saveText = fmt.Sprintf(text.LoadFailed, msg.err.Error())
			a.saveFailed = true
			return a, nil
		}
		return a, a.applyOrganYear(msg.y)
	case common.OrganYearMsg:
		if msg.Err != nil {
			a.saveText = fmt.Sprintf(text.LoadFailed, msg.Err.Error())
			a.saveFailed = true
			return a, nil
		}
		return a, a.applyOrganYear(desk.Snapshot(msg.OY, a.c.Calendar, a.c.Today))
	case common.PushMsg:
		s, size := msg.Screen.Update(a.screenSize())
		a.stack = append(a.stack, s)
		return a, tea.Batch(size, s.Init())
	case common.BackMsg:
		if o, ok := a.Top().(*outline.Model); ok && !o.ListFocused() {
			// A section screen asked to go back: the outline takes the focus.
			return a, a.toTop(msg)
		}
		if len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
			if len(a.stack) == 1 {
				a.c.SetYear(nil)
				a.loadSeq++
				a.loading, a.loadHeld, a.reloadAfter, a.loadErr, a.outlineID = false, false, false, nil, 0
			}
			return a, tea.Batch(a.catchUp(), a.Top().Init())
		}
		return a, nil
	case common.DialogMsg:
		return a, a.openDialog(msg.Dialog)
	case common.CloseDialogMsg:
		if n := len(a.dialogs); n > 0 {
			if a.dialogs[n-1] == common.Screen(a.quitAsk) {
				a.quitAsk = nil
			}
			a.dialogs = a.dialogs[:n-1]
		}
		if msg.Reply == nil {
			return a, nil
		}
		// The answer goes to the one who asked: the dialog or screen below.
		return a.Update(msg.Reply)
	case common.GoToMsg:
		// Close anything above the outline, then let it navigate.
		for len(a.stack) > 2 {
			a.stack = a.stack[:len(a.stack)-1]
		}
		if cmd := a.catchUp(); cmd != nil {
			return a, tea.Batch(cmd, a.toTop(msg))
		}
	}
	return a, a.toTop(msg)
}

// applyOrganYear makes a loaded organ-year the open one: the first load of
// a year brings the outline (unless its report's head already did), later
// ones go to every screen on the stack.
func (a *App) applyOrganYear(y *desk.Year) tea.Cmd {
	a.c.SetYear(y)
	oy := y.OrganYear()
	a.loading, a.loadErr = false, nil
	if len(a.stack) < 2 || a.outlineID != oy.Report.ID {
		// Opening an organ-year: the outline replaces anything above start.
		return a.pushOutline(oy.Report.ID)
	}
	a.logs.behind = false
	return a.broadcast(common.OrganYearMsg{OY: oy})
}

// toTop passes a message to the top dialog (keys and pastes) or screen
// (everything else: a save or an export's progress belongs to the screen
// under a dialog).
func (a *App) toTop(msg tea.Msg) tea.Cmd {
	if n := len(a.dialogs); n > 0 && isInput(msg) {
		var cmd tea.Cmd
		a.dialogs[n-1], cmd = a.dialogs[n-1].Update(msg)
		return cmd
	}
	var cmd tea.Cmd
	i := len(a.stack) - 1
	a.stack[i], cmd = a.stack[i].Update(msg)
	return cmd
}

// isInput reports whether msg is the clerk's input (keys, pastes).
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return true
	}
	return false
}

// broadcast passes a message to every screen on the stack.
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i := range a.stack {
		var cmd tea.Cmd
		a.stack[i], cmd = a.stack[i].Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (a *App) handleKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	// Esc pressed twice in quick succession can reach us as one alt+esc
	// (the terminal's two ESC bytes read together): treat it as two.
	if key.Matches(k, doubleEsc) {
		esc := tea.KeyPressMsg{Code: tea.KeyEscape}
		_, c1 := a.handleKey(esc)
		_, c2 := a.handleKey(esc)
		return a, tea.Batch(c1, c2)
	}
	if a.corrupt != nil {
		// The damaged database takes no edits: only quitting is left.
		if key.Matches(k, keys.Global.Quit, quitHere, keys.Global.Back) {
			a.quitting = true
			return a, tea.Quit
		}
		return a, nil
	}
	// Ctrl+C works in every state: it quits, or asks once when something
	// is unsaved, and a second Ctrl+C at the question quits.
	if key.Matches(k, keys.Global.Quit) {
		if a.quitAsk != nil {
			a.quitting = true
			return a, tea.Quit
		}
		return a.quit()
	}
	if key.Matches(k, keys.Global.AllKeys) && !a.keysOpen() {
		return a, a.openDialog(a.keysDialog())
	}
	if len(a.dialogs) > 0 {
		return a, a.toTop(k)
	}
	a.note = ""
	switch {
	case key.Matches(k, keys.Global.Help) && !a.typing():
		return a, a.openDialog(a.keysDialog())
	case key.Matches(k, quitHere) && !a.typing() && a.atOutlineHome():
		return a.quit()
	}
	cmd := a.toTop(k)
	if cmd == nil && key.Matches(k, keys.Global.Save) && !a.dirty() {
		// Every field saves when it is left: say so rather than nothing.
		a.note = text.NothingToSave
	}
	return a, cmd
}

// doubleEsc is two Esc presses read as one alt+esc; it is not listed (it
// acts as Esc twice).
var doubleEsc = key.NewBinding(key.WithKeys("alt+esc"))

// quitHere is q, which quits on the outline's list and the start screen.
var quitHere = keys.Bind(text.KeyQuitWhere, "q")

// quitMsg is the answer "quit" to the quit question.
type quitMsg struct{}

// dialogSize is the inner size of a dialog box on the current terminal.
func (a *App) dialogSize() dialog.SizeMsg {
	st := a.c.Styles.Dialog
	return dialog.SizeMsg{
		Width:  max(1, min(a.c.Width-st.GetHorizontalFrameSize(), dialog.MaxWidth)),
		Height: max(1, a.c.Height-chromeLines-st.GetVerticalFrameSize()),
	}
}

// screenSize is the size of a screen on the current terminal: all of it
// but the title, status and help lines. Screens hear it as a
// tea.WindowSizeMsg (when pushed and on every resize), so they settle
// their scrolling in Update and only draw in View.
func (a *App) screenSize() tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: a.c.Width, Height: max(1, a.c.Height-chromeLines)}
}

// openDialog puts d on the dialog stack, told its size.
func (a *App) openDialog(d common.Screen) tea.Cmd {
	d, _ = d.Update(a.dialogSize())
	a.dialogs = append(a.dialogs, d)
	return d.Init()
}

// keysOpen reports whether the key overlay is the top dialog.
func (a *App) keysOpen() bool {
	if n := len(a.dialogs); n > 0 {
		_, ok := a.dialogs[n-1].(*dialog.Keys)
		return ok
	}
	return false
}

// keysDialog lists the keys of what has them (the top dialog, or the
// screen), then the global ones, rendered from the bindings.
func (a *App) keysDialog() *dialog.Keys {
	g := keys.Global
	here := dialog.Section{Title: a.Top().Title(), Keys: a.Top().KeyMap().FullHelp()}
	if n := len(a.dialogs); n > 0 {
		here = dialog.Section{Title: text.HelpDialog, Keys: a.dialogs[n-1].KeyMap().FullHelp()}
	}
	return dialog.NewKeys(a.c, here,
		dialog.Section{Title: text.HelpGlobal, Keys: [][]key.Binding{{g.Next, g.Prev, g.Back, g.Save, g.Undo,
			g.Help, g.AllKeys, g.Quit, quitHere}}},
	)
}

// atOutlineHome reports whether the outline is on top with its section list
// focused (where q quits).
func (a *App) atOutlineHome() bool {
	if o, ok := a.Top().(*outline.Model); ok {
		return o.ListFocused()
	}
	_, ok := a.Top().(*start.Model)
	return ok
}

func (a *App) quit() (tea.Model, tea.Cmd) {
	if a.dirty() || a.saveFailed {
		a.quitAsk = dialog.NewAsk(a.c, text.QuitAsk,
			dialog.Choice{Key: keys.Bind(text.QuitAskYes, "y", "Y"), Reply: quitMsg{}},
			dialog.Choice{Key: key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", text.QuitAskNo))},
		)
		return a, a.openDialog(a.quitAsk)
	}
	a.quitting = true
	return a, tea.Quit
}

const chromeLines = 3 // title bar, status line, help bar

// View implements tea.Model.
func (a *App) View() tea.View {
	w, h := a.c.Width, a.c.Height
	var v tea.View
	v.AltScreen = !a.opt.NoAltScreen
	if a.quitting {
		return v
	}
	if w < 20 || h < 6 {
		v.SetContent(components.Block(text.TooSmall, max(w, 1), max(h, 1)))
		return v
	}
	bodyH := h - chromeLines
	top := a.Top()
	title := a.titleBar(w)
	var body string
	var cur *tea.Cursor
	if a.corrupt != nil {
		body = a.corruptView(w, bodyH)
	} else {
		body = components.Block(top.View(w, bodyH), w, bodyH)
		cur = top.Cursor()
		if n := len(a.dialogs); n > 0 {
			// Only the top dialog is drawn; it has the keys.
			body, cur = dialog.Draw(a.c.Styles, body, w, bodyH, a.dialogs[n-1])
		}
	}
	body = components.Block(body, w, bodyH)
	content := termsafe.Frame(title + "\n" + body + "\n" + a.statusLine(w) + "\n" + a.helpBar(w))
	v.SetContent(content)
	a.frameMu.Lock()
	a.frame = ansi.Strip(content)
	a.frameMu.Unlock()
	if cur != nil {
		cur.Y++
		v.Cursor = cur
	}
	return v
}

func (a *App) titleBar(w int) string {
	parts := []string{text.AppName}
	for _, s := range a.stack[1:] {
		parts = append(parts, s.Title())
	}
	if len(a.stack) == 1 {
		parts = append(parts, a.Top().Title())
	}
	return barLine(a.c.Styles.Title, strings.Join(parts, " › "), w)
}

// barLine styles text and pads it to w cells with plain spaces: the
// renderer repaints every line holding Chinese on each frame, and styled
// padding is written out, unstyled trailing blanks are not.
func barLine(st lipgloss.Style, text string, w int) string {
	if ansi.StringWidth(text) > w {
		text = ansi.Truncate(text, w, "…")
	}
	return components.Fit(st.Render(text), w)
}

func (a *App) statusLine(w int) string {
	var parts []string
	if a.c.Report() != nil {
		parts = append(parts, a.c.Organ.Name, fmt.Sprintf(text.StatusYear, a.c.Year))
		if f := a.c.Format(); f != nil {
			parts = append(parts, f.Name)
		}
	} else {
		parts = append(parts, text.StatusNoReport)
	}
	if a.dirty() {
		parts = append(parts, text.StatusUnsaved)
	} else if a.saveText != "" {
		parts = append(parts, a.saveText)
	}
	if a.c.Report() != nil {
		if a.c.OrganYear() == nil {
			// The year is still loading and being checked; a reload keeps
			// the last counts until the new ones arrive.
			parts = append(parts, checkingText)
		} else {
			e, wn := a.c.CountFindings("")
			parts = append(parts, fmt.Sprintf(text.StatusFindings, e, wn))
			if due, _ := a.c.DueSoon(); due > 0 {
				parts = append(parts, fmt.Sprintf(text.StatusDueSoon, due))
			}
		}
	}
	if a.note != "" {
		parts = append(parts, a.note)
	}
	line := components.Fit(" "+strings.Join(parts, " · "), w)
	if a.saveFailed {
		return a.c.Styles.Error.Reverse(true).Render(line)
	}
	return a.c.Styles.Status.Render(line)
}

func (a *App) helpBar(w int) string {
	if a.corrupt != nil {
		return barLine(a.c.Styles.Help, " "+corruptQuit, w)
	}
	binds := a.Top().KeyMap().ShortHelp()
	all := keys.Global.Help
	if a.typing() {
		all = keys.Global.AllKeys
	}
	if n := len(a.dialogs); n > 0 {
		binds, all = a.dialogs[n-1].KeyMap().ShortHelp(), keys.Global.AllKeys
		if a.keysOpen() {
			all = key.Binding{}
		}
	}
	return barLine(a.c.Styles.Help, helpLine(binds, all, w), w)
}

// corruptView is the blocking notice of a failed integrity check: what is
// wrong, that nothing can be changed, and how to restore the newest good
// backup.
func (a *App) corruptView(w, h int) string {
	st := a.c.Styles
	bw := max(10, min(w-4, dialog.MaxWidth))
	var lines []string
	lines = append(lines, st.Error.Render(corruptTitle), "")
	lines = append(lines, components.Wrap(a.corrupt.Error(), bw)...)
	lines = append(lines, "")
	lines = append(lines, components.Wrap(corruptNoEdit, bw)...)
	lines = append(lines, "")
	if backup, _ := desk.CorruptBackup(a.corrupt); backup != "" {
		lines = append(lines, components.Wrap(corruptGuide, bw)...)
		cmd := fmt.Sprintf("  nianbao restore --from \"%s\" --db \"%s\"", backup, a.c.Store.Path())
		lines = append(lines, components.Wrap(cmd, bw)...)
	} else {
		lines = append(lines, components.Wrap(corruptNoCopy, bw)...)
	}
	lines = append(lines, "", st.Muted.Render(corruptQuit))
	frame, _ := dialog.Draw(a.c.Styles, components.Block("", w, h), w, h, dialog.NewNotice(strings.Join(lines, "\n")))
	return frame
}

// draftLimit bounds the draft saves after a quit signal: Windows ends a
// program about 5 s after its console window was closed, and the
// close-time backup comes after them.
const draftLimit = 3 * time.Second

// saveDrafts runs, after the program's loop has ended, what every screen
// does when it loses the keys (common.BlurMsg): a valid value typed into a
// field is saved, a refused one is left. It waits for those saves, at most
// limit; a save started by then is also waited for by WaitSaves.
func (a *App) saveDrafts(limit time.Duration) {
	if a.corrupt != nil || a.c.Store == nil {
		return
	}
	cmd := a.broadcast(common.BlurMsg{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		runCmd(cmd)
	}()
	select {
	case <-done:
	case <-time.After(limit):
	}
}

// runCmd runs a command outside the program's loop, with the commands a
// tea.Batch or tea.Sequence holds; the messages they return are dropped
// (nothing is drawn any more).
func runCmd(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var wg sync.WaitGroup
		for _, c := range b {
			wg.Add(1)
			go func() {
				defer wg.Done()
				runCmd(c)
			}()
		}
		wg.Wait()
		return
	}
	// tea.Sequence's message is an unexported []tea.Cmd, run in order.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := 0; i < v.Len(); i++ {
			runCmd(v.Index(i).Interface().(tea.Cmd))
		}
	}
}
