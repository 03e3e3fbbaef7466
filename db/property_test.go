package db

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"nianbao/model"
)

// TestRequestQueriesMatchModel fills a log at random and checks every
// filter combination, walked page by page, against the same rule written
// over model.Request in Go, and the year's log against model.ComputeS3.
func TestRequestQueriesMatchModel(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	rng := rand.New(rand.NewSource(7))
	words := []string{"征地补偿", "低保名单", "规划许可", "财政预算", "拆迁安置"}
	var all []model.Request
	for i := 0; i < 600; i++ {
		y := 2019 + rng.Intn(4)
		q := model.Request{OrganID: o.ID, Received: model.NewDate(y, 1+rng.Intn(12), 1+rng.Intn(28)),
			Applicant: model.ApplicantTypes[rng.Intn(6)], Summary: "申请" + words[rng.Intn(len(words))]}
		switch rng.Intn(4) {
		case 0: // open
		case 1: // answered without an outcome yet
			q.Answered = q.Received.AddDays(rng.Intn(60))
		default:
			q.Answered = q.Received.AddDays(rng.Intn(400))
			q.Outcome = []string{model.RowDisclosed, model.RowPartly, "o3_1"}[rng.Intn(3)]
		}
		if err := s.SaveRequest(ctx, &q); err != nil {
			t.Fatal(err)
		}
		all = append(all, q)
	}
	relevant := func(q model.Request, y int) bool {
		return q.Year == y || q.Year < y && !(q.Closed() && q.Answered < model.YearStart(y))
	}
	status := map[string]func(model.Request, int) bool{
		"":             func(model.Request, int) bool { return true },
		StatusOpen:     func(q model.Request, _ int) bool { return !q.Closed() },
		StatusAnswered: func(q model.Request, _ int) bool { return q.Closed() },
		StatusCarried: func(q model.Request, y int) bool {
			return q.Year <= y && !(q.Closed() && q.Answered <= model.YearEnd(y))
		},
	}
	checked := 0
	for _, y := range []int{0, 2019, 2020, 2021, 2022} {
		for st, keep := range status {
			if st == StatusCarried && y == 0 {
				continue
			}
			for _, app := range []model.ApplicantType{"", model.Business} {
				for _, text := range []string{"", "低保", "规划许可"} {
					for _, outcome := range []string{"", model.RowPartly} {
						base := RequestQuery{OrganID: o.ID, Year: y, Status: st, Applicant: app, Text: text, Outcome: outcome, Limit: 9}
						var want []int64
						for _, q := range all {
							if (y == 0 || relevant(q, y)) && keep(q, y) && (app == "" || q.Applicant == app) &&
								strings.Contains(q.Summary+q.Notes, text) && (outcome == "" || q.Outcome == outcome) {
								want = append(want, q.ID)
							}
						}
						var got []int64
						for key := int64(0); ; {
							qq := base
							qq.AfterSerialKey = key
							page, err := s.RequestPage(ctx, qq)
							if err != nil {
								t.Fatal(err)
							}
							if len(page) == 0 {
								break
							}
							for _, q := range page {
								if SerialKey(q) <= key {
									t.Fatalf("%+v: order broken at %d after %d", base, SerialKey(q), key)
								}
								key = SerialKey(q)
							}
							got = append(got, ids(page)...)
						}
						// Backwards from the end, page by page, gives the same entries.
						var back []int64
						for key := int64(9999_999_999); ; {
							qq := base
							qq.BeforeSerialKey = key
							page, err := s.RequestPage(ctx, qq)
							if err != nil {
								t.Fatal(err)
							}
							if len(page) == 0 {
								break
							}
							for i := len(page) - 1; i >= 0; i-- {
								if SerialKey(page[i]) >= key {
									t.Fatalf("%+v: backward order broken at %d before %d", base, SerialKey(page[i]), key)
								}
								key = SerialKey(page[i])
							}
							back = append(ids(page), back...)
						}
						if fmt.Sprint(back) != fmt.Sprint(got) {
							t.Fatalf("%+v: backward walk differs from forward walk", base)
						}
						// The reference list is in insertion order; the store's in (Year, Serial).
						if fmt.Sprint(sortedIDs(got)) != fmt.Sprint(sortedIDs(want)) {
							t.Fatalf("%+v: got %d entries, want %d", base, len(got), len(want))
						}
						n, err := s.CountRequests(ctx, base)
						if err != nil || n != len(want) {
							t.Fatalf("%+v: count %d, want %d (%v)", base, n, len(want), err)
						}
						checked++
					}
				}
			}
		}
	}
	for _, y := range []int{2019, 2020, 2021, 2022} {
		log, err := s.RequestsForYear(ctx, o.ID, y, false)
		if err != nil {
			t.Fatal(err)
		}
		f := model.FormatForYear(y)
		v := model.ComputeS3(f, y, log)
		vAll := model.ComputeS3(f, y, all)
		if fmt.Sprint(v) != fmt.Sprint(vAll) {
			t.Fatalf("%d: table 三 from the year's log differs from the one from the whole log", y)
		}
		in := v[model.Addr(model.TableS3, model.RowNew, model.ColTotal)] + v[model.Addr(model.TableS3, model.RowCarriedIn, model.ColTotal)]
		if int(in) != len(log) {
			t.Fatalf("%d: log has %d entries, table 三 counts %d new + carried in", y, len(log), in)
		}
	}
	if checked < 100 {
		t.Fatalf("only %d combinations checked", checked)
	}
}

func sortedIDs(x []int64) []int64 {
	out := append([]int64(nil), x...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
