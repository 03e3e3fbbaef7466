package demo

import (
	"context"

	"nianbao/db"
)

// Load writes the demo organ-years into st, replacing the demo organ's years
// if they are there already; other organs are not touched. Each year is one
// transaction.
func Load(ctx context.Context, st *db.Store) error {
	for _, oy := range Build() {
		if err := st.SaveOrganYear(ctx, oy, true); err != nil {
			return err
		}
	}
	return nil
}

// LoadBulk replaces the bulk organ (BulkOrganName) with n generated requests
// (BulkRequests with seed), one transaction per year.
func LoadBulk(ctx context.Context, st *db.Store, n int, seed uint64) error {
	if old, err := st.OrganByName(ctx, BulkOrganName); err == nil {
		if err := st.DeleteOrgan(ctx, old.ID); err != nil {
			return err
		}
	} else if db.KindOf(err) != db.ErrNotFound {
		return err
	}
	for _, oy := range BulkOrganYears(BulkRequests(n, seed)) {
		if err := st.SaveOrganYear(ctx, oy, true); err != nil {
			return err
		}
	}
	return nil
}
