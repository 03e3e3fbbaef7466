package fees

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

func TestFeeCalculatorAndTypedOverride(t *testing.T) {
	c := setup(t)
	var s common.Screen = New(c)
	s.Update(tea.KeyPressMsg{Code: '3', Text: "35"})
	s, _ = press(t, c, s, "tab")
	s.Update(tea.KeyPressMsg{Code: '1', Text: "１５０"})
	v := ansi.Strip(s.View(100, 24))
	// 35th request: 200 元; 35 requests: 20×100 + 5×200 = 3000 元.
	// 150 pages: 70×10 + 50×20 = 1700 元.
	if !strings.Contains(v, "第 35 件收 200 元") || !strings.Contains(v, "35 件合计 3000 元") || !strings.Contains(v, "150 页收 1700 元") {
		t.Fatalf("calculator:\n%s", v)
	}
	s, _ = press(t, c, s, "tab")
	s.Update(tea.KeyPressMsg{Code: '2', Text: "2"})
	s, _ = press(t, c, s, "tab")
	s.Update(tea.KeyPressMsg{Code: '1', Text: "1x"})
	s, _ = press(t, c, s, "tab")
	if v := ansi.Strip(s.View(100, 24)); !strings.Contains(v, "不是金额") {
		t.Fatalf("bad amount not refused:\n%s", v)
	}
	s.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	s.Update(tea.KeyPressMsg{Code: '5', Text: "50.5"})
	s, _ = press(t, c, s, "tab")
	r, err := c.Store.Report(c.Ctx, c.Organ.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if r.Fees.Notices != 2 || r.Fees.Collected != 15050 {
		t.Fatalf("typed fees stored %+v", r.Fees)
	}
	if v := ansi.Strip(s.View(100, 24)); !strings.Contains(v, "收费通知 2 件，实收 150.5 元") {
		t.Fatalf("summary:\n%s", v)
	}
	// With fee data in the log, the log's figures are used.
	q := model.Request{OrganID: c.Organ.ID, Year: 2021, Received: 20210301, Applicant: model.Business,
		FeeMethod: model.FeePerPage, Pages: 50, Fee: model.PerPageFee(50), FeeNotice: 20210310, FeePaid: 20210315}
	if err := c.Store.SaveRequest(c.Ctx, &q); err != nil {
		t.Fatal(err)
	}
	reload(t, c)
	if v := ansi.Strip(s.View(100, 24)); !strings.Contains(v, "发出收费通知 1 件，实际收取 200 元") || !strings.Contains(v, common.FeeUsesLog) {
		t.Fatalf("log summary:\n%s", v)
	}
}
