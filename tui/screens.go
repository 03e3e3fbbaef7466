package tui

import (
	"nianbao/tui/cases"
	"nianbao/tui/check"
	"nianbao/tui/common"
	"nianbao/tui/exportscreen"
	"nianbao/tui/fees"
	"nianbao/tui/measures"
	"nianbao/tui/narrative"
	"nianbao/tui/overview"
	"nianbao/tui/preview"
	"nianbao/tui/proactive"
	"nianbao/tui/profile"
	"nianbao/tui/requests"
	"nianbao/tui/tables"
)

// Screens maps every outline entry to the factory of its screen, one line
// per entry. An entry without a factory shows a note in the outline
// instead of a screen.
func Screens() map[string]common.Factory {
	return map[string]common.Factory{
		common.SecProfile:  profile.New,
		common.SecS1:       func(c *common.Common) common.Screen { return narrative.New(c, 1) },
		common.SecS2:       func(c *common.Common) common.Screen { return tables.New(c, 2) },
		common.SecS3:       func(c *common.Common) common.Screen { return tables.New(c, 3) },
		common.SecS4:       func(c *common.Common) common.Screen { return tables.New(c, 4) },
		common.SecS5:       func(c *common.Common) common.Screen { return narrative.New(c, 5) },
		common.SecS6:       func(c *common.Common) common.Screen { return narrative.New(c, 6) },
		common.SecItems:    proactive.New,
		common.SecRequests: requests.New,
		common.SecCases:    cases.New,
		common.SecMeasures: measures.New,
		common.SecFees:     fees.New,
		common.SecOverview: overview.New,
		common.SecCheck:    check.New,
		common.SecPreview:  preview.New,
		common.SecExport:   exportscreen.New,
	}
}
