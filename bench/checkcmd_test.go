package bench

import (
	"context"
	"testing"
	"time"

	"nianbao/demo"
	"nianbao/desk"
)

// BenchmarkCheckCommand does in one process what `nianbao check --organ …
// --year …` does between start and exit: open the file read-only with the
// integrity check beside the read, find the organ's year, load and check
// it, and wait for the integrity check. The stress year holds 50,000
// requests (goal for the command ≤ 400 ms wall at load ≤ 1, process start
// included); demo2021 is a normal organ-year (≤ 150 ms). cpu-ms/op is the
// CPU time of the whole process (both cores), the figure to compare on a
// loaded machine; scripts/startbench -command times the real binary.
func BenchmarkCheckCommand(b *testing.B) {
	for _, fx := range []yearFixture{
		{"stress50k", stressPath, StressOrganName, StressYear},
		{"demo2021", demoPath, demo.OrganName, 2021},
	} {
		b.Run(fx.name, func(b *testing.B) {
			path := fx.path(b)
			ctx := context.Background()
			var cpu time.Duration
			findings := 0
			for b.Loop() {
				c0, _ := processCPU()
				st, err := desk.Open(ctx, path, desk.Options{ReadOnly: true, DeferCheck: true})
				if err != nil {
					b.Fatal(err)
				}
				o, err := st.FindYear(ctx, fx.organ, fx.year)
				if err != nil {
					b.Fatal(err)
				}
				cal, err := st.Calendar(ctx)
				if err != nil {
					b.Fatal(err)
				}
				oy, fs, err := st.CheckYear(ctx, o.ID, fx.year, cal, today)
				<-st.CheckDone()
				if err == nil {
					err = st.CheckErr()
				}
				if err != nil {
					b.Fatal(err)
				}
				if oy.Report.Year != fx.year || fx.name == "stress50k" && len(oy.Requests) != Requests {
					b.Fatalf("checked %d with %d requests", oy.Report.Year, len(oy.Requests))
				}
				findings += len(fs)
				st.Close()
				c1, _ := processCPU()
				cpu += c1 - c0
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
		})
	}
}
