package bundle

import "nianbao/model"

// fillBlankTotals computes the derivable cells of the typed tables 三 and 四
// that a bundle leaves out: a row's 总计 (the applicant columns, or a group's
// results) and table 三's （七）总计 row. Blank is not 0: a total left out
// beside typed parts would otherwise import as 0 and break every rule that
// reads it. It returns the cells it computed, those with at least one of
// their parts in the bundle (a table left out entirely stays as it is).
func fillBlankTotals(r *model.Report) []model.CellAddress {
	f := r.Format()
	var out []model.CellAddress
	for _, tm := range []struct {
		id   string
		mode model.TableMode
	}{{model.TableS3, r.Mode3}, {model.TableS4, r.Mode4}} {
		t := f.Table(tm.id)
		if t == nil || tm.mode != model.Typed {
			continue
		}
		filled := model.Values{}
		for k, x := range r.Values {
			filled[k] = x
		}
		model.FillTotals(t, filled)
		parts := func(row model.Row, col model.Column) []model.CellAddress {
			var ps []model.CellAddress
			if col.Total && !row.Total {
				for _, id := range col.SumOf {
					ps = append(ps, model.Addr(t.ID, row.ID, id))
				}
			}
			if row.Total {
				for _, id := range model.TotalRowParts(t, row.ID) {
					ps = append(ps, model.Addr(t.ID, id, col.ID))
				}
			}
			return ps
		}
		// Columns first, then the total row, as FillTotals computes them.
		for _, pass := range []bool{false, true} {
			for _, row := range t.Rows {
				if row.Total != pass {
					continue
				}
				for _, col := range t.Columns {
					if !col.Total && !row.Total {
						continue
					}
					a := model.Addr(t.ID, row.ID, col.ID)
					if _, ok := r.Values[a]; ok {
						continue
					}
					present := false
					for _, p := range parts(row, col) {
						if _, ok := r.Values[p]; ok {
							present = true
							break
						}
					}
					if present {
						r.Values[a] = filled[a]
						out = append(out, a)
					}
				}
			}
		}
	}
	return out
}
