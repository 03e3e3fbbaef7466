package db

import (
	"context"
	"errors"
	"fmt"

	sqlite3 "modernc.org/sqlite/lib"
)

// ErrKind classifies a store error so callers can react (offer a backup,
// say another copy is running, …) without parsing text.
type ErrKind int

const (
	// ErrLocked: another copy of the program has the database open.
	ErrLocked ErrKind = iota + 1
	// ErrNotDatabase: the file is not an SQLite database.
	ErrNotDatabase
	// ErrNewer: the database comes from a newer version of this program or
	// from another program; it is refused unaltered.
	ErrNewer
	// ErrCorrupt: PRAGMA quick_check found damage.
	ErrCorrupt
	// ErrIsDir: the path names a folder.
	ErrIsDir
	// ErrUnreadable: the file cannot be read (permissions).
	ErrUnreadable
	// ErrNetworkDrive: the path is on a network share.
	ErrNetworkDrive
	// ErrNotFound: the requested entity or file does not exist.
	ErrNotFound
	// ErrInvalid: the entity data is not acceptable (e.g. a duplicate name).
	ErrInvalid
	// ErrIO: reading or writing failed.
	ErrIO
	// ErrWALLost: the -wal file beside the database disappeared while the
	// store was open (a cleaning tool, a clerk); the save was not made, what
	// was saved before has been written into the database file.
	ErrWALLost
)

// String names the kind (for logs and tests, not for the clerk).
func (k ErrKind) String() string {
	switch k {
	case ErrLocked:
		return "locked"
	case ErrNotDatabase:
		return "not-database"
	case ErrNewer:
		return "newer"
	case ErrCorrupt:
		return "corrupt"
	case ErrIsDir:
		return "is-dir"
	case ErrUnreadable:
		return "unreadable"
	case ErrNetworkDrive:
		return "network-drive"
	case ErrNotFound:
		return "not-found"
	case ErrInvalid:
		return "invalid"
	case ErrIO:
		return "io"
	case ErrWALLost:
		return "wal-lost"
	}
	return fmt.Sprintf("ErrKind(%d)", int(k))
}

// Error is every error the store returns for a condition the clerk can see.
// Msg is a complete Chinese sentence saying what is wrong and what to do.
type Error struct {
	Kind ErrKind
	Msg  string
	Err  error
	// Backup is, for ErrCorrupt, the newest backup that passes its own
	// integrity check ("" when there is none).
	Backup string
}

// Error returns the Chinese message.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Is matches another *Error of the same Kind, so errors.Is(err,
// &db.Error{Kind: db.ErrLocked}) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}

// KindOf returns the kind of a store error, or 0 when err is not one.
func KindOf(err error) ErrKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

func newErr(kind ErrKind, err error, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Err: err}
}

// ioErr wraps a failed database operation. Context cancellation passes
// through unchanged; an *Error passes through as is.
func ioErr(what string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT:
		return newErr(ErrCorrupt, err, "%s时发现数据库文件已损坏（%v）。请关闭年报程序，再用“恢复备份”恢复最近一份完好的备份。", what, err)
	case sqlite3.SQLITE_FULL:
		return newErr(ErrIO, err, "%s失败：磁盘已满。请清理磁盘空间后重试，已保存的内容不受影响。", what)
	case sqlite3.SQLITE_READONLY:
		return newErr(ErrIO, err, "%s失败：数据库是以只读方式打开的，或文件不允许写入。请检查文件权限，或以正常方式打开年报程序。", what)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return newErr(ErrLocked, err, "%s失败：数据库正被另一个程序占用。请稍候重试，或关闭其他正在使用该数据库的程序。", what)
	case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN:
		return newErr(ErrIO, err, "%s时读写磁盘出错（%v）。如果数据库在U盘上，请检查U盘是否已拔出，然后重新打开年报程序。", what, err)
	}
	return newErr(ErrIO, err, "%s时数据库读写出错（%v）。请检查磁盘是否已满或已拔出，然后重试。", what, err)
}
