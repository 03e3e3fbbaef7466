package desk

import (
	"context"

	"nianbao/db"
)

// BackupNow copies the database into its backup folder now and lists every
// backup, newest first.
func (s *Store) BackupNow(ctx context.Context) (string, []BackupInfo, error) {
	p, err := s.Backup(ctx)
	if err != nil {
		return "", nil, err
	}
	list, err := db.ListBackups(s.Path(), db.Options{})
	return p, list, err
}

// Restore replaces the database at dbPath (the default one when empty) by
// a backup after checking the backup is sound; the old file is kept aside.
// It returns the database path restored.
func Restore(ctx context.Context, dbPath, backup string) (string, error) {
	if dbPath == "" {
		p, err := db.DefaultPath()
		if err != nil {
			return "", err
		}
		dbPath = p
	}
	return dbPath, db.Restore(ctx, dbPath, backup)
}

// DamagedRows is, once the check behind the start is done, the Chinese
// message naming the records that no longer match their checksums and the
// backup that still holds each as saved ("" when every record matched).
func (s *Store) DamagedRows() string {
	probs := s.RowProblems()
	if len(probs) == 0 {
		return ""
	}
	return db.RowProblemsMessage(s.Path(), probs)
}

// DeepCheck runs the full integrity check and the row checksums. A
// damaged file is an error with the restore command; rows that differ
// from what was saved come back as one Chinese message naming them and the
// backup that still holds the saved values ("" when every row matches).
func (s *Store) DeepCheck(ctx context.Context) (string, error) {
	if err := s.IntegrityCheck(ctx); err != nil {
		return "", RestoreGuide(err, s.Path())
	}
	probs, err := s.VerifyRows(ctx)
	if err != nil {
		return "", err
	}
	if len(probs) > 0 {
		return db.RowProblemsMessage(s.Path(), probs), nil
	}
	return "", nil
}
