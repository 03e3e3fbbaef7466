package exportscreen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/export"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
)

// Enter in the folder field starts the export (as the help bar says), into
// a folder that does not exist yet: it is created and the screen says so.
func TestEnterInFolderExportsIntoANewFolder(t *testing.T) {
	c := testenv.New(t, 2021).C
	dir := filepath.Join(t.TempDir(), "年报")
	var s common.Screen = New(c)
	s, _ = testenv.RunPushed(t, c, s, s.Init())
	e := s.(*Screen)
	for !e.Typing() {
		s, _ = testenv.PressPushed(t, c, s, "tab")
	}
	s.Update(tea.PasteMsg{Content: dir})
	e.ticked = map[string]bool{"txt": true}
	s, _ = testenv.PressPushed(t, c, s, "enter")
	if errs, _ := c.CountFindings(""); errs > 0 {
		s, _ = testenv.PressPushed(t, c, s, "y")
	}
	res := e.Result()
	if res == nil || len(res.Files) != 1 || res.CreatedDir != dir {
		t.Fatalf("result %+v (%s)", res, e.errText)
	}
	if _, err := os.Stat(filepath.Join(dir, export.ManifestName)); err != nil {
		t.Fatal(err)
	}
	if v := ansi.Strip(s.View(100, 30)); !strings.Contains(v, "原来不存在，已新建") {
		t.Fatalf("the new folder is not mentioned:\n%s", v)
	}
}
