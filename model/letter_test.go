package model

import (
	"reflect"
	"strings"
	"testing"
)

// TestLetterArticles pins the article every default template cites, checked
// by hand against the text of the 2019 Regulation:
// Art. 14 state secrets / banned by law / 三安全一稳定 are not disclosed;
// Art. 15 third-party rights; Art. 16 para. 1 internal affairs, para. 2
// process information and enforcement files; Art. 29 para. 2 what a request
// contains; Art. 30 补正 (7 working days, clock restarts, no correction =
// abandoned); Art. 32 third party, 15 working days; Art. 33 20 working
// days + at most 20 with the office head's consent, para. 2 consultation
// time not counted; Art. 35 requests beyond a reasonable range; Art. 36
// items (二) provide, (三) withheld with reasons, (四) does not exist, (五)
// another organ's, (六) repeated, (七) registration records under their own
// laws; Art. 37 partial disclosure; Art. 38 no processing or analysis;
// Art. 39 para. 1 petitions, para. 2 publications; Art. 42 fees.
func TestLetterArticles(t *testing.T) {
	want := map[string][]string{
		"correction":     {"第三十条"},
		"extension":      {"第三十三条"},
		"consultation":   {"第三十二条"},
		"consult_notice": {"第三十二条", "第三十三条第二款"},
		"fee":            {"第四十二条"},
		"answer.o1":      {"第三十六条第（二）项"},
		"answer.o2":      {"第三十七条"},
		"answer.o3_1":    {"第十四条", "第三十六条第（三）项"},
		"answer.o3_2":    {"第十四条", "第三十六条第（三）项"},
		"answer.o3_3":    {"第十四条", "第三十六条第（三）项"},
		"answer.o3_4":    {"第十五条", "第三十六条第（三）项"},
		"answer.o3_5":    {"第十六条第一款", "第三十六条第（三）项"},
		"answer.o3_6":    {"第十六条第二款", "第三十六条第（三）项"},
		"answer.o3_7":    {"第十六条第二款", "第三十六条第（三）项"},
		"answer.o3_8":    {"第三十六条第（七）项"},
		"answer.o4_1":    nil, // filled in by Compose: (四) or (五), tested below
		"answer.o4_2":    {"第三十八条"},
		"answer.o4_3":    {"第二十九条第二款", "第三十条"},
		"answer.o5_1":    {"第三十九条第一款"},
		"answer.o5_2":    {"第三十六条第（六）项"},
		"answer.o5_3":    {"第三十九条第二款"},
		"answer.o5_4":    {"第三十五条"},
		"answer.o5_5":    nil, // no article of the Regulation names this case
		"answer.o6_1":    {"第三十条"},
		"answer.o6_2":    nil, // the fee measures, no article of the Regulation
		"answer.o6_3":    nil,
	}
	keys := TemplateKeys(FormatByID("2021"))
	if len(keys) != len(want) {
		t.Fatalf("2021 has %d template keys, the table %d: %v", len(keys), len(want), keys)
	}
	for _, k := range keys {
		tpl, ok := DefaultTemplate(k)
		if !ok {
			t.Fatalf("no default template for %s", k)
		}
		if got := CitedArticles(tpl.Body); !reflect.DeepEqual(got, want[k]) {
			t.Errorf("%s cites %v, want %v", k, got, want[k])
		}
		if strings.HasPrefix(k, "answer.") && !strings.Contains(tpl.Body, "{救济条款}") {
			t.Errorf("%s has no remedy clause", k)
		}
	}
	if tpl, ok := DefaultTemplate("answer.o6"); !ok || !strings.Contains(tpl.Body, "{处理说明}") {
		t.Errorf("2019's single 其他处理 row has no template: %v %q", ok, tpl.Body)
	}
	if _, ok := DefaultTemplate("answer.o9"); ok {
		t.Error("a template for an outcome row no format has")
	}
}

func letterRequest() Request {
	return Request{ID: 7, Year: 2021, Serial: 3, Received: NewDate(2021, 3, 1), Applicant: NaturalPerson,
		Personal: Personal{Name: "王小红"}, Summary: "2020年农村危房改造补助名单"}
}

func letterOrgan() Organ {
	return Organ{Name: "大雁镇人民政府", Level: LevelTownship, Superior: "鄂温克族自治旗", Office: "大雁镇政务公开办公室", Phone: "0470-1234567"}
}

func TestComposeAnswer(t *testing.T) {
	q := letterRequest()
	q.Outcome, q.Answered = "o3_4", NewDate(2021, 3, 20)
	c := LetterContext{Organ: letterOrgan(), Format: FormatByID("2021"), Today: NewDate(2021, 4, 1), Number: "大政信〔2021〕第1号"}
	l, err := Compose(LetterAnswer, &q, LetterInput{}, c)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(l.Paragraphs, "\n")
	for _, s := range []string{"王小红：", "2021年3月1日", "2020年农村危房改造补助名单", "第十五条", "第三十六条第（三）项",
		"60日内向鄂温克族自治旗人民政府申请行政复议", "6个月内向鄂温克族自治旗人民法院提起行政诉讼", "0470-1234567"} {
		if !strings.Contains(l.Addressee+text, s) {
			t.Errorf("answer lacks %q:\n%s", s, text)
		}
	}
	if l.Date != q.Answered || l.Title != "政府信息公开申请答复书" || l.Number != c.Number {
		t.Errorf("date %v title %q number %q", l.Date, l.Title, l.Number)
	}
	// Without an outcome there is no answer.
	q.Outcome = ""
	if _, err := Compose(LetterAnswer, &q, LetterInput{}, c); err == nil || !strings.Contains(err.Error(), "办理结果") {
		t.Errorf("answer without outcome: %v", err)
	}
	// An organ without level rules or superior must name its review organ.
	q.Outcome = "o1"
	c.Organ = Organ{Name: "某某局", Level: LevelOther}
	if _, err := Compose(LetterAnswer, &q, LetterInput{}, c); err == nil || !strings.Contains(err.Error(), "复议机关") {
		t.Errorf("no review organ: %v", err)
	}
	c.Organ.ReviewOrgan, c.Organ.Court = "某某市人民政府", "某某区人民法院"
	if _, err := Compose(LetterAnswer, &q, LetterInput{}, c); err != nil {
		t.Errorf("with the profile's review organ: %v", err)
	}
}

func TestComposeNotHeld(t *testing.T) {
	q := letterRequest()
	q.Outcome = "o4_1"
	c := LetterContext{Organ: letterOrgan(), Format: FormatByID("2021"), Today: NewDate(2021, 3, 10)}
	l, err := Compose(LetterAnswer, &q, LetterInput{}, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := CitedArticles(strings.Join(l.Paragraphs, "")); !reflect.DeepEqual(got, []string{"第三十六条第（四）项"}) {
		t.Errorf("not held, holder unknown: %v", got)
	}
	l, err = Compose(LetterAnswer, &q, LetterInput{Holder: "鄂温克族自治旗住房和城乡建设局", HolderPhone: "0470-7654321"}, c)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(l.Paragraphs, "")
	if got := CitedArticles(text); !reflect.DeepEqual(got, []string{"第三十六条第（五）项"}) || !strings.Contains(text, "住房和城乡建设局负责公开（联系电话：0470-7654321）") {
		t.Errorf("holder known: %v\n%s", got, text)
	}
}

func TestComposeDates(t *testing.T) {
	cal := DefaultCalendar()
	q := letterRequest() // received Monday 2021-03-01
	c := LetterContext{Organ: letterOrgan(), Calendar: cal, Today: NewDate(2021, 3, 25)}
	l, err := Compose(LetterExtension, &q, LetterInput{ExtDays: 10}, c)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(l.Paragraphs, "")
	// 20 working days from 2021-03-01 is 2021-03-29; 10 more is 2021-04-13
	// (清明 4-3..4-5 off).
	if !strings.Contains(text, "无法在2021年3月29日前") || !strings.Contains(text, "延长10个工作日") || !strings.Contains(text, "在2021年4月13日前作出答复") {
		t.Errorf("extension dates:\n%s", text)
	}
	if l.Date != c.Today || l.ExtDays != 10 {
		t.Errorf("date %v ext %d", l.Date, l.ExtDays)
	}
	// Fee: the 11th request of the month from one applicant costs 100 元.
	var log []Request
	for i := 1; i <= 11; i++ {
		r := letterRequest()
		r.ID, r.Serial, r.Received = int64(i), i, NewDate(2021, 3, i)
		log = append(log, r)
	}
	fq := log[10]
	fq.FeeMethod = FeePerRequest
	c.Log = log
	l, err = Compose(LetterFee, &fq, LetterInput{}, c)
	if err != nil {
		t.Fatal(err)
	}
	text = strings.Join(l.Paragraphs, "")
	if !strings.Contains(text, "金额为100元") || !strings.Contains(text, "按件计收") || !strings.Contains(text, "第四条") || !strings.Contains(text, "20个工作日") {
		t.Errorf("fee notice:\n%s", text)
	}
	if l.Fee != 10000 {
		t.Errorf("fee %d fen", l.Fee)
	}
	fq.FeeMethod = FeeNone
	if _, err := Compose(LetterFee, &fq, LetterInput{}, c); err == nil {
		t.Error("fee notice without a method")
	}
}

func TestReviewOrganDefault(t *testing.T) {
	before, after := NewDate(2023, 12, 29), NewDate(2024, 1, 2)
	cases := []struct {
		level       OrganLevel
		superior    string
		on          Date
		review, crt string
	}{
		{LevelTownship, "鄂温克族自治旗", after, "鄂温克族自治旗人民政府", "鄂温克族自治旗人民法院"},
		{LevelTownship, "鄂温克族自治旗人民政府", before, "鄂温克族自治旗人民政府", "鄂温克族自治旗人民法院"},
		// A county department: the county government from 2024; before,
		// the applicant could also go to the department above.
		{LevelCountyDept, "某某县", after, "某某县人民政府", "某某县人民法院"},
		{LevelCountyDept, "某某县", before, "某某县人民政府或者上一级主管部门", "某某县人民法院"},
		{LevelCountyGov, "某某市", after, "某某市人民政府", "某某市中级人民法院"},
		{LevelCountyGov, "某某市", before, "某某市人民政府", "某某市中级人民法院"},
		{LevelOther, "某某市", after, "", ""},
		{LevelTownship, "", after, "", ""},
	}
	for _, c := range cases {
		if got := ReviewOrganDefault(c.level, c.superior, c.on); got != c.review {
			t.Errorf("%s %s %v: review %q, want %q", c.level, c.superior, c.on, got, c.review)
		}
		if got := CourtDefault(c.level, c.superior); got != c.crt {
			t.Errorf("%s %s: court %q, want %q", c.level, c.superior, got, c.crt)
		}
	}
	o := Organ{Level: LevelCountyDept, Superior: "某某县", ReviewOrgan: "某某市人民政府"}
	if o.ReviewOrganOn(after) != "某某市人民政府" {
		t.Error("the profile's review organ does not win")
	}
}

func TestDocNumber(t *testing.T) {
	o := letterOrgan()
	if got := o.DocNumber(2021, 3); got != "大政信〔2021〕第3号" {
		t.Errorf("default 文号 %q", got)
	}
	o.LetterPattern = "鄂大政公开〔{年}〕{号}号"
	if got := o.DocNumber(2024, 12); got != "鄂大政公开〔2024〕12号" {
		t.Errorf("pattern 文号 %q", got)
	}
	if ValidDocNumberPattern("大政信〔{年}〕") == nil || ValidDocNumberPattern("大政信〔{年}〕{号}号") != nil {
		t.Error("pattern check")
	}
}

func TestLetterFor(t *testing.T) {
	q := letterRequest()
	if k := LetterFor(&q); k != "" {
		t.Errorf("fresh request calls for %q", k)
	}
	q.CorrectionNotice = NewDate(2021, 3, 3)
	if k := LetterFor(&q); k != LetterCorrection {
		t.Errorf("awaiting correction: %q", k)
	}
	q.Corrected = NewDate(2021, 3, 8)
	q.ExtDays = 20
	if k := LetterFor(&q); k != LetterExtension {
		t.Errorf("extension without notice: %q", k)
	}
	q.ExtNotice = NewDate(2021, 3, 30)
	q.FeeMethod = FeePerPage
	if k := LetterFor(&q); k != LetterFee {
		t.Errorf("fee without notice: %q", k)
	}
	q.Outcome = "o1"
	if k := LetterFor(&q); k != LetterAnswer {
		t.Errorf("with outcome: %q", k)
	}
}

func TestRecordLetter(t *testing.T) {
	q := letterRequest()
	d := NewDate(2021, 3, 5)
	if !RecordLetter(&q, LetterCorrection, d, 0, 0) || q.CorrectionNotice != d {
		t.Errorf("correction not recorded: %v", q.CorrectionNotice)
	}
	if RecordLetter(&q, LetterCorrection, NewDate(2021, 3, 9), 0, 0) || q.CorrectionNotice != d {
		t.Error("a recorded date was overwritten")
	}
	if !RecordLetter(&q, LetterExtension, d, 15, 0) || q.ExtNotice != d || q.ExtDays != 15 {
		t.Errorf("extension: %v %d", q.ExtNotice, q.ExtDays)
	}
	if !RecordLetter(&q, LetterFee, d, 0, 20000) || q.FeeNotice != d || q.Fee != 20000 {
		t.Errorf("fee: %v %d", q.FeeNotice, q.Fee)
	}
	if !RecordLetter(&q, LetterAnswer, d, 0, 0) || q.Answered != d {
		t.Errorf("answer: %v", q.Answered)
	}
	if RecordLetter(&q, LetterConsultation, d, 0, 0) {
		t.Error("a consultation letter changed the request")
	}
	// A 补正 notice dated after the answer, or any letter dated before the
	// request arrived, leaves the request alone.
	q2 := letterRequest()
	q2.Answered = NewDate(2021, 3, 20)
	if RecordLetter(&q2, LetterCorrection, NewDate(2026, 12, 6), 0, 0) || !q2.CorrectionNotice.IsZero() {
		t.Error("a late re-print recorded a 补正 date after the answer")
	}
	if RecordLetter(&q2, LetterFee, NewDate(2021, 2, 1), 0, 100) || !q2.FeeNotice.IsZero() {
		t.Error("a letter dated before the request was recorded")
	}
}

func TestParseLetterKind(t *testing.T) {
	for _, k := range LetterKinds {
		for _, s := range []string{string(k), k.Short(), k.Label()} {
			if got, ok := ParseLetterKind(s); !ok || got != k {
				t.Errorf("%q -> %q %v", s, got, ok)
			}
		}
	}
	if _, ok := ParseLetterKind("通知"); ok {
		t.Error("unknown kind accepted")
	}
}
