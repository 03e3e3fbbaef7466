package model

import (
	"strings"
	"testing"
)

// ---- fixture helpers ----

// baseOY is a 2022 township report (2021 format) whose typed tables agree
// with each other and with last year: Check finds nothing in it.
func baseOY() *OrganYear {
	r := NewReport(1, 2022)
	r.ID = 7
	r.Mode3, r.Mode4 = Typed, Typed
	v := r.Values
	s3 := func(row string, a ApplicantType, n int64) { v[Addr(TableS3, row, string(a))] = n }
	s3(RowNew, NaturalPerson, 3)
	s3(RowCarriedIn, NaturalPerson, 1)
	s3(RowDisclosed, NaturalPerson, 2)
	s3("o3_1", NaturalPerson, 1)
	s3(RowCarriedOut, NaturalPerson, 1)
	s3(RowNew, Business, 1)
	s3(RowDisclosed, Business, 1)
	v[Addr(TableS4, RowS4Cases, S4Col(GroupReview, Upheld))] = 1
	v[Addr(TableS2Item1, RowNormativeDocs, "issued")] = 3
	v[Addr(TableS2Item1, RowNormativeDocs, "repealed")] = 1
	v[Addr(TableS2Item1, RowNormativeDocs, "in_force")] = 12
	v[Addr(TableS2Item8, RowAdminFees, "amount")] = 12_500_000 // 12.5 万元
	ZeroBlanks(r)                                              // every other cell entered as 0
	refill(r)
	fillNarrative(r)
	// 监督保障 of a government names 考核, 评议 and 追究 (N7).
	for i := len(r.Blocks) - 1; i >= 0; i-- {
		if r.Blocks[i].Section == 1 && r.Blocks[i].Kind == BlockParagraph {
			r.Blocks[i].Text = "落实工作考核、社会评议和责任追究制度。"
			break
		}
	}
	prev := Values{
		Addr(TableS3, RowCarriedOut, string(NaturalPerson)): 1,
		Addr(TableS3, RowCarriedOut, ColTotal):              1,
		Addr(TableS2Item1, RowNormativeDocs, "in_force"):    10,
		Addr(TableS2Item1, RowRules, "in_force"):            0,
	}
	return &OrganYear{
		Organ:  Organ{ID: 1, Name: "大雁镇人民政府", Level: LevelTownship},
		Report: r,
		Prev:   &PrevYear{Year: 2021, FormatID: "2021", Values: prev},
	}
}

// refill recomputes the typed totals, as the entry screen does.
func refill(r *Report) {
	f := r.Format()
	FillTotals(f.Table(TableS3), r.Values)
	FillTotals(f.Table(TableS4), r.Values)
}

func setv(oy *OrganYear, table, row, col string, n int64) {
	oy.Report.Values[Addr(table, row, col)] = n
}

func withRequests(qs ...Request) func(*OrganYear) {
	return func(oy *OrganYear) { oy.Requests = append(oy.Requests, qs...) }
}

// req builds a log entry received in 2022 (serial n) that is fine on its own.
func req(n int, received Date) Request {
	return Request{ID: int64(100 + n), Year: received.Year(), Serial: n, Received: received, Applicant: NaturalPerson}
}

func answered(q Request, d Date, outcome string) Request {
	q.Answered, q.Outcome = d, outcome
	return q
}

func ruleFindings(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

var checkToday Date = 20220329

func TestBaseFixtureIsClean(t *testing.T) {
	if fs := Check(baseOY(), nil, checkToday); len(fs) != 0 {
		for _, f := range fs {
			t.Errorf("unexpected %s %s: %s", f.Rule, f.Target(), f.Message)
		}
	}
}

// Every rule: one case that passes (no finding of that rule) and one that
// fails, with the numbers in the message checked.
func TestRules(t *testing.T) {
	cases := []struct {
		name  string
		rule  string
		edit  func(*OrganYear)
		fails bool
		sev   Severity
		msg   []string // substrings of one finding's message
		cell  CellAddress
	}{
		// O1
		{"O1 balanced", "O1", func(oy *OrganYear) {}, false, Error, nil, CellAddress{}},
		{"O1 new does not balance", "O1", func(oy *OrganYear) {
			setv(oy, TableS3, RowNew, "np", 4)
			refill(oy.Report)
		}, true, Error, []string{"自然人列：第一项加第二项（4+1=5）不等于第三项加第四项（3+1=4）"}, Addr(TableS3, RowOutcomeSum, "np")},

		// I1
		{"I1 row totals add up", "I1", func(oy *OrganYear) {
			setv(oy, TableS3, RowDisclosed, "legal", 2)
			refill(oy.Report)
		}, false, Error, nil, CellAddress{}},
		{"I1 row total wrong", "I1", func(oy *OrganYear) {
			setv(oy, TableS3, RowDisclosed, ColTotal, 5)
		}, true, Error, []string{"（一）予以公开：总计为 5，不等于六类申请人之和（2+1+0+0+0+0=3）"}, Addr(TableS3, RowDisclosed, ColTotal)},

		// I2
		{"I2 outcome total adds up", "I2", func(oy *OrganYear) {
			setv(oy, TableS3, "o5_2", "research", 1)
			setv(oy, TableS3, RowNew, "research", 1)
			refill(oy.Report)
		}, false, Error, nil, CellAddress{}},
		{"I2 outcome total wrong", "I2", func(oy *OrganYear) {
			setv(oy, TableS3, RowOutcomeSum, "np", 4)
		}, true, Error, []string{"自然人列：（七）总计为 4，不等于（一）至（六）各项之和 3"}, Addr(TableS3, RowOutcomeSum, "np")},

		// I3
		{"I3 group totals add up", "I3", func(oy *OrganYear) {
			setv(oy, TableS4, RowS4Cases, S4Col(GroupDirectSuit, Pending), 2)
			refill(oy.Report)
		}, false, Error, nil, CellAddress{}},
		{"I3 group total wrong", "I3", func(oy *OrganYear) {
			setv(oy, TableS4, RowS4Cases, S4Col(GroupReview, ResultTotal), 2)
		}, true, Error, []string{"行政复议：总计为 2，不等于结果维持、结果纠正、其他结果、尚未审结之和（1+0+0+0=1）"}, Addr(TableS4, RowS4Cases, "rv_total")},

		// I4
		{"I4 a negative delta is fine", "I4", func(oy *OrganYear) {
			oy.Report = NewReport(1, 2020)
			oy.Prev = nil
			setv(oy, TableS2Item5, RowLicensing, "delta", -1)
		}, false, Error, nil, CellAddress{}},
		{"I4 negative count", "I4", func(oy *OrganYear) {
			setv(oy, TableS2Item5, RowLicensing, "decisions", -2)
		}, true, Error, []string{"表二（五）项 行政许可 · 本年处理决定数量 填了负数 -2，件数不能小于 0"}, Addr(TableS2Item5, RowLicensing, "decisions")},
		{"I4 negative money", "I4", func(oy *OrganYear) {
			setv(oy, TableS2Item8, RowAdminFees, "amount", -1_500_000)
		}, true, Error, []string{"填了负数 -1.5，金额不能小于 0"}, Addr(TableS2Item8, RowAdminFees, "amount")},

		// I5
		{"I5 an organ that may make rules", "I5", func(oy *OrganYear) {
			oy.Organ.Level = LevelOther
			setv(oy, TableS2Item1, RowRules, "issued", 1)
		}, false, Warning, nil, CellAddress{}},
		{"I5 township with rules", "I5", func(oy *OrganYear) {
			setv(oy, TableS2Item1, RowRules, "in_force", 2)
		}, true, Warning, []string{"乡镇/街道没有制定规章的权限，表二（一）项「规章」一行应为 0", "「现行有效件数」为 2"}, Addr(TableS2Item1, RowRules, "in_force")},

		// Y1
		{"Y1 carried over matches", "Y1", func(oy *OrganYear) {}, false, Warning, nil, CellAddress{}},
		{"Y1 carried over differs", "Y1", func(oy *OrganYear) {
			oy.Prev.Values[Addr(TableS3, RowCarriedOut, "np")] = 2
			oy.Prev.Values[Addr(TableS3, RowCarriedOut, ColTotal)] = 2
		}, true, Warning, []string{"自然人列：本年「上年结转」为 1，2021年报告「结转下年度继续办理」为 2"}, Addr(TableS3, RowCarriedIn, "np")},

		// Y2
		{"Y2 in force follows", "Y2", func(oy *OrganYear) {}, false, Warning, nil, CellAddress{}},
		{"Y2 in force jumps", "Y2", func(oy *OrganYear) {
			setv(oy, TableS2Item1, RowNormativeDocs, "in_force", 15)
		}, true, Warning, []string{"行政规范性文件：现行有效件数为 15，上年现行有效件数 10 加本年制发件数 3 减本年废止件数 1 得 12；如差额来自修订"}, Addr(TableS2Item1, RowNormativeDocs, "in_force")},
		{"Y2 skipped when last year used the 2019 format", "Y2", func(oy *OrganYear) {
			setv(oy, TableS2Item1, RowNormativeDocs, "in_force", 15)
			oy.Prev.FormatID = "2019"
		}, false, Warning, nil, CellAddress{}},

		// Y3
		{"Y3 project count follows", "Y3", y3(11), false, Warning, nil, CellAddress{}},
		{"Y3 project count jumps", "Y3", y3(10), true, Warning,
			[]string{"行政许可：上一年项目数量为 10，而2019年报告的上一年项目数量 8 加本年增/减 +3 应为 11"}, Addr(TableS2Item5, RowLicensing, "prev")},

		// N4
		{"N4 plausible fee amount", "N4", func(oy *OrganYear) {
			setv(oy, TableS2Item8, RowAdminFees, "amount", 9999*1_000_000)
		}, false, Warning, nil, CellAddress{}},
		{"N4 county department may collect more", "N4", func(oy *OrganYear) {
			oy.Organ.Level = LevelCountyDept
			setv(oy, TableS2Item8, RowAdminFees, "amount", 12345*1_000_000)
		}, false, Warning, nil, CellAddress{}},
		{"N4 township fee typed in 元", "N4", func(oy *OrganYear) {
			setv(oy, TableS2Item8, RowAdminFees, "amount", 125000*1_000_000)
		}, true, Warning, []string{"本年收费金额为 125000 万元", "可能把「元」当成「万元」"}, Addr(TableS2Item8, RowAdminFees, "amount")},

		// F1
		{"F1 right format", "F1", func(oy *OrganYear) {}, false, Error, nil, CellAddress{}},
		{"F1 2022 report on the 2019 format", "F1", func(oy *OrganYear) {
			oy.Report.FormatID = "2019"
		}, true, Error, []string{"2022年的报告应使用2021版格式（国办公开办函〔2021〕30号），现在用的是2019版格式"}, CellAddress{}},

		// F2
		{"F2 cites the right notice", "F2", func(oy *OrganYear) {
			oy.Report.Blocks = append(oy.Report.Blocks, Block{ID: 9, Section: 1, Kind: BlockParagraph,
				Text: "按照国办公开办函〔2021〕30号的要求编制。"})
		}, false, Error, nil, CellAddress{}},
		{"F2 a local document with the same number", "F2", func(oy *OrganYear) {
			oy.Report.Blocks = append(oy.Report.Blocks, Block{ID: 9, Section: 1, Kind: BlockParagraph,
				Text: "认真落实《某某办法》（鄂政办发〔2019〕60号）。"})
		}, false, Error, nil, CellAddress{}},
		{"F2 cites the 2019 notice", "F2", func(oy *OrganYear) {
			oy.Report.Blocks = append(oy.Report.Blocks, Block{ID: 9, Section: 1, Kind: BlockParagraph,
				Text: "按照国办公开办函[２０１９]60号的要求编制。"})
		}, true, Error, []string{"「一、总体情况」引用了国办公开办函〔2019〕60号", "2022年的报告应依据国办公开办函〔2021〕30号"}, CellAddress{}},
		{"F2 cites the 2021 layout by its title", "F2", func(oy *OrganYear) {
			oy.Report.Preamble.Text = "根据《中华人民共和国政府信息公开工作年度报告格式》编制。"
		}, false, Error, nil, CellAddress{}},
		{"F2 cites the 2019 layout by its title", "F2", func(oy *OrganYear) {
			oy.Report.Preamble.Text = "本报告根据《中华人民共和国政府信息公开条例》《中华人民共和国政府信息公开工作年度报告格式(试行)》规定编制。"
		}, true, Error, []string{"报告开头一段引用了《政府信息公开工作年度报告格式（试行）》（2019版格式的依据）", "2022年的报告应依据国办公开办函〔2021〕30号"}, CellAddress{}},
		{"F2 cites the 2019 notice by its title", "F2", func(oy *OrganYear) {
			oy.Report.Preamble.Text = "根据国务院办公厅政府信息与政务公开办公室《关于政府信息公开工作年度报告有关事项的通知》要求编制。"
		}, true, Error, []string{"报告开头一段引用了《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》即国办公开办函〔2019〕60号（2019版格式的依据）", "2022年的报告应依据国办公开办函〔2021〕30号"}, CellAddress{}},
		{"F2 a local notice on the year's report", "F2", func(oy *OrganYear) {
			oy.Report.Preamble.Text = "根据《某某区管委会办公室关于编制公布2022年政府信息公开工作年度报告有关事项的通知》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制。"
		}, false, Error, nil, CellAddress{}},
		{"F2 preamble cites the 2019 notice", "F2", func(oy *OrganYear) {
			oy.Report.Preamble.Basis = "国办公开办函〔2019〕60号"
		}, true, Error, []string{"报告开头一段引用了国办公开办函〔2019〕60号"}, CellAddress{}},

		// L1
		{"L1 answered with outcome", "L1", withRequests(answered(req(1, 20220301), 20220310, RowDisclosed)), false, Error, nil, CellAddress{}},
		{"L1 answered without outcome", "L1", withRequests(answered(req(1, 20220301), 20220310, "")), true, Error,
			[]string{"2022年第1号申请填了答复日期 2022-03-10，但没有选办理结果"}, CellAddress{}},
		{"L1 outcome without answer date", "L1", withRequests(answered(req(2, 20220301), 0, RowDisclosed)), true, Error,
			[]string{"2022年第2号申请选了办理结果，但没有填答复日期"}, CellAddress{}},

		// L2
		{"L2 2021 outcome answered in 2022", "L2", withRequests(answered(req(1, 20220301), 20220310, "o6_2")), false, Error, nil, CellAddress{}},
		{"L2 2019 outcome answered in 2022", "L2", withRequests(answered(req(1, 20220301), 20220310, "o6")), true, Error,
			[]string{"2022年第1号申请的办理结果「（六）其他处理」在2021版格式中没有这一项"}, CellAddress{}},
		{"L2 unknown outcome", "L2", withRequests(answered(req(1, 20220301), 20220310, "o9")), true, Error,
			[]string{"办理结果「o9」在2021版格式中没有这一项"}, CellAddress{}},

		// L3
		{"L3 dates in order", "L3", withRequests(func() Request {
			q := answered(req(1, 20220301), 20220320, RowDisclosed)
			q.CorrectionNotice, q.Corrected = 20220303, 20220305
			return q
		}()), false, Error, nil, CellAddress{}},
		{"L3 answered before received", "L3", withRequests(answered(req(1, 20220305), 20220301, RowDisclosed)), true, Error,
			[]string{"2022年第1号申请的日期有误：答复日期 2022-03-01 早于收到日期 2022-03-05"}, CellAddress{}},
		{"L3 corrected before the notice", "L3", withRequests(func() Request {
			q := req(1, 20220301)
			q.CorrectionNotice, q.Corrected = 20220305, 20220303
			return q
		}()), true, Error, []string{"补正后收到日期 2022-03-03 早于补正通知日期 2022-03-05"}, CellAddress{}},
		{"L3 paid without a fee notice", "L3", withRequests(func() Request {
			q := req(1, 20220301)
			q.FeePaid, q.Fee = 20220320, 10000
			return q
		}()), true, Error, []string{"有缴费日期，却没有收费通知日期"}, CellAddress{}},
		{"L3 impossible date", "L3", withRequests(answered(req(1, 20220301), 20220230, RowDisclosed)), true, Error,
			[]string{"答复日期「20220230」不是有效日期"}, CellAddress{}},

		// L4
		{"L4 approved extension", "L4", withRequests(func() Request {
			q := req(1, 20220301)
			q.ExtDays, q.ExtApprovedBy, q.ExtNotice = 20, "王主任", 20220325
			return q
		}()), false, Error, nil, CellAddress{}},
		{"L4 extension too long", "L4", withRequests(func() Request {
			q := req(1, 20220301)
			q.ExtDays, q.ExtApprovedBy = 25, "王主任"
			return q
		}()), true, Error, []string{"延期 25 个工作日，超过了最多 20 个工作日的规定"}, CellAddress{}},
		{"L4 extension without approver", "L4", withRequests(func() Request {
			q := req(1, 20220301)
			q.ExtDays = 10
			return q
		}()), true, Error, []string{"延期 10 个工作日，但没有填批准人"}, CellAddress{}},

		// L5: received Tue 2022-03-01, deadline Tue 2022-03-29.
		{"L5 answered on the deadline", "L5", withRequests(answered(req(1, 20220301), 20220329, RowDisclosed)), false, Warning, nil, CellAddress{}},
		{"L5 answered late", "L5", withRequests(answered(req(1, 20220301), 20220331, RowDisclosed)), true, Warning,
			[]string{"2022年第1号申请于 2022-03-31 答复，超过了答复期限 2022-03-29（晚了 2 个工作日）"}, CellAddress{}},

		// Entries of other years are left to their own report.
		{"L5 not reported for an entry closed last year", "L5", withRequests(answered(req(1, 20210301), 20210331, RowDisclosed)), false, Warning, nil, CellAddress{}},
		{"L8 not reported for an entry of next year", "L8", withRequests(func() Request {
			q := req(1, 20230105)
			q.Applicant = ""
			return q
		}()), false, Error, nil, CellAddress{}},
		{"L5 reported for an entry carried in and answered late", "L5", withRequests(answered(req(1, 20211215), 20220215, RowDisclosed)), true, Warning,
			[]string{"2021年第1号申请于 2022-02-15 答复，超过了答复期限"}, CellAddress{}},

		// L6 (today is 2022-03-29 in the fixture)
		{"L6 open and due today", "L6", withRequests(req(1, 20220301)), false, Warning, nil, CellAddress{}},
		{"L6 open and overdue", "L6", withRequests(req(1, 20220225)), true, Warning,
			[]string{"2022年第1号申请至今未答复，答复期限 2022-03-25 已过（逾期 2 个工作日）"}, CellAddress{}},

		// 补正 (Art. 30): the clock does not run while the correction is awaited.
		{"L6 not reported while a correction is awaited", "L6", withRequests(func() Request {
			q := req(1, 20220103)
			q.CorrectionNotice = 20220105
			return q
		}()), false, Warning, nil, CellAddress{}},
		{"L6 counts from the corrected request", "L6", withRequests(func() Request {
			q := req(1, 20220103)
			q.CorrectionNotice, q.Corrected = 20220105, 20220225
			return q
		}()), true, Warning, []string{"答复期限 2022-03-25 已过"}, CellAddress{}},
		{"L5 not reported for 逾期不补正", "L5", withRequests(func() Request {
			q := answered(req(1, 20220103), 20220325, "o6_1")
			q.CorrectionNotice = 20220105
			return q
		}()), false, Warning, nil, CellAddress{}},
		{"L5 reported when the corrected request was answered late", "L5", withRequests(func() Request {
			q := answered(req(1, 20220103), 20220328, RowDisclosed)
			q.CorrectionNotice, q.Corrected = 20220105, 20220225
			return q
		}()), true, Warning, []string{"超过了答复期限 2022-03-25"}, CellAddress{}},

		// L7: received 2022-03-01, notice due by 2022-03-10.
		{"L7 notice in time", "L7", withRequests(func() Request {
			q := req(1, 20220301)
			q.CorrectionNotice = 20220310
			return q
		}()), false, Warning, nil, CellAddress{}},
		{"L7 notice late", "L7", withRequests(func() Request {
			q := req(1, 20220301)
			q.CorrectionNotice = 20220311
			return q
		}()), true, Warning, []string{"补正通知于 2022-03-11 发出，晚于收到申请后 7 个工作日（2022-03-10）"}, CellAddress{}},

		// L8
		{"L8 complete entry", "L8", withRequests(req(1, 20220301)), false, Error, nil, CellAddress{}},
		{"L8 no applicant type", "L8", withRequests(func() Request {
			q := req(1, 20220301)
			q.Applicant = ""
			return q
		}()), true, Error, []string{"2022年第1号申请未填申请人类型"}, CellAddress{}},
		{"L8 no received date", "L8", withRequests(Request{ID: 5, Year: 2022, Serial: 3, Applicant: Business}), true, Error,
			[]string{"2022年第3号申请未填收到申请日期"}, CellAddress{}},

		// C1
		{"C1 complete case", "C1", func(oy *OrganYear) {
			oy.Cases = []Case{{ID: 1, Year: 2022, Kind: CaseReview, Result: Upheld}}
		}, false, Error, nil, CellAddress{}},
		{"C1 case without result", "C1", func(oy *OrganYear) {
			oy.Cases = []Case{{ID: 1, Year: 2022, Kind: CaseDirectSuit, Filed: 20220405}}
		}, true, Error, []string{"2022年4月5日的复议诉讼案件未填结果"}, CellAddress{}},
		{"C1 case without kind", "C1", func(oy *OrganYear) {
			oy.Cases = []Case{{ID: 1, Year: 2022, Result: Pending}}
		}, true, Error, []string{"一件复议诉讼案件未填类别"}, CellAddress{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy := baseOY()
			c.edit(oy)
			fs := ruleFindings(Check(oy, nil, checkToday), c.rule)
			if !c.fails {
				for _, f := range fs {
					t.Errorf("unexpected %s: %s", f.Rule, f.Message)
				}
				return
			}
			if len(fs) == 0 {
				t.Fatalf("rule %s did not report", c.rule)
			}
			var hit *Finding
			for i := range fs {
				all := true
				for _, m := range c.msg {
					all = all && strings.Contains(fs[i].Message, m)
				}
				if all {
					hit = &fs[i]
					break
				}
			}
			if hit == nil {
				for _, f := range fs {
					t.Logf("got: %s", f.Message)
				}
				t.Fatalf("no %s finding says %q", c.rule, c.msg)
			}
			if hit.Severity != c.sev {
				t.Errorf("severity %v, want %v", hit.Severity, c.sev)
			}
			if info, ok := RuleInfoOf(c.rule); !ok || info.Severity != c.sev || info.Explain == "" {
				t.Errorf("rule %s missing from RuleCatalog or with another severity: %+v", c.rule, info)
			}
			if !c.cell.IsZero() && hit.Cell != c.cell {
				t.Errorf("cell %v, want %v", hit.Cell, c.cell)
			}
			if strings.HasPrefix(c.rule, "L") && hit.Entry.Kind != EntryRequest {
				t.Errorf("entry %+v, want a request", hit.Entry)
			}
		})
	}
}

// y3 builds a 2020 report (2019 format) whose 行政许可 上一年项目数量 is prev,
// after a 2019 report with 8 and +3.
func y3(prev int64) func(*OrganYear) {
	return func(oy *OrganYear) {
		oy.Report = NewReport(1, 2020)
		setv(oy, TableS2Item5, RowLicensing, "prev", prev)
		oy.Prev = &PrevYear{Year: 2019, FormatID: "2019", Values: Values{
			Addr(TableS2Item5, RowLicensing, "prev"):  8,
			Addr(TableS2Item5, RowLicensing, "delta"): 3,
		}}
	}
}

func TestAcknowledgements(t *testing.T) {
	oy := baseOY()
	setv(oy, TableS2Item1, RowRules, "issued", 1) // I5 warning
	setv(oy, TableS3, RowDisclosed, ColTotal, 9)  // I1 error
	oy.Report.Acks = []Ack{
		{Rule: "I5", Target: Addr(TableS2Item1, RowRules, "issued").String(), Reason: "本镇受委托起草，数字来自上级"},
		{Rule: "I1", Target: Addr(TableS3, RowDisclosed, ColTotal).String(), Reason: "想跳过"},
	}
	fs := Check(oy, nil, checkToday)
	i5, i1 := ruleFindings(fs, "I5"), ruleFindings(fs, "I1")
	if len(i5) != 1 || !i5[0].Acked || i5[0].AckReason != "本镇受委托起草，数字来自上级" {
		t.Errorf("the warning was not acknowledged: %+v", i5)
	}
	if len(i1) == 0 || i1[0].Acked {
		t.Errorf("an error must not be acknowledged: %+v", i1)
	}
	// An acknowledgement of another cell does not carry over.
	oy.Report.Acks = []Ack{{Rule: "I5", Target: Addr(TableS2Item1, RowRules, "in_force").String(), Reason: "x"}}
	if f := ruleFindings(Check(oy, nil, checkToday), "I5"); len(f) != 1 || f[0].Acked {
		t.Errorf("acknowledgement matched the wrong target: %+v", f)
	}
}

func TestCheckOrder(t *testing.T) {
	oy := baseOY()
	setv(oy, TableS2Item1, RowRules, "issued", 1)                               // warning, section 2
	setv(oy, TableS4, RowS4Cases, S4Col(GroupReview, ResultTotal), 5)           // error, section 4
	setv(oy, TableS2Item5, RowLicensing, "decisions", -1)                       // error, section 2
	oy.Requests = []Request{answered(req(1, 20220301), 20220331, RowDisclosed)} // warning, section 3
	fs := Check(oy, nil, checkToday)
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule)
	}
	want := []string{"I4", "I3", "I5", "Y2", "L5"} // I5 and Y2 both in section 2, in rule order
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("order %v, want %v", got, want)
	}
}

// A log of 50,000 requests: table 三 computed from it, then every rule.
func bigLog() *OrganYear {
	f := FormatByID("2021")
	rows := f.OutcomeRows()
	reqs := make([]Request, 50000)
	for i := range reqs {
		rec := NewDate(2022, 1+i%12, 1+i%28)
		q := Request{ID: int64(i + 1), Year: 2022, Serial: i + 1, Received: rec, Applicant: ApplicantTypes[i%6]}
		// Most answered within 5–24 days; a few late; every 50th still open.
		if i%50 != 0 {
			q.Answered, q.Outcome = rec.AddDaysFast(5+i%20), rows[i%len(rows)]
			if i%97 == 0 {
				q.Answered = rec.AddDaysFast(45)
			}
		}
		reqs[i] = q
	}
	oy := baseOY()
	oy.Report.Mode3 = FromLog
	oy.Requests = reqs
	return oy
}

// TestCheckOnBigLog runs every rule over 50,000 entries; its speed is
// measured by BenchmarkCheck, not asserted here.
func TestCheckOnBigLog(t *testing.T) {
	fs := Check(bigLog(), DefaultCalendar(), 20230110)
	if len(ruleFindings(fs, "L5")) == 0 || len(ruleFindings(fs, "L6")) == 0 {
		t.Fatal("the big log should have late and overdue entries")
	}
}

func BenchmarkComputeS3(b *testing.B) {
	oy := bigLog()
	f := oy.Report.Format()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ComputeS3(f, 2022, oy.Requests)
	}
}

func BenchmarkCheck(b *testing.B) {
	oy := bigLog()
	cal := DefaultCalendar()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Check(oy, cal, 20230110)
	}
}

func TestComputeS3FromLog(t *testing.T) {
	f := FormatByID("2021")
	reqs := []Request{
		answered(req(1, 20220110), 20220120, RowDisclosed),                                        // new, disclosed
		answered(req(2, 20221220), 20230105, "o4_1"),                                              // new, carried out
		answered(Request{ID: 3, Received: 20211215, Applicant: Business}, 20220104, "o6_2"),       // carried in, answered
		{ID: 4, Received: 20211201, Applicant: Business},                                          // carried in, still open
		answered(Request{ID: 5, Received: 20211101, Applicant: Business}, 20211120, RowDisclosed), // closed last year
		answered(req(6, 20220301), 20220305, "o6"),                                                // 2019 outcome: left out (L2)
	}
	v := ComputeS3(f, 2022, reqs)
	want := map[CellAddress]int64{
		Addr(TableS3, RowNew, "np"):            3,
		Addr(TableS3, RowCarriedIn, "biz"):     2,
		Addr(TableS3, RowDisclosed, "np"):      1,
		Addr(TableS3, "o6_2", "biz"):           1,
		Addr(TableS3, RowCarriedOut, "np"):     1,
		Addr(TableS3, RowCarriedOut, "biz"):    1,
		Addr(TableS3, RowOutcomeSum, "np"):     1,
		Addr(TableS3, RowOutcomeSum, ColTotal): 2,
		Addr(TableS3, RowNew, ColTotal):        3,
	}
	for a, n := range want {
		if v[a] != n {
			t.Errorf("%s = %d, want %d", f.Place(a), v[a], n)
		}
	}
}

func TestRuleCatalogUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range RuleCatalog {
		if seen[r.ID] || r.Title == "" || r.Explain == "" {
			t.Errorf("catalogue entry %s duplicated or empty", r.ID)
		}
		seen[r.ID] = true
	}
	if _, ok := RuleInfoOf("Z9"); ok {
		t.Error("RuleInfoOf found an unknown rule")
	}
}
