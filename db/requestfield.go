package db

import (
	"context"

	"nianbao/model"
)

// RequestField names one field of a log entry that the request form saves
// on its own: a column of requests, or one of request_personal.
type RequestField int

// The fields SaveRequestField writes. Organ, year and serial are not among
// them: they follow from the received date (see SaveRequestField).
const (
	FieldReceived RequestField = iota + 1
	FieldChannel
	FieldApplicant
	FieldSummary
	FieldCorrectionNotice
	FieldCorrected
	FieldExtApprovedBy
	FieldExtNotice
	FieldExtDays
	FieldExcludedDays
	FieldOutcome
	FieldAnswered
	FieldFeeMethod
	FieldPages
	FieldFee
	FieldFeeNotice
	FieldFeePaid
	FieldNotes
	FieldDelayNotice
	FieldDelayedTo
	FieldName
	FieldPhone
	FieldIDNumber
	FieldAddress
	fieldEnd
)

// lastRequestColumn is the last field stored in requests; the ones after
// it are personal data.
const lastRequestColumn = FieldDelayedTo

// Personal reports whether the field is personal data (request_personal).
func (f RequestField) Personal() bool { return f > lastRequestColumn && f < fieldEnd }

func (f RequestField) valid() bool { return f >= FieldReceived && f < fieldEnd }

// column is the field's column: requestColumns[f+2] for the requests
// table (received is the fourth, after organ_id, year and serial).
func (f RequestField) column() string {
	switch f {
	case FieldName:
		return "name"
	case FieldPhone:
		return "phone"
	case FieldIDNumber:
		return "id_number"
	case FieldAddress:
		return "address"
	}
	return requestColumns[int(f)+2]
}

// value is the field's stored value in q, as requestArgs gives it.
func (f RequestField) value(q *model.Request) any {
	switch f {
	case FieldName:
		return q.Personal.Name
	case FieldPhone:
		return q.Personal.Phone
	case FieldIDNumber:
		return q.Personal.IDNumber
	case FieldAddress:
		return q.Personal.Address
	}
	return requestArgs(q)[int(f)+2]
}

// ChangedRequestFields lists the fields whose values differ between old
// and q, in field order (organ, year and serial are not compared).
func ChangedRequestFields(old, q *model.Request) []RequestField {
	was, now := requestArgs(old), requestArgs(q)
	var out []RequestField
	for f := FieldReceived; f <= lastRequestColumn; f++ {
		if was[int(f)+2] != now[int(f)+2] {
			out = append(out, f)
		}
	}
	for f := FieldName; f < fieldEnd; f++ {
		if f.value(old) != f.value(q) {
			out = append(out, f)
		}
	}
	return out
}

// SaveRequestField writes one field of a stored entry: q is the entry as
// stored except for field f, whose value in q is written. It runs one
// statement in autocommit — one column of requests, or of request_personal
// for personal data — which is what the request form does each time the
// clerk leaves a field (a whole entry goes through SaveRequest).
//
// The rules SaveRequest keeps hold here too: a received date in another
// year than the stored entry's moves the entry to that year with the next
// number there (through SaveRequest, which sets q.Year and q.Serial); a
// personal field emptied when every other personal field of q is empty
// deletes the entry's personal data; an entry not yet stored (ID 0) is
// inserted by SaveRequest.
func (s *Store) SaveRequestField(ctx context.Context, q *model.Request, f RequestField) error {
	if q.ID == 0 {
		return s.SaveRequest(ctx, q)
	}
	if !f.valid() {
		return newErr(ErrInvalid, nil, "申请登记没有第 %d 个字段，无法保存。", int(f))
	}
	// A write outside tx waits for the start-up check and looks at the
	// -wal like tx does.
	if err := s.beforeWrite(ctx); err != nil {
		return err
	}
	const what = "保存申请登记"
	var err error
	switch {
	case f.Personal():
		err = s.savePersonalField(ctx, q, f)
	case f == FieldReceived && !q.Received.IsZero():
		// One statement while the date stays in the stored year; when no
		// row matched, the entry is gone or its year changes, and the
		// whole-entry path tells which and renumbers.
		res, e := s.db.ExecContext(ctx, "UPDATE requests SET received = ? WHERE id = ? AND year = ?",
			int64(q.Received), q.ID, q.Received.Year())
		if e != nil {
			err = e
			break
		}
		n, e := res.RowsAffected()
		if e != nil {
			err = e
			break
		}
		if n == 0 {
			// The form never chooses a number: the entry takes the next one
			// of its new year.
			q.Serial = 0
			return s.SaveRequest(ctx, q)
		}
		q.Year = q.Received.Year()
	default:
		res, e := s.db.ExecContext(ctx, "UPDATE requests SET "+f.column()+" = ? WHERE id = ?", f.value(q), q.ID)
		if e == nil {
			e = mustAffect(res, "申请登记", q.ID)
		}
		err = e
	}
	if err != nil {
		return ioErr(what, err)
	}
	return s.afterWrite(ctx)
}

// savePersonalField upserts one personal column, or deletes the personal
// data when it would be left empty.
func (s *Store) savePersonalField(ctx context.Context, q *model.Request, f RequestField) error {
	if q.Personal.IsZero() {
		_, err := s.db.ExecContext(ctx, "DELETE FROM request_personal WHERE request_id = ?", q.ID)
		return err
	}
	col := f.column()
	_, err := s.db.ExecContext(ctx, "INSERT INTO request_personal (request_id, "+col+") VALUES (?, ?) ON CONFLICT (request_id) DO UPDATE SET "+
		col+" = excluded."+col, q.ID, f.value(q))
	if isForeignKey(err) {
		return newErr(ErrNotFound, err, "找不到申请登记（编号 %d），它可能已被删除。", q.ID)
	}
	return err
}
