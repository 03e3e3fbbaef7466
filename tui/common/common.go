// Package common holds the types every workstation screen shares: the
// Common handle (store, styles, size, the open organ-year and its findings),
// the Screen interface and the messages screens exchange with the root app.
// The keys live in tui/keys, the style sheet in tui/styles and the Chinese
// strings in tui/text.
package common

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/styles"
	"nianbao/tui/text"
)

// Screen is one page of the workstation. Screens are plain values; the root
// app keeps a stack of them and gives the top one the keys.
type Screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View draws the screen into exactly width×height cells (display width,
	// never wider).
	View(width, height int) string
	// Cursor is the real terminal cursor relative to the screen's top-left
	// corner, or nil when the screen has no focused input. The input method
	// opens its candidate window there.
	Cursor() *tea.Cursor
	// KeyMap lists the screen's keys for the help bar and the ? overlay.
	KeyMap() help.KeyMap
	Title() string
}

// Editing is implemented by screens that hold unsaved input; the app asks
// before quitting when any screen on the stack reports true.
type Editing interface {
	Dirty() bool
}

// Common is shared by every screen. The root app owns it and keeps it
// current; screens read it and change the report only together with a save
// command.
type Common struct {
	Ctx context.Context
	// Store is the use-case layer (a *desk.Store over the SQLite store;
	// fast tests may give a fake).
	Store  Desk
	Styles *styles.Sheet
	// Width and Height are the whole terminal size.
	Width, Height int

	// The open organ-year: Snap is its immutable snapshot with the derived
	// data (table 三, fees, findings by cell), the one source screens read
	// it from (OrganYear, Report and Findings are its accessors). Organ and
	// Year name the year being opened or open; Snap is nil on the start
	// screen and while a year loads (then Report gives the report's head).
	Organ model.Organ
	Year  int
	Snap  *desk.Year
	// head is the report's head while the year loads (SetHead), so the
	// outline and the request log can start before the whole year arrives.
	head *model.Report

	Calendar *model.Calendar
	Today    model.Date
	// Now gives the time for the status line (tests pin it).
	Now func() time.Time

	// inflight counts saves that have started and not finished, so the
	// program can let them finish before the store is closed.
	inflight sync.WaitGroup
	running  atomic.Int64

	// logAhead is the request log's first page read ahead (ReadLogAhead).
	logAhead *LogAhead

	// counts are CountFindings' answers for the snapshot of, by section.
	counts struct {
		of *desk.Year
		by map[string][2]int
	}
}

// WaitSaves blocks until every save that has started is finished.
func (c *Common) WaitSaves() { c.inflight.Wait() }

// Format is the open report's format, or nil.
func (c *Common) Format() *model.Format {
	if r := c.Report(); r != nil {
		return r.Format()
	}
	return nil
}

// OrganYear is the open organ-year (the snapshot's), or nil. Callers must
// not change it: c.Edit makes the next snapshot.
func (c *Common) OrganYear() *model.OrganYear {
	if c.Snap == nil {
		return nil
	}
	return c.Snap.OrganYear()
}

// Report is the open report (the snapshot's), the report's head while the
// year loads, or nil. Callers must not change it.
func (c *Common) Report() *model.Report {
	if c.Snap == nil {
		return c.head
	}
	return c.Snap.Report()
}

// Findings are the open year's findings (the snapshot's), errors first.
func (c *Common) Findings() []model.Finding {
	if c.Snap == nil {
		return nil
	}
	return c.Snap.Findings()
}

// Context is the workstation's context, or Background where none is set
// (screens built in tests).
func (c *Common) Context() context.Context {
	if c.Ctx != nil {
		return c.Ctx
	}
	return context.Background()
}

// Saved reports a write that has just finished, for the status line
// (已保存 HH:MM:SS by c.Now, or time.Now when it is not set).
func (c *Common) Saved() tea.Cmd {
	now := c.Now
	return func() tea.Msg {
		if now == nil {
			return SavedMsg{At: time.Now()}
		}
		return SavedMsg{At: now()}
	}
}

// SaveFailed reports a write that failed, for the status line.
func SaveFailed(err error) tea.Cmd { return func() tea.Msg { return SaveFailedMsg{Err: err} } }

// SaveFailedText is the status line's text for a failed write
// (保存失败：…), which a form may also show beside its fields.
func SaveFailedText(err error) string { return fmt.Sprintf(text.StatusSaveFail, err.Error()) }

// Push opens s on top of the current screen.
func Push(s Screen) tea.Cmd { return func() tea.Msg { return PushMsg{Screen: s} } }

// Track wraps a command that writes to the store so that WaitSaves waits
// for it: the program closes the store after quitting, and a write still
// running then would be lost. Every command that saves, deletes or restores
// goes through Track (or Save, which uses it).
func (c *Common) Track(fn func() tea.Msg) tea.Cmd {
	return func() tea.Msg {
		c.inflight.Add(1)
		c.running.Add(1)
		defer c.inflight.Done()
		defer c.running.Add(-1)
		return fn()
	}
}

// Go runs fn in its own goroutine, tracked like a save so that quitting
// waits for it (an export writing to a USB stick).
func (c *Common) Go(fn func()) {
	c.inflight.Add(1)
	c.running.Add(1)
	go func() {
		defer c.inflight.Done()
		defer c.running.Add(-1)
		fn()
	}()
}

// Running reports whether a write started with Track or Go is still
// running (quitting then waits for it and says so).
func (c *Common) Running() bool { return c.running.Load() > 0 }

// Save runs fn against the store off the Update loop and reports SavedMsg or
// SaveFailedMsg.
func (c *Common) Save(fn func(ctx context.Context, st Desk) error) tea.Cmd {
	ctx, st, now := c.Ctx, c.Store, c.Now
	return c.Track(func() tea.Msg {
		if ctx == nil {
			ctx = context.Background()
		}
		if err := fn(ctx, st); err != nil {
			return SaveFailedMsg{Err: err}
		}
		t := time.Now()
		if now != nil {
			t = now()
		}
		return SavedMsg{At: t}
	})
}

// Reload asks the app to load the open organ-year again and recompute the
// findings (after a change to the log, cases, measures …).
func Reload() tea.Msg { return ReloadMsg{} }

// ReloadRequests asks the app to take the saved state of these log entries
// into the open organ-year (after a save that wrote only them).
func ReloadRequests(ids ...int64) tea.Cmd {
	return func() tea.Msg { return ReloadMsg{Requests: ids} }
}

// ReloadParts asks the app to take the saved state of these parts of the
// open organ-year (cases, measures, the whole register of items, the
// report) into its snapshot (after a save that wrote only them).
func ReloadParts(kinds desk.Parts) tea.Cmd {
	return func() tea.Msg { return ReloadMsg{Parts: kinds} }
}

// ReloadItems asks the app to take the saved state of these items of the
// register of 主动公开信息 into the open year's snapshot (after a save, a
// delete or an undo of them).
func ReloadItems(ids ...int64) tea.Cmd {
	return func() tea.Msg { return ReloadMsg{Parts: desk.PartItems, Items: ids} }
}

// SetYear makes y the open organ-year (nil closes it).
func (c *Common) SetYear(y *desk.Year) {
	c.Snap, c.head = y, nil
	if y != nil {
		c.Organ, c.Year = y.OrganYear().Organ, y.Report().Year
	}
}

// SetHead gives the report's head of the year being loaded (Report returns
// it until SetYear).
func (c *Common) SetHead(r *model.Report) {
	if c.Snap == nil {
		c.head = r
	}
}

// Edit changes the open organ-year's profile or report: the snapshot's
// next one is made with edit applied to its own copy and checked again
// (desk.Year.Edit). Nothing happens while no year is open.
func (c *Common) Edit(edit func(oy *model.OrganYear)) {
	if c.Snap != nil {
		c.SetYear(c.Snap.Edit(edit))
	}
}

// FindingsAt returns the findings about one table cell (indexed once per
// snapshot: a grid asks for each of its cells on every frame).
func (c *Common) FindingsAt(a model.CellAddress) []model.Finding {
	if c.Snap == nil {
		return nil
	}
	return c.Snap.FindingsAt(a)
}

// SectionOf tells which outline entry a finding belongs to.
func SectionOf(f model.Finding) string {
	switch f.Entry.Kind {
	case model.EntryItem:
		return SecItems
	case model.EntryRequest:
		return SecRequests
	case model.EntryCase:
		return SecCases
	case model.EntryMeasure:
		return SecMeasures
	}
	if f.Section >= 1 && f.Section <= 6 {
		return SectionKeys[f.Section]
	}
	return SecProfile
}

// CountFindings counts the unacknowledged errors and warnings of one outline
// entry ("" counts all). The counts of every entry are made in one pass
// once per snapshot: the outline and the status line ask on every frame.
func (c *Common) CountFindings(section string) (errs, warns int) {
	if c.counts.of != c.Snap || c.counts.by == nil {
		c.counts.of, c.counts.by = c.Snap, map[string][2]int{}
		for _, f := range c.Findings() {
			k := 0
			if f.Severity != model.Error {
				if f.Acked {
					continue
				}
				k = 1
			}
			for _, sec := range [2]string{"", SectionOf(f)} {
				n := c.counts.by[sec]
				n[k]++
				c.counts.by[sec] = n
			}
		}
	}
	n := c.counts.by[section]
	return n[0], n[1]
}

// Outline entries, also the Section of a GoToMsg.
const (
	SecProfile  = "profile"
	SecS1       = "s1"
	SecS2       = "s2"
	SecS3       = "s3"
	SecS4       = "s4"
	SecS5       = "s5"
	SecS6       = "s6"
	SecItems    = "items"
	SecRequests = "requests"
	SecCases    = "cases"
	SecMeasures = "measures"
	SecFees     = "fees"
	SecCheck    = "check"
	SecPreview  = "preview"
	SecExport   = "export"
	SecOverview = "overview"
)

// Factory builds the screen of one outline entry for the open organ-year.
type Factory func(c *Common) Screen

// Typing is implemented by screens that have a text input focused: the app
// then treats printable keys such as ? and q as text, not commands.
type Typing interface {
	Typing() bool
}

// Busy is implemented by screens that use Esc themselves while they are in a
// nested state (an open input, a dialog, a sub-list): while Busy is true the
// outline passes Esc to the screen instead of taking the focus back.
type Busy interface {
	Busy() bool
}

// IsTyping and IsBusy ask a screen through the optional interfaces.
func IsTyping(s Screen) bool {
	t, ok := s.(Typing)
	return ok && t.Typing()
}

func IsBusy(s Screen) bool {
	b, ok := s.(Busy)
	return ok && b.Busy()
}

// IsDirty reports whether a screen holds unsaved input.
func IsDirty(s Screen) bool {
	e, ok := s.(Editing)
	return ok && e.Dirty()
}

// Desk is the use-case layer as the workstation uses it. *desk.Store
// implements it over the SQLite store; a screen test may give a fake that
// embeds Desk and overrides the methods it needs.
type Desk interface {
	// The database.
	Path() string
	Warnings() []string
	CheckDone() <-chan struct{}
	CheckErr() error
	DamagedRows() string
	Backup(ctx context.Context) (string, error)
	Calendar(ctx context.Context) (*model.Calendar, error)
	SetCalendarDay(ctx context.Context, d model.CalendarDay) error
	UnsetCalendarDay(ctx context.Context, d model.Date) error
	SetCalendarYearComplete(ctx context.Context, year int, done bool) error
	ImportCalendar(ctx context.Context, path string) (desk.CalendarImport, error)

	// Organs and years.
	Organs(ctx context.Context) ([]model.Organ, error)
	Organ(ctx context.Context, id int64) (model.Organ, error)
	OrganByName(ctx context.Context, name string) (model.Organ, error)
	SaveOrgan(ctx context.Context, o *model.Organ) error
	YearStatuses(ctx context.Context, organID int64) ([]int, map[int]model.ReportStatus, error)
	StartYear(ctx context.Context, o model.Organ, year int, fromPrev bool) (*desk.StartedYear, error)
	OpenYear(ctx context.Context, organID int64, year int, cal *model.Calendar, today model.Date) (*desk.Year, error)
	ReadLogUpdate(ctx context.Context, y *desk.Year, ids []int64) (*desk.LogUpdate, error)
	ReadParts(ctx context.Context, y *desk.Year, rd desk.PartsRead) (*desk.PartsUpdate, error)
	LoadOrganYear(ctx context.Context, organID int64, year int, withPersonal bool) (*model.OrganYear, error)
	Report(ctx context.Context, organID int64, year int) (*model.Report, error)

	// The report: its head, text, cells and acknowledged warnings.
	SaveReportMeta(ctx context.Context, r *model.Report) error
	SaveBlock(ctx context.Context, reportID int64, b *model.Block) error
	DeleteBlock(ctx context.Context, id int64) error
	ReorderBlocks(ctx context.Context, reportID int64, section int, ids []int64) error
	SetValues(ctx context.Context, reportID int64, v model.Values) error
	SaveCells(ctx context.Context, reportID int64, set model.Values, clear []model.CellAddress) error
	Art20Mode(ctx context.Context, reportID int64) (model.TableMode, error)
	SetArt20Mode(ctx context.Context, reportID int64, mode model.TableMode) error
	SaveAck(ctx context.Context, reportID int64, a model.Ack) error
	DeleteAck(ctx context.Context, reportID int64, rule, target string) error

	// The request log.
	Request(ctx context.Context, id int64, withPersonal bool) (model.Request, error)
	RequestPage(ctx context.Context, q desk.RequestQuery) ([]model.Request, error)
	CountRequests(ctx context.Context, q desk.RequestQuery) (int, error)
	// Writes counts the writes committed so far (db.Store.Writes).
	Writes() uint64
	DueSoonCounts(ctx context.Context, organID int64, today model.Date, cal *model.Calendar) (due, late int, err error)
	RequestsForYear(ctx context.Context, organID int64, year int, withPersonal bool) ([]model.Request, error)
	SaveRequest(ctx context.Context, q *model.Request) error
	SaveRequestField(ctx context.Context, q *model.Request, f desk.RequestField) error
	SavePersonal(ctx context.Context, requestID int64, p model.Personal) error
	DeleteRequest(ctx context.Context, id int64) (model.Request, error)
	RestoreRequest(ctx context.Context, q model.Request) error

	// Cases and measures.
	SaveCase(ctx context.Context, c *model.Case) error
	DeleteCase(ctx context.Context, id int64) (model.Case, error)
	SaveMeasure(ctx context.Context, m *model.Measure) error
	DeleteMeasure(ctx context.Context, id int64) (model.Measure, error)

	// The register of 主动公开信息.
	Items(ctx context.Context, organID int64, year int) ([]model.DisclosureItem, error)
	ItemPage(ctx context.Context, q desk.ItemQuery) ([]model.DisclosureItem, error)
	CountItems(ctx context.Context, q desk.ItemQuery) (int, error)
	SaveItem(ctx context.Context, it *model.DisclosureItem) error
	SaveItems(ctx context.Context, items []model.DisclosureItem) error
	DeleteItem(ctx context.Context, id int64) (model.DisclosureItem, error)
	ItemLists(ctx context.Context, organID int64) (categories, channels []string, err error)
	AddItemListValue(ctx context.Context, organID int64, kind, value string) error

	// Export and bundles.
	Export(ctx context.Context, y *desk.Year, opt desk.ExportOptions, progress func(desk.ExportProgress)) (*desk.ExportResult, error)
	MarkExported(ctx context.Context, y *desk.Year) error
	WriteBundle(ctx context.Context, organID int64, year int, kind desk.BundleKind, dir string) (desk.FileResult, *model.OrganYear, error)
	ReadBundles(ctx context.Context, dir string) ([]desk.BundleFile, error)
	CompareBundle(ctx context.Context, oy *model.OrganYear, meta desk.BundleMeta) (exists bool, diff []string, err error)
	ImportBundle(ctx context.Context, oy *model.OrganYear, replace bool) error

	// Letters and the ledger in and out of a spreadsheet.
	LoadLetterEnv(ctx context.Context, organ model.Organ, q model.Request) (*desk.LetterEnv, error)
	WriteLetter(ctx context.Context, d *desk.LetterDraft, dir string) (*desk.LetterResult, error)
	SaveLetterTemplate(ctx context.Context, organID int64, key string, t model.LetterTemplate) error
	ExportLedger(ctx context.Context, organ model.Organ, year int, dir string) (desk.FileResult, int, error)
	PreviewLedger(ctx context.Context, li *desk.LedgerImport) (*desk.LedgerPreview, error)
	ImportLedger(ctx context.Context, li *desk.LedgerImport, p *desk.LedgerPreview) (int, error)
}

// The SQLite-backed use cases are the workstation's.
var _ Desk = (*desk.Store)(nil)
