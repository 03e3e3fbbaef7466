package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"

	"nianbao/db"
	"nianbao/export/bundle"
	"nianbao/export/summary"
	"nianbao/model"
)

func bundleRun(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	if code := runBundle(args, &out, &errb); code != want {
		t.Fatalf("bundle %v: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args, code, want, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

func loadYear(t *testing.T, path, organ string, year int) *model.OrganYear {
	t.Helper()
	ctx := context.Background()
	st, err := db.Open(ctx, path, db.Options{NoBackup: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	o, err := st.OrganByName(ctx, organ)
	if err != nil {
		t.Fatal(err)
	}
	oy, err := st.LoadOrganYear(ctx, o.ID, year, true)
	if err != nil {
		t.Fatal(err)
	}
	return oy
}

func TestBundleExportImport(t *testing.T) {
	src := nyStoreWith2021(t)
	out := t.TempDir()
	stdout, _ := bundleRun(t, exitOK, "export", "--organ", "大雁镇人民政府", "--year", "2021", "--out", out, "--db", src)
	public := filepath.Join(out, "大雁镇人民政府2021年年报报送包.json")
	if !strings.Contains(stdout, public) || !strings.Contains(stdout, "公开报送包") {
		t.Errorf("export output:\n%s", stdout)
	}
	data, err := os.ReadFile(public)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("李四")) || bytes.Contains(data, []byte("13900001111")) {
		t.Errorf("public bundle holds personal data")
	}
	stdout, _ = bundleRun(t, exitOK, "export", "--organ", "大雁镇人民政府", "--year", "2021", "--out", out, "--db", src, "--full")
	full := filepath.Join(out, "大雁镇人民政府2021年年报报送包（含个人信息）.json")
	if data, err := os.ReadFile(full); err != nil || !bytes.Contains(data, []byte("李四")) {
		t.Errorf("full bundle lacks personal data (%v)", err)
	}
	if !strings.Contains(stdout, "含申请人个人信息") {
		t.Errorf("full export gives no warning:\n%s", stdout)
	}

	// The public bundle read back into its own database: nothing differs in
	// what it carries (personal data and notes are not compared).
	stdout, _ = bundleRun(t, exitOK, "import", public, "--db", src)
	if !strings.Contains(stdout, "内容相同") {
		t.Errorf("public bundle into its source:\n%s", stdout)
	}

	// Into another computer's database.
	dst := filepath.Join(t.TempDir(), "县里.db")
	stdout, _ = bundleRun(t, exitOK, "import", full, "--db", dst)
	if !strings.Contains(stdout, "已导入大雁镇人民政府2021年的年报") {
		t.Errorf("import output:\n%s", stdout)
	}
	oy := loadYear(t, dst, "大雁镇人民政府", 2021)
	if len(oy.Requests) != 3 || len(oy.Measures) != 3 {
		t.Errorf("imported %d requests %d measures", len(oy.Requests), len(oy.Measures))
	}
	named := false
	for _, q := range oy.Requests {
		named = named || q.Personal.Name == "李四"
	}
	if !named {
		t.Errorf("full bundle import lost personal data")
	}

	// The same again: nothing to do.
	stdout, _ = bundleRun(t, exitOK, "import", full, "--db", dst)
	if !strings.Contains(stdout, "内容相同") {
		t.Errorf("second import:\n%s", stdout)
	}

	// A changed bundle: kept with the differences listed, then replaced.
	oy.Report.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = 7
	oy.Measures = oy.Measures[:1]
	changed, err := bundle.Encode(oy, bundle.Full)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "改过.json")
	if err := os.WriteFile(file, changed, 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, _ = bundleRun(t, exitFindings, "import", file, "--db", dst)
	for _, want := range []string{"表二（五）项 行政许可 · 本年处理决定数量：未填 → 7", "整改措施：3 条 → 1 条", "已保留数据库中的年报"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("kept import lacks %q:\n%s", want, stdout)
		}
	}
	if got := loadYear(t, dst, "大雁镇人民政府", 2021).Report.Values.Get(model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")); got != 0 {
		t.Errorf("kept import changed the database: %d", got)
	}
	stdout, _ = bundleRun(t, exitOK, "import", file, "--replace", "--db", dst)
	if !strings.Contains(stdout, "已替换") {
		t.Errorf("replace output:\n%s", stdout)
	}
	after := loadYear(t, dst, "大雁镇人民政府", 2021)
	if after.Report.Values.Get(model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")) != 7 || len(after.Measures) != 1 || len(after.Requests) != 3 {
		t.Errorf("replace: value %v, %d measures, %d requests", after.Report.Values, len(after.Measures), len(after.Requests))
	}

	// A broken file is refused with its reason; the good one beside it imports.
	bad := filepath.Join(t.TempDir(), "坏.json")
	if err := os.WriteFile(bad, []byte("{\n  \"magic\": \"nianbao-bundle\",\n  \"version\": 1,,\n}"), 0o600); err != nil {
		t.Fatal(err)
	}
	dst2 := filepath.Join(t.TempDir(), "另一个.db")
	stdout, stderr := bundleRun(t, exitFindings, "import", bad, public, "--db", dst2)
	if !strings.Contains(stderr, "坏.json：报送包不是有效的 JSON：第3行") || !strings.Contains(stdout, "已导入") {
		t.Errorf("mixed import:\nstdout %s\nstderr %s", stdout, stderr)
	}
}

func TestBundleUsageErrors(t *testing.T) {
	bundleRun(t, exitUsage)
	bundleRun(t, exitUsage, "send")
	bundleRun(t, exitUsage, "export", "--organ", "甲")
	bundleRun(t, exitUsage, "import")
	bundleRun(t, exitUsage, "import", "a.json", "--keep", "--replace")
}

func TestAggregateCommand(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	cst := time.FixedZone("CST", 8*3600)
	mk := func(name string, np int, licensing int64) *model.OrganYear {
		r := model.NewReport(0, 2021)
		r.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = licensing
		oy := &model.OrganYear{Organ: model.Organ{Name: name, Level: model.LevelTownship}, Report: r}
		for i := range np {
			oy.Requests = append(oy.Requests, model.Request{Year: 2021, Serial: i + 1, Received: model.NewDate(2021, 5, 1),
				Applicant: model.NaturalPerson, Outcome: model.RowDisclosed, Answered: model.NewDate(2021, 5, 9)})
		}
		return oy
	}
	put := func(file string, oy *model.OrganYear, created time.Time) []byte {
		data, err := bundle.EncodeAt(oy, bundle.Public, created)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, file), data, 0o600); err != nil {
			t.Fatal(err)
		}
		return data
	}
	put("甲.json", mk("甲镇人民政府", 2, 10), time.Date(2022, 1, 20, 10, 0, 0, 0, cst))
	yi := mk("乙镇人民政府", 1, 5)
	yi.Report.Mode3 = model.Typed
	yi.Report.Values[model.Addr(model.TableS3, model.RowNew, model.ColTotal)] = 9
	put("乙.json", yi, time.Date(2022, 2, 2, 10, 0, 0, 0, cst))
	good := put("丙.json", mk("丙镇人民政府", 0, 1), time.Date(2022, 1, 30, 10, 0, 0, 0, cst))
	if err := os.WriteFile(filepath.Join(in, "新版.json"), bytes.Replace(good, []byte(fmt.Sprintf(`"version": %d`, bundle.Version)), []byte(`"version": 4`), 1), 0o600); err != nil {
		t.Fatal(err)
	}

	var stdout, stderr bytes.Buffer
	code := runAggregate([]string{"--in", in, "--year", "2021", "--out", out, "--expect", "甲镇人民政府，乙镇人民政府、丙镇人民政府,丁镇人民政府"}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	s := stdout.String()
	for _, want := range []string{"3 个单位计入合计", "乙镇人民政府", "有错误", "逾期2天", "丁镇人民政府", "未报送",
		"新版.json：该报送包由更新版本的年报程序生成（版本4），请先升级", "汇总2021.xlsx"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	xf, err := excelize.OpenFile(filepath.Join(out, summary.FileName(2021)))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	rows, err := xf.GetRows(summary.SheetByOrgan)
	if err != nil {
		t.Fatal(err)
	}
	// Cells are columns named in the 单元格地址 row; organs and 合计 are rows.
	col, total := -1, ""
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		switch r[0] {
		case "单元格地址":
			for j, a := range r {
				if a == "s2_5.licensing.decisions" {
					col = j
				}
			}
		case summary.TotalHead:
			if col >= 0 && col < len(r) {
				total = r[col]
			}
		}
	}
	if total != "16" {
		t.Errorf("行政许可 合计 = %q (column %d), want 16", total, col)
	}
	// The organ list lines up by display width: every 状态 starts in the same column.
	cols := map[int]bool{}
	for _, line := range strings.Split(s, "\n") {
		if !strings.Contains(line, "人民政府") {
			continue
		}
		for _, st := range []string{"无错误", "有错误", "未报送"} {
			if i := strings.Index(line, st); i >= 0 {
				cols[ansi.StringWidth(line[:i])] = true
				break
			}
		}
	}
	if len(cols) != 1 {
		t.Errorf("status column not aligned (%v):\n%s", cols, s)
	}
}
