package requests

import (
	"testing"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/ledger"
	"nianbao/tui/letters"
	"nianbao/tui/sheetimport"
	"nianbao/tui/text"
)

// TestListOpensLetterAndLedgerScreens: w on a request opens its letter
// screen, p the ledger export, i the ledger import.
func TestListOpensLetterAndLedgerScreens(t *testing.T) {
	q := model.Request{Year: 2021, Serial: 1, Received: model.NewDate(2021, 3, 1), Applicant: model.NaturalPerson,
		Personal: model.Personal{Name: "王小红"}, Summary: "申请公开危房改造名单", Outcome: model.RowDisclosed, Answered: model.NewDate(2021, 3, 10)}
	c := setup(t, []model.Request{q})
	m := New(c)
	s, _ := testenv.Run(t, c, m, m.Init())
	for _, k := range []struct {
		key  string
		want func(any) bool
	}{
		{"w", func(x any) bool { _, ok := x.(*letters.Screen); return ok }},
		{"l", func(x any) bool { _, ok := x.(*ledger.Export); return ok }},
		{"i", func(x any) bool { s, ok := x.(*sheetimport.Screen); return ok && s.Title() == text.LedInTitle }},
	} {
		var pushed []any
		_, screens := testenv.PressPushed(t, c, s, k.key)
		for _, p := range screens {
			pushed = append(pushed, p)
		}
		if len(pushed) != 1 || !k.want(pushed[0]) {
			t.Errorf("%s pushed %T", k.key, pushed)
		}
	}
}
