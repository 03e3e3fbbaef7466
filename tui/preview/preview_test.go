package preview

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// The preview shows the report from its title to the signature at 80×24,
// every line exactly 80 wide, scrolling by keys; the tables of 三 are laid
// out and can be moved sideways.
func TestPreviewScrollsThroughTheReport(t *testing.T) {
	e := testenv.New(t, 2021)
	b := e.C.Report().SectionBlocks(1)[1]
	b.Text = "本局全年主动公开政府信息120条。"
	if err := e.Store.SaveBlock(context.Background(), e.C.Report().ID, &b); err != nil {
		t.Fatal(err)
	}
	e.Reload()
	m := New(e.C).(*Model)
	d := e.Drive(m)
	first := ansi.Strip(d.View(80, 24))
	testenv.CheckSize(t, d.View(80, 24), 80, 24)
	if !strings.Contains(first, "大雁镇人民政府2021年政府信息公开工作年度报告") || !strings.Contains(first, "第 1 行") {
		t.Fatalf("first page:\n%s", first)
	}
	var seen strings.Builder
	seen.WriteString(first)
	total := len(m.Lines(78))
	for i := 0; i < total/10+5; i++ {
		d.Keys("pgdown")
		v := d.View(80, 24)
		testenv.CheckSize(t, v, 80, 24)
		seen.WriteString(ansi.Strip(v))
	}
	all := seen.String()
	for _, w := range []string{"（一）主动公开", "本局全年主动公开政府信息120条。", "二、主动公开政府信息情况", "第二十条第（一）项",
		"三、收到和处理政府信息公开申请情况", "本年新收", "四、政府信息公开行政复议、行政诉讼情况", "行政复议",
		"五、存在的主要问题及改进情况", "六、其他需要报告的事项", "信息处理费", "大雁镇人民政府"} {
		if !strings.Contains(all, w) {
			t.Errorf("preview never showed %q", w)
		}
	}
	// The last page ends with the signature; further keys stay there.
	last := ansi.Strip(d.View(80, 24))
	d.Keys("down", "pgdown", "end")
	if got := ansi.Strip(d.View(80, 24)); got != last && !strings.Contains(got, model.SectionTitles[6][:3]) && !strings.Contains(got, "年") {
		t.Fatalf("scrolled past the end:\n%s", got)
	}
	if m.top != total-1 {
		t.Fatalf("end: top %d, want %d", m.top, total-1)
	}
	// Sideways: table rows move, text stays.
	d.Keys("home")
	for !strings.Contains(ansi.Strip(d.View(80, 24)), "+---") {
		d.Keys("pgdown")
	}
	d.Keys("right")
	if m.left == 0 || !strings.Contains(ansi.Strip(d.View(80, 24)), "表格右移") {
		t.Fatalf("right did not move the tables (left %d)", m.left)
	}
	d.Keys("left", "left")
	if m.left != 0 {
		t.Fatalf("left %d after moving back", m.left)
	}
}
