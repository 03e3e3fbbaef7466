package bench

import (
	"context"
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
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range cap(errs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += cap(errs) {
				oy := *y2021
				oy.Organ.Name = fmt.Sprintf("第%05d镇人民政府", i+1)
				data, err := bundle.EncodeAt(&oy, bundle.Public, created)
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("b%05d.json", i)), data, 0o644)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		tb.Fatal(err)
	}
	bundleDirs[n] = dir
	return dir
}

// BenchmarkAggregate is the county's one step: read a folder of n public
// bundles, add them up and write 汇总2021.xlsx, read back. Reported: the
// time per aggregation, the CPU time of the process during it (both cores:
// on a loaded machine the wall time waits for them) and the peak heap in
// use. 3,000 bundles is a large county; NIANBAO_BENCH_PROVINCE=1 adds
// 30,000, a province (its folder takes about 1 GB and several minutes to
// write once; NIANBAO_BENCH_DIR keeps it for the next run).
func BenchmarkAggregate(b *testing.B) {
	sizes := []int{3000}
	if os.Getenv("NIANBAO_BENCH_PROVINCE") != "" {
		sizes = append(sizes, 30000)
	}
	for _, n := range sizes {
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
			runtime.GC()
			cpu0, _ := processCPU()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, _, _, err := desk.Aggregate(context.Background(), dir, 2021, nil, out, false)
				if err != nil {
					b.Fatal(err)
				}
				if res.Counted != n {
					b.Fatalf("counted %d of %d", res.Counted, n)
				}
				os.Remove(filepath.Join(out, "汇总2021.xlsx"))
			}
			b.StopTimer()
			cpu1, ok := processCPU()
			close(stop)
			<-done
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			if ok {
				b.ReportMetric((cpu1-cpu0).Seconds()/float64(b.N), "cpu-s/op")
			}
		})
	}
}
