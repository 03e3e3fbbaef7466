package db

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"nianbao/model"
)

func TestCasesAndMeasures(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	c := model.Case{OrganID: o.ID, Year: 2021, Kind: model.CaseReview, Filed: model.NewDate(2021, 6, 1), Result: model.Upheld, Summary: "申请人不服答复"}
	if err := s.SaveCase(ctx, &c); err != nil || c.ID == 0 {
		t.Fatalf("SaveCase: %v id %d", err, c.ID)
	}
	c2 := model.Case{OrganID: o.ID, Year: 2021, Kind: model.CaseDirectSuit, Filed: model.NewDate(2021, 3, 1), Result: model.Pending}
	if err := s.SaveCase(ctx, &c2); err != nil {
		t.Fatal(err)
	}
	c.Result = model.Corrected
	if err := s.SaveCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Cases(ctx, o.ID, 2021)
	if err != nil || !reflect.DeepEqual(got, []model.Case{c2, c}) {
		t.Fatalf("Cases = %+v, %v", got, err)
	}
	del, err := s.DeleteCase(ctx, c.ID)
	if err != nil || del != c {
		t.Fatalf("DeleteCase = %+v, %v", del, err)
	}
	if got, _ := s.Cases(ctx, o.ID, 2021); len(got) != 1 {
		t.Fatalf("after delete: %d cases", len(got))
	}
	if _, err := s.DeleteCase(ctx, c.ID); KindOf(err) != ErrNotFound {
		t.Fatalf("double delete: %v", err)
	}
	if err := s.SaveCase(ctx, &model.Case{OrganID: o.ID, Year: 2021}); KindOf(err) != ErrInvalid {
		t.Fatalf("case without kind: %v", err)
	}

	m := model.Measure{OrganID: o.ID, Year: 2021, Problem: "公开内容不够全面", Measure: "建立信息发布审核制度", Responsible: "党政办", Due: model.NewDate(2021, 12, 31)}
	if err := s.SaveMeasure(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if m.Status != model.MeasureNotStarted || m.FirstYear != 2021 {
		t.Fatalf("defaults not applied: %+v", m)
	}
	m.Status = model.MeasureDone
	if err := s.SaveMeasure(ctx, &m); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Measures(ctx, o.ID, 2021)
	if err != nil || len(ms) != 1 || ms[0] != m {
		t.Fatalf("Measures = %+v, %v", ms, err)
	}
	dm, err := s.DeleteMeasure(ctx, m.ID)
	if err != nil || dm != m {
		t.Fatalf("DeleteMeasure = %+v, %v", dm, err)
	}
	// Deleting the organ cascades to everything it owns.
	if err := s.DeleteOrgan(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Cases(ctx, o.ID, 2021); len(got) != 0 {
		t.Fatalf("cases survived their organ")
	}
	if err := s.SaveCase(ctx, &model.Case{OrganID: o.ID, Year: 2021, Kind: model.CaseReview}); KindOf(err) != ErrNotFound {
		t.Fatalf("case for deleted organ: %v", err)
	}
}

func TestItemsPagingAndLists(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	var items []model.DisclosureItem
	for i := 0; i < 60; i++ {
		it := model.DisclosureItem{OrganID: o.ID, Title: fmt.Sprintf("通知%02d", i), Published: model.NewDate(2021, 1+i%12, 1+i%28),
			Category: []string{"通知公告", "财政信息"}[i%2], Location: "http://www.ewenke.gov.cn/a" + fmt.Sprint(i)}
		if i%3 == 0 {
			it.Channels = []string{"政府网站", "公开栏"}
		} else {
			it.Channels = []string{"政府网站"}
		}
		if i == 5 {
			it.Title, it.Art20Row, it.Art20Action = "规范性文件_甲", model.RowNormativeDocs, model.Art20Issued
		}
		items = append(items, it)
	}
	if err := s.SaveItems(ctx, items); err != nil {
		t.Fatal(err)
	}
	if items[0].ID == 0 || items[0].Year != 2021 {
		t.Fatalf("SaveItems did not set id/year: %+v", items[0])
	}
	one := items[5]
	one.Location = "公开栏"
	if err := s.SaveItem(ctx, &one); err != nil {
		t.Fatal(err)
	}
	items[5] = one
	all, err := s.Items(ctx, o.ID, 2021)
	if err != nil || len(all) != 60 {
		t.Fatalf("Items: %d, %v", len(all), err)
	}
	byID := map[int64]model.DisclosureItem{}
	for _, it := range all {
		byID[it.ID] = it
	}
	for _, it := range items {
		if !reflect.DeepEqual(byID[it.ID], it) {
			t.Fatalf("item round trip:\n got %+v\nwant %+v", byID[it.ID], it)
		}
	}
	for i := 1; i < len(all); i++ {
		if all[i].Published < all[i-1].Published {
			t.Fatalf("Items not ordered by date")
		}
	}

	check := func(name string, q ItemQuery, keep func(model.DisclosureItem) bool) {
		t.Helper()
		var want []int64
		for _, it := range all {
			if keep(it) {
				want = append(want, it.ID)
			}
		}
		q.OrganID, q.Year, q.Limit = o.ID, 2021, 7
		var got []int64
		for {
			page, err := s.ItemPage(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			for _, it := range page {
				got = append(got, it.ID)
			}
			q.AfterPublished, q.AfterID = page[len(page)-1].Published, page[len(page)-1].ID
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: got %v want %v", name, got, want)
		}
		q.AfterPublished, q.AfterID = 0, 0
		if n, _ := s.CountItems(ctx, q); n != len(want) {
			t.Errorf("%s: CountItems %d want %d", name, n, len(want))
		}
	}
	check("all", ItemQuery{}, func(model.DisclosureItem) bool { return true })
	check("category", ItemQuery{Category: "财政信息"}, func(it model.DisclosureItem) bool { return it.Category == "财政信息" })
	check("channel", ItemQuery{Channel: "公开栏"}, func(it model.DisclosureItem) bool { return len(it.Channels) == 2 })
	check("month", ItemQuery{Month: 3}, func(it model.DisclosureItem) bool { return it.Published.Month() == 3 })
	check("text", ItemQuery{Text: "件_"}, func(it model.DisclosureItem) bool { return it.ID == items[5].ID })

	// Backwards from the third page gives the second.
	p1, _ := s.ItemPage(ctx, ItemQuery{OrganID: o.ID, Year: 2021, Limit: 10})
	p2, _ := s.ItemPage(ctx, ItemQuery{OrganID: o.ID, Year: 2021, Limit: 10, AfterPublished: p1[9].Published, AfterID: p1[9].ID})
	back, _ := s.ItemPage(ctx, ItemQuery{OrganID: o.ID, Year: 2021, Limit: 10, BeforePublished: p2[0].Published, BeforeID: p2[0].ID})
	if !reflect.DeepEqual(back, p1) {
		t.Fatalf("backward item page differs")
	}

	del, err := s.DeleteItem(ctx, items[0].ID)
	if err != nil || !reflect.DeepEqual(del, items[0]) {
		t.Fatalf("DeleteItem = %+v, %v", del, err)
	}

	for _, v := range []string{"通知公告", "财政信息", "通知公告"} {
		if err := s.AddItemListValue(ctx, o.ID, ListCategory, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddItemListValue(ctx, o.ID, ListChannel, "政府网站"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddItemListValue(ctx, o.ID, "colour", "红"); KindOf(err) != ErrInvalid {
		t.Fatalf("bad list kind: %v", err)
	}
	cats, chans, err := s.ItemLists(ctx, o.ID)
	if err != nil || fmt.Sprint(cats) != "[通知公告 财政信息]" || fmt.Sprint(chans) != "[政府网站]" {
		t.Fatalf("ItemLists = %v %v %v", cats, chans, err)
	}
	if err := s.DeleteItemListValue(ctx, o.ID, ListCategory, "通知公告"); err != nil {
		t.Fatal(err)
	}
	cats, _, _ = s.ItemLists(ctx, o.ID)
	if fmt.Sprint(cats) != "[财政信息]" {
		t.Fatalf("after delete: %v", cats)
	}
}

func TestCalendarDays(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	days := []CalendarDay{
		{Date: model.NewDate(2027, 2, 7), Workday: true, Name: "调休上班"},
		{Date: model.NewDate(2027, 2, 6), Workday: false, Name: "春节"},
	}
	for _, d := range days {
		if err := s.SaveCalendarDay(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	days[0].Name = "春节调休"
	if err := s.SaveCalendarDay(ctx, days[0]); err != nil {
		t.Fatal(err)
	}
	got, err := s.CalendarDays(ctx)
	if err != nil || !reflect.DeepEqual(got, []CalendarDay{days[1], days[0]}) {
		t.Fatalf("CalendarDays = %+v, %v", got, err)
	}
	if err := s.DeleteCalendarDay(ctx, days[1].Date); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.CalendarDays(ctx); len(got) != 1 {
		t.Fatalf("after delete: %v", got)
	}
	if err := s.SaveCalendarDay(ctx, CalendarDay{Date: model.NewDate(2027, 2, 30)}); KindOf(err) != ErrInvalid {
		t.Fatalf("invalid date accepted: %v", err)
	}
}

// TestCalendarAppliesTheClerksDays: the store's calendar is the built-in one
// with the clerk's days on top, so a 2027 Saturday the clerk set as 调休上班
// counts as a working day and a Wednesday set as a holiday does not.
func TestCalendarAppliesTheClerksDays(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	sat, wed := model.NewDate(2027, 3, 6), model.NewDate(2027, 3, 10)
	cal, err := s.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cal.IsWorkday(sat) || !cal.IsWorkday(wed) {
		t.Fatalf("built-in calendar: Saturday workday %v, Wednesday workday %v", cal.IsWorkday(sat), cal.IsWorkday(wed))
	}
	for _, d := range []CalendarDay{{Date: sat, Workday: true, Name: "调休上班"}, {Date: wed, Name: "放假"}} {
		if err := s.SaveCalendarDay(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if cal, err = s.Calendar(ctx); err != nil {
		t.Fatal(err)
	}
	if !cal.IsWorkday(sat) || cal.IsWorkday(wed) {
		t.Fatalf("with the clerk's days: Saturday workday %v, Wednesday workday %v", cal.IsWorkday(sat), cal.IsWorkday(wed))
	}
}
