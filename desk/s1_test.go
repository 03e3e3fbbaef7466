package desk

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"nianbao/model"
)

// s1Count is the number of S1 findings naming request year/serial.
func s1Count(fs []model.Finding, year, serial int) int {
	n := 0
	for _, f := range fs {
		if f.Rule == "S1" && strings.Contains(f.Message, fmt.Sprintf("%d年第 %d 号", year, serial)) {
			n++
		}
	}
	return n
}

// saveApplicant2019 stores a request of 2019 answered that year (so in
// the organ's log, not in 2021's) with personal values p.
func saveApplicant2019(t *testing.T, st *Store, organID int64, p model.Personal) model.Request {
	t.Helper()
	q := model.Request{OrganID: organID, Received: model.NewDate(2019, 3, 1), Applicant: model.NaturalPerson, Summary: "申请公开低保名单",
		Outcome: model.RowDisclosed, Answered: model.NewDate(2019, 3, 12), Personal: p}
	if err := st.SaveRequest(context.Background(), &q); err != nil {
		t.Fatal(err)
	}
	return q
}

// TestS1FollowsTheOpenedYear: the workstation's snapshot of a year runs
// rule S1 again after each change to a public text, whether made in memory
// (Edit, WithSectionBlocks: the narrative editor, the preamble, the
// organ's profile the preamble is written from) or saved and read back
// (WithParts: a paragraph, a measure), and finds an applicant of another
// year of the organ by a name of two characters, a dashed phone, an ID
// number in full width, an address; each snapshot's findings are those of
// a full check of it, and the saved ones those of a fresh open and of
// CheckYear (whose index keeps only what may occur in the texts).
func TestS1FollowsTheOpenedYear(t *testing.T) {
	ctx := context.Background()
	st, cal, o := demoOrgan(t)
	p := model.Personal{Name: "李娜", Phone: "0470-8123456", IDNumber: "15072419850612431X", Address: "巴彦托海镇团结路6号院2单元"}
	q := saveApplicant2019(t, st, o.ID, p)
	y, err := st.OpenYear(ctx, o.ID, 2021, cal, snapToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range y.OrganYear().Requests {
		if x.ID == q.ID {
			t.Fatal("the 2019 applicant is in 2021's log")
		}
	}
	if n := s1Count(y.Findings(), q.Year, q.Serial); n != 0 {
		t.Fatalf("%d S1 findings before any text names the applicant", n)
	}
	step := func(at string, n *Year, want int) *Year {
		t.Helper()
		if full := model.Check(n.OrganYear(), cal, snapToday); !reflect.DeepEqual(n.Findings(), full) {
			t.Fatalf("%s: the snapshot's findings differ from a full check of it:\n got %v\nwant %v", at, n.Findings(), full)
		}
		if got := s1Count(n.Findings(), q.Year, q.Serial); got != want {
			t.Fatalf("%s: %d S1 findings naming %d年第 %d 号, want %d", at, got, q.Year, q.Serial, want)
		}
		return n
	}
	saved := func(at string, n *Year) {
		t.Helper()
		fresh, err := st.OpenYear(ctx, o.ID, 2021, cal, snapToday)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(n.Findings(), fresh.Findings()) {
			t.Fatalf("%s: findings differ from a fresh open:\n got %v\nwant %v", at, n.Findings(), fresh.Findings())
		}
		_, checked, err := st.CheckYear(ctx, o.ID, 2021, cal, snapToday)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(checked, fresh.Findings()) {
			t.Fatalf("%s: CheckYear finds\n%v\na fresh open\n%v", at, checked, fresh.Findings())
		}
	}

	// In memory, as the editors make the next snapshot before the save
	// is read back.
	bs := append(y.Report().SectionBlocks(2), model.Block{Section: 2, Pos: 99, Kind: model.BlockParagraph, Text: "经与李娜沟通，已答复。"})
	e := step("a paragraph names the applicant", y.WithSectionBlocks(2, bs), 1)
	e = step("the preamble gives the phone spaced", e.Edit(func(oy *model.OrganYear) {
		oy.Report.Preamble.Text = "咨询电话：0470 812 3456。"
	}), 2)
	e = step("a paragraph gives the ID number in full width", e.Edit(func(oy *model.OrganYear) {
		for i := range oy.Report.Blocks {
			if b := &oy.Report.Blocks[i]; b.Section == 6 && b.Kind == model.BlockParagraph {
				b.Text += "证件号１５０７２４１９８５０６１２４３１ｘ。"
				break
			}
		}
	}), 3)
	step("the texts cleaned again", e.Edit(func(oy *model.OrganYear) {
		*oy.Report = *y.Report()
		oy.Report.Blocks = append([]model.Block(nil), y.Report().Blocks...)
	}), 0)
	step("the organ's address, printed in the written preamble, is the applicant's", y.Edit(func(oy *model.OrganYear) {
		oy.Report.Preamble.Text = ""
		oy.Organ.Address = "巴彦托海镇团结路6号院2单元"
	}), 1)

	// Saved and read back, as the workstation follows its saves.
	r, err := st.Report(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	b := model.Block{Section: 3, Pos: 99, Kind: model.BlockParagraph, Text: "申请人李\n娜的申请已按期答复。"}
	if err := st.SaveBlock(ctx, r.ID, &b); err != nil {
		t.Fatal(err)
	}
	u, err := st.ReadParts(ctx, y, PartsRead{Parts: PartReport})
	if err != nil {
		t.Fatal(err)
	}
	y = step("a saved paragraph names the applicant across a line break", y.WithParts(u), 1)
	saved("a saved paragraph", y)
	m := model.Measure{OrganID: o.ID, Year: 2021, Problem: "个别申请答复超期", Measure: "加强督办",
		Responsible: "巴彦托海镇团结路 6 号院 2 单元", Status: model.MeasureNotStarted, FirstYear: 2021}
	if err := st.SaveMeasure(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if u, err = st.ReadParts(ctx, y, PartsRead{Parts: PartMeasures}); err != nil {
		t.Fatal(err)
	}
	y = step("a saved measure gives the address", y.WithParts(u), 2)
	saved("a saved measure", y)
}

// TestS1SnapshotOfACheckNeverPassesSilently: CheckYear's organ-year keeps
// only the personal values that may occur in its texts as loaded; a
// snapshot made of it and edited (which the workstation never does: it
// opens with OpenYear) cannot find a value it left out, and says so on the
// changed paragraph with an error instead of passing it.
func TestS1SnapshotOfACheckNeverPassesSilently(t *testing.T) {
	ctx := context.Background()
	st, cal, o := demoOrgan(t)
	saveApplicant2019(t, st, o.ID, model.Personal{Name: "李娜"})
	oy, _, err := st.CheckYear(ctx, o.ID, 2021, cal, snapToday)
	if err != nil {
		t.Fatal(err)
	}
	y := Snapshot(oy, cal, snapToday)
	bs := append(y.Report().SectionBlocks(2), model.Block{ID: 990, Section: 2, Pos: 99, Kind: model.BlockParagraph, Text: "经与李娜沟通，已答复。"})
	n := y.WithSectionBlocks(2, bs)
	var at []model.Finding
	for _, f := range n.Findings() {
		if f.Rule == "S1" && f.Severity == model.Error && f.Entry == (model.EntryRef{Kind: model.EntryBlock, ID: 990}) {
			at = append(at, f)
		}
	}
	if len(at) != 1 {
		t.Fatalf("S1 on the paragraph naming an applicant the index left out: %+v", at)
	}
	if n := len(n.Findings()) - len(y.Findings()); n != 1 {
		t.Fatalf("%d findings more after one paragraph was added", n)
	}
}
