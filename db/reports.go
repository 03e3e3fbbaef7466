package db

import (
	"context"
	"database/sql"
	"errors"

	"nianbao/model"
)

// Years lists the years organID has a report for, most recent first.
func (s *Store) Years(ctx context.Context, organID int64) ([]int, error) {
	years, _, err := s.YearStatuses(ctx, organID)
	return years, err
}

// YearStatuses returns the organ's report years, newest first, with each
// report's status: what the start screen lists, in one query instead of
// reading each year's whole report.
func (s *Store) YearStatuses(ctx context.Context, organID int64) ([]int, map[int]model.ReportStatus, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT year, status FROM reports WHERE organ_id = ? ORDER BY year DESC", organID)
	if err != nil {
		return nil, nil, ioErr("读取年度列表", err)
	}
	defer rows.Close()
	var years []int
	status := map[int]model.ReportStatus{}
	for rows.Next() {
		var y int
		var st string
		if err := rows.Scan(&y, &st); err != nil {
			return nil, nil, ioErr("读取年度列表", err)
		}
		years, status[y] = append(years, y), normalizeStatus(model.ReportStatus(st))
	}
	return years, status, ioErr("读取年度列表", rows.Err())
}

// normalizeStatus is a stored status, a draft when none was stored.
func normalizeStatus(s model.ReportStatus) model.ReportStatus {
	if s == "" {
		return model.StatusDraft
	}
	return s
}

func normalizeReport(r *model.Report) {
	r.Status = normalizeStatus(r.Status)
	if r.Mode3 == "" {
		r.Mode3 = model.FromLog
	}
	if r.Mode4 == "" {
		r.Mode4 = model.FromLog
	}
	if r.FormatID == "" {
		if f := model.FormatForYear(r.Year); f != nil {
			r.FormatID = f.ID
		}
	}
}

// CreateReport inserts a report with its blocks, values and acks, setting
// the IDs. An organ has at most one report per year.
func (s *Store) CreateReport(ctx context.Context, r *model.Report) error {
	return s.tx(ctx, "新建报告", func(tx *sql.Tx) error { return createReportTx(ctx, tx, r) })
}

func createReportTx(ctx context.Context, tx dbtx, r *model.Report) error {
	normalizeReport(r)
	if r.Format() == nil {
		return newErr(ErrInvalid, nil, "%d年没有可用的年报格式。本程序从2019年度的报告开始支持，请检查年度。", r.Year)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO reports (organ_id, year, format_id, status, basis, where_text, preamble_text,
		mode3, mode4, art20_mode, fee_notices, fee_collected, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.OrganID, r.Year, r.FormatID, string(r.Status), r.Preamble.Basis, r.Preamble.Where, r.Preamble.Text,
		string(r.Mode3), string(r.Mode4), string(r.Art20Mode), r.Fees.Notices, r.Fees.Collected, int64(r.Date))
	if isUnique(err) {
		return newErr(ErrInvalid, err, "这个机关已经有%d年的报告，不能重复新建。请在年度列表中打开它。", r.Year)
	}
	if err != nil {
		if isForeignKey(err) {
			return newErr(ErrNotFound, err, "找不到报告所属的机关（编号 %d），请先保存机关信息。", r.OrganID)
		}
		return err
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	for i := range r.Blocks {
		r.Blocks[i].ID = 0
		if err := saveBlockTx(ctx, tx, r.ID, &r.Blocks[i]); err != nil {
			return err
		}
	}
	if err := setValuesTx(ctx, tx, r.ID, r.Values); err != nil {
		return err
	}
	for _, a := range r.Acks {
		if err := saveAckTx(ctx, tx, r.ID, a); err != nil {
			return err
		}
	}
	return nil
}

// Report loads organID's report for year with its values, blocks (in
// section and position order) and acknowledgements.
func (s *Store) Report(ctx context.Context, organID int64, year int) (*model.Report, error) {
	r, err := loadReport(ctx, s.db, organID, year)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, newErr(ErrNotFound, err, "还没有%d年的报告。请先新建该年度的报告。", year)
	}
	return r, ioErr("读取报告", err)
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func loadReport(ctx context.Context, q querier, organID int64, year int) (*model.Report, error) {
	r := &model.Report{Values: model.Values{}}
	var status, mode3, mode4, art20 string
	var date int64
	err := q.QueryRowContext(ctx, `SELECT id, organ_id, year, format_id, status, basis, where_text, preamble_text,
		mode3, mode4, art20_mode, fee_notices, fee_collected, date FROM reports WHERE organ_id = ? AND year = ?`, organID, year).Scan(
		&r.ID, &r.OrganID, &r.Year, &r.FormatID, &status, &r.Preamble.Basis, &r.Preamble.Where, &r.Preamble.Text,
		&mode3, &mode4, &art20, &r.Fees.Notices, &r.Fees.Collected, &date)
	r.Art20Mode = model.TableMode(art20)
	if err != nil {
		return nil, err
	}
	r.Status, r.Mode3, r.Mode4, r.Date = model.ReportStatus(status), model.TableMode(mode3), model.TableMode(mode4), model.Date(date)

	rows, err := q.QueryContext(ctx, "SELECT tbl, row, col, value FROM report_values WHERE report_id = ?", r.ID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var a model.CellAddress
		var v int64
		if err := rows.Scan(&a.Table, &a.Row, &a.Col, &v); err != nil {
			rows.Close()
			return nil, err
		}
		r.Values[a] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	if r.Blocks, err = loadBlocks(ctx, q, r.ID); err != nil {
		return nil, err
	}

	rows, err = q.QueryContext(ctx, "SELECT rule, target, reason FROM acks WHERE report_id = ? ORDER BY rule, target", r.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a model.Ack
		if err := rows.Scan(&a.Rule, &a.Target, &a.Reason); err != nil {
			return nil, err
		}
		r.Acks = append(r.Acks, a)
	}
	return r, rows.Err()
}

func loadBlocks(ctx context.Context, q querier, reportID int64) ([]model.Block, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, section, pos, kind, level, text, stale, origin FROM blocks
		WHERE report_id = ? ORDER BY section, pos, id`, reportID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Block
	for rows.Next() {
		var b model.Block
		var kind string
		if err := rows.Scan(&b.ID, &b.Section, &b.Pos, &kind, &b.Level, &b.Text, &b.Stale, &b.Origin); err != nil {
			return nil, err
		}
		b.Kind = model.BlockKind(kind)
		out = append(out, b)
	}
	return out, rows.Err()
}

// SaveReportMeta saves the report's own fields: status, format, preamble,
// table modes (三, 四, 二（一）), fees and date.
func (s *Store) SaveReportMeta(ctx context.Context, r *model.Report) error {
	normalizeReport(r)
	return s.tx(ctx, "保存报告", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE reports SET format_id = ?, status = ?, basis = ?, where_text = ?, preamble_text = ?,
			mode3 = ?, mode4 = ?, art20_mode = ?, fee_notices = ?, fee_collected = ?, date = ? WHERE id = ?`,
			r.FormatID, string(r.Status), r.Preamble.Basis, r.Preamble.Where, r.Preamble.Text,
			string(r.Mode3), string(r.Mode4), string(r.Art20Mode), r.Fees.Notices, r.Fees.Collected, int64(r.Date), r.ID)
		if err != nil {
			return err
		}
		return mustAffect(res, "报告", r.ID)
	})
}

// DeleteReport deletes a report with its blocks, values and acks (the
// organ's logs stay).
func (s *Store) DeleteReport(ctx context.Context, id int64) error {
	return s.tx(ctx, "删除报告", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM reports WHERE id = ?", id)
		if err != nil {
			return err
		}
		return mustAffect(res, "报告", id)
	})
}

const upsertValue = `INSERT INTO report_values (report_id, tbl, row, col, value) VALUES (?, ?, ?, ?, ?)
	ON CONFLICT (report_id, tbl, row, col) DO UPDATE SET value = excluded.value`

// SetValue stores one typed table cell.
func (s *Store) SetValue(ctx context.Context, reportID int64, a model.CellAddress, v int64) error {
	if a.IsZero() || a.Row == "" || a.Col == "" {
		return newErr(ErrInvalid, nil, "单元格地址不完整（%s），无法保存。", a)
	}
	return s.tx(ctx, "保存数值", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, upsertValue, reportID, a.Table, a.Row, a.Col, v)
		if isForeignKey(err) {
			return newErr(ErrNotFound, err, "找不到要保存数值的报告（编号 %d），它可能已被删除。", reportID)
		}
		return err
	})
}

// SetValues stores many cells in one transaction.
func (s *Store) SetValues(ctx context.Context, reportID int64, v model.Values) error {
	return s.tx(ctx, "保存数值", func(tx *sql.Tx) error { return setValuesTx(ctx, tx, reportID, v) })
}

func setValuesTx(ctx context.Context, tx dbtx, reportID int64, v model.Values) error {
	if len(v) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, upsertValue)
	if err != nil {
		return err
	}
	defer st.Close()
	for a, x := range v {
		if a.IsZero() || a.Row == "" || a.Col == "" {
			return newErr(ErrInvalid, nil, "单元格地址不完整（%s），无法保存。", a)
		}
		if _, err := st.ExecContext(ctx, reportID, a.Table, a.Row, a.Col, x); err != nil {
			if isForeignKey(err) {
				return newErr(ErrNotFound, err, "找不到要保存数值的报告（编号 %d），它可能已被删除。", reportID)
			}
			return err
		}
	}
	return nil
}

// SaveCells stores the cells of set and clears those of clear (each then
// reads as 未填 again), in one transaction: a cell typed or cleared in the
// grid and the totals that follow it change together.
func (s *Store) SaveCells(ctx context.Context, reportID int64, set model.Values, clear []model.CellAddress) error {
	return s.tx(ctx, "保存数值", func(tx *sql.Tx) error {
		if err := setValuesTx(ctx, tx, reportID, set); err != nil {
			return err
		}
		for _, a := range clear {
			if _, err := tx.ExecContext(ctx, "DELETE FROM report_values WHERE report_id = ? AND tbl = ? AND row = ? AND col = ?",
				reportID, a.Table, a.Row, a.Col); err != nil {
				return err
			}
		}
		return nil
	})
}

// SaveBlock inserts the block when its ID is 0 (setting the ID) or updates it.
// Either is one statement, which SQLite commits atomically on its own, so
// no BEGIN … COMMIT is wrapped around it: a paragraph's autosave then costs
// what a bare UPDATE does (BenchmarkFieldEdit/Block).
func (s *Store) SaveBlock(ctx context.Context, reportID int64, b *model.Block) error {
	if err := s.beforeWrite(ctx); err != nil {
		return err
	}
	if err := saveBlockTx(ctx, s.db, reportID, b); err != nil {
		return ioErr("保存段落", err)
	}
	return s.afterWrite(ctx)
}

func saveBlockTx(ctx context.Context, tx dbtx, reportID int64, b *model.Block) error {
	if b.Section < 0 || b.Section > 6 {
		return newErr(ErrInvalid, nil, "段落所属的部分（%d）不对，应为 0 到 6。", b.Section)
	}
	if b.Kind == "" {
		b.Kind = model.BlockParagraph
	}
	if b.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO blocks (report_id, section, pos, kind, level, text, stale, origin)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, reportID, b.Section, b.Pos, string(b.Kind), b.Level, b.Text, b.Stale, b.Origin)
		if err != nil {
			if isForeignKey(err) {
				return newErr(ErrNotFound, err, "找不到段落所属的报告（编号 %d），它可能已被删除。", reportID)
			}
			return err
		}
		b.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE blocks SET section = ?, pos = ?, kind = ?, level = ?, text = ?, stale = ?, origin = ?
		WHERE id = ? AND report_id = ?`, b.Section, b.Pos, string(b.Kind), b.Level, b.Text, b.Stale, b.Origin, b.ID, reportID)
	if err != nil {
		return err
	}
	return mustAffect(res, "段落", b.ID)
}

// DeleteBlock deletes one heading or paragraph.
func (s *Store) DeleteBlock(ctx context.Context, id int64) error {
	return s.tx(ctx, "删除段落", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM blocks WHERE id = ?", id)
		if err != nil {
			return err
		}
		return mustAffect(res, "段落", id)
	})
}

// ReorderBlocks sets the order of a section's blocks: ids in their new
// order get positions 0, 1, 2 …. Every id must belong to that section.
func (s *Store) ReorderBlocks(ctx context.Context, reportID int64, section int, ids []int64) error {
	return s.tx(ctx, "调整段落顺序", func(tx *sql.Tx) error {
		for i, id := range ids {
			res, err := tx.ExecContext(ctx, "UPDATE blocks SET pos = ? WHERE id = ? AND report_id = ? AND section = ?", i, id, reportID, section)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return newErr(ErrInvalid, nil, "段落（编号 %d）不属于这一部分，顺序没有改变。请刷新后重试。", id)
			}
		}
		return nil
	})
}

// SaveAck records (or updates the reason of) an acknowledged warning.
func (s *Store) SaveAck(ctx context.Context, reportID int64, a model.Ack) error {
	return s.tx(ctx, "保存确认说明", func(tx *sql.Tx) error { return saveAckTx(ctx, tx, reportID, a) })
}

func saveAckTx(ctx context.Context, tx dbtx, reportID int64, a model.Ack) error {
	if a.Rule == "" {
		return newErr(ErrInvalid, nil, "确认说明缺少规则编号，无法保存。")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO acks (report_id, rule, target, reason) VALUES (?, ?, ?, ?)
		ON CONFLICT (report_id, rule, target) DO UPDATE SET reason = excluded.reason`, reportID, a.Rule, a.Target, a.Reason)
	if isForeignKey(err) {
		return newErr(ErrNotFound, err, "找不到确认说明所属的报告（编号 %d）。", reportID)
	}
	return err
}

// DeleteAck withdraws an acknowledgement.
func (s *Store) DeleteAck(ctx context.Context, reportID int64, rule, target string) error {
	return s.tx(ctx, "撤销确认", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM acks WHERE report_id = ? AND rule = ? AND target = ?", reportID, rule, target)
		return err
	})
}
