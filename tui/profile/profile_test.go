package profile

import (
	"context"
	"testing"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

func TestProfileSavesFieldsAsTheCursorLeaves(t *testing.T) {
	e := testenv.New(t, 2021)
	p := New(e.C).(*Profile)
	d := e.Drive(p)
	for p.form.Current().Key != fMode3 {
		d.Keys("tab")
	}
	d.Keys("right")
	for p.form.Current().Key != fDate {
		d.Keys("shift+tab")
	}
	d.Type("2022年1月20日")
	d.Keys("tab")
	r, err := e.Store.Report(context.Background(), e.C.Organ.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if r.Mode3 != model.Typed || r.Date != model.NewDate(2022, 1, 20) {
		t.Fatalf("stored mode %q date %v", r.Mode3, r.Date)
	}
	// A bad date is refused, the stored one kept.
	d.Keys("shift+tab", "ctrl+u")
	d.Type("2022-02-30")
	d.Keys("tab")
	if p.form.Current().Key != fDate || p.form.Current().Err == "" {
		t.Fatal("bad date must be refused in place")
	}
	r, _ = e.Store.Report(context.Background(), e.C.Organ.ID, 2021)
	if r.Date != model.NewDate(2022, 1, 20) {
		t.Fatalf("old date not kept: %v", r.Date)
	}
}
