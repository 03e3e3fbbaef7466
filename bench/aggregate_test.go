package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"nianbao/demo"
	"nianbao/desk"
	"nianbao/export/bundle"
	"nianbao/model"
)

var (
	bundleDirs  = map[int]string{}
	bundleDirMu sync.Mutex
)

// bundleFolder writes n public bundles of the demo's 2021 year (33
// requests, a review case, measures), each under its own organ name, once
// per n for the run, as a county's stick would hold them.
func bundleFolder(tb testing.TB, n int) string {
	bundleDirMu.Lock()
	defer bundleDirMu.Unlock()
	if d, ok := bundleDirs[n]; ok {
		return d
	}
	dir := filepath.Join(tmpRoot, fmt.Sprintf("bundles-%d", n))
	if ents, err := os.ReadDir(dir); err == nil && len(ents) == n {
		bundleDirs[n] = dir
		return dir
	}
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	var y2021 *model.OrganYear
	for _, oy := range demo.Build() {
		if oy.Report.Year == 2021 {
			y2021 = oy
		}
	}
	created := time.Date(2022, 1, 20, 9, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		oy := *y2021
		oy.Organ.Name = fmt.Sprintf("第%05d镇人民政府", i+1)
		data, err := bundle.EncodeAt(&oy, bundle.Public, created)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("b%05d.json", i)), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	bundleDirs[n] = dir
	return dir
}

// BenchmarkAggregate is the county's one step: read a folder of n public
// bundles, add them up and write 汇总2021.xlsx, read back. Reported: the
// time per aggregation and the peak heap in use during it.
func BenchmarkAggregate(b *testing.B) {
	for _, n := range []int{300, 3000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := bundleFolder(b, n)
			out := b.TempDir()
			var peak uint64
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() {
				defer close(done)
				var ms runtime.MemStats
				for {
					select {
					case <-stop:
						return
					case <-time.After(20 * time.Millisecond):
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapInuse)
					}
				}
			}()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, _, _, err := desk.Aggregate(dir, 2021, nil, out, false)
				if err != nil {
					b.Fatal(err)
				}
				if res.Counted != n {
					b.Fatalf("counted %d of %d", res.Counted, n)
				}
				os.Remove(filepath.Join(out, "汇总2021.xlsx"))
			}
			b.StopTimer()
			close(stop)
			<-done
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}
