package db

import (
	"context"
	"path/filepath"
	"testing"

	"nianbao/model"
)

func TestArt20ModeRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "n.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := model.Organ{Name: "测试镇人民政府", Level: model.LevelTownship}
	if err := s.SaveOrgan(ctx, &o); err != nil {
		t.Fatal(err)
	}
	r := model.NewReport(o.ID, 2021)
	if err := s.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	if m, err := s.Art20Mode(ctx, r.ID); err != nil || m != "" {
		t.Fatalf("a new report keeps typed values: %q %v", m, err)
	}
	if err := s.SetArt20Mode(ctx, r.ID, model.FromLog); err != nil {
		t.Fatal(err)
	}
	if m, err := s.Art20Mode(ctx, r.ID); err != nil || m != model.FromLog {
		t.Fatalf("got %q %v", m, err)
	}
	if err := s.SetArt20Mode(ctx, r.ID, "bogus"); err == nil {
		t.Error("an unknown mode must be refused")
	}
	if err := s.SetArt20Mode(ctx, r.ID+100, model.FromLog); err == nil {
		t.Error("a missing report must be reported")
	}
}
