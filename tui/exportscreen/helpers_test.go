package exportscreen

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/export"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

func TestExportWritesVerifiedFilesAndAsksBeforeOverwrite(t *testing.T) {
	c := testenv.New(t, 2021).C
	dir := t.TempDir()
	var s common.Screen = New(c)
	s, _ = testenv.RunPushed(t, c, s, s.Init())
	e := s.(*Screen)
	// Keep only txt and html: untick docx and xlsx.
	e.ticked = map[string]bool{}
	for range export.Formats {
		s, _ = testenv.PressPushed(t, c, s, "tab")
	}
	s, _ = testenv.PressPushed(t, c, s, "tab", "tab") // encoding, draft
	for range e.drives {
		s, _ = testenv.PressPushed(t, c, s, "tab")
	}
	if !e.Typing() {
		t.Fatal("folder input not focused")
	}
	s.Update(tea.PasteMsg{Content: dir})
	e.ticked["txt"], e.ticked["html"] = true, true
	s, _ = testenv.PressPushed(t, c, s, "enter", "enter")
	if errs, _ := c.CountFindings(""); errs > 0 {
		if !strings.Contains(testenv.DialogView(c), "要导出为草稿吗") {
			t.Fatalf("errors did not block a final export:\n%s", ansi.Strip(s.View(100, 30)))
		}
		s, _ = testenv.PressPushed(t, c, s, "y")
	}
	res := e.Result()
	if res == nil || len(res.Files) != 2 || res.Manifest.Path == "" {
		t.Fatalf("result %+v (%s)", res, e.errText)
	}
	v := ansi.Strip(s.View(120, 40))
	for _, want := range []string{text.ExpVerified, "SHA-256", res.Files[0].SHA256[:16], filepath.Join(dir, "大雁镇人民政府2021年政府信息公开工作年度报告")} {
		if !strings.Contains(v, want) {
			t.Fatalf("view lacks %q:\n%s", want, v)
		}
	}
	// At 80×24 the written files stay in view below the start button.
	small := s.View(80, 24)
	if lines := strings.Split(small, "\n"); len(lines) != 24 || !strings.Contains(ansi.Strip(small), text.ExpWritten) {
		t.Fatalf("80×24 view (%d lines):\n%s", len(lines), ansi.Strip(small))
	}
	for _, l := range strings.Split(small, "\n") {
		if ansi.StringWidth(l) != 80 {
			t.Fatalf("line %q is %d wide", ansi.Strip(l), ansi.StringWidth(l))
		}
	}
	// Again: the files exist, so it asks; n keeps them, y overwrites.
	s, _ = testenv.PressPushed(t, c, s, "enter")
	if !strings.Contains(testenv.DialogView(c), "覆盖这些文件吗") {
		t.Fatalf("did not ask before overwriting:\n%s", ansi.Strip(s.View(120, 40)))
	}
	s, _ = testenv.PressPushed(t, c, s, "n")
	if !strings.Contains(ansi.Strip(s.View(120, 40)), text.ExpCancelled) {
		t.Fatal("n did not cancel")
	}
	testenv.PressPushed(t, c, s, "enter", "y")
	if res := e.Result(); res == nil || len(res.Files) != 2 {
		t.Fatalf("overwrite result %+v", res)
	}
}
