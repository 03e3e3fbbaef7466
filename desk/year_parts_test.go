package desk

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"nianbao/model"
)

// TestWithPartsEqualsFreshOpen: after each random save to the cases, the
// measures or the register of 主动公开信息 (a new entry, one field changed,
// a delete, an undo that stores the entry again, an import of several
// items) or to the report (head, modes, a typed cell, a paragraph), with
// saves to the request log in between, the snapshot made by ReadParts +
// WithParts (WithLog for the log) has the report, the lists, findings,
// findings by cell, printed tables, overview, fees and 即将到期 counts of
// a fresh OpenYear of the same organ-year. It runs with table 二（一）
// typed and counted from the register, and with table 四 counted from the
// cases, so that the saves change the printed values and the rules that
// read them.
func TestWithPartsEqualsFreshOpen(t *testing.T) {
	for i, art20 := range []model.TableMode{model.Typed, model.FromLog} {
		t.Run("art20="+string(art20), func(t *testing.T) {
			st := demoDesk(t)
			o, err := st.FindYear(context.Background(), DemoOrganName, 2021)
			if err != nil {
				t.Fatal(err)
			}
			steps := 160
			if testing.Short() {
				steps = 50
			}
			checkRandomPartSaves(t, st, o.ID, 2021, steps, uint64(i+3), art20)
		})
	}
}

// TestWithPartsEqualsFreshOpenBulk is the same on a generated log of 3,000
// requests over five years (the last year's organ-year, which starts with
// no cases, measures or items).
func TestWithPartsEqualsFreshOpenBulk(t *testing.T) {
	steps := 40
	if testing.Short() {
		steps = 15
	}
	st, organID := bulkDesk(t, 3000)
	checkRandomPartSaves(t, st, organID, DemoBulkLastYear, steps, 9, model.FromLog)
}

// partChanges counts what the saves of a run changed, to show the run
// exercised the rules that read the lists.
type partChanges struct {
	c1, b3, s1, values, findings, same int
}

func checkRandomPartSaves(t *testing.T, st *Store, organID int64, year, steps int, seed uint64, art20 model.TableMode) {
	t.Helper()
	ctx := context.Background()
	cal := model.DefaultCalendar()
	today := model.NewDate(year, 11, 20)
	y, err := st.OpenYear(ctx, organID, year, cal, today)
	if err != nil {
		t.Fatal(err)
	}
	r := *y.Report()
	r.Mode4 = model.FromLog
	if err := st.SaveReportMeta(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if err := st.SetArt20Mode(ctx, r.ID, art20); err != nil {
		t.Fatal(err)
	}
	// An applicant's name and phone in the log, for rule S1 to find in a
	// measure's text.
	qs, err := st.RequestsForYear(ctx, organID, year, true)
	if err != nil || len(qs) == 0 {
		t.Fatalf("the demo log of %d: %d entries, %v", year, len(qs), err)
	}
	if err := st.SavePersonal(ctx, qs[0].ID, model.Personal{Name: "欧阳海峰", Phone: "13912345678"}); err != nil {
		t.Fatal(err)
	}
	// Section 五 without text of its own: rule B3 then reads the measures.
	for _, b := range y.Report().SectionBlocks(5) {
		if b.Kind != model.BlockHeading {
			if err := st.DeleteBlock(ctx, b.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if y, err = st.OpenYear(ctx, organID, year, cal, today); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 17))
	var all []model.Request
	for yr := year - 1; yr <= year; yr++ {
		qs, err := st.RequestsForYear(ctx, organID, yr, true)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, qs...)
	}
	var (
		bin     partBin
		deleted []model.Request
		seen    partChanges
	)
	for step := 0; step < steps; step++ {
		before := y
		var what string
		if rng.IntN(8) == 0 {
			ids, w := randomSave(t, st, rng, y, all, &deleted, year)
			u, err := st.ReadLogUpdate(ctx, y, ids)
			if err != nil {
				t.Fatal(err)
			}
			y, what = y.WithLog(u), "log: "+w
		} else {
			kind, w := randomPartSave(t, st, rng, y, &bin)
			if step < 12 {
				// First the measures go one by one, so that section 五
				// is left empty (B3) and filled again.
				if ms, err := st.Measures(ctx, organID, year); err == nil && len(ms) > 0 {
					m, err := st.DeleteMeasure(ctx, ms[0].ID)
					if err != nil {
						t.Fatal(err)
					}
					bin.measures = append(bin.measures, m)
					kind, w = kind.Merge(PartsRead{Parts: PartMeasures}), w+", measure deleted"
				}
			}
			u, err := st.ReadParts(ctx, y, kind)
			if err != nil {
				t.Fatal(err)
			}
			if !u.For(y) {
				t.Fatal("an update read for y is not For(y)")
			}
			y, what = y.WithParts(u), w
		}
		fresh, err := st.OpenYear(ctx, organID, year, cal, today)
		if err != nil {
			t.Fatal(err)
		}
		at := fmt.Sprintf("step %d (%s)", step, what)
		sameYear(t, at, y, fresh)
		sameParts(t, at, y, fresh)
		seen.count(before, y)
	}
	t.Logf("%d saves: C1 changed %d times, B3 %d, S1 %d, printed values %d, findings %d; %d left the snapshot as it was",
		steps, seen.c1, seen.b3, seen.s1, seen.values, seen.findings, seen.same)
	if steps >= 100 && (seen.c1 == 0 || seen.b3 == 0 || seen.s1 == 0 || seen.values == 0) {
		t.Fatalf("the saves did not exercise the rules that read the lists: %+v", seen)
	}
}

func (c *partChanges) count(before, after *Year) {
	if before == after {
		c.same++
		return
	}
	for rule, n := range map[string]*int{"C1": &c.c1, "B3": &c.b3, "S1": &c.s1} {
		if ruleMessages(before.Findings(), rule) != ruleMessages(after.Findings(), rule) {
			*n++
		}
	}
	if !before.run.Values().Equal(after.run.Values()) {
		c.values++
	}
	if !reflect.DeepEqual(before.Findings(), after.Findings()) {
		c.findings++
	}
}

// sameParts compares a snapshot's cases, measures, items and report with
// a fresh open's.
func sameParts(t *testing.T, at string, got, want *Year) {
	t.Helper()
	g, w := got.OrganYear(), want.OrganYear()
	if !reflect.DeepEqual(g.Cases, w.Cases) {
		t.Fatalf("%s: cases differ from a fresh open:\n got %+v\nwant %+v", at, g.Cases, w.Cases)
	}
	if !reflect.DeepEqual(g.Measures, w.Measures) {
		t.Fatalf("%s: measures differ from a fresh open:\n got %+v\nwant %+v", at, g.Measures, w.Measures)
	}
	if !reflect.DeepEqual(g.Items, w.Items) {
		t.Fatalf("%s: items differ from a fresh open (%d vs %d)", at, len(g.Items), len(w.Items))
	}
	if !reflect.DeepEqual(g.Report, w.Report) {
		t.Fatalf("%s: the report differs from a fresh open:\n got %+v\nwant %+v", at, g.Report, w.Report)
	}
}

// partBin holds the entries deleted, for the undo that stores them again.
type partBin struct {
	cases    []model.Case
	measures []model.Measure
	items    []model.DisclosureItem
}

// randomPartSave saves one random change to a list the way the screens
// do (a whole entry per saved field, a delete, an undo, an import) or to
// the report, and returns the part it wrote.
func randomPartSave(t *testing.T, st *Store, rng *rand.Rand, y *Year, bin *partBin) (PartsRead, string) {
	t.Helper()
	ctx := context.Background()
	r := y.Report()
	date := func() model.Date {
		if rng.IntN(8) == 0 {
			return 0
		}
		return model.NewDate(r.Year-rng.IntN(2), 1+rng.IntN(12), 1+rng.IntN(28))
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	op := rng.IntN(5) // 0 new, 1 delete, 2 undo, 3–4 a field
	switch rng.IntN(4) {
	case 3:
		return PartsRead{Parts: randomReportSave(t, st, rng, y)}, "report"
	case 0:
		cs, err := st.Cases(ctx, r.OrganID, r.Year)
		must(err)
		switch {
		case op == 0 || len(cs) == 0:
			c := model.Case{OrganID: r.OrganID, Year: r.Year, Kind: model.CaseKinds[rng.IntN(len(model.CaseKinds))], Filed: date(), Result: model.Pending}
			if rng.IntN(3) == 0 {
				c.Result = "" // as an imported case may come: rule C1
			}
			must(st.SaveCase(ctx, &c))
			return PartsRead{Parts: PartCases}, "new case"
		case op == 1:
			c, err := st.DeleteCase(ctx, cs[rng.IntN(len(cs))].ID)
			must(err)
			bin.cases = append(bin.cases, c)
			return PartsRead{Parts: PartCases}, "case deleted"
		case op == 2 && len(bin.cases) > 0:
			c := bin.cases[len(bin.cases)-1]
			bin.cases = bin.cases[:len(bin.cases)-1]
			c.ID = 0
			must(st.SaveCase(ctx, &c))
			return PartsRead{Parts: PartCases}, "case restored"
		}
		c := cs[rng.IntN(len(cs))]
		switch rng.IntN(4) {
		case 0:
			c.Kind = model.CaseKinds[rng.IntN(len(model.CaseKinds))]
		case 1:
			c.Filed = date()
		case 2:
			c.Result = ""
			if rng.IntN(2) > 0 {
				c.Result = model.CaseResults[rng.IntN(len(model.CaseResults))]
			}
		default:
			c.Summary = fmt.Sprintf("案情%d", rng.IntN(100))
		}
		must(st.SaveCase(ctx, &c))
		return PartsRead{Parts: PartCases}, "case field"
	case 1:
		ms, err := st.Measures(ctx, r.OrganID, r.Year)
		must(err)
		switch {
		case op == 0 || len(ms) == 0:
			m := model.Measure{OrganID: r.OrganID, Year: r.Year, Problem: "问题", Measure: "措施", Status: model.MeasureNotStarted}
			must(st.SaveMeasure(ctx, &m))
			return PartsRead{Parts: PartMeasures}, "new measure"
		case op == 1:
			m, err := st.DeleteMeasure(ctx, ms[rng.IntN(len(ms))].ID)
			must(err)
			bin.measures = append(bin.measures, m)
			return PartsRead{Parts: PartMeasures}, "measure deleted"
		case op == 2 && len(bin.measures) > 0:
			m := bin.measures[len(bin.measures)-1]
			bin.measures = bin.measures[:len(bin.measures)-1]
			m.ID = 0
			must(st.SaveMeasure(ctx, &m))
			return PartsRead{Parts: PartMeasures}, "measure restored"
		}
		m := ms[rng.IntN(len(ms))]
		texts := []string{"", "信息公开栏更新不及时", "已联系欧阳海峰核实", "电话13912345678回访", "完善台账"}
		switch rng.IntN(4) {
		case 0:
			m.Problem = texts[rng.IntN(len(texts))]
		case 1:
			m.Measure = texts[rng.IntN(len(texts))]
		case 2:
			m.Status = model.MeasureStatuses[rng.IntN(len(model.MeasureStatuses))]
		default:
			m.Due = date()
		}
		must(st.SaveMeasure(ctx, &m))
		return PartsRead{Parts: PartMeasures}, "measure field"
	}
	its, err := st.Items(ctx, r.OrganID, r.Year)
	must(err)
	rows := []string{"", model.RowRules, model.RowNormativeDocs}
	actions := []model.Art20Action{model.Art20Issued, model.Art20Repealed}
	item := func() model.DisclosureItem {
		it := model.DisclosureItem{OrganID: r.OrganID, Year: r.Year, Title: fmt.Sprintf("通知%d", rng.IntN(1000)),
			Published: model.NewDate(r.Year, 1+rng.IntN(12), 1+rng.IntN(28)), Category: model.DefaultItemCategories[0],
			Channels: []string{model.DefaultItemChannels[0]}}
		if row := rows[rng.IntN(len(rows))]; row != "" {
			it.Art20Row, it.Art20Action = row, actions[rng.IntN(len(actions))]
		}
		return it
	}
	switch {
	case op == 0 || len(its) == 0:
		if rng.IntN(3) == 0 {
			batch := []model.DisclosureItem{item(), item(), item()}
			must(st.SaveItems(ctx, batch))
			if rng.IntN(2) == 0 {
				return PartsRead{Parts: PartItems}, "items imported, the register read"
			}
			return PartsRead{Parts: PartItems, Items: []int64{batch[0].ID, batch[1].ID, batch[2].ID}}, "items imported, read by id"
		}
		it := item()
		must(st.SaveItem(ctx, &it))
		return PartsRead{Parts: PartItems, Items: []int64{it.ID}}, "new item"
	case op == 1:
		it, err := st.DeleteItem(ctx, its[rng.IntN(len(its))].ID)
		must(err)
		bin.items = append(bin.items, it)
		return PartsRead{Parts: PartItems, Items: []int64{it.ID}}, "item deleted"
	case op == 2 && len(bin.items) > 0:
		it := bin.items[len(bin.items)-1]
		bin.items = bin.items[:len(bin.items)-1]
		it.ID = 0
		must(st.SaveItem(ctx, &it))
		return PartsRead{Parts: PartItems, Items: []int64{it.ID}}, "item restored"
	}
	it := its[rng.IntN(len(its))]
	switch rng.IntN(3) {
	case 0:
		it.Published = model.NewDate(r.Year, 1+rng.IntN(12), 1+rng.IntN(28))
	case 1:
		it.Art20Row, it.Art20Action = "", model.Art20None
		if row := rows[rng.IntN(len(rows))]; row != "" {
			it.Art20Row, it.Art20Action = row, actions[rng.IntN(len(actions))]
		}
	default:
		it.Title = fmt.Sprintf("公告%d", rng.IntN(1000))
	}
	must(st.SaveItem(ctx, &it))
	return PartsRead{Parts: PartItems, Items: []int64{it.ID}}, "item field"
}

// randomReportSave saves one random change to the report as the screens
// do: its head (fees, table modes, date, status), a typed cell, a
// paragraph of text (some naming an applicant, for rule S1).
func randomReportSave(t *testing.T, st *Store, rng *rand.Rand, y *Year) Parts {
	t.Helper()
	ctx := context.Background()
	r, err := st.Report(ctx, y.Report().OrganID, y.Report().Year)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	modes := []model.TableMode{model.FromLog, model.Typed}
	switch rng.IntN(7) {
	case 6:
		// A warning acknowledged, or an acknowledgement taken back.
		if len(r.Acks) > 0 && rng.IntN(2) == 0 {
			a := r.Acks[rng.IntN(len(r.Acks))]
			must(st.DeleteAck(ctx, r.ID, a.Rule, a.Target))
			break
		}
		for _, f := range y.Findings() {
			if f.Severity == model.Warning && !f.Acked && rng.IntN(4) == 0 {
				must(st.SaveAck(ctx, r.ID, model.Ack{Rule: f.Rule, Target: f.Target(), Reason: "已核实"}))
				break
			}
		}
	case 0:
		r.Fees = model.FeeSummary{Notices: rng.IntN(3), Collected: int64(rng.IntN(3)) * 5000}
		must(st.SaveReportMeta(ctx, r))
	case 1:
		r.Mode4 = modes[rng.IntN(2)]
		must(st.SaveReportMeta(ctx, r))
	case 2:
		r.Date = model.NewDate(r.Year+1, 1+rng.IntN(3), 1+rng.IntN(28))
		r.Status = []model.ReportStatus{model.StatusDraft, model.StatusExported}[rng.IntN(2)]
		must(st.SaveReportMeta(ctx, r))
	case 3:
		must(st.SetArt20Mode(ctx, r.ID, []model.TableMode{"", model.FromLog}[rng.IntN(2)]))
	case 4:
		a := model.Addr(model.TableS2Item1, model.RowRules, "issued")
		must(st.SaveCells(ctx, r.ID, model.Values{a: int64(rng.IntN(6))}, nil))
	default:
		texts := []string{"本年度主动公开政府信息12条。", "接待了欧阳海峰的来访。", "本年度新制发规范性文件3件。", ""}
		bs := r.SectionBlocks(2)
		b := model.Block{Section: 2, Pos: len(bs), Kind: model.BlockParagraph}
		for _, x := range bs {
			if x.Kind == model.BlockParagraph && rng.IntN(3) > 0 {
				b = x
				break
			}
		}
		b.Text = texts[rng.IntN(len(texts))]
		must(st.SaveBlock(ctx, r.ID, &b))
	}
	return PartReport
}

// TestPartsReadMerge: a queued read covers both reads; a read of the whole
// register covers any read of single items.
func TestPartsReadMerge(t *testing.T) {
	ids := func(xs ...int64) PartsRead { return PartsRead{Parts: PartItems, Items: xs} }
	for _, c := range []struct {
		a, b, want PartsRead
	}{
		{ids(1), ids(2), ids(1, 2)},
		{ids(1), PartsRead{Parts: PartItems}, PartsRead{Parts: PartItems}},
		{PartsRead{Parts: PartItems}, ids(3), PartsRead{Parts: PartItems}},
		{PartsRead{Parts: PartCases}, ids(4), PartsRead{Parts: PartCases | PartItems, Items: []int64{4}}},
		{PartsRead{Parts: PartCases}, PartsRead{Parts: PartReport}, PartsRead{Parts: PartCases | PartReport}},
	} {
		if got := c.a.Merge(c.b); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%+v merged with %+v = %+v, want %+v", c.a, c.b, got, c.want)
		}
	}
}

// TestEditEqualsFullCheck: after each random Edit as the screens make them
// (a typed cell set, set to 0 or cleared, a paragraph, the profile, the
// report's head, an acknowledgement), the findings equal a full check of
// the edited organ-year, and the printed values its EffectiveValues.
func TestEditEqualsFullCheck(t *testing.T) {
	st := demoDesk(t)
	y := openDemo2021(t, st)
	rng := rand.New(rand.NewPCG(11, 4))
	f := y.Report().Format()
	var cells []model.CellAddress
	for _, tb := range f.Tables {
		if tb.Section == 2 {
			cells = append(cells, tb.Cells()...)
		}
	}
	texts := []string{"", "本年度主动公开政府信息12条。", "接待申请人张三。", "本年度新制发规范性文件3件。"}
	for step := 0; step < 300; step++ {
		var what string
		y = y.Edit(func(oy *model.OrganYear) {
			r := oy.Report
			switch k := rng.IntN(7); k {
			case 0, 1, 2:
				a := cells[rng.IntN(len(cells))]
				switch rng.IntN(3) {
				case 0:
					delete(r.Values, a)
					what = "cell cleared"
				case 1:
					r.Values[a] = 0
					what = "cell 0"
				default:
					r.Values[a] = int64(rng.IntN(9))
					what = "cell"
				}
			case 3:
				i := rng.IntN(len(r.Blocks))
				r.Blocks[i].Text = texts[rng.IntN(len(texts))]
				what = "paragraph"
			case 4:
				oy.Organ.Level = []model.OrganLevel{model.LevelTownship, model.LevelCountyGov}[rng.IntN(2)]
				what = "profile"
			case 5:
				r.Date = model.NewDate(r.Year+1, 1+rng.IntN(3), 1+rng.IntN(28))
				r.Mode4 = []model.TableMode{model.FromLog, model.Typed}[rng.IntN(2)]
				what = "head"
			default:
				fs := y.Findings()
				if fi := fs[rng.IntN(len(fs))]; fi.Severity == model.Warning {
					r.Acks = append(r.Acks, model.Ack{Rule: fi.Rule, Target: fi.Target(), Reason: "核实无误"})
				}
				what = "ack"
			}
		})
		if want := model.Check(y.oy, y.cal, y.today); !reflect.DeepEqual(y.Findings(), want) {
			t.Fatalf("step %d (%s): findings differ from a full check:\n got %v\nwant %v", step, what, y.Findings(), want)
		}
		if want := model.EffectiveValues(y.oy); !reflect.DeepEqual(y.Values(), want) {
			t.Fatalf("step %d (%s): printed values differ from EffectiveValues", step, what)
		}
	}
}
