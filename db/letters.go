package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"nianbao/model"
)

// LetterTemplates returns the organ's own letter templates by key; keys
// absent use the program's default (model.DefaultTemplate).
func (s *Store) LetterTemplates(ctx context.Context, organID int64) (map[string]model.LetterTemplate, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT key, title, body FROM letter_templates WHERE organ_id = ?", organID)
	if err != nil {
		return nil, ioErr("读取告知书模板", err)
	}
	defer rows.Close()
	out := map[string]model.LetterTemplate{}
	for rows.Next() {
		var k string
		var t model.LetterTemplate
		if err := rows.Scan(&k, &t.Title, &t.Body); err != nil {
			return nil, ioErr("读取告知书模板", err)
		}
		out[k] = t
	}
	return out, ioErr("读取告知书模板", rows.Err())
}

// SaveLetterTemplate stores the organ's text for one template key; an empty
// body goes back to the program's default.
func (s *Store) SaveLetterTemplate(ctx context.Context, organID int64, key string, t model.LetterTemplate) error {
	if _, ok := model.DefaultTemplate(key); !ok {
		return newErr(ErrInvalid, nil, "没有名为「%s」的告知书模板。", key)
	}
	t.Title = strings.TrimSpace(model.CleanLine(t.Title))
	t.Body = strings.TrimSpace(model.CleanText(t.Body))
	return s.tx(ctx, "保存告知书模板", func(tx *sql.Tx) error {
		if t.Body == "" {
			_, err := tx.ExecContext(ctx, "DELETE FROM letter_templates WHERE organ_id = ? AND key = ?", organID, key)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO letter_templates (organ_id, key, title, body) VALUES (?, ?, ?, ?)
			ON CONFLICT (organ_id, key) DO UPDATE SET title = excluded.title, body = excluded.body`, organID, key, t.Title, t.Body)
		return err
	})
}

// RequestBySerial returns the organ's log entry year-serial.
func (s *Store) RequestBySerial(ctx context.Context, organID int64, year, serial int, withPersonal bool) (model.Request, error) {
	q := "SELECT " + requestCols
	if withPersonal {
		q += personalCols
	}
	q += " FROM requests r"
	if withPersonal {
		q += personalJoin
	}
	q += " WHERE r.organ_id = ? AND r.year = ? AND r.serial = ?"
	r, err := scanRequest(s.db.QueryRowContext(ctx, q, organID, year, serial), withPersonal)
	if errors.Is(err, sql.ErrNoRows) {
		return r, newErr(ErrNotFound, err, "台账里没有%d年第%d号申请。", year, serial)
	}
	return r, ioErr("读取申请登记", err)
}

// LettersOf lists the letters written for a request, oldest first.
func (s *Store) LettersOf(ctx context.Context, requestID int64) ([]model.LetterRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, request_id, kind, year, seq, number, date FROM request_letters
		WHERE request_id = ? ORDER BY date, id`, requestID)
	if err != nil {
		return nil, ioErr("读取告知书记录", err)
	}
	defer rows.Close()
	var out []model.LetterRecord
	for rows.Next() {
		var r model.LetterRecord
		var kind string
		var date int64
		if err := rows.Scan(&r.ID, &r.RequestID, &kind, &r.Year, &r.Seq, &r.Number, &date); err != nil {
			return nil, ioErr("读取告知书记录", err)
		}
		r.Kind, r.Date = model.LetterKind(kind), model.Date(date)
		out = append(out, r)
	}
	return out, ioErr("读取告知书记录", rows.Err())
}

// RecordLetter gives letter l for request q its 文号 and records it, in one
// transaction: a letter of the same kind written before for the request
// keeps its number (writing it again re-issues the same letter, with l's
// date); otherwise the next number of the organ's year of l.Date is taken
// and formatted with the organ's pattern. The letter's date goes onto the
// request where that date is still empty (model.RecordLetter), so the
// ledger's 补正/延期/收费/答复 dates come from the letters; q is updated
// with what was stored. l.Number is set.
func (s *Store) RecordLetter(ctx context.Context, organ model.Organ, q *model.Request, l *model.Letter) (model.LetterRecord, error) {
	if q.ID == 0 || l.Date.IsZero() {
		return model.LetterRecord{}, newErr(ErrInvalid, nil, "告知书要有日期，并且属于台账里已保存的申请。")
	}
	var rec model.LetterRecord
	err := s.tx(ctx, "登记告知书", func(tx *sql.Tx) error {
		cur, err := getRequest(ctx, tx, q.ID, false)
		if err != nil {
			return err
		}
		var date int64
		err = tx.QueryRowContext(ctx, `SELECT id, year, seq, number, date FROM request_letters WHERE request_id = ? AND kind = ?
			ORDER BY id DESC LIMIT 1`, q.ID, string(l.Kind)).Scan(&rec.ID, &rec.Year, &rec.Seq, &rec.Number, &date)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			rec.Year = l.Date.Year()
			if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) + 1 FROM request_letters WHERE organ_id = ? AND year = ?",
				organ.ID, rec.Year).Scan(&rec.Seq); err != nil {
				return err
			}
			rec.Number = organ.DocNumber(rec.Year, rec.Seq)
			res, err := tx.ExecContext(ctx, `INSERT INTO request_letters (request_id, organ_id, kind, year, seq, number, date)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, q.ID, organ.ID, string(l.Kind), rec.Year, rec.Seq, rec.Number, int64(l.Date))
			if err != nil {
				return err
			}
			rec.ID, err = res.LastInsertId()
			if err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if _, err := tx.ExecContext(ctx, "UPDATE request_letters SET date = ? WHERE id = ?", int64(l.Date), rec.ID); err != nil {
				return err
			}
		}
		rec.RequestID, rec.Kind, rec.Date = q.ID, l.Kind, l.Date
		if model.RecordLetter(&cur, l.Kind, l.Date, l.ExtDays, l.Fee) {
			if err := saveRequestTx(ctx, tx, &cur); err != nil {
				return err
			}
		}
		personal := q.Personal
		*q = cur
		q.Personal = personal
		return nil
	})
	if err != nil {
		return model.LetterRecord{}, err
	}
	l.Number = rec.Number
	return rec, nil
}
