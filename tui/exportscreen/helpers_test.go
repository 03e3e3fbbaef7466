package exportscreen

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/db"
	"nianbao/export"
	"nianbao/model"
	"nianbao/tui/common"
)

var now = time.Date(2022, 1, 10, 9, 30, 0, 0, time.UTC)

func setup(t *testing.T) *common.Common {
	t.Helper()
	ctx := context.Background()
	st, err := db.Open(ctx, filepath.Join(t.TempDir(), "nianbao.db"), db.Options{NoBackup: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	o := model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship}
	if err := st.SaveOrgan(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateReport(ctx, model.NewReport(o.ID, 2021)); err != nil {
		t.Fatal(err)
	}
	c := &common.Common{Ctx: ctx, Store: st, Styles: common.DefaultStyles(), Organ: o, Year: 2021,
		Calendar: model.DefaultCalendar(), Today: model.DateOf(now), Now: func() time.Time { return now }}
	reload(t, c)
	return c
}

func reload(t *testing.T, c *common.Common) {
	oy, err := c.Store.LoadOrganYear(c.Ctx, c.Organ.ID, 2021, false)
	if err != nil {
		t.Fatal(err)
	}
	c.OY, c.Report = oy, oy.Report
}

// run executes cmd and what follows; reloads act like the app's. Pushed
// screens are returned.
func run(t *testing.T, c *common.Common, s common.Screen, cmd tea.Cmd) (common.Screen, []common.Screen) {
	var pushed []common.Screen
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		cmd := queue[0]
		queue = queue[1:]
		if cmd == nil {
			continue
		}
		m := cmd()
		if cmds, ok := asCmds(m); ok {
			queue = append(queue, cmds...)
			continue
		}
		switch msg := m.(type) {
		case common.ReloadMsg:
			reload(t, c)
			var next tea.Cmd
			s, next = s.Update(common.OrganYearMsg{OY: c.OY})
			queue = append(queue, next)
		case common.PushMsg:
			pushed = append(pushed, msg.Screen)
		case common.SavedMsg, common.BackMsg, nil:
		case common.SaveFailedMsg:
			t.Fatalf("save failed: %v", msg.Err)
		default:
			var next tea.Cmd
			s, next = s.Update(msg)
			queue = append(queue, next)
		}
	}
	return s, pushed
}

// asCmds unpacks a batch or a sequence (its type is not exported).
func asCmds(m tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(m)
	if m == nil || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

func press(t *testing.T, c *common.Common, s common.Screen, keys ...string) (common.Screen, []common.Screen) {
	var pushed []common.Screen
	for _, k := range keys {
		var cmd tea.Cmd
		s, cmd = s.Update(keyMsg(k))
		var p []common.Screen
		s, p = run(t, c, s, cmd)
		pushed = append(pushed, p...)
	}
	return s, pushed
}

func TestExportWritesVerifiedFilesAndAsksBeforeOverwrite(t *testing.T) {
	c := setup(t)
	c.Findings = model.Check(c.OY, c.Calendar, c.Today)
	dir := t.TempDir()
	var s common.Screen = New(c)
	s, _ = run(t, c, s, s.Init())
	e := s.(*Screen)
	// Keep only txt and html: untick docx and xlsx.
	e.ticked = map[string]bool{}
	for range export.Formats {
		s, _ = press(t, c, s, "tab")
	}
	s, _ = press(t, c, s, "tab", "tab") // encoding, draft
	for range e.drives {
		s, _ = press(t, c, s, "tab")
	}
	if !e.Typing() {
		t.Fatal("folder input not focused")
	}
	s.Update(tea.PasteMsg{Content: dir})
	e.ticked["txt"], e.ticked["html"] = true, true
	s, _ = press(t, c, s, "enter", "enter")
	if errs, _ := c.CountFindings(""); errs > 0 {
		if !strings.Contains(ansi.Strip(s.View(100, 30)), "要导出为草稿吗") {
			t.Fatalf("errors did not block a final export:\n%s", ansi.Strip(s.View(100, 30)))
		}
		s, _ = press(t, c, s, "y")
	}
	res := e.Result()
	if res == nil || len(res.Files) != 2 || res.Manifest.Path == "" {
		t.Fatalf("result %+v (%s)", res, e.errText)
	}
	v := ansi.Strip(s.View(120, 40))
	for _, want := range []string{common.ExpVerified, "SHA-256", res.Files[0].SHA256[:16], filepath.Join(dir, "大雁镇人民政府2021年政府信息公开工作年度报告")} {
		if !strings.Contains(v, want) {
			t.Fatalf("view lacks %q:\n%s", want, v)
		}
	}
	// At 80×24 the written files stay in view below the start button.
	small := s.View(80, 24)
	if lines := strings.Split(small, "\n"); len(lines) != 24 || !strings.Contains(ansi.Strip(small), common.ExpWritten) {
		t.Fatalf("80×24 view (%d lines):\n%s", len(lines), ansi.Strip(small))
	}
	for _, l := range strings.Split(small, "\n") {
		if ansi.StringWidth(l) != 80 {
			t.Fatalf("line %q is %d wide", ansi.Strip(l), ansi.StringWidth(l))
		}
	}
	// Again: the files exist, so it asks; n keeps them, y overwrites.
	s, _ = press(t, c, s, "enter")
	if !strings.Contains(ansi.Strip(s.View(120, 40)), "覆盖这些文件吗") {
		t.Fatalf("did not ask before overwriting:\n%s", ansi.Strip(s.View(120, 40)))
	}
	s, _ = press(t, c, s, "n")
	if !strings.Contains(ansi.Strip(s.View(120, 40)), common.ExpCancelled) {
		t.Fatal("n did not cancel")
	}
	s, _ = press(t, c, s, "enter", "y")
	if res := e.Result(); res == nil || len(res.Files) != 2 {
		t.Fatalf("overwrite result %+v", res)
	}
}
