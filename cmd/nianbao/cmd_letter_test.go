package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/demo"
	"nianbao/export"
	"nianbao/model"
)

func TestLetterCommand(t *testing.T) {
	r := runOK(t, exitOK, "letter", "--help")
	for _, k := range model.LetterKinds {
		if !strings.Contains(r.stdout, string(k)) || !strings.Contains(r.stdout, k.Label()) {
			t.Errorf("--help does not list %s %s:\n%s", k, k.Label(), r.stdout)
		}
	}
	p := demoDB(t)
	out := t.TempDir()
	base := []string{"letter", "--db", p, "--organ", demo.OrganName, "--year", "2021"}
	// Serial 5 has its outcome (信访举报投诉类): the state calls for the answer.
	r = runOK(t, exitOK, append(base, "--serial", "5", "--out", out)...)
	if !strings.Contains(r.stdout, "大政信〔2021〕第1号") || !strings.Contains(r.stdout, "政府信息公开申请告知书") {
		t.Errorf("letter output:\n%s", r.stdout)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*（含个人信息）.docx"))
	if len(files) != 1 {
		t.Fatalf("files written: %v", files)
	}
	// The named kind, by its Chinese short name.
	r = runOK(t, exitOK, append(base, "--serial", "5", "--kind", "征求意见告知", "--date", "2021-03-24", "--out", out)...)
	if !strings.Contains(r.stdout, "征求第三方意见告知书") || !strings.Contains(r.stdout, "第2号") {
		t.Errorf("named kind:\n%s", r.stdout)
	}
	// The letter's own words from flags: a 征求意见函 names the third party.
	r = runOK(t, exitOK, append(base, "--serial", "4", "--kind", "consultation", "--third-party", "李某某", "--date", "2021-03-20", "--out", out)...)
	if !strings.Contains(r.stdout, "征求第三方意见函") {
		t.Errorf("consultation letter:\n%s", r.stdout)
	}
	wantExit(t, runBin(t, append(base, "--serial", "5", "--kind", "延期", "--ext-days", "25", "--out", out)...), exitUsage)
	wantExit(t, runBin(t, append(base, "--serial", "5", "--kind", "通知", "--out", out)...), exitUsage)
	wantExit(t, runBin(t, append(base, "--serial", "999", "--out", out)...), exitUsage)
	wantExit(t, runBin(t, append(base, "--out", out)...), exitUsage)
	// A folder holding a public export takes no letter.
	pub := t.TempDir()
	if err := os.WriteFile(filepath.Join(pub, export.ManifestName), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runBin(t, append(base, "--serial", "5", "--out", pub)...)
	wantExit(t, r, exitUsage)
	if !strings.Contains(r.stderr, "个人信息") {
		t.Errorf("refusal does not say why:\n%s", r.stderr)
	}
}

// TestTodayFlag: the workstation's --today refuses a date it cannot read.
func TestTodayFlag(t *testing.T) {
	r := runBin(t, "--today", "2021-13-01")
	wantExit(t, r, exitUsage)
	if !strings.Contains(r.stderr, "--today") {
		t.Errorf("message: %s", r.stderr)
	}
}
