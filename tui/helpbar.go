package tui

import (
	"charm.land/bubbles/v2/key"

	"nianbao/tui/components"
)

// helpLine is the help bar: the bindings as whole hints within width
// cells, after one blank, always ending with the all-keys binding.
func helpLine(binds []key.Binding, last key.Binding, width int) string {
	return " " + components.KeyHints(binds, last, width-1)
}
