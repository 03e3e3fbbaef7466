package bench

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/db"
	"nianbao/model"
	"nianbao/tui/common"
)

// BenchmarkFieldSave: one field of the request form saved as the clerk
// does it, on the log of 50,000 requests in one year, at 200×60: the
// benchmark types into a field (not measured) and times Tab, which saves
// the field, with everything the save sets off until the screen is drawn
// again — the database write, reading the entry back, the snapshot's
// update (table 三, the overview, fees, 即将到期 and the rules that read the
// entry), the request log's page under the form, and the next frame. The
// time is the CPU time of the whole process (all goroutines, SQLite, the
// garbage collector), so it shows the work on a busy machine; goal ≤ 5 ms.
// After the run it reports the heap in use and the resident size (goal
// ≤ 80 MB after 100 saves).
//
// summary is a field of the log (摘要); name is an applicant's personal
// field, after which the index of personal values the S1 rule uses is
// read again.
func BenchmarkFieldSave(b *testing.B) {
	for _, c := range []struct {
		name string
		tabs int // from the form's first field
	}{
		{"summary", 7},
		{"name", 3},
	} {
		b.Run(c.name, func(b *testing.B) {
			// The workstation runs under a soft memory limit of 48 MiB
			// (cmd/nianbao/memlimit.go); so does the benchmark, whose
			// CPU time then includes the collections it costs.
			if os.Getenv("GOMEMLIMIT") == "" {
				defer debug.SetMemoryLimit(debug.SetMemoryLimit(48 << 20))
			}
			st := openStore(b, stressPath(b))
			ctx := context.Background()
			o, err := st.OrganByName(ctx, StressOrganName)
			if err != nil {
				b.Fatal(err)
			}
			// An entry in the middle of the log, with personal data the form
			// accepts (a generated ID number may fail its check digit, and
			// the form saves nothing while a field is refused).
			page, err := st.RequestPage(ctx, db.RequestQuery{OrganID: o.ID, Year: StressYear, Limit: 1, AfterSerialKey: int64(StressYear)*1_000_000 + 24_000})
			if err != nil || len(page) != 1 {
				b.Fatalf("request page: %v", err)
			}
			q := page[0]
			if err := st.SavePersonal(ctx, q.ID, model.Personal{Name: "王五", Phone: "13800000000", Address: "团结路6号"}); err != nil {
				b.Fatal(err)
			}
			d := newDriver(b, st, StressOrganName, StressYear)
			_, cmd := d.app.Update(common.GoToMsg{Section: common.SecRequests, Entry: model.EntryRef{Kind: model.EntryRequest, ID: q.ID}})
			d.settle(cmd)
			d.press("enter")
			for i := 0; i < c.tabs; i++ {
				d.press("tab")
			}
			d.app.View()
			if f := d.app.LastFrame(); !strings.Contains(f, "收到方式") || !strings.Contains(f, "第 "+strconv.Itoa(q.Serial)+" 号") {
				b.Fatalf("the request form of entry %d is not open:\n%s", q.Serial, f)
			}
			save := func(i int) (time.Duration, bool) {
				if i%2 == 0 {
					d.press("甲")
				} else {
					d.press("backspace")
				}
				c0, ok := processCPU()
				_, cmd := d.app.Update(keyOf("tab"))
				d.settle(cmd)
				d.app.View()
				c1, ok1 := processCPU()
				d.press("shift+tab")
				d.app.View()
				return c1 - c0, ok && ok1
			}
			timeSaves(b, d, 10, save)
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-inuse-MB")
			if rss, ok := residentMB(); ok {
				b.ReportMetric(rss, "rss-MB")
			}
			runtime.GC()
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "live-heap-MB") // reachable after a collection
			b.ReportMetric(float64(d.slow), "slow-cmds")
		})
	}
}

// residentMB is the process's resident set size (VmRSS) in MiB.
func residentMB() (float64, bool) {
	s, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(s), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err != nil {
				return 0, false
			}
			return float64(kb) / 1024, true
		}
	}
	return 0, false
}
