package termsafe

import (
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Drawn reports whether r reaches the terminal as a character of its own.
// Control characters (ESC starts an escape sequence, CR moves the cursor),
// invisible format characters (bidi overrides such as U+202E, zero-width
// spaces and joiners), variation selectors and skin-tone modifiers (which
// would merge with the character before into a picture of another width)
// and the prepended letters of a few Indic scripts (which merge with the
// character after, a space or a border included: found by FuzzDrawText)
// are never drawn, whatever text a database, a bundle or a file holds.
func Drawn(r rune) bool {
	switch {
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		return false
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return false
	case r >= 0x1F3FB && r <= 0x1F3FF: // skin tones
		return false
	case prepended(r):
		return false
	}
	return true
}

// prepended reports whether r is one of the letters Unicode's grapheme
// rules join to the character after (Grapheme_Cluster_Break=Prepend, the
// ones not already format characters): Malayalam dot reph, Sharada,
// Tulu-Tigalari, Dives Akuru, Soyombo, Masaram Gondi and Kawi signs.
// TestDrawnRunesMeasureAlone checks every rune against ansi.StringWidth.
func prepended(r rune) bool {
	switch {
	case r == 0x0D4E, r == 0x111C2, r == 0x111C3, r == 0x113D1, r == 0x1193F, r == 0x11941,
		r >= 0x11A84 && r <= 0x11A89, r == 0x11D46, r == 0x11F02:
		return true
	}
	return false
}

// RuneWidth is the number of terminal cells r takes as the workstation
// draws it, one character at a time: none for a character that is not
// drawn (Drawn) or that combines with the one before (U+0301), two for
// wide and full-width characters (汉字, ，。（）), one for the rest, East
// Asian ambiguous characters (“ ” · ←) included. A regional indicator
// takes one, so a pair (a flag, drawn as one two-cell picture) takes two.
// The screens' inputs and wrapping and the preview export lay text out
// with it, so a line measured by one is as wide in the other.
func RuneWidth(r rune) int {
	switch {
	case r >= 0x20 && r < 0x7f:
		return 1
	case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs
		return 2
	case !Drawn(r):
		return 0
	case r >= 0x1F1E6 && r <= 0x1F1FF: // regional indicators
		return 1
	}
	return ansi.StringWidth(string(r))
}
