package tui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"

	"nianbao/demo"
	"nianbao/tui/common"
	"nianbao/tui/keys"
	"nianbao/tui/narrative"
	"nianbao/tui/text"
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
// reached by keys from the outline of the demo's 2021 report. A step
// "=text" types text; {csv} and {dir} stand for a ledger file and an
// empty folder made for the test.
var walks = []struct {
	name string
	keys []string
	// see is on the screen once the walk is there (for the deep ones).
	see string
}{
	{"outline", nil, ""},
	{"outline at the end", []string{"end"}, ""},
	{"keys overlay", []string{"?"}, "全部按键一览"},
	{"start", []string{"esc"}, ""},
	{"start on the years", []string{"esc", "tab"}, ""},
	{"new organ", []string{"esc", "n"}, ""},
	{"edit organ", []string{"esc", "e"}, ""},
	{"new year", []string{"esc", "y"}, ""},
	{"calendar", []string{"esc", "c"}, ""},
	{"calendar adding a day", []string{"esc", "c", "a"}, ""},
	{"bundle import", []string{"esc", "i"}, ""},
	{"aggregate", []string{"esc", "h"}, ""},
	{"profile", []string{"0"}, ""},
	{"profile on a choice", []string{"0", "tab"}, ""},
	{"preamble", []string{"0", "ctrl+e"}, ""},
	{"section 一", []string{"1"}, ""},
	{"section 一 editing", []string{"1", "down", "enter"}, ""},
	{"table 二", []string{"2"}, ""},
	{"table 二 typing", []string{"2", "5"}, ""},
	{"table 三", []string{"3"}, ""},
	{"table 四", []string{"4"}, ""},
	{"section 五", []string{"5"}, ""},
	{"section 六", []string{"6"}, ""},
	{"items", []string{"i"}, ""},
	{"item form", []string{"i", "n"}, ""},
	{"item counts", []string{"i", "v"}, ""},
	{"item import", []string{"i", "i"}, ""},
	{"requests", []string{"r"}, ""},
	{"request form", []string{"r", "enter"}, ""},
	{"letter", []string{"r", "w"}, ""},
	{"ledger export", []string{"r", "l"}, ""},
	{"ledger import", []string{"r", "i"}, ""},
	{"ledger import columns", []string{"r", "i", "={csv}", "enter"}, "请核对每一项对应的列"},
	{"ledger import words", []string{"r", "i", "={csv}", "enter", "enter"}, "核对文字的对应"},
	{"ledger import preview", []string{"r", "i", "={csv}", "enter", "enter", "enter"}, "将导入 2 件申请"},
	{"ledger import result", []string{"r", "i", "={csv}", "enter", "enter", "enter", "enter"}, "已导入 2 件申请"},
	{"item import columns", []string{"i", "i", "={items}", "enter"}, "第 2 步"},
	{"item import preview", []string{"i", "i", "={items}", "enter", "enter"}, "将导入 1 条"},
	{"item search", []string{"i", "/"}, ""},
	{"request search", []string{"r", "/"}, ""},
	{"requests table", []string{"r", "t"}, ""},
	{"letter template", []string{"r", "w", "ctrl+t"}, "占位符"},
	{"cases", []string{"c"}, ""},
	{"case form", []string{"c", "enter"}, ""},
	{"measures", []string{"m"}, ""},
	{"measure form", []string{"m", "enter"}, ""},
	{"fees", []string{"f"}, ""},
	{"overview", []string{"o"}, ""},
	{"check", []string{"k"}, ""},
	{"preview", []string{"p"}, ""},
	{"export", []string{"e"}, ""},
	{"export on the folder", []string{"e", "up", "up"}, ""},
	{"bundle export", []string{"e", "ctrl+b"}, ""},
	{"delete question", []string{"c", "d"}, "确定删除"},
}

// walkFiles makes the files the walks type: a small ledger in CSV.
func walkFiles(t *testing.T) map[string]string {
	dir := t.TempDir()
	csv := filepath.Join(dir, "台账.csv")
	body := "序号,受理日期,申请人,申请人类别,申请内容,答复时间,处理结果\n" +
		"1,2021.3.5,赵甲,个人,申请公开某村道路硬化工程预算,2021.3.20,已公开\n" +
		"2,2021.4.1,某商贸有限公司,企业,申请公开某项目招标文件,2021.4.20,予以公开\n"
	if err := os.WriteFile(csv, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	items := filepath.Join(dir, "公开目录.csv")
	body = "标题,发布日期,类别\n关于印发工作要点的通知,2021-03-01,政策文件\n,2021-03-02,政策文件\n"
	if err := os.WriteFile(items, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"{csv}": csv, "{items}": items, "{dir}": t.TempDir()}
}

// walk presses the steps of a walk.
func (h *harness) walk(files map[string]string, steps []string) {
	h.t.Helper()
	for _, k := range steps {
		if strings.HasPrefix(k, "=") {
			s := k[1:]
			for ph, v := range files {
				s = strings.ReplaceAll(s, ph, v)
			}
			h.typeText(s)
			continue
		}
		h.key(k)
	}
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
	files := walkFiles(t)
	for _, w := range walks {
		h := demoHarness(t, src)
		h.walk(files, w.keys)
		if w.see != "" {
			h.mustSee(w.see)
		}
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
		if n := len(h.app.dialogs); n > 0 {
			km = h.app.dialogs[n-1].KeyMap()
		}
		add(km.ShortHelp()...)
		for _, g := range km.FullHelp() {
			add(g...)
		}
		if len(binds) == 0 {
			t.Errorf("%s: no bindings listed", w.name)
		}
		checkHelpBar(t, w.name, h, km.ShortHelp())
		for _, b := range binds {
			// A binding acts when one of its keys does (↑ at the top of a
			// list does nothing, ↓ moves).
			acted := false
			var before string
			for _, k := range b.Keys() {
				h := demoHarness(t, src)
				h.walk(files, w.keys)
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

// checkHelpBar checks the help bar at 80 columns: every hint on it is a
// whole "key desc" of a binding listed (none cut), and it ends with the
// all-keys hint (in the key overlay, with the key that closes it).
func checkHelpBar(t *testing.T, name string, h *harness, short []key.Binding) {
	t.Helper()
	h.app.View()
	lines := strings.Split(strings.TrimRight(h.app.LastFrame(), "\n "), "\n")
	bar := strings.TrimSpace(lines[len(lines)-1])
	whole := map[string]bool{}
	for _, b := range append(short, keys.Global.Help, keys.Global.AllKeys) {
		whole[b.Help().Key+" "+b.Help().Desc] = true
	}
	hints := strings.Split(bar, " · ")
	for _, hint := range hints {
		if !whole[hint] {
			t.Errorf("%s: the help bar holds %q, not a whole hint of a listed key:\n%s", name, hint, bar)
		}
	}
	last := hints[len(hints)-1]
	if !strings.HasSuffix(last, text.KeyHelpAll) && !(len(h.app.dialogs) > 0 && strings.HasPrefix(last, "esc ")) {
		t.Errorf("%s: the help bar does not end with the all-keys hint: %q", name, bar)
	}
}
