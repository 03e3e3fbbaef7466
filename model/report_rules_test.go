package model

import (
	"strings"
	"testing"
)

// The rules on extensions, 延迟答复, fees, the report date, section 一 of a
// government and the basis list: each with a case that passes and one that
// fails, the message checked.
func TestDeliverRules(t *testing.T) {
	withReq := func(edit func(q *Request)) func(*OrganYear) {
		q := req(1, 20220301) // original deadline 2022-03-29
		edit(&q)
		return withRequests(q)
	}
	person := Personal{Name: "张三", Phone: "13800000000"}
	monthOf := func(n int, fee int64) func(*OrganYear) {
		return func(oy *OrganYear) {
			for i := 1; i <= n; i++ {
				q := req(i, 20220301+Date(i%20))
				q.Personal = person
				if i == n {
					q.FeeMethod, q.Fee, q.FeeNotice = FeePerRequest, fee, 20220325
				}
				oy.Requests = append(oy.Requests, q)
			}
		}
	}
	cases := []struct {
		name string
		rule string
		edit func(*OrganYear)
		msg  []string // nil: the rule must not report
	}{
		{"L9 extension told in time", "L9", withReq(func(q *Request) { q.ExtDays, q.ExtApprovedBy, q.ExtNotice = 10, "李主任", 20220329 }), nil},
		{"L9 extension never told", "L9", withReq(func(q *Request) { q.ExtDays, q.ExtApprovedBy = 10, "李主任" }),
			[]string{"延期 10 个工作日，但没有填延期告知日期", "答复期限仍为 2022-03-29"}},
		{"L9 extension told late", "L9", withReq(func(q *Request) { q.ExtDays, q.ExtApprovedBy, q.ExtNotice = 10, "李主任", 20220330 }),
			[]string{"延期告知日期 2022-03-30 晚于原答复期限 2022-03-29"}},
		{"L5 an extension told late does not save the answer", "L5", withReq(func(q *Request) {
			q.ExtDays, q.ExtApprovedBy, q.ExtNotice = 10, "李主任", 20220330
			q.Answered, q.Outcome = 20220407, RowDisclosed
		}), []string{"超过了答复期限 2022-03-29"}},
		{"L10 延迟答复 told in time", "L10", withReq(func(q *Request) { q.DelayNotice, q.DelayedTo = 20220325, 20220630 }), nil},
		{"L5 延迟答复 answered on the date set is not late", "L5", withReq(func(q *Request) {
			q.DelayNotice, q.DelayedTo = 20220325, 20220630
			q.Answered, q.Outcome = 20220630, RowDisclosed
		}), nil},
		{"L10 延迟答复 without the date told", "L10", withReq(func(q *Request) { q.DelayedTo = 20220630 }),
			[]string{"填了延迟答复日期 2022-06-30，但没有填告知申请人的日期"}},
		{"L10 延迟答复 told late", "L10", withReq(func(q *Request) { q.DelayNotice, q.DelayedTo = 20220401, 20220630 }),
			[]string{"延迟答复告知日期 2022-04-01 晚于答复期限 2022-03-29"}},
		{"P1 unpaid with a notice", "P1", withReq(func(q *Request) {
			q.FeeMethod, q.Pages, q.Fee, q.FeeNotice = FeePerPage, 40, 10000, 20220310
			q.Answered, q.Outcome = 20220420, RowUnpaidFee
		}), nil},
		{"P1 unpaid without a notice", "P1", withReq(func(q *Request) { q.Answered, q.Outcome = 20220320, RowUnpaidFee }),
			[]string{"逾期未按收费通知要求缴纳费用」，但没有收费通知日期"}},
		{"P1 typed table, the log holds no notice", "P1", unpaidTyped(true, 0),
			[]string{"表三 （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 总计 为 1，但本年没有发出收费通知"}},
		{"P1 typed table without a log is not an error", "P1", unpaidTyped(false, 0), nil},
		{"P5 typed table without a log, notices entered", "P5", unpaidTyped(false, 1), nil},
		{"P5 typed table without a log nor notices", "P5", unpaidTyped(false, 0), []string{"说明本年至少发出 1 份收费通知"}},
		{"P2 fee with a notice", "P2", withReq(func(q *Request) { q.FeeMethod, q.Pages, q.Fee, q.FeeNotice = FeePerPage, 40, 10000, 20220310 }), nil},
		{"P2 fee without a notice", "P2", withReq(func(q *Request) { q.FeeMethod, q.Pages, q.Fee = FeePerPage, 40, 10000 }),
			[]string{"收取信息处理费 100 元，但没有收费通知日期"}},
		{"P3 按量 at the band", "P3", withReq(func(q *Request) { q.FeeMethod, q.Pages, q.Fee, q.FeeNotice = FeePerPage, 40, 10000, 20220310 }), nil},
		{"P3 按量 off the band", "P3", withReq(func(q *Request) { q.FeeMethod, q.Pages, q.Fee, q.FeeNotice = FeePerPage, 40, 20000, 20220310 }),
			[]string{"按量收费 200 元，但 40 页按标准应收 100 元"}},
		{"P3 按件 on the 11th request", "P3", monthOf(11, 10000), nil},
		{"P3 按件 on the 10th request", "P3", monthOf(10, 10000),
			[]string{"当月第 10 件申请，按标准应收 0 元（每月前 10 件免费）"}},
		{"P4 notice in time", "P4", withReq(func(q *Request) { q.FeeMethod, q.Pages, q.Fee, q.FeeNotice = FeePerPage, 40, 10000, 20220329 }), nil},
		{"P4 notice after the deadline", "P4", withReq(func(q *Request) { q.FeeMethod, q.Pages, q.Fee, q.FeeNotice = FeePerPage, 40, 10000, 20220330 }),
			[]string{"收费通知于 2022-03-30 发出，晚于答复期限 2022-03-29"}},
		{"D1 dated by the due date", "D1", func(oy *OrganYear) { oy.Report.Date = 20230131 }, nil},
		{"D1 dated after the due date", "D1", func(oy *OrganYear) { oy.Report.Date = 20230201 },
			[]string{"报告落款日期 2023-02-01 晚于报送期限 2023-01-31"}},
		{"D1 a county government is due by 31 March", "D1", func(oy *OrganYear) {
			oy.Organ.Level = LevelCountyGov
			oy.Report.Date = 20230320
		}, nil},
		{"N7 a government names all three", "N7", withText(1, "严格落实工作考核、社会评议和责任追究制度，全年未发生责任追究情况。"), nil},
		{"N7 a department need not", "N7", func(oy *OrganYear) {
			oy.Organ = Organ{Name: "某县教育局", Level: LevelCountyDept}
			withText(1, "加强监督保障。")(oy)
		}, nil},
		{"N7 a government leaves out 评议 and 追究", "N7", onlySection1("把政务公开纳入年度绩效考核。"),
			[]string{"没有写社会评议、责任追究结果情况"}},
		{"N7 问责 is 责任追究", "N7", onlySection1("把政务公开纳入年度绩效考核，对相关责任人进行递进式效能问责。"),
			[]string{"没有写社会评议结果情况"}},
		{"N8 basis listed once", "N8", func(oy *OrganYear) { oy.Report.Preamble.Basis = "《2022年全旗政务公开工作要点》" }, nil},
		{"N8 the Regulation in the basis again", "N8", func(oy *OrganYear) {
			oy.Report.Preamble.Basis = "《中华人民共和国政府信息公开条例》"
		}, []string{"把条例写了两遍"}},
		{"N8 a clerk's own preamble", "N8", func(oy *OrganYear) {
			oy.Report.Preamble.Text = "根据《条例》第五十条和《中华人民共和国政府信息公开条例》的规定，编制本报告。"
		}, []string{"「根据《条例》第五十条和《中华人民共和国政府信息公开条例》」"[len("「根据"):]}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy := baseOY()
			c.edit(oy)
			fs := ruleFindings(Check(oy, nil, checkToday), c.rule)
			if c.msg == nil {
				for _, f := range fs {
					t.Errorf("unexpected %s: %s", f.Rule, f.Message)
				}
				return
			}
			for _, f := range fs {
				ok := true
				for _, m := range c.msg {
					ok = ok && strings.Contains(f.Message, m)
				}
				if ok {
					if info, found := RuleInfoOf(c.rule); !found || info.Severity != f.Severity {
						t.Errorf("%s reported as %v, catalogue says %v", c.rule, f.Severity, info.Severity)
					}
					return
				}
				t.Logf("got: %s", f.Message)
			}
			t.Errorf("no %s finding says %q", c.rule, c.msg)
		})
	}
}

func TestDueDateByLevel(t *testing.T) {
	if got := (Organ{Level: LevelCountyGov}).DueDate(2022); got != 20230331 {
		t.Errorf("county government: %v", got)
	}
	for _, l := range []OrganLevel{LevelTownship, LevelCountyDept, LevelOther, ""} {
		if got := (Organ{Level: l}).DueDate(2022); got != 20230131 {
			t.Errorf("%s: %v", l, got)
		}
	}
	if got := (Organ{Level: LevelCountyGov, DueMonth: 2, DueDay: 15}).DueDate(2022); got != 20230215 {
		t.Errorf("set by the clerk: %v", got)
	}
}

// unpaidTyped types one （六）2 request into the table, with or without a
// request log and with the given number of fee notices entered.
func unpaidTyped(withLog bool, notices int) func(*OrganYear) {
	return func(oy *OrganYear) {
		setv(oy, TableS3, RowNew, "np", 4)
		setv(oy, TableS3, RowUnpaidFee, "np", 1)
		refill(oy.Report)
		oy.Requests = nil
		if withLog {
			oy.Requests = []Request{req(1, 20220301)}
		}
		oy.Report.Fees.Notices = notices
	}
}

// onlySection1 blanks section 一's paragraphs and adds text as its only
// content.
func onlySection1(text string) func(*OrganYear) {
	return func(oy *OrganYear) {
		for i := range oy.Report.Blocks {
			if oy.Report.Blocks[i].Section == 1 && oy.Report.Blocks[i].Kind == BlockParagraph {
				oy.Report.Blocks[i].Text = "已落实。"
			}
		}
		withText(1, text)(oy)
	}
}
