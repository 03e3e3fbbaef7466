package demo

import (
	"testing"

	"nianbao/model"
)

// TestBulkRequestsChargeFees: every year of the bulk log has 按量 fees with
// notice, payment and answer in order, amounts by the page bands, and the
// year's fee summary counts them; the checks find no error in them.
func TestBulkRequestsChargeFees(t *testing.T) {
	reqs := BulkRequests(50000, 2021)
	perYear := map[int]int{}
	for i := range reqs {
		q := &reqs[i]
		if q.FeeMethod == model.FeeNone {
			continue
		}
		perYear[q.Year]++
		if q.FeeMethod != model.FeePerPage || q.Pages <= 30 || q.Fee != model.PerPageFee(q.Pages) {
			t.Fatalf("%d-%d: fee %s %d pages %d fen", q.Year, q.Serial, q.FeeMethod, q.Pages, q.Fee)
		}
		// Closed unpaid (（六）2): notice, no payment, closed after the 20
		// working days to pay.
		if q.Outcome == model.RowUnpaidFee {
			if q.FeeNotice.IsZero() || !q.FeePaid.IsZero() || q.Answered <= model.FeePaymentDeadline(q, model.DefaultCalendar()) {
				t.Fatalf("%d-%d: unpaid: notice %s, paid %s, answered %s", q.Year, q.Serial, q.FeeNotice, q.FeePaid, q.Answered)
			}
			continue
		}
		// A request of late December of the last year may still be open:
		// paid, the answer not yet given.
		if q.FeePaid.IsZero() && q.Answered.IsZero() && q.Received < q.FeeNotice {
			continue // open, the payment awaited
		}
		if !(q.Received < q.FeeNotice && q.FeeNotice < q.FeePaid && (q.FeePaid < q.Answered || q.Answered.IsZero())) {
			t.Fatalf("%d-%d: received %s, notice %s, paid %s, answered %s out of order", q.Year, q.Serial, q.Received, q.FeeNotice, q.FeePaid, q.Answered)
		}
	}
	for _, oy := range BulkOrganYears(reqs) {
		y := oy.Report.Year
		if perYear[y] < 20 {
			t.Errorf("%d: %d requests with a fee, want some dozens", y, perYear[y])
		}
		if s := model.FeesOfYear(y, oy.Requests); s.Notices == 0 {
			t.Errorf("%d: the fee summary counts no notice", y)
		}
		for _, f := range model.Check(oy, model.DefaultCalendar(), model.NewDate(y+1, 3, 1)) {
			if f.Severity == model.Error {
				t.Errorf("%d: %s %s", y, f.Rule, f.Message)
			}
		}
	}
}
