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
	Time time.Time // when it was taken (from its name)
	Size int64
}

const backupStamp = "20060102-150405"

// backupPrefix is the start of every backup name of the database dbPath.
func backupPrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// ListBackups lists the backups of the database at dbPath, newest first.
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
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db")
		if i := strings.LastIndexByte(stamp, '_'); i > 0 { // name-YYYYMMDD-HHMMSS_2.db
			stamp = stamp[:i]
		}
		t, err := time.ParseInLocation(backupStamp, stamp, time.Local)
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, name), Time: t, Size: fi.Size()})
	}
	sort.SliceStable(out, func(i, j int) bool {
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
	dir := s.opt.backupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", newErr(ErrIO, err, "无法创建备份文件夹「%s」（%v）。请检查磁盘空间和权限。", dir, err)
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
	if len(list) > 0 && s.opt.now().Sub(list[0].Time) < 24*time.Hour {
		return nil
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

	dir := filepath.Dir(abs)
	aside := abs + ".replaced-" + time.Now().Format(backupStamp)
	for i := 2; fileExists(aside); i++ {
		aside = fmt.Sprintf("%s.replaced-%s_%d", abs, time.Now().Format(backupStamp), i)
	}
	tmp := filepath.Join(dir, "."+filepath.Base(abs)+".restore.tmp")
	os.Remove(tmp)
	if err := copyFile(backupPath, tmp); err != nil {
		os.Remove(tmp)
		return newErr(ErrIO, err, "复制备份「%s」失败（%v）。请检查磁盘空间后重试。", backupPath, err)
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Rename(abs+suffix, aside+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			os.Remove(tmp)
			return newErr(ErrIO, err, "无法把当前数据库移到一旁（%v）。数据库没有被改动。", err)
		}
	}
	if err := os.Rename(tmp, abs); err != nil {
		return newErr(ErrIO, err, "无法放入备份（%v）。原数据库已移到「%s」，可以手动改回原名。", err, aside)
	}
	syncDir(dir)
	return nil
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
