package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// s1Pieces are the characters the adversarial texts and values are made
// of: common and rare (Extension B) ideographs, digits and letters in
// half and full width and both cases, spaces, dashes, invisible and
// combining characters and middle dots normPersonal drops, characters it
// decomposes, punctuation it keeps, line breaks.
var s1Pieces = []string{
	"张", "三", "李", "四", "欧", "阳", "娜", "路", "号", "院", "一",
	"𠮷", "𡈼", "𪚥", "𠀀",
	"1", "3", "8", "0", "X", "x", "１", "３", "８", "０", "Ｘ", "ｘ",
	"a", "A", "ａ", "Ａ", "é", "É", "ß",
	" ", "\u3000", "\u00a0", "\t", "\n", "\r\n",
	"-", "－", "—", "‐", "–", "−",
	"\u200b", "\ufeff", "\U000E0100", "\u0301", "·", "・", "\u2f42", "\uf90a", "①",
	"，", "。", "（", "）", ".", "、",
}

// s1Reference is what find must return for text: among the values of
// holders (in Add order) of at least their field's length after
// normalising, the one starting first in the normalised text, of those
// the earliest holder.
func s1Reference(holders []personalHit, values []string, text string) (personalHit, bool) {
	t := normPersonal(text)
	best, bestAt, found := personalHit{}, 0, false
	for i, h := range holders {
		v := normPersonal(values[i])
		if utf8.RuneCountInString(v) < personalFields[h.field].min {
			continue
		}
		at := strings.Index(t, v) // a byte offset: its order is the runes'
		if at < 0 {
			continue
		}
		if !found || at < bestAt || at == bestAt && h.before(best) {
			best, bestAt, found = h, at, true
		}
	}
	return best, found
}

// TestPersonalIndexForAdversarial: an index made for given texts finds in
// each of them exactly what the full index finds, and both what a plain
// substring search of the normalised values finds, over texts and values
// drawn from characters that normalise (spaces, dashes, full width, case),
// rare ideographs outside the BMP, values cut from the texts and then
// respaced or redashed, values spanning two texts or two fields of a
// measure, values shorter and longer than the 4 characters the index for
// texts keys on, and holders of several years.
func TestPersonalIndexForAdversarial(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 12))
	randText := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(s1Pieces[rng.IntN(len(s1Pieces))])
		}
		return b.String()
	}
	// perturb writes v the way a clerk may type it: spaced, dashed, in
	// full width, in the other case, broken by a line.
	perturb := func(v string) string {
		var b strings.Builder
		for _, r := range v {
			switch rng.IntN(10) {
			case 0:
				b.WriteString([]string{" ", "\u3000", "-", "－", "—", "‐", "\n", "\t"}[rng.IntN(8)])
			case 1:
				if r >= '!' && r <= '~' {
					r += 0xfee0
				} else if r >= '！' && r <= '～' {
					r -= 0xfee0
				}
			case 2:
				if s := strings.ToLower(string(r)); rng.IntN(2) == 0 {
					b.WriteString(s)
					continue
				}
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	cut := func(s string, lo, hi int) string {
		r := []rune(s)
		if len(r) == 0 {
			return ""
		}
		i := rng.IntN(len(r))
		n := lo + rng.IntN(hi-lo+1)
		return string(r[i:min(len(r), i+n)])
	}
	trials, found, kept, all := 400, 0, 0, 0
	for trial := 0; trial < trials; trial++ {
		texts := make([]string, 1+rng.IntN(5))
		for i := range texts {
			texts[i] = randText(rng.IntN(60))
		}
		var holders []personalHit
		var values []string
		full, only := NewPersonalIndex(), NewPersonalIndexFor(texts)
		serial := 0
		for year := 2019; year <= 2023; year++ {
			for k := 0; k < 12; k++ {
				serial++
				var p Personal
				fields := [4]*string{&p.Name, &p.Phone, &p.IDNumber, &p.Address}
				for f := range fields {
					var v string
					switch rng.IntN(6) {
					case 0: // from a text, as typed there or otherwise
						v = cut(texts[rng.IntN(len(texts))], 2, 24)
						if rng.IntN(2) == 0 {
							v = perturb(v)
						}
					case 1: // across the end of one text and the start of the next
						a, b := texts[rng.IntN(len(texts))], texts[rng.IntN(len(texts))]
						ra, rb := []rune(a), []rune(b)
						v = string(ra[max(0, len(ra)-1-rng.IntN(3)):]) + string(rb[:min(len(rb), 1+rng.IntN(20))])
					case 2: // its first four characters in a text, the rest not
						v = cut(texts[rng.IntN(len(texts))], 4, 4) + randText(1+rng.IntN(12))
					case 3:
						v = randText(2 + rng.IntN(20))
					}
					*fields[f] = v
				}
				full.Add(year, serial, p)
				only.Add(year, serial, p)
				for f, v := range fields {
					holders = append(holders, personalHit{year, serial, f})
					values = append(values, *v)
				}
			}
		}
		for _, text := range texts {
			h1, ok1 := full.find(text)
			h2, ok2 := only.find(text)
			if h1 != h2 || ok1 != ok2 {
				t.Fatalf("trial %d, %q: the full index finds %+v (%v), the index for the texts %+v (%v)", trial, text, h1, ok1, h2, ok2)
			}
			if hr, okr := s1Reference(holders, values, text); hr != h1 || okr != ok1 {
				t.Fatalf("trial %d, %q: find gives %+v (%v), a plain search %+v (%v)", trial, text, h1, ok1, hr, okr)
			}
			if ok1 {
				found++
			}
		}
		kept += only.Len()
		all += full.Len()
	}
	if found < trials {
		t.Fatalf("only %d texts named a value in %d trials: the test finds too little", found, trials)
	}
	if kept >= all {
		t.Fatalf("the index for the texts kept %d of %d values", kept, all)
	}
	t.Logf("%d texts named a value; the index for the texts kept %d of %d values", found, kept, all)
}

// s1Findings are the S1 findings of a check.
func s1Findings(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == "S1" {
			out = append(out, f)
		}
	}
	return out
}

// fullIndexOf indexes every personal value of qs, as a load does.
func fullIndexOf(qs []Request) *PersonalIndex {
	x := NewPersonalIndex()
	for _, q := range qs {
		x.Add(q.Year, q.Serial, q.Personal)
	}
	return x
}

// TestS1IndexForTextsTable: rule S1 on an organ-year whose log holds the
// personal values (indexed by the rule for the public texts only) finds
// what it finds with the full index, on each place a public text comes
// from and each way a value may be written there.
func TestS1IndexForTextsTable(t *testing.T) {
	type place int
	const (
		paragraph place = iota
		preamble
		measure
	)
	cases := []struct {
		name  string
		p     Personal
		where place
		text  string
		want  bool
	}{
		{"name of two characters", Personal{Name: "李娜"}, paragraph, "经与李娜沟通已答复。", true},
		{"name of two rare characters", Personal{Name: "𠮷𪚥"}, paragraph, "来信人𠮷𪚥。", true},
		{"rare name of three", Personal{Name: "𡈼𠮷丽"}, preamble, "本报告由𡈼𠮷丽编写。", true},
		{"name with a space in the log", Personal{Name: "欧阳 娜娜"}, paragraph, "欧阳娜娜来电。", true},
		{"name spaced in the text", Personal{Name: "欧阳娜娜"}, paragraph, "欧 阳 娜 娜来电。", true},
		{"name broken by a line", Personal{Name: "欧阳娜娜"}, paragraph, "欧阳\n娜娜来电。", true},
		{"name broken by punctuation", Personal{Name: "欧阳娜娜"}, paragraph, "欧阳，娜娜来电。", false},
		{"Latin name in other case", Personal{Name: "McDonald Li"}, paragraph, "mcdonaldli来信", true},
		{"Latin name in full width", Personal{Name: "Zhang"}, paragraph, "ＺＨＡＮＧ来信", true},
		{"phone with dashes of each kind", Personal{Phone: "13800001111"}, paragraph, "电话138－0000—1111‐。", true},
		{"phone in the log with a dash", Personal{Phone: "0470-1234567"}, paragraph, "电话04701234567", true},
		{"phone in full width", Personal{Phone: "13800001111"}, measure, "１３８ ００００ １１１１", true},
		{"ID number lower x", Personal{IDNumber: "15072419850612431X"}, paragraph, "证件15072419850612431x。", true},
		{"ID number across lines", Personal{IDNumber: "150724198506124318"}, paragraph, "150724\n198506\n124318", true},
		{"long address", Personal{Address: "鄂温克族自治旗巴彦托海镇胜利大街271号3单元201室"}, paragraph, "住鄂温克族自治旗巴彦托海镇胜利大街271号3单元201室的申请人", true},
		{"address cut short", Personal{Address: "鄂温克族自治旗胜利大街271号"}, paragraph, "住鄂温克族自治旗胜利大街的申请人", false},
		{"address in a measure's responsible", Personal{Address: "团结路6号院"}, measure, "团结路6号院", true},
		{"name in the preamble", Personal{Name: "王五"}, preamble, "联系人王五。", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy := baseOY()
			q := req(1, NewDate(2022, 3, 1))
			q.Personal = c.p
			other := req(1, NewDate(2020, 5, 6)) // another year's applicant
			other.Personal = Personal{Name: "赵钱", Phone: "13912345678"}
			oy.Requests = append(oy.Requests, q, other)
			switch c.where {
			case paragraph:
				blockAt(oy, 3, 0).Text = c.text
			case preamble:
				oy.Report.Preamble.Text = c.text
			case measure:
				oy.Measures = []Measure{{ID: 9, Year: 2022, Problem: "答复超期", Measure: "加强督办", Responsible: c.text}}
			}
			got := Check(oy, nil, checkToday) // S1 indexes the log for the texts
			withFull := *oy
			withFull.Personal = fullIndexOf(oy.Requests)
			want := Check(&withFull, nil, checkToday)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("findings with the index for the texts:\n%v\nwith the full index:\n%v", got, want)
			}
			if n := len(s1Findings(got)); n != map[bool]int{false: 0, true: 1}[c.want] {
				t.Fatalf("%d S1 findings: %+v", n, s1Findings(got))
			}
		})
	}
}

// TestS1IndexForTextsRandomYears: over random organ-years (applicants of
// several years; the preamble, paragraphs of every section and measures
// of the year and of other years naming some of them as a clerk may type
// them), S1 with the index the rule makes for the texts finds exactly
// what it finds with the full index.
func TestS1IndexForTextsRandomYears(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 2026))
	surnames := []string{"张", "李", "欧阳", "𠮷", "王", "司马"}
	given := []string{"三", "娜", "𪚥", "明月", "五", "丽", "国庆"}
	write := func(v string) string { // as typed in a text
		switch rng.IntN(5) {
		case 0:
			return strings.Join(strings.Split(v, ""), " ")
		case 1:
			r := []rune(v)
			k := rng.IntN(len(r))
			return string(r[:k]) + "\n" + string(r[k:])
		case 2:
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r + 0xfee0
				}
				return r
			}, v)
		case 3:
			r := []rune(v)
			return string(r[:max(1, len(r)-1)]) // cut: not the value
		}
		return v
	}
	s1 := 0
	for trial := 0; trial < 200; trial++ {
		oy := baseOY()
		var people []Personal
		for i := 0; i < 30; i++ {
			people = append(people, Personal{
				Name:     surnames[rng.IntN(len(surnames))] + given[rng.IntN(len(given))],
				Phone:    fmt.Sprintf("13%d%08d", rng.IntN(10), rng.IntN(1000)),
				IDNumber: fmt.Sprintf("1507241985%07d%s", rng.IntN(100), []string{"X", "1", "x"}[rng.IntN(3)]),
				Address:  fmt.Sprintf("大雁镇团结路%d号院%d单元", rng.IntN(20), rng.IntN(4)),
			})
			q := req(i+1, NewDate(2019+rng.IntN(4), 1+rng.IntN(12), 1+rng.IntN(28)))
			q.Personal = people[i]
			oy.Requests = append(oy.Requests, q)
		}
		mention := func() string {
			if rng.IntN(3) > 0 {
				return ""
			}
			p := people[rng.IntN(len(people))]
			return write([]string{p.Name, p.Phone, p.IDNumber, p.Address}[rng.IntN(4)])
		}
		oy.Report.Preamble.Text = "本报告依据条例编制。" + mention()
		for i := range oy.Report.Blocks {
			if oy.Report.Blocks[i].Kind == BlockParagraph {
				oy.Report.Blocks[i].Text = "本年度" + mention() + "依法答复。" + mention()
			}
		}
		for i := 0; i < 4; i++ {
			oy.Measures = append(oy.Measures, Measure{ID: int64(50 + i), Year: 2021 + rng.IntN(2),
				Problem: "答复" + mention(), Measure: mention() + "加强督办", Responsible: mention()})
		}
		got := Check(oy, nil, checkToday)
		withFull := *oy
		withFull.Personal = fullIndexOf(oy.Requests)
		if want := Check(&withFull, nil, checkToday); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: findings with the index for the texts:\n%v\nwith the full index:\n%v", trial, s1Findings(got), s1Findings(want))
		}
		s1 += len(s1Findings(got))
	}
	if s1 < 200 {
		t.Fatalf("only %d S1 findings in 200 years: the test names too few applicants", s1)
	}
}

// TestS1IndexForOtherTexts: an index made for some texts (a check's load)
// and then used on changed ones (a snapshot made of that load and edited)
// cannot know the values it left out. Rule S1 then still finds what the
// full index finds in every text the index was made for or whose every
// run of characters it saw; any other text gets an error saying it could
// not be checked, never a silent pass.
func TestS1IndexForOtherTexts(t *testing.T) {
	applicant := Personal{Name: "欧阳明月", Phone: "13812345678"}
	oy := baseOY()
	q := req(1, NewDate(2022, 3, 1))
	q.Personal = applicant
	other := req(2, NewDate(2020, 4, 1))
	other.Personal = Personal{Name: "李娜"}
	oy.Requests = append(oy.Requests, q, other)
	oy.Measures = []Measure{{ID: 9, Year: 2022, Problem: "答复超期", Measure: "加强督办"}}
	blockAt(oy, 2, 0).Text = "本年度李娜来电咨询。" // a finding the index was made for
	x := NewPersonalIndexFor(PublicTexts(oy))
	for _, q := range oy.Requests {
		x.Add(q.Year, q.Serial, q.Personal)
	}
	oy.Personal = x
	before := s1Findings(Check(oy, nil, checkToday))
	if len(before) != 1 {
		t.Fatalf("S1 findings of the texts the index was made for: %+v", before)
	}

	edit := func(f func(oy *OrganYear)) *OrganYear {
		e := *oy
		r := *oy.Report
		r.Blocks = append([]Block(nil), oy.Report.Blocks...)
		e.Report = &r
		e.Measures = append([]Measure(nil), oy.Measures...)
		f(&e)
		return &e
	}
	full := func(e *OrganYear) []Finding {
		f := *e
		f.Personal = fullIndexOf(e.Requests)
		return s1Findings(Check(&f, nil, checkToday))
	}
	unchecked := func(fs []Finding) []Finding {
		var out []Finding
		for _, f := range fs {
			if strings.Contains(f.Message, "无法核对") {
				out = append(out, f)
			}
		}
		return out
	}
	// Texts whose every run of characters the index saw: paragraphs moved,
	// a text cut, emptied: exactly the full index's findings.
	for name, f := range map[string]func(oy *OrganYear){
		"paragraphs swapped": func(oy *OrganYear) {
			a, b := blockAt(oy, 2, 0), blockAt(oy, 3, 0)
			a.Text, b.Text = b.Text, a.Text
		},
		"a paragraph cut":     func(oy *OrganYear) { blockAt(oy, 2, 0).Text = "李娜来电" },
		"a paragraph emptied": func(oy *OrganYear) { blockAt(oy, 2, 0).Text = "" },
	} {
		e := edit(f)
		if got, want := s1Findings(Check(e, nil, checkToday)), full(e); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: S1 finds\n%+v\nthe full index\n%+v", name, got, want)
		}
	}
	// New text naming an applicant, in each place: never a silent pass.
	for name, f := range map[string]func(oy *OrganYear){
		"a paragraph":  func(oy *OrganYear) { blockAt(oy, 3, 0).Text = "经与欧阳明月沟通，已答复。" },
		"the preamble": func(oy *OrganYear) { oy.Report.Preamble.Text = "咨询电话138 1234 5678。" },
		"a measure":    func(oy *OrganYear) { oy.Measures[0].Responsible = "欧阳明月" },
		"a new measure": func(oy *OrganYear) {
			oy.Measures = append(oy.Measures, Measure{ID: 10, Year: 2022, Problem: "欧阳明月反映答复超期", Measure: "加强督办"})
		},
	} {
		e := edit(f)
		got, want := s1Findings(Check(e, nil, checkToday)), full(e)
		if len(want) != 2 {
			t.Fatalf("%s: the full index finds %+v", name, want)
		}
		u := unchecked(got)
		if len(got) != 2 || len(u) != 1 || u[0].Severity != Error {
			t.Fatalf("%s: S1 finds\n%+v\nthe full index\n%+v", name, got, want)
		}
		var w Finding
		for _, f := range want {
			if f.Entry == u[0].Entry {
				w = f
			}
		}
		if w.Entry != u[0].Entry || w.Section != u[0].Section {
			t.Fatalf("%s: the text not checked is %+v, the full index finds %+v", name, u[0], want)
		}
	}
}

// TestS1MeasureOfNoYear: a measure without a year is printed with the
// year's (the export, the 图解 and rule B3 count it so), so rule S1 reads
// it too; a measure of another year is not printed and not read.
func TestS1MeasureOfNoYear(t *testing.T) {
	oy := baseOY()
	q := req(1, NewDate(2022, 3, 1))
	q.Personal = Personal{Name: "欧阳明月"}
	oy.Requests = append(oy.Requests, q)
	oy.Measures = []Measure{
		{ID: 8, Year: 2021, Problem: "欧阳明月反映答复超期", Measure: "加强督办"},
		{ID: 9, Problem: "答复欧阳明月超期", Measure: "加强督办"},
	}
	fs := s1Findings(Check(oy, nil, checkToday))
	if len(fs) != 1 || fs[0].Entry != (EntryRef{Kind: EntryMeasure, ID: 9}) {
		t.Fatalf("S1 findings: %+v", fs)
	}
}

// TestS1WritingsOfOneValue: a value printed the same (or as a reader
// takes it for the same) is found however its characters are encoded:
// every kind of dash and minus a word processor or an input method puts
// in a phone number, invisible characters pasted from a web page, the
// variation selector of a rare ideograph, the Kangxi radicals and
// compatibility ideographs text copied from a PDF holds, the middle dots
// of a transcribed name, accents composed or not; in the log or in the
// text. Punctuation still parts a value.
func TestS1WritingsOfOneValue(t *testing.T) {
	cases := []struct {
		name string
		p    Personal
		text string
		want bool
	}{
		{"en dash", Personal{Phone: "0470-8123456"}, "电话0470–8123456。", true},
		{"en dash in the log", Personal{Phone: "0470–8123456"}, "电话04708123456。", true},
		{"figure dash and horizontal bar", Personal{Phone: "13800001111"}, "138‒0000―1111", true},
		{"minus sign", Personal{Phone: "13800001111"}, "138−0000−1111", true},
		{"non-breaking hyphen", Personal{Phone: "13800001111"}, "138‑0000‑1111", true},
		{"small hyphen-minus", Personal{Phone: "13800001111"}, "138﹣0000﹣1111", true},
		{"zero-width space", Personal{Name: "欧阳明月"}, "欧阳\u200b明月来电。", true},
		{"soft hyphen and word joiner", Personal{Name: "欧阳明月"}, "欧\u00ad阳\u2060明月来电。", true},
		{"byte order mark", Personal{Name: "\ufeff欧阳明月"}, "欧阳明月来电。", true},
		{"variation selector in the log", Personal{Name: "葛\U000E0100优"}, "葛优来电。", true},
		{"variation selector in the text", Personal{Name: "葛优"}, "葛\U000E0101优来电。", true},
		{"Kangxi radical", Personal{Name: "李文"}, "李\u2f42来电。", true},
		{"compatibility ideograph", Personal{Name: "金明"}, "\uf90a明来电。", true},
		{"middle dot of another kind", Personal{Name: "阿依古丽·买买提"}, "阿依古丽•买买提来电。", true},
		{"katakana middle dot", Personal{Name: "阿依古丽·买买提"}, "阿依古丽・买买提来电。", true},
		{"no middle dot", Personal{Name: "阿依古丽·买买提"}, "阿依古丽买买提来电。", true},
		{"accent composed or not", Personal{Name: "José Li"}, "Jose\u0301 Li来电。", true},
		{"a comma parts it", Personal{Name: "欧阳明月"}, "欧阳，明月来电。", false},
		{"another name", Personal{Name: "欧阳明月"}, "欧阳明日来电。", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy := baseOY()
			q := req(1, NewDate(2022, 3, 1))
			q.Personal = c.p
			oy.Requests = append(oy.Requests, q)
			blockAt(oy, 3, 0).Text = c.text
			got := Check(oy, nil, checkToday)
			withFull := *oy
			withFull.Personal = fullIndexOf(oy.Requests)
			if want := Check(&withFull, nil, checkToday); !reflect.DeepEqual(got, want) {
				t.Fatalf("findings with the index for the texts:\n%v\nwith the full index:\n%v", got, want)
			}
			if n := len(s1Findings(got)); n != map[bool]int{false: 0, true: 1}[c.want] {
				t.Fatalf("%d S1 findings: %+v", n, s1Findings(got))
			}
		})
	}
}

// An index made for texts works out their character runs only when a value
// is weighed: a log without personal data (a public bundle, checked for
// each organ an aggregation counts) never pays for them, and finds
// nothing; the first value makes them, and it is found.
func TestIndexForTextsWorksRunsOutOnDemand(t *testing.T) {
	texts := []string{"本年度张三申请公开征地补偿标准。"}
	x := NewPersonalIndexFor(texts)
	x.Add(2021, 1, Personal{})
	x.Add(2021, 2, Personal{Name: "李"}) // too short to look for
	if x.runs.grams != nil || x.Len() != 0 || x.dropped != 0 {
		t.Fatalf("runs worked out without a value to weigh: %d grams, %d values, %d dropped", len(x.runs.grams), x.Len(), x.dropped)
	}
	x.Add(2021, 3, Personal{Name: "张三"})
	if x.runs.grams == nil {
		t.Fatal("a value was weighed without the runs")
	}
	if h, ok := x.find(texts[0]); !ok || h.serial != 3 {
		t.Fatalf("find = %+v %v, want request 3", h, ok)
	}
}
