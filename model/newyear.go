package model

// NewYearSummary says what starting a year from the last one carried over,
// for the caller to show the clerk.
type NewYearSummary struct {
	// Carried lists the requests still unanswered on 31 December of the
	// previous year: they stay in the log as they are and count as
	// 二、上年结转 in the new year.
	Carried []Request
	// OpenMeasures counts the improvement measures not yet 已完成 that were
	// copied into the new year.
	OpenMeasures int
	// StaleParagraphs counts the narrative paragraphs copied as 待更新.
	StaleParagraphs int
	// FormatChanged is set when the new year uses another national format
	// than the previous one (2020 → 2021).
	FormatChanged bool
	// PrefilledCells lists the table cells filled from last year's figures.
	PrefilledCells []CellAddress
	// PreambleTextDropped is set when last year's own preamble text (which
	// names last year's period) was not carried: the new year starts with
	// the generated preamble.
	PreambleTextDropped bool
}

// NewYearWithSummary starts the organ-year for year from prev (normally the
// year before) and says what was carried:
//
//   - the organ profile is copied;
//   - the report is a NewReport for the year, in the new year's format, with
//     the table modes and the preamble's basis and publication place kept;
//   - narrative blocks are copied; paragraphs with text are marked Stale with
//     Origin set to last year's text, so they show 待更新 until edited;
//   - in the 2019 format, 上一年项目数量 is prefilled as last year's
//     上一年项目数量 + 本年增/减 where last year entered both (0 included);
//     in the 2021 format nothing typed carries (last year's 现行有效件数
//     stays reachable through Prev); every other typed cell starts 未填;
//   - when table 三 is typed, 二、上年结转 is prefilled from last year's
//     四、结转下年度继续办理 in each applicant column (0 included; its 总计 is
//     derived);
//   - requests unanswered on 31 December are not copied: the same entries
//     (same IDs) are referenced in Requests, as the year's log includes them,
//     and listed in the summary;
//   - improvement measures not 已完成 are copied (without ID) into the year,
//     keeping the year they were first raised;
//   - Prev holds last year's effective table values and narrative.
//
// Cases and disclosure items belong to their year and are not carried.
func NewYearWithSummary(prev *OrganYear, year int) (*OrganYear, NewYearSummary) {
	var sum NewYearSummary
	oy := &OrganYear{Organ: prev.Organ}
	r := NewReport(prev.Organ.ID, year)
	oy.Report = r
	pr := prev.Report
	if pr == nil {
		return oy, sum
	}
	prevYear := pr.Year
	pf := pr.Format()
	nf := r.Format()
	sum.FormatChanged = pf != nil && nf != nil && pf.ID != nf.ID

	r.Mode3, r.Mode4, r.Art20Mode = pr.Mode3, pr.Mode4, pr.Art20Mode
	r.Preamble = Preamble{Basis: pr.Preamble.Basis, Where: pr.Preamble.Where}
	sum.PreambleTextDropped = pr.Preamble.Text != ""

	if len(pr.Blocks) > 0 {
		r.Blocks = make([]Block, 0, len(pr.Blocks))
		for _, b := range pr.Blocks {
			nb := Block{Section: b.Section, Pos: b.Pos, Kind: b.Kind, Level: b.Level, Text: b.Text}
			if b.Kind == BlockParagraph && b.Text != "" {
				nb.Stale = true
				nb.Origin = b.Text
				sum.StaleParagraphs++
			}
			r.Blocks = append(r.Blocks, nb)
		}
	}

	prevVals := EffectiveValues(prev)
	oy.Prev = &PrevYear{Year: prevYear, Values: prevVals, Blocks: append([]Block(nil), pr.Blocks...)}
	if pf != nil {
		oy.Prev.FormatID = pf.ID
	}

	if nf != nil && pf != nil && nf.ID == "2019" && pf.ID == "2019" {
		for _, t := range nf.SectionTables(2) {
			if _, ok := t.Column("prev"); !ok {
				continue
			}
			if _, ok := t.Column("delta"); !ok {
				continue
			}
			for _, row := range t.Rows {
				// Known only when last year entered both (0 included).
				p, okP := prevVals[Addr(t.ID, row.ID, "prev")]
				d, okD := prevVals[Addr(t.ID, row.ID, "delta")]
				if !okP || !okD {
					continue
				}
				a := Addr(t.ID, row.ID, "prev")
				r.Values[a] = p + d
				sum.PrefilledCells = append(sum.PrefilledCells, a)
			}
		}
	}
	if r.Mode3 == Typed && nf != nil {
		if t := nf.Table(TableS3); t != nil {
			for _, c := range t.Columns {
				// 0 carried is a figure too; a 总计 is derived, not entered.
				x, ok := prevVals[Addr(TableS3, RowCarriedOut, c.ID)]
				if !ok || c.Total {
					continue
				}
				a := Addr(TableS3, RowCarriedIn, c.ID)
				r.Values[a] = x
				sum.PrefilledCells = append(sum.PrefilledCells, a)
			}
		}
	}

	end := YearEnd(prevYear)
	for _, q := range prev.Requests {
		if q.Received.IsZero() || q.Received > end {
			continue
		}
		if q.Closed() && q.Answered <= end {
			continue
		}
		sum.Carried = append(sum.Carried, q)
	}
	oy.Requests = append([]Request(nil), sum.Carried...)

	for _, m := range prev.Measures {
		if m.Status == MeasureDone {
			continue
		}
		nm := m
		nm.ID = 0
		nm.Year = year
		if nm.FirstYear == 0 {
			nm.FirstYear = m.Year
		}
		if nm.FirstYear == 0 {
			nm.FirstYear = prevYear
		}
		oy.Measures = append(oy.Measures, nm)
		sum.OpenMeasures++
	}
	return oy, sum
}
