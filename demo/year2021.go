package demo

import (
	"fmt"

	"nianbao/model"
)

// ExtensionApprover is who approved the demo's extension (延期).
const ExtensionApprover = "刘振华（镇政务公开办公室主任）"

// reqSpec describes one demo request: when it came, from whom, what it
// asked, and how many working days after the clock start it was answered
// with which outcome.
type reqSpec struct {
	month, day int
	who        int
	channel    model.Channel
	summary    string
	days       int
	outcome    string
	// patch adjusts the built request (补正, 延期, fees …).
	patch func(q *model.Request)
}

func requests2021() []model.Request {
	web, post, desk := model.ChannelOnline, model.ChannelPost, model.ChannelInPerson
	specs := []reqSpec{
		{1, 11, apWang, web, "申请公开本镇2020年城乡低保资金发放明细", 8, model.RowPartly, nil},
		{1, 25, apZhao, desk, "申请公开本人所在片区棚户区改造的补偿标准", 10, model.RowDisclosed, nil},
		{3, 8, apResearch, web, "申请公开2020年镇域草原生态保护补助奖励资金发放情况", 15, model.RowDisclosed, nil},
		{3, 15, apZhou, desk, "申请公开邻居宅基地审批的全部材料", 9, "o3_4", nil},
		{3, 22, apWu, web, "要求镇政府查处镇区某商户占道经营", 5, "o5_1", nil},
		{4, 6, apZheng, post, "申请公开“镇里关于拆迁的有关文件”", 16, model.RowDisclosed, func(q *model.Request) {
			// 补正: the request did not say which documents; the corrected
			// request arrived later and the clock restarted from it.
			q.CorrectionNotice = addWorkdays(q.Received, 3)
			q.Corrected = onOrAfter(model.NewDate(2021, 4, 26))
			q.Answered = addWorkdays(q.Corrected, 16)
			q.Summary = "申请公开“镇里关于拆迁的有关文件”，补正后明确为2020年雁南片区房屋征收补偿方案"
		}},
		{4, 12, apFeng, web, "申请公开镇政府机关内部考勤和请销假管理办法", 10, "o3_5", nil},
		{5, 10, apChen, desk, "申请公开集体土地征收方案论证过程中的讨论稿", 12, "o3_6", nil},
		{5, 17, apLegal, post, "申请公开对某餐饮企业作出行政处罚的执法案卷", 14, "o3_7", nil},
		{5, 24, apChu, web, "申请查询本人历年城乡居民养老保险缴费记录", 6, "o3_8", nil},
		{7, 19, apOwners, desk, "申请公开北苑小区供暖管网改造工程预算及验收材料", 30, model.RowPartly, func(q *model.Request) {
			// 延期: the documents had to be gathered from the contractor.
			q.ExtApprovedBy = ExtensionApprover
			q.ExtNotice = addWorkdays(q.Received, 18)
			q.ExtDays = 15
		}},
		{8, 2, apZhao, post, "申请公开“相关补贴的材料”", 14, "o6_1", func(q *model.Request) {
			// 补正 notice answered by nobody: the request was not handled further.
			q.CorrectionNotice = addWorkdays(q.Received, 2)
			q.Notes = "补正通知送达后申请人在规定期限内未补正"
		}},
		{8, 16, apSun, web, "申请公开2021年镇防汛应急预案", 24, model.RowDisclosed, func(q *model.Request) {
			q.Notes = "经办人休假交接不及时，超过法定期限答复"
		}},
		{9, 6, apResearch, post, "申请公开“生态方面的统计数据”", 10, "o4_3", func(q *model.Request) {
			q.CorrectionNotice = addWorkdays(q.Received, 3)
			q.Corrected = addWorkdays(q.Received, 9)
			q.Answered = addWorkdays(q.Corrected, 10)
		}},
		{9, 13, apZhou, web, "要求镇政府确认其已取得的房屋拆迁补偿协议的真实性", 8, "o5_5", nil},
		{10, 18, apWu, desk, "申请公开镇区集中供热价格调整听证材料", 6, "o6_3", func(q *model.Request) {
			q.Notes = "申请人书面撤回申请"
		}},
		{11, 15, apLegal, web, "申请公开某建设项目环境影响评价审批文件", 6, "o4_1", func(q *model.Request) {
			q.Notes = "已告知申请人向旗生态环境主管部门申请"
		}},
		{11, 22, apFeng, web, "申请公开镇域加油站储油设施的具体位置和安全防护布局", 15, "o3_3", nil},
		{10, 11, apNonProfit, web, "申请公开镇域内养老服务设施名录及床位数", 7, model.RowDisclosed, nil},
		{12, 20, apChu, desk, "申请公开2021年冬季清雪保通工作方案", 0, "", func(q *model.Request) {
			// Open on 31 December: carried into 2022 and answered there.
			q.Answered = onOrAfter(model.NewDate(2022, 1, 10))
			q.Outcome = model.RowDisclosed
		}},
		{12, 27, apLegal, post, "申请公开镇区某地块出让前的规划条件", 0, "", func(q *model.Request) {
			q.Answered = onOrAfter(model.NewDate(2022, 1, 14))
			q.Outcome = model.RowPartly
		}},
	}
	// A trading company filed twelve requests in June about last year's
	// procurement: the first ten are free, the eleventh and twelfth are
	// charged 按件; the twelfth was never paid for.
	bizDays := []int{1, 2, 3, 4, 7, 8, 9, 10, 11, 15, 16, 17}
	bizOutcomes := []string{model.RowDisclosed, model.RowDisclosed, "o4_1", model.RowDisclosed, "o4_2", model.RowDisclosed,
		"o5_2", model.RowDisclosed, "o5_3", model.RowDisclosed, model.RowDisclosed, "o6_2"}
	bizTopics := []string{"办公家具采购", "公务用车维修", "办公用品采购", "社区路灯维护", "镇区绿化养护", "便民服务中心设备采购",
		"办公家具采购", "监控设备采购", "政府采购目录汇编", "垃圾清运服务", "供暖设备维修", "社区活动室装修"}
	for i, d := range bizDays {
		n := i + 1
		s := reqSpec{6, d, apBusiness, web, fmt.Sprintf("申请公开2020年%s项目的合同及验收材料", bizTopics[i]), 7 + i%5, bizOutcomes[i], nil}
		switch n {
		case 7:
			s.summary = "再次申请公开2020年办公家具采购项目的合同及验收材料"
		case 9:
			s.summary = "申请提供已公开出版的《政府采购目录汇编》"
		case 11:
			s.patch = func(q *model.Request) {
				q.FeeMethod = model.FeePerRequest
				q.Fee = model.PerRequestFee(11)
				q.FeeNotice = addWorkdays(q.Received, 2)
				q.FeePaid = addWorkdays(q.FeeNotice, 4)
				q.Answered = addWorkdays(q.FeePaid, 5)
			}
		case 12:
			s.patch = func(q *model.Request) {
				q.FeeMethod = model.FeePerRequest
				q.Fee = model.PerRequestFee(12)
				q.FeeNotice = addWorkdays(q.Received, 2)
				// Not paid within 20 working days of the notice; the
				// payment period does not count towards the answer deadline.
				q.ExcludedDays = model.FeePayWorkdays
				q.Answered = addWorkdays(q.FeeNotice, model.FeePayWorkdays+1)
				q.Notes = "申请人逾期未缴纳信息处理费，缴费期间不计入答复期限"
			}
		}
		specs = append(specs, s)
	}

	out := make([]model.Request, 0, len(specs))
	for _, s := range specs {
		a := applicants2021[s.who]
		q := model.Request{
			Year:      2021,
			Received:  onOrAfter(model.NewDate(2021, s.month, s.day)),
			Channel:   s.channel,
			Applicant: a.kind,
			Personal:  a.personal,
			Summary:   s.summary,
			Outcome:   s.outcome,
		}
		if s.days > 0 {
			q.Answered = addWorkdays(q.Received, s.days)
		}
		if s.patch != nil {
			s.patch(&q)
		}
		out = append(out, q)
	}
	sortRequests(out)
	for i := range out {
		out[i].Serial = i + 1
	}
	return out
}

// sortRequests orders a log by date received (stable, insertion sort: the
// demo log is small).
func sortRequests(qs []model.Request) {
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && qs[j].Received < qs[j-1].Received; j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
		}
	}
}

// Section 二 figures of the 2021 demo report.
const (
	Licensing2021   = 14 // 行政许可 本年处理决定数量
	Penalty2021     = 6  // 行政处罚
	Enforcement2021 = 0  // 行政强制
)

func items2021() []model.DisclosureItem {
	return buildItems(2021, 18, []itemPlan{
		{"机构职能", 2, []string{"大雁镇人民政府%[1]d年机构职能及领导分工", "大雁镇便民服务中心进驻事项清单"}},
		{"政策文件", 4, []string{"大雁镇%[1]d年政务公开工作要点", "大雁镇%[1]d年政务公开任务分解表", "大雁镇政府信息公开申请办理规程", "大雁镇政务新媒体管理办法"}},
		{"规划计划", 3, []string{"大雁镇%[1]d年重点工作安排", "大雁镇%[1]d年民生实事项目清单", "大雁镇%[1]d年乡村振兴工作计划"}},
		{"财政预决算", 6, []string{"大雁镇%[1]d年部门预算公开说明", "大雁镇%[1]d年“三公”经费预算情况", "大雁镇上年度部门决算公开说明", "大雁镇上年度“三公”经费决算情况", "大雁镇%[1]d年政府采购预算", "大雁镇%[1]d年预算执行情况"}},
		{"政策解读", 6, []string{"图解：城乡低保政策问答（%[2]d月）", "城乡居民养老保险缴费政策解读", "耕地地力保护补贴政策解读", "高龄津贴申领解读", "临时救助政策解读", "退役军人优待政策解读"}},
		{"回应关切", 5, []string{"关于群众反映的小区供暖问题的答复（%[2]d月）", "关于道路积雪清理问题的答复（%[2]d月）", "关于老旧小区改造进度的答复（%[2]d月）", "关于疫苗接种安排的答复（%[2]d月）", "关于背街小巷照明问题的答复（%[2]d月）"}},
		{"工作动态", 56, []string{"大雁镇%[2]d月政务动态", "大雁镇开展安全生产大检查（%[2]d月）", "大雁镇推进党史学习教育（%[2]d月）", "大雁镇开展疫情防控排查（%[2]d月）"}},
		{"民生保障", 42, []string{"大雁镇%[1]d年%[2]d月城乡低保金发放情况", "大雁镇%[1]d年%[2]d月临时救助情况公示", "大雁镇%[1]d年%[2]d月特困供养人员名单公示", "大雁镇%[1]d年%[2]d月高龄津贴发放情况"}},
		{"项目公示", 24, []string{"大雁镇%[1]d年老旧小区改造项目公示（%[2]d月）", "大雁镇%[1]d年项目补贴资金公示（%[2]d月）", "大雁镇%[1]d年基础设施维修项目公示（%[2]d月）"}},
		{"人事信息", 5, []string{"大雁镇%[1]d年公益性岗位招聘公告", "大雁镇%[1]d年公益性岗位拟聘人员公示", "大雁镇社区工作者招聘公告（%[2]d月）"}},
		{"其他", 2, []string{"大雁镇%[1]d年防汛应急预案", "大雁镇%[1]d年森林草原防火期管理公告"}},
	})
}

func build2021() *model.OrganYear {
	r := newReport(2021, model.StatusDraft, "《鄂温克族自治旗2021年政务公开工作要点》", model.NewDate(2022, 1, 20))
	f := r.Format()
	r.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = Licensing2021
	r.Values[model.Addr(model.TableS2Item6, model.RowPenalty, "decisions")] = Penalty2021
	r.Values[model.Addr(model.TableS2Item6, model.RowEnforcement, "decisions")] = Enforcement2021

	reqs := requests2021()
	fees := model.FeesOfYear(2021, reqs)
	r.Fees = fees

	cases := []model.Case{{
		Year:    2021,
		Kind:    model.CaseReview,
		Filed:   onOrAfter(model.NewDate(2021, 5, 11)),
		Result:  model.Upheld,
		Summary: "申请人对本镇以保护第三方合法权益为由不予公开邻居宅基地审批材料的答复不服，向旗人民政府申请行政复议，复议机关维持原答复",
	}}

	items := items2021()
	counts := model.CountItems(2021, items)
	v := model.ComputeS3(f, 2021, reqs)
	get := func(row string) int64 { return v.Get(model.Addr(model.TableS3, row, model.ColTotal)) }
	received, carriedIn := get(model.RowNew), get(model.RowCarriedIn)
	closed, carriedOut := get(model.RowOutcomeSum), get(model.RowCarriedOut)
	disclosed, partly := get(model.RowDisclosed), get(model.RowPartly)

	s1 := section(1)
	s1.para("2021年，大雁镇按照新修订《条例》和旗里的工作要点，把政务公开与为群众办实事结合起来，公开内容更贴近群众需要，依申请公开的办理更加规范。")
	s1.heading(1, "主动公开")
	s1.para(fmt.Sprintf("全年主动公开政府信息%d条，低保、救助、补贴、项目公示等民生信息占了大头；镇里对主动公开目录作了一次全面梳理，补充了便民服务中心进驻事项和办事指南。", counts.Total))
	s1.heading(1, "依申请公开")
	s1.para(fmt.Sprintf("本年度共收到政府信息公开申请%d件，建立了电子台账，逐件登记收到日期、补正、延期和答复情况，临近期限的申请每周提醒经办人。", received))
	s1.heading(1, "政府信息管理")
	s1.para("信息发布前由经办办公室初审、政务公开办公室复审、分管领导签批，涉及个人信息的名单一律去除身份证号码和住址后再公开。")
	s1.heading(1, "政府信息公开平台建设")
	s1.para("以旗政府门户网站为第一平台，整合了镇里原有的两个微信公众号，只保留一个政务新媒体账号，各社区公开栏按月更新。")
	s1.heading(1, "监督保障")
	s1.para("政务公开纳入镇对各办公室和社区的年度考核，全年开展两次内部检查，对超期答复的情况在机关会议上通报并督促整改。")

	s2 := section(2)
	s2.para(model.ItemsSentence(2021, counts))
	s2.para(fmt.Sprintf("本年度本镇未制发行政规范性文件；作出行政许可决定%d件、行政处罚决定%d件，未实施行政强制，未收取行政事业性收费。", Licensing2021, Penalty2021))

	s3 := section(3)
	s3.para(fmt.Sprintf("本年度共收到政府信息公开申请%d件，上年结转%d件；本年度办结%d件，其中予以公开%d件、部分公开%d件，其余按不予公开、无法提供、不予处理和其他处理作出答复；结转下年度继续办理%d件。",
		received, carriedIn, closed, disclosed, partly, carriedOut))

	s4 := section(4)
	s4.para(fmt.Sprintf("本年度发生政府信息公开行政复议%d件，复议机关维持了本镇的答复；未发生政府信息公开行政诉讼。", len(cases)))

	s5 := section(5)
	s5.para("一是依申请公开办理时限管得不够紧，有1件申请因经办人交接不及时超过了法定期限；二是政务新媒体账号分散，部分内容更新慢；三是答复文书格式各办公室不统一。")
	s5.para("针对这些问题的整改措施和进展如下。")

	s6 := section(6)
	s6.para("本年度围绕城乡低保、耕地地力保护补贴等政策开展解读6次，对群众在网上反映的供暖、清雪等问题逐条答复。")
	s6.para("一家企业在同一个月内提出12件申请，其中第11、12件按件收取信息处理费；第12件的申请人逾期未缴费，本镇未再处理。")

	r.Blocks = blocks(s1, s2, s3, s4, s5, s6)

	measures := []model.Measure{
		{Problem: "依申请公开办理时限管理不严，1件申请超期答复", Measure: "台账设置到期提醒，政务公开办公室每周一核对在办申请，经办人休假前必须办理交接", Responsible: "政务公开办公室", Due: model.NewDate(2021, 12, 31), Status: model.MeasureDone, FirstYear: 2021},
		{Problem: "政务新媒体账号分散，更新不及时", Measure: "整合为一个镇级政务新媒体账号，明确专人采编和审核", Responsible: "宣传办", Due: model.NewDate(2021, 9, 30), Status: model.MeasureDone, FirstYear: 2019},
		{Problem: "依申请公开答复文书格式不统一", Measure: "制定告知书、补正通知书、延期通知书等统一文书样式，组织经办人集中学习", Responsible: "党政办", Due: model.NewDate(2022, 6, 30), Status: model.MeasureInProgress, FirstYear: 2021},
		{Problem: "工作人员业务能力仍有不足", Measure: "每半年组织一次《条例》和信息处理费管理办法专题培训，新任经办人上岗前先跟班学习", Responsible: "政务公开办公室", Due: model.NewDate(2022, 12, 31), Status: model.MeasureInProgress, FirstYear: 2019},
	}
	for i := range measures {
		measures[i].Year = 2021
	}

	return &model.OrganYear{
		Organ:    Organ(),
		Report:   r,
		Requests: reqs,
		Cases:    cases,
		Measures: measures,
		Items:    items,
	}
}
