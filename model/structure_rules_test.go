package model

import (
	"strings"
	"testing"
)

// fillNarrative writes a sentence under every sub-heading of section 一 and
// into every other section, so the base fixture has no empty part (B1–B3).
func fillNarrative(r *Report) {
	for i := range r.Blocks {
		if r.Blocks[i].Kind == BlockParagraph && r.Blocks[i].Text == "" {
			r.Blocks[i].ID = int64(200 + i)
			r.Blocks[i].Text = "已落实。"
		}
	}
}

// blockAt returns a pointer to the n-th block of a section.
func blockAt(oy *OrganYear, section, n int) *Block {
	k := 0
	for i := range oy.Report.Blocks {
		if oy.Report.Blocks[i].Section == section {
			if k == n {
				return &oy.Report.Blocks[i]
			}
			k++
		}
	}
	return nil
}

func clearSection(section int) func(*OrganYear) {
	return func(oy *OrganYear) {
		for i := range oy.Report.Blocks {
			if oy.Report.Blocks[i].Section == section && oy.Report.Blocks[i].Kind == BlockParagraph {
				oy.Report.Blocks[i].Text = " "
			}
		}
	}
}

// Each of B1–B4 with a case that passes and one that fails.
func TestStructureRules(t *testing.T) {
	cases := []struct {
		name string
		edit func(*OrganYear)
		rule string
		sev  Severity
		msg  []string // empty: no finding of the rule
	}{
		{"every sub-section of 一 has text", func(*OrganYear) {}, "B1", Warning, nil},
		{"an empty sub-section of 一", func(oy *OrganYear) { blockAt(oy, 1, 5).Text = "" }, "B1", Warning,
			[]string{"「一、总体情况」的小标题「政府信息管理」下面没有正文"}},
		{"a sub-section with only a sub-heading under it", func(oy *OrganYear) {
			p := blockAt(oy, 1, 1)
			p.Kind, p.Level, p.Text = BlockHeading, 2, "公开目录"
		}, "B1", Warning, []string{"小标题「主动公开」下面没有正文"}},
		{"an empty 一 is one B2, not five B1", clearSection(1), "B1", Warning, nil},
		{"every section has text", func(*OrganYear) {}, "B2", Warning, nil},
		{"empty 一", clearSection(1), "B2", Warning, []string{"「一、总体情况」没有文字，导出后只有标题"}},
		{"empty 三", clearSection(3), "B2", Warning, []string{"「三、收到和处理政府信息公开申请情况」没有文字，导出后只有标题和表格"}},
		{"2021 六 prints the fee sentence", clearSection(6), "B2", Warning, nil},
		{"2019 六 empty", both(clearSection(6), func(oy *OrganYear) { oy.Report.FormatID = "2019" }), "B2", Warning,
			[]string{"「六、其他需要报告的事项」没有文字"}},
		{"五 with text", func(*OrganYear) {}, "B3", Error, nil},
		{"五 with measures only", both(clearSection(5), func(oy *OrganYear) {
			oy.Measures = []Measure{{ID: 1, Year: 2022, Problem: "公开不及时", Measure: "建立台账"}}
		}), "B3", Error, nil},
		{"五 with last year's measure only", both(clearSection(5), func(oy *OrganYear) {
			oy.Measures = []Measure{{ID: 1, Year: 2021, Problem: "公开不及时"}}
		}), "B3", Error, []string{"「五、存在的主要问题及改进情况」没有文字，也没有整改措施"}},
		{"empty 五 is an error, not a B2", clearSection(5), "B2", Warning, nil},
		{"empty 五", clearSection(5), "B3", Error, []string{"必须写明存在的主要问题和改进情况"}},
		{"a short heading", func(oy *OrganYear) {
			oy.Report.Blocks = append(oy.Report.Blocks, Block{ID: 90, Section: 1, Kind: BlockHeading, Level: 1, Text: "疫情防控信息公开"},
				Block{ID: 91, Section: 1, Kind: BlockParagraph, Text: "及时发布防控信息。"})
		}, "B4", Warning, nil},
		{"a paragraph typed into a heading", func(oy *OrganYear) {
			blockAt(oy, 1, 0).Text = "主动公开本局全年主动公开政府信息120条，其中规范性文件3件"
		}, "B4", Warning, []string{"小标题「主动公开本局全年主动公开政府信息120条，其中规范性文件3件」有 30 个字，超过 20 个字"}},
		{"a heading ending in 。", func(oy *OrganYear) { blockAt(oy, 1, 2).Text = "依申请公开。" }, "B4", Warning,
			[]string{"小标题「依申请公开。」以「。」结尾"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			oy := baseOY()
			tc.edit(oy)
			fs := ruleFindings(Check(oy, nil, checkToday), tc.rule)
			if len(tc.msg) == 0 {
				for _, f := range fs {
					t.Errorf("unexpected %s: %s", f.Rule, f.Message)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("want one %s finding, got %d: %v", tc.rule, len(fs), fs)
			}
			if fs[0].Severity != tc.sev {
				t.Errorf("severity %v, want %v", fs[0].Severity, tc.sev)
			}
			for _, m := range tc.msg {
				if !strings.Contains(fs[0].Message, m) {
					t.Errorf("message %q lacks %q", fs[0].Message, m)
				}
			}
		})
	}
}

func TestOfficialHeading(t *testing.T) {
	for _, tc := range []struct {
		b    Block
		want bool
	}{
		{Block{Section: 1, Kind: BlockHeading, Level: 1, Text: "主动公开"}, true},
		{Block{Section: 1, Kind: BlockHeading, Level: 1, Text: "监督保障"}, true},
		{Block{Section: 1, Kind: BlockHeading, Level: 1, Text: "主动公开本局公开120条"}, false},
		{Block{Section: 1, Kind: BlockParagraph, Text: "主动公开"}, false},
		{Block{Section: 2, Kind: BlockHeading, Level: 1, Text: "主动公开"}, false},
		{Block{Section: 1, Kind: BlockHeading, Level: 2, Text: "主动公开"}, false},
	} {
		if got := OfficialHeading(tc.b); got != tc.want {
			t.Errorf("OfficialHeading(%+v) = %v, want %v", tc.b, got, tc.want)
		}
	}
}
