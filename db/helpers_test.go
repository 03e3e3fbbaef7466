package db

import (
	"context"
	"errors"
)

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// forceRollbackJournal stands in for probeWAL on a folder where WAL cannot
// work: the database is put in DELETE journal mode and Open uses it with
// synchronous FULL.
func forceRollbackJournal(ctx context.Context, path string) (string, error) {
	d, err := openPool(fileURI(path, "_pragma=busy_timeout(5000)"))
	if err != nil {
		return "", err
	}
	defer d.Close()
	var mode string
	if err := d.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode); err != nil {
		return "", err
	}
	return "delete", nil
}
