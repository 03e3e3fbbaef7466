package model

// ComputeS3 computes table 三 for year from the request log, in format f.
// A request received in the year counts in 一; one received earlier and not
// answered before the year starts counts in 二. Each of those falls in
// exactly one of: the outcome row it was answered with during the year, or
// 四、结转下年度 when it was still open on 31 December. Requests answered with
// an outcome row that f does not have are left out of the outcome rows (rule
// L2 reports them), so O1 shows the gap rather than hiding it.
func ComputeS3(f *Format, year int, reqs []Request) Values {
	return NewS3Tally(f, year, reqs).Values()
}

// S3Tally counts table 三 from a request log so that a changed entry
// updates the counts without a pass over the log: Add(old, -1) and
// Add(new, +1) leave the tally equal to one made from the changed log.
type S3Tally struct {
	f        *Format
	year     int
	outcomes []string
	// counts has a row for new, carried in, carried out, then each outcome
	// row of f; columns are the six applicant types. Counting into arrays
	// costs no map operation per entry.
	counts [][6]int64
}

const s3New, s3In, s3Out, s3Outcome = 0, 1, 2, 3

// NewS3Tally counts reqs into table 三 of year in format f.
func NewS3Tally(f *Format, year int, reqs []Request) *S3Tally {
	t := &S3Tally{f: f, year: year, outcomes: f.OutcomeRows()}
	t.counts = make([][6]int64, s3Outcome+len(t.outcomes))
	for i := range reqs {
		t.Add(&reqs[i], 1)
	}
	return t
}

// Add counts q into the tally d times (1 to add an entry, -1 to take it
// out again).
func (t *S3Tally) Add(q *Request, d int64) {
	start, end := YearStart(t.year), YearEnd(t.year)
	ai := q.Applicant.Index()
	if q.Received.IsZero() || q.Received > end || ai < 0 {
		return
	}
	switch {
	case q.Received >= start:
		t.counts[s3New][ai] += d
	case !q.Closed() || q.Answered >= start:
		t.counts[s3In][ai] += d
	default:
		return // closed before the year began
	}
	if q.Closed() && q.Answered <= end {
		if oi := t.f.OutcomeIndex(q.Outcome); oi >= 0 {
			t.counts[s3Outcome+oi][ai] += d
		}
		return
	}
	t.counts[s3Out][ai] += d
}

// Clone is a tally that counts on independently of t.
func (t *S3Tally) Clone() *S3Tally {
	c := *t
	c.counts = append([][6]int64(nil), t.counts...)
	return &c
}

// Values is table 三 as counted, with its totals.
func (t *S3Tally) Values() Values {
	v := Values{}
	for k, row := range t.counts {
		var id string
		switch k {
		case s3New:
			id = RowNew
		case s3In:
			id = RowCarriedIn
		case s3Out:
			id = RowCarriedOut
		default:
			id = t.outcomes[k-s3Outcome]
		}
		for ai, n := range row {
			if n != 0 {
				v[Addr(TableS3, id, string(ApplicantTypes[ai]))] = n
			}
		}
	}
	FillTotals(t.f.Table(TableS3), v)
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
	var s3 Values
	if r.Mode3 != Typed {
		s3 = ComputeS3(r.Format(), r.Year, oy.Requests)
	}
	return effectiveValues(oy, s3)
}

// effectiveValues is EffectiveValues with table 三 as computed from the
// log already (used only when the report does not type it).
func effectiveValues(oy *OrganYear, s3 Values) Values {
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
		for a, x := range s3 {
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
