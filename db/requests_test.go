package db

import (
	"context"
	"fmt"
	"testing"

	"nianbao/model"
)

func newRequest(organID int64, received model.Date, a model.ApplicantType, summary string) model.Request {
	return model.Request{OrganID: organID, Received: received, Channel: model.ChannelInPerson, Applicant: a, Summary: summary}
}

func TestRequestCRUDAndPersonalApart(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")

	q := newRequest(o.ID, model.NewDate(2021, 3, 5), model.NaturalPerson, "申请公开征地补偿标准")
	q.Personal = model.Personal{Name: "张三", Phone: "13800000000", IDNumber: "150000199001011234", Address: "大雁镇幸福街1号"}
	q.ExtApprovedBy, q.ExtNotice, q.ExtDays = "王镇长", model.NewDate(2021, 3, 20), 15
	q.FeeMethod, q.Pages, q.Fee = model.FeePerPage, 120, 1000
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatalf("SaveRequest: %v", err)
	}
	if q.ID == 0 || q.Serial != 1 || q.Year != 2021 {
		t.Fatalf("insert: id %d serial %d year %d", q.ID, q.Serial, q.Year)
	}
	q2 := newRequest(o.ID, model.NewDate(2021, 4, 1), model.Business, "申请公开招标文件")
	if err := s.SaveRequest(ctx, &q2); err != nil {
		t.Fatal(err)
	}
	q3 := newRequest(o.ID, model.NewDate(2022, 1, 4), model.Business, "申请公开规划")
	if err := s.SaveRequest(ctx, &q3); err != nil {
		t.Fatal(err)
	}
	if q2.Serial != 2 || q3.Serial != 1 {
		t.Fatalf("serials: %d (want 2), %d (want 1, new year)", q2.Serial, q3.Serial)
	}

	with, err := s.Request(ctx, q.ID, true)
	if err != nil || with != q {
		t.Fatalf("Request(with personal) =\n %+v, %v\nwant %+v", with, err, q)
	}
	without, err := s.Request(ctx, q.ID, false)
	if err != nil || !without.Personal.IsZero() {
		t.Fatalf("Request(without personal) leaked %+v (%v)", without.Personal, err)
	}
	without.Personal = q.Personal
	if without != q {
		t.Fatalf("Request without personal differs otherwise: %+v", without)
	}

	// Saving an entry read without personal data keeps the stored personal data.
	without, _ = s.Request(ctx, q.ID, false)
	without.Outcome, without.Answered = model.RowDisclosed, model.NewDate(2021, 3, 25)
	if err := s.SaveRequest(ctx, &without); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Request(ctx, q.ID, true)
	if got.Personal != q.Personal || got.Outcome != model.RowDisclosed {
		t.Fatalf("after update without personal: %+v", got)
	}

	page, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID})
	if err != nil || len(page) != 3 {
		t.Fatalf("RequestPage = %d rows, %v", len(page), err)
	}
	for _, r := range page {
		if !r.Personal.IsZero() {
			t.Fatalf("RequestPage returned personal data: %+v", r.Personal)
		}
	}
	// Text search looks at personal data only when asked (the ledger's
	// search), and the rows it returns still carry none.
	if n, _ := s.CountRequests(ctx, RequestQuery{OrganID: o.ID, Text: "张三"}); n != 0 {
		t.Fatalf("text search matched personal data (%d rows)", n)
	}
	for _, text := range []string{"张三", "13800000000", "0000000", "150000199001011234", "1234", "138-0000-0000", "征地补偿"} {
		page, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Text: text, Personal: true})
		if err != nil || len(page) != 1 || page[0].ID != q.ID || !page[0].Personal.IsZero() {
			t.Fatalf("personal search %q: %d rows %+v, %v", text, len(page), page, err)
		}
	}
	if n, _ := s.CountRequests(ctx, RequestQuery{OrganID: o.ID, Text: "李四", Personal: true}); n != 0 {
		t.Fatalf("personal search for another name matched %d rows", n)
	}

	// Correcting the date into another year renumbers the entry there.
	moved := newRequest(o.ID, model.NewDate(2021, 1, 2), model.NaturalPerson, "日期录错")
	if err := s.SaveRequest(ctx, &moved); err != nil || moved.Serial != 3 {
		t.Fatalf("insert: serial %d, %v", moved.Serial, err)
	}
	moved.Received = model.NewDate(2022, 1, 2)
	if err := s.SaveRequest(ctx, &moved); err != nil || moved.Year != 2022 || moved.Serial != 2 {
		t.Fatalf("moved to 2022: year %d serial %d, %v", moved.Year, moved.Serial, err)
	}
	if err := s.SaveRequest(ctx, &model.Request{ID: 99999, OrganID: o.ID, Year: 2021, Serial: 7}); KindOf(err) != ErrNotFound {
		t.Fatalf("update of missing entry: %v", err)
	}
	if _, err := s.DeleteRequest(ctx, moved.ID); err != nil {
		t.Fatal(err)
	}

	dup := newRequest(o.ID, model.NewDate(2021, 5, 1), model.NaturalPerson, "重复编号")
	dup.Serial = 2
	if err := s.SaveRequest(ctx, &dup); KindOf(err) != ErrInvalid {
		t.Fatalf("duplicate serial: %v", err)
	}

	deleted, err := s.DeleteRequest(ctx, q.ID)
	if err != nil || deleted.Personal != q.Personal || deleted.ID != q.ID {
		t.Fatalf("DeleteRequest returned %+v, %v", deleted, err)
	}
	if _, err := s.Request(ctx, q.ID, true); KindOf(err) != ErrNotFound {
		t.Fatalf("deleted request still there: %v", err)
	}
	var left int
	s.db.QueryRow("SELECT count(*) FROM request_personal WHERE request_id = ?", q.ID).Scan(&left)
	if left != 0 {
		t.Fatalf("personal data survived deletion of its request")
	}
	if err := s.RestoreRequest(ctx, deleted); err != nil {
		t.Fatalf("RestoreRequest: %v", err)
	}
	back, _ := s.Request(ctx, q.ID, true)
	if back != deleted {
		t.Fatalf("restored =\n %+v\nwant %+v", back, deleted)
	}

	if err := s.SavePersonal(ctx, q.ID, model.Personal{}); err != nil {
		t.Fatal(err)
	}
	back, _ = s.Request(ctx, q.ID, true)
	if !back.Personal.IsZero() {
		t.Fatalf("SavePersonal(empty) did not clear: %+v", back.Personal)
	}
	if err := s.SaveRequest(ctx, &model.Request{OrganID: o.ID}); KindOf(err) != ErrInvalid {
		t.Fatalf("request without date: %v", err)
	}
}

func TestRequestYearRelevanceAndFilters(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	other := mustOrgan(t, s, "伊敏河镇人民政府")
	save := func(q model.Request) model.Request {
		t.Helper()
		if err := s.SaveRequest(ctx, &q); err != nil {
			t.Fatal(err)
		}
		return q
	}
	// 2020: one closed in 2020, one closed in 2021, one still open.
	closed2020 := newRequest(o.ID, model.NewDate(2020, 5, 1), model.NaturalPerson, "2020年办结")
	closed2020.Outcome, closed2020.Answered = model.RowDisclosed, model.NewDate(2020, 5, 20)
	closed2020 = save(closed2020)
	closed2021 := newRequest(o.ID, model.NewDate(2020, 12, 20), model.Business, "跨年办结 100%")
	closed2021.Outcome, closed2021.Answered = model.RowPartly, model.NewDate(2021, 1, 10)
	closed2021 = save(closed2021)
	open2020 := save(newRequest(o.ID, model.NewDate(2020, 12, 28), model.LegalService, "一直未办结"))
	// 2021: answered, open.
	ans2021 := newRequest(o.ID, model.NewDate(2021, 2, 1), model.NaturalPerson, "征地补偿")
	ans2021.Outcome, ans2021.Answered, ans2021.Notes = model.RowDisclosed, model.NewDate(2021, 2, 20), "已当面答复"
	ans2021 = save(ans2021)
	open2021 := save(newRequest(o.ID, model.NewDate(2021, 12, 30), model.NaturalPerson, "年底收到"))
	save(newRequest(other.ID, model.NewDate(2021, 3, 3), model.NaturalPerson, "别的机关"))
	refused := newRequest(o.ID, model.NewDate(2019, 6, 1), model.OtherOrg, "2019年不予公开")
	refused.Outcome, refused.Answered = "o3_2", model.NewDate(2019, 6, 10)
	refused = save(refused)

	ids := func(rs []model.Request) []int64 {
		var out []int64
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	cases := []struct {
		name string
		q    RequestQuery
		want []int64
	}{
		{"year 2021", RequestQuery{Year: 2021}, []int64{closed2021.ID, open2020.ID, ans2021.ID, open2021.ID}},
		{"year 2020", RequestQuery{Year: 2020}, []int64{closed2020.ID, closed2021.ID, open2020.ID}},
		{"all years", RequestQuery{}, []int64{refused.ID, closed2020.ID, closed2021.ID, open2020.ID, ans2021.ID, open2021.ID}},
		{"open", RequestQuery{Year: 2021, Status: StatusOpen}, []int64{open2020.ID, open2021.ID}},
		{"answered", RequestQuery{Year: 2021, Status: StatusAnswered}, []int64{closed2021.ID, ans2021.ID}},
		{"answered, all years", RequestQuery{Status: StatusAnswered}, []int64{refused.ID, closed2020.ID, closed2021.ID, ans2021.ID}},
		{"carried out of 2020", RequestQuery{Year: 2020, Status: StatusCarried}, []int64{closed2021.ID, open2020.ID}},
		{"carried out of 2021", RequestQuery{Year: 2021, Status: StatusCarried}, []int64{open2020.ID, open2021.ID}},
		{"outcome", RequestQuery{Year: 2021, Outcome: model.RowDisclosed}, []int64{ans2021.ID}},
		{"outcome group", RequestQuery{Outcome: "o3"}, []int64{refused.ID}},
		{"outcome sub-row", RequestQuery{Outcome: "o3_2"}, []int64{refused.ID}},
		{"outcome other sub-row", RequestQuery{Outcome: "o3_1"}, nil},
		{"outcome group is not a prefix of o3x", RequestQuery{Outcome: "o"}, nil},
		{"applicant", RequestQuery{Year: 2021, Applicant: model.NaturalPerson}, []int64{ans2021.ID, open2021.ID}},
		{"text in summary", RequestQuery{Text: "征地"}, []int64{ans2021.ID}},
		{"text in notes", RequestQuery{Text: "当面"}, []int64{ans2021.ID}},
		{"literal percent", RequestQuery{Text: "100%"}, []int64{closed2021.ID}},
		{"percent is not a wildcard", RequestQuery{Text: "%"}, []int64{closed2021.ID}},
	}
	for _, c := range cases {
		c.q.OrganID = o.ID
		got, err := s.RequestPage(ctx, c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if fmt.Sprint(ids(got)) != fmt.Sprint(c.want) {
			t.Errorf("%s: got %v want %v", c.name, ids(got), c.want)
		}
		n, err := s.CountRequests(ctx, c.q)
		if err != nil || n != len(c.want) {
			t.Errorf("%s: CountRequests = %d, %v; want %d", c.name, n, err, len(c.want))
		}
	}
	all, err := s.RequestsForYear(ctx, o.ID, 2021, false)
	if err != nil || fmt.Sprint(ids(all)) != fmt.Sprint(cases[0].want) {
		t.Fatalf("RequestsForYear = %v, %v", ids(all), err)
	}
	if _, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Status: "bogus"}); KindOf(err) != ErrInvalid {
		t.Fatalf("unknown status: %v", err)
	}
}

func TestRequestKeysetPaging(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	var all, natural []int64
	for y := 2020; y <= 2021; y++ {
		for i := 0; i < 125; i++ {
			a := model.ApplicantTypes[i%len(model.ApplicantTypes)]
			q := newRequest(o.ID, model.NewDate(y, 1+i%12, 1+i%28), a, fmt.Sprintf("申请%d-%d", y, i))
			if i%3 == 0 {
				q.Outcome, q.Answered = model.RowDisclosed, q.Received.AddDays(5)
			}
			if err := s.SaveRequest(ctx, &q); err != nil {
				t.Fatal(err)
			}
			all = append(all, q.ID)
			if a == model.NaturalPerson {
				natural = append(natural, q.ID)
			}
		}
	}
	walk := func(base RequestQuery) [][]model.Request {
		var pages [][]model.Request
		key := int64(0)
		for {
			q := base
			q.AfterSerialKey = key
			page, err := s.RequestPage(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				return pages
			}
			if len(page) > base.Limit {
				t.Fatalf("page of %d rows exceeds limit %d", len(page), base.Limit)
			}
			pages = append(pages, page)
			key = SerialKey(page[len(page)-1])
		}
	}
	flat := func(pages [][]model.Request) []int64 {
		var out []int64
		for _, p := range pages {
			out = append(out, ids(p)...)
		}
		return out
	}

	pages := walk(RequestQuery{OrganID: o.ID, Limit: 17})
	if len(pages) != 15 || fmt.Sprint(flat(pages)) != fmt.Sprint(all) {
		t.Fatalf("forward paging: %d pages, ids differ from insertion order", len(pages))
	}
	// Backwards from each page's first row gives exactly the page before it.
	for i := len(pages) - 1; i > 0; i-- {
		prev, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Limit: 17, BeforeSerialKey: SerialKey(pages[i][0])})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(ids(prev)) != fmt.Sprint(ids(pages[i-1])) {
			t.Fatalf("backward from page %d: %v want %v", i, ids(prev), ids(pages[i-1]))
		}
	}
	// The page crossing the year boundary is ordered by year, then serial.
	if pages[7][0].Year != 2020 || pages[7][len(pages[7])-1].Year != 2021 {
		t.Fatalf("page 7 should span 2020→2021: %d→%d", pages[7][0].Year, pages[7][len(pages[7])-1].Year)
	}

	filtered := walk(RequestQuery{OrganID: o.ID, Applicant: model.NaturalPerson, Limit: 7})
	if fmt.Sprint(flat(filtered)) != fmt.Sprint(natural) {
		t.Fatalf("filtered paging: got %v want %v", flat(filtered), natural)
	}
	yearOnly := walk(RequestQuery{OrganID: o.ID, Year: 2021, Status: StatusCarried, Limit: 10})
	n, _ := s.CountRequests(ctx, RequestQuery{OrganID: o.ID, Year: 2021, Status: StatusCarried})
	if len(flat(yearOnly)) != n || n == 0 {
		t.Fatalf("carried paging saw %d of %d", len(flat(yearOnly)), n)
	}
}

func ids(rs []model.Request) []int64 {
	var out []int64
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestRequestTextSearchIndex(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	a := newRequest(o.ID, model.NewDate(2021, 3, 1), model.NaturalPerson, "申请公开征地补偿标准")
	a.Personal = model.Personal{Name: "张三丰", Address: "幸福街道一号"}
	b := newRequest(o.ID, model.NewDate(2021, 3, 2), model.Business, "要求提供 PDF 格式的\"招标公告\"")
	b.Notes = "已电话联系申请人"
	for _, q := range []*model.Request{&a, &b} {
		if err := s.SaveRequest(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	find := func(text string) []int64 {
		t.Helper()
		page, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Year: 2021, Text: text})
		if err != nil {
			t.Fatalf("search %q: %v", text, err)
		}
		n, err := s.CountRequests(ctx, RequestQuery{OrganID: o.ID, Year: 2021, Text: text})
		if err != nil || n != len(page) {
			t.Fatalf("count %q = %d, %v; page has %d", text, n, err, len(page))
		}
		return ids(page)
	}
	for text, want := range map[string][]int64{
		"征地补偿":      {a.ID},
		"补偿":        {a.ID}, // two characters: LIKE
		"pdf 格式":    {b.ID}, // ASCII case-insensitive
		`"招标公告"`:    {b.ID}, // quotes are literal
		"电话联系":      {b.ID}, // notes
		"张三丰":       nil,    // personal data is not indexed
		"幸福街道":      nil,
		"申请":        {a.ID, b.ID},
		"OR 征地":     nil, // FTS operators are literal text
		"不存在的内容xyz": nil,
	} {
		if got := find(text); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("search %q = %v, want %v", text, got, want)
		}
	}
	// The index follows updates and deletions.
	a.Summary = "申请公开低保名单"
	if err := s.SaveRequest(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if got := find("征地补偿"); len(got) != 0 {
		t.Fatalf("old text still found: %v", got)
	}
	if got := find("低保名单"); fmt.Sprint(got) != fmt.Sprint([]int64{a.ID}) {
		t.Fatalf("new text not found: %v", got)
	}
	deleted, err := s.DeleteRequest(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := find("电话联系"); len(got) != 0 {
		t.Fatalf("deleted entry still found: %v", got)
	}
	if err := s.RestoreRequest(ctx, deleted); err != nil {
		t.Fatal(err)
	}
	if got := find("电话联系"); fmt.Sprint(got) != fmt.Sprint([]int64{b.ID}) {
		t.Fatalf("restored entry not found: %v", got)
	}
	if err := s.DeleteOrgan(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "INSERT INTO requests_fts (requests_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Fatalf("search index out of step with the log: %v", err)
	}
	var n int
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM requests_fts WHERE requests_fts MATCH '\"低保名单\"'").Scan(&n)
	if n != 0 {
		t.Fatalf("index kept %d rows of a deleted organ", n)
	}
}
