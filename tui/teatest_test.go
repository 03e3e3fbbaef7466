package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/narrative"
	"nianbao/tui/text"
)

// TestTeatestFlow runs the real program loop on a virtual 80×24 screen:
// an empty database, a new organ, its 2021 report, a narrative paragraph, a
// section 二 cell typed with full-width digits, refused input, and the value
// found in the database after reopening it.
func TestTeatestFlow(t *testing.T) {
	narrative.AutosaveDelay = 50 * time.Millisecond
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	st := openStore(t, path)
	app := New(context.Background(), st, Options{Today: model.NewDate(2022, 1, 10), NoAltScreen: true})
	term := testenv.NewTerm(t, app, app.LastFrame, 80, 24)

	term.WaitFor(fmt.Sprintf(text.StartNoOrgans, "n"))
	term.Press("n")
	term.WaitFor(text.FieldName)
	term.Type("大雁镇人民政府")
	term.Press("tab", "tab", "tab")
	term.Type("大雁镇党政综合办公室")
	term.Press("ctrl+s")
	term.WaitFor("大雁镇人民政府", fmt.Sprintf(text.StartNoYears, "y"))
	term.Press("y")
	term.WaitFor("将使用 2021版 格式")
	term.Press("enter")
	term.WaitFor("大雁镇人民政府 · 2021年 · 2021版")

	term.Press("1")
	term.WaitFor("（一）主动公开")
	term.Press("down", "enter")
	term.Type("全年通过政府网站公开信息")
	term.WaitFor("全年通过政府网站公开信息", "已保存")
	term.Press("esc", "esc", "2", "down")
	term.Type("３")
	term.Press("enter")
	term.WaitRe(`行政规范性文件\s+3\s`)
	term.Press("shift+tab")
	term.Type("-1")
	term.Press("enter")
	term.WaitFor("已保留原值")
	term.Press("esc")
	term.WaitFor("行政规范性文件")

	term.Quit()
	app.Common().WaitSaves()
	st.Close()

	st2 := openStore(t, path)
	defer st2.Close()
	ctx := context.Background()
	org, err := st2.OrganByName(ctx, "大雁镇人民政府")
	if err != nil {
		t.Fatal(err)
	}
	r, err := st2.Report(ctx, org.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	a := model.Addr(model.TableS2Item1, model.RowNormativeDocs, "issued")
	if r.Values[a] != 3 {
		t.Fatalf("%v = %d, want 3 (values %v)", a, r.Values[a], r.Values)
	}
	ok := false
	for _, b := range r.Blocks {
		ok = ok || b.Text == "全年通过政府网站公开信息"
	}
	if !ok {
		t.Fatalf("paragraph not saved by autosave: %+v", r.Blocks)
	}
}
