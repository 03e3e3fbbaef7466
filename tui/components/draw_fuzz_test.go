package components

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// FuzzDrawText: whatever text a field holds, the input and the editor draw
// exactly the cells they are given, with no escape sequence, control or
// invisible character from the text, and the cursor inside the box.
func FuzzDrawText(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s, uint8(30))
	}
	f.Fuzz(func(t *testing.T, s string, w uint8) {
		// At least a wide character and the cursor cell after it.
		width := 3 + int(w)%80
		in := NewInput()
		in.Focus()
		in.SetValue(s)
		for _, v := range []string{in.View(width), func() string { in.SetPosition(0); return in.View(width) }()} {
			if got := ansi.StringWidth(v); got != width {
				t.Fatalf("input view of %q is %d cells, want %d", s, got, width)
			}
			for _, r := range v {
				if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
					t.Fatalf("input view of %q holds %U", s, r)
				}
			}
			if x := in.CursorX(); x < 0 || x >= width {
				t.Fatalf("input cursor at %d outside %d cells for %q", x, width, s)
			}
		}
		e := NewEditor()
		e.SetValue(s)
		v := e.View(width, 3)
		for i, line := range strings.Split(v, "\n") {
			if got := ansi.StringWidth(line); got != width {
				t.Fatalf("editor line %d of %q is %d cells, want %d", i, s, got, width)
			}
			for _, r := range line {
				if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
					t.Fatalf("editor view of %q holds %U", s, r)
				}
			}
		}
		if x, y := e.CursorXY(); x < 0 || x >= width || y < 0 || y >= 3 {
			t.Fatalf("editor cursor %d,%d outside %d×3 for %q", x, y, width, s)
		}
	})
}
