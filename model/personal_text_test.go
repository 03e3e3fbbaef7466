package model

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Rule S1 (issue 15 item 9): an applicant's personal value from the log in
// a public text is an 错误 naming the place; none is found in clean text.
func TestPersonalValueInPublicText(t *testing.T) {
	applicant := Personal{Name: "欧阳明月", Phone: "13812345678", IDNumber: "110101199003071234", Address: "大雁镇幸福路18号"}
	cases := []struct {
		name, text, field string
	}{
		{"name", "经核实，欧阳明月申请的信息已公开。", "申请人姓名"},
		{"phone with spaces", "咨询电话 138 1234 5678 已答复。", "申请人电话"},
		{"ID number, full-width digits", "证件号１１０１０１１９９００３０７１２３４。", "申请人身份证号"},
		{"address", "依申请人（大雁镇幸福路18号）要求公开。", "申请人地址"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy := baseOY()
			q := req(1, NewDate(2022, 3, 1))
			q.Personal = applicant
			oy.Requests = append(oy.Requests, q)
			b := blockAt(oy, 3, 0)
			b.Text = c.text
			fs := findRule(Check(oy, nil, NewDate(2023, 1, 10)), "S1")
			if len(fs) != 1 {
				t.Fatalf("S1 findings: %+v", fs)
			}
			f := fs[0]
			if f.Severity != Error || f.Entry != (EntryRef{Kind: EntryBlock, ID: b.ID}) || !strings.Contains(f.Message, c.field) ||
				!strings.Contains(f.Message, "第 1 号") || !strings.Contains(f.Message, SectionTitles[3]) {
				t.Fatalf("finding %+v", f)
			}
			for _, v := range []string{applicant.Name, applicant.Phone, applicant.IDNumber, applicant.Address} {
				if strings.Contains(f.Message, v) {
					t.Fatalf("the message repeats the personal value: %s", f.Message)
				}
			}
		})
	}
	t.Run("preamble and measure", func(t *testing.T) {
		oy := baseOY()
		q := req(2, NewDate(2022, 3, 1))
		q.Personal = applicant
		oy.Requests = append(oy.Requests, q)
		oy.Report.Preamble.Text = "本报告由欧阳明月同志编制。"
		oy.Measures = []Measure{{ID: 9, Year: 2022, Problem: "答复欧阳明月超期", Measure: "加强督办"}}
		fs := findRule(Check(oy, nil, NewDate(2023, 1, 10)), "S1")
		if len(fs) != 2 || !strings.Contains(fs[0].Message+fs[1].Message, "前言") || !strings.Contains(fs[0].Message+fs[1].Message, "整改措施") {
			t.Fatalf("S1 findings: %+v", fs)
		}
	})
	t.Run("clean text passes", func(t *testing.T) {
		oy := baseOY()
		q := req(3, NewDate(2022, 3, 1))
		q.Personal = Personal{Name: "王", Phone: "110", Address: "大雁镇"} // too short to look for
		oy.Requests = append(oy.Requests, q)
		q2 := req(4, NewDate(2022, 3, 2))
		q2.Personal = applicant
		oy.Requests = append(oy.Requests, q2)
		blockAt(oy, 3, 0).Text = "某申请人（住大雁镇）申请公开的信息已全部公开。王某某来电已答复。"
		if fs := findRule(Check(oy, nil, NewDate(2023, 1, 10)), "S1"); len(fs) != 0 {
			t.Fatalf("S1 on clean text: %+v", fs)
		}
	})
	t.Run("index without the values", func(t *testing.T) {
		oy := baseOY()
		x := NewPersonalIndex()
		x.Add(2020, 7, applicant) // an applicant of an earlier year
		oy.Personal = x
		blockAt(oy, 1, 0).Text = "欧阳明月"
		fs := findRule(Check(oy, nil, NewDate(2023, 1, 10)), "S1")
		if len(fs) != 1 || !strings.Contains(fs[0].Message, "2020年第 7 号") {
			t.Fatalf("S1 findings: %+v", fs)
		}
	})
}

func findRule(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// BenchmarkPersonalInPublicText: rule S1 over a report whose narrative
// holds about 3,000 characters, against an index of 50,000 applicants
// (names of 2–4 characters, phones, ID numbers, addresses of varied length).
func BenchmarkPersonalInPublicText(b *testing.B) {
	oy := baseOY()
	x := NewPersonalIndex()
	surnames := []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂")
	for i := 0; i < 50000; i++ {
		name := string(surnames[i%len(surnames)]) + string(given[i%len(given)])
		if i%3 == 0 {
			name += string(given[(i/7)%len(given)])
		}
		x.Add(2022, i+1, Personal{Name: name, Phone: fmt.Sprintf("139%08d", i),
			IDNumber: fmt.Sprintf("1101011990%08d", i), Address: fmt.Sprintf("大雁镇第%d街%d号", i%300, i)})
	}
	oy.Personal = x
	for i := range oy.Report.Blocks {
		oy.Report.Blocks[i].Text = strings.Repeat("本年度共收到政府信息公开申请三十三件，均已按期答复。", 8)
	}
	b.ResetTimer()
	for b.Loop() {
		c := &checker{oy: oy, r: oy.Report}
		c.personalInPublicText()
	}
}

// TestPersonalIndexUpdateEqualsRebuild: after random updates of requests'
// personal values (shared names, emptied fields), the index holds the same
// values, each named by the same request and field, as one built afresh
// from the requests in (year, serial) order.
func TestPersonalIndexUpdateEqualsRebuild(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	names := []string{"", "张三", "李四", "王五", "赵六六", "13800001111"}
	pick := func() Personal {
		return Personal{Name: names[rng.IntN(len(names))], Phone: []string{"", "13800001111", "13900002222"}[rng.IntN(3)],
			Address: []string{"", "团结路6号院", "张三"}[rng.IntN(3)]}
	}
	type key struct{ year, serial int }
	state := map[key]Personal{}
	var keys []key
	for y := 2024; y <= 2025; y++ {
		for s := 1; s <= 30; s++ {
			keys = append(keys, key{y, s})
		}
	}
	x := NewPersonalIndex()
	for _, k := range keys {
		state[k] = pick()
		x.Add(k.year, k.serial, state[k])
	}
	for step := 0; step < 2000; step++ {
		k := keys[rng.IntN(len(keys))]
		p := pick()
		same := state[k] == p
		if changed := x.Update(k.year, k.serial, p); same && changed {
			t.Fatalf("step %d: the same values reported as a change", step)
		}
		state[k] = p
		fresh := &PersonalIndex{seed: x.seed, hits: map[uint64]personalHit{}, more: map[uint64][]personalHit{},
			owned: map[[2]int][4]personalValue{}, lens: map[int]int{}}
		for _, k := range keys {
			fresh.Add(k.year, k.serial, state[k])
		}
		if !reflect.DeepEqual(x.hits, fresh.hits) || !reflect.DeepEqual(x.lens, fresh.lens) || !reflect.DeepEqual(x.owned, fresh.owned) {
			t.Fatalf("step %d: the updated index differs from a rebuilt one", step)
		}
		c := x.Clone()
		c.Update(k.year, k.serial, Personal{Name: "另一个人"})
		if !reflect.DeepEqual(x.hits, fresh.hits) {
			t.Fatalf("step %d: changing a clone changed the index", step)
		}
	}
	if h, ok := x.find("今年张三来过两次"); ok {
		if got := x.hits[maphash.String(x.seed, "张三")]; got != h {
			t.Fatalf("find names %+v, the index holds %+v", h, got)
		}
	}
}

// TestNormPersonalFastPathIsExact: normPersonal gives what its definition
// gives, written here the plain way (each character's compatibility
// decomposition, Hangul syllables kept whole; spaces, dashes, minus
// signs, middle dots, combining marks and format characters dropped; the
// rest upper-cased), on the fast path (a value returned as it is) and the
// long one; and character by character: the form of two strings joined
// is their forms joined, so a value's form is a run of its text's.
func TestNormPersonalFastPathIsExact(t *testing.T) {
	plain := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			d := string(r)
			if r < 0xac00 || r > 0xd7a3 {
				d = norm.NFKD.String(d)
			}
			for _, r := range d {
				if unicode.IsSpace(r) || unicode.In(r, unicode.Pd, unicode.Mn, unicode.Me, unicode.Cf) || strings.ContainsRune("−·•‧・∙⋅᛫⸱ꞏ", r) {
					continue
				}
				b.WriteRune(unicode.ToUpper(r))
			}
		}
		return b.String()
	}
	pieces := []string{"张三", "13800000000", "138 0000", "x", "X", "ａｂ", "１２", "-", "－", "—", "‐", "–", "−", "\t", "\u00a0", "\u3000",
		"路", "ß", "é", "É", "e\u0301", "ǅ", "\xff", "\x7f", "\x01", "Ⅻ", "ⅻ", "号", "a1", "Ω", "ω", "🙂", "𠮷", "葛\U000E0100",
		"\u200b", "\u00ad", "\ufeff", "·", "・", "･", "\u2f42", "\uf90a", "①", "가", "ｶﾞ", "，", "（", "。"}
	var cases []string
	for _, a := range pieces {
		cases = append(cases, a)
		for _, b := range pieces {
			cases = append(cases, a+b, "北京市"+a+"区"+b)
		}
	}
	for _, s := range cases {
		got, want := normPersonal(s), plain(s)
		if got != want {
			t.Errorf("normPersonal(%q) = %q, want %q", s, got, want)
		}
		if personalNormal(s) && got != s {
			t.Errorf("normPersonal(%q) = %q on the fast path", s, got)
		}
	}
	for _, a := range pieces {
		for _, b := range pieces {
			if utf8.ValidString(a) && normPersonal(a+b) != normPersonal(a)+normPersonal(b) {
				t.Errorf("normPersonal(%q) is not normPersonal(%q) + normPersonal(%q)", a+b, a, b)
			}
		}
	}
}

// Two values starting at the same place of a text ("ZHANG" and
// "ZHANGSAN"): the finding names the earlier holder every time, not the one
// a map's order met first.
func TestPersonalFindSameStartIsStable(t *testing.T) {
	for run := 0; run < 50; run++ {
		x := NewPersonalIndex()
		x.Add(2019, 1, Personal{Address: "ｚｈａｎｇ ｓａｎ路1号"})
		x.Add(2019, 2, Personal{Name: "Zhang"})
		x.Add(2019, 3, Personal{Name: "张三丰", Phone: "13800001111"})
		x.Add(2019, 4, Personal{Name: "张三"})
		for _, c := range []struct {
			text string
			want personalHit
		}{
			{"来信人zhangsan路1号反映", personalHit{2019, 1, 3}},
			{"来信人zhang反映", personalHit{2019, 2, 0}},
			{"张三丰13800001111", personalHit{2019, 3, 0}},
			{"张三13800001111", personalHit{2019, 4, 0}},
		} {
			if h, ok := x.find(c.text); !ok || h != c.want {
				t.Fatalf("run %d: %q found %+v (%v), want %+v", run, c.text, h, ok, c.want)
			}
		}
	}
}

// An index made for given texts finds in each of them what the full index
// finds (the same value and holder), over random values and texts that
// hold them spaced, dashed, in full-width or lower case, or cut short;
// it keeps far fewer values.
func TestPersonalIndexForTextsFindsTheSame(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 7))
	names := []string{"张三", "李四", "王五五", "欧阳娜娜", "Zhang San", "张三丰", "国庆", "建国"}
	phones := []string{"13800001111", "13900002222", "0470-1234567", "15047012345"}
	ids := []string{"150724198506124318", "15072419850612431X", "150724199001011234"}
	addrs := []string{"团结路6号院", "大雁镇政府路1号3-201", "鄂温克族自治旗胜利大街271号", "团结路6号院2单元"}
	fillers := []string{"本年度共收到申请", "其中", "件，", "已全部办结。", "13件", "150件", "2021年", "政府信息公开", "，", "张", "团结", "路6号"}
	vary := func(v string) string {
		switch rng.IntN(6) {
		case 0:
			return strings.Join(strings.Split(v, ""), " ")
		case 1:
			if len(v) > 4 {
				return v[:4] + "-" + v[4:]
			}
		case 2:
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' {
					return r + 0xfee0
				}
				return r
			}, v)
		case 3:
			return strings.ToLower(v)
		case 4:
			if r := []rune(v); len(r) > 2 {
				return string(r[:len(r)-1])
			}
		}
		return v
	}
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	kept, all := 0, 0
	for trial := 0; trial < 300; trial++ {
		var people []Personal
		for i := 0; i < 40; i++ {
			people = append(people, Personal{Name: pick(names), Phone: pick(phones), IDNumber: pick(ids), Address: pick(addrs)})
		}
		var texts []string
		for i := 0; i < 4; i++ {
			var b strings.Builder
			for j := 0; j < 8; j++ {
				b.WriteString(pick(fillers))
				if rng.IntN(4) == 0 {
					p := people[rng.IntN(len(people))]
					b.WriteString(vary([]string{p.Name, p.Phone, p.IDNumber, p.Address}[rng.IntN(4)]))
				}
			}
			texts = append(texts, b.String())
		}
		full, only := NewPersonalIndex(), NewPersonalIndexFor(texts)
		for i, p := range people {
			full.Add(2019+i/20, 1+i%20, p)
			only.Add(2019+i/20, 1+i%20, p)
		}
		for _, text := range texts {
			h1, ok1 := full.find(text)
			h2, ok2 := only.find(text)
			if h1 != h2 || ok1 != ok2 {
				t.Fatalf("trial %d, %q: full index finds %+v (%v), the index for the texts %+v (%v)", trial, text, h1, ok1, h2, ok2)
			}
		}
		kept += only.Len()
		all += full.Len()
	}
	if kept*2 > all {
		t.Errorf("the index for the texts kept %d of %d values", kept, all)
	}
}

// find is findNormal in text as it is written.
func (x *PersonalIndex) find(text string) (personalHit, bool) {
	if x.Len() == 0 {
		return personalHit{}, false
	}
	return x.findNormal(normPersonal(text))
}
