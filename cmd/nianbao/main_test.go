package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"nianbao/db"
	"nianbao/demo"
	"nianbao/model"

	_ "modernc.org/sqlite"
)

// testVersion is stamped into the binary the tests run.
const testVersion = "测试版-1.2.3"

var bin string

// TestMain builds the real binary once; every test runs it as the clerk
// would, in its own folders.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "nianbao-cmd-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "nianbao")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-ldflags", "-X main.version="+testVersion, "-o", bin, ".")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building nianbao:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// runBin runs the binary with a private home and data folder, no stdin.
func runBin(t *testing.T, args ...string) result {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"), "LOCALAPPDATA="+filepath.Join(home, "data"))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running nianbao %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// wantExit fails unless the run ended with code; for code 2 it also wants a
// Chinese message on stderr.
func wantExit(t *testing.T, r result, code int, args ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("nianbao %v: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args, r.code, code, r.stdout, r.stderr)
	}
	if code == exitUsage && !hasHan(r.stderr) {
		t.Fatalf("nianbao %v: exit 2 without a Chinese message on stderr: %q", args, r.stderr)
	}
}

func runOK(t *testing.T, code int, args ...string) result {
	t.Helper()
	r := runBin(t, args...)
	wantExit(t, r, code, args...)
	return r
}

// demoDB creates a demo database in a fresh folder and returns its path.
func demoDB(t *testing.T, extra ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "年报.db")
	runOK(t, exitOK, append([]string{"demo", "--db", p}, extra...)...)
	return p
}

func TestDemoThenCheck(t *testing.T) {
	p := demoDB(t)
	for _, year := range []string{"2021", "2019"} {
		r := runOK(t, exitOK, "check", "--organ", demo.OrganName, "--year", year, "--db", p)
		if !strings.Contains(r.stdout, "0个错误") {
			t.Errorf("check %s: want no error, got:\n%s", year, r.stdout)
		}
		if !regexp.MustCompile(`[1-9][0-9]*个提示`).MatchString(r.stdout) || !strings.Contains(r.stdout, "[提示]") {
			t.Errorf("check %s: want at least one 提示 listed, got:\n%s", year, r.stdout)
		}
	}
	// A second run replaces the demo data rather than failing or doubling it.
	runOK(t, exitOK, "demo", "--db", p)
	r := runOK(t, exitOK, "info", "--db", p)
	if !strings.Contains(r.stdout, "2021年  2021版格式") || !strings.Contains(r.stdout, "收到申请33件") {
		t.Errorf("info after a second demo:\n%s", r.stdout)
	}
}

// TestCheckReportsErrors makes a report inconsistent (a typed table 三 that
// does not balance) and expects exit 1 with the rule and place listed.
func TestCheckReportsErrors(t *testing.T) {
	p := demoDB(t)
	ctx := context.Background()
	st, err := db.Open(ctx, p, db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.OrganByName(ctx, demo.OrganName)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Report(ctx, o.ID, 2019)
	if err != nil {
		t.Fatal(err)
	}
	r.Mode3 = model.Typed
	if err := st.SaveReportMeta(ctx, r); err != nil {
		t.Fatal(err)
	}
	// 一、本年新收 3 natural persons, but no outcome and nothing carried out.
	if err := st.SetValue(ctx, r.ID, model.Addr(model.TableS3, model.RowNew, string(model.NaturalPerson)), 3); err != nil {
		t.Fatal(err)
	}
	st.Close()
	res := runOK(t, exitFindings, "check", "--organ", demo.OrganName, "--year", "2019", "--db", p)
	if !strings.Contains(res.stdout, "[错误]") || !strings.Contains(res.stdout, "表三") {
		t.Errorf("want an 错误 in 表三 listed, got:\n%s", res.stdout)
	}
}

func TestCheckUnknownOrganAndYear(t *testing.T) {
	p := demoDB(t)
	r := runOK(t, exitUsage, "check", "--organ", "不存在的单位", "--year", "2021", "--db", p)
	if !strings.Contains(r.stderr, "不存在的单位") || !strings.Contains(r.stderr, demo.OrganName) {
		t.Errorf("unknown organ: want the name asked and the names that exist, got %q", r.stderr)
	}
	r = runOK(t, exitUsage, "check", "--organ", demo.OrganName, "--year", "2020", "--db", p)
	if !strings.Contains(r.stderr, "2020") || !strings.Contains(r.stderr, "2019") || !strings.Contains(r.stderr, "2021") {
		t.Errorf("unknown year: want the year asked and the years that exist, got %q", r.stderr)
	}
	runOK(t, exitUsage, "check", "--organ", demo.OrganName, "--year", "2015", "--db", p)
	runOK(t, exitUsage, "check", "--organ", demo.OrganName, "--db", p)
	runOK(t, exitUsage, "check", "--year", "2021", "--db", p)
	// A database that does not exist is not created by a check.
	missing := filepath.Join(t.TempDir(), "没有.db")
	runOK(t, exitUsage, "check", "--organ", demo.OrganName, "--year", "2021", "--db", missing)
	if _, err := os.Stat(missing); err == nil {
		t.Error("check created the missing database")
	}
}

func TestFolderAsDatabase(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--db", dir},
		{"demo", "--db", dir},
		{"check", "--organ", demo.OrganName, "--year", "2021", "--db", dir},
		{"info", "--db", dir},
	} {
		r := runOK(t, exitUsage, args...)
		if !strings.Contains(r.stderr, "文件夹") {
			t.Errorf("%v: want a message about a folder, got %q", args, r.stderr)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("the folder was written to: %v", entries)
	}
}

func TestGarbageFileUntouched(t *testing.T) {
	p := filepath.Join(t.TempDir(), "garbage.db")
	garbage := bytes.Repeat([]byte("这不是数据库 not a database \x00\x01\x02"), 500)
	if err := os.WriteFile(p, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--db", p},
		{"demo", "--db", p},
		{"demo", "--db", p, "--force"},
		{"check", "--organ", demo.OrganName, "--year", "2021", "--db", p},
		{"info", "--db", p},
		{"backup", "--db", p},
	} {
		r := runOK(t, exitUsage, args...)
		if !strings.Contains(r.stderr, "不是") {
			t.Errorf("%v: want a message saying it is not a database, got %q", args, r.stderr)
		}
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, garbage) {
			t.Fatalf("%v changed the file (err %v)", args, err)
		}
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(p + suffix); err == nil {
			t.Errorf("%s%s was created", p, suffix)
		}
	}
}

func TestUnreadableFile(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("file modes do not stop this user from reading")
	}
	p := demoDB(t)
	before, _ := os.ReadFile(p)
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(p, 0o600)
	runOK(t, exitUsage, "check", "--organ", demo.OrganName, "--year", "2021", "--db", p)
	runOK(t, exitUsage, "demo", "--db", p)
	os.Chmod(p, 0o600)
	after, _ := os.ReadFile(p)
	if !bytes.Equal(before, after) {
		t.Error("the unreadable file was changed")
	}
}

// TestLockedBySecondCopy holds the database open in this process (another
// copy of the program, as far as the binary can tell) and expects the
// binary to refuse to write.
func TestLockedBySecondCopy(t *testing.T) {
	p := demoDB(t)
	before, _ := os.ReadFile(p)
	ctx := context.Background()
	st, err := db.Open(ctx, p, db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, args := range [][]string{{"--db", p}, {"demo", "--db", p}, {"backup", "--db", p}} {
		r := runOK(t, exitUsage, args...)
		if !strings.Contains(r.stderr, "另一个") {
			t.Errorf("%v: want a message about another copy, got %q", args, r.stderr)
		}
	}
	after, _ := os.ReadFile(p)
	if !bytes.Equal(before, after) {
		t.Error("the locked database was changed")
	}
	// Reading is still allowed while the workstation is open elsewhere.
	runOK(t, exitOK, "check", "--organ", demo.OrganName, "--year", "2021", "--db", p)
}

func TestDemoRefusesOtherDatabase(t *testing.T) {
	p := filepath.Join(t.TempDir(), "工作.db")
	ctx := context.Background()
	st, err := db.Open(ctx, p, db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o := model.Organ{Name: "巴彦托海镇人民政府", Level: model.LevelTownship}
	if err := st.SaveOrgan(ctx, &o); err != nil {
		t.Fatal(err)
	}
	st.Close()
	r := runOK(t, exitUsage, "demo", "--db", p)
	if !strings.Contains(r.stderr, "巴彦托海镇人民政府") || !strings.Contains(r.stderr, "--force") {
		t.Errorf("want the refusal to name the organ and --force, got %q", r.stderr)
	}
	if out := runOK(t, exitOK, "info", "--db", p).stdout; strings.Contains(out, demo.OrganName) {
		t.Errorf("demo data written despite the refusal:\n%s", out)
	}
	runOK(t, exitOK, "demo", "--db", p, "--force")
	out := runOK(t, exitOK, "info", "--db", p).stdout
	if !strings.Contains(out, demo.OrganName) || !strings.Contains(out, "巴彦托海镇人民政府") {
		t.Errorf("after --force want both organs:\n%s", out)
	}
}

func TestDemoBulkRequests(t *testing.T) {
	p := demoDB(t, "--requests", "2500")
	out := runOK(t, exitOK, "info", "--db", p).stdout
	if !strings.Contains(out, demo.BulkOrganName) || strings.Count(out, "收到申请500件") != 5 {
		t.Errorf("want 500 requests in each of five years:\n%s", out)
	}
	runOK(t, exitUsage, "demo", "--db", p, "--requests", "-5")
	runOK(t, exitUsage, "demo", "--db", p, "--requests", "很多")
}

func TestHelpAndVersion(t *testing.T) {
	r := runOK(t, exitOK, "--version")
	if !strings.Contains(r.stdout, testVersion) {
		t.Errorf("--version: %q does not show %q", r.stdout, testVersion)
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r = runOK(t, exitOK, args...)
		if !strings.Contains(r.stdout, "用法") {
			t.Errorf("%v: no usage: %q", args, r.stdout)
		}
		for name, c := range commands {
			if !strings.Contains(r.stdout, name) || !strings.Contains(r.stdout, c.summary) {
				t.Errorf("%v does not list command %s", args, name)
			}
		}
	}
	runOK(t, exitUsage, "help", "no-such-command")
	for name := range commands {
		if r2 := runOK(t, exitOK, "help", name); !strings.Contains(r2.stdout, "nianbao "+name) {
			t.Errorf("help %s: %q", name, r2.stdout)
		}
		r = runOK(t, exitOK, name, "--help")
		if !strings.Contains(r.stdout, "用法") || !strings.Contains(r.stdout, "nianbao "+name) {
			t.Errorf("%s --help: %q", name, r.stdout)
		}
	}
}

func TestBadUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--no-such-flag"}, "不认识的选项"},
		{[]string{"--db"}, "缺少取值"},
		{[]string{"check", "--year", "明年", "--organ", "x"}, "取值"},
		{[]string{"no-such-command"}, "未知的命令"},
		{[]string{"demo", "extra"}, "多余的参数"},
	} {
		r := runOK(t, exitUsage, tc.args...)
		if !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: stderr %q does not contain %q", tc.args, r.stderr, tc.want)
		}
	}
}

func TestBackupAndRestore(t *testing.T) {
	p := demoDB(t)
	r := runOK(t, exitOK, "backup", "--db", p)
	m := regexp.MustCompile(`已备份到：(.+)`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("backup output: %q", r.stdout)
	}
	backup := strings.TrimSpace(m[1])
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("backup file: %v", err)
	}
	// Break the demo report's 2021 figures, then restore the backup.
	ctx := context.Background()
	st, err := db.Open(ctx, p, db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o, _ := st.OrganByName(ctx, demo.OrganName)
	rep, err := st.Report(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteReport(ctx, rep.ID); err != nil {
		t.Fatal(err)
	}
	st.Close()
	runOK(t, exitUsage, "check", "--organ", demo.OrganName, "--year", "2021", "--db", p)
	runOK(t, exitOK, "restore", "--from", backup, "--db", p)
	runOK(t, exitOK, "check", "--organ", demo.OrganName, "--year", "2021", "--db", p)
	runOK(t, exitUsage, "restore", "--db", p)
}

func TestDefaultDatabaseLocation(t *testing.T) {
	home := t.TempDir()
	cmd := exec.Command(bin, "demo")
	data := filepath.Join(home, "data")
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+data, "LOCALAPPDATA="+data)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("demo on the default database: %v\n%s", err, out)
	}
	if runtime.GOOS == "linux" {
		if _, err := os.Stat(filepath.Join(data, "nianbao", "nianbao.db")); err != nil {
			t.Errorf("default database not in the per-user data folder: %v", err)
		}
	}
}

func TestGlobalDBFlagBeforeCommand(t *testing.T) {
	p := demoDB(t)
	r := runOK(t, exitOK, "--db", p, "check", "--organ", demo.OrganName, "--year", "2021")
	if !strings.Contains(r.stdout, "0个错误") {
		t.Errorf("nianbao --db FILE check …: %s", r.stdout)
	}
	// A command with an operation word takes the database after it.
	out := t.TempDir()
	runOK(t, exitOK, "--db", p, "bundle", "export", "--organ", demo.OrganName, "--year", "2021", "--out", out)
	if entries, _ := os.ReadDir(out); len(entries) == 0 {
		t.Error("nianbao --db FILE bundle export wrote nothing")
	}
}

// TestWorkstationWithoutTerminal: with stdin and stdout not a terminal the
// workstation cannot run; it says so and prints the database summary.
func TestWorkstationWithoutTerminal(t *testing.T) {
	p := demoDB(t)
	r := runOK(t, exitUsage, "--db", p)
	if !strings.Contains(r.stderr, "终端") || !strings.Contains(r.stdout, demo.OrganName) || !strings.Contains(r.stdout, "收到申请33件") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
}

// TestWorkstationInTmux starts the real workstation on a terminal (tmux),
// waits for the start screen listing the demo organ, and quits with q.
func TestWorkstationInTmux(t *testing.T) {
	needTmux(t)
	p := demoDB(t)
	term := startTmux(t, "cmd-test", 100, 30, p, "")
	if screen, ok := term.waitScreen(func(s string) bool {
		return strings.Contains(s, demo.OrganName) && strings.Contains(s, "2021年")
	}); !ok {
		t.Fatalf("the start screen did not show the demo organ:\n%s", screen)
	}
	term.keys("q")
	code, ok := term.waitExit()
	if !ok {
		t.Fatalf("q did not quit the workstation:\n%s", term.screen())
	}
	if code != "0" {
		t.Errorf("workstation exit code %q, want 0", code)
	}
}

// TestCheckToday: --today decides when an open request counts as overdue.
func TestCheckToday(t *testing.T) {
	p := demoDB(t)
	ctx := context.Background()
	st, err := db.Open(ctx, p, db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o, _ := st.OrganByName(ctx, demo.OrganName)
	oy, err := st.LoadOrganYear(ctx, o.ID, 2021, true)
	if err != nil {
		t.Fatal(err)
	}
	// Reopen the request received on 27 December 2021: still unanswered.
	var q model.Request
	for _, x := range oy.Requests {
		if x.Received == model.NewDate(2021, 12, 27) {
			q = x
		}
	}
	if q.ID == 0 {
		t.Fatal("demo has no request received on 2021-12-27")
	}
	q.Answered, q.Outcome = 0, ""
	if err := st.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	st.Close()
	args := []string{"check", "--organ", demo.OrganName, "--year", "2021", "--db", p}
	early := runOK(t, exitOK, append(args, "--today", "2022-01-10")...)
	late := runOK(t, exitOK, append(args, "--today", "2022-03-01")...)
	if strings.Contains(early.stdout, "L6") || !strings.Contains(late.stdout, "L6") {
		t.Errorf("want L6 (overdue) only when checked on 2022-03-01:\n%s\n---\n%s", early.stdout, late.stdout)
	}
	runOK(t, exitUsage, append(args, "--today", "2022-13-40")...)
}

// TestNewerAndForeignDatabasesUntouched: a database from a newer version of
// the program, or another program's SQLite file, is refused unchanged.
func TestNewerAndForeignDatabasesUntouched(t *testing.T) {
	newer := demoDB(t)
	b, err := os.ReadFile(newer)
	if err != nil {
		t.Fatal(err)
	}
	// PRAGMA user_version lives in bytes 60–63 of the header.
	b[60], b[61], b[62], b[63] = 0, 0, 3, 0xE7
	if err := os.WriteFile(newer, b, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(newer + "-wal")
	os.Remove(newer + "-shm")

	foreign := filepath.Join(t.TempDir(), "other.sqlite")
	sdb, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sdb.Exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('张三')"); err != nil {
		t.Fatal(err)
	}
	sdb.Close()

	for _, p := range []string{newer, foreign} {
		before, _ := os.ReadFile(p)
		for _, args := range [][]string{
			{"--db", p},
			{"demo", "--db", p, "--force"},
			{"check", "--organ", demo.OrganName, "--year", "2021", "--db", p},
		} {
			runOK(t, exitUsage, args...)
		}
		after, _ := os.ReadFile(p)
		if !bytes.Equal(before, after) {
			t.Errorf("%s was changed", p)
		}
	}
}

// A --today that is not a date is refused in Chinese by the workstation and
// by check alike (one parser), before anything is opened.
func TestBadTodayIsRefused(t *testing.T) {
	for _, args := range [][]string{
		{"--today", "2021-13-40", "--db", filepath.Join(t.TempDir(), "x.db")},
		{"check", "--organ", "大雁镇人民政府", "--year", "2021", "--today", "明天", "--db", filepath.Join(t.TempDir(), "x.db")},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "--today 的日期") || !strings.Contains(errb.String(), "看不懂") {
			t.Errorf("%v: exit %d, %q", args, code, errb.String())
		}
	}
}
