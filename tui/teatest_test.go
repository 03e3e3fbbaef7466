package tui

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/narrative"
)

// TestTeatestFlow runs the real program loop on a virtual 80×24 screen:
// an empty database, a new organ, its 2021 report, a narrative paragraph, a
// section 二 cell typed with full-width digits, refused input, and the value
// found in the database after reopening it.
func TestTeatestFlow(t *testing.T) {
	narrative.AutosaveDelay = 50 * time.Millisecond
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	st := openStore(t, path)
	app := New(context.Background(), st, Options{Today: model.NewDate(2022, 1, 10), NoAltScreen: true})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))

	waitFor := func(want ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func([]byte) bool {
			f := app.LastFrame()
			for _, w := range want {
				if !strings.Contains(f, w) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitRe := func(pattern string) {
		t.Helper()
		re := regexp.MustCompile(pattern)
		teatest.WaitFor(t, tm.Output(), func([]byte) bool { return re.MatchString(app.LastFrame()) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	press := func(names ...string) {
		for _, n := range names {
			tm.Send(keyMsg(n))
		}
	}
	typeIME := func(s string) { tm.Send(tea.KeyPressMsg{Code: []rune(s)[0], Text: s}) }

	waitFor(common.StartNoOrgans)
	press("n")
	waitFor(common.FieldName)
	typeIME("大雁镇人民政府")
	press("tab", "tab", "tab")
	typeIME("大雁镇党政综合办公室")
	press("ctrl+s")
	waitFor("大雁镇人民政府", common.StartNoYears)
	press("y")
	waitFor("将使用 2021版 格式")
	press("enter", "enter")
	waitFor("大雁镇人民政府 · 2021年 · 2021版")

	press("1")
	waitFor("（一）主动公开")
	press("down", "enter")
	typeIME("全年通过政府网站公开信息")
	waitFor("全年通过政府网站公开信息", "已保存")
	press("esc", "esc", "2", "down")
	typeIME("３")
	press("enter")
	waitRe(`行政规范性文件\s+3\s`)
	press("shift+tab")
	typeIME("-1")
	press("enter")
	waitFor("已保留原值")
	press("esc")
	waitFor("行政规范性文件")

	tm.Send(keyMsg("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	app.Common().WaitSaves()
	st.Close()

	st2 := openStore(t, path)
	defer st2.Close()
	ctx := context.Background()
	org, err := st2.OrganByName(ctx, "大雁镇人民政府")
	if err != nil {
		t.Fatal(err)
	}
	r, err := st2.Report(ctx, org.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	a := model.Addr(model.TableS2Item1, model.RowNormativeDocs, "issued")
	if r.Values[a] != 3 {
		t.Fatalf("%v = %d, want 3 (values %v)", a, r.Values[a], r.Values)
	}
	ok := false
	for _, b := range r.Blocks {
		ok = ok || b.Text == "全年通过政府网站公开信息"
	}
	if !ok {
		t.Fatalf("paragraph not saved by autosave: %+v", r.Blocks)
	}
}
