package exportscreen

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/styles"
)

// stickPulled is the use-case layer with the U盘 pulled out in the middle
// of an export: the one failure a real store and folder cannot stage on
// demand. Any other use case panics (the embedded Desk is nil), so the
// screen is seen to ask for nothing else — in particular it does not mark
// a failed export as 已导出.
type stickPulled struct {
	common.Desk
	exports int
	opt     desk.ExportOptions
}

func (f *stickPulled) Export(_ context.Context, y *desk.Year, opt desk.ExportOptions, progress func(desk.ExportProgress)) (*desk.ExportResult, error) {
	f.exports++
	f.opt = opt
	name := "大雁镇人民政府2021年政府信息公开工作年度报告.txt"
	progress(desk.ExportProgress{Index: 1, Total: 1, Format: "txt", Name: name})
	time.Sleep(20 * time.Millisecond) // the write takes a moment
	err := &desk.MediaError{Kind: desk.ErrDeviceGone, Path: opt.Dir, Msg: "写入时U盘被拔出，请重新插好U盘后再导出。"}
	progress(desk.ExportProgress{Index: 1, Total: 1, Format: "txt", Name: name, Done: true, Err: err})
	return &desk.ExportResult{}, err
}

// TestExportFailureShownWithAFakeDesk drives the export screen on a fake
// use-case layer (no database): the failed write is shown in Chinese, the
// export ran once as a tracked write that quitting waits for, and nothing
// else was asked of the store.
func TestExportFailureShownWithAFakeDesk(t *testing.T) {
	today := model.NewDate(2022, 1, 10)
	oy := &model.OrganYear{Organ: model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship}, Report: model.NewReport(1, 2021)}
	fake := &stickPulled{}
	c := &common.Common{Ctx: context.Background(), Store: fake, Styles: styles.Default(), Width: 100, Height: 30,
		Calendar: model.DefaultCalendar(), Today: today, Now: func() time.Time { return testenv.Now }}
	c.SetYear(desk.Snapshot(oy, c.Calendar, today))

	var s common.Screen = New(c)
	e := s.(*Screen)
	e.ticked = map[string]bool{"txt": true}
	e.drives, e.target = nil, -1
	for range e.rows() {
		if e.Typing() {
			break
		}
		s, _ = testenv.PressPushed(t, c, s, "tab")
	}
	if !e.Typing() {
		t.Fatal("folder input not focused")
	}
	s.Update(tea.PasteMsg{Content: t.TempDir()})
	s, _ = testenv.PressPushed(t, c, s, "enter", "enter")
	if errs, _ := c.CountFindings(""); errs > 0 {
		s, _ = testenv.PressPushed(t, c, s, "y") // export the draft
	}
	c.WaitSaves() // returns once the tracked export has finished
	if fake.exports != 1 || len(fake.opt.Formats) != 1 || fake.opt.Formats[0] != "txt" {
		t.Fatalf("exports %d with %+v", fake.exports, fake.opt)
	}
	v := ansi.Strip(s.View(100, 30))
	if !strings.Contains(v, "U盘被拔出") {
		t.Fatalf("the failure is not shown:\n%s", v)
	}
	if e.Result() == nil || len(e.Result().Files) != 0 {
		t.Fatalf("result %+v", e.Result())
	}
}
