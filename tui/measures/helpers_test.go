package measures

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

func TestMeasureAddedByKeysAndUndo(t *testing.T) {
	c := setup(t)
	var list common.Screen = New(c)
	list.Init()
	_, pushed := press(t, c, list, "n")
	var f common.Screen = pushed[0]
	// Leaving the empty first field saves nothing.
	f, _ = press(t, c, f, "tab")
	if len(c.OY.Measures) != 0 {
		t.Fatal("an empty measure was saved")
	}
	f, _ = press(t, c, f, "esc")
	_, pushed = press(t, c, list, "n")
	f = pushed[0]
	f.Update(tea.KeyPressMsg{Code: '公', Text: "公开内容更新不及时"})
	f, _ = press(t, c, f, "tab")
	f.Update(tea.KeyPressMsg{Code: '建', Text: "建立每月更新检查制度"})
	f, _ = press(t, c, f, "tab", "tab")
	f.Update(tea.KeyPressMsg{Code: '2', Text: "２０２２年６月３０日"})
	f, _ = press(t, c, f, "tab", "right", "tab")
	if len(c.OY.Measures) != 1 {
		t.Fatalf("measures %+v", c.OY.Measures)
	}
	m := c.OY.Measures[0]
	if m.Problem != "公开内容更新不及时" || m.Measure != "建立每月更新检查制度" || m.Due != 20220630 || m.Status != model.MeasureInProgress || m.FirstYear != 2021 {
		t.Fatalf("stored %+v", m)
	}
	// A first year after the report year is refused in place.
	f.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	f.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	f.Update(tea.KeyPressMsg{Code: '3', Text: "30"})
	f, _ = press(t, c, f, "tab")
	if v := ansi.Strip(f.View(80, 20)); !strings.Contains(v, "晚于本年报的年度") {
		t.Fatalf("future first year accepted:\n%s", v)
	}
	list, _ = press(t, c, list, "d", "y")
	if len(c.OY.Measures) != 0 {
		t.Fatal("not deleted")
	}
	list, _ = press(t, c, list, "u")
	if len(c.OY.Measures) != 1 || c.OY.Measures[0].Measure != "建立每月更新检查制度" {
		t.Fatalf("undo: %+v", c.OY.Measures)
	}
	if v := ansi.Strip(list.View(80, 10)); !strings.Contains(v, "公开内容更新不及时") || !strings.Contains(v, "进行中") {
		t.Fatalf("list:\n%s", v)
	}
}
