package db

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"nianbao/model"
)

// TestConcurrentUse mimics the workstation: commands run in their own
// goroutines, saving and reading at once through the one connection.
// Nothing deadlocks, nothing fails, every save is there afterwards.
func TestConcurrentUse(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	r := model.NewReport(o.ID, 2021)
	if err := s.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	const workers, each = 6, 40
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				var err error
				switch (w + i) % 4 {
				case 0:
					q := model.Request{OrganID: o.ID, Received: model.NewDate(2021, 1+i%12, 1+w), Applicant: model.NaturalPerson,
						Summary: fmt.Sprintf("并发%d-%d", w, i), Personal: model.Personal{Name: "张三"}}
					err = s.SaveRequest(ctx, &q)
				case 1:
					_, err = s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Year: 2021, Limit: 20})
				case 2:
					_, err = s.LoadOrganYear(ctx, o.ID, 2021, true)
				case 3:
					err = s.SetValue(ctx, r.ID, model.Addr(model.TableS2Item5, model.RowLicensing, "decisions"), int64(w*1000+i))
				}
				if err != nil {
					errs <- err
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	saved := 0
	for w := 0; w < workers; w++ {
		for i := 0; i < each; i++ {
			if (w+i)%4 == 0 {
				saved++
			}
		}
	}
	n, err := s.CountRequests(ctx, RequestQuery{OrganID: o.ID})
	if err != nil || n != saved {
		t.Fatalf("%d requests stored, %d saved (%v)", n, saved, err)
	}
	// Serials were handed out without a gap or a duplicate.
	page, _ := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Year: 2021})
	for i, q := range page {
		if q.Serial != i+1 {
			t.Fatalf("serial %d at position %d", q.Serial, i)
		}
	}
}

// TestCancelledContext: a cancelled save returns the context's error and
// leaves the store usable.
func TestCancelledContext(t *testing.T) {
	s, _ := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	o := model.Organ{Name: "大雁镇人民政府"}
	if err := s.SaveOrgan(ctx, &o); err == nil || KindOf(err) != 0 {
		t.Fatalf("cancelled save: %v (kind %v)", err, KindOf(err))
	}
	if err := s.SaveOrgan(context.Background(), &o); err != nil {
		t.Fatalf("store unusable after a cancelled save: %v", err)
	}
	if list, _ := s.Organs(context.Background()); len(list) != 1 {
		t.Fatalf("organs: %d", len(list))
	}
}
