package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/db"
	"nianbao/model"
)

// runIn runs a command in-process and returns its exit code and output.
func exportRunIn(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func exportDemoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	if code, _, stderr := exportRunIn("demo", "--db", path); code != 0 {
		t.Fatalf("demo failed (%d): %s", code, stderr)
	}
	return path
}

// readAllText returns a file's text, every part of it for a zip container.
func exportReadAll(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return string(b)
	}
	var s strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		s.Write(data)
	}
	return s.String()
}

func TestExportCommandWritesPublicFilesWithoutPersonalData(t *testing.T) {
	dbPath := exportDemoDB(t)
	out := t.TempDir()
	code, stdout, stderr := exportRunIn("export", "--db", dbPath, "--organ", "大雁镇人民政府", "--year", "2021",
		"--format", "docx,html,xlsx,txt,md", "--out", out)
	if code != 0 {
		t.Fatalf("export failed (%d): %s\n%s", code, stdout, stderr)
	}
	ctx := context.Background()
	st, err := db.Open(ctx, dbPath, db.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.OrganByName(ctx, "大雁镇人民政府")
	if err != nil {
		t.Fatal(err)
	}
	oy, err := st.LoadOrganYear(ctx, o.ID, 2021, true)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var personal []string
	for _, q := range oy.Requests {
		for _, s := range []string{q.Personal.Name, q.Personal.Phone, q.Personal.IDNumber, q.Personal.Address} {
			if len([]rune(s)) >= 2 {
				personal = append(personal, s)
			}
		}
	}
	if len(personal) == 0 {
		t.Fatal("the demo log should hold personal data to test against")
	}
	for _, ext := range []string{"docx", "html", "xlsx", "txt", "md"} {
		path := filepath.Join(out, "大雁镇人民政府2021年政府信息公开工作年度报告."+ext)
		text := exportReadAll(t, path)
		if !strings.Contains(text, "政府信息公开") {
			t.Errorf("%s looks empty", path)
		}
		for _, p := range personal {
			if strings.Contains(text, p) {
				t.Errorf("%s contains personal data %q", ext, p)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "校验清单.txt")); err != nil {
		t.Errorf("no manifest: %v", err)
	}

	// Exporting again must not silently replace the files.
	code, _, stderr = exportRunIn("export", "--db", dbPath, "--organ", "大雁镇人民政府", "--year", "2021", "--format", "docx", "--out", out)
	if code != 1 || !strings.Contains(stderr, "--overwrite") {
		t.Errorf("second export without --overwrite: code %d, stderr %q", code, stderr)
	}
	code, _, stderr = exportRunIn("export", "--db", dbPath, "--organ", "大雁镇人民政府", "--year", "2021", "--format", "docx", "--out", out, "--overwrite")
	if code != 0 {
		t.Errorf("export with --overwrite failed (%d): %s", code, stderr)
	}
}

func TestExportCommandRefusesReportWithErrorsUnlessForced(t *testing.T) {
	dbPath := exportDemoDB(t)
	ctx := context.Background()
	st, err := db.Open(ctx, dbPath, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.OrganByName(ctx, "大雁镇人民政府")
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Report(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	// A negative count breaks rule I4, an error.
	if err := st.SetValue(ctx, r.ID, model.Addr(model.TableS2Item5, model.RowLicensing, "decisions"), -1); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out := t.TempDir()
	code, _, stderr := exportRunIn("export", "--db", dbPath, "--organ", "大雁镇人民政府", "--year", "2021", "--format", "txt", "--out", out)
	if code != 1 || !strings.Contains(stderr, "[错误]") || !strings.Contains(stderr, "--force") {
		t.Fatalf("want refusal listing the errors, got code %d, stderr %q", code, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Fatalf("a refused export wrote files: %v", entries)
	}
	code, stdout, stderr := exportRunIn("export", "--db", dbPath, "--organ", "大雁镇人民政府", "--year", "2021", "--format", "txt", "--out", out, "--force")
	if code != 0 {
		t.Fatalf("forced export failed (%d): %s %s", code, stdout, stderr)
	}
	path := filepath.Join(out, "大雁镇人民政府2021年政府信息公开工作年度报告（草稿）.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "草稿") {
		t.Error("a forced export must be marked 草稿")
	}
}

func TestExportCommandUsageErrors(t *testing.T) {
	out := t.TempDir()
	for _, args := range [][]string{
		{"export", "--organ", "某镇", "--year", "2021"},
		{"export", "--organ", "某镇", "--year", "2021", "--out", out, "--format", "pages"},
		{"export", "--organ", "某镇", "--year", "2021", "--out", out, "--encoding", "big5"},
		{"export", "--organ", "某镇", "--year", "2015", "--out", out},
	} {
		code, _, stderr := exportRunIn(args...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: want exit 2 with a message, got %d %q", args, code, stderr)
		}
	}
}

// TestExportTujieCommand: --format tujie writes the 图解 html and, with the
// font named by --font, its PNG, both in the manifest; a font that cannot
// be used leaves the html alone and says why.
func TestExportTujieCommand(t *testing.T) {
	dbPath := exportDemoDB(t)
	const stem = "大雁镇人民政府2021年政府信息公开工作年度报告（图解）"
	font := ""
	for _, p := range []string{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"} {
		if _, err := os.Stat(p); err == nil {
			font = p
			break
		}
	}
	if font == "" {
		t.Log("SKIP (the PNG half): no Chinese font installed (apt-get install fonts-noto-cjk)")
	} else {
		out := t.TempDir()
		code, stdout, stderr := exportRunIn("export", "--db", dbPath, "--organ", "大雁镇人民政府", "--year", "2021",
			"--out", out, "--format", "tujie", "--font", font)
		if code != 0 {
			t.Fatalf("exit %d: %s%s", code, stdout, stderr)
		}
		man, err := os.ReadFile(filepath.Join(out, "校验清单.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{".html", ".png"} {
			if st, err := os.Stat(filepath.Join(out, stem+ext)); err != nil || st.Size() == 0 {
				t.Errorf("%s%s not written: %v", stem, ext, err)
			}
			if !strings.Contains(string(man), stem+ext+"\t") {
				t.Errorf("manifest lacks %s%s", stem, ext)
			}
		}
	}
	out := t.TempDir()
	code, stdout, stderr := exportRunIn("export", "--db", dbPath, "--organ", "大雁镇人民政府", "--year", "2021",
		"--out", out, "--format", "tujie", "--font", filepath.Join(out, "没有这个字体.ttf"))
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "找不到字体文件") || !strings.Contains(stdout, "没有写出长图") {
		t.Errorf("no word of the missing PNG:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(out, stem+".png")); err == nil {
		t.Error("a PNG was written without a font")
	}
	if _, err := os.Stat(filepath.Join(out, stem+".html")); err != nil {
		t.Errorf("the html was not written: %v", err)
	}
}

// TestExportCommandCreatesTheLastFolder: --out naming a folder that does
// not exist yet while its parent does creates it and says so, as the
// export screen does; a missing parent (a stick not plugged in) writes
// nothing and says which folder is missing.
func TestExportCommandCreatesTheLastFolder(t *testing.T) {
	dbPath := exportDemoDB(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "年报")
	code, stdout, stderr := exportRunIn("export", "--db", dbPath, "--organ", "大雁镇人民政府", "--year", "2021",
		"--format", "txt", "--out", out)
	if code != 0 {
		t.Fatalf("export failed (%d): %s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "文件夹「"+out+"」原来不存在，已新建。") {
		t.Fatalf("no note of the new folder:\n%s", stdout)
	}
	if files, _ := filepath.Glob(filepath.Join(out, "*年度报告.txt")); len(files) != 1 {
		t.Fatalf("files in the new folder: %v", files)
	}
	gone := filepath.Join(parent, "没有插的U盘", "年报")
	code, stdout, stderr = exportRunIn("export", "--db", dbPath, "--organ", "大雁镇人民政府", "--year", "2021",
		"--format", "txt", "--out", gone)
	if code == 0 || !strings.Contains(stderr, "找不到文件夹「"+filepath.Dir(gone)+"」") || !strings.Contains(stderr, "U盘") {
		t.Fatalf("a missing parent: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Dir(gone)); !os.IsNotExist(err) {
		t.Fatalf("the missing parent was created: %v", err)
	}
}
