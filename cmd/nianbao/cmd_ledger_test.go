package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/demo"
)

func TestLedgerCommand(t *testing.T) {
	p := demoDB(t)
	out := t.TempDir()
	base := []string{"--db", p, "--organ", demo.OrganName, "--year", "2021"}
	r := runOK(t, exitOK, append([]string{"ledger", "export"}, append(base, "--out", out)...)...)
	if !strings.Contains(r.stdout, "个人信息") || !strings.Contains(r.stdout, "33件") {
		t.Errorf("export output:\n%s", r.stdout)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*（含个人信息）.xlsx"))
	if len(files) != 1 {
		t.Fatalf("ledger files: %v", files)
	}
	// Importing the organ's own ledger finds every row already kept.
	r = runOK(t, exitOK, append(append([]string{"ledger", "import"}, base...), files[0])...)
	if !strings.Contains(r.stdout, "已导入0件申请") || !strings.Contains(r.stdout, "33行重复") {
		t.Errorf("re-import:\n%s", r.stdout)
	}
	// A sheet whose needed columns are not recognised: exit 2, the columns
	// listed, nothing written.
	bad := filepath.Join(t.TempDir(), "台账.csv")
	if err := os.WriteFile(bad, []byte("日期,内容,结果\n2021-1-5,某文件,予以公开\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runBin(t, append(append([]string{"ledger", "import"}, base...), bad)...)
	wantExit(t, r, exitUsage)
	if !strings.Contains(r.stderr, "收到申请日期") || !strings.Contains(r.stderr, "没有导入任何内容") {
		t.Errorf("unmapped columns:\n%s", r.stderr)
	}
	// An outcome text no rule maps: exit 2, the text listed.
	odd := filepath.Join(t.TempDir(), "台账.csv")
	if err := os.WriteFile(odd, []byte("收到申请日期,申请人类型,申请内容,答复日期,办理结果\n2021.3.5,个人,某文件,2021.3.20,已办结\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runBin(t, append(append([]string{"ledger", "import"}, base...), odd)...)
	wantExit(t, r, exitUsage)
	if !strings.Contains(r.stderr, "已办结") {
		t.Errorf("unmapped outcome:\n%s", r.stderr)
	}
	r = runOK(t, exitOK, "info", "--db", p)
	if !strings.Contains(r.stdout, "33") {
		t.Errorf("the refused imports changed the log:\n%s", r.stdout)
	}
	wantExit(t, runBin(t, "ledger"), exitUsage)
	wantExit(t, runBin(t, append([]string{"ledger", "export"}, base...)...), exitUsage)
	runOK(t, exitOK, "ledger", "--help")
}
