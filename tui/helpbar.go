package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"nianbao/tui/components"
)

// helpLine is the help bar rendered from bindings: each enabled binding
// as "key desc", joined by " · ", within width cells. A hint that does not
// fit is left out whole (never cut in half) and the ones after it are
// still tried; last — the all-keys binding — always ends the line.
func helpLine(binds []key.Binding, last key.Binding, width int) string {
	const sep = " · "
	hint := func(b key.Binding) string { return b.Help().Key + " " + b.Help().Desc }
	tail := ""
	if last.Enabled() && last.Help().Key != "" {
		tail = hint(last)
	}
	room := width - 1 - components.StringWidth(tail)
	var items []string
	used := 0
	for _, b := range binds {
		if !b.Enabled() || b.Help().Key == "" {
			continue
		}
		h := hint(b)
		need := components.StringWidth(h) + components.StringWidth(sep)
		if used+need > room {
			continue
		}
		items = append(items, h)
		used += need
	}
	if tail != "" {
		items = append(items, tail)
	}
	return " " + strings.Join(items, sep)
}
