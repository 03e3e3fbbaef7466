package model

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// withText adds one paragraph to a section of the base fixture.
func withText(section int, text string) func(*OrganYear) {
	return func(oy *OrganYear) {
		oy.Report.Blocks = append(oy.Report.Blocks, Block{ID: 50, Section: section, Kind: BlockParagraph, Text: text})
	}
}

func withItems(n int) func(*OrganYear) {
	return func(oy *OrganYear) {
		for i := 0; i < n; i++ {
			oy.Items = append(oy.Items, DisclosureItem{ID: int64(i + 1), Year: 2022, Title: "通知", Published: NewDate(2022, 3, 1+i)})
		}
	}
}

// prevNew gives last year's report 一、本年新收 = n.
func prevNew(n int64) func(*OrganYear) {
	return func(oy *OrganYear) {
		oy.Prev.Values[Addr(TableS3, RowNew, string(NaturalPerson))] = n
		oy.Prev.Values[Addr(TableS3, RowNew, ColTotal)] = n
		oy.Prev.Values[Addr(TableS3, RowOutcomeSum, ColTotal)] = n
	}
}

func both(fs ...func(*OrganYear)) func(*OrganYear) {
	return func(oy *OrganYear) {
		for _, f := range fs {
			f(oy)
		}
	}
}

// The base fixture: 表三 一 = 4, 二 = 1, （七） = 4 (予以公开 3, 不予公开 1),
// 四 = 1; 表四 行政复议 1 (结果维持 1), no lawsuits.
func TestNarrativeN1(t *testing.T) {
	cases := []struct {
		name string
		edit func(*OrganYear)
		msg  []string // empty: no N1 finding
	}{
		{"received agrees", withText(3, "本年度共收到政府信息公开申请4件，上年结转1件。"), nil},
		{"received in Chinese numerals agrees", withText(3, "我镇共收到政府信息公开申请四件。"), nil},
		{"received differs", withText(3, "本年度共收到政府信息公开申请12件，全部按期办结。"),
			[]string{"「三、收到和处理政府信息公开申请情况」写「本年度共收到政府信息公开申请12件，全部按期办结」", "表三「一、本年新收政府信息公开申请数量」总计为 4"}},
		{"received in Chinese numerals differs", withText(1, "全年新收依申请公开申请十二件"),
			[]string{"表三「一、本年新收政府信息公开申请数量」总计为 4"}},
		{"a period is not a count", withText(3, "收到申请后15个工作日内答复申请人。"), nil},
		{"a comparison is not a count", withText(3, "收到申请数量比上年增加3件。"), nil},
		{"another year's figure is compared with that year's report", withText(3, "2021年共收到政府信息公开申请9件。"),
			[]string{"正文为 9 件，但2021年报告表三「一、本年新收政府信息公开申请数量」总计为 0"}},
		{"last year's figure agrees with last year's report", both(prevNew(9), withText(3, "2021年共收到政府信息公开申请9件，办结9件。")), nil},
		{"a year without a report is skipped", withText(3, "2020年共收到政府信息公开申请9件。"), nil},
		{"较去年: this year's number is still read", both(prevNew(9), withText(3, "本年度共收到政府信息公开申请4件，较去年减少5件。")), nil},
		{"较去年: a changed number is caught", both(prevNew(9), withText(3, "本年度共收到政府信息公开申请5件，较去年减少4件。")),
			[]string{"正文为 5 件，但表三「一、本年新收政府信息公开申请数量」总计为 4"}},
		{"去年 as the subject: last year's number", both(prevNew(9), withText(3, "去年收到政府信息公开申请8件，今年收到申请4件。")),
			[]string{"正文为 8 件，但2021年报告表三「一、本年新收政府信息公开申请数量」总计为 9"}},
		{"与2021年相比 keeps this year", both(prevNew(9), withText(3, "与2021年相比，共收到政府信息公开申请4件。")), nil},
		{"未发生 ends at a comma", withText(4, "本年度未发生因政府信息公开引起的行政诉讼，发生行政复议1件，结果维持。"), nil},
		{"未发生 over a noun list", withText(4, "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"), []string{"表四「行政复议」总计为 1，两者矛盾"}},
		{"未发生 ends where a new claim starts after 、", withText(4, "本年度未发生行政诉讼、发生行政复议1件。"), nil},
		{"诉讼 without 行政", withText(4, "被提起诉讼2件。"), []string{"正文为 2 件，但表四「行政诉讼」两组总计之和为 0"}},
		{"combined claim agrees", withText(3, "予以公开及部分公开3件。"), nil},
		{"未收到 an applicant's correction is not 未收到申请", withText(1, "收到政府信息公开申请4件，其中1件已作出补正告知，目前未收到该申请人提交的补正。"), nil},
		{"未收到复议、诉讼的申请 is about cases, not requests", withText(1, "收到申请公开政府信息的要求4件，完成答复。未收到因政府信息公开提出的行政诉讼的申请。"), nil},
		{"未收到…行政复议 against a table with one", withText(1, "今年我局未收到依申请公开行政复议、行政诉讼等情况。"),
			[]string{"但表四「行政复议」总计为 1，两者矛盾"}},
		{"未收到申请和复议 still denies requests", withText(3, "本年度未收到政府信息公开申请和行政诉讼。"),
			[]string{"但表三「一、本年新收政府信息公开申请数量」总计为 4，两者矛盾"}},
		{"未收到申请人的申请 still denies requests", withText(3, "本年度未收到申请人提出的政府信息公开申请。"),
			[]string{"但表三「一、本年新收政府信息公开申请数量」总计为 4，两者矛盾"}},
		{"办理 as answered agrees", withText(1, "全年政府信息主动公开128条；办理依申请公开4件。"), nil},
		{"办理 as the year's workload (一+二) agrees", withText(3, "本年度办理政府信息公开申请5件。"), nil},
		{"办理 differs from both", withText(1, "全年政府信息主动公开128条；办理依申请公开7件。"),
			[]string{"正文为 7 件，但表三「（七）总计」为 4，两者不一致"}},
		{"count before 申请 agrees", withText(1, "本年度全区共收到4件申请，及时依法依规办结4件。"), nil},
		{"count before 申请 differs", withText(1, "本年度全区共收到5件申请，及时依法依规办结4件。"),
			[]string{"正文为 5 件，但表三「一、本年新收政府信息公开申请数量」总计为 4"}},
		{"上年度结转 agrees", withText(3, "答复政府信息公开申请4件（含上年度结转申请1件）。"), nil},
		{"结转上年度 agrees", withText(1, "结转上年度政府信息公开申请1件，因申请人逾期不补正，不再处理。"), nil},
		{"结转上年度 differs", withText(1, "结转上年度政府信息公开申请2件，因申请人逾期不补正，不再处理。"),
			[]string{"正文为 2 件，但表三「二、上年结转政府信息公开申请数量」总计为 1"}},
		{"上年度结转 differs", withText(3, "答复政府信息公开申请4件（含上年度结转申请2件）。"),
			[]string{"正文为 2 件，但表三「二、上年结转政府信息公开申请数量」总计为 1"}},
		{"现行有效 agrees with 二（一）", both(func(oy *OrganYear) {
			setv(oy, TableS2Item1, RowNormativeDocs, "in_force", 698)
			setv(oy, TableS2Item1, RowNormativeDocs, "issued", 88)
		}, withText(1, "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。")), nil},
		{"现行有效 differs from 二（一）", both(func(oy *OrganYear) {
			setv(oy, TableS2Item1, RowNormativeDocs, "in_force", 470)
			setv(oy, TableS2Item1, RowNormativeDocs, "issued", 77)
		}, withText(1, "清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。")),
			[]string{"正文为 393 件，但表二（一）项「行政规范性文件」现行有效件数为 470"}},
		{"制发 differs from 二（一）", func(oy *OrganYear) {
			setv(oy, TableS2Item1, RowNormativeDocs, "issued", 5)
			withText(1, "本年度制发行政规范性文件6件。")(oy)
		}, []string{"正文为 6 件，但表二（一）项「行政规范性文件」本年制发件数为 5"}},
		{"blank 总计: the applicant columns count", func(oy *OrganYear) {
			oy.Report.Values[Addr(TableS3, RowDisclosed, ColTotal)] = 0
			withText(3, "予以公开3件。")(oy)
		}, nil},
		{"blank 总计 and a wrong number", func(oy *OrganYear) {
			oy.Report.Values[Addr(TableS3, RowDisclosed, ColTotal)] = 0
			withText(3, "予以公开5件。")(oy)
		}, []string{"表三「（一）予以公开」总计为 0（六类申请人各列之和为 3）"}},
		{"combined claim differs once", withText(3, "予以公开及部分公开275件。"), []string{"正文为 275 件，但表三（一）予以公开与（二）部分公开之和为 3"}},
		{"received including carried-in", withText(3, "收到政府信息公开申请5件（含上年结转1件）。"), nil},
		{"received including carried-in, 其中", withText(3, "共收到政府信息公开申请5件，其中上年结转1件。"), nil},
		{"received including carried-in still wrong", withText(3, "收到政府信息公开申请6件（含上年结转1件）。"), []string{"正文为 6 件"}},
		{"a sum that adds up", withText(3, "办结3+0+1+0+0件。"), nil},
		{"a sum that does not add up to the answered total", withText(3, "答复申请3+0+2+0+0件。"), []string{"正文为 5 件，但表三「（七）总计」为 4"}},
		{"a stated sum that is wrong", withText(3, "办结4件（3+0+2=4）。"), []string{"算式 3+0+2=4 不成立，左边之和为 5"}},
		{"a bracketed sum against the count before it", withText(3, "办结4件（3+0+2件）。"), []string{"括号中的 3+0+2 之和为 5，与前面写的 4 不一致"}},
		{"disclosed differs", withText(3, "其中予以公开5件。"), []string{"表三「（一）予以公开」总计为 3"}},
		{"withheld agrees", withText(3, "不予公开1件。"), nil},
		{"不予以公开 is not 予以公开", withText(3, "不予以公开1件。"), nil},
		{"a sub-count in brackets is not the group", withText(3, "不予公开（属于国家秘密）1件，予以公开3件。"), nil},
		{"a review result is not the review count", both(withText(4, "被申请行政复议2件，行政复议结果维持1件，结果纠正1件。"), func(oy *OrganYear) {
			setv(oy, TableS4, RowS4Cases, S4Col(GroupReview, Corrected), 1)
			refill(oy.Report)
		}), nil},
		{"carried out differs", withText(3, "结转下年度继续办理3件。"), []string{"表三「四、结转下年度继续办理」总计为 1"}},
		{"says none received", withText(3, "截至2022年12月31日，我镇未收到要求公开政府信息的申请。"),
			[]string{"表三「一、本年新收政府信息公开申请数量」总计为 4，两者矛盾"}},
		{"says none received with 接收", withText(1, "2022年经纬街道办事处未接收到依申请公开,尚未发现应主动公开政府信息而未予公开的情况。"),
			[]string{"表三「一、本年新收政府信息公开申请数量」总计为 4，两者矛盾"}},
		{"says no review while the table has one", withText(4, "本年度未发生因政府信息公开引发的行政复议、行政诉讼。"),
			[]string{"表四「行政复议」总计为 1，两者矛盾"}},
		{"says no lawsuit, correctly", withText(4, "行政复议1件；未发生行政诉讼。"), nil},
		{"review count differs", withText(4, "全年发生行政复议2件。"), []string{"表四「行政复议」总计为 1"}},
		{"lawsuit count differs", withText(4, "行政诉讼1件。"), []string{"表四「行政诉讼」两组总计之和为 0"}},
		{"all upheld, correctly", withText(4, "行政复议1件，均获维持。"), nil},
		{"all upheld while one is pending", both(withText(4, "行政复议案件均获维持。"), func(oy *OrganYear) {
			setv(oy, TableS4, RowS4Cases, S4Col(GroupReview, Pending), 1)
			refill(oy.Report)
		}), []string{"表四共 2 件中结果维持 1 件、尚未审结 1 件，并非全部维持"}},
		{"proactive agrees with the item log", both(withItems(3), withText(2, "本年度主动公开政府信息3条。")), nil},
		{"proactive differs from the item log", both(withItems(3), withText(2, "本年度主动公开政府信息146条。")),
			[]string{"主动公开信息登记的条数为 3"}},
		{"proactive without an item log is not compared", withText(2, "本年度主动公开政府信息146条。"), nil},
		{"full-width digits", withText(3, "共收到政府信息公开申请１２件。"), []string{"总计为 4"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy := baseOY()
			c.edit(oy)
			fs := ruleFindings(Check(oy, nil, checkToday), "N1")
			if len(c.msg) == 0 {
				for _, f := range fs {
					t.Errorf("unexpected N1: %s", f.Message)
				}
				return
			}
			if len(fs) == 0 {
				t.Fatal("N1 did not report")
			}
			for _, f := range fs {
				ok := f.Severity == Warning && f.Entry == (EntryRef{Kind: EntryBlock, ID: 50})
				for _, m := range c.msg {
					ok = ok && strings.Contains(f.Message, m)
				}
				if ok {
					return
				}
				t.Logf("got: %s", f.Message)
			}
			t.Errorf("no N1 finding says %q", c.msg)
		})
	}
}

func TestGeneratedSentences(t *testing.T) {
	oy := baseOY()
	got := GeneratedSentences(oy)
	want := map[int]string{
		2: "本年度行政规范性文件制发3件、废止1件、现行有效12件；收取行政事业性收费12.5万元。",
		3: "本年度共收到政府信息公开申请4件，上年结转1件；办结4件，其中予以公开3件、不予公开1件；结转下年度继续办理1件。",
		4: "本年度发生政府信息公开行政复议1件（结果维持1件）；未发生政府信息公开行政诉讼。",
	}
	for s, w := range want {
		if got[s] != w {
			t.Errorf("section %d:\n got %s\nwant %s", s, got[s], w)
		}
	}
	// N1 accepts its own sentences.
	for s := 2; s <= 4; s++ {
		oy.Report.Blocks = append(oy.Report.Blocks, Block{ID: int64(60 + s), Section: s, Kind: BlockParagraph, Text: got[s]})
	}
	for _, f := range ruleFindings(Check(oy, nil, checkToday), "N1") {
		t.Errorf("N1 rejects a generated sentence: %s", f.Message)
	}

	// A year with no requests and no cases.
	empty := &OrganYear{Organ: Organ{Level: LevelTownship}, Report: NewReport(1, 2021)}
	g := GeneratedSentences(empty)
	if g[3] != "本年度未收到政府信息公开申请。" {
		t.Errorf("empty section 三: %s", g[3])
	}
	if g[4] != "本年度未发生因政府信息公开引发的行政复议、行政诉讼。" {
		t.Errorf("empty section 四: %s", g[4])
	}
	if g[2] != "" {
		t.Errorf("empty section 二: %q", g[2])
	}

	// Requests only carried in, lawsuits only, the 2019 format.
	r := NewReport(1, 2020)
	r.Mode3, r.Mode4 = Typed, Typed
	r.Values[Addr(TableS3, RowCarriedIn, "np")] = 2
	r.Values[Addr(TableS3, "o6", "np")] = 2
	r.Values[Addr(TableS4, RowS4Cases, S4Col(GroupSuitReview, Corrected))] = 1
	r.Values[Addr(TableS2Item9, RowProcurement, "projects")] = 2
	r.Values[Addr(TableS2Item9, RowProcurement, "amount")] = 130_000_000
	refill(r)
	oy2 := &OrganYear{Report: r, Items: []DisclosureItem{{Year: 2020, Published: 20200301, Category: "工作动态"}}}
	g = GeneratedSentences(oy2)
	if w := "本年度未收到新的政府信息公开申请，上年结转2件；办结2件，其中其他处理2件；结转下年度继续办理0件。"; g[3] != w {
		t.Errorf("carried-in only:\n got %s\nwant %s", g[3], w)
	}
	if w := "本年度未发生政府信息公开行政复议；发生政府信息公开行政诉讼1件，其中复议后起诉1件（结果纠正1件）。"; g[4] != w {
		t.Errorf("lawsuits only:\n got %s\nwant %s", g[4], w)
	}
	if !strings.HasPrefix(g[2], "本年度主动公开政府信息1条") || !strings.HasSuffix(g[2], "本年度政府集中采购项目2个，采购总金额130万元。") {
		t.Errorf("2019 section 二: %s", g[2])
	}
	for s := 2; s <= 4; s++ {
		r.Blocks = append(r.Blocks, Block{ID: int64(70 + s), Section: s, Kind: BlockParagraph, Text: g[s]})
	}
	for _, f := range ruleFindings(Check(oy2, nil, 20201231), "N1") {
		t.Errorf("N1 rejects a generated sentence: %s", f.Message)
	}
}

func TestParseChineseNumber(t *testing.T) {
	cases := []struct {
		in   string
		want int64
	}{
		{"零", 0}, {"一", 1}, {"十", 10}, {"十二", 12}, {"二十", 20}, {"二十三", 23},
		{"一百零五", 105}, {"两千三百", 2300}, {"三万", 30000}, {"一万二千", 12000}, {"146", 146},
	}
	for _, c := range cases {
		if got, ok := parseNumber(c.in); !ok || got != c.want {
			t.Errorf("parseNumber(%q) = %d, %v; want %d", c.in, got, ok, c.want)
		}
	}
	if _, ok := parseNumber("三件"); ok {
		t.Error("parseNumber accepted a measure word")
	}
}

// Any narrative text must check without a panic, and every N1 finding must
// quote the block it came from.
func FuzzNarrative(f *testing.F) {
	for _, s := range []string{
		"本年度共收到政府信息公开申请十二件，上年结转2件。",
		"未发生因政府信息公开引发的行政复议、行政诉讼；行政复议均获维持。",
		"主动公开政府信息一万二千条",
		"收到申请99999999999999999999件",
		"2021年与2020年相比",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		oy := baseOY()
		oy.Report.Blocks = append(oy.Report.Blocks, Block{ID: 50, Section: 3, Kind: BlockParagraph, Text: s})
		for _, fd := range Check(oy, nil, checkToday) {
			if fd.Message == "" {
				t.Fatalf("%s finding without a message", fd.Rule)
			}
		}
		GeneratedSentences(oy)
		checkHasCount(t, s)
		checkLeads(t, s)
	})
}

// countClaimRes are the regular expressions narrativeClause skips for a
// clause without hasCount.
func countClaimRes() []*regexp.Regexp {
	res := []*regexp.Regexp{reCombined}
	for _, c := range narrativeClaims {
		res = append(res, c.re)
	}
	return res
}

// checkHasCount fails when a count claim matches s while hasCount says s
// has no count.
func checkHasCount(t *testing.T, s string) {
	t.Helper()
	if hasCount(s) {
		return
	}
	for _, re := range countClaimRes() {
		if m := re.FindString(s); m != "" {
			t.Fatalf("hasCount(%q) = false, but %s matches %q", s, re, m)
		}
	}
}

func TestHasCount(t *testing.T) {
	for s, want := range map[string]bool{
		"收到申请5件":        true,
		"收到申请 12 \t件":   true,
		"受理申请十二件":       true,
		"行政复议一起":        true,
		"主动公开信息2000条":   true,
		"依据《条例》和有关文件":   false,
		"2021年度未发生行政诉讼": false,
		"（5）件":          false,
		"万件":            true, // numPat reads 万 as a number too
		"":              false,
		"一是加强培训，二是完善制度。": false,
	} {
		if got := hasCount(s); got != want {
			t.Errorf("hasCount(%q) = %v, want %v", s, got, want)
		}
		checkHasCount(t, s)
	}
}

// TestClaimUnitsCoverEveryCountClaim: narrativeClause skips the count
// claims of a clause without hasCount, so every count claim must end in
// numPat, \s* and a group of claimUnits.
func TestClaimUnitsCoverEveryCountClaim(t *testing.T) {
	for _, re := range countClaimRes() {
		// The number is followed by its unit group: \s*(件|份…).
		s := re.String()
		i := strings.Index(s, numPat+`\s*(`)
		if i < 0 {
			t.Errorf("%s has no unit group after its number", s)
			continue
		}
		group := s[i+len(numPat+`\s*(`):]
		group = group[:strings.IndexByte(group, ')')]
		for _, u := range strings.Split(group, "|") {
			if utf8.RuneCountInString(u) != 1 || !strings.Contains(claimUnits, u) {
				t.Errorf("%s: unit %q not in claimUnits %q", s, u, claimUnits)
			}
		}
	}
	// And the skip changes nothing: a clause without a unit has no claim,
	// one with a unit is still read.
	oy := &OrganYear{Organ: Organ{Name: "甲镇人民政府"}, Report: NewReport(0, 2021)}
	oy.Report.Blocks = []Block{{Section: 3, Pos: 1, Kind: BlockParagraph, Text: "本年度共收到政府信息公开申请5件，予以公开较多。"}}
	found := false
	for _, f := range Check(oy, nil, NewDate(2022, 1, 10)) {
		if f.Rule == "N1" && strings.Contains(f.Message, "正文为 5 件") {
			found = true
		}
	}
	if !found {
		t.Errorf("the claim 收到申请5件 against an empty table 三 is not reported")
	}
}
