package model

import (
	"strings"
	"testing"
)

// N10: each case has a passing or a failing outcome.
func TestPlanYears(t *testing.T) {
	cases := []struct {
		name, text string
		measure    string
		want       string // "" when N10 must not report
	}{
		{"next year's plan", "（二）改进措施。2023年，我局将继续严格落实政府信息公开制度。", "", ""},
		{"this year's plan", "（二）改进措施。2022年，我局将坚持以人民为中心，进一步加强政务公开。", "",
			"「2022年，我局将坚持"},
		{"after a colon, full-width digits", "下一步工作：２０２２年将进一步规范依申请公开办理。", "", "本报告是2022年度的，下一步的工作应写2023年"},
		{"将 marks the object of a past action", "2022年，我局将政务公开纳入年度考核，但仍存在不足。", "", ""},
		{"this year's problems", "2022年，我局政务公开工作存在以下问题：一是公开内容不够全面。", "", ""},
		{"the year inside a sentence", "针对2022年存在的问题，我局将继续改进。", "", ""},
		{"a measure of the year", "", "2022年将持续完善依申请公开办理流程", "「2022年将持续"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy := baseOY()
			if c.text != "" {
				oy.Report.Blocks = append(oy.Report.Blocks, Block{ID: 60, Section: 5, Kind: BlockParagraph, Text: c.text})
			}
			if c.measure != "" {
				oy.Measures = append(oy.Measures, Measure{ID: 7, Year: oy.Report.Year, Problem: "办理流程不够规范", Measure: c.measure})
			}
			fs := ruleFindings(Check(oy, nil, checkToday), "N10")
			if c.want == "" {
				for _, f := range fs {
					t.Errorf("unexpected N10: %s", f.Message)
				}
				return
			}
			if len(fs) != 1 || !strings.Contains(fs[0].Message, c.want) || fs[0].Severity != Warning || fs[0].Section != 5 {
				t.Fatalf("want one N10 (提示, 五) saying %q, got %v", c.want, fs)
			}
		})
	}
}
