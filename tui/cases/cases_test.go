package cases

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/dialog"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

func TestCaseAddEditDeleteUndo(t *testing.T) {
	c := testenv.New(t, 2021).C
	var list common.Screen = New(c)
	list.Init()
	if v := ansi.Strip(list.View(80, 20)); !strings.Contains(v, fmt.Sprintf(text.CaseEmpty, "n")) {
		t.Fatalf("empty list:\n%s", v)
	}
	_, pushed := testenv.PressPushed(t, c, list, "n")
	if len(pushed) != 1 {
		t.Fatal("n did not open the form")
	}
	var f common.Screen = pushed[0]
	// 行政复议 → 未经复议直接起诉 (saved at once), a date, 结果纠正, a summary.
	f, _ = testenv.PressPushed(t, c, f, "right", "tab")
	f.Update(tea.KeyPressMsg{Code: '2', Text: "2021年5月6日"})
	f, _ = testenv.PressPushed(t, c, f, "tab", "right", "right", "tab")
	f.Update(tea.KeyPressMsg{Code: '申', Text: "申请人不服答复提起诉讼"})
	f.View(80, 20)
	if cur := f.Cursor(); cur == nil || cur.X < ansi.StringWidth("申请人不服答复提起诉讼") {
		t.Fatalf("cursor %+v", cur)
	}
	testenv.PressPushed(t, c, f, "esc")
	if len(c.OrganYear().Cases) != 1 {
		t.Fatalf("cases %+v", c.OrganYear().Cases)
	}
	got := c.OrganYear().Cases[0]
	if got.Kind != model.CaseDirectSuit || got.Result != model.Corrected || got.Filed != 20210506 || got.Summary != "申请人不服答复提起诉讼" {
		t.Fatalf("stored %+v", got)
	}
	// Table 四 follows the list.
	v := model.ComputeS4(c.Format(), 2021, c.OrganYear().Cases)
	if v.Get(model.Addr(model.TableS4, model.RowS4Cases, model.S4Col(model.GroupDirectSuit, model.ResultTotal))) != 1 {
		t.Fatal("table 四 not computed from the case")
	}
	list, _ = testenv.PressPushed(t, c, list, "d")
	if !strings.Contains(testenv.DialogView(c), "确定删除") {
		t.Fatal("delete did not ask")
	}
	list, _ = testenv.PressPushed(t, c, list, "y")
	if len(c.OrganYear().Cases) != 0 {
		t.Fatal("not deleted")
	}
	list, _ = testenv.PressPushed(t, c, list, "u")
	if len(c.OrganYear().Cases) != 1 || c.OrganYear().Cases[0].Summary != "申请人不服答复提起诉讼" {
		t.Fatalf("undo: %+v", c.OrganYear().Cases)
	}
	if v := ansi.Strip(list.View(80, 20)); !strings.Contains(v, "未经复议直接起诉") {
		t.Fatalf("list:\n%s", v)
	}
}

func TestCaseDateRefusedInPlace(t *testing.T) {
	c := testenv.New(t, 2021).C
	var f common.Screen = NewForm(c, nil)
	f, _ = testenv.PressPushed(t, c, f, "tab")
	f.Update(tea.KeyPressMsg{Code: '2', Text: "2021-02-30"})
	f, _ = testenv.PressPushed(t, c, f, "tab")
	v := ansi.Strip(f.View(80, 20))
	if !strings.Contains(v, "2月只有28天") {
		t.Fatalf("bad date not refused:\n%s", v)
	}
	if len(c.OrganYear().Cases) != 0 {
		t.Fatal("saved with a bad date")
	}
	// Esc asks instead of dropping it; n keeps the form with the cursor on
	// the refused date, d gives it up and closes.
	f, out := testenv.Press(t, c, f, "esc")
	if !strings.Contains(testenv.DialogView(c), text.FormLeaveAsk) || hasBack(out) {
		t.Fatalf("esc with a refused date did not ask: %v", out)
	}
	f, _ = testenv.Press(t, c, f, "n")
	if v := ansi.Strip(f.View(80, 20)); !strings.Contains(v, "2021-02-30") {
		t.Fatalf("the refused date is gone:\n%s", v)
	}
	f, _ = testenv.Press(t, c, f, "esc")
	_, out = testenv.Press(t, c, f, "d")
	if !hasBack(out) || len(c.OrganYear().Cases) != 0 {
		t.Fatalf("d did not close without saving: %v", out)
	}
}

func hasBack(msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(common.BackMsg); ok {
			return true
		}
	}
	return false
}

// TestDeleteQuestionShowsItsKeys: on an 80×24 terminal, deleting a case
// with a long summary shows the whole name and how to answer (y/n).
func TestDeleteQuestionShowsItsKeys(t *testing.T) {
	c := testenv.New(t, 2021).C
	cs := model.Case{OrganID: c.Organ.ID, Year: 2021, Kind: model.CaseDirectSuit, Result: model.Pending, Filed: 20210506,
		Summary: "申请人对本镇以保护第三方合法权益为由不予公开邻居宅基地审批材料的答复不服，向人民法院提起行政诉讼"}
	if err := c.Store.SaveCase(c.Ctx, &cs); err != nil {
		t.Fatal(err)
	}
	testenv.Reload(t, c)
	var list common.Screen = New(c)
	list.Init()
	list, _ = testenv.PressPushed(t, c, list, "d")
	frame, _ := dialog.Draw(c.Styles, list.View(80, 21), 80, 21, testenv.Dialog(c))
	v := ansi.Strip(frame)
	testenv.CheckSize(t, frame, 80, 21)
	if !strings.Contains(v, "确定删除「行政诉讼") || !strings.Contains(v, "提起行政诉讼」吗？") || !strings.Contains(v, "y 删除 · n/esc 取消") {
		t.Fatalf("question:\n%s", v)
	}
}
