package db

import (
	"context"
	"testing"

	"nianbao/model"
)

func TestLetterRecordsAndTemplates(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	o.ReviewOrgan, o.Court, o.LetterPattern = "鄂温克族自治旗人民政府", "海拉尔区人民法院", "大政信〔{年}〕第{号}号"
	if err := s.SaveOrgan(ctx, &o); err != nil {
		t.Fatal(err)
	}
	back, err := s.Organ(ctx, o.ID)
	if err != nil || back != o {
		t.Fatalf("organ profile fields: %+v %v", back, err)
	}

	q := newRequest(o.ID, model.NewDate(2021, 3, 1), model.NaturalPerson, "申请公开危房改造名单")
	q.Personal.Name = "王小红"
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	q2 := newRequest(o.ID, model.NewDate(2021, 3, 2), model.Business, "申请公开招标文件")
	if err := s.SaveRequest(ctx, &q2); err != nil {
		t.Fatal(err)
	}
	got, err := s.RequestBySerial(ctx, o.ID, 2021, 1, true)
	if err != nil || got.Personal.Name != "王小红" || got.ID != q.ID {
		t.Fatalf("RequestBySerial: %+v %v", got, err)
	}
	if _, err := s.RequestBySerial(ctx, o.ID, 2021, 9, false); KindOf(err) != ErrNotFound {
		t.Fatalf("missing serial: %v", err)
	}

	// A 补正 notice: number 1 of 2021, its date lands on the request.
	l := &model.Letter{Kind: model.LetterCorrection, Date: model.NewDate(2021, 3, 5)}
	rec, err := s.RecordLetter(ctx, o, &q, l)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Seq != 1 || l.Number != "大政信〔2021〕第1号" || q.CorrectionNotice != l.Date || q.Personal.Name != "王小红" {
		t.Fatalf("first letter: %+v number %q notice %v", rec, l.Number, q.CorrectionNotice)
	}
	stored, _ := s.Request(ctx, q.ID, true)
	if stored.CorrectionNotice != l.Date || stored.Personal.Name != "王小红" {
		t.Fatalf("stored request: %+v", stored)
	}
	// Another request's fee notice takes number 2 and records the fee.
	q2.FeeMethod = model.FeePerRequest
	if err := s.SaveRequest(ctx, &q2); err != nil {
		t.Fatal(err)
	}
	l2 := &model.Letter{Kind: model.LetterFee, Date: model.NewDate(2021, 3, 8), Fee: 10000}
	if rec, err = s.RecordLetter(ctx, o, &q2, l2); err != nil || rec.Seq != 2 || q2.FeeNotice != l2.Date || q2.Fee != 10000 {
		t.Fatalf("second letter: %+v %v %+v", rec, err, q2)
	}
	// Writing the 补正 notice again keeps its number and takes the new date;
	// the request's recorded date stays.
	l3 := &model.Letter{Kind: model.LetterCorrection, Date: model.NewDate(2021, 3, 6)}
	if rec, err = s.RecordLetter(ctx, o, &q, l3); err != nil || rec.Seq != 1 || l3.Number != "大政信〔2021〕第1号" || q.CorrectionNotice != model.NewDate(2021, 3, 5) {
		t.Fatalf("re-issued letter: %+v %v %q %v", rec, err, l3.Number, q.CorrectionNotice)
	}
	// A letter dated in 2022 starts the 2022 numbers.
	l4 := &model.Letter{Kind: model.LetterAnswer, Date: model.NewDate(2022, 1, 5)}
	if rec, err = s.RecordLetter(ctx, o, &q, l4); err != nil || rec.Seq != 1 || l4.Number != "大政信〔2022〕第1号" || q.Answered != l4.Date {
		t.Fatalf("2022 letter: %+v %v %q", rec, err, l4.Number)
	}
	recs, err := s.LettersOf(ctx, q.ID)
	if err != nil || len(recs) != 2 || recs[0].Kind != model.LetterCorrection || recs[0].Date != l3.Date || recs[1].Kind != model.LetterAnswer {
		t.Fatalf("LettersOf: %+v %v", recs, err)
	}
	// An undated letter is refused.
	if _, err := s.RecordLetter(ctx, o, &q, &model.Letter{Kind: model.LetterFee}); err == nil {
		t.Fatal("undated letter recorded")
	}

	// Templates: the organ's text replaces the default; an empty body
	// restores it; unknown keys are refused.
	if err := s.SaveLetterTemplate(ctx, o.ID, "correction", model.LetterTemplate{Title: "补正通知", Body: "请补正：{补正事项}\r\n第二段"}); err != nil {
		t.Fatal(err)
	}
	ts, err := s.LetterTemplates(ctx, o.ID)
	if err != nil || ts["correction"].Title != "补正通知" || ts["correction"].Body != "请补正：{补正事项}\n第二段" {
		t.Fatalf("templates: %+v %v", ts, err)
	}
	if err := s.SaveLetterTemplate(ctx, o.ID, "correction", model.LetterTemplate{}); err != nil {
		t.Fatal(err)
	}
	if ts, _ = s.LetterTemplates(ctx, o.ID); len(ts) != 0 {
		t.Fatalf("template not removed: %+v", ts)
	}
	if err := s.SaveLetterTemplate(ctx, o.ID, "answer.o9", model.LetterTemplate{Body: "x"}); err == nil {
		t.Fatal("unknown template key saved")
	}
	// Deleting the request deletes its letter records.
	if _, err := s.DeleteRequest(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	if recs, _ = s.LettersOf(ctx, q.ID); len(recs) != 0 {
		t.Fatalf("letters outlive their request: %+v", recs)
	}
}
