package db

import (
	"context"
	"os"
	"path/filepath"
	"sync"
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
