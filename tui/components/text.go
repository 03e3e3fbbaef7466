package components

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"nianbao/termsafe"
)

// Fit pads or cuts s (which may hold styles) to exactly width cells.
func Fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := cellWidth(s)
	if w > width {
		s = ansi.Truncate(s, width, "…")
		w = cellWidth(s)
	}
	return s + strings.Repeat(" ", max(0, width-w))
}

// FitRight right-aligns s in width cells.
func FitRight(s string, width int) string {
	w := cellWidth(s)
	if w > width {
		return ansi.Truncate(s, width, "…")
	}
	return strings.Repeat(" ", width-w) + s
}

// Block fits every line of s to width and pads or cuts to height lines, so
// a screen's View is exactly width×height.
func Block(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i := range lines {
		lines[i] = Fit(lines[i], width)
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", width))
	}
	return strings.Join(lines, "\n")
}

// Wrap breaks plain text into lines of at most width cells.
func Wrap(s string, width int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line, w := []rune{}, 0
		for _, r := range para {
			rw := termsafe.RuneWidth(r)
			if w+rw > width && len(line) > 0 {
				if NoLineStart(r) && len(line) > 1 {
					// Carry the last character down with the closing mark.
					last := line[len(line)-1]
					out = append(out, string(line[:len(line)-1]))
					line, w = []rune{last}, termsafe.RuneWidth(last)
				} else {
					out = append(out, string(line))
					line, w = line[:0:0], 0
				}
			}
			line = append(line, r)
			w += rw
		}
		out = append(out, string(line))
	}
	return out
}

// StringWidth is the display width of s (CJK = 2 cells, styles ignored).
func StringWidth(s string) int { return cellWidth(s) }

// NoLineStart reports whether r is a closing mark that Chinese typesetting
// keeps off the start of a line (，。、；：？！ and closing brackets/quotes).
func NoLineStart(r rune) bool {
	return strings.ContainsRune("，。、；：？！）》」』”’〕】…,.;:?!)", r)
}

// ChoiceArrows draws a value picked with ← and → between the arrows of a
// choice: ◀ 值 ▶ (a compact form choice, a column or meaning in an import).
func ChoiceArrows(value string) string { return "◀ " + value + " ▶" }
