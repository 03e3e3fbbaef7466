package db

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path string
	Time time.Time // when it was taken, by the clock of that moment (from its name)
	Size int64
	// Seq is the backup's number, stored inside the file (store_meta
	// 'backup_seq'); each backup gets a higher one than every backup before
	// it. 0 for backups written before numbering began. Backups are ranked
	// by Seq, then by Time.
	Seq int64
	// Future: the name claims a time later than now (the clock was wrong
	// when it was taken, or is wrong now).
	Future bool
}

// When is the backup's time for a message, with a warning when its name
// claims a future date.
func (b BackupInfo) When() string {
	w := b.Time.Format("2006-01-02 15:04")
	if b.Future {
		w += "，文件名上的日期晚于现在，备份时电脑的时钟可能不准"
	}
	return w
}

// backupTime parses the time in a backup's file name
// (<prefix>YYYYMMDD-HHMMSS[_N].db).
func backupTime(name, prefix string) (time.Time, bool) {
	if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
		return time.Time{}, false
	}
	stamp := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db")
	if i := strings.LastIndexByte(stamp, '_'); i > 0 { // name-YYYYMMDD-HHMMSS_2.db
		stamp = stamp[:i]
	}
	t, err := time.ParseInLocation(backupStamp, stamp, time.Local)
	return t, err == nil
}

// backupSeq reads the number stored inside a backup (0 when it has none or
// cannot be read; CheckBackup judges the file).
func backupSeq(ctx context.Context, path string) int64 {
	d, err := openPool(fileURI(path, "mode=ro&immutable=1"))
	if err != nil {
		return 0
	}
	defer d.Close()
	var n int64
	if err := d.QueryRowContext(ctx, "SELECT value FROM store_meta WHERE key = 'backup_seq'").Scan(&n); err != nil {
		return 0
	}
	return n
}

const backupStamp = "20060102-150405"

// backupPrefix is the start of every backup name of the database dbPath.
func backupPrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// ListBackups lists the backups of the database at dbPath, newest first:
// ranked by the number each holds inside (BackupInfo.Seq), then by the
// time in the name.
func ListBackups(dbPath string, opt Options) ([]BackupInfo, error) {
	dir := opt.backupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, newErr(ErrIO, err, "无法读取备份文件夹「%s」（%v）。", dir, err)
	}
	prefix := backupPrefix(dbPath)
	now := opt.now()
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			continue
		}
		t, ok := backupTime(name, prefix)
		if !ok {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		p := filepath.Join(dir, name)
		out = append(out, BackupInfo{Path: p, Time: t, Size: fi.Size(), Seq: backupSeq(context.Background(), p),
			Future: t.After(now.Add(5 * time.Minute))})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Seq != out[j].Seq {
			return out[i].Seq > out[j].Seq
		}
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// CheckBackup verifies that the file at path is a nianbao database this
// program can open and that it passes PRAGMA quick_check.
func CheckBackup(ctx context.Context, path string) error {
	h, err := readHeader(path)
	if err != nil {
		return err
	}
	if h.size == 0 {
		return notDatabase(path)
	}
	if err := checkIdentity(path, h.applicationID, h.userVersion, false); err != nil {
		return err
	}
	st, err := inspect(ctx, path)
	if err != nil {
		return err
	}
	if !st.ok {
		return newErr(ErrCorrupt, errors.New(st.problem), "备份「%s」已损坏（完整性检查未通过），不能用于恢复。", path)
	}
	if st.appID != ApplicationID {
		return foreignDB(path)
	}
	return checkIdentity(path, st.appID, st.userVersion, st.tables > 0)
}

// NewestGoodBackup returns the newest backup of dbPath that passes
// CheckBackup.
func NewestGoodBackup(ctx context.Context, dbPath string, opt Options) (BackupInfo, bool) {
	list, err := ListBackups(dbPath, opt)
	if err != nil {
		return BackupInfo{}, false
	}
	for _, b := range list {
		if CheckBackup(ctx, b.Path) == nil {
			return b, true
		}
	}
	return BackupInfo{}, false
}

// Backup writes a consistent copy of the database into the backup folder:
// VACUUM INTO a temporary name, fsync, quick_check the copy, rename. Old
// backups are then rotated (see rotate). It returns the new file's path.
func (s *Store) Backup(ctx context.Context) (string, error) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	dir := s.opt.backupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", newErr(ErrIO, err, "无法创建备份文件夹「%s」（%v）。请检查磁盘空间和权限。", dir, err)
	}
	removeStrayTemps(s.path, s.opt)
	if err := s.nextBackupSeq(ctx); err != nil {
		return "", err
	}
	now := s.opt.now()
	name := backupPrefix(s.path) + now.Format(backupStamp)
	final := filepath.Join(dir, name+".db")
	for i := 2; fileExists(final); i++ {
		final = filepath.Join(dir, fmt.Sprintf("%s_%d.db", name, i))
	}
	tmp := filepath.Join(dir, "."+filepath.Base(final)+".tmp")
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", newErr(ErrIO, err, "无法创建备份文件「%s」（%v）。请检查磁盘空间和权限。", tmp, err)
	}
	f.Close()
	fail := func(err error) (string, error) {
		os.Remove(tmp)
		return "", err
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return fail(newErr(ErrIO, err, "备份数据库失败（%v）。请检查磁盘空间后重试。", err))
	}
	if err := syncFile(tmp); err != nil {
		return fail(newErr(ErrIO, err, "备份文件写入磁盘失败（%v）。请检查磁盘后重试。", err))
	}
	if err := CheckBackup(ctx, tmp); err != nil {
		return fail(newErr(ErrIO, err, "刚写好的备份没有通过检查（%v），已删除。请检查磁盘后重试。", err))
	}
	if err := os.Rename(tmp, final); err != nil {
		return fail(newErr(ErrIO, err, "无法保存备份文件「%s」（%v）。", final, err))
	}
	syncDir(dir)
	if err := rotate(s.path, s.opt, now); err != nil {
		return final, err
	}
	return final, nil
}

// nextBackupSeq stores in the database the number the coming backup will
// carry: one above both its own last number and every backup in the folder
// (after a restore the database's number is that of an older backup).
func (s *Store) nextBackupSeq(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name = 'store_meta'").Scan(&n); err != nil {
		return ioErr("备份数据库", err)
	}
	if n == 0 {
		return nil // a schema before version 5: the backup before migrating
	}
	var seq int64
	s.db.QueryRowContext(ctx, "SELECT value FROM store_meta WHERE key = 'backup_seq'").Scan(&seq)
	if list, _ := ListBackups(s.path, s.opt); len(list) > 0 && list[0].Seq > seq {
		seq = list[0].Seq
	}
	if _, err := s.db.ExecContext(ctx, "INSERT OR REPLACE INTO store_meta (key, value) VALUES ('backup_seq', ?)", seq+1); err != nil {
		return ioErr("备份数据库", err)
	}
	return nil
}

// backupIfOld takes a backup when the newest is older than a day and the
// database holds anything.
func (s *Store) backupIfOld(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM organs").Scan(&n); err != nil {
		return ioErr("检查备份", err)
	}
	if n == 0 {
		return nil
	}
	list, err := ListBackups(s.path, s.opt)
	if err != nil {
		return err
	}
	if len(list) > 0 && !list[0].Future && s.opt.now().Sub(list[0].Time) < 24*time.Hour {
		return nil
	}
	for _, b := range list {
		if b.Future {
			s.warn(fmt.Sprintf("备份「%s」文件名上的日期（%s）晚于现在，备份时电脑的时钟可能不准。程序按备份的先后顺序（不按文件名上的日期）找最近一份备份。", filepath.Base(b.Path), b.Time.Format("2006-01-02 15:04")))
			break
		}
	}
	_, err = s.Backup(ctx)
	return err
}

// keepBackups decides which backups to keep: the newest 5, plus the newest
// of each of the last 7 days and the newest of each of the last 12 months.
// list is newest first.
func keepBackups(list []BackupInfo, now time.Time) map[string]bool {
	keep := map[string]bool{}
	for i, b := range list {
		if i < 5 {
			keep[b.Path] = true
		}
	}
	days := map[string]bool{}
	months := map[string]bool{}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	dayLimit := today.AddDate(0, 0, -6)
	monthLimit := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location()).AddDate(0, -11, 0)
	for _, b := range list {
		t := b.Time.In(now.Location())
		if !t.Before(dayLimit) {
			d := t.Format("20060102")
			if !days[d] {
				days[d] = true
				keep[b.Path] = true
			}
		}
		if !t.Before(monthLimit) {
			m := t.Format("200601")
			if !months[m] {
				months[m] = true
				keep[b.Path] = true
			}
		}
	}
	return keep
}

// rotate deletes the backups keepBackups does not keep.
func rotate(dbPath string, opt Options, now time.Time) error {
	list, err := ListBackups(dbPath, opt)
	if err != nil {
		return err
	}
	keep := keepBackups(list, now)
	for _, b := range list {
		if !keep[b.Path] {
			if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
				return newErr(ErrIO, err, "无法删除过期的备份「%s」（%v）。", b.Path, err)
			}
		}
	}
	return nil
}

// Restore replaces the database at dbPath with the backup at backupPath.
// It refuses while another copy of the program has the database open. The
// current db, -wal and -shm files are moved aside together (named
// <db>.replaced-YYYYMMDD-HHMMSS…), then the backup is copied in (temp file,
// fsync, rename).
func Restore(ctx context.Context, dbPath, backupPath string) error {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return newErr(ErrIO, err, "无法确定数据库文件「%s」的位置（%v）。", dbPath, err)
	}
	abs = resolveLinks(abs) // restore the file, not the symlink to it
	if isUNCPath(dbPath) || onNetworkDrive(filepath.Dir(abs)) {
		return networkErr(abs)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return newErr(ErrIsDir, nil, "「%s」是一个文件夹，不是数据库文件。请指定数据库文件的位置。", abs)
	}
	if err := CheckBackup(ctx, backupPath); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return newErr(ErrIO, err, "无法创建数据库所在的文件夹「%s」（%v）。", filepath.Dir(abs), err)
	}
	lock := newLock(abs)
	ok, err := lock.TryLock()
	if err != nil {
		return newErr(ErrIO, err, "无法创建锁文件「%s」（%v）。请检查文件夹是否可写。", abs+".lock", err)
	}
	if !ok {
		return newErr(ErrLocked, nil, "数据库正被另一个年报程序使用（%s），不能恢复备份。请先关闭所有年报程序窗口，再恢复。", abs)
	}
	defer func() { lock.Unlock(); lock.Close() }()
	if fileExists(abs) {
		release, ok := lockIdentity(abs)
		if !ok {
			return newErr(ErrLocked, nil, "数据库正被另一个年报程序使用（%s，可能是通过别的文件名或链接打开的），不能恢复备份。请先关闭所有年报程序窗口，再恢复。", abs)
		}
		defer release()
	}

	dir := filepath.Dir(abs)
	aside := abs + ".replaced-" + time.Now().Format(backupStamp)
	for i := 2; fileExists(aside); i++ {
		aside = fmt.Sprintf("%s.replaced-%s_%d", abs, time.Now().Format(backupStamp), i)
	}
	tmp := restoreTempPath(abs)
	removeTemp := func() {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(tmp + suffix)
		}
	}
	removeTemp()
	if err := copyWithWAL(ctx, backupPath, tmp); err != nil {
		removeTemp()
		return newErr(ErrIO, err, "复制备份「%s」失败（%v）。请检查磁盘空间后重试。", backupPath, err)
	}
	if err := CheckBackup(ctx, tmp); err != nil {
		removeTemp()
		return newErr(ErrIO, err, "复制出的备份没有通过检查（%v），数据库没有被改动。请检查磁盘后重试。", err)
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Rename(abs+suffix, aside+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			removeTemp()
			return newErr(ErrIO, err, "无法把当前数据库移到一旁（%v）。数据库没有被改动。", err)
		}
	}
	if err := os.Rename(tmp, abs); err != nil {
		return newErr(ErrIO, err, "无法放入备份（%v）。原数据库已移到「%s」，可以手动改回原名。", err, aside)
	}
	syncDir(dir)
	return nil
}

// copyWithWAL copies the database at src to a new file dst with what its
// -wal holds (the saves since its last checkpoint; the main file alone would
// lose them): the -wal is copied beside dst and checkpointed into it, so the
// source, which may be on a read-only stick, is only read.
func copyWithWAL(ctx context.Context, src, dst string) error {
	if err := copyFile(src, dst); err != nil {
		return err
	}
	fi, err := os.Stat(src + "-wal")
	if err != nil || fi.Size() == 0 {
		return nil
	}
	if err := copyFile(src+"-wal", dst+"-wal"); err != nil {
		return err
	}
	d, err := openPool(fileURI(dst, "_pragma=busy_timeout(5000)&_pragma=synchronous(FULL)"))
	if err != nil {
		return err
	}
	var busy, logFrames, done int
	err = d.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done)
	if err == nil && busy != 0 {
		err = fmt.Errorf("wal checkpoint incomplete (%d of %d frames)", done, logFrames)
	}
	if err == nil {
		_, err = d.ExecContext(ctx, "PRAGMA journal_mode=DELETE")
	}
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	os.Remove(dst + "-wal")
	os.Remove(dst + "-shm")
	return syncFile(dst)
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir flushes a folder's entries (a rename) to disk where the OS
// allows it.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// copyFile copies src to a new file dst with mode 0600 and fsyncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// IntegrityCheck runs the full PRAGMA integrity_check (slower than the
// quick_check at open: it also verifies indexes against their tables) and
// returns ErrCorrupt, naming the newest good backup, when it finds damage.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return ioErr("检查数据库", err)
	}
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return ioErr("检查数据库", err)
		}
		msgs = append(msgs, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return ioErr("检查数据库", err)
	}
	if len(msgs) == 1 && msgs[0] == "ok" {
		return nil
	}
	return s.corruptErr(ctx, strings.Join(msgs, "; "))
}
