package db

import (
	"context"
	"reflect"
	"testing"

	"nianbao/model"
)

// demoOrganYear builds an organ-year from the 大雁镇 figures.
func demoOrganYear(year int) *model.OrganYear {
	o := model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship, Superior: "鄂温克族自治旗", Office: "大雁镇党政综合办公室"}
	r := model.NewReport(0, year)
	r.Preamble.Basis = "《鄂温克旗政府信息公开工作要点》"
	r.Values[model.Addr(model.TableS2Item1, model.RowNormativeDocs, "made")] = 2
	r.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = 38
	r.Blocks[1].Text = "本镇认真贯彻落实《政府信息公开条例》。"
	r.Acks = []model.Ack{{Rule: "Y1", Target: "s2_5.licensing.decisions", Reason: "审批事项调整"}}
	oy := &model.OrganYear{Organ: o, Report: r}
	mk := func(y, m, d int, a model.ApplicantType, outcome string, answered model.Date, name string) model.Request {
		q := model.Request{Year: y, Received: model.NewDate(y, m, d), Channel: model.ChannelPost, Applicant: a, Summary: "申请公开信息",
			Outcome: outcome, Answered: answered}
		q.Personal = model.Personal{Name: name, Phone: "13900000000"}
		return q
	}
	oy.Requests = []model.Request{
		mk(year, 3, 1, model.NaturalPerson, model.RowDisclosed, model.NewDate(year, 3, 15), "李四"),
		mk(year, 6, 1, model.Business, model.RowPartly, model.NewDate(year, 6, 20), "某公司"),
		mk(year, 12, 29, model.NaturalPerson, "", 0, "王五"),
	}
	oy.Cases = []model.Case{{Year: year, Kind: model.CaseReview, Filed: model.NewDate(year, 5, 5), Result: model.Upheld}}
	oy.Measures = []model.Measure{{Year: year, Problem: "栏目更新不及时", Measure: "专人负责", Status: model.MeasureInProgress}}
	oy.Items = []model.DisclosureItem{{Title: "关于春耕的通知", Published: model.NewDate(year, 4, 1), Category: "通知公告", Channels: []string{"政府网站"}}}
	return oy
}

func TestOrganYearRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)

	prev := demoOrganYear(2020)
	if err := s.SaveOrganYear(ctx, prev, false); err != nil {
		t.Fatalf("SaveOrganYear 2020: %v", err)
	}
	oy := demoOrganYear(2021)
	oy.Organ.Phone = "0470-1111111"
	if err := s.SaveOrganYear(ctx, oy, false); err != nil {
		t.Fatalf("SaveOrganYear 2021: %v", err)
	}
	if oy.Organ.ID != prev.Organ.ID {
		t.Fatalf("organ not matched by name: %d vs %d", oy.Organ.ID, prev.Organ.ID)
	}

	got, err := s.LoadOrganYear(ctx, oy.Organ.ID, 2021, true)
	if err != nil {
		t.Fatalf("LoadOrganYear: %v", err)
	}
	if got.Organ != oy.Organ {
		t.Fatalf("organ: %+v vs %+v", got.Organ, oy.Organ)
	}
	// The expected log: 2020's entry still open at the start of 2021, then 2021's own.
	want := *oy
	want.Requests = append([]model.Request{prev.Requests[2]}, oy.Requests...)
	if !reflect.DeepEqual(model.EffectiveValues(got), model.EffectiveValues(&want)) {
		t.Fatalf("effective values differ:\n got %v\nwant %v", model.EffectiveValues(got), model.EffectiveValues(&want))
	}
	if model.EffectiveValues(got)[model.Addr(model.TableS3, model.RowCarriedIn, string(model.NaturalPerson))] != 1 {
		t.Fatalf("carried-in entry not counted")
	}
	if !reflect.DeepEqual(got.Report.Values, oy.Report.Values) || !reflect.DeepEqual(got.Report.Blocks, oy.Report.Blocks) ||
		!reflect.DeepEqual(got.Report.Acks, oy.Report.Acks) {
		t.Fatalf("report differs")
	}
	// 2021's log holds its own three plus 2020's entry still open at the start.
	if len(got.Requests) != 4 || !reflect.DeepEqual(got.Requests[0], prev.Requests[2]) {
		t.Fatalf("requests: %d, first year %d", len(got.Requests), got.Requests[0].Year)
	}
	if !reflect.DeepEqual(got.Requests[1:], oy.Requests) {
		t.Fatalf("requests differ:\n got %+v\nwant %+v", got.Requests[1:], oy.Requests)
	}
	if !reflect.DeepEqual(got.Cases, oy.Cases) || !reflect.DeepEqual(got.Measures, oy.Measures) || !reflect.DeepEqual(got.Items, oy.Items) {
		t.Fatalf("cases/measures/items differ")
	}
	if got.Prev == nil || got.Prev.Year != 2020 || !reflect.DeepEqual(got.Prev.Values, model.EffectiveValues(prev)) {
		t.Fatalf("Prev = %+v", got.Prev)
	}
	if len(got.Prev.Blocks) != len(prev.Report.Blocks) {
		t.Fatalf("Prev blocks %d", len(got.Prev.Blocks))
	}

	public, err := s.LoadOrganYear(ctx, oy.Organ.ID, 2021, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range public.Requests {
		if !q.Personal.IsZero() {
			t.Fatalf("LoadOrganYear(withPersonal=false) returned personal data %+v", q.Personal)
		}
	}

	// A second import of the same year is refused unless replacing.
	again := demoOrganYear(2021)
	if err := s.SaveOrganYear(ctx, again, false); KindOf(err) != ErrInvalid {
		t.Fatalf("import over existing year: %v", err)
	}
	again.Requests = again.Requests[:1]
	again.Report.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = 40
	if err := s.SaveOrganYear(ctx, again, true); err != nil {
		t.Fatalf("replace: %v", err)
	}
	got, err = s.LoadOrganYear(ctx, oy.Organ.ID, 2021, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Requests) != 2 || got.Report.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] != 40 ||
		len(got.Cases) != 1 || len(got.Items) != 1 {
		t.Fatalf("after replace: %d requests, %d cases, %d items", len(got.Requests), len(got.Cases), len(got.Items))
	}
	// 2020 untouched.
	p, err := s.LoadOrganYear(ctx, oy.Organ.ID, 2020, false)
	if err != nil || len(p.Requests) != 3 || p.Prev != nil {
		t.Fatalf("2020 after replacing 2021: %v", err)
	}
	if _, err := s.LoadOrganYear(ctx, oy.Organ.ID, 2019, false); KindOf(err) != ErrNotFound {
		t.Fatalf("missing year: %v", err)
	}
}
