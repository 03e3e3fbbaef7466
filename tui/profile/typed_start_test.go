package profile

import (
	"context"
	"testing"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// Switching 表三 to 手工填写 starts from the ledger's figures, not zeros.
func TestTypedTableStartsFromTheLedger(t *testing.T) {
	e := testenv.New(t, 2021)
	ctx := context.Background()
	for i, day := range []int{5, 9, 12} {
		q := model.Request{OrganID: e.C.Organ.ID, Year: 2021, Received: model.NewDate(2021, 3, day),
			Channel: model.ChannelOnline, Applicant: model.NaturalPerson, Summary: "申请公开"}
		if i < 2 {
			q.Outcome, q.Answered = model.RowDisclosed, model.NewDate(2021, 3, 20)
		}
		if err := e.Store.SaveRequest(ctx, &q); err != nil {
			t.Fatal(err)
		}
	}
	e.Reload()
	p := New(e.C).(*Profile)
	d := e.Drive(p)
	for p.form.Current().Key != fMode3 {
		d.Keys("tab")
	}
	d.Keys("right", "tab")
	r, err := e.Store.Report(ctx, e.C.Organ.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if r.Mode3 != model.Typed {
		t.Fatalf("mode %q", r.Mode3)
	}
	for _, c := range []struct {
		row  string
		want int64
	}{{model.RowNew, 3}, {model.RowDisclosed, 2}, {model.RowCarriedOut, 1}} {
		if got := r.Values[model.Addr(model.TableS3, c.row, model.ColTotal)]; got != c.want {
			t.Errorf("typed %s 总计 = %d, want %d from the ledger", c.row, got, c.want)
		}
	}
}
