package bundle

import (
	"testing"

	"nianbao/model"
)

// A typed table 三 sent without its 总计 column and （七） row imports with
// them computed from the typed parts, and says which; a complete table and
// a table left out entirely compute nothing.
func TestBlankTotalsAreComputedOnImport(t *testing.T) {
	oy := &model.OrganYear{Organ: model.Organ{Name: "伊敏河镇人民政府", Level: model.LevelTownship}, Report: model.NewReport(1, 2021)}
	r := oy.Report
	r.Mode3, r.Mode4 = model.Typed, model.Typed
	np, biz := string(model.NaturalPerson), string(model.Business)
	r.Values[model.Addr(model.TableS3, model.RowNew, np)] = 3
	r.Values[model.Addr(model.TableS3, model.RowNew, biz)] = 1
	r.Values[model.Addr(model.TableS3, model.RowDisclosed, np)] = 3
	r.Values[model.Addr(model.TableS3, model.RowDisclosed, biz)] = 1
	data, err := Encode(oy, Public)
	if err != nil {
		t.Fatal(err)
	}
	got, meta, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	v := got.Report.Values
	for _, c := range []struct {
		row, col string
		want     int64
	}{{model.RowNew, model.ColTotal, 4}, {model.RowDisclosed, model.ColTotal, 4}, {model.RowOutcomeSum, np, 3}, {model.RowOutcomeSum, biz, 1}, {model.RowOutcomeSum, model.ColTotal, 4}} {
		if x := v[model.Addr(model.TableS3, c.row, c.col)]; x != c.want {
			t.Errorf("%s/%s = %d, want %d", c.row, c.col, x, c.want)
		}
	}
	if len(meta.Computed) != 5 {
		t.Errorf("computed %v, want the 5 cells", meta.Computed)
	}
	for _, f := range meta.Findings {
		if f.Rule == "O1" || f.Rule == "I1" || f.Rule == "I2" {
			t.Errorf("table 三 does not add up after computing: %s %s", f.Rule, f.Message)
		}
	}
	// Sent complete: nothing is computed.
	model.FillTotals(r.Format().Table(model.TableS3), r.Values)
	data, _ = Encode(oy, Public)
	if _, meta, err = Decode(data); err != nil || len(meta.Computed) != 0 {
		t.Errorf("complete table: computed %v, %v", meta.Computed, err)
	}
}
