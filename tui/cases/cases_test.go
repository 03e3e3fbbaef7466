package cases

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

func TestCaseAddEditDeleteUndo(t *testing.T) {
	c := setup(t)
	var list common.Screen = New(c)
	list.Init()
	if v := ansi.Strip(list.View(80, 20)); !strings.Contains(v, common.CaseEmpty) {
		t.Fatalf("empty list:\n%s", v)
	}
	_, pushed := press(t, c, list, "n")
	if len(pushed) != 1 {
		t.Fatal("n did not open the form")
	}
	var f common.Screen = pushed[0]
	// 行政复议 → 未经复议直接起诉 (saved at once), a date, 结果纠正, a summary.
	f, _ = press(t, c, f, "right", "tab")
	f.Update(tea.KeyPressMsg{Code: '2', Text: "2021年5月6日"})
	f, _ = press(t, c, f, "tab", "right", "right", "tab")
	f.Update(tea.KeyPressMsg{Code: '申', Text: "申请人不服答复提起诉讼"})
	f.View(80, 20)
	if cur := f.Cursor(); cur == nil || cur.X < ansi.StringWidth("申请人不服答复提起诉讼") {
		t.Fatalf("cursor %+v", cur)
	}
	f, _ = press(t, c, f, "esc")
	if len(c.OY.Cases) != 1 {
		t.Fatalf("cases %+v", c.OY.Cases)
	}
	got := c.OY.Cases[0]
	if got.Kind != model.CaseDirectSuit || got.Result != model.Corrected || got.Filed != 20210506 || got.Summary != "申请人不服答复提起诉讼" {
		t.Fatalf("stored %+v", got)
	}
	// Table 四 follows the list.
	v := model.ComputeS4(c.Format(), 2021, c.OY.Cases)
	if v.Get(model.Addr(model.TableS4, model.RowS4Cases, model.S4Col(model.GroupDirectSuit, model.ResultTotal))) != 1 {
		t.Fatal("table 四 not computed from the case")
	}
	list, _ = press(t, c, list, "d")
	if !strings.Contains(ansi.Strip(list.View(80, 20)), "确定删除") {
		t.Fatal("delete did not ask")
	}
	list, _ = press(t, c, list, "y")
	if len(c.OY.Cases) != 0 {
		t.Fatal("not deleted")
	}
	list, _ = press(t, c, list, "u")
	if len(c.OY.Cases) != 1 || c.OY.Cases[0].Summary != "申请人不服答复提起诉讼" {
		t.Fatalf("undo: %+v", c.OY.Cases)
	}
	if v := ansi.Strip(list.View(80, 20)); !strings.Contains(v, "未经复议直接起诉") {
		t.Fatalf("list:\n%s", v)
	}
}

func TestCaseDateRefusedInPlace(t *testing.T) {
	c := setup(t)
	var f common.Screen = NewForm(c, nil)
	f, _ = press(t, c, f, "tab")
	f.Update(tea.KeyPressMsg{Code: '2', Text: "2021-02-30"})
	f, _ = press(t, c, f, "tab")
	v := ansi.Strip(f.View(80, 20))
	if !strings.Contains(v, "2月只有28天") {
		t.Fatalf("bad date not refused:\n%s", v)
	}
	if len(c.OY.Cases) != 0 {
		t.Fatal("saved with a bad date")
	}
}

// TestDeleteQuestionShowsItsKeys: at the width the list has beside the
// outline on an 80-column terminal, deleting a case with a long summary
// still shows how to answer (y/n) on the question line.
func TestDeleteQuestionShowsItsKeys(t *testing.T) {
	c := setup(t)
	cs := model.Case{OrganID: c.Organ.ID, Year: 2021, Kind: model.CaseDirectSuit, Result: model.Pending, Filed: 20210506,
		Summary: "申请人对本镇以保护第三方合法权益为由不予公开邻居宅基地审批材料的答复不服，向人民法院提起行政诉讼"}
	if err := c.Store.SaveCase(c.Ctx, &cs); err != nil {
		t.Fatal(err)
	}
	reload(t, c)
	var list common.Screen = New(c)
	list.Init()
	list, _ = press(t, c, list, "d")
	v := ansi.Strip(list.View(57, 20))
	if !strings.Contains(v, "确定删除「行政诉讼") || !strings.Contains(v, "(y 删除 / n 取消)") {
		t.Fatalf("question line:\n%s", v)
	}
}
