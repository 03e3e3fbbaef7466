package model

// ComputeS3 computes table 三 for year from the request log, in format f.
// A request received in the year counts in 一; one received earlier and not
// answered before the year starts counts in 二. Each of those falls in
// exactly one of: the outcome row it was answered with during the year, or
// 四、结转下年度 when it was still open on 31 December. Requests answered with
// an outcome row that f does not have are left out of the outcome rows (rule
// L2 reports them), so O1 shows the gap rather than hiding it.
func ComputeS3(f *Format, year int, reqs []Request) Values {
	v := Values{}
	start, end := YearStart(year), YearEnd(year)
	outcomes := f.OutcomeRows()
	// Count into a small array first (rows: new, carried in, carried out,
	// then the outcome rows; columns: the six applicant types) so that a log
	// of 50,000 entries costs no map operation per entry.
	const rNew, rIn, rOut, rOutcome = 0, 1, 2, 3
	counts := make([][6]int64, rOutcome+len(outcomes))
	for i := range reqs {
		q := &reqs[i]
		ai := q.Applicant.Index()
		if q.Received.IsZero() || q.Received > end || ai < 0 {
			continue
		}
		switch {
		case q.Received >= start:
			counts[rNew][ai]++
		case !q.Closed() || q.Answered >= start:
			counts[rIn][ai]++
		default:
			continue // closed before the year began
		}
		if q.Closed() && q.Answered <= end {
			if oi := f.OutcomeIndex(q.Outcome); oi >= 0 {
				counts[rOutcome+oi][ai]++
			}
			continue
		}
		counts[rOut][ai]++
	}
	for k, row := range counts {
		var id string
		switch k {
		case rNew:
			id = RowNew
		case rIn:
			id = RowCarriedIn
		case rOut:
			id = RowCarriedOut
		default:
			id = outcomes[k-rOutcome]
		}
		for ai, n := range row {
			if n != 0 {
				v[Addr(TableS3, id, string(ApplicantTypes[ai]))] = n
			}
		}
	}
	FillTotals(f.Table(TableS3), v)
	return v
}

// ComputeS4 computes table 四 for year from the case list.
func ComputeS4(f *Format, year int, cases []Case) Values {
	v := Values{}
	for _, c := range cases {
		if c.Year != year {
			continue
		}
		v[Addr(TableS4, RowS4Cases, S4Col(string(c.Kind), c.Result))]++
	}
	FillTotals(f.Table(TableS4), v)
	return v
}

// FillTotals sets every computed cell of t in v: each Total column as the sum
// of its SumOf columns, then each Total row as the sum of the rows above it
// that share its group path (for table 三, （七）总计 = （一）…（六）).
func FillTotals(t *Table, v Values) {
	if t == nil {
		return
	}
	for _, r := range t.Rows {
		if r.Total {
			continue
		}
		for _, c := range t.Columns {
			if !c.Total {
				continue
			}
			var s int64
			for _, id := range c.SumOf {
				s += v[Addr(t.ID, r.ID, id)]
			}
			v[Addr(t.ID, r.ID, c.ID)] = s
		}
	}
	for _, r := range t.Rows {
		if !r.Total {
			continue
		}
		for _, c := range t.Columns {
			var s int64
			for _, id := range TotalRowParts(t, r.ID) {
				s += v[Addr(t.ID, id, c.ID)]
			}
			v[Addr(t.ID, r.ID, c.ID)] = s
		}
	}
}

// TotalRowParts lists the rows a Total row adds up: the non-total rows whose
// path starts with the total row's path.
func TotalRowParts(t *Table, totalRow string) []string {
	tr, ok := t.Row(totalRow)
	if !ok || !tr.Total {
		return nil
	}
	var ids []string
	for _, r := range t.Rows {
		if r.Total || len(r.Path) < len(tr.Path) || len(tr.Path) == 0 {
			continue
		}
		match := true
		for i := range tr.Path {
			if r.Path[i] != tr.Path[i] {
				match = false
				break
			}
		}
		if match {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// EffectiveValues returns the values a report prints and checks: the typed
// section 二 cells, and table 三 and 四 either computed from the logs or as
// typed, as the report chose. The report's own map is not changed. Every
// cell of a computed table is present; in a typed table a 未填 cell is
// absent, and so is a derived cell that has a 未填 part (see blank.go).
func EffectiveValues(oy *OrganYear) Values {
	r := oy.Report
	f := r.Format()
	v := Values{}
	for a, x := range r.Values {
		if a.Table == TableS3 && r.Mode3 != Typed || a.Table == TableS4 && r.Mode4 != Typed {
			continue
		}
		if r.Art20Mode == FromLog && IsArt20Cell(f, a) {
			continue
		}
		v[a] = x
	}
	if r.Mode3 != Typed {
		for a, x := range ComputeS3(f, r.Year, oy.Requests) {
			v[a] = x
		}
	}
	if r.Mode4 != Typed {
		for a, x := range ComputeS4(f, r.Year, oy.Cases) {
			v[a] = x
		}
	}
	if r.Art20Mode == FromLog {
		for a, x := range Art20FromItems(f, r.Year, oy.Items) {
			v[a] = x
		}
	}
	if f == nil {
		return v
	}
	for _, t := range f.Tables {
		if !TableTyped(r, t) {
			// Computed from the logs: every cell has a value, 0 included.
			for _, a := range t.Cells() {
				if !v.Has(a) {
					v[a] = 0
				}
			}
			continue
		}
		// Typed: a derived cell not stored is computed once its parts are
		// all entered; a 未填 cell stays absent.
		for a, x := range DerivedTotals(t, r.Values) {
			if !v.Has(a) {
				v[a] = x
			}
		}
	}
	return v
}
