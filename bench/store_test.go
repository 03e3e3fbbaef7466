package bench

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"nianbao/db"
	"nianbao/model"
)

// bareDSN is the connection string the store uses for a writer on a local
// disk (db.dsnFor with WAL): the same pragmas, checked by reading them back.
func bareDSN(path string) string {
	return "file:" + path + "?" + strings.Join([]string{"_pragma=busy_timeout(5000)", "_pragma=foreign_keys(1)",
		"_pragma=synchronous(FULL)", "_txlock=immediate", "_pragma=journal_mode(WAL)"}, "&")
}

// openBare opens the floor's own connection to path and proves it runs with
// the store's settings.
func openBare(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	d, err := sql.Open("sqlite", bareDSN(path))
	if err != nil {
		tb.Fatal(err)
	}
	d.SetMaxOpenConns(1)
	tb.Cleanup(func() { d.Close() })
	var journal string
	var sync, fk int
	if err := d.QueryRow("PRAGMA journal_mode").Scan(&journal); err != nil {
		tb.Fatal(err)
	}
	if err := d.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil {
		tb.Fatal(err)
	}
	if err := d.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil {
		tb.Fatal(err)
	}
	if journal != "wal" || sync != 2 || fk != 1 {
		tb.Fatalf("floor connection runs journal_mode=%s synchronous=%d foreign_keys=%d, not the store's wal/FULL/on", journal, sync, fk)
	}
	return d
}

// BenchmarkFieldEdit: one committed field edit through the store on the
// 50,000-request file — the request form's save of the field it leaves
// (Request: SaveRequestField on the notes, with the search index), the same
// edit as a whole entry (RequestEntry: SaveRequest), a table cell
// (SetValues) and a narrative paragraph (SaveBlock) — beside its floor, a bare single-row UPDATE committed on its
// own connection with the same pragmas on the same file (target ≤ 1.3× the
// floor).
func BenchmarkFieldEdit(b *testing.B) {
	ctx := context.Background()
	path := stressPath(b)
	st := openStore(b, path)
	o, err := st.OrganByName(ctx, StressOrganName)
	if err != nil {
		b.Fatal(err)
	}
	page, err := st.RequestPage(ctx, db.RequestQuery{OrganID: o.ID, Year: StressYear, Limit: 1, AfterSerialKey: int64(StressYear)*1_000_000 + 25_000})
	if err != nil || len(page) != 1 {
		b.Fatalf("request page: %v", err)
	}
	q, err := st.Request(ctx, page[0].ID, true)
	if err != nil {
		b.Fatal(err)
	}
	r, err := st.Report(ctx, o.ID, StressYear)
	if err != nil {
		b.Fatal(err)
	}
	cell := model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")
	if err := st.SetValues(ctx, r.ID, model.Values{cell: 1}); err != nil {
		b.Fatal(err)
	}
	blk := model.Block{Section: 5, Pos: 99, Kind: model.BlockParagraph, Text: "性能测试段落"}
	if err := st.SaveBlock(ctx, r.ID, &blk); err != nil {
		b.Fatal(err)
	}
	bare := openBare(b, path)

	// Each pair runs the store's edit b.N times and then the floor's UPDATE
	// b.N times, each after a warm-up on its own connection, and reports
	// the two medians and their ratio. (Alternating them key by key costs
	// each commit a switch of the WAL between two connections, which the
	// program never does: it has one writer.)
	pair := func(name string, edit, floor func(i int) error) {
		b.Run(name, func(b *testing.B) {
			series := func(f func(int) error) float64 {
				for i := 0; i < 20; i++ {
					if err := f(i); err != nil {
						b.Fatal(err)
					}
				}
				ts := make([]time.Duration, 0, b.N)
				for i := 0; i < b.N; i++ {
					t0 := time.Now()
					if err := f(i); err != nil {
						b.Fatal(err)
					}
					ts = append(ts, time.Since(t0))
				}
				sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
				return percentile(ts, 50)
			}
			e := series(edit)
			f := series(floor)
			b.ReportMetric(e, "edit-ms")
			b.ReportMetric(f, "floor-ms")
			b.ReportMetric(e/f, "edit/floor")
		})
	}
	// The request form's save on leaving a field (SaveRequestField: one
	// column in autocommit), the row "request form field" of
	// docs/BENCHMARKS.md.
	pair("Request", func(i int) error {
		q.Notes = fmt.Sprint("电话沟通", i)
		return st.SaveRequestField(ctx, &q, db.FieldNotes)
	}, func(i int) error {
		_, err := bare.ExecContext(ctx, "UPDATE requests SET notes = ? WHERE id = ?", fmt.Sprint("电话沟通", i), q.ID)
		return err
	})
	// A whole entry with one field changed (SaveRequest: reads the stored
	// entry and writes what changed in one transaction), as a new entry's
	// later saves and a date moved into another year go.
	pair("RequestEntry", func(i int) error {
		q.Notes = fmt.Sprint("电话沟通", i)
		return st.SaveRequest(ctx, &q)
	}, func(i int) error {
		_, err := bare.ExecContext(ctx, "UPDATE requests SET notes = ? WHERE id = ?", fmt.Sprint("电话沟通", i), q.ID)
		return err
	})
	pair("Value", func(i int) error {
		return st.SetValues(ctx, r.ID, model.Values{cell: int64(i)})
	}, func(i int) error {
		_, err := bare.ExecContext(ctx, "UPDATE report_values SET value = ? WHERE report_id = ? AND tbl = ? AND row = ? AND col = ?",
			int64(i), r.ID, cell.Table, cell.Row, cell.Col)
		return err
	})
	pair("Block", func(i int) error {
		blk.Text = fmt.Sprint("性能测试段落", i)
		return st.SaveBlock(ctx, r.ID, &blk)
	}, func(i int) error {
		_, err := bare.ExecContext(ctx, "UPDATE blocks SET text = ? WHERE id = ?", fmt.Sprint("性能测试段落", i), blk.ID)
		return err
	})
}

// BenchmarkOpen: what start-up does with the store before the first frame —
// open (lock, header, quick_check, pragmas, migrations check) and the
// first page of the request log — beside the floor: a bare connection that
// opens the same file and reads one page of rows.
func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	path := stressPath(b)
	b.Run("StoreOpenAndPage", func(b *testing.B) {
		for b.Loop() {
			st, err := db.Open(ctx, path, db.Options{NoBackup: true})
			if err != nil {
				b.Fatal(err)
			}
			o, err := st.OrganByName(ctx, StressOrganName)
			if err != nil {
				b.Fatal(err)
			}
			page, err := st.RequestPage(ctx, db.RequestQuery{OrganID: o.ID, Year: StressYear, Limit: termH})
			if err != nil || len(page) == 0 {
				b.Fatalf("page: %v", err)
			}
			st.Close()
		}
	})
	b.Run("LoadOrganYear", func(b *testing.B) {
		st := openStore(b, path)
		o, err := st.OrganByName(ctx, StressOrganName)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := st.LoadOrganYear(ctx, o.ID, StressYear, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("BareOpenAndPage", func(b *testing.B) {
		for b.Loop() {
			d, err := sql.Open("sqlite", bareDSN(path))
			if err != nil {
				b.Fatal(err)
			}
			rows, err := d.QueryContext(ctx, `SELECT r.id, r.year, r.serial, r.received, r.applicant, r.summary, r.outcome, r.answered
				FROM requests r JOIN organs o ON o.id = r.organ_id WHERE o.name = ? AND r.year = ? ORDER BY r.year, r.serial LIMIT ?`,
				StressOrganName, StressYear, termH)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				var id, year, serial, received, answered int64
				var applicant, summary, outcome string
				if err := rows.Scan(&id, &year, &serial, &received, &applicant, &summary, &outcome, &answered); err != nil {
					b.Fatal(err)
				}
				n++
			}
			rows.Close()
			d.Close()
			if n == 0 {
				b.Fatal("no rows")
			}
		}
	})
}
