package db

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	sqlite3 "modernc.org/sqlite/lib"
)

// walWatch remembers which file is the database's -wal, so a -wal deleted
// or replaced while the store is open (a cleaning tool, a clerk tidying the
// folder) is noticed before the next save is acknowledged. SQLite keeps
// writing into the deleted file through its open handle; a kill then loses
// every save since the last checkpoint, and the next start does not know.
type walWatch struct {
	mu sync.Mutex
	fi os.FileInfo
}

// recordWAL notes the current -wal file (WAL mode only).
func (s *Store) recordWAL() {
	if s.journal != "wal" {
		return
	}
	fi, err := os.Stat(s.path + "-wal")
	s.wal.mu.Lock()
	if err == nil {
		s.wal.fi = fi
	}
	s.wal.mu.Unlock()
}

// walGone reports whether the -wal noted by recordWAL is no longer the file
// under its name.
func (s *Store) walGone() bool {
	if s.journal != "wal" {
		return false
	}
	s.wal.mu.Lock()
	known := s.wal.fi
	s.wal.mu.Unlock()
	if known == nil {
		s.recordWAL()
		return false
	}
	fi, err := os.Stat(s.path + "-wal")
	return err != nil || !os.SameFile(fi, known)
}

// recoverWAL makes what the lost -wal held durable and starts a new one:
// a checkpoint copies it (still readable through SQLite's open handle) into
// the database file, then the connections are reopened so that they write
// to a new -wal. It returns an ErrWALLost error only when that failed.
func (s *Store) recoverWAL(ctx context.Context) error {
	name := filepath.Base(s.path) + "-wal"
	var busy, logFrames, done int
	err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done)
	if err == nil && busy != 0 {
		err = os.ErrDeadlineExceeded
	}
	if err != nil {
		return newErr(ErrWALLost, err, "数据库旁的日志文件「%s」在程序运行时被删除或替换了（可能是杀毒或清理软件）。刚才这一项没有保存，此前的修改也没能写回数据库文件（%v）。请不要关闭程序，先用「备份」另存一份，再检查磁盘。", name, err)
	}
	// Long reads get a connection of their own each time from now on, so
	// none keeps reading the deleted file.
	s.readOnce.Do(func() {})
	if s.rdb != nil {
		s.rdb.SetMaxIdleConns(0)
	}
	s.db.SetMaxIdleConns(0)
	c, err := s.db.Conn(ctx) // the old connection is closed on its release; this one is new
	if err == nil {
		var uv int
		err = c.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv)
		s.db.SetMaxIdleConns(1)
		c.Close()
	} else {
		s.db.SetMaxIdleConns(1)
	}
	s.wal.mu.Lock()
	s.wal.fi = nil
	s.wal.mu.Unlock()
	s.recordWAL()
	if err != nil {
		return newErr(ErrWALLost, err, "数据库旁的日志文件「%s」在程序运行时被删除或替换了。此前的修改已写回数据库文件，但无法重新打开数据库（%v）。请关闭程序后重新打开。", name, err)
	}
	return nil
}

// walLostErr tells the clerk that the -wal disappeared, that what was saved
// is safe, and that the save just asked for was not made.
func walLostErr(dbPath string) error {
	return newErr(ErrWALLost, nil, "数据库旁的日志文件「%s」在程序运行时被删除或替换了（可能是杀毒或清理软件）。此前保存的修改已写回数据库文件，没有丢失；刚才这一项没有保存，请再保存一次。", filepath.Base(dbPath)+"-wal")
}

// walDeletedUnderWriter reports, after a reader got an I/O error, whether
// the database at path looks like one whose -wal was deleted while a copy
// of the program had it open: the -shm index is there (a writer keeps it)
// but the -wal it indexes is not, or is an empty file (a reader's open
// makes a new one). SQLite then answers every reader with a short-read
// I/O error, which would otherwise be explained as a pulled USB stick.
func walDeletedUnderWriter(path string) bool {
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 || err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	_, err := os.Stat(path + "-shm")
	return err == nil
}

// walDeletedReadErr is what a reader (check, info, export) is told when
// walDeletedUnderWriter holds.
func walDeletedReadErr(path string, err error) error {
	return newErr(ErrWALLost, err, "数据库「%s」旁的日志文件「%s」不见了，而另一个年报程序正开着这个数据库（日志文件可能被杀毒或清理软件删除了）。最近保存的修改此时只在那个程序里，这里读不到；这不是U盘或磁盘的问题。请回到正在运行的年报程序再保存一次（它会发现日志文件丢失，把修改写回数据库文件），或正常退出它，然后再运行本命令。", path, filepath.Base(path)+"-wal")
}

// ExplainRead turns a read's I/O error into the deleted--wal message when
// that is its cause: a reader opened beside a writer whose -wal was
// deleted may open fine and fail only at a later read, whose ioErr
// message would otherwise blame a pulled stick.
func (s *Store) ExplainRead(err error) error {
	if err == nil || !s.opt.ReadOnly {
		return err
	}
	if sqliteCode(err) == sqlite3.SQLITE_IOERR && walDeletedUnderWriter(s.path) {
		return walDeletedReadErr(s.path, err)
	}
	return err
}
