package bench

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"nianbao/demo"
	"nianbao/export/bundle"
	"nianbao/model"
)

var (
	bundleDirs  = map[int]string{}
	bundleDirMu sync.Mutex
)

// organName is the name of the i-th organ of a bundle folder; every name
// has the same length in bytes, so that one bundle can be made from
// another by replacing it (see bundleMaker).
func organName(i int) string { return fmt.Sprintf("第%05d镇人民政府", i+1) }

// bundleMaker makes the public bundles of the demo's 2021 year (33
// requests, a review case, measures) under organ names of organName. The
// year is encoded and checked once (bundle.EncodeAt, about 4 ms); each
// bundle is that file with the organ's name put in and the payload's
// SHA-256 computed again, byte for byte what EncodeAt writes for it
// (TestBundleMakerIsEncode), so that 30,000 bundles take the time of
// writing them, not of checking the same year 30,000 times.
type bundleMaker struct {
	file, payload []byte // the bundle of organName(0) and its compact payload
	name, sum     []byte // organName(0) and its payload's SHA-256 in hex
}

var bundleCreated = time.Date(2022, 1, 20, 9, 0, 0, 0, time.UTC)

func newBundleMaker() (*bundleMaker, error) {
	var y2021 *model.OrganYear
	for _, oy := range demo.Build() {
		if oy.Report.Year == 2021 {
			y2021 = oy
		}
	}
	if y2021 == nil {
		return nil, fmt.Errorf("the demo has no 2021")
	}
	oy := *y2021
	oy.Organ.Name = organName(0)
	file, err := bundle.EncodeAt(&oy, bundle.Public, bundleCreated)
	if err != nil {
		return nil, err
	}
	var env struct {
		SHA256  string          `json:"sha256"`
		Payload json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(file, &env); err != nil {
		return nil, err
	}
	var payload bytes.Buffer
	if err := json.Compact(&payload, env.Payload); err != nil {
		return nil, err
	}
	m := &bundleMaker{file: file, payload: payload.Bytes(), name: []byte(organName(0)), sum: []byte(env.SHA256)}
	if sum := sha256.Sum256(m.payload); hex.EncodeToString(sum[:]) != env.SHA256 {
		return nil, fmt.Errorf("the payload read back does not give the bundle's checksum")
	}
	if bytes.Count(file, m.sum) != 1 {
		return nil, fmt.Errorf("the checksum is not once in the bundle")
	}
	return m, nil
}

// make returns the bundle of organName(i).
func (m *bundleMaker) make(i int) []byte {
	name := []byte(organName(i))
	sum := sha256.Sum256(bytes.ReplaceAll(m.payload, m.name, name))
	out := bytes.ReplaceAll(m.file, m.name, name)
	at := bytes.Index(out, m.sum)
	hex.Encode(out[at:at+len(m.sum)], sum[:])
	return out
}

// bundleFolder writes n public bundles (bundleMaker) into a folder of
// tmpRoot, once per n for the run, as a county's stick would hold them; a
// folder of n files left there by an earlier run (NIANBAO_BENCH_DIR) is
// used again.
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
	if err := writeBundles(dir, n); err != nil {
		tb.Fatal(err)
	}
	bundleDirs[n] = dir
	return dir
}

func writeBundles(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	m, err := newBundleMaker()
	if err != nil {
		return err
	}
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range cap(errs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += cap(errs) {
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("b%05d.json", i)), m.make(i), 0o644); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// TestBundleMakerIsEncode: a bundle of the folder fixture is what
// bundle.EncodeAt writes for that organ, and it decodes.
func TestBundleMakerIsEncode(t *testing.T) {
	m, err := newBundleMaker()
	if err != nil {
		t.Fatal(err)
	}
	var y2021 *model.OrganYear
	for _, oy := range demo.Build() {
		if oy.Report.Year == 2021 {
			y2021 = oy
		}
	}
	for _, i := range []int{0, 1, 12345, 29999} {
		oy := *y2021
		oy.Organ.Name = organName(i)
		want, err := bundle.EncodeAt(&oy, bundle.Public, bundleCreated)
		if err != nil {
			t.Fatal(err)
		}
		got := m.make(i)
		if !bytes.Equal(got, want) {
			t.Fatalf("bundle %d differs from EncodeAt's", i)
		}
		back, meta, err := bundle.Decode(got)
		if err != nil || back.Organ.Name != organName(i) || meta.Organ != organName(i) {
			t.Fatalf("bundle %d: %v, %q", i, err, meta.Organ)
		}
	}
}

// BenchmarkAggregate is the county's one step as a clerk runs it: the
// real program (`nianbao aggregate`, a process of its own) reads a folder
// of n public bundles, adds them up and writes 汇总2021.xlsx, read back.
// Reported per run: the wall time, the CPU time of the process (user and
// system, both cores) and its peak resident memory (max RSS), from the
// kernel's account of the child. 3,000 bundles is a large county and
// 10,000 shows whether memory grows with the count; NIANBAO_BENCH_PROVINCE=1
// adds 30,000, a province (its folder takes 2.3 GB, written in about a
// minute; NIANBAO_BENCH_DIR keeps it for the next run). NIANBAO_BIN names
// the binary to run; without it the benchmark builds one.
func BenchmarkAggregate(b *testing.B) {
	sizes := []int{3000, 10000}
	if os.Getenv("NIANBAO_BENCH_PROVINCE") != "" {
		sizes = append(sizes, 30000)
	}
	bin := nianbaoBinary(b)
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := bundleFolder(b, n)
			out := b.TempDir()
			var cpu time.Duration
			var rss int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				stdout, err := os.Create(filepath.Join(out, "stdout.txt"))
				if err != nil {
					b.Fatal(err)
				}
				var stderr bytes.Buffer
				cmd := exec.Command(bin, "aggregate", "--in", dir, "--year", "2021", "--out", out)
				cmd.Stdout, cmd.Stderr = stdout, &stderr
				err = cmd.Run()
				stdout.Close()
				if err != nil {
					b.Fatalf("nianbao aggregate: %v\n%s", err, stderr.String())
				}
				c, r, _ := childUsage(cmd.ProcessState)
				cpu += c
				rss = max(rss, r)
				b.StopTimer()
				text, err := os.ReadFile(filepath.Join(out, "stdout.txt"))
				if err != nil {
					b.Fatal(err)
				}
				if want := fmt.Sprintf("2021年汇总：%d 个单位计入合计。", n); !bytes.HasPrefix(text, []byte(want)) {
					b.Fatalf("the command did not count %d organs:\n%.300s", n, text)
				}
				os.Remove(filepath.Join(out, "汇总2021.xlsx"))
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			if rss > 0 {
				b.ReportMetric(float64(rss)/(1<<20), "peak-rss-MB")
			}
		})
	}
}

var nianbaoBin struct {
	once sync.Once
	path string
	err  error
}

// nianbaoBinary returns NIANBAO_BIN, or a binary of cmd/nianbao built once
// per run into tmpRoot.
func nianbaoBinary(tb testing.TB) string {
	if p := os.Getenv("NIANBAO_BIN"); p != "" {
		return p
	}
	nianbaoBin.once.Do(func() {
		nianbaoBin.path = filepath.Join(tmpRoot, "nianbao-bench")
		out, err := exec.Command("go", "build", "-o", nianbaoBin.path, "nianbao/cmd/nianbao").CombinedOutput()
		if err != nil {
			nianbaoBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if nianbaoBin.err != nil {
		tb.Fatal(nianbaoBin.err)
	}
	return nianbaoBin.path
}
