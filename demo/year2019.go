package demo

import (
	"fmt"

	"nianbao/model"
)

// Figures of the published 2019 report that the demo reproduces.
const (
	Items2019           = 146 // 主动公开政府信息
	CurrentDocs2019     = 5   // 上报主动公开现行文件
	ProcurementWan2019  = 130 // 政府集中采购 总金额, 万元
	ProcurementProjects = 4   // 采购项目数量 (the published report leaves it blank)
	NewMedia2019        = 4   // published on the WeChat account (政务新媒体)
)

func items2019() []model.DisclosureItem {
	return buildItems(2019, NewMedia2019, []itemPlan{
		{"机构职能", 3, []string{"大雁镇人民政府%[1]d年机构设置及领导分工", "大雁镇便民服务中心窗口职责说明", "大雁镇各社区工作职责公示"}},
		{"政策文件", CurrentDocs2019, []string{"大雁镇%[1]d年政务公开工作要点", "大雁镇%[1]d年政务公开主要任务分解表", "大雁镇政府信息发布登记备案制度", "大雁镇政务信息公开保密审查制度", "大雁镇政务公开考核评议制度"}},
		{"规划计划", 4, []string{"大雁镇%[1]d年重点工作安排", "大雁镇%[1]d年老旧小区改造计划", "大雁镇%[1]d年就业援助工作计划", "大雁镇%[1]d年民生实事项目清单"}},
		{"财政预决算", 6, []string{"大雁镇%[1]d年部门预算公开说明", "大雁镇%[1]d年“三公”经费预算情况", "大雁镇上年度部门决算公开说明", "大雁镇上年度“三公”经费决算情况", "大雁镇%[1]d年政府采购预算", "大雁镇%[1]d年预算调整情况说明"}},
		{"政策解读", 5, []string{"图解：社会救助政策问答（%[2]d月）", "城乡居民养老保险缴费政策解读", "临时救助申请流程解读", "高龄津贴发放政策解读", "残疾人两项补贴政策解读"}},
		{"回应关切", 4, []string{"关于群众反映的违章建筑问题的答复（%[2]d月）", "关于冬季供暖排水问题的答复（%[2]d月）", "关于小区积水问题的答复（%[2]d月）", "关于背街小巷照明问题的答复（%[2]d月）"}},
		{"工作动态", 52, []string{"大雁镇%[2]d月政务动态", "大雁镇开展安全生产检查（%[2]d月）", "大雁镇召开政务公开工作推进会（%[2]d月）", "大雁镇开展“不忘初心、牢记使命”主题教育活动（%[2]d月）"}},
		{"民生保障", 38, []string{"大雁镇%[1]d年%[2]d月城乡低保金发放情况", "大雁镇%[1]d年%[2]d月临时救助情况公示", "大雁镇%[1]d年%[2]d月特困供养人员名单公示", "大雁镇%[1]d年%[2]d月城乡居民养老保险待遇发放情况"}},
		{"项目公示", 22, []string{"大雁镇%[1]d年项目补贴资金公示（%[2]d月）", "大雁镇%[1]d年小区改造项目公示（%[2]d月）", "大雁镇便民服务中心建设项目进展公示（%[2]d月）"}},
		{"人事信息", 7, []string{"大雁镇%[1]d年公益性岗位招聘公告", "大雁镇%[1]d年公益性岗位拟聘人员公示", "大雁镇社区工作者招聘公告（%[2]d月）"}},
	})
}

func build2019() *model.OrganYear {
	r := newReport(2019, model.StatusChecked, "《鄂温克旗2019年政府信息公开工作要点》", model.NewDate(2020, 1, 20))
	r.Values[model.Addr(model.TableS2Item9, model.RowProcurement, "projects")] = ProcurementProjects
	r.Values[model.Addr(model.TableS2Item9, model.RowProcurement, "amount")] = wan(ProcurementWan2019)

	items := items2019()
	counts := model.CountItems(2019, items)

	s1 := section(1)
	s1.para("2019年，大雁镇把政务公开作为密切联系群众的日常工作来抓，坚持“以公开为常态、不公开为例外”，按照新修订的《条例》逐项梳理公开内容，让群众看得到、看得懂、能监督。")
	s1.heading(1, "主动公开")
	s1.para(fmt.Sprintf("全年通过旗政府门户网站、镇微信公众平台和社区公开栏主动公开政府信息%d条，重点是低保、临时救助、养老保险、项目补贴和项目公示等与群众生活直接相关的内容，向旗里报送现行有效文件%d件。", counts.Total, CurrentDocs2019))
	s1.heading(1, "依申请公开")
	s1.para("镇里明确由政务公开办公室统一受理政府信息公开申请，公布了受理地点和联系电话，全年没有收到公开申请。")
	s1.heading(1, "政府信息管理")
	s1.para("年初对镇政务公开领导小组成员作了调整，由政法书记牵头，宣传、党政办等负责同志协助，各办公室和社区负责人各管一块；制定了本年度工作要点和任务分解表，信息发布前一律经过保密审查。")
	s1.heading(1, "政府信息公开平台建设")
	s1.para("以旗政府门户网站为主渠道，镇微信公众平台为补充，各社区设立政务公开栏，便民服务中心同步张贴办事指南和办事流程。")
	s1.heading(1, "监督保障")
	// The mention of 2018 is on purpose: 「2018年又补充了…制度」 reads like a
	// sentence carried over from last year's report, so the check asks (N3)
	// whether last year is named as if it were the current one; the clerk
	// confirms the supplements were made in 2018 — the demo shows a 提示 and
	// how to acknowledge it. (Naming a document of 2018, 「2018年制定的…办
	// 法」, is not such a sentence and is not asked about.)
	s1.para("把政务公开纳入机关各办公室和社区的年度目标考核，继续执行考核评议办法，2018年又补充了信息发布登记备案、保密审查和责任追究等制度，做到有人管、有章循、有考核。")

	s2 := section(2)
	s2.para(model.ItemsSentence(2019, counts))
	s2.para(fmt.Sprintf("本年度本镇未制发规范性文件；政府集中采购项目%d个，采购总金额%d万元。", ProcurementProjects, ProcurementWan2019))

	s3 := section(3)
	s3.para("本年度本镇未收到政府信息公开申请，没有上年结转的申请，也没有需要结转下年度办理的申请。")

	s4 := section(4)
	s4.para("本年度本镇未发生因政府信息公开引起的行政复议和行政诉讼。")

	s5 := section(5)
	s5.para("一是有的干部对政务公开的认识还停留在“发个通知、贴张公告”，对群众真正想了解什么研究不够，公开内容偏重结果、缺少过程；二是从事政务公开的同志多为兼职，没有经过系统培训，遇到较复杂的公开事项拿不准尺度。")
	s5.para("针对上述问题，2020年重点做好四件事：健全组织领导、扩大群众参与、用好政务新媒体、加强业务培训，具体措施如下。")

	s6 := section(6)
	s6.para("本年度围绕社会救助政策组织了一次访谈式解读；群众就违章建筑、冬季供暖和排水等问题在网络留言板留言8次，镇里会同旗有关部门逐条核实并作出答复。")
	s6.para("本年度本镇未收取信息处理费。")

	r.Blocks = blocks(s1, s2, s3, s4, s5, s6)

	measures := []model.Measure{
		{Problem: "部分干部对政务公开重视不够，公开停留在简单发布信息", Measure: "镇政务公开领导小组每季度专题研究一次，把年度工作要点分解到各办公室和社区，按月督办", Responsible: "党政办", Due: model.NewDate(2020, 6, 30), Status: model.MeasureInProgress},
		{Problem: "群众参与不足，公开与群众需求衔接不紧", Measure: "在社区公开栏和微信公众平台设置意见征集入口，对群众集中关心的事项优先公开并反馈采纳情况", Responsible: "政务公开办公室", Due: model.NewDate(2020, 9, 30), Status: model.MeasureNotStarted},
		{Problem: "政务新媒体内容更新慢，与群众关系密切的信息少", Measure: "建立微信公众平台信息采编值班表，低保、救助、补贴等信息当月发布", Responsible: "宣传办", Due: model.NewDate(2020, 6, 30), Status: model.MeasureInProgress},
		{Problem: "工作人员缺少系统培训，处理复杂事项能力不足", Measure: "每半年组织一次《条例》和公开工作要点专题学习，梳理本镇公开事项清单并查漏补缺", Responsible: "政务公开办公室", Due: model.NewDate(2020, 12, 31), Status: model.MeasureNotStarted},
	}
	for i := range measures {
		measures[i].Year = 2019
		measures[i].FirstYear = 2019
	}

	return &model.OrganYear{
		Organ:    Organ(),
		Report:   r,
		Requests: nil,
		Measures: measures,
		Items:    items,
	}
}
