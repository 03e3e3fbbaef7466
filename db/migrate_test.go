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

// TestMigrationFromVersion1 builds a database as the first release wrote it,
// with data, and opens it: every later migration runs, a backup is taken
// first, and the data survives.
func TestMigrationFromVersion1(t *testing.T) {
	if SchemaVersion < 2 {
		t.Skip("only one schema version")
	}
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	d, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	m := loadMigrations()[0]
	for _, stmt := range []string{m.sql, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID), "PRAGMA user_version = 1",
		"INSERT INTO organs (name, level) VALUES ('大雁镇人民政府', 'township')",
		"INSERT INTO reports (organ_id, year, format_id, mode3, mode4) VALUES (1, 2021, '2021', 'log', 'typed')"} {
		if _, err := d.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	d.Close()

	opt := Options{Now: func() time.Time { return fixedNow }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatalf("Open v1: %v", err)
	}
	defer s.Close()
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion {
		t.Fatalf("user_version after migration = %d, want %d", v, SchemaVersion)
	}
	r, err := s.Report(ctx, 1, 2021)
	if err != nil || r.Mode4 != model.Typed || r.Art20Mode != "" {
		t.Fatalf("report after migration: %+v, %v", r, err)
	}
	list, _ := ListBackups(path, opt)
	if len(list) == 0 {
		t.Fatalf("no backup taken before migrating")
	}
	// The backup is the database as it was: still version 1.
	b, err := sql.Open("sqlite", "file:"+list[len(list)-1].Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 1 {
		t.Fatalf("pre-migration backup has user_version %d", v)
	}
}
