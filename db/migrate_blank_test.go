package db

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"nianbao/model"
)

// TestMigrationBlankCells builds a database at the version before blank was
// kept apart from 0 (migration 12) and opens it: an exported report's cells
// that were never entered become a stored 0 (it was published with 0), a
// stored value stays as it was, a draft's blank cells stay 未填, and every
// inserted row carries its checksum.
func TestMigrationBlankCells(t *testing.T) {
	ms := loadMigrations()
	before := -1
	for i, m := range ms {
		if m.name == "0012_blank_cells.sql" {
			before = i
		}
	}
	if before < 0 {
		t.Fatal("migration 0012_blank_cells.sql not found")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	d, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:before] {
		if _, err := d.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	for _, stmt := range []string{fmt.Sprintf("PRAGMA application_id = %d", ApplicationID), fmt.Sprintf("PRAGMA user_version = %d", before),
		"INSERT INTO organs (id, name, level) VALUES (1, '大雁镇人民政府', 'township')",
		"INSERT INTO reports (id, organ_id, year, format_id, status, mode3, mode4, art20_mode) VALUES (1, 1, 2019, '2019', 'exported', 'typed', 'typed', '')",
		"INSERT INTO reports (id, organ_id, year, format_id, status, mode3, mode4, art20_mode) VALUES (2, 1, 2021, '2021', 'exported', 'log', 'typed', 'log')",
		"INSERT INTO reports (id, organ_id, year, format_id, status, mode3, mode4, art20_mode) VALUES (3, 1, 2022, '2021', 'draft', 'typed', 'typed', '')",
		"INSERT INTO reports (id, organ_id, year, format_id, status, mode3, mode4, art20_mode) VALUES (4, 1, 2020, '2019', 'exported', 'log', 'log', 'log')",
		"INSERT INTO report_values (report_id, tbl, row, col, value) VALUES (1, 's2_5', 'licensing', 'prev', 7), (1, 's3', 'new', 'total', 3), (3, 's2_5', 'licensing', 'decisions', 5)",
	} {
		if _, err := d.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	d.Close()

	s, err := Open(ctx, path, Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	stored := func(id int64) int {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM report_values WHERE report_id = ?", id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, year := range []int{2019, 2020, 2021} {
		r, err := s.Report(ctx, 1, year)
		if err != nil {
			t.Fatal(err)
		}
		if bl := model.BlankCells(r); len(bl) != 0 {
			t.Errorf("%d (exported): %d cells still 未填 after the migration, first %s", year, len(bl), bl[0])
		}
		// Exactly the entry cells were added: no derived cell, no cell of a
		// table computed from the logs.
		want := len(model.EntryCells(r))
		if year == 2019 {
			want++ // the stored s3 total, kept
		}
		if got := stored(r.ID); got != want {
			t.Errorf("%d: %d rows stored, want %d", year, got, want)
		}
	}
	r, _ := s.Report(ctx, 1, 2019)
	if x, ok := r.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "prev")]; !ok || x != 7 {
		t.Errorf("stored value changed by the migration: %d, %v", x, ok)
	}
	if x, ok := r.Values[model.Addr(model.TableS3, model.RowNew, model.ColTotal)]; !ok || x != 3 {
		t.Errorf("stored total changed by the migration: %d, %v", x, ok)
	}
	draft, _ := s.Report(ctx, 1, 2022)
	if len(draft.Values) != 1 || len(model.BlankCells(draft)) != len(model.EntryCells(draft))-1 {
		t.Errorf("draft: values %v, want only the one typed; its other cells stay 未填", draft.Values)
	}
	probs, err := s.VerifyRows(ctx)
	if err != nil || len(probs) != 0 {
		t.Errorf("row checksums after the migration: %v, %v", probs, err)
	}
}
