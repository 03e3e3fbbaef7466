package bench

import (
	"context"
	"testing"
	"time"

	"nianbao/demo"
	"nianbao/export"
	"nianbao/model"
)

// today is the date the checks run against (the deadline rules look at it).
var today = model.NewDate(2026, 3, 1)

// BenchmarkComputeS3 computes table 三 from the log of 50,000 requests
// (target ≤ 50 ms).
func BenchmarkComputeS3(b *testing.B) {
	oy := loadOY(b, openStore(b, stressPath(b)), StressOrganName, StressYear)
	f := oy.Report.Format()
	for b.Loop() {
		v := model.ComputeS3(f, StressYear, oy.Requests)
		if v.Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal)) != Requests {
			b.Fatal("table 三 does not count the 50,000 new requests")
		}
	}
}

// BenchmarkCheck runs every consistency rule on an organ-year whose log
// holds 50,000 requests (target ≤ 50 ms), and on one demo year of 10,000.
func BenchmarkCheck(b *testing.B) {
	cal := model.DefaultCalendar()
	b.Run("stress50k", func(b *testing.B) {
		oy := loadOY(b, openStore(b, stressPath(b)), StressOrganName, StressYear)
		for b.Loop() {
			model.Check(oy, cal, today)
		}
	})
	b.Run("demo2025", func(b *testing.B) {
		oy := loadOY(b, openStore(b, demoPath(b)), demo.BulkOrganName, demo.BulkLastYear)
		for b.Loop() {
			model.Check(oy, cal, today)
		}
	})
}

// BenchmarkExportReport exports one report to docx, html, xlsx and txt on
// disk, verified and with the manifest, as the export screen does (target
// ≤ 300 ms): the 大雁镇 2021 demo report and the stress year, whose
// tables come from 50,000 requests.
func BenchmarkExportReport(b *testing.B) {
	for _, c := range []struct {
		name  string
		path  func(testing.TB) string
		organ string
		year  int
	}{
		{"demo2021", demoPath, demo.OrganName, 2021},
		{"stress50k", stressPath, StressOrganName, StressYear},
	} {
		b.Run(c.name, func(b *testing.B) {
			oy := loadOY(b, openStore(b, c.path(b)), c.organ, c.year)
			dir := b.TempDir()
			opt := export.Options{Formats: []string{"docx", "html", "xlsx", "txt"}, Dir: dir, Overwrite: true,
				Draft: true, Version: "bench", Today: today, Now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
			for b.Loop() {
				res, err := export.Run(context.Background(), oy, opt, nil)
				if err != nil || len(res.Files) != 4 {
					b.Fatalf("export: %v", err)
				}
			}
		})
	}
}

// BenchmarkRequestLogWorkbook renders the internal request-log workbook of
// 50,000 requests with personal data (target ≤ 3 s).
func BenchmarkRequestLogWorkbook(b *testing.B) {
	st := openStore(b, stressPath(b))
	o, err := st.OrganByName(context.Background(), StressOrganName)
	if err != nil {
		b.Fatal(err)
	}
	oy, err := st.LoadOrganYear(context.Background(), o.ID, StressYear, true)
	if err != nil {
		b.Fatal(err)
	}
	cal := model.DefaultCalendar()
	for b.Loop() {
		data, err := export.RequestLogWorkbook(oy.Requests, oy.Report.Format(), cal)
		if err != nil || len(data) == 0 {
			b.Fatalf("workbook: %d bytes, %v", len(data), err)
		}
	}
}
