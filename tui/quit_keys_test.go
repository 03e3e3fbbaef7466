package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// TestCtrlCQuitsFromTheKeyOverlay: on the outline, ? then Ctrl+C quits at
// once (nothing is unsaved); the overlay no longer swallows it.
func TestCtrlCQuitsFromTheKeyOverlay(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	h.key("?")
	h.mustSee(text.HelpTitle)
	h.key("ctrl+c")
	if !h.app.quitting {
		t.Fatalf("ctrl+c with the key overlay open did not quit:\n%s", h.screen())
	}
}

// TestQQuitsAfterTheKeyOverlayCloses: ? esc q on the outline quits.
func TestQQuitsAfterTheKeyOverlayCloses(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	h.key("?", "esc")
	if strings.Contains(h.screen(), text.HelpTitle) {
		t.Fatal("esc did not close the overlay")
	}
	h.key("q")
	if !h.app.quitting {
		t.Fatalf("q after closing the overlay did not quit:\n%s", h.screen())
	}
}

// TestCtrlCAsksOnceWhenUnsaved: with a cell half typed, F1 opens the
// overlay from inside the input, Ctrl+C asks, and a second Ctrl+C quits.
func TestCtrlCAsksOnceWhenUnsaved(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	h.key("2")
	h.typeText("7")
	h.key("f1")
	h.mustSee(text.HelpTitle)
	h.key("ctrl+c")
	h.mustSee(text.QuitAsk, "y 退出", "n/esc 留下")
	if h.app.quitting {
		t.Fatal("quit without asking")
	}
	h.key("ctrl+c")
	if !h.app.quitting {
		t.Fatalf("a second ctrl+c at the question must quit:\n%s", h.screen())
	}
}

// TestAllKeysInsideATextField: in a text field ? is typed, while F1 and
// Ctrl+O open the overlay, and the help bar names F1 there.
func TestAllKeysInsideATextField(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	h.key("0", "tab", "tab", "tab") // 基本信息: into a text field
	if !h.app.typing() {
		t.Fatalf("not in a text field:\n%s", h.screen())
	}
	lines := strings.Split(h.screen(), "\n")
	if bar := strings.TrimSpace(lines[len(lines)-1]); !strings.HasSuffix(bar, keys.Global.AllKeys.Help().Key+" "+text.KeyHelpAll) {
		t.Fatalf("help bar in a text field does not end with the F1 key: %q", bar)
	}
	h.key("?")
	if strings.Contains(h.screen(), text.HelpTitle) {
		t.Fatal("? in a text field opened the overlay")
	}
	for _, k := range []string{"f1", "ctrl+o"} {
		h.key(k)
		h.mustSee(text.HelpTitle)
		h.key("esc")
		if strings.Contains(h.screen(), text.HelpTitle) {
			t.Fatalf("esc did not close the overlay opened by %s", k)
		}
	}
}

// TestHelpBarFitsOnEveryEntry: at 80×24 the help bar of every outline
// entry (list and section focused) holds whole hints only and ends with
// the all-keys key; the key overlay of each fits the screen.
func TestHelpBarFitsOnEveryEntry(t *testing.T) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	for _, k := range []string{"0", "1", "2", "3", "4", "5", "6", "i", "r", "c", "m", "f", "k", "e"} {
		h.key(k)
		for _, stage := range []string{"section", "list"} {
			lines := strings.Split(h.screen(), "\n")
			bar := lines[len(lines)-1]
			if ansi.StringWidth(bar) != 80 || strings.Contains(bar, "…") {
				t.Fatalf("%s (%s): help bar cut: %q", k, stage, bar)
			}
			bar = strings.TrimSpace(bar)
			if !strings.HasSuffix(bar, text.KeyHelpAll) {
				t.Fatalf("%s (%s): help bar does not end with the all-keys key: %q", k, stage, bar)
			}
			h.key("f1")
			if _, ok := h.app.dialogs[len(h.app.dialogs)-1].(*dialog.Keys); !ok {
				t.Fatalf("%s (%s): f1 did not open the overlay", k, stage)
			}
			v := h.app.View()
			if n := len(strings.Split(v.Content, "\n")); n != 24 {
				t.Fatalf("%s: overlay frame has %d lines", k, n)
			}
			for i, l := range strings.Split(v.Content, "\n") {
				if ansi.StringWidth(l) != 80 {
					t.Fatalf("%s: overlay line %d is %d wide", k, i, ansi.StringWidth(l))
				}
			}
			h.key("esc")
			if stage == "section" {
				h.key("esc") // back to the list
			}
		}
	}
}
