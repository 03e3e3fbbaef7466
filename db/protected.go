package db

import (
	"context"
	"os"
	"path/filepath"
)

// roMode is the URI mode of a read-only connection to the database at
// path: "mode=ro", or on a write-protected medium (a locked USB stick, a
// read-only mount) "mode=ro&immutable=1", since SQLite cannot create the
// -shm index a WAL database needs there and would fail with "unable to
// open database file". Nothing can write the file there, so immutable is
// true.
func roMode(path string) string {
	if dirWritable(filepath.Dir(path)) {
		return "mode=ro"
	}
	return "mode=ro&immutable=1"
}

// useProtectedMedium prepares a read-only open of a database on a
// write-protected medium: it says so (写保护), and when the -wal beside the
// file holds saves (immutable would not read them) it opens a checkpointed
// copy in the temp folder instead.
func (s *Store) useProtectedMedium(ctx context.Context) error {
	dir := filepath.Dir(s.path)
	s.warn("数据库所在的「" + dir + "」是写保护的（只读），已按只读方式打开，可以查看、检查和导出，不能修改。要修改，请拨开U盘的写保护开关，或把数据库复制到电脑上再打开。")
	fi, err := os.Stat(s.path + "-wal")
	if err != nil || fi.Size() == 0 {
		return nil
	}
	tmp, err := os.MkdirTemp("", "nianbao-readonly-")
	if err != nil {
		return newErr(ErrIO, err, "数据库「%s」在写保护的U盘上，且有未合并的日志文件；无法在临时文件夹中复制一份来读取（%v）。", s.path, err)
	}
	cp := filepath.Join(tmp, filepath.Base(s.path))
	if err := copyWithWAL(ctx, s.path, cp); err != nil {
		os.RemoveAll(tmp)
		return newErr(ErrIO, err, "数据库「%s」在写保护的U盘上，且有未合并的日志文件；复制到临时文件夹时出错（%v）。", s.path, err)
	}
	s.file, s.copyDir = cp, tmp
	return nil
}
