package components

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"nianbao/model"
)

// hostileTexts is text a database or an imported bundle may hold although
// the entry screens clean what is typed: escape sequences (a title change,
// a screen clear, a hyperlink, a C1 CSI), control characters, bidi
// overrides, zero-width marks, CRLF, CJK Extension B and emoji.
var hostileTexts = map[string]string{
	"osc title":  "大雁镇\x1b]0;被改的标题\x07人民政府",
	"clear":      "前\x1b[2J\x1b[H后",
	"hyperlink":  "\x1b]8;;http://example.invalid\x1b\\链接\x1b]8;;\x1b\\",
	"c1 csi":     "红\u009b31m字",
	"controls":   "a\x00b\x07c\x08d\x7fe",
	"bidi":       "张三\u202e四李\u202c",
	"zero width": "身\u200b份\ufeff证",
	"crlf":       "第一行\r\n第二行\r第三行",
	"ext b":      "𠀀𪚥𡃁",
	"emoji":      "好👍🇨🇳👍🏻",
}

// sgr matches the only escape sequences a view may contain: colours and
// attributes the program's own styles write.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// assertSafe fails when view holds anything but the program's own SGR
// styles, printable text, spaces and line breaks, or when a line is not
// exactly width cells.
func assertSafe(t *testing.T, name, view string, width int) {
	t.Helper()
	plain := sgr.ReplaceAllString(view, "")
	for _, r := range plain {
		if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
			t.Errorf("%s: view holds %U from the data: %q", name, r, view)
			return
		}
	}
	for i, line := range strings.Split(view, "\n") {
		if w := ansi.StringWidth(line); w != width {
			t.Errorf("%s: line %d is %d cells, want %d: %q", name, i, w, width, line)
		}
	}
}

func TestInputDrawsHostileTextSafely(t *testing.T) {
	for name, s := range hostileTexts {
		in := NewInput()
		in.Focus()
		in.SetValue(s)
		v := in.View(30)
		assertSafe(t, name, v, 30)
		if x := in.CursorX(); x < 0 || x > 29 {
			t.Errorf("%s: cursor at %d outside the 30-cell input", name, x)
		}
		// The cursor sits right after the drawn text, measured the same way.
		if got, want := in.CursorX(), ansi.StringWidth(strings.TrimRight(sgr.ReplaceAllString(v, ""), " ")); got != want {
			t.Errorf("%s: cursor at %d, drawn text ends at %d: %q", name, got, want, v)
		}
	}
	// Wide characters outside the BMP count two cells each.
	in := NewInput()
	in.SetValue("𠀀𪚥👍")
	in.View(20)
	if x := in.CursorX(); x != 6 {
		t.Fatalf("cursor after 𠀀𪚥👍 at %d, want 6", x)
	}
}

func TestEditorDrawsHostileTextSafely(t *testing.T) {
	for name, s := range hostileTexts {
		e := NewEditor()
		e.SetValue(s)
		v := e.View(24, 4)
		assertSafe(t, name, v, 24)
		if x, y := e.CursorXY(); x < 0 || x > 23 || y < 0 || y > 3 {
			t.Errorf("%s: cursor at %d,%d outside the 24×4 editor", name, x, y)
		}
	}
}

func TestPasteIntoInputDropsEscapes(t *testing.T) {
	in := NewInput()
	in.Clean = model.CleanLine // as every entry screen sets it
	in.Focus()
	in.Update(tea.PasteMsg{Content: "申请人\x1b[31m张三\x1b[0m\r\n电话"})
	assertSafe(t, "paste", in.View(30), 30)
	if strings.ContainsAny(in.Value(), "\x1b\r\n") {
		t.Fatalf("pasted value keeps escape or line breaks: %q", in.Value())
	}
}

// TestOneMegabyteLine: a 1 MB pasted line is drawn in well under a second
// (the input used to rescan the whole value once per scrolled character).
func TestOneMegabyteLine(t *testing.T) {
	line := strings.Repeat("政府信息公开𠀀👍", 1<<20/len("政府信息公开𠀀👍")+1)
	in := NewInput()
	in.Focus()
	in.SetValue(line)
	assertSafe(t, "1 MB input", in.View(60), 60)
	in.Update(tea.KeyPressMsg{Code: tea.KeyHome})
	assertSafe(t, "1 MB input at home", in.View(60), 60)
	in.Update(tea.KeyPressMsg{Code: tea.KeyEnd})
	assertSafe(t, "1 MB input at end", in.View(60), 60)
	e := NewEditor()
	e.SetValue(line)
	assertSafe(t, "1 MB editor", e.View(60, 10), 60)
}
