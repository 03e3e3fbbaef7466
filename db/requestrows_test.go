package db

import (
	"context"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"nianbao/model"
)

// requestsByColumns reads what requestsForYear reads, one column at a time
// (the plain scan the packed rows replace).
func requestsByColumns(t *testing.T, s *Store, organID int64, year int, withPersonal bool) []model.Request {
	t.Helper()
	c, args := yearWhere(year)
	query := "SELECT " + requestCols + " FROM requests r"
	if withPersonal {
		query = "SELECT " + requestCols + personalCols + " FROM requests r" + personalJoin
	}
	query += " WHERE r.organ_id = ? AND " + c + " ORDER BY r.year, r.serial"
	out, err := queryRequests(context.Background(), s.db, query, append([]any{organID}, args...), withPersonal)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The packed read of a year's log gives every field of every entry as the
// scan column by column does: random entries over five years (carried-in
// ones among them), texts holding the separators, digits, NUL bytes,
// escapes and invalid UTF-8, negative numbers, with and without personal
// data, and another organ's entries left out.
func TestRequestsForYearPackedEqualsColumns(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	other := mustOrgan(t, s, "巴彦托海镇人民政府")
	rng := rand.New(rand.NewPCG(18, 5))
	texts := append([]string{"", "", "", "12 34|56", "|", " ", "-7 ", "\xff\xfe坏\xc3", "o3_1", "张三 138-0000-0000"}, hostileText...)
	pick := func() string { return texts[rng.IntN(len(texts))] }
	date := func(y int) model.Date {
		if rng.IntN(3) == 0 {
			return 0
		}
		return model.NewDate(y+rng.IntN(2), 1+rng.IntN(12), 1+rng.IntN(28))
	}
	var ids []int64
	for i := 0; i < 400; i++ {
		y := 2019 + rng.IntN(5)
		q := model.Request{OrganID: o.ID, Received: model.NewDate(y, 1+rng.IntN(12), 1+rng.IntN(28)),
			Channel: model.Channel(pick()), Applicant: model.ApplicantType(pick()), Summary: pick() + pick(),
			CorrectionNotice: date(y), Corrected: date(y), ExtApprovedBy: pick(), ExtNotice: date(y),
			ExtDays: rng.IntN(21), ExcludedDays: rng.IntN(5), DelayNotice: date(y), DelayedTo: date(y),
			Outcome: pick(), Answered: date(y), FeeMethod: model.FeeMethod(pick()), Pages: rng.IntN(400),
			Fee: rng.Int64N(1 << 40), FeeNotice: date(y), FeePaid: date(y), Notes: pick()}
		if rng.IntN(2) == 0 {
			q.Personal = model.Personal{Name: pick(), Phone: pick(), IDNumber: pick(), Address: pick()}
		}
		if i%7 == 0 {
			q.OrganID = other.ID
		}
		if err := s.SaveRequest(ctx, &q); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, q.ID)
	}
	// Values no form writes, but the columns can hold.
	if _, err := s.db.ExecContext(ctx, "UPDATE requests SET ext_days = -3, fee = -9223372036854775 WHERE id = ?", ids[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "UPDATE requests SET summary = ? WHERE id = ?", strings.Repeat("长", 40000), ids[2]); err != nil {
		t.Fatal(err)
	}
	for y := 2018; y <= 2025; y++ {
		for _, withPersonal := range []bool{false, true} {
			got, err := s.RequestsForYear(ctx, o.ID, y, withPersonal)
			if err != nil {
				t.Fatal(err)
			}
			want := requestsByColumns(t, s, o.ID, y, withPersonal)
			if !reflect.DeepEqual(got, want) {
				if len(got) != len(want) {
					t.Fatalf("%d (personal %v): %d entries packed, %d by columns", y, withPersonal, len(got), len(want))
				}
				for i := range got {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("%d (personal %v), entry %d:\npacked     %+v\nby columns %+v", y, withPersonal, i, got[i], want[i])
					}
				}
			}
			if y >= 2019 && y <= 2023 && len(got) == 0 {
				t.Fatalf("%d: no entries", y)
			}
		}
	}
}

// A value of the wrong type in an integer column is a read error, as the
// scan into an integer was, not a zero.
func TestRequestsForYearRefusesWrongType(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	q := model.Request{OrganID: o.ID, Received: model.NewDate(2021, 3, 1), Summary: "查询"}
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{"十", 1.5} {
		if _, err := s.db.ExecContext(ctx, "UPDATE requests SET pages = ? WHERE id = ?", v, q.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RequestsForYear(ctx, o.ID, 2021, false); err == nil {
			t.Errorf("pages = %v read without an error", v)
		}
		if _, err := s.LoadOrganYear(ctx, o.ID, 2021, false); err == nil {
			t.Errorf("pages = %v: the year loaded without an error", v)
		}
	}
}

func TestUnpackRefusesBrokenRows(t *testing.T) {
	n := make([]int64, 3)
	good := "12 -3 2|ab"
	rest, err := unpackInts([]byte(good), n)
	if err != nil || string(rest) != "ab" || n[0] != 12 || n[1] != -3 || n[2] != 2 {
		t.Fatalf("%q: %v %v %q", good, n, err, rest)
	}
	var out [1]string
	if err := splitTexts(rest, n[2:], out[:]); err != nil || out[0] != "ab" {
		t.Fatalf("split %q: %q %v", rest, out[0], err)
	}
	for _, row := range []string{"", "12", "12 -3", "12 -3 2", "12 -3 2 |", "12 x 2|", "12  2|", "- 3 2|", "12 -3 2 4|",
		"1234567890123456789 1 2|", "12|-3 2|"} {
		if _, err := unpackInts([]byte(row), n); !errors.Is(err, errPacked) {
			t.Errorf("%q read as %v (%v)", row, n, err)
		}
	}
	for _, c := range []struct {
		texts string
		lens  []int64
	}{{"abc", []int64{2}}, {"abc", []int64{4}}, {"abc", []int64{-1}}, {"", []int64{1}}} {
		if err := splitTexts([]byte(c.texts), c.lens, out[:]); !errors.Is(err, errPacked) {
			t.Errorf("%q cut by %v: %v", c.texts, c.lens, err)
		}
	}
}

// The index of personal values read packed finds in a public text what an
// index made from the same rows read column by column finds: the same
// number of values, and for each of 60 texts naming one the same finding
// of rule S1 (the first holder by year, serial and field).
func TestPersonalIndexPackedEqualsColumns(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	rng := rand.New(rand.NewPCG(18, 6))
	names := []string{"张三", "李四", "王五五", "欧阳娜娜", "\xff\xfe坏名", "Zhang San", "ｚｈａｎｇ"}
	phones := []string{"13800001111", "138 0000 2222", "0470-1234567", "１３９００００３３３３", ""}
	addrs := []string{"团结路6号院", "大雁镇政府路1号 3-201", "", "x"}
	var values []string
	for i := 0; i < 200; i++ {
		p := model.Personal{Name: names[rng.IntN(len(names))], Phone: phones[rng.IntN(len(phones))],
			IDNumber: "15070219850612" + string(rune('0'+rng.IntN(10))) + "43X", Address: addrs[rng.IntN(len(addrs))]}
		q := model.Request{OrganID: o.ID, Received: model.NewDate(2019+rng.IntN(4), 1+rng.IntN(12), 1+rng.IntN(28)), Personal: p}
		if err := s.SaveRequest(ctx, &q); err != nil {
			t.Fatal(err)
		}
		values = append(values, p.Name, p.Phone, p.IDNumber, p.Address)
	}
	r := model.NewReport(o.ID, 2021)
	if err := s.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 60; i++ {
		b := model.Block{Section: 1 + i%6, Pos: 100 + i, Kind: model.BlockParagraph, Text: "本年度收到" + values[rng.IntN(len(values))] + "的申请。"}
		if err := s.SaveBlock(ctx, r.ID, &b); err != nil {
			t.Fatal(err)
		}
	}
	oy, err := s.LoadOrganYear(ctx, o.ID, 2021, false)
	if err != nil {
		t.Fatal(err)
	}
	ref := model.NewPersonalIndex()
	for y := 2019; y <= 2022; y++ {
		for _, q := range requestsByColumns(t, s, o.ID, y, true) {
			if q.Year == y {
				ref.Add(q.Year, q.Serial, q.Personal)
			}
		}
	}
	if oy.Personal.Len() != ref.Len() || ref.Len() < 20 {
		t.Fatalf("packed index holds %d values, the reference %d", oy.Personal.Len(), ref.Len())
	}
	s1 := func(oy *model.OrganYear) []string {
		var out []string
		for _, f := range model.Check(oy, nil, 0) {
			if f.Rule == "S1" {
				out = append(out, f.Message)
			}
		}
		return out
	}
	got := s1(oy)
	refOY := *oy
	refOY.Personal = ref
	if want := s1(&refOY); !reflect.DeepEqual(got, want) || len(got) < 30 {
		t.Fatalf("S1 with the packed index:\n%s\nwith the reference:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The load for one check keeps only the values that may occur in the
	// public texts, and every finding is the same.
	toCheck, err := s.LoadOrganYearToCheck(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if toCheck.Personal.Len() >= oy.Personal.Len() {
		t.Errorf("the index for the check holds %d values, the full one %d", toCheck.Personal.Len(), oy.Personal.Len())
	}
	if a, b := model.Check(toCheck, nil, 0), model.Check(oy, nil, 0); !reflect.DeepEqual(a, b) {
		t.Fatalf("findings of the load for the check:\n%v\nof the full load:\n%v", a, b)
	}
}
