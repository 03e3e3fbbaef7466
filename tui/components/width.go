package components

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// cellWidth is ansi.StringWidth with a fast path. A frame of 200×60 is
// measured line by line at several levels (screen, outline, app), and
// grapheme segmentation of every character made measuring most of a
// keystroke's cost. Text made only of printable ASCII, SGR escape
// sequences and characters that stand alone (the CJK ideographs, kana,
// Hangul syllables, full-width forms, CJK and general punctuation, arrows,
// box drawing, geometric shapes and enclosed numbers the screens use) is
// summed per character from fixed widths; anything else — combining marks,
// joiners, variation selectors, emoji, other escape sequences — goes to
// ansi.StringWidth. TestFastWidthMatchesAnsi checks every character of the
// fast ranges against ansi.StringWidth.
func cellWidth(s string) int {
	if w, ok := fastWidth(s); ok {
		return w
	}
	return ansi.StringWidth(s)
}

func fastWidth(s string) (int, bool) {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			w++
			i++
			continue
		case c == 0x1b:
			// Only SGR (ESC [ params m) is skipped here.
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return 0, false
			}
			j++
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				return 0, false
			}
			i = j + 1
			continue
		case c < 0x80:
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		rw := fastRuneWidth(r)
		if rw < 0 {
			return 0, false
		}
		w += rw
		i += size
	}
	return w, true
}

// fastRanges are runs of characters that never join a neighbour into one
// grapheme and whose width is fixed.
var fastRanges = []struct {
	lo, hi rune
	w      int
}{
	{0x00A1, 0x00AC, 1}, {0x00AE, 0x00FF, 1}, // Latin-1 (not the soft hyphen)
	{0x2010, 0x2027, 1}, {0x2030, 0x205E, 1}, // – — ‘ ’ “ ” … ‰ ※
	{0x2190, 0x21FF, 1},                      // ← → arrows
	{0x2460, 0x24FF, 1},                      // ① enclosed numbers
	{0x2500, 0x25FC, 1}, {0x25FF, 0x25FF, 1}, // ─ │ box drawing, █ blocks, ▸ ○ ◉ shapes (◽◾ are emoji)
	{0x2713, 0x2713, 1}, {0x2717, 0x2717, 1}, // ✓ ✗ (the marks of findings)
	{0x3000, 0x3029, 2}, {0x3030, 0x303E, 2}, // 、。「」〔〕 CJK punctuation
	{0x3041, 0x3096, 2}, {0x30A0, 0x30FF, 2}, // kana
	{0x3400, 0x4DBF, 2}, {0x4E00, 0x9FFF, 2}, // CJK ideographs
	{0xAC00, 0xD7A3, 2},                      // Hangul syllables
	{0xF900, 0xFAFF, 2},                      // CJK compatibility ideographs
	{0xFF01, 0xFF60, 2}, {0xFFE0, 0xFFE6, 2}, // full-width forms
}

// fastRuneWidth is r's width when r is in fastRanges, or -1.
func fastRuneWidth(r rune) int {
	if r < fastRanges[0].lo || r > fastRanges[len(fastRanges)-1].hi {
		return -1
	}
	lo, hi := 0, len(fastRanges)-1
	for lo <= hi {
		m := (lo + hi) / 2
		switch {
		case r < fastRanges[m].lo:
			hi = m - 1
		case r > fastRanges[m].hi:
			lo = m + 1
		default:
			return fastRanges[m].w
		}
	}
	return -1
}
