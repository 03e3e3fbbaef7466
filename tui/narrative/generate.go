package narrative

import (
	"nianbao/model"
	"nianbao/tui/common"
)

// generated is the sentence built from the tables for a section, so the
// narrative quotes the same numbers the tables print.
func generated(c *common.Common, section int) string {
	if c.OrganYear() == nil {
		return ""
	}
	return model.GeneratedSentences(c.OrganYear())[section]
}
