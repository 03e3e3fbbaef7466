// Package common holds the types every workstation screen shares: the
// Common handle (store, styles, size, the open organ-year and its findings),
// the Screen interface and the messages screens exchange with the root app.
// The keys live in tui/keys, the style sheet in tui/styles and the Chinese
// strings in tui/text.
package common

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"nianbao/db"
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
	Ctx    context.Context
	Store  *db.Store
	Styles *styles.Sheet
	// Width and Height are the whole terminal size.
	Width, Height int

	// The open organ-year; Report is OY.Report. Zero/nil on the start screen.
	Organ  model.Organ
	Year   int
	OY     *model.OrganYear
	Report *model.Report
	// Findings are the checks of the open organ-year, errors first.
	Findings []model.Finding

	Calendar *model.Calendar
	Today    model.Date
	// Now gives the time for the status line (tests pin it).
	Now func() time.Time

	// byCell indexes Findings by cell for FindingsAt.
	byCell findingIndex
	// due caches DueSoon's counts for one organ-year and day.
	due dueCache

	// inflight counts saves that have started and not finished, so the
	// program can let them finish before the store is closed.
	inflight sync.WaitGroup
	running  atomic.Int64
}

// WaitSaves blocks until every save that has started is finished.
func (c *Common) WaitSaves() { c.inflight.Wait() }

// Format is the open report's format, or nil.
func (c *Common) Format() *model.Format {
	if c.Report == nil {
		return nil
	}
	return c.Report.Format()
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
func (c *Common) Save(fn func(ctx context.Context, st *db.Store) error) tea.Cmd {
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

// SaveCmd runs fn off the Update loop and reports SavedMsg or SaveFailedMsg.
func SaveCmd(fn func(ctx context.Context) error) tea.Cmd {
	return func() tea.Msg {
		if err := fn(context.Background()); err != nil {
			return SaveFailedMsg{Err: err}
		}
		return SavedMsg{At: time.Now()}
	}
}

// Reload asks the app to load the open organ-year again and recompute the
// findings (after a change to the log, cases, measures …).
func Reload() tea.Msg { return ReloadMsg{} }

// FindingsAt returns the findings about one table cell. The findings are
// indexed by cell once per check run: a grid asks for each of its cells on
// every frame, and at 50,000 requests a check run holds thousands.
func (c *Common) FindingsAt(a model.CellAddress) []model.Finding {
	if len(c.Findings) == 0 {
		return nil
	}
	if c.byCell.of != &c.Findings[0] || c.byCell.n != len(c.Findings) {
		m := map[model.CellAddress][]model.Finding{}
		for _, f := range c.Findings {
			m[f.Cell] = append(m[f.Cell], f)
		}
		c.byCell = findingIndex{of: &c.Findings[0], n: len(c.Findings), m: m}
	}
	out := c.byCell.m[a]
	return out[:len(out):len(out)] // a caller's append copies
}

// findingIndex is Findings by cell, for the findings slice it was built
// from (a check run replaces the slice).
type findingIndex struct {
	of *model.Finding
	n  int
	m  map[model.CellAddress][]model.Finding
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
// entry ("" counts all).
func (c *Common) CountFindings(section string) (errs, warns int) {
	for _, f := range c.Findings {
		if section != "" && SectionOf(f) != section {
			continue
		}
		if f.Severity == model.Error {
			errs++
		} else if !f.Acked {
			warns++
		}
	}
	return
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
	SecExport   = "export"
	SecOverview = "overview"
)

// SectionKeys maps report section numbers 1..6 to outline entries.
var SectionKeys = [7]string{SecProfile, SecS1, SecS2, SecS3, SecS4, SecS5, SecS6}

// Outline lists the outline entries in order.
var Outline = []string{SecProfile, SecS1, SecS2, SecS3, SecS4, SecS5, SecS6,
	SecItems, SecRequests, SecCases, SecMeasures, SecFees, SecOverview, SecCheck, SecExport}

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

// SetSectionBlocks replaces one section's blocks of the open report, in
// order, keeping the other sections.
func (c *Common) SetSectionBlocks(section int, bs []model.Block) {
	if c.Report == nil {
		return
	}
	var out []model.Block
	done := false
	for _, b := range c.Report.Blocks {
		if b.Section == section {
			if !done {
				out = append(out, bs...)
				done = true
			}
			continue
		}
		if !done && b.Section > section {
			out = append(out, bs...)
			done = true
		}
		out = append(out, b)
	}
	if !done {
		out = append(out, bs...)
	}
	c.Report.Blocks = out
}

// EntryTitle is the Chinese name of an outline entry.
func EntryTitle(sec string) string {
	switch sec {
	case SecProfile:
		return text.TitleProfile
	case SecItems:
		return text.TitleItems
	case SecRequests:
		return text.TitleRequests
	case SecCases:
		return text.TitleCases
	case SecMeasures:
		return text.TitleMeasures
	case SecFees:
		return text.TitleFees
	case SecCheck:
		return text.TitleCheck
	case SecExport:
		return text.TitleExport
	case SecOverview:
		return text.TitleOverview
	}
	for i, k := range SectionKeys {
		if k == sec && i > 0 {
			return model.SectionTitles[i]
		}
	}
	return sec
}

// SectionNumber is the report section 1..6 of an outline entry, or 0.
func SectionNumber(sec string) int {
	for i, k := range SectionKeys {
		if k == sec && i > 0 {
			return i
		}
	}
	return 0
}
