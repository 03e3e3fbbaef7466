package tui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"

	"nianbao/demo"
	"nianbao/tui/common"
	"nianbao/tui/narrative"
)

// demoDB writes the demo organ's years into a database file once per test
// and returns its path; each walk below starts from a copy.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	st := openStore(t, path)
	for _, oy := range demo.Build() {
		if err := st.SaveOrganYear(context.Background(), oy, false); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	return path
}

// demoHarness opens a copy of the demo database at its 2021 report on an
// 80×24 terminal.
func demoHarness(t *testing.T, src string) *harness {
	t.Helper()
	narrative.AutosaveDelay = time.Millisecond
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	copyFile(t, src, path)
	st := openStore(t, path)
	h := appHarness(t, st, dir, 80, 24)
	orgs, err := st.Organs(context.Background())
	if err != nil || len(orgs) == 0 {
		t.Fatalf("organs %v %v", orgs, err)
	}
	h.send(common.OpenMsg{Organ: orgs[0], Year: 2021})
	return h
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// keyName is the name testenv.Key understands for a key of a binding.
func keyName(k string) string {
	if k == " " {
		return "space"
	}
	return k
}

// state is what a clerk can observe: the frame, whether a dialog is open,
// whether the program ended.
func (h *harness) state() string {
	v := h.app.View()
	s := h.app.LastFrame()
	if v.Cursor != nil {
		s += fmt.Sprintf("\n[cursor %d,%d]", v.Cursor.X, v.Cursor.Y)
	}
	if n := len(h.app.dialogs); n > 0 {
		s += "\n[dialog]"
	}
	if h.app.quitting {
		s += "\n[quit]"
	}
	return s
}

// walks are the screens and nested states the binding test visits, each
// reached by keys from the outline of the demo's 2021 report.
var walks = []struct {
	name string
	keys []string
}{
	{"outline", nil},
	{"start", []string{"esc"}},
	{"profile", []string{"0"}},
	{"section 一", []string{"1"}},
	{"section 一 editing", []string{"1", "down", "enter"}},
	{"table 二", []string{"2"}},
	{"table 二 typing", []string{"2", "5"}},
	{"table 三", []string{"3"}},
	{"table 四", []string{"4"}},
	{"section 五", []string{"5"}},
	{"section 六", []string{"6"}},
	{"items", []string{"i"}},
	{"item form", []string{"i", "n"}},
	{"requests", []string{"r"}},
	{"request form", []string{"r", "enter"}},
	{"cases", []string{"c"}},
	{"case form", []string{"c", "enter"}},
	{"measures", []string{"m"}},
	{"measure form", []string{"m", "enter"}},
	{"fees", []string{"f"}},
	{"check", []string{"k"}},
	{"export", []string{"e"}},
	{"bundle export", []string{"e", "ctrl+b"}},
}

// TestEveryListedBindingDoesSomething walks every screen and presses each
// binding its help bar and key overlay list, from the same state each
// time: something the clerk can see must change (the frame, a dialog, the
// program ending). A binding that cannot act there must not be listed.
func TestEveryListedBindingDoesSomething(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every screen")
	}
	src := demoDB(t)
	for _, w := range walks {
		h := demoHarness(t, src)
		h.key(w.keys...)
		var binds []key.Binding
		seen := map[string]bool{}
		add := func(bs ...key.Binding) {
			for _, b := range bs {
				if b.Enabled() && b.Help().Key != "" && len(b.Keys()) > 0 && !seen[b.Help().Key] {
					seen[b.Help().Key] = true
					binds = append(binds, b)
				}
			}
		}
		km := h.app.Top().KeyMap()
		add(km.ShortHelp()...)
		for _, g := range km.FullHelp() {
			add(g...)
		}
		if len(binds) == 0 {
			t.Errorf("%s: no bindings listed", w.name)
		}
		for _, b := range binds {
			// A binding acts when one of its keys does (↑ at the top of a
			// list does nothing, ↓ moves).
			acted := false
			var before string
			for _, k := range b.Keys() {
				h := demoHarness(t, src)
				h.key(w.keys...)
				before = h.state()
				h.key(keyName(k))
				if h.state() != before {
					acted = true
					break
				}
			}
			if !acted {
				t.Errorf("%s: %q (%s) listed but nothing changed:\n%s", w.name, b.Help().Key, b.Help().Desc, before)
			}
		}
	}
}
