package db

// Tests for the ways to lose acknowledged data or leak personal data that an
// outside attack found (issue 15): each failed before its fix.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sqlite3 "modernc.org/sqlite/lib"

	"nianbao/model"
)

func saveNamedRequest(t *testing.T, s *Store, organ int64, serial int, name string) model.Request {
	t.Helper()
	q := model.Request{OrganID: organ, Year: 2021, Serial: serial, Received: model.NewDate(2021, 3, 1), Applicant: model.NaturalPerson,
		Personal: model.Personal{Name: name, IDNumber: "110101199003077777", Address: name + "的住址"}}
	if err := s.SaveRequest(context.Background(), &q); err != nil {
		t.Fatalf("SaveRequest: %v", err)
	}
	return q
}

func requestNames(t *testing.T, path string) []string {
	t.Helper()
	s, err := Open(context.Background(), path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close()
	rows, err := s.db.Query("SELECT name FROM request_personal ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

func copyPlain(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Item 1: restoring from a file whose latest saves are still in its -wal
// (e.g. a "….replaced-…" file, to undo a restore) brings those saves.
func TestRestoreBringsSourceWAL(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrgan(t, s, "大雁镇人民政府")
	saveNamedRequest(t, s, o.ID, 1, "王五")
	// The file as a killed copy leaves it: main file + -wal holding the save.
	src := filepath.Join(dir, "nianbao.db.replaced-20260310-093000")
	copyPlain(t, path, src)
	copyPlain(t, path+"-wal", src+"-wal")
	s.Close()

	target := filepath.Join(t.TempDir(), "nianbao.db")
	if err := Restore(ctx, target, src); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if got := requestNames(t, target); len(got) != 1 || got[0] != "王五" {
		t.Fatalf("restored database holds %v, want the acknowledged request of 王五 from the source's -wal", got)
	}
}

// Item 3: a -wal deleted while the program runs is noticed before the next
// save is acknowledged, and what was acknowledged before is made durable.
func TestDeletedWALIsDetected(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := mustOrgan(t, s, "大雁镇人民政府")
	saveNamedRequest(t, s, o.ID, 1, "赵六")
	if err := os.Remove(path + "-wal"); err != nil {
		t.Fatal(err)
	}
	// A check run meanwhile (read-only, as `nianbao check`) cannot read the
	// latest saves: it says why, not that the stick was pulled.
	if r, err := Open(ctx, path, Options{ReadOnly: true}); KindOf(err) != ErrWALLost || !strings.Contains(err.Error(), "另一个年报程序正开着") || strings.Contains(err.Error(), "拔出") {
		if r != nil {
			r.Close()
		}
		t.Fatalf("read-only open beside a writer whose -wal was deleted: %v, want ErrWALLost saying the -wal is gone, not the stick", err)
	}
	q := model.Request{OrganID: o.ID, Year: 2021, Serial: 2, Received: model.NewDate(2021, 3, 2), Applicant: model.NaturalPerson,
		Personal: model.Personal{Name: "孙七"}}
	err = s.SaveRequest(ctx, &q)
	if KindOf(err) != ErrWALLost || !strings.Contains(err.Error(), "-wal") {
		t.Fatalf("save after the -wal was deleted: %v, want an ErrWALLost message naming the -wal", err)
	}
	// A kill now: what is on disk is the main file alone.
	crash := filepath.Join(t.TempDir(), "after-kill.db")
	copyPlain(t, path, crash)
	if got := requestNames(t, crash); len(got) != 1 || got[0] != "赵六" {
		t.Fatalf("after a kill the file holds %v, want the acknowledged 赵六", got)
	}
	// The clerk saves again: it lands, in a new -wal.
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatalf("second try: %v", err)
	}
	// Now the check reads everything again.
	r, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open after the writer recovered: %v", err)
	}
	if rs, err := r.RequestsForYear(ctx, o.ID, 2021, true); err != nil || len(rs) != 2 {
		t.Fatalf("check after recovery sees %d requests (%v), want 2", len(rs), err)
	}
	r.Close()
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("no new -wal after the retry: %v", err)
	}
	if err := s.SaveRequest(ctx, &model.Request{OrganID: o.ID, Year: 2021, Serial: 3, Received: model.NewDate(2021, 3, 3), Applicant: model.NaturalPerson}); err != nil {
		t.Fatalf("a later save: %v", err)
	}
}

// Item 4: a symlink or a hard link to the database does not let a second
// writer in.
func TestLinksDoNotBypassLock(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	mustOrgan(t, s, "大雁镇人民政府")
	sym := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(path, sym); err != nil {
		t.Fatal(err)
	}
	if s2, err := Open(ctx, sym, Options{NoBackup: true}); KindOf(err) != ErrLocked {
		if s2 != nil {
			s2.Close()
		}
		t.Fatalf("second writer through a symlink: %v, want ErrLocked", err)
	}
	s.Close()

	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(path, hard); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, hard} {
		s2, err := Open(ctx, p, Options{NoBackup: true})
		if KindOf(err) != ErrInvalid || !strings.Contains(err.Error(), "硬链接") {
			if s2 != nil {
				s2.Close()
			}
			t.Fatalf("open %s with two hard links: %v, want a refusal naming 硬链接", filepath.Base(p), err)
		}
	}
}

// Item 7: a backup killed mid-way leaves a hidden temp copy; the next open
// and the next backup remove it.
func TestStrayBackupTempIsRemoved(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	opt := Options{Now: func() time.Time { return fixedNow }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	mustOrgan(t, s, "大雁镇人民政府")
	s.Close()
	bdir := filepath.Join(dir, "备份")
	strays := []string{".nianbao-20260310-093000.db.tmp", ".nianbao.db.restore.tmp"}
	for _, n := range strays[:1] {
		os.WriteFile(filepath.Join(bdir, n), []byte("a full copy with personal data"), 0o600)
	}
	os.WriteFile(filepath.Join(dir, strays[1]), []byte("a full copy with personal data"), 0o600)
	s, err = Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if fileExists(filepath.Join(bdir, strays[0])) || fileExists(filepath.Join(dir, strays[1])) {
		t.Fatal("a temp copy left by a killed backup or restore is still there after the next open")
	}
	os.WriteFile(filepath.Join(bdir, strays[0]), []byte("again"), 0o600)
	if _, err := s.Backup(ctx); err != nil {
		t.Fatal(err)
	}
	if fileExists(filepath.Join(bdir, strays[0])) {
		t.Fatal("a temp copy is still there after the next backup")
	}
	// Another database's files in the same folder are left alone.
	other := filepath.Join(bdir, ".other-20260310-093000.db.tmp")
	os.WriteFile(other, []byte("x"), 0o600)
	if _, err := s.Backup(ctx); err != nil {
		t.Fatal(err)
	}
	if !fileExists(other) {
		t.Fatal("another database's temp file was removed")
	}
}

// Item 8: a deleted request's personal data is not left readable in the file.
func TestDeletedPersonalDataIsOverwritten(t *testing.T) {
	ctx := context.Background()
	s, path := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	for i := 1; i <= 20; i++ {
		saveNamedRequest(t, s, o.ID, i, "张某某")
	}
	marker := "甄秘密测试人"
	q := saveNamedRequest(t, s, o.ID, 21, marker)
	if _, err := s.DeleteRequest(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal"} {
		b, _ := os.ReadFile(p)
		if n := bytes.Count(b, []byte(marker)); n > 0 {
			t.Fatalf("%s still holds the deleted applicant's name %d times", filepath.Base(p), n)
		}
	}
}

// Item 2: a backup whose name carries a future date (the clock was wrong
// once) is not taken for the newest, and does not stop the daily backups.
func TestBackupsRankedBySequenceNotName(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	now := fixedNow
	opt := Options{NoBackup: true, Now: func() time.Time { return now }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	mustOrgan(t, s, "大雁镇人民政府")
	now = fixedNow.AddDate(1, 0, 0) // the clock jumped a year ahead
	stale, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	now = fixedNow.Add(time.Hour) // and was put right
	mustOrgan(t, s, "伊敏河镇人民政府")
	good, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	list, err := ListBackups(path, opt)
	if err != nil || len(list) != 2 {
		t.Fatalf("ListBackups = %+v, %v", list, err)
	}
	if list[0].Path != good {
		t.Fatalf("newest backup = %s, want %s (the future-dated %s holds older data)", filepath.Base(list[0].Path), filepath.Base(good), filepath.Base(stale))
	}
	if !list[1].Future || list[0].Future || !strings.Contains(list[1].When(), "晚于现在") {
		t.Fatalf("future flags: %+v", list)
	}
	if b, ok := NewestGoodBackup(ctx, path, opt); !ok || b.Path != good {
		t.Fatalf("NewestGoodBackup = %+v", b)
	}
	// The next day: the daily backup is taken although a backup claims a
	// later date, and the clerk is told about that backup.
	now = fixedNow.Add(25 * time.Hour)
	s, err = Open(ctx, path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	warn := strings.Join(s.Warnings(), "\n")
	s.Close()
	list, _ = ListBackups(path, opt)
	if len(list) != 3 || !list[0].Time.Equal(now.Truncate(time.Second)) {
		t.Fatalf("no daily backup next day: %+v", list)
	}
	if !strings.Contains(warn, filepath.Base(stale)) || !strings.Contains(warn, "时钟") {
		t.Fatalf("warnings do not name the future-dated backup: %q", warn)
	}
	// After restoring the stale backup, the next backup still ranks first.
	if err := Restore(ctx, path, stale); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	next, err := s.Backup(ctx)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := ListBackups(path, opt); list[0].Path != next {
		t.Fatalf("after a restore the new backup ranks %s first", filepath.Base(list[0].Path))
	}
}

// Item 5: a digit of an ID number changed inside the file (bit rot) passes
// integrity_check; the row checksums find it and name the backup that still
// holds the saved value.
func TestChangedByteInRecordIsFound(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	opt := Options{NoBackup: true, Now: func() time.Time { return fixedNow }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrgan(t, s, "大雁镇人民政府")
	for i := 1; i <= 5; i++ {
		saveNamedRequest(t, s, o.ID, i, fmt.Sprintf("申请人%d", i))
	}
	q := model.Request{OrganID: o.ID, Year: 2021, Serial: 6, Received: model.NewDate(2021, 5, 1), Applicant: model.NaturalPerson,
		Personal: model.Personal{Name: "钱八", IDNumber: "15070219850612345X"}}
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	good, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if probs, err := s.VerifyRows(ctx); err != nil || len(probs) != 0 {
		t.Fatalf("sound database: %v, %v", probs, err)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	if n := bytes.Count(b, []byte("15070219850612345X")); n != 1 {
		t.Fatalf("the ID number is %d times in the file", n)
	}
	os.WriteFile(path, bytes.Replace(b, []byte("15070219850612345X"), []byte("15070219850612845X"), 1), 0o600)

	s, err = Open(ctx, path, opt)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("integrity_check sees it (the test assumes it does not): %v", err)
	}
	probs, err := s.VerifyRows(ctx)
	if err != nil || len(probs) != 1 {
		t.Fatalf("VerifyRows = %+v, %v; want the one changed record", probs, err)
	}
	p := probs[0]
	if p.Table != "request_personal" || p.Backup != good || !strings.Contains(p.Place, "2021年第 6 号") {
		t.Fatalf("problem = %+v, want request_personal of 2021 No. 6 with backup %s", p, good)
	}
	msg := RowProblemsMessage(path, probs)
	if !strings.Contains(msg, good) || !strings.Contains(msg, "个人信息") {
		t.Fatalf("message: %s", msg)
	}
}

// Item 5: the check behind the start runs the row checksums too and warns.
func TestChangedByteFoundBehindOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrgan(t, s, "大雁镇人民政府")
	saveNamedRequest(t, s, o.ID, 1, "孔乙己某")
	s.Close()
	b, _ := os.ReadFile(path)
	os.WriteFile(path, bytes.Replace(b, []byte("孔乙己某"), []byte("孔乙已某"), 1), 0o600)
	s, err = Open(ctx, path, Options{NoBackup: true, DeferCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	<-s.CheckDone()
	if s.CheckErr() != nil {
		t.Fatalf("CheckErr: %v", s.CheckErr())
	}
	if w := strings.Join(s.Warnings(), "\n"); !strings.Contains(w, "与保存时不一致") {
		t.Fatalf("no warning after the background check: %q", w)
	}
}

// Item 15: an organ name is limited at entry.
func TestOrganNameLimited(t *testing.T) {
	s, _ := openTest(t)
	o := model.Organ{Name: strings.Repeat("某", model.MaxOrganName+1)}
	if err := s.SaveOrgan(context.Background(), &o); KindOf(err) != ErrInvalid || !strings.Contains(err.Error(), "最多 60 个字") {
		t.Fatalf("SaveOrgan with %d characters: %v", model.MaxOrganName+1, err)
	}
	o.Name = strings.Repeat("某", model.MaxOrganName)
	if err := s.SaveOrgan(context.Background(), &o); err != nil {
		t.Fatalf("SaveOrgan with %d characters: %v", model.MaxOrganName, err)
	}
}

// Item 3 for the saves that are one statement, not a transaction: a
// paragraph (SaveBlock) and one field of a log entry (SaveRequestField)
// were acknowledged after the -wal was deleted, and a kill then lost them
// and the saves before.
func TestDeletedWALIsDetectedByOneStatementSaves(t *testing.T) {
	ctx := context.Background()
	for _, kind := range []string{"SaveBlock", "SaveRequestField"} {
		t.Run(kind, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "nianbao.db")
			s, err := Open(ctx, path, Options{NoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			o := mustOrgan(t, s, "大雁镇人民政府")
			q := saveNamedRequest(t, s, o.ID, 1, "赵六")
			r := model.NewReport(o.ID, 2021)
			if err := s.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
			b := model.Block{Section: 1, Kind: model.BlockParagraph, Text: "第一稿"}
			if err := s.SaveBlock(ctx, r.ID, &b); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(path + "-wal"); err != nil {
				t.Fatal(err)
			}
			save := func() error {
				if kind == "SaveBlock" {
					b.Text = "第二稿"
					return s.SaveBlock(ctx, r.ID, &b)
				}
				q.Personal.Name = "赵六六"
				return s.SaveRequestField(ctx, &q, FieldName)
			}
			if err := save(); KindOf(err) != ErrWALLost {
				t.Fatalf("%s after the -wal was deleted: %v, want ErrWALLost", kind, err)
			}
			crash := filepath.Join(t.TempDir(), "after-kill.db")
			copyPlain(t, path, crash)
			if got := requestNames(t, crash); len(got) != 1 || got[0] != "赵六" {
				t.Fatalf("after a kill the file holds %v, want the acknowledged 赵六", got)
			}
			if err := save(); err != nil {
				t.Fatalf("second try: %v", err)
			}
		})
	}
}

// Item 3 when no save follows the deletion: a normal close writes back
// what the deleted -wal held (SQLite checkpoints through its open handle),
// and the close-time backup holds it too.
func TestDeletedWALThenCloseKeepsSaves(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	opt := Options{Now: func() time.Time { return fixedNow }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrgan(t, s, "大雁镇人民政府")
	saveNamedRequest(t, s, o.ID, 1, "赵六")
	if err := os.Remove(path + "-wal"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if got := requestNames(t, path); len(got) != 1 || got[0] != "赵六" {
		t.Fatalf("after the close the file holds %v, want 赵六", got)
	}
	list, err := ListBackups(path, opt)
	if err != nil || len(list) == 0 {
		t.Fatalf("no close-time backup: %v", err)
	}
	if got := requestNames(t, list[0].Path); len(got) != 1 || got[0] != "赵六" {
		t.Fatalf("the close-time backup holds %v, want 赵六", got)
	}
}

// A reader that opens fine beside a writer whose -wal was deleted and
// fails only at a later read (as `nianbao check` can, its integrity check
// deferred) has that read's I/O error explained as the deleted -wal, never
// as a pulled stick. The I/O error is a real one: the one SQLite gives a
// reader opened after the deletion.
func TestDeletedWALAtAReadAfterOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := mustOrgan(t, s, "大雁镇人民政府")
	saveNamedRequest(t, s, o.ID, 1, "赵六")
	// The reader is open before the deletion.
	r, err := Open(ctx, path, Options{ReadOnly: true, DeferCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := os.Remove(path + "-wal"); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, path, Options{ReadOnly: true})
	ioerr := errors.Unwrap(err)
	if KindOf(err) != ErrWALLost || sqliteCode(ioerr) != sqlite3.SQLITE_IOERR {
		t.Fatalf("reader opened after the deletion: %v, want ErrWALLost over SQLite's I/O error", err)
	}
	// What a failed read of r returns goes through ioErr first: the stick
	// message, which ExplainRead replaces.
	read := ioErr("读取年报", ioerr)
	if !strings.Contains(read.Error(), "拔出") {
		t.Fatalf("ioErr = %v; this test expects the stick message to replace", read)
	}
	if got := r.ExplainRead(read); KindOf(got) != ErrWALLost || strings.Contains(got.Error(), "拔出") {
		t.Fatalf("ExplainRead = %v, want ErrWALLost saying the -wal is gone, not the stick", got)
	}
	// A writer's own read error is left to the writer's -wal watch.
	if got := s.ExplainRead(read); got != read {
		t.Fatalf("the writer's ExplainRead changed the error: %v", got)
	}
}
