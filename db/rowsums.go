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

// summedTable is one table whose rows carry a checksum in row_sums.
type summedTable struct {
	name string
	key  string // the SQL of a row's key in row_sums
	cols string // the columns nb_sum covers, in order
	// place describes a row for the clerk from its key.
	place func(key string) string
}

var summedTables = []summedTable{
	{"request_personal", "CAST(request_id AS TEXT)", "request_id, name, phone, id_number, address",
		func(k string) string { return "申请登记（内部编号 " + k + "）的申请人个人信息" }},
	{"requests", "CAST(id AS TEXT)", "id, organ_id, year, serial, received, channel, applicant, summary, correction_notice, corrected, ext_approved_by, ext_notice, ext_days, excluded_days, outcome, answered, fee_method, pages, fee, fee_notice, fee_paid, notes",
		func(k string) string { return "申请登记（内部编号 " + k + "）" }},
	{"report_values", "report_id || '/' || tbl || '/' || row || '/' || col", "report_id, tbl, row, col, value",
		func(k string) string {
			p := strings.SplitN(k, "/", 4)
			if len(p) == 4 {
				return fmt.Sprintf("报告（内部编号 %s）表格数值（表 %s，行 %s，列 %s）", p[0], p[1], p[2], p[3])
			}
			return "报告表格数值 " + k
		}},
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
	probs, err := verifyRows(ctx, s.reader())
	if err != nil || len(probs) == 0 {
		return probs, err
	}
	backups, _ := ListBackups(s.path, s.opt)
	for i := range probs {
		probs[i].Backup = goodBackupFor(ctx, s.reader(), probs[i], backups)
		if probs[i].Table == "requests" || probs[i].Table == "request_personal" {
			var year, serial int
			if s.reader().QueryRowContext(ctx, "SELECT year, serial FROM requests WHERE id = ?", probs[i].Key).Scan(&year, &serial) == nil {
				probs[i].Place = strings.Replace(probs[i].Place, "申请登记（内部编号 "+probs[i].Key+"）",
					fmt.Sprintf("%d年第 %d 号申请登记", year, serial), 1)
			}
		}
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
			out = append(out, RowProblem{Table: t.name, Key: k, Place: t.place(k)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, ioErr("逐条核对数据", err)
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
