package components

import (
	"strings"
	"testing"
)

func TestScrollRange(t *testing.T) {
	lines := strings.Split("a b c d e f g h i j", " ")
	cases := []struct {
		top, h   int
		from, to int
	}{
		{0, 3, 0, 3},
		{4, 3, 4, 7},
		{9, 3, 7, 10},   // the last line is at the bottom, not alone at the top
		{-2, 3, 0, 3},   // top above the first line
		{0, 20, 0, 10},  // everything fits
		{5, 20, 0, 10},  // everything fits: no scroll
		{5, 0, 5, 6},    // no room: one line still shows
		{12, -1, 9, 10}, // past the end with no room
	}
	for _, c := range cases {
		from, to := ScrollRange(len(lines), c.top, c.h)
		if from != c.from || to != c.to {
			t.Errorf("ScrollRange(10, %d, %d) = %d, %d, want %d, %d", c.top, c.h, from, to, c.from, c.to)
		}
		if got := strings.Join(Scrolled(lines, c.top, c.h), ""); got != strings.Join(lines[c.from:c.to], "") {
			t.Errorf("Scrolled(%d, %d) = %q", c.top, c.h, got)
		}
	}
	if got := Scrolled(nil, 3, 5); len(got) != 0 {
		t.Errorf("Scrolled of no lines = %q", got)
	}
}

func TestChoiceArrows(t *testing.T) {
	if got := ChoiceArrows("自然人"); got != "◀ 自然人 ▶" || StringWidth(got) != 10 {
		t.Errorf("ChoiceArrows = %q (%d cells)", got, StringWidth(got))
	}
}
