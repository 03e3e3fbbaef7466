package tui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"nianbao/export/bundle"
	"nianbao/model"
)

// The bundle import's question (a kept year that differs) is a dialog on
// the app's stack: drawn in a box over the screen, Esc gives its last
// answer (keep), and Ctrl+C quits from it as from every other dialog when
// nothing is unsaved.
func TestBundleQuestionIsADialog(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	ctx := context.Background()
	r := model.NewReport(0, 2021)
	model.ZeroBlanks(r)
	oy := &model.OrganYear{Organ: model.Organ{Name: "伊敏河镇人民政府", Level: model.LevelTownship, Office: "伊敏河镇党政办", Phone: "0470-1111111"}, Report: r}
	if err := st.ImportBundle(ctx, oy, false); err != nil {
		t.Fatal(err)
	}
	oy.Organ.Phone = "0470-2222222"
	data, err := bundle.Encode(oy, bundle.Public)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "包")
	if err := os.MkdirAll(src, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, bundle.FileName(oy, bundle.Public)), data, 0o600); err != nil {
		t.Fatal(err)
	}
	h := appHarness(t, st, dir, 80, 24)
	h.key("i")
	h.typeText(src)
	h.key("enter", "enter")
	h.mustSee("「0470-1111111」→「0470-2222222」", "r 用报送包替换", "k 保留已有的年报", "╭")
	if len(h.app.dialogs) != 1 {
		t.Fatalf("%d dialogs open", len(h.app.dialogs))
	}
	h.key("esc")
	h.mustSee("保留 1 个")
	h.mustNotSee("r 用报送包替换")
	if o, _ := st.OrganByName(ctx, "伊敏河镇人民政府"); o.Phone != "0470-1111111" {
		t.Fatalf("esc must keep the stored year, phone %q", o.Phone)
	}
	h.key("enter")
	h.mustSee("r 用报送包替换")
	h.key("ctrl+c")
	if !h.app.quitting {
		t.Fatalf("ctrl+c at the bundle question did not quit:\n%s", h.screen())
	}
	if o, _ := st.OrganByName(ctx, "伊敏河镇人民政府"); o.Phone != "0470-1111111" {
		t.Fatalf("quitting at the question changed the stored year, phone %q", o.Phone)
	}
}
