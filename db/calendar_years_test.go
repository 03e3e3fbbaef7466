package db

import (
	"context"
	"testing"
)

// TestCalendarYearComplete: a year with one day entered is not known; the
// clerk's mark, saved, makes it known on the next load, and taking the mark
// back makes it unknown again.
func TestCalendarYearComplete(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	if err := s.SaveCalendarDay(ctx, CalendarDay{Date: 20270101, Name: "元旦"}); err != nil {
		t.Fatal(err)
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cal.KnownYear(2027) {
		t.Fatal("2027 known with one day entered")
	}
	if err := s.SetCalendarYearComplete(ctx, 2027, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCalendarYearComplete(ctx, 2027, true); err != nil {
		t.Fatalf("marking twice: %v", err)
	}
	if cal, _ = s.Calendar(ctx); !cal.KnownYear(2027) || !cal.MarkedComplete(2027) {
		t.Fatal("2027 not known after the mark was saved")
	}
	if err := s.SetCalendarYearComplete(ctx, 2027, false); err != nil {
		t.Fatal(err)
	}
	if cal, _ = s.Calendar(ctx); cal.KnownYear(2027) {
		t.Fatal("2027 still known after the mark was taken back")
	}
	if err := s.SetCalendarYearComplete(ctx, 99999, true); err == nil {
		t.Fatal("a year out of range was accepted")
	}
}
