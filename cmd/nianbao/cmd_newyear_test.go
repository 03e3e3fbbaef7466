package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/db"
	"nianbao/model"
)

// nyStoreWith2021 creates a database holding one township's 2021 year: two
// requests still open on 31 December (one with personal data), one closed,
// two open measures and one done, and a narrative.
func nyStoreWith2021(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	ctx := context.Background()
	st, err := db.Open(ctx, path, db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := model.NewReport(0, 2021)
	r.Blocks = []model.Block{
		{Section: 1, Pos: 0, Kind: model.BlockHeading, Level: 1, Text: "主动公开"},
		{Section: 1, Pos: 1, Kind: model.BlockParagraph, Text: "2021年全年主动公开政府信息86条。"},
		{Section: 5, Pos: 0, Kind: model.BlockParagraph, Text: "栏目更新不及时。"},
	}
	r.Values[model.Addr(model.TableS2Item1, model.RowNormativeDocs, "in_force")] = 11
	oy := &model.OrganYear{
		Organ:  model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship, Office: "大雁镇政务公开办公室"},
		Report: r,
		Requests: []model.Request{
			{Year: 2021, Serial: 1, Received: model.NewDate(2021, 3, 2), Channel: model.ChannelOnline, Applicant: model.NaturalPerson,
				Outcome: model.RowDisclosed, Answered: model.NewDate(2021, 3, 20)},
			{Year: 2021, Serial: 2, Received: model.NewDate(2021, 12, 20), Channel: model.ChannelPost, Applicant: model.NaturalPerson,
				Summary: "危房改造名单", Personal: model.Personal{Name: "李四", Phone: "13900001111"}},
			{Year: 2021, Serial: 3, Received: model.NewDate(2021, 12, 28), Channel: model.ChannelOnline, Applicant: model.Business,
				Summary: "采购合同", Outcome: model.RowPartly, Answered: model.NewDate(2022, 1, 10)},
		},
		Measures: []model.Measure{
			{Year: 2021, Problem: "栏目更新不及时", Measure: "每月检查一次", Status: model.MeasureInProgress, FirstYear: 2020},
			{Year: 2021, Problem: "解读材料少", Measure: "重要文件同步解读", Status: model.MeasureNotStarted},
			{Year: 2021, Problem: "培训不足", Measure: "组织培训", Status: model.MeasureDone},
		},
	}
	if err := st.SaveOrganYear(ctx, oy, false); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestNewYearCommand(t *testing.T) {
	path := nyStoreWith2021(t)
	var out, errb bytes.Buffer
	code := runNewYear([]string{"--organ", "大雁镇人民政府", "--year", "2022", "--db", path}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"已新建大雁镇人民政府2022年政府信息公开工作年度报告（2021版表格）",
		"2 条上年未办结的申请", "2 条未完成的整改措施", "2 段正文标记为“待更新”", "2021年第2号", "2021年第3号"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	ctx := context.Background()
	st, err := db.Open(ctx, path, db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.OrganByName(ctx, "大雁镇人民政府")
	if err != nil {
		t.Fatal(err)
	}
	oy, err := st.LoadOrganYear(ctx, o.ID, 2022, true)
	if err != nil {
		t.Fatal(err)
	}
	if oy.Report.FormatID != "2021" || len(oy.Measures) != 2 {
		t.Errorf("2022: format %s, %d measures", oy.Report.FormatID, len(oy.Measures))
	}
	v := model.EffectiveValues(oy)
	if got := v.Get(model.Addr(model.TableS3, model.RowCarriedIn, model.ColTotal)); got != 2 {
		t.Errorf("2022 二、上年结转 = %d, want 2", got)
	}
	// Year over year: this year's 上年结转 equals last year's 结转下年度 (Y1).
	for _, f := range model.Check(oy, nil, 0) {
		if f.Rule == "Y1" {
			t.Errorf("new year breaks Y1: %s", f.Message)
		}
	}
	carried := 0
	for _, q := range oy.Requests {
		if q.Year == 2021 {
			carried++
			if q.Serial == 2 && q.Personal.Name != "李四" {
				t.Errorf("carried request lost its personal data: %+v", q.Personal)
			}
		}
	}
	if carried != 2 {
		t.Errorf("2022 shows %d requests from 2021, want 2", carried)
	}
	stale := 0
	for _, b := range oy.Report.Blocks {
		if b.Stale {
			stale++
		}
	}
	if stale != 2 {
		t.Errorf("%d stale paragraphs stored, want 2", stale)
	}
	if oy.Prev == nil || oy.Prev.Values.Get(model.Addr(model.TableS2Item1, model.RowNormativeDocs, "in_force")) != 11 {
		t.Errorf("last year's 现行有效件数 not reachable: %+v", oy.Prev)
	}
	// The 2021 log is unchanged: still three entries.
	prev, err := st.LoadOrganYear(ctx, o.ID, 2021, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(prev.Requests) != 3 {
		t.Errorf("2021 has %d requests after newyear, want 3", len(prev.Requests))
	}
	st.Close()

	// A second time the year exists: refused, nothing changed.
	out.Reset()
	errb.Reset()
	code = runNewYear([]string{"--organ", "大雁镇人民政府", "--year", "2022", "--db", path}, &out, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "已经有2022年的年报") {
		t.Errorf("second newyear: exit %d, %s", code, errb.String())
	}
}

func TestNewYearCommandErrors(t *testing.T) {
	path := nyStoreWith2021(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--organ", "大雁镇人民政府", "--db", path}, "请同时给出"},
		{[]string{"--organ", "大雁镇人民政府", "--year", "2018", "--db", path}, "从2019年度开始"},
		{[]string{"--organ", "巴彦镇", "--year", "2022", "--db", path}, "数据库中没有单位「巴彦镇」"},
		{[]string{"--organ", "大雁镇人民政府", "--year", "2020", "--db", path}, "没有2020年以前的年报可以沿用"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		if code := runNewYear(c.args, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, errb.String(), c.want)
		}
	}
}
