package db

import (
	"context"
	"fmt"
	"testing"

	"nianbao/model"
)

// TestYearStatuses: the organ's years newest first, each with its report's
// status as Report reads it, and nothing of another organ.
func TestYearStatuses(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	other := mustOrgan(t, s, "伊敏河镇人民政府")
	for _, c := range []struct {
		organ  int64
		year   int
		status model.ReportStatus
	}{
		{o.ID, 2020, model.StatusExported},
		{o.ID, 2022, ""},
		{o.ID, 2021, model.StatusChecked},
		{other.ID, 2023, model.StatusDraft},
	} {
		r := model.NewReport(c.organ, c.year)
		if err := s.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		if c.status != "" {
			r.Status = c.status
			if err := s.SaveReportMeta(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
	}
	years, status, err := s.YearStatuses(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(years) != "[2022 2021 2020]" || len(status) != 3 {
		t.Fatalf("years %v, statuses %v", years, status)
	}
	for _, y := range years {
		r, err := s.Report(ctx, o.ID, y)
		if err != nil {
			t.Fatal(err)
		}
		if status[y] != r.Status {
			t.Errorf("%d: %q, Report says %q", y, status[y], r.Status)
		}
	}
	if status[2020] != model.StatusExported || status[2022] != model.StatusDraft {
		t.Errorf("statuses %v", status)
	}
}
