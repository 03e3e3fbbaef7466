package demo

import (
	"context"
	"path/filepath"
	"testing"

	"nianbao/db"
	"nianbao/model"
)

// TestLoadRoundTrip stores the demo and reads it back: the figures, the
// personal data and the check result survive the database.
func TestLoadRoundTrip(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	// Loading twice replaces rather than duplicates.
	if err := Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	o, err := st.OrganByName(ctx, OrganName)
	if err != nil {
		t.Fatal(err)
	}
	today := model.NewDate(2026, 11, 27)
	for _, want := range Build() {
		got, err := st.LoadOrganYear(ctx, o.ID, want.Report.Year, true)
		if err != nil {
			t.Fatal(err)
		}
		wv, gv := model.EffectiveValues(want), model.EffectiveValues(got)
		for a, x := range wv {
			if gv[a] != x {
				t.Errorf("%d %s: stored %d, built %d", want.Report.Year, a, gv[a], x)
			}
		}
		if len(got.Requests) != len(want.Requests) || len(got.Items) != len(want.Items) ||
			len(got.Measures) != len(want.Measures) || len(got.Cases) != len(want.Cases) {
			t.Errorf("%d: stored %d/%d/%d/%d requests/items/measures/cases, built %d/%d/%d/%d", want.Report.Year,
				len(got.Requests), len(got.Items), len(got.Measures), len(got.Cases),
				len(want.Requests), len(want.Items), len(want.Measures), len(want.Cases))
		}
		for _, q := range got.Requests {
			if q.Personal.IsZero() {
				t.Errorf("request %d lost its personal data", q.Serial)
			}
		}
		errs, warns := 0, 0
		for _, f := range model.Check(got, model.DefaultCalendar(), today) {
			if f.Severity == model.Error {
				errs++
				t.Errorf("%d stored: 错误 %s %s", want.Report.Year, f.Rule, f.Message)
			} else {
				warns++
			}
		}
		if warns == 0 {
			t.Errorf("%d stored: no 提示", want.Report.Year)
		}
	}
}

func TestLoadBulk(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(ctx, filepath.Join(t.TempDir(), "bulk.db"), db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, n := range []int{1500, 1000} { // the second call replaces the first
		if err := LoadBulk(ctx, st, n, 3); err != nil {
			t.Fatal(err)
		}
	}
	o, err := st.OrganByName(ctx, BulkOrganName)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for y := BulkFirstYear; y <= BulkLastYear; y++ {
		oy, err := st.LoadOrganYear(ctx, o.ID, y, false)
		if err != nil {
			t.Fatal(err)
		}
		v := model.EffectiveValues(oy)
		total += int(v.Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal)))
		for _, f := range model.Check(oy, model.DefaultCalendar(), model.NewDate(2026, 11, 27)) {
			if f.Severity == model.Error {
				t.Errorf("%d: 错误 %s %s", y, f.Rule, f.Message)
			}
		}
	}
	if total != 1000 {
		t.Errorf("bulk organ holds %d requests received, want 1000", total)
	}
}
