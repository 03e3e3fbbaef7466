package termsafe

import (
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

func TestRuneWidth(t *testing.T) {
	cases := []struct {
		name string
		r    rune
		want int
	}{
		{"ASCII letter", 'a', 1},
		{"space", ' ', 1},
		{"CJK ideograph", '中', 2},
		{"CJK extension A", '㐀', 2},
		{"CJK extension B", '𠀀', 2},
		{"full-width comma", '，', 2},
		{"ideographic full stop", '。', 2},
		{"full-width parenthesis", '（', 2},
		{"corner bracket", '「', 2},
		{"ideographic comma", '、', 2},
		{"full-width digit", '１', 2},
		{"ambiguous quotation mark", '“', 1},
		{"ambiguous middle dot", '·', 1},
		{"ambiguous arrow", '←', 1},
		{"ambiguous triangle", '◀', 1},
		{"zero-width joiner", 0x200D, 0},
		{"zero-width space", 0x200B, 0},
		{"right-to-left override", 0x202E, 0},
		{"left-to-right mark", 0x200E, 0},
		{"byte order mark", 0xFEFF, 0},
		{"soft hyphen", 0xAD, 0},
		{"combining acute accent", 0x0301, 0},
		{"combining enclosing circle", 0x20DD, 0},
		{"CJK combining tone mark", 0x302A, 0},
		{"variation selector 16", 0xFE0F, 0},
		{"skin tone", 0x1F3FB, 0},
		{"escape", 0x1B, 0},
		{"tab", '\t', 0},
		{"C1 control", 0x85, 0},
		{"delete", 0x7F, 0},
		{"regional indicator", 0x1F1E8, 1},
		{"emoji", '😀', 2},
	}
	for _, c := range cases {
		if got := RuneWidth(c.r); got != c.want {
			t.Errorf("%s U+%04X: RuneWidth = %d, want %d", c.name, c.r, got, c.want)
		}
	}
}

// The fast paths give what the general one would.
func TestRuneWidthFastPaths(t *testing.T) {
	for r := rune(0x20); r < 0x7f; r++ {
		if ansi.StringWidth(string(r)) != RuneWidth(r) {
			t.Fatalf("U+%04X: fast %d, ansi %d", r, RuneWidth(r), ansi.StringWidth(string(r)))
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if ansi.StringWidth(string(r)) != RuneWidth(r) {
			t.Fatalf("U+%04X: fast %d, ansi %d", r, RuneWidth(r), ansi.StringWidth(string(r)))
		}
	}
}

// What Text drops measures nothing: the width of cleaned text is the
// width of the text measured rune by rune.
func TestRuneWidthOfWhatTextDrops(t *testing.T) {
	for _, s := range []string{"张三\u202e四李\u202c", "身\u200b份\ufeff证", "a\rb\x07c\x08d\x7fe", "e\u0301，中文"} {
		sum := func(s string) int {
			n := 0
			for _, r := range s {
				n += RuneWidth(r)
			}
			return n
		}
		if sum(s) != sum(Text(s)) || sum(Text(s)) != ansi.StringWidth(Text(s)) {
			t.Errorf("%q: %d cells, cleaned %q %d cells, drawn %d", s, sum(s), Text(s), sum(Text(s)), ansi.StringWidth(Text(s)))
		}
	}
}

// TestDrawnRunesMeasureAlone: the inputs, the editor and the preview draw
// text one character at a time and add up RuneWidth; so every character
// drawn must measure, followed by a letter, a space or a 汉字, its own
// width plus the other's, or the line ends a cell short (a character
// joined to the padding after it). Regional indicators are drawn in pairs
// and measured so (drawText).
func TestDrawnRunesMeasureAlone(t *testing.T) {
	bad := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF || !Drawn(r) || r >= 0x1F1E6 && r <= 0x1F1FF {
			continue
		}
		for _, next := range []string{"a", " ", "中"} {
			if got, want := ansi.StringWidth(string(r)+next), RuneWidth(r)+ansi.StringWidth(next); got != want {
				t.Errorf("%U followed by %q measures %d cells, drawn alone %d", r, next, got, want)
				bad++
				break
			}
		}
		if bad > 20 {
			t.Fatal("too many")
		}
	}
}
