package exportscreen

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"nianbao/tui/bundles"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
)

func TestCtrlBOpensTheBundleExport(t *testing.T) {
	c := testenv.New(t, 2021).C
	s := New(c)
	_, cmd := s.Update(tea.KeyPressMsg{Code: 'b', Mod: tea.ModCtrl})
	if cmd == nil {
		t.Fatal("ctrl+b did nothing")
	}
	p, ok := cmd().(common.PushMsg)
	if !ok {
		t.Fatal("ctrl+b should open a screen")
	}
	if _, ok := p.Screen.(*bundles.Export); !ok {
		t.Fatalf("ctrl+b opened %T, want the bundle export", p.Screen)
	}
}
