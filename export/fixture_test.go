package export

import (
	"fmt"

	"nianbao/model"
)

// fixture2019 is a township report in the 2019 format modelled on the seed
// township: 146 items published, 130万元 of government procurement and no
// requests, reviews or lawsuits.
func fixture2019() *model.OrganYear {
	r := model.NewReport(1, 2019)
	r.Preamble.Basis = "《鄂温克旗2019年政府信息公开工作要点》"
	r.Date = model.NewDate(2020, 1, 20)
	r.Blocks = []model.Block{
		{Section: 1, Kind: model.BlockParagraph, Text: "本年度，本镇按照条例要求推进政务公开，全年主动公开政府信息146条。"},
		{Section: 1, Kind: model.BlockHeading, Level: 1, Text: "基本情况"},
		{Section: 1, Kind: model.BlockParagraph, Text: "制定本镇年度政务公开工作要点和任务分解表。\n明确各办公室的公开职责。"},
		{Section: 1, Kind: model.BlockHeading, Level: 1, Text: "工作机构和人员设置情况"},
		{Section: 1, Kind: model.BlockHeading, Level: 2, Text: "领导小组"},
		{Section: 1, Kind: model.BlockParagraph, Text: "调整政务公开领导小组，下设办公室负责日常工作。"},
		{Section: 1, Kind: model.BlockHeading, Level: 2, Text: "2.工作人员"},
		{Section: 1, Kind: model.BlockParagraph, Text: "党政办配备专人负责信息发布。"},
		{Section: 1, Kind: model.BlockHeading, Level: 1, Text: "（三）公开渠道建设"},
		{Section: 1, Kind: model.BlockParagraph, Text: "通过旗政府门户网站、本镇微信公众平台和社区公开栏发布信息。"},
		{Section: 2, Kind: model.BlockParagraph, Text: "全年主动公开政府信息146条，其中政府微信公众平台发布4条。"},
		{Section: 3, Kind: model.BlockParagraph, Text: "截至2019年12月31日，本镇未收到政府信息公开申请。"},
		{Section: 4, Kind: model.BlockParagraph, Text: "本年度未发生因政府信息公开引起的行政复议和行政诉讼。"},
		{Section: 5, Kind: model.BlockParagraph, Text: "部分工作人员业务能力不足，公开内容偏于简单。"},
		{Section: 6, Kind: model.BlockParagraph, Text: "本年度无其他需要报告的事项。"},
	}
	r.Values = model.Values{
		model.Addr(model.TableS2Item9, model.RowProcurement, "projects"): 2,
		model.Addr(model.TableS2Item9, model.RowProcurement, "amount"):   130 * 10000 * 100,
		model.Addr(model.TableS2Item5, model.RowLicensing, "prev"):       12,
		model.Addr(model.TableS2Item5, model.RowLicensing, "delta"):      -3,
		model.Addr(model.TableS2Item5, model.RowLicensing, "decisions"):  57,
		model.Addr(model.TableS2Item1, model.RowNormativeDocs, "made"):   5,
	}
	model.ZeroBlanks(r) // the other cells entered as 0
	return &model.OrganYear{
		Organ: model.Organ{
			ID: 1, Name: "大雁镇", Level: model.LevelTownship, Superior: "鄂温克族自治旗",
			Office: "大雁镇政务公开办公室", Phone: "0470-2382772", Email: "dyzdzb8601521@163.com",
			Portal: "鄂温克旗人民政府门户网站",
		},
		Report: r,
		Measures: []model.Measure{
			{ID: 1, Year: 2019, Problem: "干部对政务公开重视不够", Measure: "由镇领导牵头研究年度公开要点，细化任务并加强督查", Responsible: "党政办", Due: model.NewDate(2020, 6, 30), Status: model.MeasureInProgress},
			{ID: 2, Year: 2019, Problem: "工作人员缺乏系统培训", Measure: "每季度组织一次条例学习", Status: model.MeasureNotStarted},
			{ID: 3, Year: 2018, Problem: "上一年的问题", Measure: "不应出现在本年报告中"},
		},
	}
}

// personal returns unique markers for request i: every personal field of
// every request carries its own, so a leak names the field and the entry.
func personal(i int) model.Personal {
	return model.Personal{
		Name:     fmt.Sprintf("PIINAME%02dX", i),
		Phone:    fmt.Sprintf("PIIPHONE%02dX", i),
		IDNumber: fmt.Sprintf("PIIIDNO%02dX", i),
		Address:  fmt.Sprintf("PIIADDR%02dX", i),
	}
}

// fixture2021 is a county department's 2022 report in the 2021 format with
// a dozen requests across applicant types and outcomes, one carried in from
// 2021, one carried over to 2023, a fee notice paid, and one 行政复议 case.
func fixture2021() *model.OrganYear {
	r := model.NewReport(2, 2022)
	r.Preamble.Where = "青松县人民政府门户网站“政府信息公开”专栏"
	r.Blocks = append(r.Blocks,
		model.Block{Section: 1, Kind: model.BlockParagraph, Text: "本局全年受理政府信息公开申请12件，办结11件。"},
		model.Block{Section: 6, Kind: model.BlockHeading, Level: 1, Text: "政务公开工作要点落实情况"},
		model.Block{Section: 6, Kind: model.BlockParagraph, Text: "年度工作要点各项任务均已完成。"},
	)
	r.Values = model.Values{
		model.Addr(model.TableS2Item1, model.RowNormativeDocs, "issued"):   3,
		model.Addr(model.TableS2Item1, model.RowNormativeDocs, "repealed"): 1,
		model.Addr(model.TableS2Item1, model.RowNormativeDocs, "in_force"): 17,
		model.Addr(model.TableS2Item5, model.RowLicensing, "decisions"):    428,
		model.Addr(model.TableS2Item6, model.RowPenalty, "decisions"):      36,
		model.Addr(model.TableS2Item8, model.RowAdminFees, "amount"):       125 * 100 * 100, // 1.25万元
	}
	model.ZeroBlanks(r) // the other cells entered as 0
	d := func(y, m, day int) model.Date { return model.NewDate(y, m, day) }
	type q struct {
		app      model.ApplicantType
		recv     model.Date
		outcome  string
		answered model.Date
	}
	list := []q{
		{model.NaturalPerson, d(2021, 12, 20), "o1", d(2022, 1, 10)},
		{model.NaturalPerson, d(2022, 2, 8), "o1", d(2022, 2, 25)},
		{model.NaturalPerson, d(2022, 3, 1), "o2", d(2022, 3, 22)},
		{model.NaturalPerson, d(2022, 4, 6), "o3_4", d(2022, 4, 28)},
		{model.Business, d(2022, 5, 9), "o1", d(2022, 5, 30)},
		{model.Business, d(2022, 6, 1), "o4_1", d(2022, 6, 20)},
		{model.Research, d(2022, 6, 15), "o4_2", d(2022, 7, 5)},
		{model.NonProfit, d(2022, 7, 11), "o5_2", d(2022, 7, 25)},
		{model.LegalService, d(2022, 8, 2), "o6_1", d(2022, 9, 1)},
		{model.OtherOrg, d(2022, 9, 5), "o6_2", d(2022, 10, 20)},
		{model.NaturalPerson, d(2022, 10, 10), "o6_3", d(2022, 11, 1)},
		{model.LegalService, d(2022, 11, 14), "o3_1", d(2022, 12, 5)},
		{model.NaturalPerson, d(2022, 12, 20), "", 0},
	}
	var reqs []model.Request
	for i, x := range list {
		reqs = append(reqs, model.Request{
			ID: int64(i + 1), OrganID: 2, Year: x.recv.Year(), Serial: i + 1,
			Received: x.recv, Channel: model.ChannelOnline, Applicant: x.app,
			Personal: personal(i), Summary: fmt.Sprintf("申请公开事项%d", i+1),
			Outcome: x.outcome, Answered: x.answered,
		})
	}
	// Request 10 was sent a 按件 fee notice and paid; request 11 got a
	// notice and never paid (row （六）2).
	reqs[8].FeeMethod, reqs[8].Fee, reqs[8].FeeNotice, reqs[8].FeePaid = model.FeePerRequest, 20000, d(2022, 8, 20), d(2022, 8, 26)
	reqs[9].FeeMethod, reqs[9].Fee, reqs[9].FeeNotice = model.FeePerRequest, 30000, d(2022, 9, 20)
	return &model.OrganYear{
		Organ: model.Organ{
			ID: 2, Name: "青松县自然资源局", Level: model.LevelCountyDept, Superior: "青松县",
			Office: "青松县自然资源局办公室", Phone: "0123-4567890", Email: "qszrzy@example.cn",
			Portal: "青松县人民政府门户网站",
		},
		Report:   r,
		Requests: reqs,
		Cases: []model.Case{
			{ID: 1, OrganID: 2, Year: 2022, Kind: model.CaseReview, Filed: d(2022, 5, 3), Result: model.Upheld, Summary: "申请人对答复不服"},
		},
		Measures: []model.Measure{
			{ID: 1, Year: 2022, Problem: "依申请公开答复文书不够规范", Measure: "制定答复文书范本并组织业务培训", Responsible: "办公室", Status: model.MeasureDone},
		},
	}
}

// fixtureLong is a report that strains the layout: a long organ name, a
// long e-mail address and web address, and large numbers in every table
// (typed 表三 and 表四, 9-digit counts and a 7-digit money amount).
func fixtureLong() *model.OrganYear {
	oy := fixture2021()
	oy.Organ.Name = "内蒙古自治区呼伦贝尔市鄂温克族自治旗自然资源和林业草原局"
	oy.Organ.Office = "内蒙古自治区呼伦贝尔市鄂温克族自治旗自然资源和林业草原局办公室"
	oy.Organ.Email = "zhengwugongkai.bangongshi2022@ewenkeqi-ziranziyuan.gov.cn"
	oy.Organ.Portal = "http://www.ewenkeqi.gov.cn/zwgk/zfxxgk/fdzdgknr/ndbg/"
	r := oy.Report
	r.Date = model.NewDate(2023, 1, 28)
	r.Mode3, r.Mode4 = model.Typed, model.Typed
	f := r.Format()
	n := int64(123456789)
	for _, id := range []string{model.TableS3, model.TableS4} {
		t := f.Table(id)
		for _, row := range t.Rows {
			for _, c := range t.Columns {
				r.Values[model.Addr(id, row.ID, c.ID)] = n
				n += 1111111
			}
		}
	}
	r.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = 987654321
	r.Values[model.Addr(model.TableS2Item8, model.RowAdminFees, "amount")] = 9876543 * 100
	r.Blocks = append(r.Blocks, model.Block{Section: 2, Kind: model.BlockParagraph,
		Text: "全年主动公开政府信息987654321条，其中通过" + oy.Organ.Portal + "发布123456789条，通过政务新媒体发布“三安全一稳定”相关信息；详见" + oy.Organ.Email + "。"})
	return oy
}
