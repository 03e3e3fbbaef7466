package model

import (
	"strings"
	"testing"
)

func TestListSums(t *testing.T) {
	cases := []struct {
		name string
		text string
		msg  []string // empty: N9 must not report
	}{
		{"parts add up", "全年主动公开信息数161条，其中机关职能类信息31条，行政许可类信息1条，财政预决算类信息4条，扶贫、教育、医疗、社会保障、促进就业类信息6条；突发公共事件应急预案类信息43条；环境保护、公共卫生、安全生产、食品药品、产品质量类信息44条；其他应主动公开的政府信息32条。", nil},
		{"a part named after 其他 completes the sum", "公开政府信息117条，其中国民经济和社会发展规划6条；财政预算、决算信息1条；其他应主动公开的政府信息41条；在“基层政务公开”专题专栏公开信息69条。", nil},
		{"no 其他: only some parts are named", "2021年共发布795篇公众号信息，其中原创类信息210篇，方便群众随时随地掌握信息动态。", nil},
		{"the next statement is not a part", "公开信息118条，其中规范性文件1条，其他117条，通过微信公众号发布信息527条。", nil},
		{"another unit is not a part", "收到申请5件，其中自然人4件，其他1件，办结4条。", nil},
		{"a list ending in 等 names some parts only", "全文电子化的主动公开信息数共198条，其中:财税金融等政策及解读共7条；财政预算、决算报告共3条；专项资金使用情况公开共62条；其他文件共2条；工作动态共2条;地方性法规1条；公示公告信息17条等。", nil},
		{"parts add up before the sentence runs on", "全年印发公文类政府信息共510条，其中主动公开信息数169，依申请公开信息数317条，不予公开24条；全年通过政府门户网站主动公开政策，规范性文件类信息5条，科教卫健类信息83条，其他应主动公开的政府信息2条，解读政策性文件8条。", nil},
		{"full-width digits", "公开信息１１８条，其中规范性文件１条，其他１１７条。", nil},
		{"parts one short", "全年政府信息主动公开135条，其中政策及规范性文件类1条，行政许可类3条，社会保障类9条，安全生产应急管理类24条，其他类97条；办理依申请公开1件。",
			[]string{"「一、总体情况」中「全年政府信息主动公开135条，其中政策及规范性文件类1条……」所列各项相加为 134（1+3+9+24+97），不等于总数 135"}},
		{"the 其他 part closes the list even after the parts reached the total", "全年政府信息主动公开128条，其中政策及规范性文件类2条，征地信息108条，土地划拨18条，其他类1条；办理依申请公开18件。",
			[]string{"所列各项相加为 129（2+108+18+1），不等于总数 128"}},
		{"a statement with two counts after the 其他 part ends the list", "累计主动公开政府信息20条，其中监督检查情况9条，其他应主动公开的政府信息12条；公开财政预决算信息2条、三公经费信息1条，发布公示公告50条。",
			[]string{"所列各项相加为 21（9+12），不等于总数 20"}},
		{"parts over the total", "共收到申请10件，其中自然人8件，其他3件。",
			[]string{"所列各项相加为 11（8+3），不等于总数 10"}},
		{"a part after the 其他 one is in the sum the message quotes", "公开政府信息118条，其中国民经济和社会发展规划6条；财政预算、决算信息1条；其他应主动公开的政府信息41条；在“基层政务公开”专题专栏公开信息69条。",
			[]string{"所列各项相加为 117（6+1+41+69），不等于总数 118"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy := baseOY()
			oy.Report.Blocks = append(oy.Report.Blocks, Block{ID: 50, Section: 1, Kind: BlockParagraph, Text: c.text})
			fs := ruleFindings(Check(oy, nil, checkToday), "N9")
			if len(c.msg) == 0 {
				for _, f := range fs {
					t.Errorf("unexpected N9: %s", f.Message)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("want one N9, got %d: %v", len(fs), fs)
			}
			for _, m := range c.msg {
				if !strings.Contains(fs[0].Message, m) {
					t.Errorf("N9 says %q, want %q", fs[0].Message, m)
				}
			}
			if info, ok := RuleInfoOf("N9"); !ok || info.Severity != Warning || fs[0].Severity != Warning {
				t.Errorf("N9 should be a 提示 in RuleCatalog")
			}
		})
	}
}
