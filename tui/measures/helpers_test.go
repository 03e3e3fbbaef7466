package measures

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

func TestMeasureAddedByKeysAndUndo(t *testing.T) {
	c := testenv.New(t, 2021).C
	var list common.Screen = New(c)
	list.Init()
	_, pushed := testenv.PressPushed(t, c, list, "n")
	var f common.Screen = pushed[0]
	// Leaving the empty first field saves nothing.
	f, _ = testenv.PressPushed(t, c, f, "tab")
	if len(c.OrganYear().Measures) != 0 {
		t.Fatal("an empty measure was saved")
	}
	// Ctrl+S on a measure without text stores nothing and says why.
	f, _ = testenv.PressPushed(t, c, f, "ctrl+s")
	if len(c.OrganYear().Measures) != 0 || !strings.Contains(ansi.Strip(f.View(80, 20)), text.MeasureNeedText) {
		t.Fatalf("ctrl+s on an empty measure: %d stored, view:\n%s", len(c.OrganYear().Measures), ansi.Strip(f.View(80, 20)))
	}
	testenv.PressPushed(t, c, f, "esc")
	_, pushed = testenv.PressPushed(t, c, list, "n")
	f = pushed[0]
	f.Update(tea.KeyPressMsg{Code: '公', Text: "公开内容更新不及时"})
	f, _ = testenv.PressPushed(t, c, f, "tab")
	f.Update(tea.KeyPressMsg{Code: '建', Text: "建立每月更新检查制度"})
	f, _ = testenv.PressPushed(t, c, f, "tab", "tab")
	f.Update(tea.KeyPressMsg{Code: '2', Text: "２０２２年６月３０日"})
	f, _ = testenv.PressPushed(t, c, f, "tab", "right", "tab")
	if len(c.OrganYear().Measures) != 1 {
		t.Fatalf("measures %+v", c.OrganYear().Measures)
	}
	m := c.OrganYear().Measures[0]
	if m.Problem != "公开内容更新不及时" || m.Measure != "建立每月更新检查制度" || m.Due != 20220630 || m.Status != model.MeasureInProgress || m.FirstYear != 2021 {
		t.Fatalf("stored %+v", m)
	}
	// A first year after the report year is refused in place.
	f.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	f.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	f.Update(tea.KeyPressMsg{Code: '3', Text: "30"})
	f, _ = testenv.PressPushed(t, c, f, "tab")
	if v := ansi.Strip(f.View(80, 20)); !strings.Contains(v, "晚于本年报的年度") {
		t.Fatalf("future first year accepted:\n%s", v)
	}
	list, _ = testenv.PressPushed(t, c, list, "d", "y")
	if len(c.OrganYear().Measures) != 0 {
		t.Fatal("not deleted")
	}
	list, _ = testenv.PressPushed(t, c, list, "u")
	if len(c.OrganYear().Measures) != 1 || c.OrganYear().Measures[0].Measure != "建立每月更新检查制度" {
		t.Fatalf("undo: %+v", c.OrganYear().Measures)
	}
	if v := ansi.Strip(list.View(80, 10)); !strings.Contains(v, "公开内容更新不及时") || !strings.Contains(v, "进行中") {
		t.Fatalf("list:\n%s", v)
	}
}
