package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"unicode/utf8"

	sqlite3 "modernc.org/sqlite/lib"
	"nianbao/model"
)

const organCols = "id, name, level, superior, office, phone, email, portal, due_month, due_day, review_organ, court, letter_pattern, address, postcode"

type scanner interface{ Scan(dest ...any) error }

func scanOrgan(r scanner) (model.Organ, error) {
	var o model.Organ
	var level string
	err := r.Scan(&o.ID, &o.Name, &level, &o.Superior, &o.Office, &o.Phone, &o.Email, &o.Portal, &o.DueMonth, &o.DueDay, &o.ReviewOrgan, &o.Court, &o.LetterPattern, &o.Address, &o.Postcode)
	o.Level = model.OrganLevel(level)
	return o, err
}

// Organs lists all organs by name.
func (s *Store) Organs(ctx context.Context) ([]model.Organ, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+organCols+" FROM organs ORDER BY name")
	if err != nil {
		return nil, ioErr("读取机关列表", err)
	}
	defer rows.Close()
	var out []model.Organ
	for rows.Next() {
		o, err := scanOrgan(rows)
		if err != nil {
			return nil, ioErr("读取机关列表", err)
		}
		out = append(out, o)
	}
	return out, ioErr("读取机关列表", rows.Err())
}

// Organ returns one organ by id.
func (s *Store) Organ(ctx context.Context, id int64) (model.Organ, error) {
	o, err := scanOrgan(s.db.QueryRowContext(ctx, "SELECT "+organCols+" FROM organs WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, newErr(ErrNotFound, err, "找不到这个机关（编号 %d），它可能已被删除。", id)
	}
	return o, ioErr("读取机关", err)
}

// OrganByName returns the organ with exactly this name.
func (s *Store) OrganByName(ctx context.Context, name string) (model.Organ, error) {
	o, err := scanOrgan(s.db.QueryRowContext(ctx, "SELECT "+organCols+" FROM organs WHERE name = ?", name))
	if errors.Is(err, sql.ErrNoRows) {
		return o, newErr(ErrNotFound, err, "数据库里没有名为「%s」的机关。请检查名称，或先新建这个机关。", name)
	}
	return o, ioErr("读取机关", err)
}

func validOrgan(o *model.Organ) error {
	o.Name = strings.TrimSpace(o.Name)
	if o.Name == "" {
		return newErr(ErrInvalid, nil, "机关名称不能为空，请填写机关全称，例如“某某镇人民政府”。")
	}
	if model.OrganNameTooLong(o.Name) {
		return newErr(ErrInvalid, nil, "机关名称太长（%d 个字），最多 %d 个字。请填写机关的正式全称。", utf8.RuneCountInString(o.Name), model.MaxOrganName)
	}
	if o.Level == "" {
		o.Level = model.LevelTownship
	}
	return nil
}

// SaveOrgan inserts the organ when its ID is 0 (setting the ID) or updates it.
func (s *Store) SaveOrgan(ctx context.Context, o *model.Organ) error {
	if err := validOrgan(o); err != nil {
		return err
	}
	return s.tx(ctx, "保存机关", func(tx *sql.Tx) error { return saveOrganTx(ctx, tx, o) })
}

func saveOrganTx(ctx context.Context, tx dbtx, o *model.Organ) error {
	var err error
	if o.ID == 0 {
		var res sql.Result
		res, err = tx.ExecContext(ctx, `INSERT INTO organs (name, level, superior, office, phone, email, portal, due_month, due_day,
			review_organ, court, letter_pattern, address, postcode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, o.Name, string(o.Level), o.Superior,
			o.Office, o.Phone, o.Email, o.Portal, o.DueMonth, o.DueDay, o.ReviewOrgan, o.Court, o.LetterPattern, o.Address, o.Postcode)
		if err == nil {
			o.ID, err = res.LastInsertId()
		}
	} else {
		var res sql.Result
		res, err = tx.ExecContext(ctx, `UPDATE organs SET name = ?, level = ?, superior = ?, office = ?, phone = ?, email = ?,
			portal = ?, due_month = ?, due_day = ?, review_organ = ?, court = ?, letter_pattern = ?, address = ?, postcode = ? WHERE id = ?`, o.Name, string(o.Level),
			o.Superior, o.Office, o.Phone, o.Email, o.Portal, o.DueMonth, o.DueDay, o.ReviewOrgan, o.Court, o.LetterPattern, o.Address, o.Postcode, o.ID)
		if err == nil {
			err = mustAffect(res, "机关", o.ID)
		}
	}
	if isUnique(err) {
		return newErr(ErrInvalid, err, "已经有名为「%s」的机关，名称不能重复。请改用其他名称，或在列表中选择已有的机关。", o.Name)
	}
	return err
}

// DeleteOrgan deletes an organ with all its reports, logs and lists.
func (s *Store) DeleteOrgan(ctx context.Context, id int64) error {
	return s.tx(ctx, "删除机关", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM organs WHERE id = ?", id)
		if err != nil {
			return err
		}
		return mustAffect(res, "机关", id)
	})
}

func isUnique(err error) bool {
	return err != nil && sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT && strings.Contains(err.Error(), "UNIQUE")
}

// mustAffect turns "no row changed" into ErrNotFound.
func mustAffect(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return newErr(ErrNotFound, nil, "找不到要修改的%s（编号 %d），它可能已被删除。", what, id)
	}
	return nil
}

func isForeignKey(err error) bool {
	return err != nil && sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT && strings.Contains(err.Error(), "FOREIGN KEY")
}
