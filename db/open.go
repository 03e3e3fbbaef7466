package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ApplicationID marks a database as nianbao's (PRAGMA application_id, "NB01").
const ApplicationID = 0x4E423031

//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the newest schema this program knows (PRAGMA user_version).
var SchemaVersion = len(loadMigrations())

// Options control Open.
type Options struct {
	// ReadOnly opens the database for reading only (e.g. a check). It takes
	// no lock, runs no migration and takes no backup.
	ReadOnly bool
	// NoBackup skips the automatic backups at open and at Close.
	NoBackup bool
	// BackupDir is where backups go. Default: a folder 备份 beside the
	// database; backup files are named <db name>-YYYYMMDD-HHMMSS.db.
	BackupDir string
	// Now is the clock (default time.Now).
	Now func() time.Time
	// DeferCheck lets Open return before PRAGMA quick_check has finished.
	// With ReadOnly (a command that reads a year and prints) the check runs
	// on the other core while the caller reads; the caller waits for
	// CheckDone and reports CheckErr before it prints anything. Otherwise
	// the store runs it on its own read-only connection in the background
	// (WAL lets it read beside the writer) and every write waits for it and
	// fails with ErrCorrupt when it did not pass (see CheckDone, CheckErr).
	// The day's backup then follows the check in the background too. Where
	// the check cannot run beside the writer (the DELETE-journal fallback,
	// a schema to migrate, a new file) Open runs it before returning.
	DeferCheck bool
	// CheckAfter holds a deferred check back this long after Open, so that
	// the first screens a clerk goes through get both cores (the check,
	// the row checksums and the day's backup then run while the clerk
	// reads them); writes wait for it all the same.
	CheckAfter time.Duration
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// backupDir returns the backup folder for the database at dbPath.
func (o Options) backupDir(dbPath string) string {
	if o.BackupDir != "" {
		return o.BackupDir
	}
	return filepath.Join(filepath.Dir(dbPath), "备份")
}

// Store is an open nianbao database.
type Store struct {
	db   *sql.DB
	path string
	// file is what SQLite opens: path, or for a read-only open on a
	// write-protected medium whose -wal holds saves, a checkpointed copy in
	// the temp folder (copyDir, removed at Close).
	file    string
	copyDir string
	opt     Options
	lock    *flock.Flock
	// idUnlock releases the lock on the file's identity (lockIdentity).
	idUnlock func()
	journal  string // "wal" or "delete"
	// backupMu keeps two backups of this store from running at once (the
	// day's backup behind the check, one the clerk asked for).
	backupMu sync.Mutex
	// wal is the -wal file the store writes to (see walwatch.go).
	wal   walWatch
	dirty atomic.Bool
	// writes counts the committed writes of this store (afterWrite), so
	// that a read made ahead of a screen knows whether it is still current.
	writes atomic.Uint64
	closed bool
	// warnings are problems at open that did not stop it, in Chinese.
	warnings []string
	warnMu   sync.Mutex
	// rowProbs are the records the check behind the start found changed.
	rowProbs []RowProblem
	// check is the integrity check run behind Open (Options.DeferCheck).
	check deferredCheck
	// rdb is the read-only pool of long reads (reader), opened on first use.
	rdb      *sql.DB
	readOnce sync.Once
}

// Warnings lists problems met while opening that did not stop the store
// from working (e.g. the daily backup could not be written), in Chinese, for
// the caller to show the clerk. With DeferCheck the day's backup runs after
// the check: its warning is here once CheckDone is closed.
func (s *Store) Warnings() []string {
	s.warnMu.Lock()
	defer s.warnMu.Unlock()
	return append([]string(nil), s.warnings...)
}

func (s *Store) warn(w string) {
	s.warnMu.Lock()
	s.warnings = append(s.warnings, w)
	s.warnMu.Unlock()
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// JournalMode returns "wal", or "delete" where WAL could not be used.
func (s *Store) JournalMode() string { return s.journal }

// PortableMarker is the file that, beside the executable, switches to
// portable mode (the database lives beside the program, e.g. on a USB stick).
const PortableMarker = "portable.txt"

// DefaultPath returns where the database lives: beside the executable in
// portable mode (a file portable.txt beside it), otherwise in the per-user
// data folder (~/.local/share/nianbao/nianbao.db on Linux,
// %LOCALAPPDATA%\nianbao\nianbao.db on Windows).
func DefaultPath() (string, error) {
	exe, err := os.Executable()
	if err == nil {
		if resolved, err := filepath.EvalSymlinks(exe); err == nil {
			exe = resolved
		}
	} else {
		exe = ""
	}
	p := defaultPathFor(runtime.GOOS, exe, xdg.DataHome, fileExists)
	if p == "" {
		return "", newErr(ErrIO, nil, "找不到本用户的数据文件夹，请用 --db 指定数据库文件的位置。")
	}
	return p, nil
}

// defaultPathFor is DefaultPath's decision with the platform's facts passed
// in, so the Windows rules are tested on every platform: exe is the
// program's path (`E:\年报\nianbao.exe` on Windows), dataHome the per-user
// data folder (%LOCALAPPDATA% on Windows, ~/.local/share on Linux), exists
// tells whether a file is there. It returns "" when there is neither a
// portable marker nor a data folder.
func defaultPathFor(goos, exe, dataHome string, exists func(string) bool) string {
	sep := "/"
	if goos == "windows" {
		sep = `\`
	}
	dir := func(p string) string {
		i := strings.LastIndexAny(p, sep+"/")
		if i < 0 {
			return ""
		}
		if goos == "windows" && i == 2 && p[1] == ':' {
			return p[:3] // E:\nianbao.exe lives in E:\
		}
		if i == 0 {
			return p[:1]
		}
		return p[:i]
	}
	join := func(d, name string) string {
		if strings.HasSuffix(d, sep) || (goos == "windows" && strings.HasSuffix(d, "/")) {
			return d + name
		}
		return d + sep + name
	}
	if exe != "" {
		if d := dir(exe); d != "" && exists(join(d, PortableMarker)) {
			return join(d, "nianbao.db")
		}
	}
	if dataHome == "" {
		return ""
	}
	return join(join(dataHome, "nianbao"), "nianbao.db")
}

func init() {
	sqlite.RegisterConnectionHook(verifyPragmas)
}

// verifyPragmas reads back every _pragma the DSN asked for and refuses the
// connection when one did not take effect (e.g. WAL silently refused).
func verifyPragmas(c sqlite.ExecQuerierContext, dsn string) error {
	i := strings.IndexByte(dsn, '?')
	if i < 0 {
		return nil
	}
	q, err := url.ParseQuery(dsn[i+1:])
	if err != nil {
		return err
	}
	for _, p := range q["_pragma"] {
		open := strings.IndexByte(p, '(')
		if open < 0 || !strings.HasSuffix(p, ")") {
			continue
		}
		name := strings.ToLower(strings.TrimSpace(p[:open]))
		want := strings.ToLower(strings.TrimSpace(p[open+1 : len(p)-1]))
		switch name {
		case "synchronous":
			if n, ok := map[string]string{"off": "0", "normal": "1", "full": "2", "extra": "3"}[want]; ok {
				want = n
			}
		case "journal_mode", "foreign_keys", "busy_timeout", "query_only", "secure_delete":
		default:
			continue
		}
		got, err := pragmaString(c, name)
		if err != nil {
			return err
		}
		if strings.ToLower(got) != want {
			return fmt.Errorf("PRAGMA %s 为 %s，应为 %s", name, got, want)
		}
	}
	return nil
}

func pragmaString(c sqlite.ExecQuerierContext, name string) (string, error) {
	rows, err := c.QueryContext(context.Background(), "PRAGMA "+name, nil)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	dest := make([]driver.Value, len(rows.Columns()))
	if err := rows.Next(dest); err != nil {
		return "", err
	}
	return fmt.Sprint(dest[0]), nil
}

// fileURI turns a path into an SQLite URI with the given query.
func fileURI(path, query string) string {
	p := filepath.ToSlash(path)
	if len(p) >= 2 && p[1] == ':' { // Windows drive letter
		p = "/" + p
	}
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(p) + "?" + query
}

func dsnFor(path, journal string, readOnly bool) string {
	q := []string{"_pragma=busy_timeout(5000)", "_pragma=foreign_keys(1)", "_pragma=synchronous(FULL)"}
	if readOnly {
		q = append(q, roMode(path), "_pragma=query_only(1)")
	} else {
		// secure_delete overwrites deleted content (a deleted request's
		// personal data) instead of leaving it readable in free space.
		q = append(q, "_txlock=immediate", "_pragma=journal_mode("+strings.ToUpper(journal)+")", "_pragma=secure_delete(1)")
	}
	return fileURI(path, strings.Join(q, "&"))
}

func openPool(dsn string) (*sql.DB, error) {
	c, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	d := sql.OpenDB(c)
	d.SetMaxOpenConns(1)
	d.SetMaxIdleConns(1)
	d.SetConnMaxLifetime(0)
	d.SetConnMaxIdleTime(0)
	return d, nil
}

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code() & 0xff
	}
	return 0
}

// header is what the first 100 bytes of an SQLite file say.
type header struct {
	size          int64
	userVersion   uint32
	applicationID uint32
	// wal: the file format read/write versions (bytes 18 and 19) say WAL.
	wal bool
}

var sqliteMagic = []byte("SQLite format 3\x00")

// readHeader inspects the file without SQLite, so a foreign or damaged file
// is classified without a byte of it changing.
func readHeader(path string) (header, error) {
	f, err := os.Open(path)
	if err != nil {
		return header{}, newErr(ErrUnreadable, err, "无法读取数据库文件「%s」（%v）。请检查文件权限，或换一个文件位置。", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return header{}, newErr(ErrUnreadable, err, "无法读取数据库文件「%s」（%v）。请检查文件权限。", path, err)
	}
	h := header{size: fi.Size()}
	if h.size == 0 {
		return h, nil
	}
	buf := make([]byte, 100)
	if _, err := io.ReadFull(f, buf); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return h, notDatabase(path)
		}
		return h, newErr(ErrUnreadable, err, "无法读取数据库文件「%s」（%v）。请检查文件权限。", path, err)
	}
	if string(buf[:16]) != string(sqliteMagic) {
		return h, notDatabase(path)
	}
	h.userVersion = binary.BigEndian.Uint32(buf[60:64])
	h.applicationID = binary.BigEndian.Uint32(buf[68:72])
	h.wal = buf[18] == 2 && buf[19] == 2
	return h, nil
}

func notDatabase(path string) *Error {
	return newErr(ErrNotDatabase, nil, "文件「%s」不是年报程序的数据库（也不是任何 SQLite 数据库），程序没有改动它。请检查选择的文件是否正确。", path)
}

func foreignDB(path string) *Error {
	return newErr(ErrNewer, nil, "文件「%s」是另一个程序的数据库，年报程序不能使用它，也没有改动它。请选择年报程序的数据库文件。", path)
}

func newerDB(path string, v uint32) *Error {
	return newErr(ErrNewer, nil, "数据库「%s」来自更新版本的年报程序（数据格式 %d，本程序只认识到 %d），本程序没有改动它。请使用更新版本的年报程序打开。", path, v, SchemaVersion)
}

// checkIdentity refuses databases of another program or a newer version.
func checkIdentity(path string, appID, userVersion uint32, hasTables bool) error {
	switch {
	case appID == ApplicationID:
		if int(userVersion) > SchemaVersion {
			return newerDB(path, userVersion)
		}
	case appID != 0:
		return foreignDB(path)
	case userVersion != 0 || hasTables:
		return foreignDB(path)
	}
	return nil
}

// Open opens (creating when absent) the database at path. See Options.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, newErr(ErrInvalid, nil, "没有指定数据库文件的位置。")
	}
	if isUNCPath(path) {
		return nil, networkErr(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, newErr(ErrIO, err, "无法确定数据库文件「%s」的位置（%v）。", path, err)
	}
	// The lock lives beside the real file: a symlink must not lead a second
	// writer to a second lock.
	abs = resolveLinks(abs)
	exists := false
	fi, err := os.Stat(abs)
	switch {
	case err == nil:
		exists = true
		if fi.IsDir() {
			return nil, newErr(ErrIsDir, nil, "「%s」是一个文件夹，不是数据库文件。请指定文件夹里的一个文件，例如 %s。", abs, filepath.Join(abs, "nianbao.db"))
		}
		if !opt.ReadOnly {
			if err := refuseHardLinks(abs); err != nil {
				return nil, err
			}
		}
	case errors.Is(err, fs.ErrNotExist):
		if opt.ReadOnly {
			return nil, newErr(ErrNotFound, err, "数据库文件「%s」不存在。请检查路径。", abs)
		}
	default:
		return nil, newErr(ErrUnreadable, err, "无法访问数据库文件「%s」（%v）。请检查文件夹权限。", abs, err)
	}
	dir := filepath.Dir(abs)
	if !exists {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, newErr(ErrIO, err, "无法创建数据库所在的文件夹「%s」（%v）。请检查权限或换一个位置。", dir, err)
		}
	}
	if onNetworkDrive(dir) {
		return nil, networkErr(abs)
	}

	s := &Store{path: abs, file: abs, opt: opt}
	if opt.ReadOnly && exists && !dirWritable(dir) {
		// A write-protected stick: SQLite could not create the -shm it
		// needs, so the file is opened immutable; saves still in a -wal
		// are read from a checkpointed copy in the temp folder.
		if err := s.useProtectedMedium(ctx); err != nil {
			return nil, err
		}
	}
	if !opt.ReadOnly {
		s.lock = newLock(abs)
		ok, err := s.lock.TryLock()
		if err != nil {
			return nil, newErr(ErrIO, err, "无法创建锁文件「%s」（%v）。请检查数据库所在文件夹是否可写。", abs+".lock", err)
		}
		if !ok {
			return nil, newErr(ErrLocked, nil, "数据库正被另一个年报程序使用（%s）。请先关闭另一个窗口里的年报程序，再重新打开。", abs)
		}
		if exists {
			if err := s.lockIdentity(); err != nil {
				s.unlock()
				return nil, err
			}
		}
		// What a killed backup or restore left: full copies with personal
		// data that nothing else would ever remove.
		removeStrayTemps(abs, opt)
	}
	if err := s.open(ctx, exists); err != nil {
		if s.db != nil {
			s.db.Close()
		}
		s.unlock()
		if s.copyDir != "" {
			os.RemoveAll(s.copyDir)
		}
		if sqliteCode(err) == sqlite3.SQLITE_IOERR && walDeletedUnderWriter(abs) {
			return nil, walDeletedReadErr(abs, err)
		}
		return nil, err
	}
	if !opt.ReadOnly && !exists {
		if err := s.lockIdentity(); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// lockIdentity locks the database file itself besides its lock file, so
// that no second writer gets in by another name of the same file.
func (s *Store) lockIdentity() error {
	release, ok := lockIdentity(s.path)
	if !ok {
		return newErr(ErrLocked, nil, "数据库正被另一个年报程序使用（%s，另一个程序可能是通过别的文件名、快捷方式或链接打开的同一个文件）。请先关闭另一个窗口里的年报程序，再重新打开。", s.path)
	}
	s.idUnlock = release
	return nil
}

// newLock returns the lock beside the database (<db>.lock). The OS
// releases it when the process ends, so a file left by a crash never blocks.
func newLock(dbPath string) *flock.Flock {
	return flock.New(dbPath+".lock", flock.SetPermissions(0o600))
}

func (s *Store) unlock() {
	if s.idUnlock != nil {
		s.idUnlock()
		s.idUnlock = nil
	}
	if s.lock != nil {
		s.lock.Unlock()
		s.lock.Close()
		s.lock = nil
	}
}

func (s *Store) open(ctx context.Context, exists bool) error {
	path := s.file
	hasData := false
	deferred := false
	if exists {
		h, err := readHeader(path)
		if err != nil {
			if KindOf(err) == ErrNotDatabase {
				// Not a database any more, but backups of it exist: it was
				// ours and got damaged (a power cut, a failing disk).
				if b, ok := NewestGoodBackup(ctx, path, s.opt); ok {
					return &Error{Kind: ErrCorrupt, Err: err, Backup: b.Path,
						Msg: fmt.Sprintf("数据库「%s」已损坏，文件内容已不是数据库的格式（可能是断电或磁盘故障造成的），程序没有改动它。最近一份完好的备份是「%s」（%s）。请用“恢复备份”功能恢复它；损坏的文件会被移到一旁保留。", path, b.Path, b.When())}
				}
			}
			return err
		}
		if h.size > 0 {
			if err := checkIdentity(path, h.applicationID, h.userVersion, false); err != nil {
				return err
			}
			if !s.opt.ReadOnly {
				rollbackHotJournal(ctx, path)
			}
			// The check may run behind Open only on a file already in WAL
			// mode and at the current schema: nothing is migrated and the
			// journal mode is not switched before it has passed.
			deferred = s.opt.DeferCheck && h.wal && int(h.userVersion) == SchemaVersion && s.file == s.path
			cleanup := sidecarCleaner(path, s.opt.ReadOnly)
			st, err := inspectFile(ctx, path, !deferred)
			if err == nil && !st.ok {
				err = s.corruptErr(ctx, st.problem)
			}
			if err == nil {
				err = checkIdentity(path, st.appID, st.userVersion, st.tables > 0)
			}
			if err != nil {
				cleanup()
				return err
			}
			hasData = st.userVersion > 0
		} else if s.opt.ReadOnly {
			return newErr(ErrNotFound, nil, "数据库文件「%s」是空的，里面还没有数据。请检查路径。", path)
		} else {
			exists = false
		}
	} else {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return newErr(ErrIO, err, "无法创建数据库文件「%s」（%v）。请检查文件夹权限或换一个位置。", path, err)
		}
		f.Close()
	}

	if s.opt.ReadOnly {
		d, err := openPool(dsnFor(path, "", true))
		if err != nil {
			return ioErr("打开数据库", err)
		}
		s.db = d
		if err := d.PingContext(ctx); err != nil {
			return ioErr("打开数据库", err)
		}
		var uv int
		if err := d.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv); err != nil {
			return ioErr("打开数据库", err)
		}
		if uv < SchemaVersion {
			return newErr(ErrInvalid, nil, "数据库「%s」是旧版本的格式，只读打开时不能升级。请先正常打开一次年报程序，让它完成升级。", path)
		}
		s.journal = "readonly"
		if deferred {
			s.startReadOnlyCheck()
		}
		return nil
	}

	journal, err := walProbe(ctx, path)
	if err != nil {
		return err
	}
	s.journal = journal
	d, err := openPool(dsnFor(path, journal, false))
	if err != nil {
		return ioErr("打开数据库", err)
	}
	s.db = d
	if err := d.PingContext(ctx); err != nil {
		return newErr(ErrIO, err, "打开数据库「%s」时设置未能生效（%v）。请把数据库放在本机磁盘上再试。", path, err)
	}
	var uv int
	if err := d.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv); err != nil {
		return ioErr("打开数据库", err)
	}
	s.recordWAL()
	if deferred {
		if journal == "wal" && uv == SchemaVersion {
			return s.startCheck(ctx, exists)
		}
		// The check cannot run beside the writer here: run it now.
		if err := s.runCheck(ctx); err != nil {
			return err
		}
	}
	if hasData && uv < SchemaVersion && !s.opt.NoBackup {
		if _, err := s.Backup(ctx); err != nil {
			return err
		}
	}
	if err := s.migrate(ctx, uv); err != nil {
		return err
	}
	s.dirty.Store(false) // a backup at Close is for the clerk's saves, not the schema's

	if !s.opt.NoBackup && exists {
		s.dailyBackup(ctx)
	}
	return nil
}

// dailyBackup takes the day's backup when the newest is older than a day.
// It is a safety net, not a condition of working: a nearly full disk must
// not lock the clerk out of their own data, so a failure becomes a warning.
func (s *Store) dailyBackup(ctx context.Context) {
	if err := s.backupIfOld(ctx); err != nil {
		s.warn("今天的自动备份没有成功：" + strings.TrimSuffix(err.Error(), "。") + "。数据照常可用，请尽快腾出磁盘空间，或用「nianbao backup」另存一份备份。")
	}
}

// walProbe is probeWAL; tests replace it to exercise the fallback.
var walProbe = probeWAL

// probeWAL switches the database to WAL once and reports whether it took;
// where it cannot (some FAT/FUSE folders), the store uses a rollback journal
// with FULL sync.
func probeWAL(ctx context.Context, path string) (string, error) {
	d, err := openPool(fileURI(path, "_pragma=busy_timeout(5000)"))
	if err != nil {
		return "", ioErr("打开数据库", err)
	}
	defer d.Close()
	var mode string
	if err := d.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		if c := sqliteCode(err); c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB {
			return "", newErr(ErrCorrupt, err, "数据库「%s」已损坏（%v）。请用最近的备份恢复。", path, err)
		}
		return "", ioErr("打开数据库", err)
	}
	if strings.EqualFold(mode, "wal") {
		return "wal", nil
	}
	if err := d.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode); err != nil {
		return "", ioErr("打开数据库", err)
	}
	return "delete", nil
}

// sidecarCleaner notes which of the -wal and -shm files exist before a
// read-only inspection; the returned func removes the ones the inspection
// created (an empty -wal and its -shm), so that a refused file is left as it
// was found. It does nothing for read-only opens, which hold no lock and
// may share the files with a running copy.
func sidecarCleaner(path string, readOnly bool) func() {
	if readOnly {
		return func() {}
	}
	walExisted, shmExisted := fileExists(path+"-wal"), fileExists(path+"-shm")
	return func() {
		if !walExisted {
			if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() == 0 {
				os.Remove(path + "-wal")
			} else if err == nil {
				return // the -wal holds data: keep the pair together
			}
		}
		if !shmExisted {
			os.Remove(path + "-shm")
		}
	}
}

// rollbackHotJournal finishes what a copy killed in the middle of a
// transaction left in rollback-journal mode (the fallback where WAL cannot
// work): a -journal file holding the pages to put back. Only a connection
// that may write can roll it back, and until then the read-only inspection
// cannot read the file at all. Our lock is held, so no other copy writes.
// Errors are left for the inspection to report.
func rollbackHotJournal(ctx context.Context, path string) {
	fi, err := os.Stat(path + "-journal")
	if err != nil || fi.Size() == 0 {
		return
	}
	d, err := openPool(fileURI(path, "_pragma=busy_timeout(5000)"))
	if err != nil {
		return
	}
	defer d.Close()
	var n int
	d.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n)
}

// inspection is what a read-only look at an existing database found.
type inspection struct {
	ok          bool
	problem     string
	appID       uint32
	userVersion uint32
	tables      int
}

// inspect runs PRAGMA quick_check and reads the identity pragmas through a
// read-only connection, so nothing is written to a file that may be foreign
// or damaged.
func inspect(ctx context.Context, path string) (inspection, error) {
	return inspectFile(ctx, path, true)
}

// inspectFile is inspect; without quick it only reads the identity pragmas
// and the schema (st.ok then says no more than that), for an open whose
// quick_check runs behind it.
func inspectFile(ctx context.Context, path string, quick bool) (inspection, error) {
	d, err := openPool(checkDSN(path))
	if err != nil {
		return inspection{}, ioErr("检查数据库", err)
	}
	defer d.Close()
	st, err := identify(ctx, d, path)
	if err != nil || !quick {
		return st, err
	}
	rows, err := d.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return classifyCheck(st, path, err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return classifyCheck(st, path, err)
		}
		msgs = append(msgs, m)
	}
	if err := rows.Err(); err != nil {
		return classifyCheck(st, path, err)
	}
	if len(msgs) == 1 && msgs[0] == "ok" {
		return st, nil
	}
	st.ok, st.problem = false, problemOf(msgs)
	return st, nil
}

// checkDSN opens a file read-only for a check, waiting for a writer.
func checkDSN(path string) string {
	return fileURI(path, roMode(path)+"&_pragma=busy_timeout(5000)")
}

// identify reads the identity pragmas and counts the schema through d (st.ok
// then says no more than that the file reads as a database).
func identify(ctx context.Context, d *sql.DB, path string) (inspection, error) {
	var st inspection
	if err := d.QueryRowContext(ctx, "PRAGMA application_id").Scan(&st.appID); err != nil {
		return classifyCheck(st, path, err)
	}
	if err := d.QueryRowContext(ctx, "PRAGMA user_version").Scan(&st.userVersion); err != nil {
		return classifyCheck(st, path, err)
	}
	if err := d.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&st.tables); err != nil {
		return classifyCheck(st, path, err)
	}
	st.ok = true
	return st, nil
}

// classifyCheck turns an error met while checking the file at path into
// the check's result: damage is a finding (st not ok), not an error; a
// file that is no database, or cannot be read, gets its own message.
func classifyCheck(st inspection, path string, err error) (inspection, error) {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT:
		st.ok, st.problem = false, err.Error()
		return st, nil
	case sqlite3.SQLITE_NOTADB:
		return st, notDatabase(path)
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return st, newErr(ErrUnreadable, err, "无法读取数据库文件「%s」（%v）。请检查文件权限。", path, err)
	}
	return st, ioErr("检查数据库", err)
}

// problemOf joins what a check found wrong, cut to 300 bytes.
func problemOf(msgs []string) string {
	p := strings.Join(msgs, "; ")
	if len(p) > 300 {
		p = p[:300] + "…"
	}
	return p
}

// corruptErr builds the ErrCorrupt error, naming the newest backup that
// passes its own check.
func (s *Store) corruptErr(ctx context.Context, problem string) error {
	e := &Error{Kind: ErrCorrupt, Err: errors.New(problem)}
	if b, ok := NewestGoodBackup(ctx, s.path, s.opt); ok {
		e.Backup = b.Path
		e.Msg = fmt.Sprintf("数据库「%s」已损坏（完整性检查未通过）。最近一份完好的备份是「%s」（%s）。请用“恢复备份”功能恢复它；损坏的文件会被移到一旁保留。", s.path, b.Path, b.When())
	} else {
		e.Msg = fmt.Sprintf("数据库「%s」已损坏（完整性检查未通过），也没有找到完好的备份。请把该文件交给技术人员处理，或新建一个数据库重新录入。", s.path)
	}
	return e
}

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() []migration {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		n, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			panic("db: migration file without number: " + name)
		}
		b, err := migrationFS.ReadFile("migrations/" + name)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: n, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic("db: migrations must be numbered 1, 2, 3 …: " + m.name)
		}
	}
	return ms
}

// migrate applies every migration after version cur, each in one
// transaction that also sets user_version.
func (s *Store) migrate(ctx context.Context, cur int) error {
	for _, m := range loadMigrations() {
		if m.version <= cur {
			continue
		}
		err := s.tx(ctx, "升级数据库", func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// tx runs fn in one short (immediate) transaction.
func (s *Store) tx(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if err := s.beforeWrite(ctx); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return ioErr(what, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return ioErr(what, err)
	}
	if err := tx.Commit(); err != nil {
		return ioErr(what, err)
	}
	return s.afterWrite(ctx)
}

// beforeWrite is what every write does first (tx, and the one-statement
// saves): wait for the start-up check, and when the -wal was deleted or
// replaced, write back what it held and refuse this write — nothing of it
// has run, the clerk is told and saves again.
func (s *Store) beforeWrite(ctx context.Context) error {
	if err := s.waitCheck(ctx); err != nil {
		return err
	}
	if s.walGone() {
		if err := s.recoverWAL(ctx); err != nil {
			return err
		}
		return walLostErr(s.path)
	}
	return nil
}

// afterWrite follows every committed write, before it is acknowledged.
func (s *Store) afterWrite(ctx context.Context) error {
	s.dirty.Store(true)
	s.writes.Add(1)
	if s.walGone() {
		// Deleted between the look and the commit: the write is in the
		// deleted file; the checkpoint makes it durable before it is
		// acknowledged.
		if err := s.recoverWAL(ctx); err != nil {
			return err
		}
		s.warn("数据库旁的日志文件在程序运行时被删除或替换了（可能是杀毒或清理软件）。已保存的修改已写回数据库文件，没有丢失。")
	}
	return nil
}

// Writes is the number of writes committed through this store so far. A
// read that took it before it began, and finds it unchanged afterwards,
// read the database as it still is (only this store writes to its file:
// the lock keeps other programs out). A write counts only once committed,
// so a read that may have seen a write before it was counted is stale by
// this measure, never the other way round.
func (s *Store) Writes() uint64 { return s.writes.Load() }

// Close closes the database, taking a backup first when anything was saved
// during the session (unless NoBackup), and releases the lock.
func (s *Store) Close() error {
	if s == nil || s.closed {
		return nil
	}
	s.closed = true
	s.stopCheck()
	var first error
	if !s.opt.ReadOnly && !s.opt.NoBackup && s.dirty.Load() {
		if _, err := s.Backup(context.Background()); err != nil {
			first = err
		}
	}
	if s.rdb != nil {
		s.rdb.Close()
	}
	if s.db != nil {
		if err := s.db.Close(); err != nil && first == nil {
			first = ioErr("关闭数据库", err)
		}
	}
	s.unlock()
	if s.copyDir != "" {
		os.RemoveAll(s.copyDir)
	}
	return first
}
