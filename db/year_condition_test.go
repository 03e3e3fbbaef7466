package db

import (
	"context"
	"slices"
	"testing"

	"nianbao/model"
)

// The store's year condition (yearWhere, and RequestQuery's Year for the
// paged list and its count) selects exactly the entries
// model.Request.InOrganYear puts in the year's log, on the boundary dates:
// received on 31 December or 1 January, closed on the last or first day of
// a year, answered without an outcome (not closed), carried over one or
// more years.
func TestYearConditionIsInOrganYear(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	d := model.NewDate
	entries := []model.Request{
		{Received: d(2019, 6, 1)}, // open for years
		{Received: d(2019, 12, 31), Answered: d(2020, 1, 1), Outcome: "o1"}, // closed on 1 January
		{Received: d(2020, 12, 31)},                                         // open, carried into 2021
		{Received: d(2020, 12, 31), Answered: d(2020, 12, 31), Outcome: "o1"},
		{Received: d(2020, 12, 31), Answered: d(2021, 1, 1), Outcome: model.RowDisclosed},
		{Received: d(2020, 12, 30), Answered: d(2021, 12, 31), Outcome: "o2"},
		{Received: d(2020, 11, 2), Answered: d(2020, 12, 1)},                // answered, no outcome: open
		{Received: d(2021, 1, 1)},                                           // open
		{Received: d(2021, 1, 1), Answered: d(2021, 1, 1), Outcome: "o1"},   // closed the day it came
		{Received: d(2021, 12, 31), Answered: d(2022, 1, 1), Outcome: "o1"}, // carried into 2022
		{Received: d(2021, 12, 31), Answered: d(2021, 12, 31), Outcome: "o1"},
		{Received: d(2022, 1, 1), Answered: d(2022, 3, 1), Outcome: "o1"},
	}
	for i := range entries {
		entries[i].OrganID = o.ID
		entries[i].Applicant = model.NaturalPerson
		entries[i].Summary = "申请公开某项信息"
		if err := s.SaveRequest(ctx, &entries[i]); err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
	}
	ids := func(qs []model.Request) []int64 {
		var out []int64
		for _, q := range qs {
			out = append(out, q.ID)
		}
		slices.Sort(out)
		return out
	}
	for year := 2019; year <= 2023; year++ {
		var want []model.Request
		for _, q := range entries {
			if q.InOrganYear(year) {
				want = append(want, q)
			}
		}
		got, err := s.RequestsForYear(ctx, o.ID, year, false)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(got), ids(want)) {
			t.Errorf("%d: RequestsForYear gives %v, InOrganYear %v", year, ids(got), ids(want))
		}
		page, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Year: year})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(page), ids(want)) {
			t.Errorf("%d: RequestPage gives %v, InOrganYear %v", year, ids(page), ids(want))
		}
		if n, err := s.CountRequests(ctx, RequestQuery{OrganID: o.ID, Year: year}); err != nil || n != len(want) {
			t.Errorf("%d: CountRequests = %d (%v), InOrganYear holds %d", year, n, err, len(want))
		}
	}
	// The cases the boundaries turn on, stated outright.
	for _, c := range []struct {
		q    model.Request
		year int
		in   bool
	}{
		{entries[3], 2021, false}, // closed on 31 December 2020
		{entries[4], 2021, true},  // closed on 1 January 2021: carried in
		{entries[4], 2022, false},
		{entries[6], 2023, true}, // no outcome: never closed
		{entries[9], 2022, true},
		{entries[11], 2021, false}, // not received yet
	} {
		if got := c.q.InOrganYear(c.year); got != c.in {
			t.Errorf("received %s answered %s outcome %q: InOrganYear(%d) = %v", c.q.Received, c.q.Answered, c.q.Outcome, c.year, got)
		}
	}
}
