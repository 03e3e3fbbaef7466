package db

import (
	"context"
	"testing"

	"nianbao/model"
)

// TestSaveRequestWritesWhatChanged: a save after a one-field edit changes
// that field only; the search index follows the notes; personal data given
// again unchanged stays, changed is replaced; a save with nothing changed
// succeeds and leaves the entry as it was; a deleted entry is refused.
func TestSaveRequestWritesWhatChanged(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	q := newRequest(o.ID, model.NewDate(2021, 3, 5), model.NaturalPerson, "申请公开征地补偿标准")
	q.Personal = model.Personal{Name: "张三", Phone: "13800000000", Address: "大雁镇幸福街1号"}
	q.Outcome, q.Answered = model.RowDisclosed, model.NewDate(2021, 3, 20)
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	want := q

	// One field: the notes.
	q.Notes = "已电话告知申请人领取方式"
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	want.Notes = q.Notes
	got, err := s.Request(ctx, q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("after editing the notes:\n got %+v\nwant %+v", got, want)
	}
	page, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Year: 2021, Text: "电话告知", Limit: 10})
	if err != nil || len(page) != 1 || page[0].ID != q.ID {
		t.Fatalf("search for the new notes: %d rows, %v", len(page), err)
	}

	// The same values again, personal data included: nothing to write.
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatalf("saving an unchanged entry: %v", err)
	}
	if got, _ := s.Request(ctx, q.ID, true); got != want {
		t.Fatalf("after an unchanged save:\n got %+v\nwant %+v", got, want)
	}

	// A changed phone number and outcome.
	q.Personal.Phone = "13900000000"
	q.Outcome = model.RowPartly
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	want.Personal.Phone, want.Outcome = q.Personal.Phone, q.Outcome
	if got, _ := s.Request(ctx, q.ID, true); got != want {
		t.Fatalf("after changing phone and outcome:\n got %+v\nwant %+v", got, want)
	}

	// An entry saved without personal data keeps the stored data.
	q.Personal = model.Personal{}
	q.Summary = "申请公开征地补偿标准及发放名单"
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	want.Summary = q.Summary
	if got, _ := s.Request(ctx, q.ID, true); got != want {
		t.Fatalf("after a save without personal data:\n got %+v\nwant %+v", got, want)
	}

	// A deleted entry cannot be saved.
	if _, err := s.DeleteRequest(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	q.Notes = "再次修改"
	if err := s.SaveRequest(ctx, &q); KindOf(err) != ErrNotFound {
		t.Fatalf("saving a deleted entry: %v, want ErrNotFound", err)
	}
}
