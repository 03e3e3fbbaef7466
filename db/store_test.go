package db

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/model"
)

// fixedNow is the test clock.
var fixedNow = time.Date(2026, 3, 10, 9, 30, 0, 0, time.Local)

func openTest(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	s, err := Open(context.Background(), path, Options{NoBackup: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func mustOrgan(t *testing.T, s *Store, name string) model.Organ {
	t.Helper()
	o := model.Organ{Name: name, Level: model.LevelTownship, Superior: "鄂温克族自治旗", Office: name + "政务公开办公室",
		Phone: "0470-1234567", Email: "gk@example.cn", Portal: "http://www.ewenke.gov.cn", DueMonth: 1, DueDay: 31,
		Address: "鄂温克族自治旗大雁镇政府路1号", Postcode: "021122"}
	if err := s.SaveOrgan(context.Background(), &o); err != nil {
		t.Fatalf("SaveOrgan: %v", err)
	}
	return o
}

func TestOrganCRUD(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	a := mustOrgan(t, s, "大雁镇人民政府")
	b := mustOrgan(t, s, "巴彦托海镇人民政府")
	if a.ID == 0 || b.ID == 0 || a.ID == b.ID {
		t.Fatalf("ids not assigned: %d %d", a.ID, b.ID)
	}
	got, err := s.Organ(ctx, a.ID)
	if err != nil || got != a {
		t.Fatalf("Organ = %+v, %v; want %+v", got, err, a)
	}
	list, err := s.Organs(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("Organs = %v, %v", list, err)
	}
	if list[0].Name > list[1].Name {
		t.Fatalf("not ordered by name: %q, %q", list[0].Name, list[1].Name)
	}
	a.Phone = "0470-7654321"
	if err := s.SaveOrgan(ctx, &a); err != nil {
		t.Fatal(err)
	}
	got, err = s.OrganByName(ctx, "大雁镇人民政府")
	if err != nil || got.Phone != "0470-7654321" {
		t.Fatalf("OrganByName after update = %+v, %v", got, err)
	}
	dup := model.Organ{Name: "大雁镇人民政府"}
	if err := s.SaveOrgan(ctx, &dup); KindOf(err) != ErrInvalid || err.Error() == "" {
		t.Fatalf("duplicate name: err = %v (kind %v), want ErrInvalid", err, KindOf(err))
	}
	if _, err := s.OrganByName(ctx, "不存在的机关"); KindOf(err) != ErrNotFound {
		t.Fatalf("missing organ: %v", err)
	}
	if err := s.DeleteOrgan(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Organ(ctx, b.ID); KindOf(err) != ErrNotFound {
		t.Fatalf("deleted organ still found: %v", err)
	}
}

func TestReportRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	r := model.NewReport(o.ID, 2019)
	r.Preamble = model.Preamble{Basis: "《鄂温克旗2019年政府信息公开工作要点》", Where: "鄂温克旗人民政府网站"}
	r.Values[model.Addr("s2_1", "rules", "made")] = 3
	r.Acks = []model.Ack{{Rule: "Y1", Target: "s2_1.rules.made", Reason: "本年机构调整"}}
	if err := s.CreateReport(ctx, r); err != nil {
		t.Fatalf("CreateReport: %v", err)
	}
	if r.ID == 0 || r.Blocks[0].ID == 0 {
		t.Fatalf("ids not set")
	}
	dup := model.NewReport(o.ID, 2019)
	if err := s.CreateReport(ctx, dup); KindOf(err) != ErrInvalid {
		t.Fatalf("second 2019 report: %v", err)
	}
	mustReport(t, s, r)

	a := model.Addr("s3", "new", "natural")
	if err := s.SetValue(ctx, r.ID, a, 7); err != nil {
		t.Fatal(err)
	}
	r.Values[a] = 7
	more := model.Values{model.Addr("s3", "new", "legal"): 2, model.Addr("s2_3", "permit", "count"): 40}
	if err := s.SetValues(ctx, r.ID, more); err != nil {
		t.Fatal(err)
	}
	for k, v := range more {
		r.Values[k] = v
	}
	// One cell set, one cleared (未填 again), together.
	if err := s.SaveCells(ctx, r.ID, model.Values{model.Addr("s3", "new", "biz"): 0}, []model.CellAddress{model.Addr("s2_1", "rules", "made")}); err != nil {
		t.Fatal(err)
	}
	delete(r.Values, model.Addr("s2_1", "rules", "made"))
	r.Values[model.Addr("s3", "new", "biz")] = 0

	r.Status, r.Mode3, r.Art20Mode, r.Date = model.StatusChecked, model.Typed, model.FromLog, model.NewDate(2020, 1, 15)
	r.Fees = model.FeeSummary{Notices: 1, Collected: 2500}
	if err := s.SaveReportMeta(ctx, r); err != nil {
		t.Fatal(err)
	}

	nb := model.Block{Section: 6, Pos: 1, Kind: model.BlockParagraph, Text: "本年度无其他需要报告的事项。", Stale: true, Origin: "旧文"}
	if err := s.SaveBlock(ctx, r.ID, &nb); err != nil {
		t.Fatal(err)
	}
	r.Blocks = append(r.Blocks, nb)
	r.Blocks[0].Text = "全面推进主动公开"
	if err := s.SaveBlock(ctx, r.ID, &r.Blocks[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAck(ctx, r.ID, model.Ack{Rule: "Y1", Target: "s2_1.rules.made", Reason: "机构改革"}); err != nil {
		t.Fatal(err)
	}
	r.Acks[0].Reason = "机构改革"
	mustReport(t, s, r)

	// Reorder section 6: the new block first.
	sec6 := r.SectionBlocks(6)
	if err := s.ReorderBlocks(ctx, r.ID, 6, []int64{sec6[1].ID, sec6[0].ID}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Report(ctx, o.ID, 2019)
	g6 := got.SectionBlocks(6)
	if g6[0].ID != sec6[1].ID || g6[1].ID != sec6[0].ID {
		t.Fatalf("reorder: got %d,%d", g6[0].ID, g6[1].ID)
	}
	if err := s.ReorderBlocks(ctx, r.ID, 5, []int64{sec6[0].ID}); KindOf(err) != ErrInvalid {
		t.Fatalf("reorder with foreign block: %v", err)
	}
	if err := s.DeleteBlock(ctx, nb.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAck(ctx, r.ID, "Y1", "s2_1.rules.made"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Report(ctx, o.ID, 2019)
	if len(got.Acks) != 0 || len(got.Blocks) != len(r.Blocks)-1 {
		t.Fatalf("after deletes: %d acks, %d blocks", len(got.Acks), len(got.Blocks))
	}

	if err := s.CreateReport(ctx, model.NewReport(o.ID, 2018)); KindOf(err) != ErrInvalid {
		t.Fatalf("2018 report: %v", err)
	}
	r2 := model.NewReport(o.ID, 2021)
	if err := s.CreateReport(ctx, r2); err != nil {
		t.Fatal(err)
	}
	years, err := s.Years(ctx, o.ID)
	if err != nil || len(years) != 2 || years[0] != 2021 || years[1] != 2019 {
		t.Fatalf("Years = %v, %v", years, err)
	}
	if err := s.DeleteReport(ctx, r2.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Report(ctx, o.ID, 2021); KindOf(err) != ErrNotFound {
		t.Fatalf("deleted report: %v", err)
	}
}

// mustReport checks that the stored report equals want.
func mustReport(t *testing.T, s *Store, want *model.Report) {
	t.Helper()
	got, err := s.Report(context.Background(), want.OrganID, want.Year)
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	if got.ID != want.ID || got.FormatID != want.FormatID || got.Status != want.Status || got.Preamble != want.Preamble ||
		got.Mode3 != want.Mode3 || got.Mode4 != want.Mode4 || got.Art20Mode != want.Art20Mode || got.Fees != want.Fees || got.Date != want.Date {
		t.Fatalf("report fields:\n got %+v\nwant %+v", got, want)
	}
	if len(got.Values) != len(want.Values) {
		t.Fatalf("values: got %v want %v", got.Values, want.Values)
	}
	for k, v := range want.Values {
		if got.Values[k] != v {
			t.Fatalf("value %s: got %d want %d", k, got.Values[k], v)
		}
	}
	if len(got.Blocks) != len(want.Blocks) {
		t.Fatalf("blocks: got %d want %d", len(got.Blocks), len(want.Blocks))
	}
	byID := map[int64]model.Block{}
	for _, b := range got.Blocks {
		byID[b.ID] = b
	}
	for _, b := range want.Blocks {
		if byID[b.ID] != b {
			t.Fatalf("block %d: got %+v want %+v", b.ID, byID[b.ID], b)
		}
	}
	if len(got.Acks) != len(want.Acks) {
		t.Fatalf("acks: got %v want %v", got.Acks, want.Acks)
	}
	for i := range want.Acks {
		if got.Acks[i] != want.Acks[i] {
			t.Fatalf("ack: got %v want %v", got.Acks[i], want.Acks[i])
		}
	}
}

func TestArt20Mode(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	r := model.NewReport(o.ID, 2021)
	if err := s.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	if m, err := s.Art20Mode(ctx, r.ID); err != nil || m != "" {
		t.Fatalf("default Art20Mode = %q, %v", m, err)
	}
	if err := s.SetArt20Mode(ctx, r.ID, model.FromLog); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Report(ctx, o.ID, 2021)
	if got.Art20Mode != model.FromLog {
		t.Fatalf("Report.Art20Mode = %q", got.Art20Mode)
	}
	if err := s.SetArt20Mode(ctx, r.ID, "bogus"); KindOf(err) != ErrInvalid {
		t.Fatalf("bogus mode: %v", err)
	}
	if err := s.SetArt20Mode(ctx, r.ID+100, model.Typed); KindOf(err) != ErrNotFound {
		t.Fatalf("missing report: %v", err)
	}
}

func TestIntegrityCheck(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 50)
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("IntegrityCheck of a sound database: %v", err)
	}
	s.Close()
	// Make an index disagree with its table: quick_check at open does not
	// compare index contents, the full check does.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = replace(sql, 'organ_id, year, serial', 'organ_id, serial, year') WHERE name = 'requests_cover'",
		"PRAGMA writable_schema = OFF"} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	s, err = Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatalf("quick_check was expected to pass: %v", err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); KindOf(err) != ErrCorrupt || !strings.Contains(err.Error(), "损坏") {
		t.Fatalf("IntegrityCheck of a damaged index: %v", err)
	}
}
