package model

import "testing"

func TestTypedStart(t *testing.T) {
	oy := &OrganYear{Report: NewReport(1, 2021)}
	oy.Requests = []Request{
		{ID: 1, Year: 2021, Serial: 1, Received: 20210301, Applicant: NaturalPerson, Answered: 20210310, Outcome: RowDisclosed},
		{ID: 2, Year: 2021, Serial: 2, Received: 20210401, Applicant: Business},
	}
	v := TypedStart(oy, TableS3)
	if v == nil {
		t.Fatal("no start figures")
	}
	if len(v) != len(oy.Report.Format().Table(TableS3).Cells()) {
		t.Fatalf("%d cells, want every cell of 表三", len(v))
	}
	if v[Addr(TableS3, RowNew, ColTotal)] != 2 || v[Addr(TableS3, RowDisclosed, string(NaturalPerson))] != 1 ||
		v[Addr(TableS3, RowCarriedOut, string(Business))] != 1 {
		t.Fatalf("figures differ from the log: new %d, disclosed %d, carried out %d",
			v[Addr(TableS3, RowNew, ColTotal)], v[Addr(TableS3, RowDisclosed, string(NaturalPerson))], v[Addr(TableS3, RowCarriedOut, string(Business))])
	}
	// Typed figures already there are kept.
	oy.Report.Values[Addr(TableS3, RowNew, ColTotal)] = 5
	if TypedStart(oy, TableS3) != nil {
		t.Fatal("typed figures would be overwritten")
	}
	if TypedStart(oy, "nope") != nil {
		t.Fatal("an unknown table has no start")
	}
}
