package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"nianbao/db"
	"nianbao/demo"
	"nianbao/model"
)

// Requests is the size of the large log every benchmark uses.
const Requests = 50_000

// bulkSeed is the seed `nianbao demo --requests` uses, so the fixtures hold
// the same requests as the demo database.
const bulkSeed = 2021

// StressOrganName holds all 50,000 requests in one year: the request log of
// that year has 50,000 rows, the worst case for every screen.
const StressOrganName = "性能测试单位（同一年5万件申请）"

// StressYear is the year of the stress organ.
const StressYear = 2025

var tmpRoot string

func TestMain(m *testing.M) {
	// NIANBAO_BENCH_DIR keeps the fixture databases in that folder (reused
	// when present), so scripts/bench.sh can start the real binary on them.
	if dir := os.Getenv("NIANBAO_BENCH_DIR"); dir != "" {
		tmpRoot = dir
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "nianbao-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixture is one database file built once per test binary.
type fixture struct {
	once sync.Once
	path string
	err  error
}

var (
	demoDB   fixture // demo.Load + demo.LoadBulk(50,000): 5 years of 10,000
	stressDB fixture // the demo plus StressOrganName with 50,000 in StressYear
)

// yearFixture is one organ-year of a fixture database, as the benchmarks
// that run on several name them.
type yearFixture struct {
	name  string
	path  func(testing.TB) string
	organ string
	year  int
}

// demoPath returns the file `nianbao demo --requests 50000` would write.
func demoPath(tb testing.TB) string {
	tb.Helper()
	demoDB.once.Do(func() {
		demoDB.path = filepath.Join(tmpRoot, "demo.db")
		demoDB.err = buildDB(demoDB.path, false)
	})
	if demoDB.err != nil {
		tb.Fatal(demoDB.err)
	}
	return demoDB.path
}

// stressPath returns a database whose StressOrganName holds 50,000 requests
// in StressYear.
func stressPath(tb testing.TB) string {
	tb.Helper()
	stressDB.once.Do(func() {
		stressDB.path = filepath.Join(tmpRoot, "stress.db")
		stressDB.err = buildDB(stressDB.path, true)
	})
	if stressDB.err != nil {
		tb.Fatal(stressDB.err)
	}
	return stressDB.path
}

func buildDB(path string, stress bool) error {
	if _, err := os.Stat(path); err == nil {
		return nil // kept from an earlier run (NIANBAO_BENCH_DIR)
	}
	// Build under another name and rename when complete, so a kept file is
	// never a half-built one.
	tmp := path + ".building"
	for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm", tmp + ".lock"} {
		os.Remove(f)
	}
	if err := fill(tmp, stress); err != nil {
		return err
	}
	os.Remove(tmp + ".lock")
	return os.Rename(tmp, path)
}

func fill(path string, stress bool) error {
	ctx := context.Background()
	st, err := db.Open(ctx, path, db.Options{NoBackup: true})
	if err != nil {
		return err
	}
	defer st.Close()
	if err := demo.Load(ctx, st); err != nil {
		return err
	}
	if !stress {
		return demo.LoadBulk(ctx, st, Requests, bulkSeed)
	}
	return st.SaveOrganYear(ctx, StressOrganYear(), true)
}

// StressOrganYear moves the demo's 50,000 generated requests into
// StressYear (dates shifted by whole years, serials renumbered by date),
// so one request log holds them all: answers of December run into the
// next year, a few stay open.
func StressOrganYear() *model.OrganYear {
	reqs := demo.BulkRequests(Requests, bulkSeed)
	for i := range reqs {
		q := &reqs[i]
		dy := StressYear - q.Year
		q.Year = StressYear
		for _, d := range []*model.Date{&q.Received, &q.CorrectionNotice, &q.Corrected, &q.ExtNotice, &q.Answered, &q.FeeNotice, &q.FeePaid} {
			*d = shiftYears(*d, dy)
		}
	}
	sort.SliceStable(reqs, func(i, j int) bool { return reqs[i].Received < reqs[j].Received })
	for i := range reqs {
		reqs[i].Serial = i + 1
	}
	oy := demo.BulkOrganYears(reqs)[StressYear-demo.BulkFirstYear]
	oy.Organ.Name = StressOrganName
	return oy
}

func shiftYears(d model.Date, dy int) model.Date {
	if d.IsZero() || dy == 0 {
		return d
	}
	y, m, day := d.Year()+dy, d.Month(), d.Day()
	if m == 2 && day == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		day = 28
	}
	return model.NewDate(y, m, day)
}

// openStore opens a fixture file the way the program does (without a
// backup, which the program takes only before a migration).
func openStore(tb testing.TB, path string) *db.Store {
	tb.Helper()
	st, err := db.Open(context.Background(), path, db.Options{NoBackup: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// loadOY loads an organ-year by organ name, as the workstation does.
func loadOY(tb testing.TB, st *db.Store, organ string, year int) *model.OrganYear {
	tb.Helper()
	ctx := context.Background()
	o, err := st.OrganByName(ctx, organ)
	if err != nil {
		tb.Fatal(err)
	}
	oy, err := st.LoadOrganYear(ctx, o.ID, year, false)
	if err != nil {
		tb.Fatal(err)
	}
	return oy
}

// TestFixtures proves the fixtures hold what the benchmarks claim: 50,000
// requests in the demo's years and 50,000 in the stress year's log.
func TestFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two 50,000-request databases")
	}
	st := openStore(t, stressPath(t))
	oy := loadOY(t, st, StressOrganName, StressYear)
	if len(oy.Requests) != Requests {
		t.Fatalf("stress log holds %d requests, want %d", len(oy.Requests), Requests)
	}
	st2 := openStore(t, demoPath(t))
	total := 0
	for y := demo.BulkFirstYear; y <= demo.BulkLastYear; y++ {
		for _, q := range loadOY(t, st2, demo.BulkOrganName, y).Requests {
			if q.Year == y {
				total++
			}
		}
	}
	if total != Requests {
		t.Fatalf("demo holds %d requests received in %d–%d, want %d", total, demo.BulkFirstYear, demo.BulkLastYear, Requests)
	}
}
