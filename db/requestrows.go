package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"nianbao/model"
)

// Reading a whole year's log. modernc's driver fetches every column of a
// row with two or three calls into SQLite, each of which takes the
// connection's mutex: for 50,000 entries of 24 columns that was two thirds
// of the load (≈ 140 of 210 ms CPU on a 2.3 GHz Xeon). requestsForYear
// therefore has SQLite join each row into one text (packedSQL) — the
// integer columns in decimal, then the byte length of each text column,
// then '|' and the texts back to back — and unpackRequest splits it again: one column
// fetched per row and one string allocated for the row's texts. The
// lengths make any text safe (separators, NUL bytes, invalid UTF-8); a row
// that does not decode (a value of the wrong type in an integer column) is
// a read error, as the scan into an integer was.

// packedInts are the integer columns of a packed row, in order.
var packedInts = [...]string{"r.id", "r.organ_id", "r.year", "r.serial", "r.received",
	"r.correction_notice", "r.corrected", "r.ext_notice", "r.ext_days", "r.excluded_days",
	"r.answered", "r.pages", "r.fee", "r.fee_notice", "r.fee_paid", "r.delay_notice", "r.delayed_to"}

// packedTexts are its text columns, in order; packedPersonal follow them
// when the personal data is read.
var (
	packedTexts    = [...]string{"r.channel", "r.applicant", "r.summary", "r.ext_approved_by", "r.outcome", "r.fee_method", "r.notes"}
	packedPersonal = [...]string{"coalesce(p.name, '')", "coalesce(p.phone, '')", "coalesce(p.id_number, '')", "coalesce(p.address, '')"}
)

// packedRow is the SQL expression of one packed row.
func packedRow(withPersonal bool) string {
	texts := packedTexts[:]
	if withPersonal {
		texts = append(texts[:len(texts):len(texts)], packedPersonal[:]...)
	}
	return packedSQL(packedInts[:], texts)
}

// packedSQL joins ints (integer expressions) and the byte lengths of texts
// with ' ', then '|' and the texts: concat_ws and concat are one call each,
// 15 % less than chaining || over every value.
func packedSQL(ints, texts []string) string {
	parts := append([]string(nil), ints...)
	for _, t := range texts {
		parts = append(parts, "octet_length("+t+")")
	}
	return "concat_ws(' ', " + strings.Join(parts, ", ") + ") || '|' || concat(" + strings.Join(texts, ", ") + ")"
}

var (
	packedQuery         = packedRow(false)
	packedPersonalQuery = packedRow(true)
)

// errPacked is a packed row that does not decode.
var errPacked = errors.New("申请登记的一行数据格式不对")

// unpackInts reads len(n) integers from the head of a packed row, each
// followed by ' ' and the last by '|', and returns the rest of the row.
func unpackInts(row []byte, n []int64) ([]byte, error) {
	pos := 0
	for i := range n {
		neg := pos < len(row) && row[pos] == '-'
		if neg {
			pos++
		}
		start := pos
		var v int64
		for ; pos < len(row) && row[pos] >= '0' && row[pos] <= '9'; pos++ {
			v = v*10 + int64(row[pos]-'0')
		}
		sep := byte(' ')
		if i == len(n)-1 {
			sep = '|'
		}
		if pos == start || pos-start > 18 || pos >= len(row) || row[pos] != sep {
			return nil, errPacked
		}
		pos++
		if neg {
			v = -v
		}
		n[i] = v
	}
	return row[pos:], nil
}

// splitTexts cuts texts into out by the byte lengths lens, which must add
// up to all of it. The strings share one allocation.
func splitTexts(texts []byte, lens []int64, out []string) error {
	total := int64(0)
	for _, l := range lens {
		if l < 0 {
			return errPacked
		}
		total += l
	}
	if total != int64(len(texts)) {
		return errPacked
	}
	s := string(texts)
	for i, l := range lens {
		out[i], s = s[:l], s[l:]
	}
	return nil
}

// unpackRequest decodes a packed row into q.
func unpackRequest(row []byte, withPersonal bool, q *model.Request) error {
	var n [len(packedInts) + len(packedTexts) + len(packedPersonal)]int64
	var t [len(packedTexts) + len(packedPersonal)]string
	count := len(packedInts) + len(packedTexts)
	if withPersonal {
		count += len(packedPersonal)
	}
	texts, err := unpackInts(row, n[:count])
	if err != nil {
		return err
	}
	// The personal values get a string of their own: an entry whose
	// Personal is cleared (a snapshot keeps none) must not keep them
	// alive in the block its summary and notes share.
	lens := n[len(packedInts):count]
	own := 0
	for _, l := range lens[:len(packedTexts)] {
		if l < 0 || l > int64(len(texts)) {
			return errPacked
		}
		own += int(l)
	}
	if own > len(texts) {
		return errPacked
	}
	if err := splitTexts(texts[:own], lens[:len(packedTexts)], t[:len(packedTexts)]); err != nil {
		return err
	}
	if err := splitTexts(texts[own:], lens[len(packedTexts):], t[len(packedTexts):len(lens)]); err != nil {
		return err
	}
	*q = model.Request{
		ID: n[0], OrganID: n[1], Year: int(n[2]), Serial: int(n[3]), Received: model.Date(n[4]),
		CorrectionNotice: model.Date(n[5]), Corrected: model.Date(n[6]), ExtNotice: model.Date(n[7]),
		ExtDays: int(n[8]), ExcludedDays: int(n[9]), Answered: model.Date(n[10]), Pages: int(n[11]),
		Fee: n[12], FeeNotice: model.Date(n[13]), FeePaid: model.Date(n[14]),
		DelayNotice: model.Date(n[15]), DelayedTo: model.Date(n[16]),
		Channel: model.Channel(t[0]), Applicant: model.ApplicantType(t[1]), Summary: t[2],
		ExtApprovedBy: t[3], Outcome: t[4], FeeMethod: model.FeeMethod(t[5]), Notes: t[6],
	}
	if withPersonal {
		q.Personal = model.Personal{Name: t[7], Phone: t[8], IDNumber: t[9], Address: t[10]}
	}
	return nil
}

// RequestsForYear returns every entry relevant to year (received in it, or
// earlier and open at its start) in (Year, Serial) order.
func (s *Store) RequestsForYear(ctx context.Context, organID int64, year int, withPersonal bool) ([]model.Request, error) {
	return requestsForYear(ctx, s.db, organID, year, withPersonal)
}

func requestsForYear(ctx context.Context, db querier, organID int64, year int, withPersonal bool) ([]model.Request, error) {
	c, args := yearWhere(year)
	args = append([]any{organID}, args...)
	where := " FROM requests r WHERE r.organ_id = ? AND " + c
	// The count sizes the slice: growing it by appending copied 15 MB twice
	// over at 50,000 entries. It is the log's own count (RequestQuery),
	// which reads the carried-in entries through their indexes instead of
	// walking every earlier year's, in the same transaction.
	countQuery, countArgs, err := RequestQuery{OrganID: organID, Year: year}.countSQL()
	if err != nil {
		return nil, ioErr("读取申请登记", err)
	}
	var count int
	if err := db.QueryRowContext(ctx, countQuery, countArgs...).Scan(&count); err != nil {
		return nil, ioErr("读取申请登记", err)
	}
	query := "SELECT " + packedQuery
	if withPersonal {
		query = "SELECT " + packedPersonalQuery
		where = " FROM requests r" + personalJoin + " WHERE r.organ_id = ? AND " + c
	}
	rows, err := db.QueryContext(ctx, query+where+" ORDER BY r.year, r.serial", args...)
	if err != nil {
		return nil, ioErr("读取申请登记", err)
	}
	defer rows.Close()
	out := make([]model.Request, 0, count)
	var row sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, ioErr("读取申请登记", err)
		}
		out = append(out, model.Request{})
		if err := unpackRequest(row, withPersonal, &out[len(out)-1]); err != nil {
			return nil, ioErr("读取申请登记", err)
		}
	}
	return out, ioErr("读取申请登记", rows.Err())
}
