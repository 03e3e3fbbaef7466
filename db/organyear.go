package db

import (
	"context"
	"database/sql"
	"errors"

	"nianbao/model"
)

// LoadOrganYear loads everything about organID's year in one read
// transaction: organ, report, the requests relevant to the year (personal
// data only when withPersonal), cases, measures and items. Prev is filled
// from year-1 when that report exists, with its effective values computed
// from its own log.
func (s *Store) LoadOrganYear(ctx context.Context, organID int64, year int, withPersonal bool) (*model.OrganYear, error) {
	return s.loadOrganYear(ctx, organID, year, withPersonal, false)
}

// LoadOrganYearToCheck loads an organ-year as LoadOrganYear does without
// personal data, for one check of it (a command that prints the findings):
// its index of personal values holds only those that may occur in its
// public texts as loaded (model.NewPersonalIndexFor), which rule S1 finds
// alike at a fraction of the cost. Not for a snapshot that follows edits.
func (s *Store) LoadOrganYearToCheck(ctx context.Context, organID int64, year int) (*model.OrganYear, error) {
	return s.loadOrganYear(ctx, organID, year, false, true)
}

func (s *Store) loadOrganYear(ctx context.Context, organID int64, year int, withPersonal, toCheck bool) (*model.OrganYear, error) {
	var dv *dataVersion
	if toCheck {
		dv = s.openDataVersion(ctx) // before the transaction: see sideIndex
		defer dv.close()
	}
	tx, err := s.reader().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, ioErr("读取年度数据", err)
	}
	defer tx.Rollback()
	oy := &model.OrganYear{}
	oy.Organ, err = scanOrgan(tx.QueryRowContext(ctx, "SELECT "+organCols+" FROM organs WHERE id = ?", organID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, newErr(ErrNotFound, err, "找不到这个机关（编号 %d），它可能已被删除。", organID)
	}
	if err != nil {
		return nil, ioErr("读取年度数据", err)
	}
	oy.Report, err = loadReport(ctx, tx, organID, year)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, newErr(ErrNotFound, err, "%s还没有%d年的报告。请先新建该年度的报告。", oy.Organ.Name, year)
	}
	if err != nil {
		return nil, ioErr("读取年度数据", err)
	}
	if oy.Measures, err = measuresForYear(ctx, tx, organID, year); err != nil {
		return nil, err
	}
	var side *sideIndex
	if toCheck {
		// The report, organ and measures are read: the texts are known.
		side = s.startSideIndex(ctx, organID, model.PublicTexts(oy), dv)
	}
	if oy.Requests, err = requestsForYear(ctx, tx, organID, year, withPersonal); err != nil {
		side.abandon()
		return nil, err
	}
	if oy.Cases, err = casesForYear(ctx, tx, organID, year); err != nil {
		side.abandon()
		return nil, err
	}
	if side != nil {
		oy.Personal, err = side.wait(ctx, tx, organID)
	} else {
		oy.Personal, err = personalIndex(ctx, tx, organID, model.NewPersonalIndex())
	}
	if err != nil {
		return nil, err
	}
	if oy.Items, err = itemsForYear(ctx, tx, organID, year); err != nil {
		return nil, err
	}
	if oy.Prev, err = prevYear(ctx, tx, oy.Organ, year); err != nil {
		return nil, err
	}
	return oy, nil
}

// PrevYear reads again what an organ-year needs of the year before
// (OrganYear.Prev; nil when there is no report of that year in a known
// format), for a snapshot after a save to that year's log.
func (s *Store) PrevYear(ctx context.Context, organID int64, year int) (*model.PrevYear, error) {
	tx, err := s.reader().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, ioErr("读取上年数据", err)
	}
	defer tx.Rollback()
	return prevYear(ctx, tx, model.Organ{ID: organID}, year)
}

func prevYear(ctx context.Context, tx *sql.Tx, organ model.Organ, year int) (*model.PrevYear, error) {
	organID := organ.ID
	prev, err := loadReport(ctx, tx, organID, year-1)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, ioErr("读取上年数据", err)
	case prev.Format() == nil:
		return nil, nil
	}
	p := &model.OrganYear{Organ: organ, Report: prev}
	if p.Requests, err = requestsForYear(ctx, tx, organID, year-1, false); err != nil {
		return nil, err
	}
	if p.Cases, err = casesForYear(ctx, tx, organID, year-1); err != nil {
		return nil, err
	}
	if p.Items, err = itemsForYear(ctx, tx, organID, year-1); err != nil {
		return nil, err
	}
	return &model.PrevYear{Year: prev.Year, FormatID: prev.Format().ID, Values: model.EffectiveValues(p), Blocks: prev.Blocks}, nil
}

// PersonalIndex reads the index of the organ's personal values again (as
// LoadOrganYear makes it), for a snapshot whose log changed.
func (s *Store) PersonalIndex(ctx context.Context, organID int64) (*model.PersonalIndex, error) {
	tx, err := s.reader().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, ioErr("读取年度数据", err)
	}
	defer tx.Rollback()
	return personalIndex(ctx, tx, organID, model.NewPersonalIndex())
}

var personalIndexRow = packedSQL([]string{"r.year", "r.serial"}, []string{"p.name", "p.phone", "p.id_number", "p.address"})

// personalIndex adds to x the personal values of every request of the
// organ (all years) for the check that no public text names an applicant. The
// rows come packed, as in requestsForYear: year, serial, the byte length of
// each value, '|' and the values.
func personalIndex(ctx context.Context, tx *sql.Tx, organID int64, x *model.PersonalIndex) (*model.PersonalIndex, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+personalIndexRow+`
		FROM request_personal p JOIN requests r ON r.id = p.request_id WHERE r.organ_id = ?
		ORDER BY r.year, r.serial`, organID) // the order PersonalIndex.Update keeps
	if err != nil {
		return nil, ioErr("读取年度数据", err)
	}
	defer rows.Close()
	var row sql.RawBytes
	var n [6]int64
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, ioErr("读取年度数据", err)
		}
		texts, err := unpackInts(row, n[:])
		if err != nil {
			return nil, ioErr("读取年度数据", err)
		}
		var v [4]string
		if err := splitTexts(texts, n[2:], v[:]); err != nil {
			return nil, ioErr("读取年度数据", err)
		}
		x.Add(int(n[0]), int(n[1]), model.Personal{Name: v[0], Phone: v[1], IDNumber: v[2], Address: v[3]})
	}
	if err := rows.Err(); err != nil {
		return nil, ioErr("读取年度数据", err)
	}
	return x, nil
}

// SaveOrganYear stores a whole organ-year (an import or a demo) in one
// transaction: the organ is matched by name (updated, or inserted), then
// the report with its blocks, values and acks, the requests (with personal
// data), cases, measures and items. Requests of earlier years are matched
// by (year, serial) and updated. When that organ already has a report for
// the year, replace must be true: its report and the year's requests,
// cases, measures and items are deleted first; otherwise ErrInvalid.
// IDs in oy are set to the stored ones.
func (s *Store) SaveOrganYear(ctx context.Context, oy *model.OrganYear, replace bool) error {
	if oy == nil || oy.Report == nil {
		return newErr(ErrInvalid, nil, "要保存的年度数据里没有报告。")
	}
	if err := validOrgan(&oy.Organ); err != nil {
		return err
	}
	year := oy.Report.Year
	return s.tx(ctx, "保存年度数据", func(sqlTx *sql.Tx) error {
		tx := newCachedTx(sqlTx) // thousands of rows: prepare each statement once
		defer tx.close()
		existing, err := scanOrgan(tx.QueryRowContext(ctx, "SELECT "+organCols+" FROM organs WHERE name = ?", oy.Organ.Name))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			oy.Organ.ID = 0
		case err != nil:
			return err
		default:
			oy.Organ.ID = existing.ID
		}
		if err := saveOrganTx(ctx, tx, &oy.Organ); err != nil {
			return err
		}
		organID := oy.Organ.ID
		var reportID int64
		err = tx.QueryRowContext(ctx, "SELECT id FROM reports WHERE organ_id = ? AND year = ?", organID, year).Scan(&reportID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		case !replace:
			return newErr(ErrInvalid, nil, "%s已经有%d年的报告。如要用导入的数据替换它，请选择“替换”。", oy.Organ.Name, year)
		default:
			for _, q := range []string{
				"DELETE FROM reports WHERE organ_id = ? AND year = ?",
				"DELETE FROM requests WHERE organ_id = ? AND year = ?",
				"DELETE FROM cases WHERE organ_id = ? AND year = ?",
				"DELETE FROM measures WHERE organ_id = ? AND year = ?",
				"DELETE FROM disclosure_items WHERE organ_id = ? AND year = ?",
			} {
				if _, err := tx.ExecContext(ctx, q, organID, year); err != nil {
					return err
				}
			}
		}
		r := oy.Report
		r.ID, r.OrganID = 0, organID
		if err := createReportTx(ctx, tx, r); err != nil {
			return err
		}
		for i := range oy.Requests {
			q := &oy.Requests[i]
			q.OrganID = organID
			q.ID = 0
			if q.Serial != 0 {
				var id int64
				err := tx.QueryRowContext(ctx, "SELECT id FROM requests WHERE organ_id = ? AND year = ? AND serial = ?", organID, q.Year, q.Serial).Scan(&id)
				if err != nil && !errors.Is(err, sql.ErrNoRows) {
					return err
				}
				q.ID = id
			}
			if err := saveRequestTx(ctx, tx, q); err != nil {
				return err
			}
		}
		for i := range oy.Cases {
			c := &oy.Cases[i]
			c.ID, c.OrganID = 0, organID
			if err := saveCaseTx(ctx, tx, c); err != nil {
				return err
			}
		}
		for i := range oy.Measures {
			m := &oy.Measures[i]
			m.ID, m.OrganID = 0, organID
			if err := saveMeasureTx(ctx, tx, m); err != nil {
				return err
			}
		}
		for i := range oy.Items {
			it := &oy.Items[i]
			it.ID, it.OrganID = 0, organID
			if err := saveItemTx(ctx, tx, it); err != nil {
				return err
			}
		}
		return nil
	})
}
