package dialog_test

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/tui/common"
	. "nianbao/tui/dialog"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/keys"
	"nianbao/tui/styles"
	"nianbao/tui/text"
)

type yes struct{}

func answer(t *testing.T, d common.Screen, k string) (tea.Msg, bool) {
	t.Helper()
	_, cmd := d.Update(testenv.Key(k))
	if cmd == nil {
		return nil, false
	}
	m, ok := cmd().(common.CloseDialogMsg)
	if !ok {
		t.Fatalf("%s: not a close", k)
	}
	return m.Reply, true
}

// TestAskAnswersByItsKeys: y gives the yes reply, n and Esc the no reply
// (nil here), any other key leaves the question open.
func TestAskAnswersByItsKeys(t *testing.T) {
	c := &common.Common{Styles: styles.Default()}
	open := YesNo(c, "确定删除「行政复议」吗？", text.KeyDelete, yes{}, text.KeyCancel, nil)().(common.DialogMsg)
	d := open.Dialog
	if r, ok := answer(t, d, "y"); !ok || r != (yes{}) {
		t.Fatalf("y replied %v %v", r, ok)
	}
	for _, k := range []string{"n", "esc"} {
		if r, ok := answer(t, d, k); !ok || r != nil {
			t.Fatalf("%s replied %v %v", k, r, ok)
		}
	}
	for _, k := range []string{"x", "enter", "q"} {
		if _, ok := answer(t, d, k); ok {
			t.Fatalf("%s answered the question", k)
		}
	}
}

// TestLongQuestionWrapsInItsBox: a delete question naming a long title is
// wrapped inside its box, whole, with the keys that answer it on their own
// line, and the frame stays exactly the body's size at 80×21 and 40×10.
func TestLongQuestionWrapsInItsBox(t *testing.T) {
	c := &common.Common{Styles: styles.Default()}
	name := "关于印发《大雁镇2021年政务公开工作要点》和《大雁镇2021年政府信息公开工作实施方案》的通知"
	d := Delete(c, name, yes{})().(common.DialogMsg).Dialog
	base := strings.TrimSuffix(strings.Repeat(strings.Repeat("底", 40)+"\n", 21), "\n")
	for _, size := range [][2]int{{80, 21}, {40, 10}} {
		frame, cur := Draw(c.Styles, base, size[0], size[1], d)
		lines := testenv.CheckSize(t, frame, size[0], size[1])
		text := ansi.Strip(frame)
		flat := strings.NewReplacer("│", "", " ", "", "\n", "", "底", "").Replace(text)
		if !strings.Contains(flat, strings.ReplaceAll(name, " ", "")) {
			t.Fatalf("%v: name not whole:\n%s", size, text)
		}
		if !strings.Contains(text, "y 删除 · n/esc 取消") {
			t.Fatalf("%v: keys missing:\n%s", size, text)
		}
		if cur != nil {
			t.Fatal("a question has no cursor")
		}
		// The screen below shows around the box.
		if !strings.Contains(ansi.Strip(lines[0]), "底") {
			t.Fatalf("%v: base hidden:\n%s", size, text)
		}
	}
}

// TestKeysOverlayScrollsWithinItsBox: a list longer than the box scrolls
// by line and by page, clamped at both ends; the bindings' help texts are
// shown whole even where a key name is long.
func TestKeysOverlayScrollsWithinItsBox(t *testing.T) {
	c := &common.Common{Styles: styles.Default()}
	var bs []key.Binding
	for i := range 30 {
		bs = append(bs, keys.Bind(strings.Repeat("说明", 1+i%3), string(rune('a'+i%26))))
	}
	bs = append(bs, key.NewBinding(key.WithKeys("0"), key.WithHelp("0-6 i r c m f k e", "跳转")))
	var d common.Screen = NewKeys(c, Section{Title: "目录", Keys: [][]key.Binding{bs}})
	d, _ = d.Update(SizeMsg{Width: 72, Height: 17})
	k := d.(*Keys)
	if !strings.Contains(ansi.Strip(d.View(72, 17)), ScrollNote()) {
		t.Fatal("a long list must say it scrolls")
	}
	for range 100 {
		d, _ = d.Update(testenv.Key("down"))
	}
	total := k.LineCount()
	if k.Scroll() != total-16 {
		t.Fatalf("scroll %d, want %d", k.Scroll(), total-16)
	}
	v := ansi.Strip(d.View(72, 17))
	if !strings.Contains(v, "0-6 i r c m f k e") || !strings.Contains(v, "跳转") {
		t.Fatalf("last binding not whole at the end:\n%s", v)
	}
	d, _ = d.Update(testenv.Key("pgup"))
	if k.Scroll() != total-32 && k.Scroll() != 0 {
		t.Fatalf("pgup scroll %d", k.Scroll())
	}
	for range 10 {
		d, _ = d.Update(testenv.Key("up"))
	}
	if k.Scroll() != 0 {
		t.Fatalf("scroll %d after going up", k.Scroll())
	}
	for _, key := range []string{"esc", "?", "q", "f1", "ctrl+o"} {
		if _, cmd := d.Update(testenv.Key(key)); cmd == nil {
			t.Fatalf("%s does not close the overlay", key)
		}
	}
}
