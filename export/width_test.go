package export

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/termsafe"
)

// The preview measures text as the workstation draws it: the width of a
// line with zero-width, bidi and combining characters is the width of the
// frame the terminal gets. The text file measures it the same way but for
// East Asian ambiguous characters, two columns in a Chinese font.
func TestPreviewAndTextMeasureLikeTheTerminal(t *testing.T) {
	for _, s := range []string{
		"张三\u202e四李\u202c", "身\u200b份\ufeff证", "家\u200d庭", "cafe\u0301 中文，标点。", "“引号”·①←", "ＡＢ１２（）",
	} {
		if got, want := termTextWidth(s), ansi.StringWidth(termsafe.Frame(s)); got != want {
			t.Errorf("%q: the preview measures %d cells, the terminal draws %d", s, got, want)
		}
	}
	cases := []struct {
		r    rune
		want int
	}{
		{'中', 2}, {'，', 2}, {'“', 2}, {'·', 2}, {'①', 2}, {'a', 1},
		{0x200D, 0}, {0x200B, 0}, {0x202E, 0}, {0x0301, 0}, {0xFEFF, 0},
	}
	for _, c := range cases {
		if got := runeWidth(c.r); got != c.want {
			t.Errorf("text file width of U+%04X = %d, want %d", c.r, got, c.want)
		}
	}
}
