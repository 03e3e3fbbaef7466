package bundle

import "nianbao/model"

// fillBlankTotals computes the derivable cells of the typed tables 三 and 四
// that a bundle leaves out: a row's 总计 (the applicant columns, or a group's
// results) and table 三's （七）总计 row, each when every part it adds up is
// in the bundle (model.DerivedTotals). It returns the cells it computed. A
// total with a 未填 part stays blank: rule U1 names the part.
func fillBlankTotals(r *model.Report) []model.CellAddress {
	f := r.Format()
	var out []model.CellAddress
	for _, id := range []string{model.TableS3, model.TableS4} {
		t := f.Table(id)
		if t == nil || !model.TableTyped(r, t) {
			continue
		}
		d := model.DerivedTotals(t, r.Values)
		for _, a := range t.Cells() {
			if x, ok := d[a]; ok && !r.Values.Has(a) {
				r.Values[a] = x
				out = append(out, a)
			}
		}
	}
	return out
}

// readVersion1 reads a version-1 bundle as that version was documented: a
// cell of a typed table left out read as 0 (the program that wrote it
// showed and printed it as 0), and last year's values listed only the
// cells that were not 0.
func readVersion1(oy *model.OrganYear) {
	model.ZeroBlanks(oy.Report)
	if p := oy.Prev; p != nil {
		if f := model.FormatByID(p.FormatID); f != nil {
			for _, t := range f.Tables {
				for _, a := range t.Cells() {
					if !p.Values.Has(a) {
						p.Values[a] = 0
					}
				}
			}
		}
	}
}
