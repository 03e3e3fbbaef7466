package tables

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
)

// A bare 251000 in the 万元 column of 二（八） is read as 万元 and the screen
// says so, with how to type it in 元.
func TestBareMoneyIsExplained(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C, 2)
	d := e.Drive(m)
	d.Send(common.GoToMsg{Cell: model.Addr(model.TableS2Item8, model.RowAdminFees, "amount")})
	d.Type("251000")
	d.Keys("enter")
	if v := ansi.Strip(d.View(100, 40)); !strings.Contains(v, "读作 251000 万元") || !strings.Contains(v, "「251000元」") {
		t.Fatalf("no note on the unit:\n%s", v)
	}
}
