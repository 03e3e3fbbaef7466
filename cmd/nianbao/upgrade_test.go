package main

import (
	"context"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"nianbao/db"
	"nianbao/export/bundle"
	"nianbao/model"
)

// release10 is a database written by release 1.0 (schema 4) with the full
// bundles that release wrote from it; see testdata/release-1.0/README.md.
const release10 = "testdata/release-1.0"

// copyTestFile copies src to a new file dst.
func copyTestFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// figures is everything of an organ-year that a report prints or counts:
// every effective table cell (typed or computed from the logs), the fee
// summary, the narrative, the logs' sizes and each applicant's data.
type figures struct {
	Values   model.Values
	Fees     model.FeeSummary
	Blocks   []string
	Requests int
	Personal []model.Personal
	Cases    int
	Measures int
	Items    int
}

func figuresOf(oy *model.OrganYear) figures {
	f := figures{
		Values:   model.EffectiveValues(oy),
		Fees:     model.FeesOfYear(oy.Report.Year, oy.Requests),
		Requests: len(oy.Requests),
		Cases:    len(oy.Cases),
		Measures: len(oy.Measures),
		Items:    len(oy.Items),
	}
	for _, b := range oy.Report.Blocks {
		f.Blocks = append(f.Blocks, string(b.Kind)+"|"+b.Text)
	}
	for _, q := range oy.Requests {
		f.Personal = append(f.Personal, q.Personal)
	}
	return f
}

// TestUpgradeFromRelease10 opens the previous release's database with this
// program: read-only commands ask for the upgrade instead of failing on a
// missing column, the first read-write open migrates it after a backup, and
// every figure of both reports equals what release 1.0 wrote into its
// bundles.
func TestUpgradeFromRelease10(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	copyTestFile(t, filepath.Join(release10, "nianbao-1.0.db"), path)
	const organ = "大雁镇人民政府"

	if db.SchemaVersion > 4 {
		// A read-only command cannot migrate: it says what to do and leaves
		// the file as it was.
		before, _ := os.ReadFile(path)
		r := runOK(t, exitUsage, "check", "--organ", organ, "--year", "2021", "--db", path)
		if !strings.Contains(r.stderr, "升级") {
			t.Errorf("check of an old database: %q", r.stderr)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Fatal("a read-only command changed the old database")
		}
	}

	// The first normal open migrates (backup taken first when there is
	// anything to migrate).
	runOK(t, exitOK, "backup", "--db", path)
	backups, err := db.ListBackups(path, db.Options{})
	if err != nil || len(backups) == 0 {
		t.Fatalf("no backup after the upgrade: %v %v", backups, err)
	}
	if db.SchemaVersion > 4 {
		old := 0
		for _, b := range backups {
			if userVersion(t, b.Path) == 4 {
				old++
			}
		}
		if old == 0 {
			t.Errorf("no backup keeps the schema-4 database: %+v", backups)
		}
	}
	runOK(t, exitOK, "check", "--organ", organ, "--year", "2021", "--db", path)

	ctx := context.Background()
	st, err := db.Open(ctx, path, db.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	o, err := st.OrganByName(ctx, organ)
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{2019, 2021} {
		now, err := st.LoadOrganYear(ctx, o.ID, year, true)
		if err != nil {
			t.Fatalf("%d after the upgrade: %v", year, err)
		}
		data, err := os.ReadFile(filepath.Join(release10, organ+strconv.Itoa(year)+"年年报报送包（含个人信息）.json"))
		if err != nil {
			t.Fatal(err)
		}
		then, _, err := bundle.Decode(data)
		if err != nil {
			t.Fatalf("release 1.0's %d bundle no longer decodes: %v", year, err)
		}
		got, want := figuresOf(now), figuresOf(then)
		if len(want.Values) == 0 || len(want.Blocks) == 0 {
			t.Fatalf("%d: the old bundle holds no figures", year)
		}
		for a, v := range want.Values {
			if got.Values[a] != v {
				t.Errorf("%d: cell %s = %d after the upgrade, release 1.0 had %d", year, a, got.Values[a], v)
			}
		}
		got.Values, want.Values = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d: the report changed in the upgrade:\n now  %+v\n then %+v", year, got, want)
		}
	}
}

// userVersion reads a database file's schema version from its header
// (PRAGMA user_version is the big-endian integer at offset 60).
func userVersion(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var h [64]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return int(binary.BigEndian.Uint32(h[60:64]))
}
