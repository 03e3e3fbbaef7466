package narrative

import (
	"nianbao/model"
	"nianbao/tui/common"
)

// generated is the sentence built from the organ-year's figures for a
// section, so the narrative quotes the same numbers the report prints.
// Section 二 gets the count of the year's disclosure items.
func generated(c *common.Common, section int) string {
	if c.OY == nil || c.Report == nil {
		return ""
	}
	if section == 2 && len(c.OY.Items) > 0 {
		return model.ItemsSentence(c.Report.Year, model.CountItems(c.Report.Year, c.OY.Items))
	}
	return ""
}
