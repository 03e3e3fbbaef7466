package db

import (
	"os"
	"path/filepath"
	"strings"
)

// resolveLinks returns abs with every symlink resolved (of the file, or of
// its folder when the file does not exist yet), so that two names of one
// file share one lock.
func resolveLinks(abs string) string {
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if r, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(r, filepath.Base(abs))
	}
	return abs
}

// refuseHardLinks refuses a database file that has a second name (a hard
// link): a copy of the program opened through the other name would take
// another lock and write beside this one.
func refuseHardLinks(path string) error {
	n, err := linkCount(path)
	if err != nil || n <= 1 {
		return nil
	}
	return newErr(ErrInvalid, nil, "数据库文件「%s」有 %d 个硬链接（同一个文件有多个名字），两个年报程序可能同时写它而丢失数据。程序没有打开它。请把它复制成一个独立的文件（例如用“复制”“粘贴”），删除其余的名字后再打开。", path, n)
}

// removeStrayTemps deletes the temporary copies a killed backup or restore
// of the database at dbPath left behind: ".<name>-YYYYMMDD-HHMMSS.db.tmp" in
// the backup folder and ".<name>.restore.tmp" (with its -wal/-shm) beside
// the database. The caller holds the database's lock, so no backup or
// restore of it is running. Other databases' files are left alone.
func removeStrayTemps(dbPath string, opt Options) {
	dir := opt.backupDir(dbPath)
	if entries, err := os.ReadDir(dir); err == nil {
		prefix := "." + backupPrefix(dbPath)
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db.tmp") {
				continue
			}
			if _, ok := backupTime(strings.TrimSuffix(name[1:], ".tmp"), backupPrefix(dbPath)); ok {
				os.Remove(filepath.Join(dir, name))
			}
		}
	}
	restoreTmp := restoreTempPath(dbPath)
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(restoreTmp + suffix)
	}
}

// restoreTempPath is where Restore assembles the new database file.
func restoreTempPath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".restore.tmp")
}
