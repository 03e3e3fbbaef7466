package db

import (
	"context"
	"slices"
	"testing"
	"time"

	"nianbao/model"
)

// TestSaveRequestFieldWritesOneField: each field saved on its own through
// SaveRequestField lands in the store (every requests column and every
// personal column), the others stay as they were, and the search index
// follows the summary and notes.
func TestSaveRequestFieldWritesOneField(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	q := newRequest(o.ID, model.NewDate(2021, 3, 5), model.NaturalPerson, "申请公开征地补偿标准")
	q.Personal = model.Personal{Name: "张三", Phone: "13800000000"}
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	edited := q
	edited.Received = model.NewDate(2021, 3, 8)
	edited.Channel = model.ChannelPost
	edited.Applicant = model.Business
	edited.Summary = "申请公开旧村改造安置方案"
	edited.CorrectionNotice, edited.Corrected = model.NewDate(2021, 3, 10), model.NewDate(2021, 3, 12)
	edited.ExtApprovedBy, edited.ExtNotice, edited.ExtDays, edited.ExcludedDays = "王镇长", model.NewDate(2021, 4, 1), 20, 3
	edited.Outcome, edited.Answered = model.RowDisclosed, model.NewDate(2021, 4, 20)
	edited.FeeMethod, edited.Pages, edited.Fee = model.FeePerPage, 120, 4000
	edited.FeeNotice, edited.FeePaid = model.NewDate(2021, 4, 10), model.NewDate(2021, 4, 12)
	edited.Notes = "申请人现场领取"
	edited.DelayNotice, edited.DelayedTo = model.NewDate(2021, 3, 30), model.NewDate(2021, 6, 30)
	edited.Personal = model.Personal{Name: "李四", Phone: "13900000000", IDNumber: "110101199003071234", Address: "大雁镇幸福街1号"}

	fields := ChangedRequestFields(&q, &edited)
	if len(fields) != int(fieldEnd)-1 {
		t.Fatalf("changed fields %v, want all %d", fields, int(fieldEnd)-1)
	}
	for _, f := range fields {
		want, err := s.Request(ctx, q.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		step := want
		switch f {
		case FieldName:
			step.Personal.Name = edited.Personal.Name
		case FieldPhone:
			step.Personal.Phone = edited.Personal.Phone
		case FieldIDNumber:
			step.Personal.IDNumber = edited.Personal.IDNumber
		case FieldAddress:
			step.Personal.Address = edited.Personal.Address
		default:
			// Copy the one column across through the same table the store
			// uses, by building step from edited for that field only.
			step = withField(want, edited, f)
		}
		if got := ChangedRequestFields(&want, &step); !slices.Equal(got, []RequestField{f}) {
			t.Fatalf("field %d (%s): step changes %v", f, f.column(), got)
		}
		if err := s.SaveRequestField(ctx, &step, f); err != nil {
			t.Fatalf("saving %s: %v", f.column(), err)
		}
		got, err := s.Request(ctx, q.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		if got != step {
			t.Fatalf("after saving %s:\n got %+v\nwant %+v", f.column(), got, step)
		}
	}
	if got, _ := s.Request(ctx, q.ID, true); got != edited {
		t.Fatalf("after every field:\n got %+v\nwant %+v", got, edited)
	}
	for text, n := range map[string]int{"旧村改造": 1, "征地补偿": 0, "现场领取": 1} {
		page, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Year: 2021, Text: text, Limit: 10})
		if err != nil || len(page) != n {
			t.Fatalf("search %q: %d rows, want %d (%v)", text, len(page), n, err)
		}
	}
}

// withField returns base with field f taken from from.
func withField(base, from model.Request, f RequestField) model.Request {
	q := base
	switch f {
	case FieldReceived:
		q.Received = from.Received
	case FieldChannel:
		q.Channel = from.Channel
	case FieldApplicant:
		q.Applicant = from.Applicant
	case FieldSummary:
		q.Summary = from.Summary
	case FieldCorrectionNotice:
		q.CorrectionNotice = from.CorrectionNotice
	case FieldCorrected:
		q.Corrected = from.Corrected
	case FieldExtApprovedBy:
		q.ExtApprovedBy = from.ExtApprovedBy
	case FieldExtNotice:
		q.ExtNotice = from.ExtNotice
	case FieldExtDays:
		q.ExtDays = from.ExtDays
	case FieldExcludedDays:
		q.ExcludedDays = from.ExcludedDays
	case FieldOutcome:
		q.Outcome = from.Outcome
	case FieldAnswered:
		q.Answered = from.Answered
	case FieldFeeMethod:
		q.FeeMethod = from.FeeMethod
	case FieldPages:
		q.Pages = from.Pages
	case FieldFee:
		q.Fee = from.Fee
	case FieldFeeNotice:
		q.FeeNotice = from.FeeNotice
	case FieldFeePaid:
		q.FeePaid = from.FeePaid
	case FieldNotes:
		q.Notes = from.Notes
	case FieldDelayNotice:
		q.DelayNotice = from.DelayNotice
	case FieldDelayedTo:
		q.DelayedTo = from.DelayedTo
	}
	return q
}

// TestSaveRequestFieldKeepsTheRules: a received date in another year
// renumbers the entry there (as SaveRequest does); a date within the year
// keeps the number; emptying the last personal field deletes the personal
// data, while emptying one of several keeps the rest; an entry not yet
// stored is inserted; a deleted entry and an unknown field are refused.
func TestSaveRequestFieldKeepsTheRules(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	var in2022 []model.Request
	for i := 0; i < 3; i++ {
		r := newRequest(o.ID, model.NewDate(2022, 1, 10+i), model.NaturalPerson, "二〇二二年的申请")
		if err := s.SaveRequest(ctx, &r); err != nil {
			t.Fatal(err)
		}
		in2022 = append(in2022, r)
	}
	// A new entry (ID 0) goes in whole.
	q := newRequest(o.ID, model.NewDate(2021, 12, 20), model.NaturalPerson, "年底收到的申请")
	q.Personal = model.Personal{Name: "张三", Phone: "13800000000"}
	if err := s.SaveRequestField(ctx, &q, FieldSummary); err != nil {
		t.Fatal(err)
	}
	if q.ID == 0 || q.Year != 2021 || q.Serial != 1 {
		t.Fatalf("new entry: id %d, %d-%d", q.ID, q.Year, q.Serial)
	}

	// Within the year: same number.
	q.Received = model.NewDate(2021, 12, 28)
	if err := s.SaveRequestField(ctx, &q, FieldReceived); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Request(ctx, q.ID, true); got != q || got.Year != 2021 || got.Serial != 1 {
		t.Fatalf("date within the year:\n got %+v\nwant %+v", got, q)
	}

	// Into 2022: the next number there, the caller's copy updated.
	q.Received = model.NewDate(2022, 1, 3)
	if err := s.SaveRequestField(ctx, &q, FieldReceived); err != nil {
		t.Fatal(err)
	}
	if q.Year != 2022 || q.Serial != len(in2022)+1 {
		t.Fatalf("moved to 2022 as %d-%d, want 2022-%d", q.Year, q.Serial, len(in2022)+1)
	}
	if got, _ := s.Request(ctx, q.ID, true); got != q {
		t.Fatalf("after the move:\n got %+v\nwant %+v", got, q)
	}
	for _, r := range in2022 {
		if got, _ := s.Request(ctx, r.ID, false); got.Serial != r.Serial || got.Year != 2022 {
			t.Fatalf("entry %d renumbered to %d-%d", r.ID, got.Year, got.Serial)
		}
	}

	// Personal data: one of two emptied keeps the other; the last emptied
	// deletes the row.
	q.Personal.Phone = ""
	if err := s.SaveRequestField(ctx, &q, FieldPhone); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Request(ctx, q.ID, true); got.Personal != (model.Personal{Name: "张三"}) {
		t.Fatalf("after emptying the phone: %+v", got.Personal)
	}
	q.Personal.Name = ""
	if err := s.SaveRequestField(ctx, &q, FieldName); err != nil {
		t.Fatal(err)
	}
	var rows int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM request_personal WHERE request_id = ?", q.ID).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != 0 {
		t.Fatalf("%d personal rows left after every personal field was emptied", rows)
	}
	// And a personal field on an entry without personal data adds the row.
	q.Personal.Address = "大雁镇幸福街2号"
	if err := s.SaveRequestField(ctx, &q, FieldAddress); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Request(ctx, q.ID, true); got.Personal != q.Personal {
		t.Fatalf("address on an entry without personal data: %+v", got.Personal)
	}

	if err := s.SaveRequestField(ctx, &q, RequestField(99)); KindOf(err) != ErrInvalid {
		t.Fatalf("unknown field: %v", err)
	}
	if _, err := s.DeleteRequest(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	for _, f := range []RequestField{FieldNotes, FieldReceived, FieldName} {
		q.Notes, q.Received, q.Personal.Name = "删除之后", model.NewDate(2022, 1, 5), "王五"
		if err := s.SaveRequestField(ctx, &q, f); KindOf(err) != ErrNotFound {
			t.Fatalf("saving %s of a deleted entry: %v, want not found", f.column(), err)
		}
	}
}

// TestSaveRequestFieldWaitsForTheCheck: with the start-up check run behind
// Open, a field save waits for it and is refused on a damaged file, like
// every other write.
func TestSaveRequestFieldWaitsForTheCheck(t *testing.T) {
	ctx := context.Background()
	path, _ := damagedWithBackup(t, 2000)
	s, err := Open(ctx, path, Options{NoBackup: true, DeferCheck: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := model.Request{ID: 1, OrganID: 1, Year: 2021, Serial: 1, Received: model.NewDate(2021, 3, 5), Notes: "损坏的文件上的修改"}
	for _, f := range []RequestField{FieldNotes, FieldReceived, FieldName} {
		q.Personal.Name = "张三"
		if err := s.SaveRequestField(ctx, &q, f); KindOf(err) != ErrCorrupt {
			t.Fatalf("saving %s on a damaged file: %v, want ErrCorrupt", f.column(), err)
		}
	}
}
