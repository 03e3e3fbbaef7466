package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/export/bundle"
	"nianbao/model"
)

// Item 10: a full bundle (with personal data) is not counted by
// `aggregate` unless --accept-full, and is never taken without a word:
// aggregate and bundle import both say it holds personal data.
func TestFullBundleRefusedByAggregateAndWarnedOnImport(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	mk := func(name string) *model.OrganYear {
		r := model.NewReport(0, 2021)
		oy := &model.OrganYear{Organ: model.Organ{Name: name, Level: model.LevelTownship}, Report: r}
		oy.Requests = append(oy.Requests, model.Request{Year: 2021, Serial: 1, Received: model.NewDate(2021, 5, 1),
			Applicant: model.NaturalPerson, Outcome: model.RowDisclosed, Answered: model.NewDate(2021, 5, 9),
			Personal: model.Personal{Name: "赵钱孙", Phone: "13912345678"}})
		return oy
	}
	created := time.Date(2022, 1, 20, 10, 0, 0, 0, time.UTC)
	pub, _ := bundle.EncodeAt(mk("甲镇人民政府"), bundle.Public, created)
	full, _ := bundle.EncodeAt(mk("乙镇人民政府"), bundle.Full, created)
	os.WriteFile(filepath.Join(in, "甲.json"), pub, 0o600)
	fullPath := filepath.Join(in, "乙（含个人信息）.json")
	os.WriteFile(fullPath, full, 0o600)

	r := runOK(t, exitOK, "aggregate", "--in", in, "--year", "2021", "--out", out)
	if !strings.Contains(r.stdout, "1 个单位计入合计") || !strings.Contains(r.stdout, "乙（含个人信息）.json") || !strings.Contains(r.stdout, "完整报送包") {
		t.Fatalf("aggregate counted or kept quiet about the full bundle:\n%s\n%s", r.stdout, r.stderr)
	}
	r = runOK(t, exitOK, "aggregate", "--in", in, "--year", "2021", "--out", out, "--accept-full")
	if !strings.Contains(r.stdout, "2 个单位计入合计") || !strings.Contains(r.stderr, "个人信息") {
		t.Fatalf("--accept-full:\n%s\n%s", r.stdout, r.stderr)
	}
	p := filepath.Join(t.TempDir(), "县里.db")
	r = runOK(t, exitOK, "bundle", "import", "--db", p, fullPath)
	if !strings.Contains(r.stderr, "含申请人个人信息的完整报送包") {
		t.Fatalf("import of a full bundle said nothing:\n%s\n%s", r.stdout, r.stderr)
	}
	r = runOK(t, exitOK, "bundle", "import", "--db", p, filepath.Join(in, "甲.json"))
	if strings.Contains(r.stderr, "个人信息") {
		t.Fatalf("import of a public bundle warned: %s", r.stderr)
	}
}
