package common

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
)

// SavedMsg reports a finished save.
type SavedMsg struct{ At time.Time }

// SaveFailedMsg reports a failed save; the status line shows Err.
type SaveFailedMsg struct{ Err error }

// ReloadMsg says data changed: the app reloads the organ-year and recomputes
// the findings, then sends OrganYearMsg to every screen on the stack. When
// Requests names the log entries a save wrote and nothing else changed,
// the app reads only those back and updates the open year's snapshot
// (desk.Year.WithLog) instead of loading the whole organ-year; when Parts
// names the parts a save wrote (cases, measures, items, the report), it
// reads those back (desk.Year.WithParts): of the register of 主动公开信息,
// only the items named in Items when there are some.
type ReloadMsg struct {
	Requests []int64
	Parts    desk.Parts
	Items    []int64
}

// OrganYearMsg carries a freshly loaded organ-year (or the error loading it).
type OrganYearMsg struct {
	OY  *model.OrganYear
	Err error
}

// OpenMsg asks the app to open an organ-year (from the start screen).
type OpenMsg struct {
	Organ model.Organ
	Year  int
}

// GoToMsg asks the app to show an outline entry and, when given, a cell or a
// log entry in it. The app opens the entry's screen and then passes the
// message to that screen's Update so it can move its cursor there.
type GoToMsg struct {
	Section string
	Cell    model.CellAddress
	Entry   model.EntryRef
}

// PushMsg asks the app to show Screen on top of the current one.
type PushMsg struct{ Screen Screen }

// BackMsg asks the app to close the top screen (Esc).
type BackMsg struct{}

// StatusMsg shows a short note in the status line.
type StatusMsg struct{ Text string }

// DialogMsg opens a modal dialog that gets keys first until it closes.
type DialogMsg struct{ Dialog Screen }

// CloseDialogMsg closes the top dialog; the app then hands Reply (when not
// nil) to what is below it, the screen that asked.
type CloseDialogMsg struct{ Reply tea.Msg }

// BlurMsg tells a screen it is losing the keys (the outline moves to its
// list or another section): it saves what the clerk typed and closes any
// open input.
type BlurMsg struct{}

// FirstPageMsg tells the app that a screen reading its own rows (the
// request log) has its first page: the year's load, held back so as not
// to compete with that read (Options.LoadAfter in package tui), starts.
type FirstPageMsg struct{}
