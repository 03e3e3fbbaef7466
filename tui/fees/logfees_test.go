package fees

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// TestYearSummaryFollowsReload: the summary from the log comes from the
// open organ-year's snapshot and shows a fee logged later once the
// organ-year is reloaded.
func TestYearSummaryFollowsReload(t *testing.T) {
	c := testenv.New(t, 2021).C
	s := New(c).(*Screen)
	before := ansi.Strip(s.View(100, 40))
	if lf := c.Snap.LogFees(); lf.Sum.Notices != 0 || lf.PerPage != 0 {
		t.Fatalf("an empty log charges nothing: %+v", lf)
	}
	q := model.Request{OrganID: c.Organ.ID, Received: model.NewDate(2021, 5, 6), Channel: model.ChannelOnline,
		Applicant: model.Business, Summary: "申请公开采购合同", Outcome: model.RowDisclosed,
		FeeMethod: model.FeePerPage, Pages: 45, Fee: model.PerPageFee(45),
		FeeNotice: model.NewDate(2021, 5, 10), FeePaid: model.NewDate(2021, 5, 12), Answered: model.NewDate(2021, 5, 14)}
	if err := c.Store.SaveRequest(c.Ctx, &q); err != nil {
		t.Fatal(err)
	}
	testenv.Reload(t, c)
	after := ansi.Strip(s.View(100, 40))
	if after == before || !strings.Contains(after, "150") {
		t.Fatalf("after a fee of 150 元 was logged and the year reloaded, the screen shows:\n%s", after)
	}
	if lf := c.Snap.LogFees(); lf.Sum.Notices != 1 || lf.PerPage != 1 {
		t.Fatalf("summary %+v; want one notice, one 按量", lf)
	}
}
