package ledger

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// TestLedgerExportScreen: the warning is on screen before anything is
// written; Enter writes the workbook into the folder typed.
func TestLedgerExportScreen(t *testing.T) {
	e := testenv.Demo(t, 2021)
	d := e.Drive(NewExport(e.C))
	view := ansi.Strip(d.View(80, 21))
	testenv.CheckSize(t, d.View(80, 21), 80, 21)
	if !strings.Contains(view, "不得公开") || !strings.Contains(view, "证件号码") {
		t.Fatalf("no personal-data warning:\n%s", view)
	}
	dir := t.TempDir()
	d.Type(dir)
	d.Keys("enter")
	view = ansi.Strip(d.View(80, 21))
	files, _ := filepath.Glob(filepath.Join(dir, "*依申请公开台账（含个人信息）.xlsx"))
	if len(files) != 1 || !strings.Contains(view, "已导出33件申请") {
		t.Fatalf("files %v\n%s", files, view)
	}
	d.Keys("esc")
	if len(d.Out) == 0 {
		t.Fatal("esc did not go back")
	}
}

// TestLedgerImportScreen walks the import by keys: a CSV with an outcome
// no rule maps is read, its columns recognised, the unmapped text refused
// until the clerk picks its row, the preview lists the bad row and the
// duplicate, and Enter imports the rest in one go.
func TestLedgerImportScreen(t *testing.T) {
	e := testenv.Demo(t, 2021)
	csv := "大雁镇2021年依申请公开台账\n\n" +
		"序号,受理日期,申请人,申请人类别,申请内容,答复时间,处理结果\n" +
		"1,2021.3.5,赵甲,个人,申请公开某村道路硬化工程预算,2021.3.20,已公开\n" +
		"2,2021年4月1日,某商贸有限公司,企业,申请公开某项目招标文件,2021/4/20,已办结\n" +
		"3,2021.13.5,钱乙,个人,日期写错的一行,,\n" +
		"4,2021.3.5,赵甲,个人,申请公开某村道路硬化工程预算,2021.3.20,已公开\n" +
		"5,2021-12-28,孙丙,村民,申请公开冬季供暖补贴名单,,\n"
	path := filepath.Join(t.TempDir(), "台账.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	before := len(e.C.OrganYear().Requests)
	d := e.Drive(NewImport(e.C))
	testenv.CheckSize(t, d.View(80, 21), 80, 21)
	d.Type(path)
	d.Keys("enter")
	see := func(what string, wants ...string) string {
		t.Helper()
		view := ansi.Strip(d.View(80, 21))
		testenv.CheckSize(t, d.View(80, 21), 80, 21)
		for _, w := range wants {
			if !strings.Contains(view, w) {
				t.Fatalf("%s: the screen lacks %q:\n%s", what, w, view)
			}
		}
		return view
	}
	see("columns", "请核对每一项对应的列", " ▶")
	d.Keys("enter")
	see("value table", "核对文字的对应", "已办结", "◀ ？请选择 ▶", "◀ （一）予以公开 ▶")
	d.Keys("enter")
	see("an unmapped text let the import on", "核对文字的对应", "还有1种写法没有对应")
	// Down to 已办结 and pick the first outcome row, 予以公开.
	for i := 0; i < 10; i++ {
		if cursorLine(ansi.Strip(d.View(80, 21))) != "" && strings.Contains(cursorLine(ansi.Strip(d.View(80, 21))), "已办结") {
			break
		}
		d.Keys("down")
	}
	d.Keys("right")
	d.Keys("enter")
	view := see("preview", "将导入 3 件申请；1 行有误、1 行重复", "第 6 行", "月份 13", "重复", "导入后表三各行总计")
	// Table 三's totals after the import, each named by its row in the
	// format: the 3 new requests join this year's new ones.
	s3 := e.C.OrganYear().Report.Format().Table(model.TableS3)
	newRow, _ := s3.Row(model.RowNew)
	s3Now := e.C.Snap.S3()
	for _, id := range []string{model.RowNew, model.RowCarriedIn, model.RowOutcomeSum, model.RowCarriedOut} {
		r, _ := s3.Row(id)
		if !strings.Contains(view, "  "+r.FullLabel()+" ") {
			t.Errorf("the preview lacks the row %q:\n%s", r.FullLabel(), view)
		}
	}
	if want := fmt.Sprintf("%s  %d 件", newRow.Label, s3Now.Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal))+3); !strings.Contains(view, want) {
		t.Errorf("the preview lacks %q:\n%s", want, view)
	}
	d.Keys("enter")
	see("result", "已导入 3 件申请")
	reqs, err := e.Store.RequestsForYear(context.Background(), e.C.Organ.ID, 2021, true)
	if err != nil || len(reqs) != before+3 {
		t.Fatalf("%d requests after import (was %d): %v", len(reqs), before, err)
	}
	found := false
	for _, q := range reqs {
		if q.Summary == "申请公开某项目招标文件" {
			found = q.Outcome == model.RowDisclosed && q.Applicant == model.Business && q.Answered == model.NewDate(2021, 4, 20) && q.Personal.Name == "某商贸有限公司"
		}
	}
	if !found {
		t.Fatal("the confirmed row was not stored as mapped")
	}
}

// cursorLine is the line of view the cursor mark ▸ is on.
func cursorLine(view string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "▸") {
			return l
		}
	}
	return ""
}
