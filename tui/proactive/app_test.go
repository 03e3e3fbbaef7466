package proactive_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"nianbao/model"
	"nianbao/tui"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// TestWorkstationItems goes through the real program loop on a virtual
// 110×32 screen: the outline's i opens the items screen, two items are
// typed heads-down, the counts show them, and the store holds them.
func TestWorkstationItems(t *testing.T) {
	ctx := context.Background()
	st := testenv.OpenStore(t, filepath.Join(t.TempDir(), "nianbao.db"), time.Now())
	o := model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship, Office: "大雁镇党政综合办公室", Phone: "0470-1234567"}
	if err := st.SaveOrgan(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateReport(ctx, model.NewReport(o.ID, 2021)); err != nil {
		t.Fatal(err)
	}
	app := tui.New(ctx, st, tui.Options{Today: model.NewDate(2021, 12, 1), NoAltScreen: true, OrganID: o.ID, Year: 2021})
	term := testenv.NewTerm(t, app, app.LastFrame, 110, 32)

	term.WaitFor("大雁镇人民政府 · 2021年 · 2021版")
	term.Type("i")
	term.WaitFor(fmt.Sprintf(text.ItemsEmpty, "n", "i"))
	term.Type("n")
	term.WaitFor("本次已录入 0 条")
	term.Type("关于开展森林防火宣传的通知")
	term.Press("enter")
	term.Type("2021-04-02")
	term.Press("enter")
	term.Press("right")
	term.Press("right") // 其他 → 机构职能 → 政策文件
	for range 4 {
		term.Press("enter")
	}
	term.WaitFor("已保存「关于开展森林防火宣传的通知」", "本次已录入 1 条")
	term.Type("大雁镇4月政务动态")
	for range 6 {
		term.Press("enter")
	}
	term.WaitFor("本次已录入 2 条")
	term.Press("esc")
	term.WaitFor("共 2 条", "关于开展森林防火宣传的通知", "大雁镇4月政务动态")
	term.Type("v")
	term.WaitFor("合计 2 条", "本年度主动公开政府信息2条，其中政策文件2条")

	its, err := st.Items(ctx, o.ID, 2021)
	if err != nil || len(its) != 2 || its[0].Category != "政策文件" || its[1].Published != model.NewDate(2021, 4, 2) {
		t.Fatalf("store: %+v %v", its, err)
	}
	term.Quit()
}
