package summary

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/export"
	"nianbao/model"
)

// townships are n records of organs as the folder reader makes them, each
// with figures of its own in every cell, so that the workbook does not
// compress to nothing.
func townships(n int) []record {
	f := model.FormatForYear(2021)
	recs := make([]record, n)
	for i := range recs {
		v := model.Values{}
		for j, c := range f.AllCells() {
			v[c] = int64((i*7919 + j*104729) % 100003)
		}
		recs[i] = record{Class: classInput, Name: fmt.Sprintf("第%05d镇人民政府", i+1), File: fmt.Sprintf("b%05d.json", i),
			Level: model.LevelTownship, Year: 2021, FormatID: f.ID, Row: model.PackRow(f, v)}
	}
	return recs
}

// fillRecords aggregates records as if the folder reader had made them,
// without writing the workbook.
func fillRecords(t *testing.T, year int, recs []record, expected []string) *Aggregation {
	t.Helper()
	a := &Aggregation{tmp: t.TempDir()}
	err := a.fill(year, expected, func(add func(record) error) error {
		for _, r := range recs {
			if err := add(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// fullWriter takes room bytes, then fails as a full stick does.
type fullWriter struct{ room int }

func (w *fullWriter) Write(p []byte) (int, error) {
	if len(p) <= w.room {
		w.room -= len(p)
		return len(p), nil
	}
	n := w.room
	w.room = 0
	return n, &fs.PathError{Op: "write", Path: "/media/U盘/.汇总2021.xlsx.1.tmp", Err: syscall.ENOSPC}
}

// TestWorkbookKeepsTheStickError: a stick that fills up while the
// workbook is written gives an error that still carries ENOSPC, so that
// export.WriteVerifiedFrom says 空间不足 instead of a raw English error.
func TestWorkbookKeepsTheStickError(t *testing.T) {
	a := fillRecords(t, 2021, townships(300), nil)
	for _, room := range []int{0, 16 << 10, 64 << 10} {
		err := a.workbook(&fullWriter{room: room})
		if !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("stick full after %d bytes: error %v, want one that is ENOSPC", room, err)
		}
	}
}

// TestListReadFailureSaidInChinese: an organ list that cannot be read
// back (removed, or cut short, from the system's temporary folder) is
// said in Chinese, when listed and when the workbook is written, and is
// not taken for a stick pulled out.
func TestListReadFailureSaidInChinese(t *testing.T) {
	const want = "汇总时读取临时文件失败（"
	for _, damage := range []struct {
		name string
		do   func(path string) error
	}{
		{"removed", os.Remove},
		{"cut short", func(path string) error {
			st, err := os.Stat(path)
			if err != nil {
				return err
			}
			return os.Truncate(path, st.Size()/2)
		}},
	} {
		t.Run(damage.name, func(t *testing.T) {
			a := fillRecords(t, 2021, townships(50), nil)
			if err := damage.do(a.organs.path); err != nil {
				t.Fatal(err)
			}
			err := a.EachOrgan(func(model.AggregateOrgan) error { return nil })
			if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "。请检查系统盘后重新汇总。") {
				t.Errorf("listing: error %v, want %s…", err, want)
			}
			out := t.TempDir()
			_, err = export.WriteVerifiedFrom(out, FileName(2021), a.workbook)
			var me *export.MediaError
			if !errors.As(err, &me) || me.Kind != export.ErrOther || !strings.HasPrefix(me.Msg, want) {
				t.Errorf("workbook: error %v, want %s…", err, want)
			}
			if ents, _ := os.ReadDir(out); len(ents) != 0 {
				t.Errorf("left in the folder: %v", ents)
			}
		})
	}
	// fn's own error is not a reading error.
	a := fillRecords(t, 2021, townships(3), nil)
	stop := errors.New("stop")
	if err := a.EachOrgan(func(model.AggregateOrgan) error { return stop }); err != stop {
		t.Errorf("fn's error came back as %v", err)
	}
}

// openUnder lists the files this process holds open under dir (Linux's
// /proc/self/fd); the test is skipped where there is no such listing.
func openUnder(t *testing.T, dir string) []string {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd to list open files (%v)", err)
	}
	var open []string
	for _, fd := range fds {
		if p, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.HasPrefix(p, dir+string(filepath.Separator)) {
			open = append(open, p)
		}
	}
	return open
}

// TestFillClosesItsListsOnFailure: when a list cannot be created after
// others were, those are closed (Windows cannot remove an open file, and
// Close removes the folder), and the error is said in Chinese.
func TestFillClosesItsListsOnFailure(t *testing.T) {
	for k := range len(Aggregation{}.files) {
		t.Run(fmt.Sprintf("files%d", k), func(t *testing.T) {
			a := &Aggregation{tmp: t.TempDir()}
			// A folder where the list's file should go: it cannot be created.
			if err := os.Mkdir(filepath.Join(a.tmp, fmt.Sprintf("files%d", k)), 0o700); err != nil {
				t.Fatal(err)
			}
			err := a.fill(2021, nil, func(add func(record) error) error {
				for _, r := range townships(3) {
					if err := add(r); err != nil {
						return err
					}
				}
				return nil
			})
			if err == nil || !strings.HasPrefix(err.Error(), "汇总时写临时文件失败") {
				t.Fatalf("error %v, want 汇总时写临时文件失败…", err)
			}
			if open := openUnder(t, a.tmp); len(open) != 0 {
				t.Errorf("left open: %v", open)
			}
		})
	}
}

// privateTemp points the system's temporary folder at a folder of the
// test's own, so that what an aggregation leaves there is seen and other
// tests' aggregations are not.
func privateTemp(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(v, dir)
	}
	if os.TempDir() != dir {
		t.Skipf("the temporary folder is %s, not %s", os.TempDir(), dir)
	}
	return dir
}

// TestAggregateRemovesStaleFolders: the temporary folders that killed
// aggregations left for more than a day are removed when the next one
// starts; a recent one (an aggregation at work) and other folders stay.
func TestAggregateRemovesStaleFolders(t *testing.T) {
	tmp := privateTemp(t)
	mk := func(name string, age time.Duration) string {
		p := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Join(p, "run0"), 0o700); err != nil {
			t.Fatal(err)
		}
		then := time.Now().Add(-age)
		if err := os.Chtimes(p, then, then); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := mk("nianbao-aggregate-1234", 25*time.Hour)
	recent := mk("nianbao-aggregate-5678", 23*time.Hour)
	other := mk("其他程序-aggregate", 100*time.Hour)

	dir, out := t.TempDir(), t.TempDir()
	write(t, dir, "甲镇.json", encode(t, township("甲镇人民政府", 2021, 1, 0, 0, 1, 0), time.Date(2022, 1, 10, 9, 0, 0, 0, cst)))
	agg, err := Aggregate(context.Background(), dir, 2021, nil, ReadOptions{}, out)
	if err != nil {
		t.Fatal(err)
	}
	if err := agg.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s: %v, want it removed", stale, err)
	}
	for _, p := range []string{recent, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v, want it kept", p, err)
		}
	}
}
