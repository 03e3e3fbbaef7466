package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"unicode/utf8"

	"nianbao/model"
)

// SerialKey is the keyset position of a log entry: Year*1_000_000+Serial.
func SerialKey(q model.Request) int64 { return int64(q.Year)*1_000_000 + int64(q.Serial) }

func splitKey(k int64) (year, serial int64) { return k / 1_000_000, k % 1_000_000 }

const requestCols = `r.id, r.organ_id, r.year, r.serial, r.received, r.channel, r.applicant, r.summary,
	r.correction_notice, r.corrected, r.ext_approved_by, r.ext_notice, r.ext_days, r.excluded_days,
	r.outcome, r.answered, r.fee_method, r.pages, r.fee, r.fee_notice, r.fee_paid, r.notes, r.delay_notice, r.delayed_to`

const personalCols = `, coalesce(p.name, ''), coalesce(p.phone, ''), coalesce(p.id_number, ''), coalesce(p.address, '')`

const personalJoin = " LEFT JOIN request_personal p ON p.request_id = r.id"

func scanRequest(r scanner, withPersonal bool) (model.Request, error) {
	// Plain int64 and string destinations: database/sql converts into named
	// types (model.Date …) through reflection, which dominates loading a
	// year of 25,000 entries.
	var q model.Request
	var d [10]int64 // received, correction_notice, corrected, ext_notice, answered, fee_notice, fee_paid, fee, delay_notice, delayed_to
	var n [6]int64  // year, serial, ext_days, excluded_days, pages, organ_id
	var channel, applicant, feeMethod string
	dest := []any{&q.ID, &n[5], &n[0], &n[1], &d[0], &channel, &applicant, &q.Summary,
		&d[1], &d[2], &q.ExtApprovedBy, &d[3], &n[2], &n[3],
		&q.Outcome, &d[4], &feeMethod, &n[4], &d[7], &d[5], &d[6], &q.Notes, &d[8], &d[9]}
	if withPersonal {
		dest = append(dest, &q.Personal.Name, &q.Personal.Phone, &q.Personal.IDNumber, &q.Personal.Address)
	}
	if err := r.Scan(dest...); err != nil {
		return q, err
	}
	q.OrganID, q.Year, q.Serial = n[5], int(n[0]), int(n[1])
	q.ExtDays, q.ExcludedDays, q.Pages = int(n[2]), int(n[3]), int(n[4])
	q.Received, q.CorrectionNotice, q.Corrected = model.Date(d[0]), model.Date(d[1]), model.Date(d[2])
	q.ExtNotice, q.Answered, q.FeeNotice, q.FeePaid = model.Date(d[3]), model.Date(d[4]), model.Date(d[5]), model.Date(d[6])
	q.Fee = d[7]
	q.DelayNotice, q.DelayedTo = model.Date(d[8]), model.Date(d[9])
	q.Channel, q.Applicant, q.FeeMethod = model.Channel(channel), model.ApplicantType(applicant), model.FeeMethod(feeMethod)
	return q, nil
}

func requestArgs(q *model.Request) []any {
	return []any{q.OrganID, q.Year, q.Serial, int64(q.Received), string(q.Channel), string(q.Applicant), q.Summary,
		int64(q.CorrectionNotice), int64(q.Corrected), q.ExtApprovedBy, int64(q.ExtNotice), q.ExtDays, q.ExcludedDays,
		q.Outcome, int64(q.Answered), string(q.FeeMethod), q.Pages, q.Fee, int64(q.FeeNotice), int64(q.FeePaid), q.Notes,
		int64(q.DelayNotice), int64(q.DelayedTo)}
}

const insertRequest = `INSERT INTO requests (organ_id, year, serial, received, channel, applicant, summary,
	correction_notice, corrected, ext_approved_by, ext_notice, ext_days, excluded_days,
	outcome, answered, fee_method, pages, fee, fee_notice, fee_paid, notes, delay_notice, delayed_to) VALUES
	(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// SaveRequest inserts the entry when its ID is 0 (setting ID, and Serial
// as the organ's next number in Year when Serial is 0) or updates it. Year
// is the year received; an entry whose date moves it to another year gets
// the next number there. Personal data is written when not empty;
// an empty Personal leaves stored personal data as it is, so an entry read
// without personal data can be saved safely (use SavePersonal to clear it).
func (s *Store) SaveRequest(ctx context.Context, q *model.Request) error {
	return s.tx(ctx, "保存申请登记", func(tx *sql.Tx) error { return saveRequestTx(ctx, tx, q) })
}

func saveRequestTx(ctx context.Context, tx dbtx, q *model.Request) error {
	if q.OrganID == 0 {
		return newErr(ErrInvalid, nil, "申请登记没有所属机关，无法保存。")
	}
	if !q.Received.IsZero() {
		q.Year = q.Received.Year()
	}
	if q.Year == 0 {
		return newErr(ErrInvalid, nil, "申请登记缺少收到日期，无法编号。请先填写收到申请的日期。")
	}
	if q.Serial < 0 || q.Serial >= 1_000_000 {
		return newErr(ErrInvalid, nil, "申请编号 %d 超出范围（1 至 999999）。", q.Serial)
	}
	// An update reads the stored entry first and writes only what changed:
	// a field edit in the form then costs one column (and the search index
	// only when the summary or notes changed), not 21 columns, their
	// indexes and the personal data (BenchmarkFieldEdit).
	var old model.Request
	if q.ID != 0 {
		var err error
		old, err = getRequest(ctx, tx, q.ID, true)
		if KindOf(err) == ErrNotFound {
			return newErr(ErrNotFound, err, "找不到要修改的申请登记（编号 %d），它可能已被删除。", q.ID)
		}
		if err != nil {
			return err
		}
		// A changed date moved the entry to another year: it takes the next
		// number there unless the caller chose one.
		if q.Serial != 0 && old.Year != q.Year && old.Serial == q.Serial {
			q.Serial = 0
		}
	}
	if q.Serial == 0 {
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(serial), 0) + 1 FROM requests WHERE organ_id = ? AND year = ?",
			q.OrganID, q.Year).Scan(&q.Serial); err != nil {
			return err
		}
	}
	var err error
	if q.ID == 0 {
		var res sql.Result
		res, err = tx.ExecContext(ctx, insertRequest, requestArgs(q)...)
		if err == nil {
			q.ID, err = res.LastInsertId()
		}
	} else if set, args := changedRequestColumns(&old, q); len(set) > 0 {
		var res sql.Result
		res, err = tx.ExecContext(ctx, "UPDATE requests SET "+strings.Join(set, ", ")+" WHERE id = ?", append(args, q.ID)...)
		if err == nil {
			err = mustAffect(res, "申请登记", q.ID)
		}
	}
	if isUnique(err) {
		return newErr(ErrInvalid, err, "%d年已经有编号为 %d 的申请登记，编号不能重复。请改用其他编号，或留空让程序自动编号。", q.Year, q.Serial)
	}
	if isForeignKey(err) {
		return newErr(ErrNotFound, err, "找不到申请登记所属的机关（编号 %d）。", q.OrganID)
	}
	if err != nil {
		return err
	}
	if !q.Personal.IsZero() && q.Personal != old.Personal {
		return savePersonalTx(ctx, tx, q.ID, q.Personal)
	}
	return nil
}

// requestColumns are the columns requestArgs gives values for, in order.
var requestColumns = []string{"organ_id", "year", "serial", "received", "channel", "applicant", "summary",
	"correction_notice", "corrected", "ext_approved_by", "ext_notice", "ext_days", "excluded_days",
	"outcome", "answered", "fee_method", "pages", "fee", "fee_notice", "fee_paid", "notes", "delay_notice", "delayed_to"}

// changedRequestColumns returns "column = ?" for every column whose value
// in q differs from old, with the new values.
func changedRequestColumns(old, q *model.Request) ([]string, []any) {
	was, now := requestArgs(old), requestArgs(q)
	var set []string
	var args []any
	for i := range now {
		if now[i] != was[i] {
			set = append(set, requestColumns[i]+" = ?")
			args = append(args, now[i])
		}
	}
	return set, args
}

func savePersonalTx(ctx context.Context, tx dbtx, id int64, p model.Personal) error {
	if p.IsZero() {
		_, err := tx.ExecContext(ctx, "DELETE FROM request_personal WHERE request_id = ?", id)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO request_personal (request_id, name, phone, id_number, address) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (request_id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
		id_number = excluded.id_number, address = excluded.address`, id, p.Name, p.Phone, p.IDNumber, p.Address)
	if isForeignKey(err) {
		return newErr(ErrNotFound, err, "找不到申请登记（编号 %d），它可能已被删除。", id)
	}
	return err
}

// SavePersonal replaces an entry's personal data; an empty Personal deletes it.
func (s *Store) SavePersonal(ctx context.Context, requestID int64, p model.Personal) error {
	return s.tx(ctx, "保存申请人信息", func(tx *sql.Tx) error { return savePersonalTx(ctx, tx, requestID, p) })
}

// Request returns one log entry, with the applicant's personal data only
// when withPersonal.
func (s *Store) Request(ctx context.Context, id int64, withPersonal bool) (model.Request, error) {
	return getRequest(ctx, s.db, id, withPersonal)
}

func getRequest(ctx context.Context, q querier, id int64, withPersonal bool) (model.Request, error) {
	query := "SELECT " + requestCols
	if withPersonal {
		query += personalCols + " FROM requests r" + personalJoin
	} else {
		query += " FROM requests r"
	}
	r, err := scanRequest(q.QueryRowContext(ctx, query+" WHERE r.id = ?", id), withPersonal)
	if errors.Is(err, sql.ErrNoRows) {
		return r, newErr(ErrNotFound, err, "找不到这条申请登记（编号 %d），它可能已被删除。", id)
	}
	return r, ioErr("读取申请登记", err)
}

// DeleteRequest deletes a log entry and returns it, personal data included,
// so that the caller can offer to undo with RestoreRequest.
func (s *Store) DeleteRequest(ctx context.Context, id int64) (model.Request, error) {
	var q model.Request
	err := s.tx(ctx, "删除申请登记", func(tx *sql.Tx) error {
		var err error
		if q, err = getRequest(ctx, tx, id, true); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM requests WHERE id = ?", id)
		return err
	})
	return q, err
}

// RestoreRequest re-inserts a deleted entry with its ID, serial and
// personal data.
func (s *Store) RestoreRequest(ctx context.Context, q model.Request) error {
	if q.ID == 0 || q.Serial == 0 {
		return newErr(ErrInvalid, nil, "要恢复的申请登记缺少编号，无法恢复。")
	}
	return s.tx(ctx, "恢复申请登记", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO requests (id, organ_id, year, serial, received, channel, applicant, summary,
			correction_notice, corrected, ext_approved_by, ext_notice, ext_days, excluded_days,
			outcome, answered, fee_method, pages, fee, fee_notice, fee_paid, notes, delay_notice, delayed_to) VALUES
			(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append([]any{q.ID}, requestArgs(&q)...)...)
		if isUnique(err) {
			return newErr(ErrInvalid, err, "无法恢复：%d年编号 %d 已被另一条申请登记使用。", q.Year, q.Serial)
		}
		if err != nil {
			return err
		}
		if !q.Personal.IsZero() {
			return savePersonalTx(ctx, tx, q.ID, q.Personal)
		}
		return nil
	})
}

// Request statuses for RequestQuery.Status.
const (
	StatusOpen     = "open"     // 办理中: not yet answered
	StatusAnswered = "answered" // 已答复
	StatusCarried  = "carried"  // 已结转: still open on 31 December of the query year
)

// RequestQuery selects log entries.
type RequestQuery struct {
	OrganID int64
	// Year, when set, selects the entries relevant to the year: received in
	// it, or received earlier and still open at its start.
	Year int
	// Status is "", StatusOpen, StatusAnswered or StatusCarried.
	Status string
	// Outcome is a table 三 outcome row id; a group id such as o3 also
	// selects its sub-rows o3_1 … o3_8.
	Outcome   string
	Applicant model.ApplicantType
	// Text matches summary and notes, and with Personal also the
	// applicant's name, phone and ID number.
	Text string
	// Personal lets Text search the applicants' personal data: the ledger
	// is internal and the clerk finds a request by the caller's name or
	// phone. Rows come back without personal data either way.
	Personal bool
	// AfterSerialKey continues after the entry with this SerialKey (0 = from
	// the start); BeforeSerialKey pages backwards from it (0 = unused).
	AfterSerialKey  int64
	BeforeSerialKey int64
	// Limit caps the rows returned (0 = no cap).
	Limit int
}

// likePattern escapes s for LIKE … ESCAPE '\'.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// ftsPhrase quotes s as one FTS5 phrase: with the trigram tokenizer it
// matches s as a substring, case-insensitively like LIKE.
func ftsPhrase(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// yearWhere is the SQL condition "relevant to year": received in it, or
// received earlier and not closed before it began — model.Request.InOrganYear
// (TestYearConditionIsInOrganYear holds the two together).
func yearWhere(year int) (string, []any) {
	return "r.year <= ? AND (r.year = ? OR NOT (r.answered <> 0 AND r.outcome <> '' AND r.answered < ?))",
		[]any{year, year, int64(model.YearStart(year))}
}

// queryPart is one SELECT's table and conditions; a query's parts select
// rows apart from one another.
type queryPart struct {
	from, where string
	args        []any
}

// parts are the query's conditions. Without a year they are one part;
// with one, two: the entries carried into the year (received before it
// and still open when it began, found on requests_unfinished and
// requests_answered and read by rowid) and the year's own entries (found
// on requests_cover, whose columns every filter but a text search reads,
// so SQLite reads only the rows it returns from the table). As one
// condition, SQLite walked every entry of the earlier years to find the
// few carried in (the demo's 2025, 40,000 entries before it: the count
// 6.6 -> 0.9 ms, the first page 5 -> 1.5 ms).
func (q RequestQuery) parts(keyset bool) ([]queryPart, error) {
	where, args, err := q.where(keyset)
	if err != nil {
		return nil, err
	}
	year := queryPart{from: " FROM requests r", where: where, args: args}
	if strings.TrimSpace(q.Text) == "" {
		year.from += " INDEXED BY requests_cover"
	}
	if q.Year == 0 {
		return []queryPart{year}, nil
	}
	year.where = "r.year = ? AND " + where
	year.args = append([]any{q.Year}, args...)
	carried := queryPart{
		from:  " FROM requests r NOT INDEXED",
		where: "r.id IN (" + carriedInSQL + ") AND " + where,
		args:  append([]any{q.OrganID, q.Year, q.OrganID, int64(model.YearStart(q.Year)), q.Year}, args...),
	}
	return []queryPart{carried, year}, nil
}

// carriedInSQL selects the ids of an organ's entries received before a
// year and not closed before it began (args: organ, year, organ, the
// year's first day, year): unfinished ones (no answer date or no
// outcome), and ones answered on or after its first day.
const carriedInSQL = `SELECT id FROM requests INDEXED BY requests_unfinished
		WHERE organ_id = ? AND year < ? AND (answered = 0 OR outcome = '')
	UNION ALL SELECT id FROM requests INDEXED BY requests_answered
		WHERE organ_id = ? AND answered >= ? AND year < ?`

// where is the query's conditions but its year (parts adds that).
func (q RequestQuery) where(keyset bool) (string, []any, error) {
	conds := []string{"r.organ_id = ?"}
	args := []any{q.OrganID}
	backward := keyset && q.BeforeSerialKey > 0
	switch q.Status {
	case "":
	case StatusOpen:
		conds = append(conds, "(r.answered = 0 OR r.outcome = '')")
	case StatusAnswered:
		conds = append(conds, "(r.answered <> 0 AND r.outcome <> '')")
	case StatusCarried:
		if q.Year == 0 {
			conds = append(conds, "(r.answered = 0 OR r.outcome = '')")
		} else {
			conds = append(conds, "NOT (r.answered <> 0 AND r.outcome <> '' AND r.answered <= ?)")
			args = append(args, int64(model.YearEnd(q.Year)))
		}
	default:
		return "", nil, newErr(ErrInvalid, nil, "未知的办理状态筛选「%s」。", q.Status)
	}
	if q.Outcome != "" {
		// A group id (o3) also selects its sub-rows (o3_1 … o3_8).
		prefix := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q.Outcome) + `\_%`
		conds = append(conds, `(r.outcome = ? OR r.outcome LIKE ? ESCAPE '\')`)
		args = append(args, q.Outcome, prefix)
	}
	if q.Applicant != "" {
		conds, args = append(conds, "r.applicant = ?"), append(args, string(q.Applicant))
	}
	if t := strings.TrimSpace(q.Text); t != "" {
		var cond string
		if utf8.RuneCountInString(t) >= 3 {
			// The trigram index finds substrings of three characters or more.
			cond = "r.id IN (SELECT rowid FROM requests_fts WHERE requests_fts MATCH ?)"
			args = append(args, ftsPhrase(t))
		} else {
			p := likePattern(t)
			cond, args = `(r.summary LIKE ? ESCAPE '\' OR r.notes LIKE ? ESCAPE '\')`, append(args, p, p)
		}
		if q.Personal {
			// request_personal is small beside the log (one short row per
			// request that has personal data); a scan of it is cheap.
			p := likePattern(t)
			cond = "(" + cond + ` OR r.id IN (SELECT request_id FROM request_personal WHERE name LIKE ? ESCAPE '\'
				OR phone LIKE ? ESCAPE '\' OR id_number LIKE ? ESCAPE '\' OR replace(replace(phone, '-', ''), ' ', '') LIKE ? ESCAPE '\'))`
			args = append(args, p, p, likePattern(strings.ToUpper(t)), likePattern(strings.NewReplacer("-", "", " ", "").Replace(t)))
		}
		conds = append(conds, cond)
	}
	if keyset {
		if q.AfterSerialKey > 0 {
			y, n := splitKey(q.AfterSerialKey)
			conds, args = append(conds, "(r.year, r.serial) > (?, ?)"), append(args, y, n)
		}
		if backward {
			y, n := splitKey(q.BeforeSerialKey)
			if q.Year != 0 && y > int64(q.Year) {
				y, n = int64(q.Year)+1, 0 // the year's own bound is the tighter one
			}
			conds, args = append(conds, "(r.year, r.serial) < (?, ?)"), append(args, y, n)
		}
	}
	return strings.Join(conds, " AND "), args, nil
}

// RequestPage returns one page of log entries in (Year, Serial) order,
// never with personal data. Paging is by keyset: pass the SerialKey of the
// last row as AfterSerialKey for the next page, or of the first row as
// BeforeSerialKey for the previous one.
func (s *Store) RequestPage(ctx context.Context, q RequestQuery) ([]model.Request, error) {
	query, args, backward, err := q.pageSQL()
	if err != nil {
		return nil, err
	}
	out, err := s.queryRequests(ctx, query, args, false)
	if err != nil {
		return nil, err
	}
	if backward {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out, nil
}

// UnansweredRequests returns the organ's entries of every year that have
// no answer date, in no particular order and without personal data: the
// only ones that can be due soon or late (model.DueSoonOf). They are found
// on requests_unfinished and only they are read from the table (an organ
// with 50,000 entries, 435 unanswered: 10 -> 1.2 ms). The read goes through the long-read connection (reader), so that
// the report's head and the pages read right after it (the clerk opening
// a year from the start screen) do not queue behind it.
func (s *Store) UnansweredRequests(ctx context.Context, organID int64) ([]model.Request, error) {
	return queryRequests(ctx, s.reader(), unansweredSQL, []any{organID}, false)
}

const unansweredSQL = "SELECT " + requestCols + ` FROM requests r NOT INDEXED WHERE r.id IN
	(SELECT id FROM requests INDEXED BY requests_unfinished WHERE organ_id = ? AND (answered = 0 OR outcome = '') AND answered = 0)`

// pageSQL is RequestPage's query; backward tells that its rows come in
// reverse order.
func (q RequestQuery) pageSQL() (query string, args []any, backward bool, err error) {
	parts, err := q.parts(true)
	if err != nil {
		return "", nil, false, err
	}
	backward = q.BeforeSerialKey > 0 && q.AfterSerialKey == 0
	// Result columns (year, serial), as a compound SELECT orders by.
	order := " ORDER BY year, serial"
	if backward {
		order = " ORDER BY year DESC, serial DESC"
	}
	var selects []string
	for _, p := range parts {
		selects = append(selects, "SELECT "+requestCols+p.from+" WHERE "+p.where)
		args = append(args, p.args...)
	}
	query = strings.Join(selects, " UNION ALL ") + order
	if q.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, q.Limit)
	}
	return query, args, backward, nil
}

// CountRequests counts the entries the query's filters select (keyset and
// limit ignored).
func (s *Store) CountRequests(ctx context.Context, q RequestQuery) (int, error) {
	query, args, err := q.countSQL()
	if err != nil {
		return 0, err
	}
	var n int
	err = s.db.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, ioErr("统计申请登记", err)
}

// countSQL is CountRequests' query: the sum of its parts' counts.
func (q RequestQuery) countSQL() (string, []any, error) {
	parts, err := q.parts(false)
	if err != nil {
		return "", nil, err
	}
	var counts []string
	var args []any
	for _, p := range parts {
		counts = append(counts, "(SELECT count(*)"+p.from+" WHERE "+p.where+")")
		args = append(args, p.args...)
	}
	return "SELECT " + strings.Join(counts, " + "), args, nil
}

func (s *Store) queryRequests(ctx context.Context, query string, args []any, withPersonal bool) ([]model.Request, error) {
	return queryRequests(ctx, s.db, query, args, withPersonal)
}

func queryRequests(ctx context.Context, db querier, query string, args []any, withPersonal bool) ([]model.Request, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, ioErr("读取申请登记", err)
	}
	defer rows.Close()
	var out []model.Request
	for rows.Next() {
		q, err := scanRequest(rows, withPersonal)
		if err != nil {
			return nil, ioErr("读取申请登记", err)
		}
		out = append(out, q)
	}
	return out, ioErr("读取申请登记", rows.Err())
}
