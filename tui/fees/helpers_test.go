package fees

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

func TestFeeCalculatorAndTypedOverride(t *testing.T) {
	c := testenv.New(t, 2021).C
	var s common.Screen = New(c)
	s.Update(tea.KeyPressMsg{Code: '3', Text: "35"})
	s, _ = testenv.PressPushed(t, c, s, "tab")
	s.Update(tea.KeyPressMsg{Code: '1', Text: "１５０"})
	v := ansi.Strip(s.View(100, 24))
	// 35th request: 200 元; 35 requests: 20×100 + 5×200 = 3000 元.
	// 150 pages: 70×10 + 50×20 = 1700 元.
	if !strings.Contains(v, "第 35 件收 200 元") || !strings.Contains(v, "35 件合计 3000 元") || !strings.Contains(v, "150 页收 1700 元") {
		t.Fatalf("calculator:\n%s", v)
	}
	s, _ = testenv.PressPushed(t, c, s, "tab")
	s.Update(tea.KeyPressMsg{Code: '2', Text: "2"})
	s, _ = testenv.PressPushed(t, c, s, "tab")
	s.Update(tea.KeyPressMsg{Code: '1', Text: "1x"})
	s, _ = testenv.PressPushed(t, c, s, "tab")
	if v := ansi.Strip(s.View(100, 24)); !strings.Contains(v, "不是金额") {
		t.Fatalf("bad amount not refused:\n%s", v)
	}
	s, _ = testenv.PressPushed(t, c, s, "shift+tab")
	s.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	s.Update(tea.KeyPressMsg{Code: '5', Text: "50.5"})
	s, _ = testenv.PressPushed(t, c, s, "tab")
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
	testenv.Reload(t, c)
	if v := ansi.Strip(s.View(100, 24)); !strings.Contains(v, "发出收费通知 1 件，实际收取 200 元") || !strings.Contains(v, text.FeeUsesLog) {
		t.Fatalf("log summary:\n%s", v)
	}
}
