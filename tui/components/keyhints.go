package components

import (
	"strings"

	kb "charm.land/bubbles/v2/key"
)

// KeyHints renders bindings as "key desc" hints joined by " · " within
// width cells: the help bar and the hint lines of screens are drawn from
// the bindings the screen dispatches on, never written by hand. A hint
// that does not fit is left out whole (never cut in half) and the ones
// after it are still tried; last, when enabled, always ends the line.
func KeyHints(binds []kb.Binding, last kb.Binding, width int) string {
	const sep = " · "
	hint := func(b kb.Binding) string { return b.Help().Key + " " + b.Help().Desc }
	tail := ""
	if last.Enabled() && last.Help().Key != "" {
		tail = hint(last)
	}
	room := width - cellWidth(tail)
	if tail != "" {
		room -= cellWidth(sep)
	}
	var items []string
	used := 0
	for _, b := range binds {
		if !b.Enabled() || b.Help().Key == "" {
			continue
		}
		h := hint(b)
		need := cellWidth(h)
		if len(items) > 0 {
			need += cellWidth(sep)
		}
		if used+need > room {
			continue
		}
		items = append(items, h)
		used += need
	}
	if tail != "" {
		items = append(items, tail)
	}
	return strings.Join(items, sep)
}

// FocusMark stands between the focused field's label and its value (two
// cells, where the others have two blanks), so the focus shows on a
// monochrome console as well as in colour.
const FocusMark = "▸ "

// CursorMark is the first two cells of a list row: ▸ on the row under the
// cursor and blank on the others, so the cursor shows on a monochrome
// console as well as in colour. Rows and headers are drawn two cells
// narrower behind it.
func CursorMark(selected bool) string {
	if selected {
		return "▸ "
	}
	return "  "
}
