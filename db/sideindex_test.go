package db

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"nianbao/model"
)

// PRAGMA data_version, on the load's second connection, changes when
// another connection commits, and only then: the side read of the personal
// values is kept only when it read what the load's own transaction read.
func TestDataVersionSeesAnotherConnectionsCommit(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	dv := s.openDataVersion(ctx)
	if dv == nil {
		t.Fatal("no second connection on a WAL store")
	}
	defer dv.close()
	if _, err := s.reader().QueryContext(ctx, "SELECT count(*) FROM requests"); err != nil {
		t.Fatal(err)
	}
	if !dv.unchanged(ctx) {
		t.Fatal("a read counted as a change")
	}
	q := newRequest(o.ID, model.NewDate(2021, 3, 5), model.NaturalPerson, "申请公开征地补偿标准")
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	if dv.unchanged(ctx) {
		t.Fatal("a save by the store was not seen")
	}
}

// A check's load reads the log on one connection and the personal values
// on another; while another connection saves requests the whole time, each
// load is still one snapshot: every request it read whose applicant's name
// is in the text is named by rule S1 (the values were not read earlier),
// and S1 names no request it did not read (nor later).
func TestLoadToCheckIsOneSnapshotBesideSaves(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	const n = 120
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("申请人%03d号", i)
	}
	r := model.NewReport(o.ID, 2021)
	if err := s.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	for i, name := range names { // S1 names one value per text
		b := model.Block{Section: 3, Pos: 100 + i, Kind: model.BlockParagraph, Text: "来信人" + name + "申请公开征地补偿标准。"}
		if err := s.SaveBlock(ctx, r.ID, &b); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	defer wg.Wait()
	defer close(stop) // a failed load stops the saves before the store closes
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < n; i++ {
			select {
			case <-stop:
				return
			default:
			}
			q := newRequest(o.ID, model.NewDate(2021, 1+i%12, 1+i%28), model.NaturalPerson, "申请公开征地补偿标准")
			q.Personal.Name = names[i]
			if err := s.SaveRequest(ctx, &q); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	loads := 0
	for {
		oy, err := s.LoadOrganYearToCheck(ctx, o.ID, 2021)
		if err != nil {
			t.Fatal(err)
		}
		loads++
		named := 0
		for _, f := range model.Check(oy, nil, 0) {
			if f.Rule == "S1" {
				named++
			}
		}
		if named != len(oy.Requests) {
			t.Fatalf("load %d read %d requests, S1 names %d: the personal values were read from another snapshot", loads, len(oy.Requests), named)
		}
		if len(oy.Requests) == n {
			break
		}
	}
	if loads < 3 {
		t.Fatalf("only %d loads ran beside the saves", loads)
	}
}

// Writes counts every committed write, a transaction or a one-statement
// save, and nothing else: a read ahead of a screen compares it.
func TestWritesCountsCommittedWrites(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	n := s.Writes()
	if n == 0 {
		t.Fatal("the organ's save was not counted")
	}
	q := newRequest(o.ID, model.NewDate(2021, 3, 5), model.NaturalPerson, "申请公开征地补偿标准")
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	if s.Writes() <= n {
		t.Fatal("SaveRequest was not counted")
	}
	n = s.Writes()
	q.Summary = "申请公开征地补偿标准及依据"
	if err := s.SaveRequestField(ctx, &q, FieldSummary); err != nil {
		t.Fatal(err)
	}
	if s.Writes() <= n {
		t.Fatal("SaveRequestField (one statement) was not counted")
	}
	n = s.Writes()
	if _, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Year: 2021}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CountRequests(ctx, RequestQuery{OrganID: o.ID, Year: 2021}); err != nil {
		t.Fatal(err)
	}
	if s.Writes() != n {
		t.Fatal("a read was counted as a write")
	}
	if _, err := s.DeleteRequest(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	if s.Writes() <= n {
		t.Fatal("DeleteRequest was not counted")
	}
}
