package db

import (
	"context"
	"database/sql"

	"nianbao/model"
)

// ImportRequests stores imported log entries of an organ in one
// transaction: all of them or, on any failure, none. Each gets a new ID and,
// when its Serial is 0, the next number of its year.
func (s *Store) ImportRequests(ctx context.Context, organID int64, reqs []model.Request) error {
	err := s.tx(ctx, "导入台账", func(tx *sql.Tx) error {
		ct := newCachedTx(tx)
		defer ct.close()
		for i := range reqs {
			reqs[i].ID, reqs[i].OrganID = 0, organID
			if err := saveRequestTx(ctx, ct, &reqs[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		// Rolled back: nothing was stored, so nothing keeps an ID.
		for i := range reqs {
			reqs[i].ID = 0
		}
	}
	return err
}
