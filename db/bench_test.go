package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"nianbao/model"
)

// benchStore creates a database holding n requests of one organ spread over
// 2020 and 2021 (the 2021 log then holds the 2020 entries still open).
func benchStore(b *testing.B, n int) (*Store, model.Organ) {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	o := model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship}
	reqs := make([]model.Request, 0, n)
	for i := 0; i < n; i++ {
		y, k := 2020+i%2, i/2
		q := model.Request{Year: y, Received: model.NewDate(y, 1+k%12, 1+k%28), Channel: model.ChannelOnline,
			Applicant: model.ApplicantTypes[k%6], Summary: fmt.Sprintf("申请公开第%d号文件及相关材料", i),
			Personal: model.Personal{Name: "申请人", Phone: "13800000000"}}
		if k%4 != 0 {
			q.Outcome, q.Answered = model.RowDisclosed, q.Received.AddDays(10)
		}
		reqs = append(reqs, q)
	}
	oy := &model.OrganYear{Organ: o, Report: model.NewReport(0, 2021), Requests: reqs}
	if err := s.SaveOrganYear(ctx, oy, false); err != nil {
		b.Fatal(err)
	}
	return s, oy.Organ
}

// BenchmarkRequestPage50k: one screen of the request log at 50,000 entries,
// paged by keyset from the middle of the log, with and without filters.
func BenchmarkRequestPage50k(b *testing.B) {
	ctx := context.Background()
	s, o := benchStore(b, 50_000)
	mid := int64(2021)*1_000_000 + 12_500
	for _, c := range []struct {
		name string
		q    RequestQuery
	}{
		{"first", RequestQuery{OrganID: o.ID, Year: 2021, Limit: 40}},
		{"middle", RequestQuery{OrganID: o.ID, Year: 2021, Limit: 40, AfterSerialKey: mid}},
		{"backward", RequestQuery{OrganID: o.ID, Year: 2021, Limit: 40, BeforeSerialKey: mid}},
		{"applicant", RequestQuery{OrganID: o.ID, Year: 2021, Applicant: model.Research, Limit: 40, AfterSerialKey: mid}},
		{"open", RequestQuery{OrganID: o.ID, Year: 2021, Status: StatusOpen, Limit: 40, AfterSerialKey: mid}},
		{"text", RequestQuery{OrganID: o.ID, Year: 2021, Text: "第4999", Limit: 40}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				page, err := s.RequestPage(ctx, c.q)
				if err != nil || len(page) == 0 {
					b.Fatalf("page: %d rows, %v", len(page), err)
				}
			}
		})
	}
	b.Run("count", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.CountRequests(ctx, RequestQuery{OrganID: o.ID, Year: 2021, Status: StatusOpen}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSaveField: one committed field edit through the store (its own
// immediate transaction, synchronous=FULL) against a bare single-row UPDATE
// in autocommit on the same connection with the same pragmas.
func BenchmarkSaveField(b *testing.B) {
	ctx := context.Background()
	s, o := benchStore(b, 100)
	r, err := s.Report(ctx, o.ID, 2021)
	if err != nil {
		b.Fatal(err)
	}
	a := model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")
	if err := s.SetValue(ctx, r.ID, a, 1); err != nil {
		b.Fatal(err)
	}
	b.Run("SetValue", func(b *testing.B) {
		v := int64(0)
		for b.Loop() {
			v++
			if err := s.SetValue(ctx, r.ID, a, v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SaveRequest", func(b *testing.B) {
		q, err := s.Request(ctx, 1, false)
		if err != nil {
			b.Fatal(err)
		}
		i := 0
		for b.Loop() {
			i++
			q.Notes = fmt.Sprint("备注", i)
			if err := s.SaveRequest(ctx, &q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("BareUpdate", func(b *testing.B) {
		v := int64(0)
		for b.Loop() {
			v++
			if _, err := s.db.ExecContext(ctx, "UPDATE report_values SET value = ? WHERE report_id = ? AND tbl = ? AND row = ? AND col = ?",
				v, r.ID, a.Table, a.Row, a.Col); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLoadOrganYear50k: everything an export or a check of one year
// needs, from a log of 50,000 entries (25,000 of them relevant to 2021).
func BenchmarkLoadOrganYear50k(b *testing.B) {
	ctx := context.Background()
	s, o := benchStore(b, 50_000)
	for b.Loop() {
		oy, err := s.LoadOrganYear(ctx, o.ID, 2021, false)
		if err != nil || len(oy.Requests) < 25_000 {
			b.Fatalf("%v", err)
		}
	}
}

// BenchmarkSaveOrganYear10k: importing a year with 10,000 log entries (a
// bundle or the demo) in one transaction.
func BenchmarkSaveOrganYear10k(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	mk := func() *model.OrganYear {
		oy := &model.OrganYear{Organ: model.Organ{Name: "大雁镇人民政府"}, Report: model.NewReport(0, 2021)}
		for i := 0; i < 10_000; i++ {
			oy.Requests = append(oy.Requests, model.Request{Received: model.NewDate(2021, 1+i%12, 1+i%28),
				Applicant: model.NaturalPerson, Summary: fmt.Sprintf("申请公开第%d号文件", i), Personal: model.Personal{Name: "张三"}})
		}
		return oy
	}
	for b.Loop() {
		if err := s.SaveOrganYear(ctx, mk(), true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen50k: start-up cost on a log of 50,000 entries: lock, header
// check, quick_check, WAL probe, pragmas read back, close.
func BenchmarkOpen50k(b *testing.B) {
	ctx := context.Background()
	s, _ := benchStore(b, 50_000)
	path := s.Path()
	s.Close()
	for b.Loop() {
		s, err := Open(ctx, path, Options{NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	fi, _ := os.Stat(path)
	b.ReportMetric(float64(fi.Size())/1e6, "MB")
}
