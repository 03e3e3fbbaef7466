package desk

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"nianbao/db"
	"nianbao/demo"
	"nianbao/export"
	"nianbao/model"
)

// demoStore opens a fresh database holding the demo organ.
func demoStore(t *testing.T) (*Store, model.Organ) {
	t.Helper()
	ctx := context.Background()
	st, err := db.Open(ctx, filepath.Join(t.TempDir(), "nianbao.db"), db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	o, err := st.OrganByName(ctx, demo.OrganName)
	if err != nil {
		t.Fatal(err)
	}
	return &Store{Store: st}, o
}

// findRequest returns the demo's 2021 request whose summary contains s.
func findRequest(t *testing.T, st *Store, o model.Organ, s string) model.Request {
	t.Helper()
	reqs, err := st.RequestsForYear(context.Background(), o.ID, 2021, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range reqs {
		if q.Year == 2021 && strings.Contains(q.Summary, s) {
			return q
		}
	}
	t.Fatalf("no demo request about %q", s)
	return model.Request{}
}

// pandocText reads a docx back as plain text, with no line wrapping.
func pandocText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pandoc", "-t", "plain", "--wrap=none", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pandoc cannot read %s: %v\n%s", path, err, out)
	}
	return string(out)
}

// TestLettersReadBack writes every kind of letter, and an answer for every
// outcome row of the 2021 format, for demo requests, and reads each back
// through pandoc: the applicant's name, the request's content, the right
// articles and the dates that follow from the request are there, the file
// is named as holding personal data and (where the system has modes) only
// its owner may read it. A public export into the same folder lists none of
// them in its manifest.
func TestLettersReadBack(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("SKIP: pandoc not installed (apt-get install pandoc)")
	}
	ctx := context.Background()
	st, o := demoStore(t)
	cal, err := st.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	today := model.NewDate(2022, 2, 10)

	type want struct {
		kind    model.LetterKind
		about   string // demo request
		outcome string // for answers: the outcome row set on the request
		in      model.LetterInput
		dates   func(q model.Request) []model.Date
	}
	cases := []want{
		// The 补正 notice is dated the day the request records for it.
		{kind: model.LetterCorrection, about: "镇里关于拆迁", dates: func(q model.Request) []model.Date {
			return []model.Date{q.Received, q.CorrectionNotice}
		}},
		// The extension notice: dated on the request's notice day; the
		// original and the extended deadline follow from the calendar.
		{kind: model.LetterExtension, about: "北苑小区供暖", dates: func(q model.Request) []model.Date {
			base := q
			base.ExtDays = 0
			return []model.Date{q.Received, q.ExtNotice, model.Deadline(&base, cal), model.Deadline(&q, cal)}
		}},
		{kind: model.LetterConsultation, about: "邻居宅基地", in: model.LetterInput{ThirdParty: "李某某"}, dates: func(q model.Request) []model.Date {
			return []model.Date{q.Received, today}
		}},
		{kind: model.LetterConsultNotice, about: "邻居宅基地", dates: func(q model.Request) []model.Date {
			return []model.Date{q.Received, today}
		}},
		{kind: model.LetterFee, about: "供暖设备维修", dates: func(q model.Request) []model.Date {
			return []model.Date{q.Received, q.FeeNotice}
		}},
	}
	for _, row := range model.FormatByID("2021").OutcomeRows() {
		cases = append(cases, want{kind: model.LetterAnswer, about: "养老服务设施名录", outcome: row, dates: func(q model.Request) []model.Date {
			return []model.Date{q.Received, q.Answered}
		}})
	}
	written := map[string]bool{}
	for _, c := range cases {
		name := string(c.kind) + "/" + c.outcome
		q := findRequest(t, st, o, c.about)
		if c.outcome != "" {
			q.Outcome = c.outcome
		}
		d, err := st.DraftLetterFor(ctx, o, q, c.kind, c.in, today)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		res, err := st.WriteLetter(ctx, d, dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		base := filepath.Base(res.File.Path)
		if !strings.HasSuffix(base, "（含个人信息）.docx") {
			t.Errorf("%s: file name %q does not say it holds personal data", name, base)
		}
		written[base] = true
		if fi, err := os.Stat(res.File.Path); err != nil {
			t.Fatal(err)
		} else if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", name, fi.Mode().Perm())
		}
		text := pandocText(t, res.File.Path)
		flat := strings.Join(strings.Fields(text), "")
		addressee := q.Personal.Name
		if c.kind == model.LetterConsultation {
			addressee = "李某某"
		}
		must := []string{addressee + "：", strings.Join(strings.Fields(model.LetterSummary(q.Summary)), ""), res.Letter.Number, o.Name}
		tpl, _ := model.DefaultTemplate(model.TemplateKey(c.kind, q.Outcome))
		must = append(must, citedArticles(tpl.Body)...)
		for _, d := range c.dates(q) {
			must = append(must, d.Chinese())
		}
		if c.kind == model.LetterAnswer {
			must = append(must, "60日内向鄂温克族自治旗人民政府申请行政复议", "6个月内向鄂温克族自治旗人民法院提起行政诉讼")
		}
		if c.kind == model.LetterFee {
			must = append(must, model.FormatMoney(q.Fee, "元")+"元", "20个工作日")
		}
		for _, s := range must {
			if !strings.Contains(flat, s) {
				t.Errorf("%s: the docx read back lacks %q:\n%s", name, s, text)
			}
		}
		// The letter's date is the last line of the signature.
		if !strings.Contains(flat, o.Name+res.Letter.Date.Chinese()) {
			t.Errorf("%s: signature with date %s missing:\n%s", name, res.Letter.Date.Chinese(), text)
		}
	}
	// Five kinds plus the answers, which for one request share a file per
	// title (答复书, 告知书): each rewrite re-issues the same numbered letter.
	if len(written) != 7 {
		t.Errorf("%d distinct files for %d letters: %v", len(written), len(cases), written)
	}

	// A public export into a folder of letters lists only the report's files.
	oy, err := st.LoadOrganYear(ctx, o.ID, 2021, false)
	if err != nil {
		t.Fatal(err)
	}
	res, err := export.Run(ctx, oy, export.Options{Formats: []string{"docx", "txt"}, Dir: dir, Today: today, Now: time.Date(2022, 2, 10, 9, 0, 0, 0, time.UTC)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	manifest, err := os.ReadFile(res.Manifest.Path)
	if err != nil {
		t.Fatal(err)
	}
	for f := range written {
		if strings.Contains(string(manifest), f) {
			t.Errorf("the public manifest lists the letter %s", f)
		}
	}
	if strings.Contains(string(manifest), "含个人信息") || strings.Contains(string(manifest), "告知书") {
		t.Errorf("the public manifest names a letter:\n%s", manifest)
	}
	// With the public export there, the folder takes no more letters.
	q := findRequest(t, st, o, "镇里关于拆迁")
	d, err := st.DraftLetterFor(ctx, o, q, model.LetterCorrection, model.LetterInput{}, today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteLetter(ctx, d, dir); err == nil || !strings.Contains(err.Error(), "公开") {
		t.Errorf("a letter written beside a public export: %v", err)
	}
}

// TestLetterRecordsOnRequest: writing the letter a request's state calls for
// fills the ledger's dates from it and numbers letters in order.
func TestLetterRecordsOnRequest(t *testing.T) {
	ctx := context.Background()
	st, o := demoStore(t)
	dir := t.TempDir()
	q := findRequest(t, st, o, "冬季清雪") // received 2021-12-20, answered 2022
	q.Outcome, q.Answered = "", 0
	q.ExtDays, q.ExtApprovedBy = 10, "张主任"
	if err := st.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	today := model.NewDate(2022, 1, 12)
	d, err := st.DraftLetter(ctx, o, q.Year, q.Serial, "", model.LetterInput{}, today)
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != model.LetterExtension {
		t.Fatalf("state calls for %q, want the extension notice", d.Kind)
	}
	res, err := st.WriteLetter(ctx, d, dir)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := st.Request(ctx, q.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if stored.ExtNotice != today || stored.ExtDays != 10 || res.Record.Number != "大政信〔2022〕第1号" {
		t.Errorf("stored ext notice %v days %d, number %q", stored.ExtNotice, stored.ExtDays, res.Record.Number)
	}
	// Nothing left to write: the state calls for no letter.
	if _, err := st.DraftLetter(ctx, o, q.Year, q.Serial, "", model.LetterInput{}, today); err != ErrNoLetter {
		t.Errorf("no letter due: %v", err)
	}
	// The answer, once the outcome is in, takes number 2.
	stored.Outcome = model.RowDisclosed
	if err := st.SaveRequest(ctx, &stored); err != nil {
		t.Fatal(err)
	}
	d, err = st.DraftLetter(ctx, o, q.Year, q.Serial, "", model.LetterInput{Date: model.NewDate(2022, 1, 20)}, today)
	if err != nil || d.Kind != model.LetterAnswer {
		t.Fatalf("answer draft: %v %v", d, err)
	}
	if res, err = st.WriteLetter(ctx, d, dir); err != nil || res.Record.Number != "大政信〔2022〕第2号" || res.Request.Answered != model.NewDate(2022, 1, 20) {
		t.Fatalf("answer: %+v %v", res, err)
	}
	// A new folder in an existing one is made; a folder whose parent is
	// missing is refused.
	if res, err := st.WriteLetter(ctx, d, filepath.Join(dir, "告知书（含个人信息）")); err != nil || filepath.Dir(res.File.Path) != filepath.Join(dir, "告知书（含个人信息）") {
		t.Errorf("letter into a new folder: %v", err)
	}
	if _, err := st.WriteLetter(ctx, d, filepath.Join(dir, "没有", "这里")); err == nil {
		t.Error("letter written under a missing folder")
	}
}

// citedArticles lists the article citations (第三十六条第（三）项) of a
// template, each once: the letter must print every one of them.
func citedArticles(text string) []string {
	re := regexp.MustCompile(`第[一二三四五六七八九十百零]+条(第[一二三四五六七八九十]+款)?(第（[一二三四五六七八九十]+）项)?`)
	var out []string
	seen := map[string]bool{}
	for _, m := range re.FindAllString(text, -1) {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}
