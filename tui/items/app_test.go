package items_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"nianbao/db"
	"nianbao/model"
	"nianbao/tui"
	"nianbao/tui/common"
)

// TestWorkstationItems goes through the real program loop on a virtual
// 110×32 screen: the outline's i opens the items screen, two items are
// typed heads-down, the counts show them, and the store holds them.
func TestWorkstationItems(t *testing.T) {
	ctx := context.Background()
	st, err := db.Open(ctx, filepath.Join(t.TempDir(), "nianbao.db"), db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	o := model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship, Office: "大雁镇党政综合办公室", Phone: "0470-1234567"}
	if err := st.SaveOrgan(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateReport(ctx, model.NewReport(o.ID, 2021)); err != nil {
		t.Fatal(err)
	}
	app := tui.New(ctx, st, tui.Options{Today: model.NewDate(2021, 12, 1), NoAltScreen: true, OrganID: o.ID, Year: 2021})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(110, 32))
	waitFor := func(want ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func([]byte) bool {
			f := app.LastFrame()
			for _, w := range want {
				if !strings.Contains(f, w) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	key := func(code rune) { tm.Send(tea.KeyPressMsg{Code: code}) }
	text := func(s string) { tm.Send(tea.KeyPressMsg{Code: []rune(s)[0], Text: s}) }

	waitFor("大雁镇人民政府 · 2021年 · 2021版")
	text("i")
	waitFor(common.ItemsEmpty)
	text("n")
	waitFor("本次已录入 0 条")
	text("关于开展森林防火宣传的通知")
	key(tea.KeyEnter)
	text("2021-04-02")
	key(tea.KeyEnter)
	key(tea.KeyRight)
	key(tea.KeyRight) // 其他 → 机构职能 → 政策文件
	for range 4 {
		key(tea.KeyEnter)
	}
	waitFor("已保存「关于开展森林防火宣传的通知」", "本次已录入 1 条")
	text("大雁镇4月政务动态")
	for range 6 {
		key(tea.KeyEnter)
	}
	waitFor("本次已录入 2 条")
	key(tea.KeyEscape)
	waitFor("共 2 条", "关于开展森林防火宣传的通知", "大雁镇4月政务动态")
	text("v")
	waitFor("合计 2 条", "本年度主动公开政府信息2条，其中政策文件2条")

	its, err := st.Items(ctx, o.ID, 2021)
	if err != nil || len(its) != 2 || its[0].Category != "政策文件" || its[1].Published != model.NewDate(2021, 4, 2) {
		t.Fatalf("store: %+v %v", its, err)
	}
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
