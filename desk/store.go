package desk

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"

	"nianbao/db"
	"nianbao/model"
)

// Store is the use cases over one open database. It embeds the SQLite
// store: saving one field or one entry is the store's own method.
type Store struct {
	*db.Store
	// logMoves counts writes that may move a log entry to another year,
	// add or drop one (see ReadLogUpdate).
	logMoves atomic.Int64
}

// Open opens the database at path, or the default one when path is empty.
// Its errors are Chinese sentences for the clerk; a damaged database that
// has a good backup gets the exact restore command in its error.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if path == "" {
		p, err := db.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	st, err := db.Open(ctx, path, opt)
	if err != nil {
		var e *db.Error
		if errors.As(err, &e) {
			return nil, RestoreGuide(err, path)
		}
		return nil, fmt.Errorf("无法打开数据库「%s」（%v）。请检查文件是否存在、是否有权限读取。", path, err)
	}
	return Wrap(st), nil
}

// Wrap gives the use cases over a store opened elsewhere (Open, tests).
func Wrap(st *db.Store) *Store { return &Store{Store: st} }

// RestoreGuide adds the exact restore command to the error of a damaged
// database that has a good backup; other errors are returned as they are.
func RestoreGuide(err error, path string) error {
	var e *db.Error
	if errors.As(err, &e) && e.Kind == db.ErrCorrupt && e.Backup != "" {
		g := *e
		g.Msg += fmt.Sprintf("\n恢复方法：关闭所有年报程序窗口，然后运行\n  nianbao restore --from \"%s\" --db \"%s\"", e.Backup, path)
		return &g
	}
	return err
}

// CorruptBackup tells whether err is a damaged database and names the
// newest good backup ("" when there is none).
func CorruptBackup(err error) (backup string, corrupt bool) {
	var e *db.Error
	if errors.As(err, &e) && e.Kind == db.ErrCorrupt {
		return e.Backup, true
	}
	return "", false
}

// FindOrgan finds an organ by its exact name. An unknown organ is a
// Chinese error naming the organs that exist.
func (s *Store) FindOrgan(ctx context.Context, name string) (model.Organ, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return model.Organ{}, errors.New("没有指定单位。请用 --organ 给出单位名称。")
	}
	o, err := s.OrganByName(ctx, name)
	if err == nil {
		return o, nil
	}
	if db.KindOf(err) != db.ErrNotFound {
		return model.Organ{}, err
	}
	organs, err := s.Organs(ctx)
	if err != nil || len(organs) == 0 {
		return model.Organ{}, fmt.Errorf("数据库中没有单位「%s」，数据库里还没有任何单位。可先运行 nianbao demo 创建演示数据，或在工作台中新建单位。", name)
	}
	names := make([]string, len(organs))
	for i, o := range organs {
		names[i] = o.Name
	}
	return model.Organ{}, fmt.Errorf("数据库中没有单位「%s」。现有的单位：%s。请检查名称是否完全一致。", name, strings.Join(names, "、"))
}

// FindYear finds the organ by name and checks it keeps a report of year;
// an unknown organ or year is a Chinese error naming what exists.
func (s *Store) FindYear(ctx context.Context, name string, year int) (model.Organ, error) {
	o, err := s.FindOrgan(ctx, name)
	if err != nil {
		return o, err
	}
	years, err := s.Years(ctx, o.ID)
	if err != nil {
		return o, err
	}
	for _, y := range years {
		if y == year {
			return o, nil
		}
	}
	if len(years) == 0 {
		return o, fmt.Errorf("单位「%s」还没有任何年度的年报。请先在工作台中新建%d年的年报。", o.Name, year)
	}
	return o, fmt.Errorf("单位「%s」没有%d年的年报。已有的年份：%s。", o.Name, year, joinInts(years, "、"))
}

// KeptYear finds the stored organ of an organ name and whether it keeps a
// report of year (organID 0 when the organ is not stored).
func (s *Store) KeptYear(ctx context.Context, name string, year int) (organID int64, kept bool, err error) {
	o, err := s.OrganByName(ctx, name)
	if err != nil {
		if db.KindOf(err) == db.ErrNotFound {
			return 0, false, nil
		}
		return 0, false, err
	}
	years, err := s.Years(ctx, o.ID)
	if err != nil {
		return 0, false, err
	}
	for _, y := range years {
		if y == year {
			return o.ID, true, nil
		}
	}
	return o.ID, false, nil
}

func joinInts(xs []int, sep string) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, sep)
}
