package requests

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// TestTableAndOverviewFollowReload: table 三 and the overview come from the
// open organ-year's snapshot (computed once when it is loaded, not on every
// frame), and a reload after a new entry shows the new counts in both.
func TestTableAndOverviewFollowReload(t *testing.T) {
	mk := func(n int) []model.Request {
		var reqs []model.Request
		for i := 0; i < n; i++ {
			reqs = append(reqs, model.Request{Year: 2021, Received: model.NewDate(2021, 3, 1+i), Channel: model.ChannelOnline,
				Applicant: model.NaturalPerson, Summary: fmt.Sprint("申请", i), Outcome: model.RowDisclosed, Answered: model.NewDate(2021, 4, 1+i)})
		}
		return reqs
	}
	c := setup(t, mk(3))
	l := New(c).(*List)
	l.view = viewTable
	first := l.View(100, 40)
	if c.Snap.S3() == nil {
		t.Fatal("the snapshot has no table 三")
	}
	if again := l.View(100, 40); again != first {
		t.Fatal("a second frame of the same organ-year differs")
	}
	l.view = viewOverview
	l.View(100, 40)
	if o := c.Snap.Overview(); o.Closed != 3 {
		t.Fatalf("overview summary = %+v, want 3 closed", o)
	}

	// A fourth request saved and the organ-year reloaded, as after a save.
	q := mk(4)[3]
	q.OrganID = c.Organ.ID
	if err := c.Store.SaveRequest(c.Ctx, &q); err != nil {
		t.Fatal(err)
	}
	testenv.Reload(t, c)
	l.View(100, 40)
	if o := c.Snap.Overview(); o.Closed != 4 || !strings.Contains(l.View(100, 40), "4") {
		t.Fatalf("overview after reload = %+v, want 4 closed", o)
	}
	l.view = viewTable
	v := l.View(100, 40)
	if n := c.Snap.S3().Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal)); n != 4 {
		t.Fatalf("table 三 after reload counts %d new requests, want 4", n)
	}
	if v == first || !strings.Contains(v, "4") {
		t.Fatalf("table 三 frame did not change after the reload:\n%s", v)
	}
}
