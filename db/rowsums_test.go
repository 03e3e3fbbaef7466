package db

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// unsummedTables are the tables without row checksums, and why: reference
// data loaded from elsewhere, the program's own bookkeeping, and indexes
// rebuilt from the summed tables.
var unsummedTables = map[string]string{
	"calendar_days":  "the official holiday calendar, imported again from its file",
	"calendar_years": "the mark that a year of that calendar is entered in full, set again on its screen",
	"store_meta":     "the program's bookkeeping (backup sequence)",
	"row_sums":       "the checksums themselves",
}

// TestEveryColumnIsSummed: every table of the schema either has row
// checksums over all of its columns, in the order summedTables lists them,
// or is named in unsummedTables with its reason. A migration that adds a
// column or a table fails here until its checksum trigger covers it.
func TestEveryColumnIsSummed(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'requests_fts%'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	summed := map[string]summedTable{}
	for _, st := range summedTables {
		summed[st.name] = st
	}
	for _, name := range tables {
		if _, ok := unsummedTables[name]; ok {
			continue
		}
		st, ok := summed[name]
		if !ok {
			t.Errorf("table %s has no row checksums and is not in unsummedTables", name)
			continue
		}
		var cols []string
		r, err := s.db.QueryContext(ctx, "SELECT name FROM pragma_table_info(?) ORDER BY cid", name)
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			var c string
			r.Scan(&c)
			cols = append(cols, c)
		}
		r.Close()
		if got := strings.Join(cols, ", "); got != st.cols {
			t.Errorf("table %s has columns\n  %s\nits checksum covers\n  %s", name, got, st.cols)
		}
		for _, w := range []string{"insert", "update", "delete"} {
			var n int
			s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?", name+"_sum_"+w).Scan(&n)
			if n != 1 {
				t.Errorf("table %s has no %s checksum trigger", name, w)
			}
		}
	}
}

// rowSumsMigration is the migration that extends the checksums to every
// table (found by name, so renumbering it keeps the test).
func rowSumsMigration(t *testing.T) migration {
	for _, m := range loadMigrations() {
		if strings.HasSuffix(m.name, "_row_sums_all.sql") {
			return m
		}
	}
	t.Fatal("no row_sums_all migration")
	return migration{}
}

// oneOfEach fills one row into every summed table through plain SQL.
var oneOfEach = []string{
	`INSERT INTO organs (id, name, address) VALUES (1, '大雁镇人民政府', '大雁镇幸福路1号')`,
	`INSERT INTO reports (id, organ_id, year, format_id, preamble_text) VALUES (1, 1, 2021, '2021', '本报告根据条例编制。')`,
	`INSERT INTO blocks (report_id, section, pos, kind, text) VALUES (1, 1, 0, 'paragraph', '全年共收到政府信息公开申请十二件，均已按期答复。')`,
	`INSERT INTO report_values (report_id, tbl, row, col, value) VALUES (1, 's3', 'new', 'np', 12)`,
	`INSERT INTO acks (report_id, rule, target, reason) VALUES (1, 'T1', 's3', '已核对')`,
	`INSERT INTO requests (id, organ_id, year, serial, received, applicant, summary, delay_notice, delayed_to) VALUES (1, 1, 2021, 6, 20210501, 'np', '查询征地补偿标准', 20210520, 20210610)`,
	`INSERT INTO request_personal (request_id, name, phone, id_number, address) VALUES (1, '钱八', '13800000000', '15070219850612345X', '幸福路2号')`,
	`INSERT INTO cases (organ_id, year, kind, summary) VALUES (1, 2021, 'review', '申请人对答复不服申请复议')`,
	`INSERT INTO measures (organ_id, year, problem, measure) VALUES (1, 2021, '栏目更新不及时', '每周检查一次栏目')`,
	`INSERT INTO disclosure_items (organ_id, year, title) VALUES (1, 2021, '关于征地补偿的公告')`,
	`INSERT INTO item_lists (organ_id, kind, value) VALUES (1, 'category', '通知公告')`,
	`INSERT INTO request_letters (request_id, organ_id, kind, year, seq, number, date) VALUES (1, 1, 'ack', 2021, 1, '大雁依申〔2021〕1号', 20210502)`,
	`INSERT INTO letter_templates (organ_id, key, title, body) VALUES (1, 'ack', '受理告知书', '你单位的申请已收到。')`,
}

// A byte changed in one value of each summed table (the checksum kept as
// saved), the place the clerk is told, and the statement that undoes it.
var changedValues = []struct {
	table, change, undo, place string
}{
	{"organs", `UPDATE organs SET address = '大雁镇幸福路7号'`, `UPDATE organs SET address = '大雁镇幸福路1号'`, "单位「大雁镇人民政府」的基本信息"},
	{"reports", `UPDATE reports SET preamble_text = '本报告根据条例编刺。'`, `UPDATE reports SET preamble_text = '本报告根据条例编制。'`, "「大雁镇人民政府」2021年度报告的基本信息和前言"},
	{"blocks", `UPDATE blocks SET text = replace(text, '十二件', '十三件')`, `UPDATE blocks SET text = replace(text, '十三件', '十二件')`, "「大雁镇人民政府」2021年度报告第一部分的一段文字"},
	{"report_values", `UPDATE report_values SET value = 13`, `UPDATE report_values SET value = 12`, "「大雁镇人民政府」2021年度报告的表格数值"},
	{"acks", `UPDATE acks SET reason = '已核时'`, `UPDATE acks SET reason = '已核对'`, "「大雁镇人民政府」2021年度报告中一条已确认的提示"},
	{"requests", `UPDATE requests SET delayed_to = 20210611`, `UPDATE requests SET delayed_to = 20210610`, "「大雁镇人民政府」2021年第 6 号申请登记"},
	{"request_personal", `UPDATE request_personal SET id_number = '15070219850612845X'`, `UPDATE request_personal SET id_number = '15070219850612345X'`, "「大雁镇人民政府」2021年第 6 号申请登记的申请人个人信息"},
	{"cases", `UPDATE cases SET summary = '申请人对答复不服申请复仪'`, `UPDATE cases SET summary = '申请人对答复不服申请复议'`, "「大雁镇人民政府」2021年度的一条复议诉讼记录"},
	{"measures", `UPDATE measures SET measure = '每周检查二次栏目'`, `UPDATE measures SET measure = '每周检查一次栏目'`, "「大雁镇人民政府」2021年度的一条整改措施"},
	{"disclosure_items", `UPDATE disclosure_items SET title = '关于征地补尝的公告'`, `UPDATE disclosure_items SET title = '关于征地补偿的公告'`, "「大雁镇人民政府」2021年度的一条主动公开信息"},
	{"item_lists", `UPDATE item_lists SET value = '通知公吿'`, `UPDATE item_lists SET value = '通知公告'`, "单位「大雁镇人民政府」的栏目或渠道列表中的一项"},
	{"request_letters", `UPDATE request_letters SET number = '大雁依申〔2021〕7号'`, `UPDATE request_letters SET number = '大雁依申〔2021〕1号'`, "「大雁镇人民政府」2021年第 6 号申请登记的一份告知书"},
	{"letter_templates", `UPDATE letter_templates SET body = '你单位的申请己收到。'`, `UPDATE letter_templates SET body = '你单位的申请已收到。'`, "单位「大雁镇人民政府」的一份告知书模板"},
}

// Item 5 of issue 15: a database of the version before the checksums
// covered every table gets them computed at the upgrade; then one changed
// value in any summed table — a narrative character, a case, a measure,
// the 延迟答复 date — is found by VerifyRows, named for the clerk, and a
// narrative character changed in the file itself is found with the backup
// that still holds the saved text.
func TestChangedValueInEveryTableIsFound(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	before := rowSumsMigration(t).version - 1
	d, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range loadMigrations()[:before] {
		if _, err := d.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	for _, stmt := range append([]string{fmt.Sprintf("PRAGMA application_id = %d", ApplicationID), fmt.Sprintf("PRAGMA user_version = %d", before)}, oneOfEach...) {
		if _, err := d.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	d.Close()

	opt := Options{Now: func() time.Time { return fixedNow }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer func() { s.Close() }()
	var n int
	s.db.QueryRowContext(ctx, "SELECT count(DISTINCT tbl) FROM row_sums").Scan(&n)
	if n != len(summedTables) {
		t.Fatalf("after the upgrade row_sums covers %d tables, want %d", n, len(summedTables))
	}
	if probs, err := s.VerifyRows(ctx); err != nil || len(probs) != 0 {
		t.Fatalf("upgraded database: %+v, %v", probs, err)
	}

	type saved struct {
		tbl, key string
		sum      int64
	}
	var sums []saved
	r, err := s.db.QueryContext(ctx, "SELECT tbl, key, sum FROM row_sums")
	if err != nil {
		t.Fatal(err)
	}
	for r.Next() {
		var x saved
		r.Scan(&x.tbl, &x.key, &x.sum)
		sums = append(sums, x)
	}
	r.Close()
	// exec runs a statement, then puts every checksum back as it was saved:
	// the value changed as bit rot would change it.
	exec := func(stmt string) {
		t.Helper()
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM row_sums"); err != nil {
			t.Fatal(err)
		}
		for _, x := range sums {
			if _, err := tx.ExecContext(ctx, "INSERT INTO row_sums (tbl, key, sum) VALUES (?, ?, ?)", x.tbl, x.key, x.sum); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range changedValues {
		exec(c.change)
		probs, err := s.VerifyRows(ctx)
		if err != nil || len(probs) != 1 || probs[0].Table != c.table || probs[0].Place != c.place {
			t.Errorf("%s changed: VerifyRows = %+v, %v; want the one %s row at %q", c.table, probs, err, c.table, c.place)
		}
		exec(c.undo)
		if probs, err := s.VerifyRows(ctx); err != nil || len(probs) != 0 {
			t.Fatalf("%s put back: %+v, %v", c.table, probs, err)
		}
	}

	// Saves through the triggers keep every checksum; deleting the organ
	// (cascading to everything) leaves none behind.
	if _, err := s.db.ExecContext(ctx, "UPDATE blocks SET text = text || '另有一件转办。'"); err != nil {
		t.Fatal(err)
	}
	if probs, err := s.VerifyRows(ctx); err != nil || len(probs) != 0 {
		t.Fatalf("after a save through the triggers: %+v, %v", probs, err)
	}

	// A character of the narrative changed in the file, as a disk would.
	good, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	if n := bytes.Count(b, []byte("申请十二件")); n != 1 {
		t.Fatalf("the narrative is %d times in the file", n)
	}
	os.WriteFile(path, bytes.Replace(b, []byte("申请十二件"), []byte("申请十三件"), 1), 0o600)
	s, err = Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	probs, err := s.VerifyRows(ctx)
	if err != nil || len(probs) != 1 || probs[0].Table != "blocks" || probs[0].Backup != good {
		t.Fatalf("narrative character changed in the file: %+v, %v; want the block, with backup %s", probs, err, good)
	}
	if msg := RowProblemsMessage(path, probs); !strings.Contains(msg, "第一部分的一段文字") || !strings.Contains(msg, good) {
		t.Fatalf("message: %s", msg)
	}

	if _, err := s.db.ExecContext(ctx, "DELETE FROM organs"); err != nil {
		t.Fatal(err)
	}
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM row_sums").Scan(&n)
	if n != 0 {
		t.Fatalf("%d checksums left after the organ and all its rows were deleted", n)
	}
}
