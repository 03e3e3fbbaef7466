package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	sqlite "modernc.org/sqlite"
)

// nb_sum is the checksum of one row that the triggers of migration 6 keep in
// row_sums: the first 8 bytes of SHA-256 over each value with its type and
// length, so that no two different rows sum alike by shifting bytes from one
// column to the next.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("nb_sum", -1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		return rowSum(args), nil
	})
}

func rowSum(args []driver.Value) int64 {
	h := sha256.New()
	var n [9]byte
	for _, a := range args {
		switch v := a.(type) {
		case nil:
			h.Write([]byte{0})
		case int64:
			n[0] = 1
			binary.BigEndian.PutUint64(n[1:], uint64(v))
			h.Write(n[:])
		case float64:
			n[0] = 2
			binary.BigEndian.PutUint64(n[1:], math.Float64bits(v))
			h.Write(n[:])
		case string:
			n[0] = 3
			binary.BigEndian.PutUint64(n[1:], uint64(len(v)))
			h.Write(n[:])
			h.Write([]byte(v))
		case []byte:
			n[0] = 4
			binary.BigEndian.PutUint64(n[1:], uint64(len(v)))
			h.Write(n[:])
			h.Write(v)
		default:
			fmt.Fprintf(h, "\x05%v", v)
		}
	}
	return int64(binary.BigEndian.Uint64(h.Sum(nil)[:8]))
}

// summedTable is one table whose rows carry a checksum in row_sums
// (migrations 6 and 10 keep them by triggers).
type summedTable struct {
	name string
	key  string // the SQL of a row's key in row_sums
	cols string // the columns nb_sum covers, in order: every column of the table
	// locate is a query taking the key and returning the organ's name, the
	// year (0 when none) and a number (section, serial; 0 when none).
	locate string
	// place describes a row for the clerk.
	place func(organ string, year, n int) string
}

// sectionNames are the report's parts as a block's section number names them.
var sectionNames = []string{"", "一", "二", "三", "四", "五", "六", "七", "八"}

func sectionName(n int) string {
	if n >= 0 && n < len(sectionNames) {
		return sectionNames[n]
	}
	return fmt.Sprint(n)
}

const (
	locateReport  = `SELECT o.name, r.year, 0 FROM reports r JOIN organs o ON o.id = r.organ_id WHERE r.id = `
	locateRequest = `SELECT o.name, q.year, q.serial FROM requests q JOIN organs o ON o.id = q.organ_id WHERE q.id = `
)

var summedTables = []summedTable{
	{"request_personal", "CAST(request_id AS TEXT)", "request_id, name, phone, id_number, address",
		locateRequest + "?",
		func(o string, y, n int) string {
			return fmt.Sprintf("「%s」%d年第 %d 号申请登记的申请人个人信息", o, y, n)
		}},
	{"requests", "CAST(id AS TEXT)", "id, organ_id, year, serial, received, channel, applicant, summary, correction_notice, corrected, ext_approved_by, ext_notice, ext_days, excluded_days, outcome, answered, fee_method, pages, fee, fee_notice, fee_paid, notes, delay_notice, delayed_to",
		locateRequest + "?",
		func(o string, y, n int) string { return fmt.Sprintf("「%s」%d年第 %d 号申请登记", o, y, n) }},
	{"report_values", "report_id || '/' || tbl || '/' || row || '/' || col", "report_id, tbl, row, col, value",
		locateReport + "(SELECT report_id FROM report_values WHERE report_id || '/' || tbl || '/' || row || '/' || col = ?)",
		func(o string, y, _ int) string { return fmt.Sprintf("「%s」%d年度报告的表格数值", o, y) }},
	{"organs", "CAST(id AS TEXT)", "id, name, level, superior, office, phone, email, portal, due_month, due_day, review_organ, court, letter_pattern, address, postcode",
		`SELECT name, 0, 0 FROM organs WHERE id = ?`,
		func(o string, _, _ int) string { return fmt.Sprintf("单位「%s」的基本信息", o) }},
	{"reports", "CAST(id AS TEXT)", "id, organ_id, year, format_id, status, basis, where_text, preamble_text, mode3, mode4, fee_notices, fee_collected, date, art20_mode",
		locateReport + "?",
		func(o string, y, _ int) string {
			return fmt.Sprintf("「%s」%d年度报告的基本信息和前言", o, y)
		}},
	{"blocks", "CAST(id AS TEXT)", "id, report_id, section, pos, kind, level, text, stale, origin",
		`SELECT o.name, r.year, b.section FROM blocks b JOIN reports r ON r.id = b.report_id JOIN organs o ON o.id = r.organ_id WHERE b.id = ?`,
		func(o string, y, n int) string {
			if n == 0 {
				return fmt.Sprintf("「%s」%d年度报告前言中的一段文字", o, y)
			}
			return fmt.Sprintf("「%s」%d年度报告第%s部分的一段文字", o, y, sectionName(n))
		}},
	{"acks", "report_id || '/' || rule || '/' || target", "report_id, rule, target, reason",
		locateReport + "(SELECT report_id FROM acks WHERE report_id || '/' || rule || '/' || target = ?)",
		func(o string, y, _ int) string {
			return fmt.Sprintf("「%s」%d年度报告中一条已确认的提示", o, y)
		}},
	{"cases", "CAST(id AS TEXT)", "id, organ_id, year, kind, filed, result, summary",
		`SELECT o.name, c.year, 0 FROM cases c JOIN organs o ON o.id = c.organ_id WHERE c.id = ?`,
		func(o string, y, _ int) string {
			return fmt.Sprintf("「%s」%d年度的一条复议诉讼记录", o, y)
		}},
	{"measures", "CAST(id AS TEXT)", "id, organ_id, year, problem, measure, responsible, due, status, first_year",
		`SELECT o.name, m.year, 0 FROM measures m JOIN organs o ON o.id = m.organ_id WHERE m.id = ?`,
		func(o string, y, _ int) string { return fmt.Sprintf("「%s」%d年度的一条整改措施", o, y) }},
	{"disclosure_items", "CAST(id AS TEXT)", "id, organ_id, year, title, published, category, channels, location, art20_row, art20_action",
		`SELECT o.name, d.year, 0 FROM disclosure_items d JOIN organs o ON o.id = d.organ_id WHERE d.id = ?`,
		func(o string, y, _ int) string {
			return fmt.Sprintf("「%s」%d年度的一条主动公开信息", o, y)
		}},
	{"item_lists", "CAST(id AS TEXT)", "id, organ_id, kind, value",
		`SELECT o.name, 0, 0 FROM item_lists l JOIN organs o ON o.id = l.organ_id WHERE l.id = ?`,
		func(o string, _, _ int) string {
			return fmt.Sprintf("单位「%s」的栏目或渠道列表中的一项", o)
		}},
	{"request_letters", "CAST(id AS TEXT)", "id, request_id, organ_id, kind, year, seq, number, date",
		`SELECT o.name, q.year, q.serial FROM request_letters l JOIN requests q ON q.id = l.request_id JOIN organs o ON o.id = q.organ_id WHERE l.id = ?`,
		func(o string, y, n int) string {
			return fmt.Sprintf("「%s」%d年第 %d 号申请登记的一份告知书", o, y, n)
		}},
	{"letter_templates", "organ_id || '/' || key", "organ_id, key, title, body",
		`SELECT o.name, 0, 0 FROM letter_templates t JOIN organs o ON o.id = t.organ_id WHERE t.organ_id || '/' || t.key = ?`,
		func(o string, _, _ int) string { return fmt.Sprintf("单位「%s」的一份告知书模板", o) }},
}

// placeOf describes the row of t with key k for the clerk, from the row
// itself; a row that is gone (a checksum without its row) by its table.
func placeOf(ctx context.Context, d *sql.DB, t summedTable, k string) string {
	var organ string
	var year, n int
	if d.QueryRowContext(ctx, t.locate, k).Scan(&organ, &year, &n) == nil {
		return t.place(organ, year, n)
	}
	return fmt.Sprintf("数据表 %s 中的一条记录（键 %s，记录本身已不见）", t.name, k)
}

// RowProblem is a row whose content no longer matches its checksum: a byte
// changed inside the record after it was saved.
type RowProblem struct {
	Table, Key string
	// Place says in Chinese which record it is.
	Place string
	// Backup is the newest backup holding the record as it was saved ("" when
	// none does).
	Backup string
}

// VerifyRows recomputes the checksum of every summed row (personal data,
// request log, report cells) and lists those that do not match, each with
// the newest backup that still holds the saved value. It reads through the
// long-read pool, beside the writer.
func (s *Store) VerifyRows(ctx context.Context) ([]RowProblem, error) {
	return s.verifyRowsOn(ctx, s.reader())
}

// verifyRowsOn is VerifyRows reading through d.
func (s *Store) verifyRowsOn(ctx context.Context, d *sql.DB) ([]RowProblem, error) {
	probs, err := verifyRows(ctx, d)
	if err != nil || len(probs) == 0 {
		return probs, err
	}
	backups, _ := ListBackups(s.path, s.opt)
	for i := range probs {
		probs[i].Backup = goodBackupFor(ctx, d, probs[i], backups)
	}
	return probs, nil
}

func hasRowSums(ctx context.Context, d *sql.DB) bool {
	var n int
	d.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name = 'row_sums'").Scan(&n)
	return n > 0
}

func verifyRows(ctx context.Context, d *sql.DB) ([]RowProblem, error) {
	if !hasRowSums(ctx, d) {
		return nil, nil
	}
	var out []RowProblem
	for _, t := range summedTables {
		// Rows whose sum is missing or differs, and sums without their row
		// (a key that changed).
		q := fmt.Sprintf(`SELECT k FROM (SELECT %[2]s AS k, nb_sum(%[3]s) AS c FROM %[1]s) AS r
			LEFT JOIN row_sums s ON s.tbl = '%[1]s' AND s.key = r.k WHERE s.sum IS NULL OR s.sum <> r.c
			UNION ALL
			SELECT s.key FROM row_sums s WHERE s.tbl = '%[1]s' AND NOT EXISTS (SELECT 1 FROM %[1]s WHERE %[2]s = s.key)`, t.name, t.key, t.cols)
		rows, err := d.QueryContext(ctx, q)
		if err != nil {
			return nil, ioErr("逐条核对数据", err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, ioErr("逐条核对数据", err)
			}
			out = append(out, RowProblem{Table: t.name, Key: k})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, ioErr("逐条核对数据", err)
		}
	}
	for i := range out {
		for _, t := range summedTables {
			if t.name == out[i].Table {
				out[i].Place = placeOf(ctx, d, t, out[i].Key)
			}
		}
	}
	return out, nil
}

// goodBackupFor returns the newest backup whose copy of the record matches
// the checksum saved with it in the database (the value as the clerk saved
// it), or failing that the newest whose copy passes its own checksum.
func goodBackupFor(ctx context.Context, d *sql.DB, p RowProblem, backups []BackupInfo) string {
	var t summedTable
	for _, x := range summedTables {
		if x.name == p.Table {
			t = x
		}
	}
	var saved sql.NullInt64
	d.QueryRowContext(ctx, "SELECT sum FROM row_sums WHERE tbl = ? AND key = ?", p.Table, p.Key).Scan(&saved)
	q := fmt.Sprintf(`SELECT nb_sum(%[3]s), (SELECT sum FROM row_sums WHERE tbl = '%[1]s' AND key = ?) FROM %[1]s WHERE %[2]s = ?`, t.name, t.key, t.cols)
	fallback := ""
	for _, b := range backups {
		bd, err := openPool(fileURI(b.Path, "mode=ro&immutable=1"))
		if err != nil {
			continue
		}
		var got int64
		var own sql.NullInt64
		err = bd.QueryRowContext(ctx, q, p.Key, p.Key).Scan(&got, &own)
		bd.Close()
		if err != nil {
			continue
		}
		if saved.Valid && got == saved.Int64 {
			return b.Path
		}
		if fallback == "" && own.Valid && own.Int64 == got {
			fallback = b.Path
		}
	}
	return fallback
}

// RowProblemsMessage is the Chinese message for rows that do not match
// their checksums.
func RowProblemsMessage(dbPath string, probs []RowProblem) string {
	var b strings.Builder
	fmt.Fprintf(&b, "数据库「%s」中有 %d 条记录的内容与保存时不一致（可能是磁盘老化造成的个别字节变化，完整性检查发现不了）：\n", dbPath, len(probs))
	for i, p := range probs {
		if i == 20 {
			fmt.Fprintf(&b, "  ……另有 %d 条\n", len(probs)-20)
			break
		}
		if p.Backup != "" {
			fmt.Fprintf(&b, "  %s：备份「%s」中还是保存时的内容\n", p.Place, p.Backup)
		} else {
			fmt.Fprintf(&b, "  %s：没有找到保存时内容的备份\n", p.Place)
		}
	}
	b.WriteString("请核对这些记录；需要时用「nianbao restore --from 备份文件」恢复上面指出的备份（当前文件会被移到一旁保留），或在程序里改回正确的内容。")
	return b.String()
}
