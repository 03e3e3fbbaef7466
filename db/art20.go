package db

import (
	"context"
	"database/sql"
	"errors"

	"nianbao/model"
)

// Art20Mode returns where the report's table 二（一） issued/repealed cells
// come from: model.FromLog (computed from flagged disclosure items) or ""
// (typed, the default).
func (s *Store) Art20Mode(ctx context.Context, reportID int64) (model.TableMode, error) {
	var m string
	err := s.db.QueryRowContext(ctx, "SELECT art20_mode FROM reports WHERE id = ?", reportID).Scan(&m)
	if errors.Is(err, sql.ErrNoRows) {
		return "", newErr(ErrNotFound, err, "找不到这份报告（编号 %d），它可能已被删除。", reportID)
	}
	return model.TableMode(m), ioErr("读取报告", err)
}

// SetArt20Mode saves the report's table 二（一） mode: model.FromLog,
// model.Typed or "".
func (s *Store) SetArt20Mode(ctx context.Context, reportID int64, mode model.TableMode) error {
	if mode != "" && mode != model.FromLog && mode != model.Typed {
		return newErr(ErrInvalid, nil, "未知的表二（一）数据来源「%s」。", mode)
	}
	return s.tx(ctx, "保存报告", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE reports SET art20_mode = ? WHERE id = ?", string(mode), reportID)
		if err != nil {
			return err
		}
		return mustAffect(res, "报告", reportID)
	})
}
