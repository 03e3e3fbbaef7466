package tui

import (
	"nianbao/tui/check"
	"nianbao/tui/common"
	"nianbao/tui/grid"
	"nianbao/tui/items"
	"nianbao/tui/narrative"
	"nianbao/tui/start"
)

// Screens maps every outline entry to the factory of its screen: E1's
// entries here, E2's from e2Screens (tui/screens_e2.go). An entry without
// a factory shows a note in the outline instead of a screen.
func Screens() map[string]common.Factory {
	m := map[string]common.Factory{
		common.SecProfile: start.NewProfile,
		common.SecS1:      func(c *common.Common) common.Screen { return narrative.New(c, 1) },
		common.SecS2:      func(c *common.Common) common.Screen { return grid.New(c, 2) },
		common.SecS3:      func(c *common.Common) common.Screen { return grid.New(c, 3) },
		common.SecS4:      func(c *common.Common) common.Screen { return grid.New(c, 4) },
		common.SecS5:      func(c *common.Common) common.Screen { return narrative.New(c, 5) },
		common.SecS6:      func(c *common.Common) common.Screen { return narrative.New(c, 6) },
		common.SecCheck:   check.New,
		common.SecItems:   items.New,
	}
	for k, f := range e2Screens() {
		m[k] = f
	}
	return m
}
