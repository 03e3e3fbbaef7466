package tui

import (
	"testing"

	"nianbao/tui/common"
)

// TestOutlineRegistry: every outline entry has a screen, a jump key no
// other entry uses, a title and a short title; the report's six sections
// each have their entry.
func TestOutlineRegistry(t *testing.T) {
	screens := Screens()
	keys := map[string]string{}
	for _, e := range common.Entries {
		if screens[e.ID] == nil {
			t.Errorf("%s has no screen", e.ID)
		}
		if e.Key == "" || keys[e.Key] != "" {
			t.Errorf("%s: jump key %q missing or used by %s", e.ID, e.Key, keys[e.Key])
		}
		keys[e.Key] = e.ID
		if e.Title == "" || e.Short == "" {
			t.Errorf("%s lacks a title", e.ID)
		}
	}
	if len(screens) != len(common.Entries) {
		t.Errorf("%d screens for %d entries", len(screens), len(common.Entries))
	}
	for n := 1; n <= 6; n++ {
		if common.SectionNumber(common.SectionKeys[n]) != n {
			t.Errorf("section %d has no entry", n)
		}
	}
}
