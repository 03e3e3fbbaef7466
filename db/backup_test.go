package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"nianbao/model"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	now := fixedNow
	opt := Options{NoBackup: true, Now: func() time.Time { return now }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	a := mustOrgan(t, s, "大雁镇人民政府")
	q := model.Request{OrganID: a.ID, Received: model.NewDate(2021, 3, 1), Applicant: model.NaturalPerson,
		Personal: model.Personal{Name: "张三"}}
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	b1, err := s.Backup(ctx)
	if err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if err := CheckBackup(ctx, b1); err != nil {
		t.Fatalf("backup does not pass its check: %v", err)
	}
	mustOrgan(t, s, "伊敏河镇人民政府")
	if err := Restore(ctx, path, b1); KindOf(err) != ErrLocked {
		t.Fatalf("Restore while open: %v", err)
	}
	s.Close()

	list, err := ListBackups(path, opt)
	if err != nil || len(list) != 1 || list[0].Path != b1 || !list[0].Time.Equal(now.Truncate(time.Second)) {
		t.Fatalf("ListBackups = %+v, %v", list, err)
	}
	if err := Restore(ctx, path, b1); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	s, err = Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	organs, _ := s.Organs(ctx)
	if len(organs) != 1 || organs[0].Name != "大雁镇人民政府" {
		t.Fatalf("after restore: %+v", organs)
	}
	got, err := s.Request(ctx, q.ID, true)
	if err != nil || got.Personal.Name != "张三" {
		t.Fatalf("request after restore: %+v, %v", got, err)
	}
	// Restoring onto a new machine: no database there yet.
	fresh := filepath.Join(t.TempDir(), "新电脑", "nianbao.db")
	if err := Restore(ctx, fresh, b1); err != nil {
		t.Fatalf("restore to a fresh location: %v", err)
	}
	s2, err := Open(ctx, fresh, opt)
	if err != nil {
		t.Fatal(err)
	}
	if organs, _ := s2.Organs(ctx); len(organs) != 1 {
		t.Fatalf("fresh restore has %d organs", len(organs))
	}
	s2.Close()
	// A file that is not a good backup is refused before anything moves.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a database at all, not even close to one"), 0o600)
	s.Close()
	if err := Restore(ctx, path, junk); KindOf(err) != ErrNotDatabase {
		t.Fatalf("restore from junk: %v", err)
	}
}

func TestAutomaticBackups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	now := fixedNow
	opt := Options{Now: func() time.Time { return now }, BackupDir: filepath.Join(dir, "bk")}
	count := func() int {
		l, err := ListBackups(path, opt)
		if err != nil {
			t.Fatal(err)
		}
		return len(l)
	}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if count() != 0 {
		t.Fatalf("backup of a new empty database")
	}
	s.Close()
	if count() != 0 {
		t.Fatalf("backup at Close though nothing was saved")
	}
	s, err = Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	mustOrgan(t, s, "大雁镇人民政府")
	now = now.Add(time.Hour)
	s.Close() // saved something: backup at clean exit
	if count() != 1 {
		t.Fatalf("no backup at Close: %d", count())
	}
	now = now.Add(time.Hour)
	s, err = Open(ctx, path, opt) // newest is an hour old: none at open
	if err != nil {
		t.Fatal(err)
	}
	s.Close() // nothing saved: none at close
	if count() != 1 {
		t.Fatalf("unexpected backups: %d", count())
	}
	now = now.Add(25 * time.Hour)
	s, err = Open(ctx, path, opt) // newest older than a day: backup at open
	if err != nil {
		t.Fatal(err)
	}
	if count() != 2 {
		t.Fatalf("no backup at open after a day: %d", count())
	}
	s.Close()
}

func TestKeepBackups(t *testing.T) {
	now := time.Date(2026, 11, 27, 18, 0, 0, 0, time.Local)
	var list []BackupInfo
	add := func(t time.Time) { list = append(list, BackupInfo{Path: t.Format(backupStamp), Time: t}) }
	// Eight backups today, one a day for the past 20 days, one a month for two years.
	for i := 0; i < 8; i++ {
		add(now.Add(-time.Duration(i) * time.Hour))
	}
	for d := 1; d <= 20; d++ {
		add(now.AddDate(0, 0, -d))
	}
	for m := 1; m <= 24; m++ {
		add(now.AddDate(0, -m, -25))
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Time.After(list[j].Time) })
	keep := keepBackups(list, now)
	var kept []time.Time
	for _, b := range list {
		if keep[b.Path] {
			kept = append(kept, b.Time)
		}
	}
	// Newest five are all kept.
	for i := 0; i < 5; i++ {
		if !keep[list[i].Path] {
			t.Fatalf("newest #%d dropped", i)
		}
	}
	// One per day for the last seven days.
	for d := 1; d <= 6; d++ {
		day := now.AddDate(0, 0, -d).Format("20060102")
		found := 0
		for _, k := range kept {
			if k.Format("20060102") == day {
				found++
			}
		}
		if found != 1 {
			t.Errorf("day %s: %d kept, want 1", day, found)
		}
	}
	// Older than a week but within the month: only a month's newest survives.
	if keep[now.AddDate(0, 0, -15).Format(backupStamp)] && keep[now.AddDate(0, 0, -10).Format(backupStamp)] &&
		now.AddDate(0, 0, -15).Month() == now.AddDate(0, 0, -10).Month() {
		t.Errorf("two backups of one month kept beyond the week")
	}
	// One per month for a year, none older.
	months := map[string]int{}
	for _, k := range kept {
		months[k.Format("200601")]++
	}
	for m := 0; m < 12; m++ {
		if months[now.AddDate(0, -m, 0).Format("200601")] == 0 {
			t.Errorf("month %s has no backup", now.AddDate(0, -m, 0).Format("200601"))
		}
	}
	for _, k := range kept {
		if k.Before(time.Date(2025, 12, 1, 0, 0, 0, 0, time.Local)) {
			t.Errorf("backup from %s kept beyond a year", k)
		}
	}
	if len(kept) > 5+7+12 {
		t.Fatalf("kept %d backups", len(kept))
	}
}

func TestRotationDeletesFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	now := fixedNow
	opt := Options{NoBackup: true, Now: func() time.Time { return now }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustOrgan(t, s, "大雁镇人民政府")
	// Thirty backups, one every 10 minutes on the same day.
	for i := 0; i < 30; i++ {
		if _, err := s.Backup(ctx); err != nil {
			t.Fatal(err)
		}
		now = now.Add(10 * time.Minute)
	}
	list, _ := ListBackups(path, opt)
	if len(list) != 5 {
		names := []string{}
		for _, b := range list {
			names = append(names, filepath.Base(b.Path))
		}
		t.Fatalf("after 30 same-day backups %d remain: %v", len(list), names)
	}
	// Another database in the same folder keeps its own backups apart.
	other := filepath.Join(dir, "other.db")
	if l, _ := ListBackups(other, opt); len(l) != 0 {
		t.Fatalf("backups of another db listed: %d", len(l))
	}
	// Two backups in the same second get distinct names.
	a, err1 := s.Backup(ctx)
	b, err2 := s.Backup(ctx)
	if err1 != nil || err2 != nil || a == b {
		t.Fatalf("same-second backups: %s %s %v %v", a, b, err1, err2)
	}
	if fmt.Sprint(filepath.Dir(a)) != filepath.Join(dir, "备份") {
		t.Fatalf("default backup dir: %s", filepath.Dir(a))
	}
}
