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

	sqlite "modernc.org/sqlite"
	"nianbao/model"
)

func TestPragmasReadBack(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	want := map[string]string{"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1", "busy_timeout": "5000",
		"application_id": "1312960561", "user_version": fmt.Sprint(SchemaVersion)}
	for name, v := range want {
		var got string
		if err := s.db.QueryRowContext(ctx, "PRAGMA "+name).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != v {
			t.Errorf("PRAGMA %s = %s, want %s", name, got, v)
		}
	}
	if s.JournalMode() != "wal" {
		t.Fatalf("JournalMode = %s", s.JournalMode())
	}
	// Transactions start IMMEDIATE: a second connection cannot start writing
	// while ours holds a transaction, even before we write.
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	other, err := sql.Open("sqlite", fileURI(s.Path(), "_pragma=busy_timeout(0)"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec("BEGIN IMMEDIATE"); err == nil {
		t.Fatalf("a second writer could begin while our transaction was open: not _txlock=immediate")
	}
}

func TestHookRefusesPragmaThatDidNotTakeEffect(t *testing.T) {
	// An in-memory database cannot be in WAL mode; the hook must notice.
	c, err := sqlite.NewConnector("file:hooktest?mode=memory&_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	d := sql.OpenDB(c)
	defer d.Close()
	if err := d.Ping(); err == nil || !strings.Contains(err.Error(), "journal_mode") {
		t.Fatalf("connection with journal_mode other than requested was accepted: %v", err)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	s, path := openTest(t)
	_, err := Open(context.Background(), path, Options{NoBackup: true})
	if KindOf(err) != ErrLocked || !strings.Contains(err.Error(), "另一个年报程序") {
		t.Fatalf("second Open: %v (kind %v)", err, KindOf(err))
	}
	// A read-only open takes no lock and works alongside.
	ro, err := Open(context.Background(), path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open beside a writer: %v", err)
	}
	if _, err := ro.Organs(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := ro.SaveOrgan(context.Background(), &model.Organ{Name: "只读"}); err == nil || !strings.Contains(err.Error(), "只读") {
		t.Fatalf("read-only store accepted a write or said something unclear: %v", err)
	}
	ro.Close()
	s.Close()
	s2, err := Open(context.Background(), path, Options{NoBackup: true})
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	s2.Close()
}

func TestStaleLockFileDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	// A crashed process leaves its lock file behind; the OS has released the lock.
	if err := os.WriteFile(path+".lock", []byte("12345\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path, Options{NoBackup: true})
	if err != nil {
		t.Fatalf("stale lock file blocked open: %v", err)
	}
	s.Close()
}

func TestNewFilesAreMode0600(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "子目录", "年报.db")
	s, err := Open(ctx, path, Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	mustOrgan(t, s, "大雁镇人民政府")
	b, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", b} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", p, fi.Mode().Perm())
		}
	}
	s.Close()
}

func TestFolderPath(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(context.Background(), dir, Options{NoBackup: true})
	if KindOf(err) != ErrIsDir || !strings.Contains(err.Error(), "文件夹") {
		t.Fatalf("folder: %v", err)
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	path := filepath.Join(t.TempDir(), "nianbao.db")
	s, err := Open(context.Background(), path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0)
	defer os.Chmod(path, 0o600)
	if _, err := Open(context.Background(), path, Options{NoBackup: true}); KindOf(err) != ErrUnreadable {
		t.Fatalf("unreadable: %v", err)
	}
}

// assertRefusedUnchanged opens path and expects kind, with the file
// byte-identical afterwards.
func assertRefusedUnchanged(t *testing.T, path string, kind ErrKind) error {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(context.Background(), path, Options{Now: func() time.Time { return fixedNow }})
	if KindOf(err) != kind {
		t.Fatalf("Open: %v (kind %v), want %v", err, KindOf(err), kind)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatalf("refused file was altered")
	}
	return err
}

func TestGarbageFile(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string][]byte{
		"report.docx": append([]byte("PK\x03\x04"), bytes.Repeat([]byte("x"), 5000)...),
		"short.db":    []byte("SQLite format 3\x00abc"),
		"notes.txt":   []byte(strings.Repeat("政府信息公开\n", 300)),
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, content, 0o600)
		err := assertRefusedUnchanged(t, path, ErrNotDatabase)
		if !strings.Contains(err.Error(), "不是") {
			t.Fatalf("message: %v", err)
		}
	}
}

// makeDB creates a database with enough requests to span many pages.
func makeDB(t *testing.T, path string, n int) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrgan(t, s, "大雁镇人民政府")
	var reqs []model.Request
	for i := 0; i < n; i++ {
		reqs = append(reqs, model.Request{Received: model.NewDate(2021, 1+i%12, 1+i%28), Applicant: model.NaturalPerson,
			Summary: strings.Repeat("申请公开有关材料", 10)})
	}
	r := model.NewReport(o.ID, 2021)
	if err := s.SaveOrganYear(ctx, &model.OrganYear{Organ: o, Report: r, Requests: reqs}, false); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatalf("-wal left after clean close")
	}
}

func TestTruncatedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 2000)
	fi, _ := os.Stat(path)
	if err := os.Truncate(path, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	assertRefusedUnchanged(t, path, ErrCorrupt)
}

func TestFlippedPageIsCaught(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	makeDB(t, path, 2000)
	// A good backup first, so the error can name it.
	s, err := Open(ctx, path, Options{NoBackup: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	good, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	b, _ := os.ReadFile(path)
	pages := len(b) / 4096
	mid := pages / 2 * 4096
	for i := mid; i < mid+4096; i++ {
		b[i] ^= 0x5A
	}
	os.WriteFile(path, b, 0o600)
	err = assertRefusedUnchanged(t, path, ErrCorrupt)
	var e *Error
	if !errorsAs(err, &e) || e.Backup != good || !strings.Contains(e.Msg, good) || !strings.Contains(e.Msg, "损坏") {
		t.Fatalf("corrupt error does not name the good backup %s: %v", good, err)
	}
	// The clerk restores it; the damaged file is kept aside.
	if err := Restore(ctx, path, e.Backup); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	s, err = Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatalf("open after restore: %v", err)
	}
	n, _ := s.CountRequests(ctx, RequestQuery{OrganID: 1})
	s.Close()
	if n != 2000 {
		t.Fatalf("restored db has %d requests", n)
	}
	aside, _ := filepath.Glob(path + ".replaced-*[0-9]")
	if len(aside) != 1 {
		t.Fatalf("damaged file not kept aside: %v", aside)
	}
}

// setPragma writes a header pragma through a plain connection.
func setPragma(t *testing.T, path, stmt string) {
	t.Helper()
	d, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(stmt); err != nil {
		t.Fatal(err)
	}
	d.Close()
}

func TestNewerVersionRefusedUnaltered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 10)
	setPragma(t, path, "PRAGMA journal_mode=DELETE")
	setPragma(t, path, "PRAGMA user_version = 99")
	err := assertRefusedUnchanged(t, path, ErrNewer)
	if !strings.Contains(err.Error(), "更新版本") {
		t.Fatalf("message: %v", err)
	}
}

func TestNewerWALDatabaseLeavesNoTrace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 10)
	setPragma(t, path, "PRAGMA user_version = 99") // the db stays in WAL mode
	if fileExists(path+"-wal") || fileExists(path+"-shm") {
		t.Fatalf("setup left sidecar files")
	}
	assertRefusedUnchanged(t, path, ErrNewer)
	if fileExists(path+"-wal") || fileExists(path+"-shm") {
		t.Fatalf("refusing the file left -wal/-shm files beside it")
	}
}

func TestFallbackToRollbackJournal(t *testing.T) {
	ctx := context.Background()
	old := walProbe
	walProbe = func(ctx context.Context, path string) (string, error) {
		// What probeWAL reports on a folder where WAL cannot work.
		d, err := sql.Open("sqlite", path)
		if err != nil {
			return "", err
		}
		defer d.Close()
		_, err = d.Exec("PRAGMA journal_mode=DELETE")
		return "delete", err
	}
	defer func() { walProbe = old }()
	s, path := openTest(t)
	if s.JournalMode() != "delete" {
		t.Fatalf("JournalMode = %s", s.JournalMode())
	}
	for name, want := range map[string]string{"journal_mode": "delete", "synchronous": "2", "foreign_keys": "1"} {
		var got string
		s.db.QueryRowContext(ctx, "PRAGMA "+name).Scan(&got)
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", name, got, want)
		}
	}
	o := mustOrgan(t, s, "大雁镇人民政府")
	s.Close()
	if fileExists(path + "-wal") {
		t.Fatalf("rollback-journal database has a -wal file")
	}
	walProbe = old
	s2, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got, err := s2.Organ(ctx, o.ID); err != nil || got.Name != o.Name {
		t.Fatalf("data after reopening: %+v, %v", got, err)
	}
}

func TestForeignDatabaseRefused(t *testing.T) {
	dir := t.TempDir()
	withID := filepath.Join(dir, "other.db")
	setPragma(t, withID, "CREATE TABLE t (x)")
	setPragma(t, withID, "PRAGMA application_id = 1234")
	err := assertRefusedUnchanged(t, withID, ErrNewer)
	if !strings.Contains(err.Error(), "另一个程序") {
		t.Fatalf("message: %v", err)
	}
	// Another program's database without an application_id, but with tables.
	plain := filepath.Join(dir, "plain.db")
	setPragma(t, plain, "CREATE TABLE contacts (name TEXT)")
	assertRefusedUnchanged(t, plain, ErrNewer)
}

func TestEmptyFileBecomesDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	os.WriteFile(path, nil, 0o600)
	s, err := Open(context.Background(), path, Options{NoBackup: true})
	if err != nil {
		t.Fatalf("empty file: %v", err)
	}
	mustOrgan(t, s, "大雁镇人民政府")
	s.Close()
}

func TestReadOnlyMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	if _, err := Open(context.Background(), path, Options{ReadOnly: true}); KindOf(err) != ErrNotFound {
		t.Fatalf("read-only open of missing file: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatalf("read-only open created the file")
	}
}

func TestFileURIEscapes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "年报 #1?%")
	path := filepath.Join(dir, "数据.db")
	s, err := Open(context.Background(), path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	mustOrgan(t, s, "大雁镇人民政府")
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the requested path: %v", err)
	}
}

func TestNetworkPaths(t *testing.T) {
	if _, err := Open(context.Background(), `\\server\share\nianbao.db`, Options{NoBackup: true}); KindOf(err) != ErrNetworkDrive {
		t.Fatalf("UNC path: %v", err)
	}
	for p, want := range map[string]bool{
		`\\server\share\a.db`: true, `//server/share/a.db`: true, `\\?\UNC\server\share\a.db`: true,
		`\\?\C:\Users\clerk\a.db`: false, `C:\Users\a.db`: false, `/home/clerk/a.db`: false, `\\.\D:\a.db`: false,
	} {
		if isUNCPath(p) != want {
			t.Errorf("isUNCPath(%s) = %v", p, !want)
		}
	}
	mountinfo := `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:40 / /mnt/share rw,relatime shared:20 - cifs //nas/share rw
41 22 0:41 / /mnt/nfs\040dir rw - nfs4 nas:/export rw
42 40 8:2 / /mnt/share/local rw - ext4 /dev/sdb1 rw
`
	for path, want := range map[string]string{
		"/home/clerk":           "ext4",
		"/mnt/share/年报":         "cifs",
		"/mnt/share/local/x":    "ext4",
		"/mnt/nfs dir/nianbao":  "nfs4",
		"/mnt/sharex/something": "ext4",
	} {
		if got := mountFSType(mountinfo, path); got != want {
			t.Errorf("mountFSType(%s) = %s, want %s", path, got, want)
		}
	}
	if !networkFSTypes["cifs"] || !networkFSTypes["nfs4"] || networkFSTypes["ext4"] {
		t.Fatalf("network fs table wrong")
	}
}

func TestDefaultPath(t *testing.T) {
	p, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p) != "nianbao.db" {
		t.Fatalf("DefaultPath = %s", p)
	}
	exe, _ := os.Executable()
	if filepath.Dir(p) == filepath.Dir(exe) {
		t.Fatalf("portable mode without marker")
	}
	// Portable mode: a marker beside the (test) executable.
	marker := filepath.Join(filepath.Dir(exe), PortableMarker)
	if err := os.WriteFile(marker, []byte("portable"), 0o600); err != nil {
		t.Skip("cannot write beside the test binary")
	}
	defer os.Remove(marker)
	p, err = DefaultPath()
	if err != nil || p != filepath.Join(filepath.Dir(exe), "nianbao.db") {
		t.Fatalf("portable DefaultPath = %s, %v", p, err)
	}
}
