package model

import (
	"strings"
	"testing"
)

const (
	lastYearPara = "我镇严格落实政府信息公开各项制度，通过政府门户网站、政务新媒体和政务公开栏及时发布各类政府信息，保障群众的知情权、参与权和监督权。"
	nilFee       = "按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息公开处理费。"
	feeCharged   = "按照《政府信息公开信息处理费管理办法》规定，本年度共收取信息处理费200元，均已上缴国库，未发生超标准收费。"
	thisYearPara = "本年度我镇把政务公开与乡村振兴结合起来，在各嘎查村公开栏集中公开惠农补贴发放名单，并通过微信公众号逐项解读新出台的救助政策。"
)

func withPrevText(texts ...string) func(*OrganYear) {
	return func(oy *OrganYear) {
		for i, t := range texts {
			oy.Prev.Blocks = append(oy.Prev.Blocks, Block{ID: int64(900 + i), Section: 1, Kind: BlockParagraph, Text: t})
		}
	}
}

func withBlock(b Block) func(*OrganYear) {
	return func(oy *OrganYear) {
		b.ID = 50
		if b.Kind == "" {
			b.Kind = BlockParagraph
		}
		if b.Section == 0 {
			b.Section = 1
		}
		oy.Report.Blocks = append(oy.Report.Blocks, b)
	}
}

func TestCopyChecks(t *testing.T) {
	cases := []struct {
		name string
		rule string
		edit func(*OrganYear)
		msg  []string // empty: the rule must not report
	}{
		// N2
		{"N2 rewritten paragraph", "N2", both(withPrevText(lastYearPara), withBlock(Block{Text: thisYearPara})), nil},
		{"N2 short stock phrase repeats", "N2", both(withPrevText("无。"), withBlock(Block{Section: 6, Text: "无。"})), nil},
		{"N2 paragraph copied from last year", "N2", both(withPrevText(lastYearPara), withBlock(Block{Text: " " + lastYearPara + "\n"})),
			[]string{"「一、总体情况」中有一段与上年报告一字不差：「我镇严格落实政府信息公开各项制度"}},
		{"N2 the stock nil-fee statement repeats", "N2", both(withPrevText(nilFee), withBlock(Block{Section: 6, Text: nilFee})), nil},
		{"N2 the nil-fee statement does not excuse the rest of its paragraph", "N2",
			both(withPrevText("本年度没有产生信息处理费。"+lastYearPara), withBlock(Block{Section: 6, Text: "本年度没有产生信息处理费。" + lastYearPara})),
			[]string{"「六、其他需要报告的事项」中有一段与上年报告一字不差：「本年度没有产生信息处理费。我镇严格落实"}},
		{"N2 the nil-fee statement with a short remark repeats", "N2",
			both(withPrevText(nilFee+"特此说明。"), withBlock(Block{Section: 6, Text: nilFee + "特此说明。"})), nil},
		{"N2 a nil-fee paragraph of two sentences about the fee repeats", "N2",
			both(withPrevText("本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，本机关将依照规定收取信息处理费。"),
				withBlock(Block{Section: 6, Text: "本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，本机关将依照规定收取信息处理费。"})), nil},
		{"N2 a fee paragraph with an amount copied", "N2", both(withPrevText(feeCharged), withBlock(Block{Section: 6, Text: feeCharged})),
			[]string{"「六、其他需要报告的事项」中有一段与上年报告一字不差"}},
		{"N2 carried-over text never edited", "N2", withBlock(Block{Text: lastYearPara, Origin: lastYearPara}),
			[]string{"与上年报告一字不差"}},

		// N3
		{"N3 current year", "N3", withBlock(Block{Text: "2022年我镇共办理政府信息公开申请4件。"}), nil},
		{"N3 last year's end on purpose", "N3", withBlock(Block{Text: "截至2021年底，我镇现行有效规范性文件10件。"}), nil},
		{"N3 comparison with last year", "N3", withBlock(Block{Text: "与2021年相比，依申请公开数量有所增加。"}), nil},
		{"N3 comparison after the year", "N3", withBlock(Block{Text: "较2021年同期增长两成。"}), nil},
		{"N3 since last year", "N3", withBlock(Block{Text: "自2021年起我镇实行政务公开清单管理。"}), nil},
		{"N3 last year's report named on purpose", "N3", withBlock(Block{Section: 5, Text: "2021年度报告中提出的问题已整改到位。"}), nil},
		{"N3 last year's final accounts", "N3", withBlock(Block{Section: 2, Text: "按时公开2021年部门决算和2022年部门预算。"}), nil},
		{"N3 last year's government accounts", "N3", withBlock(Block{Section: 1, Text: "在政府门户网站开设专题专栏，公开2022年政府预算、2021年政府决算。"}), nil},
		{"N3 last year's spending evaluated", "N3", withBlock(Block{Section: 1, Text: "准确发布2022年度财政支出项目绩效目标、2021年度财政支出项目绩效评价结果等财政信息。"}), nil},
		{"N3 a document made last year", "N3", withBlock(Block{Section: 1, Text: "镇里把政务公开纳入年度考核，继续执行2021年制定的考核评议办法。"}), nil},
		{"N3 last year's work, not a document", "N3", withBlock(Block{Section: 1, Text: "继续执行考核办法，2021年制定考核细则三项。"}),
			[]string{"2021年制定考核细则三项"}},
		{"N3 last year's problems rectified", "N3", withBlock(Block{Section: 5, Text: "我局针对2021年政府信息公开中存在的问题，认真分析，积极整改。"}), nil},
		{"N3 problems in another clause", "N3", withBlock(Block{Section: 5, Text: "2021年，我局政府信息公开工作取得一定成效，但还存在一些问题。"}),
			[]string{"提到「2021年」，这是上一年"}},
		{"N3 accounts in another clause", "N3", withBlock(Block{Section: 1, Text: "2021年共公开信息120条，其中决算信息5条。"}),
			[]string{"2021年共公开信息120条"}},
		{"N3 last year as if current", "N3", withBlock(Block{Text: "2021年我镇政务公开工作取得了明显成效。"}),
			[]string{"提到「2021年我镇政务公开工作取得了明显成效」", "应改为2022年"}},
		{"N3 full-width year", "N3", withBlock(Block{Text: "按照《全旗２０２１年政务公开工作要点》要求，扎实推进。"}),
			[]string{"提到「《全旗２０２１年政务公开工作要点》」"}},
		{"N3 quotes the title the year stands in", "N3", func(oy *OrganYear) {
			oy.Report.Preamble.Text = "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅关于印发2021年政务公开工作要点的通知》（国办发〔2021〕12号）要求，特向社会公布本报告。"
		}, []string{"报告开头一段提到「《国务院办公厅关于印发2021年政务公开工作要点的通知》」，这是上一年"}},

		{"N3 preamble names last year", "N3", func(oy *OrganYear) {
			oy.Report.Preamble.Text = "现公布本镇2021年政府信息公开工作年度报告。"
		}, []string{"报告开头一段提到「现公布本镇2021年政府信息公开工作年度报告」"}},
		{"N3 preamble names the report year", "N3", func(oy *OrganYear) {
			oy.Report.Preamble.Text = "现公布本镇2022年政府信息公开工作年度报告。"
		}, nil},

		// N5
		{"N5 edited block", "N5", withBlock(Block{Text: thisYearPara, Origin: lastYearPara}), nil},
		{"N5 stale block", "N5", withBlock(Block{Text: lastYearPara, Origin: lastYearPara, Stale: true}),
			[]string{"「一、总体情况」中有一段是从上年带过来的文字，还没有更新（待更新）"}},

		// N6
		{"N6 rewritten narrative", "N6", both(withPrevText(lastYearPara), withBlock(Block{Text: thisYearPara})), nil},
		{"N6 narrative copied wholesale", "N6", both(withPrevText(lastYearPara, thisYearPara),
			withBlock(Block{Text: lastYearPara}), withBlock(Block{Section: 2, Text: strings.Replace(thisYearPara, "惠农补贴", "低保", 1)})),
			[]string{"与2021年报告的相似度为", "超过 70%"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy := baseOY()
			c.edit(oy)
			fs := ruleFindings(Check(oy, nil, checkToday), c.rule)
			if len(c.msg) == 0 {
				for _, f := range fs {
					t.Errorf("unexpected %s: %s", f.Rule, f.Message)
				}
				return
			}
			for _, f := range fs {
				ok := f.Severity == Warning
				for _, m := range c.msg {
					ok = ok && strings.Contains(f.Message, m)
				}
				if ok {
					if info, found := RuleInfoOf(c.rule); !found || info.Severity != Warning {
						t.Errorf("rule %s missing from RuleCatalog", c.rule)
					}
					return
				}
				t.Logf("got: %s", f.Message)
			}
			t.Errorf("no %s finding says %q", c.rule, c.msg)
		})
	}
}

func TestSimilarity(t *testing.T) {
	para := func(texts ...string) []Block {
		var bs []Block
		for _, s := range texts {
			bs = append(bs, Block{Kind: BlockParagraph, Text: s})
		}
		return bs
	}
	if got := Similarity(para(lastYearPara), para(lastYearPara)); got != 100 {
		t.Errorf("identical = %v, want 100", got)
	}
	if got := Similarity(para("甲乙丙丁"), para("戊己庚辛")); got != 0 {
		t.Errorf("disjoint = %v, want 0", got)
	}
	if got := Similarity(para(lastYearPara), para(thisYearPara)); got > 40 {
		t.Errorf("different paragraphs = %v, want low", got)
	}
	// Changing only the numbers and the year keeps the text identical.
	a := "2021年共收到申请12件，办结11件。"
	b := "2022年共收到申请30件，办结29件。"
	if got := Similarity(para(a), para(b)); got != 100 {
		t.Errorf("numbers only = %v, want 100", got)
	}
	// Half copied lands in between.
	half := Similarity(para(lastYearPara, thisYearPara), para(lastYearPara))
	if half < 50 || half > 90 {
		t.Errorf("half copied = %v, want between", half)
	}
	// Headings do not count.
	heads := []Block{{Kind: BlockHeading, Text: "主动公开"}}
	if got := Similarity(heads, heads); got != 0 {
		t.Errorf("headings only = %v, want 0", got)
	}
	if got := Similarity(nil, para(lastYearPara)); got != 0 {
		t.Errorf("empty = %v", got)
	}
}

// TestLastYearQuoteKeepsNumbersWhole: the quote around a year never starts
// inside a number (it quoted 「019年度财政支出…」).
func TestLastYearQuoteKeepsNumbersWhole(t *testing.T) {
	got := lastYearAsCurrent("以及2019年度财政支出项目绩效目标、2018年度财政支出项目资金执行情况等财政信息。", 2019)
	if !strings.HasPrefix(got, "2019年度") && !strings.HasPrefix(got, "2018年度") {
		t.Fatalf("quoted %q, want it to start at a whole number", got)
	}
}

func TestLastYearQuoteKeepsTheClerksPunctuation(t *testing.T) {
	got := lastYearAsCurrent("镇里把政务公开纳入年度考核，２０１８年共主动公开信息１２０条，本年度又补充了制度。", 2019)
	if got != "２０１８年共主动公开信息１２０条" {
		t.Fatalf("quoted %q, want the clause in the clerk's own characters", got)
	}
}
