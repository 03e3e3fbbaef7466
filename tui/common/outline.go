package common

import (
	"nianbao/model"
	"nianbao/tui/text"
)

// OutlineEntry is one entry of the report outline. Entries is the one list
// of them: the outline's order, jump keys and names, the report section of
// each, and where the list draws a rule. The screen of an entry is built
// by the factory the root app registers under its ID (tui.Screens).
type OutlineEntry struct {
	ID      string
	Key     string // the key that jumps to it from the outline's list
	Title   string // its screen's title
	Short   string // its name in the narrow list
	Section int    // the report section 1..6 it edits, or 0
	// RuleAfter draws a rule under it in the list.
	RuleAfter bool
}

// Entries are the outline's entries in order.
var Entries = []OutlineEntry{
	{ID: SecProfile, Key: "0", Title: text.TitleProfile, Short: text.TitleProfile},
	{ID: SecS1, Key: "1", Title: model.SectionTitles[1], Short: text.OutlineS1, Section: 1},
	{ID: SecS2, Key: "2", Title: model.SectionTitles[2], Short: text.OutlineS2, Section: 2},
	{ID: SecS3, Key: "3", Title: model.SectionTitles[3], Short: text.OutlineS3, Section: 3},
	{ID: SecS4, Key: "4", Title: model.SectionTitles[4], Short: text.OutlineS4, Section: 4},
	{ID: SecS5, Key: "5", Title: model.SectionTitles[5], Short: text.OutlineS5, Section: 5},
	{ID: SecS6, Key: "6", Title: model.SectionTitles[6], Short: text.OutlineS6, Section: 6, RuleAfter: true},
	{ID: SecItems, Key: "i", Title: text.TitleItems, Short: text.TitleItems},
	{ID: SecRequests, Key: "r", Title: text.TitleRequests, Short: text.TitleRequests},
	{ID: SecCases, Key: "c", Title: text.TitleCases, Short: text.TitleCases},
	{ID: SecMeasures, Key: "m", Title: text.TitleMeasures, Short: text.TitleMeasures},
	{ID: SecFees, Key: "f", Title: text.TitleFees, Short: text.TitleFees, RuleAfter: true},
	{ID: SecOverview, Key: "o", Title: text.TitleOverview, Short: text.TitleOverview},
	{ID: SecCheck, Key: "k", Title: text.TitleCheck, Short: text.TitleCheck},
	{ID: SecPreview, Key: "p", Title: text.TitlePreview, Short: text.TitlePreview},
	{ID: SecExport, Key: "e", Title: text.TitleExport, Short: text.TitleExport},
}

// Outline lists the outline entries' IDs in order.
var Outline = func() []string {
	ids := make([]string, len(Entries))
	for i, e := range Entries {
		ids[i] = e.ID
	}
	return ids
}()

// SectionKeys maps report section numbers 1..6 to outline entries (0 is
// 基本信息, where findings about no section go).
var SectionKeys = func() [7]string {
	k := [7]string{SecProfile}
	for _, e := range Entries {
		if e.Section > 0 {
			k[e.Section] = e.ID
		}
	}
	return k
}()

// Entry is the outline entry with id, and whether there is one.
func Entry(id string) (OutlineEntry, bool) {
	for _, e := range Entries {
		if e.ID == id {
			return e, true
		}
	}
	return OutlineEntry{}, false
}

// EntryTitle is the Chinese name of an outline entry.
func EntryTitle(sec string) string {
	if e, ok := Entry(sec); ok {
		return e.Title
	}
	return sec
}

// SectionNumber is the report section 1..6 of an outline entry, or 0.
func SectionNumber(sec string) int {
	e, _ := Entry(sec)
	return e.Section
}
