package bundle

import (
	"bytes"
	"strings"
	"testing"

	"nianbao/model"
)

// typedS3 is a 2021 report whose table 三 is typed: rows 一 and （一） entered
// in full (3 自然人 and 1 商业企业, 0 elsewhere), every other row of 三 未填,
// and everything else entered as 0.
func typedS3() *model.OrganYear {
	oy := &model.OrganYear{Organ: model.Organ{Name: "伊敏河镇人民政府", Level: model.LevelTownship}, Report: model.NewReport(1, 2021)}
	r := oy.Report
	r.Mode3, r.Mode4 = model.Typed, model.Typed
	model.ZeroBlanks(r)
	for _, a := range model.EntryCells(r) {
		if a.Table == model.TableS3 && a.Row != model.RowNew && a.Row != model.RowDisclosed {
			delete(r.Values, a)
		}
	}
	np, biz := string(model.NaturalPerson), string(model.Business)
	r.Values[model.Addr(model.TableS3, model.RowNew, np)] = 3
	r.Values[model.Addr(model.TableS3, model.RowNew, biz)] = 1
	r.Values[model.Addr(model.TableS3, model.RowDisclosed, np)] = 3
	r.Values[model.Addr(model.TableS3, model.RowDisclosed, biz)] = 1
	model.FillTotals(r.Format().Table(model.TableS4), r.Values)
	return oy
}

// A typed table 三 sent without its 总计 column imports with each total
// computed whose parts are all there, says which, and leaves the totals
// with a 未填 part blank; the 未填 cells are one U1 error, not 0.
func TestBlankTotalsAreComputedOnImport(t *testing.T) {
	oy := typedS3()
	data, err := Encode(oy, Public)
	if err != nil {
		t.Fatal(err)
	}
	got, meta, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	v := got.Report.Values
	for _, row := range []string{model.RowNew, model.RowDisclosed} {
		if x, ok := v[model.Addr(model.TableS3, row, model.ColTotal)]; !ok || x != 4 {
			t.Errorf("%s 总计 = %d, %v; want 4 computed", row, x, ok)
		}
	}
	if v.Has(model.Addr(model.TableS3, model.RowOutcomeSum, model.ColTotal)) || v.Has(model.Addr(model.TableS3, model.RowCarriedIn, string(model.NaturalPerson))) {
		t.Errorf("a blank cell or a total with blank parts got a value")
	}
	if len(meta.Computed) != 2 {
		t.Errorf("computed %v, want the two 总计 cells", meta.Computed)
	}
	note := meta.ComputedNote(got.Report.Format())
	if !strings.Contains(note, "2 个合计单元格") || !strings.Contains(note, "表三 一、本年新收政府信息公开申请数量 · 总计") {
		t.Errorf("note = %q", note)
	}
	var u1 []model.Finding
	for _, f := range meta.Findings {
		switch f.Rule {
		case "U1":
			u1 = append(u1, f)
		case "O1", "I1", "I2":
			t.Errorf("a sum with blank parts was compared: %s %s", f.Rule, f.Message)
		}
	}
	if len(u1) != 1 || !strings.Contains(u1[0].Message, "表三 有 132 格未填") {
		t.Errorf("U1 = %+v", u1)
	}
	// Sent complete: nothing is computed.
	model.ZeroBlanks(oy.Report)
	model.FillTotals(oy.Report.Format().Table(model.TableS3), oy.Report.Values)
	data, _ = Encode(oy, Public)
	if _, meta, err = Decode(data); err != nil || len(meta.Computed) != 0 || tableErrors(meta) != 0 {
		t.Errorf("complete table: computed %v, table errors %d, %v", meta.Computed, tableErrors(meta), err)
	}
}

// A null value is 未填, as a cell left out.
func TestNullCellIsBlank(t *testing.T) {
	oy := typedS3()
	model.ZeroBlanks(oy.Report)
	data, err := Encode(oy, Public)
	if err != nil {
		t.Fatal(err)
	}
	a := model.Addr(model.TableS4, model.RowS4Cases, model.S4Col(model.GroupReview, model.Upheld))
	edited := editPayload(t, data, func(p *jPayload) {
		for i, c := range p.Report.Values {
			if model.Addr(c.Table, c.Row, c.Col) == a {
				p.Report.Values[i].Value = nil
			}
		}
	})
	got, meta, err := Decode(edited)
	if err != nil {
		t.Fatal(err)
	}
	if got.Report.Values.Has(a) {
		t.Errorf("null read as a value")
	}
	found := false
	for _, f := range meta.Findings {
		if f.Rule == "U1" && f.Cell == a && strings.Contains(f.Message, "未填") {
			found = true
		}
	}
	if !found {
		t.Errorf("no U1 on the null cell: %+v", meta.Findings)
	}
}

// A version-1 bundle is read as version 1 was documented: a cell left out
// of a typed table is 0, and the totals follow.
func TestVersion1BlankReadsAsZero(t *testing.T) {
	data, err := Encode(typedS3(), Public)
	if err != nil {
		t.Fatal(err)
	}
	v1 := editPayload(t, data, nil)
	v1 = bytes.Replace(v1, []byte(`"version": 2,`), []byte(`"version": 1,`), 1)
	got, meta, err := Decode(v1)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Version != 1 || len(model.BlankCells(got.Report)) != 0 {
		t.Errorf("version 1: %d cells 未填", len(model.BlankCells(got.Report)))
	}
	if x := got.Report.Values[model.Addr(model.TableS3, model.RowOutcomeSum, model.ColTotal)]; x != 4 {
		t.Errorf("（七）总计 = %d, want 4", x)
	}
	if tableErrors(meta) != 0 {
		t.Errorf("errors on a complete version-1 table: %+v", meta.Findings)
	}
}

// editPayload changes a bundle's payload and reseals it.
func editPayload(t *testing.T, data []byte, edit func(*jPayload)) []byte {
	t.Helper()
	p := payloadOf(t, data)
	if edit != nil {
		edit(&p)
	}
	return seal(t, data, p)
}

// tableErrors counts the errors of the table rules.
func tableErrors(m Meta) int {
	n := 0
	for _, f := range m.Findings {
		if f.Severity == model.Error && !f.Cell.IsZero() {
			n++
		}
	}
	return n
}

// Diff tells a 0 from 未填.
func TestDiffShowsBlank(t *testing.T) {
	a, b := typedS3(), typedS3()
	cell := model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")
	delete(a.Report.Values, cell)
	d := Diff(a, b)
	want := "表二（五）项 · 本年处理决定数量：未填 → 0"
	found := false
	for _, line := range d {
		if strings.Contains(line, "未填 → 0") {
			found = true
		}
	}
	if !found {
		t.Errorf("diff %v lacks %q", d, want)
	}
}
