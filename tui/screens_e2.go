package tui

import (
	"nianbao/tui/cases"
	"nianbao/tui/common"
	"nianbao/tui/exportscreen"
	"nianbao/tui/fees"
	"nianbao/tui/measures"
	"nianbao/tui/requests"
)

// e2Screens returns the screens of the request log, cases, measures, fees
// and export (owned by E2), one line per outline entry.
func e2Screens() map[string]common.Factory {
	return map[string]common.Factory{
		common.SecRequests: requests.New,
		common.SecCases:    cases.New,
		common.SecMeasures: measures.New,
		common.SecFees:     fees.New,
		common.SecExport:   exportscreen.New,
	}
}
