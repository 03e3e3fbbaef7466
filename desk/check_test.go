package desk

import (
	"context"
	"reflect"
	"testing"

	"nianbao/model"
)

// CheckYear (the load for one check, whose personal-value index keeps only
// what may occur in the public texts) finds what the full load finds, on
// the demo years and after a paragraph names an applicant of the log by
// name and by spaced phone number.
func TestCheckYearFindsWhatTheFullLoadFinds(t *testing.T) {
	ctx := context.Background()
	st, cal, o := demoOrgan(t)
	same := func(year int) []model.Finding {
		t.Helper()
		_, got, err := st.CheckYear(ctx, o.ID, year, cal, snapToday)
		if err != nil {
			t.Fatal(err)
		}
		full, err := st.LoadOrganYear(ctx, o.ID, year, false)
		if err != nil {
			t.Fatal(err)
		}
		if want := model.Check(full, cal, snapToday); !reflect.DeepEqual(got, want) {
			t.Fatalf("%d: CheckYear found\n%v\nthe full load\n%v", year, got, want)
		}
		return got
	}
	same(2019)
	same(2021)
	log, err := st.RequestsForYear(ctx, o.ID, 2021, true)
	if err != nil {
		t.Fatal(err)
	}
	var p model.Personal
	for _, q := range log {
		if len([]rune(q.Personal.Name)) >= 2 && len(q.Personal.Phone) >= 11 {
			p = q.Personal
			break
		}
	}
	if p.Name == "" {
		t.Fatal("no applicant with a name and a phone in the demo log")
	}
	r, err := st.Report(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{"经与" + p.Name + "沟通，已答复。", "咨询电话 " + p.Phone[:3] + " " + p.Phone[3:7] + " " + p.Phone[7:] + "。"} {
		b := model.Block{Section: 6, Pos: 900 + i, Kind: model.BlockParagraph, Text: text}
		if err := st.SaveBlock(ctx, r.ID, &b); err != nil {
			t.Fatal(err)
		}
	}
	s1 := 0
	for _, f := range same(2021) {
		if f.Rule == "S1" {
			s1++
		}
	}
	if s1 != 2 {
		t.Fatalf("%d S1 findings for two paragraphs naming an applicant", s1)
	}
}
