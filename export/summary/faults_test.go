package summary

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

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
