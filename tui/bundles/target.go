// Package bundles holds the workstation screens for report bundles: writing
// the open organ-year as a bundle (报送包) to a removable drive or a folder,
// and, from the start screen without an organ open, reading a folder of
// bundles, importing them (with the differences shown when the organ-year
// is already kept) and aggregating a year into the county's workbook.
package bundles

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// place is a choice of removable drive or typed folder, as on the export
// screen: the drives come from desk.Drives() in a command (ctrl+r scans
// again); sel is an index into drives, or -1 for the typed folder.
type place struct {
	drives  []desk.Drive
	scanned bool
	sel     int
	folder  *components.Input
	// note says a rescan is under way, then what it found.
	note string
}

func newPlace(value string) *place {
	p := &place{sel: -1, folder: components.NewInput()}
	p.folder.Clean = model.CleanLine
	p.folder.Placeholder = text.ExpFolderPlaceholder
	p.folder.SetValue(value)
	return p
}

// drivesMsg carries the removable drives found by scanDrives.
type drivesMsg struct{ drives []desk.Drive }

func scanDrives() tea.Msg { return drivesMsg{desk.Drives()} }

// setDrives takes a scan's result; the first drive is chosen when no
// folder is typed.
func (p *place) setDrives(ds []desk.Drive) {
	p.scanned = true
	if p.note != "" {
		p.note = fmt.Sprintf(text.BunDrivesFound, len(ds))
	}
	p.drives = ds
	if p.sel >= len(ds) {
		p.sel = -1
	}
	if p.sel < 0 && len(ds) > 0 && strings.TrimSpace(p.folder.Value()) == "" {
		p.sel = 0
	}
}

// dir is the chosen folder.
func (p *place) dir() string {
	if p.sel >= 0 && p.sel < len(p.drives) {
		return p.drives[p.sel].Path
	}
	return strings.TrimSpace(p.folder.Value())
}

// typeKey gives a key or paste to the folder input; typing chooses it.
func (p *place) typeKey(msg tea.Msg) bool {
	if p.folder.Update(msg) {
		if strings.TrimSpace(p.folder.Value()) != "" {
			p.sel = -1
		}
		return true
	}
	return false
}

// driveLine draws drive i as a radio line.
func (p *place) driveLine(i int) string {
	d := p.drives[i]
	sel := "( )"
	if p.sel == i {
		sel = "(•)"
	}
	return fmt.Sprintf("%s %s  %s  "+text.ExpFree, sel, d.Label, d.Path, components.HumanBytes(d.Free))
}

// folderPrefix is what stands before the folder input on its line.
func (p *place) folderPrefix(mark string) string {
	sel := "( )"
	if p.sel < 0 {
		sel = "(•)"
	}
	return mark + sel + " " + text.ExpFolder
}

// cursor places the real cursor in the focused folder input drawn on line y
// with the focus mark, where the input method's window should open.
func (p *place) cursor(y int) *tea.Cursor {
	return tea.NewCursor(ansi.StringWidth(p.folderPrefix("▸ "))+p.folder.CursorX(), y)
}

// folderWidth is the width of the folder input on a line of width cells.
func (p *place) folderWidth(width int) int {
	return max(8, width-ansi.StringWidth(p.folderPrefix("▸ ")))
}

// settle scrolls the folder input for a line of width cells (Update's
// part; folderLine only draws).
func (p *place) settle(width int) { p.folder.Scroll(p.folderWidth(width)) }

// folderLine draws the folder input after its prefix, fitted to width, at
// the scroll settle left it.
func (p *place) folderLine(mark string, width int) string {
	return components.Fit(p.folderPrefix(mark)+p.folder.Draw(p.folderWidth(width)), width)
}

// noDrives is the note shown when no drive is listed.
// rescan looks for drives again, saying so until they are found.
func (p *place) rescan() tea.Cmd {
	p.scanned = false
	p.note = text.ExpScanning
	return scanDrives
}

// status is the line under the drives: what the last rescan found, or
// that there is no drive.
func (p *place) status() string {
	if p.note != "" {
		return p.note
	}
	if len(p.drives) == 0 {
		return p.noDrives()
	}
	return ""
}

func (p *place) noDrives() string {
	if p.scanned {
		return fmt.Sprintf(text.ExpNoDrives, keys.Key(keys.Refresh))
	}
	return text.ExpScanning
}

// window keeps the first head lines and shows the rest from line focus on
// when lines do not fit in height; it returns the lines and how far the
// rest moved up.
func window(lines []string, head, focus, height int) ([]string, int) {
	if len(lines) <= height || height <= head+1 {
		return lines, 0
	}
	from, to := components.ScrollRange(len(lines)-head, focus-head, height-head)
	return append(lines[:head:head], lines[head+from:head+to]...), from
}
