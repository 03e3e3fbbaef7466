package importer

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"nianbao/model"
)

// FuzzReadLedger feeds arbitrary bytes to the ledger reader, the mapping
// suggestions and the row checks: no panic, UTF-8 messages, and every data
// row accounted for exactly once (a request, a bad row or a duplicate);
// every request passed has a date received no later than the year, a
// valid applicant column, content, and an outcome exactly when answered.
func FuzzReadLedger(f *testing.F) {
	f.Add([]byte("收到申请日期,申请人类型,申请内容,答复日期,办理结果\n2021.3.5,个人,某文件,2021.3.20,予以公开\n"))
	f.Add([]byte("台账\n\n受理日期,申请人类别,申请内容,答复时间,处理结果\n2021年4月1日,企业,招标文件,,\n2021.13.5,律所,x,2021.1.1,不予公开—内部事务\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadLedger(bytes.NewReader(data), "f.csv")
		if err != nil {
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("error text is not UTF-8: %q", err.Error())
			}
			return
		}
		m := GuessLedgerMapping(s.Header)
		f21 := model.FormatByID("2021")
		_, _, vm := SuggestValues(s, m, f21)
		p := ApplyLedger(s, m, vm, 1, 2021, nil)
		if len(p.Requests)+len(p.Bad)+len(p.Dups) != len(s.Rows) {
			t.Fatalf("%d rows became %d requests, %d bad, %d dups", len(s.Rows), len(p.Requests), len(p.Bad), len(p.Dups))
		}
		for _, b := range p.Bad {
			if !utf8.ValidString(b.Reason) || b.Reason == "" {
				t.Fatalf("bad row reason %q", b.Reason)
			}
		}
		for _, q := range p.Requests {
			if !q.Received.Valid() || q.Received.Year() > 2021 || !q.Applicant.Valid() || q.Summary == "" {
				t.Fatalf("bad request passed: %+v", q)
			}
			if (q.Outcome == "") != q.Answered.IsZero() || q.Outcome != "" && !f21.IsOutcome(q.Outcome) {
				t.Fatalf("outcome and answer disagree: %+v", q)
			}
		}
	})
}
