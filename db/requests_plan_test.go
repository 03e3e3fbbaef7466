package db

import (
	"context"
	"slices"
	"strings"
	"testing"

	"nianbao/model"
)

// queryPlan is what EXPLAIN QUERY PLAN says of query, one step a line.
func queryPlan(t *testing.T, s *Store, query string, args []any) string {
	t.Helper()
	rows, err := s.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	return strings.Join(steps, "\n")
}

// TestRequestPagePlan: a year's pages and counts (every filter, both
// directions) find the entries carried into the year on
// requests_unfinished and requests_answered and read them by rowid, and
// the year's own on requests_cover in the log's order: no walk through
// the earlier years' entries, no scan, no sort but of the carried-in ids.
// Without a year the log is walked on requests_cover; a text search keeps
// SQLite's own plan.
func TestRequestPagePlan(t *testing.T) {
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	for _, q := range []RequestQuery{
		{Year: 2021, Limit: 50},
		{Year: 2021, Limit: 50, AfterSerialKey: SerialKey(model.Request{Year: 2020, Serial: 7})},
		{Year: 2021, Limit: 50, BeforeSerialKey: 1 << 62},
		{Year: 2021, Limit: 50, Status: StatusOpen},
		{Year: 2021, Limit: 50, Status: StatusCarried},
		{Year: 2021, Limit: 50, Outcome: "o3"},
		{Year: 2021, Limit: 50, Applicant: model.Business},
	} {
		q.OrganID = o.ID
		query, args, _, err := q.pageSQL()
		if err != nil {
			t.Fatal(err)
		}
		plan := queryPlan(t, s, query, args)
		_, year, _ := strings.Cut(plan, "RIGHT")
		if !strings.Contains(plan, "COVERING INDEX requests_unfinished (organ_id=? AND year<?)") ||
			!strings.Contains(plan, "COVERING INDEX requests_answered (organ_id=? AND answered>?)") ||
			!strings.Contains(plan, "INTEGER PRIMARY KEY") ||
			!strings.Contains(year, "USING INDEX requests_cover (organ_id=? AND year=?") || strings.Contains(year, "TEMP B-TREE") ||
			strings.Contains(plan, "SCAN") {
			t.Errorf("page %+v:\n%s", q, plan)
		}
		q.Limit = 0
		query, args, err = q.countSQL()
		if err != nil {
			t.Fatal(err)
		}
		plan = queryPlan(t, s, query, args)
		if !strings.Contains(plan, "requests_unfinished (organ_id=? AND year<?)") ||
			!strings.Contains(plan, "requests_cover (organ_id=? AND year=?)") || strings.Contains(plan, "SCAN r") {
			t.Errorf("count %+v:\n%s", q, plan)
		}
	}
	q := RequestQuery{OrganID: o.ID, Limit: 50}
	query, args, _, err := q.pageSQL()
	if err != nil {
		t.Fatal(err)
	}
	if plan := queryPlan(t, s, query, args); !strings.Contains(plan, "USING INDEX requests_cover (organ_id=?)") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("the whole log:\n%s", plan)
	}
	q = RequestQuery{OrganID: o.ID, Year: 2021, Text: "征地补偿", Limit: 50}
	query, _, _, err = q.pageSQL()
	if _, year, _ := strings.Cut(query, "UNION ALL SELECT r.id"); err != nil || strings.Contains(year, "INDEXED BY") {
		t.Errorf("a text search is tied to an index (%v):\n%s", err, query)
	}
}

// TestUnansweredRequests: the organ's entries without an answer date, of
// every year, found on the index; answered entries (with or without an
// outcome) and other organs' entries are left out.
func TestUnansweredRequests(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	other := mustOrgan(t, s, "伊敏河镇人民政府")
	var want []int64
	for _, c := range []struct {
		organ    int64
		received model.Date
		answered model.Date
		outcome  string
	}{
		{o.ID, 20200302, 0, ""},
		{o.ID, 20200303, 20200320, model.RowDisclosed},
		{o.ID, 20210105, 20210110, ""}, // answer date, no outcome yet
		{o.ID, 20210106, 0, ""},
		{other.ID, 20210107, 0, ""},
	} {
		q := newRequest(c.organ, c.received, model.NaturalPerson, "申请公开")
		q.Answered, q.Outcome = c.answered, c.outcome
		if err := s.SaveRequest(ctx, &q); err != nil {
			t.Fatal(err)
		}
		if c.organ == o.ID && c.answered == 0 {
			want = append(want, q.ID)
		}
	}
	got, err := s.UnansweredRequests(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, q := range got {
		ids = append(ids, q.ID)
		if !q.Personal.IsZero() {
			t.Errorf("personal data read: %+v", q)
		}
	}
	slices.Sort(ids)
	if !slices.Equal(ids, want) {
		t.Errorf("UnansweredRequests = %v, want %v", ids, want)
	}
	if plan := queryPlan(t, s, unansweredSQL, []any{o.ID}); !strings.Contains(plan, "INTEGER PRIMARY KEY") {
		t.Errorf("plan:\n%s", plan)
	}
}
