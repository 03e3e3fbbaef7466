package model

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestLeadingLiterals(t *testing.T) {
	for expr, want := range map[string][]string{
		`(?:收到|新收|受理)申请[0-9]+件`:    {"收到", "新收", "受理"},
		`予以公开[^。]{0,24}?([0-9]+)件`: {"予以公开"},
		`(行政复议)+\s*件`:              {"行政复议"},
		`(?:上年|去年)度?结转`:            {"上年", "去年"},
		`[0-9]+件`:                  nil, // a class: no literal
		`a?b`:                      nil, // the first part may be missing
		`(?i)收到abc`:                nil, // case folded
		`^收到`:                      nil, // an anchor first
		`收到|[0-9]`:                 nil, // one alternative without a literal
	} {
		if got := leadingLiterals(regexp.MustCompile(expr)); !reflect.DeepEqual(got, want) {
			t.Errorf("leadingLiterals(%s) = %q, want %q", expr, got, want)
		}
	}
	// Every count claim has them, so the skip is in force for each.
	if combinedLeads == nil {
		t.Error("reCombined has no leading literals")
	}
	for i, l := range claimLeads {
		if l == nil {
			t.Errorf("narrativeClaims[%d] (%s) has no leading literals", i, narrativeClaims[i].re)
		}
	}
}

// checkLeads fails when a count claim matches s although s holds none of
// its leading literals (countClaims would have skipped it).
func checkLeads(t *testing.T, s string) {
	t.Helper()
	lits := append([][]string{combinedLeads}, claimLeads...)
	for i, re := range countClaimRes() {
		if m := re.FindString(s); m != "" && !mayMatch(s, lits[i]) {
			t.Fatalf("%s matches %q in %q, which holds none of %q", re, m, s, lits[i])
		}
	}
}

// Clauses made of the claims' own words, numbers, units and punctuation in
// random order: wherever a claim matches, one of its leading literals is
// there.
func TestLeadingLiteralsInEveryMatch(t *testing.T) {
	words := []string{"收到", "新收", "受理", "接收", "申请", "政府信息公开", "予以公开", "部分公开", "不予公开", "及", "、",
		"无法提供", "不予处理", "其他处理", "上年", "去年", "度", "结转", "上一年", "结转下", "年度", "办结", "办理", "答复",
		"行政复议", "行政诉讼", "诉讼", "现行有效", "规范性文件", "制发", "主动公开", "信息", "12", "三", " ", "件", "条",
		"起", "次", "，", "（", "共", "5件", "十二件", "8条", "1起"}
	rng := rand.New(rand.NewPCG(18, 3))
	matched := 0
	for range 20000 {
		var b strings.Builder
		for range 2 + rng.IntN(10) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		s := b.String()
		checkLeads(t, s)
		for _, re := range countClaimRes() {
			if re.MatchString(s) {
				matched++
				break
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("a claim matches only %d of the clauses: the test says little", matched)
	}
}
