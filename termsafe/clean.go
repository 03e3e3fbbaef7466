// Package termsafe makes text safe to send to a terminal: the one cleaning
// every frame of the workstation and every line the command line prints
// from data or file names goes through. Text from the database, a bundle or
// a file name may hold escape sequences (a changed window title, a cleared
// screen, an OSC 52 clipboard write), control, bidi or zero-width
// characters; none of them reaches the terminal.
package termsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Frame is the last guard before a frame reaches the terminal: text
// from the database is cleaned when it is typed or imported, but an older
// version, a hand-edited file or another tool may have stored escape
// sequences, control or bidi characters, and a screen may draw a field as
// is. Frame keeps the program's own colours (SGR sequences) and line
// breaks and drops every other escape sequence, control character and
// zero-width format character (bidi overrides, zero-width spaces). What it
// drops measures zero cells with ansi.StringWidth, so every line keeps the
// width the screens laid it out with and the cursor stays in place.
func Frame(s string) string { return clean(s, true) }

// Text is Frame for plain output (the command line): it keeps line breaks
// and drops every escape sequence, colours included.
func Text(s string) string { return clean(s, false) }

func clean(s string, keepSGR bool) string {
	if isClean(s, keepSGR) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var state byte
	for len(s) > 0 {
		seq, width, n, next := ansi.DecodeSequence(s, state, nil)
		state = next
		if n <= 0 {
			n = 1
			seq = s[:1]
		}
		switch {
		case seq == "\n":
			b.WriteByte('\n')
		case seq[0] == 0x1b:
			if keepSGR && isSGR(seq) {
				b.WriteString(seq)
			}
		case width > 0:
			b.WriteString(seq)
		case !zeroWidthJunk(seq):
			b.WriteString(seq) // a combining mark or similar
		}
		s = s[n:]
	}
	return b.String()
}

// isSGR reports whether seq is a Select Graphic Rendition sequence
// (ESC [ digits ; : m), the only kind the styles write.
func isSGR(seq string) bool {
	if len(seq) < 3 || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return false
	}
	for i := 2; i < len(seq)-1; i++ {
		if c := seq[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// zeroWidthJunk reports whether a zero-width grapheme is a control or
// format character (or invalid UTF-8) that must not reach the terminal.
func zeroWidthJunk(g string) bool {
	for _, r := range g {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return true
		}
	}
	return false
}

// isClean is the fast path: no escape (other than SGR when kept), no
// control byte other than a line break, and no control, format or invalid
// rune.
func isClean(s string, keepSGR bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			if !keepSGR {
				return false
			}
			j := i + 2
			if j > len(s) || s[i+1] != '[' {
				return false
			}
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				return false
			}
			i = j + 1
		case c == '\n':
			i++
		case c < 0x20 || c == 0x7f:
			return false
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || unicode.IsControl(r) || (unicode.Is(unicode.Cf, r) && r != 0x200d) {
				return false
			}
			i += size
		}
	}
	return true
}
