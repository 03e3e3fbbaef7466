package start

import (
	"context"
	"testing"

	"nianbao/model"
	"nianbao/tui/bundles"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
)

func TestStartOpensBundleImportAndAggregation(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C)
	d := e.Drive(m)
	d.Keys("i", "h")
	if len(d.Out) != 2 {
		t.Fatalf("out %v", d.Out)
	}
	if _, ok := d.Out[0].(common.PushMsg).Screen.(*bundles.Import); !ok {
		t.Fatalf("i should open the bundle import, got %T", d.Out[0].(common.PushMsg).Screen)
	}
	if _, ok := d.Out[1].(common.PushMsg).Screen.(*bundles.Aggregate); !ok {
		t.Fatalf("h should open the aggregation, got %T", d.Out[1].(common.PushMsg).Screen)
	}
}

func TestStartListsOrgansImportedFromBundles(t *testing.T) {
	e := testenv.New(t, 2021)
	m := New(e.C)
	d := e.Drive(m)
	oy := &model.OrganYear{Organ: model.Organ{Name: "伊敏河镇人民政府", Level: model.LevelTownship}, Report: model.NewReport(0, 2021)}
	if err := e.Store.SaveOrganYear(context.Background(), oy, false); err != nil {
		t.Fatal(err)
	}
	d.Send(bundles.ImportedMsg{})
	if len(m.organs) != 2 {
		t.Fatalf("organs after import: %v", m.organs)
	}
	if o, _ := m.Organ(); o.Name != "大雁镇人民政府" {
		t.Fatalf("the selected organ should stay, got %s", o.Name)
	}
}
