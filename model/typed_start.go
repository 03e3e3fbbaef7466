package model

// TypedStart returns the figures a table (TableS3 or TableS4) starts from
// when the clerk switches it from 从台账计算 to 手工填写: the cells as the
// log computes them now, every cell of the table present (0 included), so
// the clerk corrects the ledger's figures instead of retyping 175 cells
// from zeros. It returns nil when the table already holds typed figures
// (a clerk switching back and forth keeps what was typed).
func TypedStart(oy *OrganYear, table string) Values {
	r := oy.Report
	f := r.Format()
	if f == nil || f.Table(table) == nil {
		return nil
	}
	for a, x := range r.Values {
		if a.Table == table && x != 0 {
			return nil
		}
	}
	var computed Values
	switch table {
	case TableS3:
		computed = ComputeS3(f, r.Year, oy.Requests)
	case TableS4:
		computed = ComputeS4(f, r.Year, oy.Cases)
	default:
		return nil
	}
	out := Values{}
	for _, a := range f.Table(table).Cells() {
		out[a] = computed[a]
	}
	return out
}
