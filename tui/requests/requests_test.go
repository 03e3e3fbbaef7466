package requests

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components/pagedlist"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

var testNow = time.Date(2021, 6, 30, 10, 0, 0, 0, time.UTC)

// setup opens a fresh store with one organ, its 2021 report and reqs, and
// a Common as the app would hold it.
func setup(t testing.TB, reqs []model.Request) *common.Common {
	t.Helper()
	return testenv.Open(t, testNow, &model.OrganYear{
		Organ:    model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship},
		Report:   model.NewReport(0, 2021),
		Requests: reqs,
	})
}

// typeText types s one key at a time.
func typeText(t testing.TB, c *common.Common, s common.Screen, text string) common.Screen {
	for _, r := range text {
		s, _ = testenv.Press(t, c, s, string(r))
	}
	return s
}

func genRequests(n int) []model.Request {
	reqs := make([]model.Request, n)
	for i := range reqs {
		d := model.NewDate(2021, 1+i%6, 1+i%28)
		reqs[i] = model.Request{Year: 2021, Serial: i + 1, Received: d, Channel: model.ChannelOnline,
			Applicant: model.ApplicantTypes[i%6], Summary: fmt.Sprintf("申请公开第%d号文件", i+1)}
		if i%3 == 0 {
			reqs[i].Answered = d.AddDays(10)
			reqs[i].Outcome = model.RowDisclosed
		}
	}
	return reqs
}

func TestList50kRendersOnlyVisibleRowsAndPages(t *testing.T) {
	c := setup(t, genRequests(50000))
	var s common.Screen = New(c)
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init())
	l := s.(*List)
	if l.rows.Total() != 50000 {
		t.Fatalf("total %d, want 50000", l.rows.Total())
	}
	if l.rows.Loaded() > pagedlist.MaxBuffer {
		t.Fatalf("%d rows held in memory, want at most %d", l.rows.Loaded(), pagedlist.MaxBuffer)
	}
	v := s.View(100, 25)
	lines := testenv.CheckSize(t, v, 100, 25)
	if !strings.Contains(ansi.Strip(lines[3]), "申请公开第1号文件") {
		t.Fatalf("first row: %q", ansi.Strip(lines[3]))
	}
	// To the end: the last entry is shown, and still only a page is held.
	s, _ = testenv.Press(t, c, s, "end")
	v = ansi.Strip(s.View(100, 25))
	if !strings.Contains(v, "申请公开第50000号文件") {
		t.Fatalf("end does not show the last entry:\n%s", v)
	}
	if l.rows.Loaded() > pagedlist.MaxBuffer {
		t.Fatalf("%d rows held after end", l.rows.Loaded())
	}
	// Page up twice: rows before the window come from keyset pages.
	for range 10 {
		s, _ = testenv.Press(t, c, s, "pgup")
	}
	s.View(100, 25)
	q, ok := l.rows.Current()
	if !ok {
		t.Fatal("row under the cursor not loaded after pgup")
	}
	if want := l.rows.Cursor() + 1; q.Serial != want {
		t.Fatalf("row under the cursor has serial %d, want %d", q.Serial, want)
	}
	// Down past the loaded window loads the next page.
	s, _ = testenv.Press(t, c, s, "home")
	for range 150 {
		s, _ = testenv.Press(t, c, s, "down")
	}
	s.View(100, 25)
	if q, ok := l.rows.Current(); !ok || q.Serial != 151 {
		t.Fatalf("after 150 downs: %+v %v", q, ok)
	}
}

func TestListFiltersAndSearch(t *testing.T) {
	reqs := []model.Request{
		{Year: 2021, Serial: 1, Received: 20210104, Applicant: model.NaturalPerson, Summary: "申请公开征地补偿方案"},
		{Year: 2021, Serial: 2, Received: 20210301, Applicant: model.Business, Summary: "申请公开招标文件", Answered: 20210310, Outcome: model.RowDisclosed},
		// Received long ago and never answered: overdue.
		{Year: 2021, Serial: 3, Received: 20210104, Applicant: model.NaturalPerson, Summary: "申请公开低保名单"},
		{Year: 2021, Serial: 4, Received: 20210620, Applicant: model.NaturalPerson, Summary: "申请公开道路规划"},
	}
	c := setup(t, reqs)
	var s common.Screen = New(c)
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init())
	l := s.(*List)
	if l.rows.Total() != 4 {
		t.Fatalf("total %d", l.rows.Total())
	}
	s, _ = testenv.Press(t, c, s, "s") // 办理中
	if l.rows.Total() != 3 {
		t.Fatalf("open: %d, want 3", l.rows.Total())
	}
	s, _ = testenv.Press(t, c, s, "s") // 已答复
	if l.rows.Total() != 1 {
		t.Fatalf("answered: %d, want 1", l.rows.Total())
	}
	s, _ = testenv.Press(t, c, s, "c", "x") // overdue only
	if l.rows.Total() != 2 {
		t.Fatalf("overdue: %d, want 2", l.rows.Total())
	}
	v := ansi.Strip(s.View(100, 25))
	if !strings.Contains(v, "超期") || !strings.Contains(v, "低保名单") || strings.Contains(v, "道路规划") {
		t.Fatalf("overdue view:\n%s", v)
	}
	s, _ = testenv.Press(t, c, s, "c", "a", "a") // 商业企业
	if l.rows.Total() != 1 {
		t.Fatalf("business: %d", l.rows.Total())
	}
	s, _ = testenv.Press(t, c, s, "c", "/")
	if !l.Typing() {
		t.Fatal("search input not open")
	}
	s = typeText(t, c, s, "规划")
	if l.rows.Total() != 1 {
		t.Fatalf("search: %d", l.rows.Total())
	}
	// The search input's cursor sits after the Chinese text by display width.
	s.View(100, 25)
	cur := s.Cursor()
	if cur == nil || cur.X != ansi.StringWidth(text.ReqSearchPrompt)+4 || cur.Y != 1 {
		t.Fatalf("cursor %+v", cur)
	}
	testenv.Press(t, c, s, "esc")
	if l.rows.Total() != 4 || l.Typing() {
		t.Fatalf("esc in search: total %d typing %v", l.rows.Total(), l.Typing())
	}
}

func TestFormAddsRequestByKeys(t *testing.T) {
	c := setup(t, nil)
	var s common.Screen = NewForm(c, nil)
	f := s.(*Form)
	// A date in Chinese spelling; the deadline follows as it is typed.
	s = typeText(t, c, s, "2021年6月1日")
	if !strings.Contains(f.DeadlineLine(), "2021年6月30日") {
		t.Fatalf("live deadline: %s", f.DeadlineLine())
	}
	s.View(100, 30)
	cur := s.Cursor()
	lw := 0
	for _, fl := range f.form.Fields {
		lw = max(lw, ansi.StringWidth(fl.Label))
	}
	if cur == nil || cur.X != lw+2+ansi.StringWidth("2021年6月1日") {
		t.Fatalf("cursor %+v, want x=%d", cur, lw+2+ansi.StringWidth("2021年6月1日"))
	}
	s, out := testenv.Press(t, c, s, "tab")
	if len(out) != 0 {
		t.Fatalf("saved before the applicant type was chosen: %v", out)
	}
	s, _ = testenv.Press(t, c, s, "tab") // channel → applicant
	if f.Focus() != fApplicant {
		t.Fatalf("focus %s", f.Focus())
	}
	s, out = testenv.Press(t, c, s, "right") // 自然人: now it can be saved
	if f.Request().ID == 0 {
		t.Fatalf("not saved once date and applicant were valid: %v", out)
	}
	if f.Request().Serial != 1 || f.Request().Received != 20210601 {
		t.Fatalf("saved %+v", f.Request())
	}
	s, _ = testenv.Press(t, c, s, "tab")
	s = typeText(t, c, s, "张三")
	s, _ = testenv.Press(t, c, s, "tab")
	s = typeText(t, c, s, "12345")
	s, _ = testenv.Press(t, c, s, "tab")
	if f.Focus() == fPhone || f.FieldErr(fPhone) == "" || f.FieldText(fPhone) != "12345" {
		t.Fatalf("a bad phone number was not refused in place: focus %s err %q text %q", f.Focus(), f.FieldErr(fPhone), f.FieldText(fPhone))
	}
	// What is typed next goes to the next field, not into the phone.
	s = typeText(t, c, s, "镇东街")
	if f.FieldText(fPhone) != "12345" {
		t.Fatalf("typing after a refused field piled into it: %q", f.FieldText(fPhone))
	}
	for range 3 {
		s, _ = testenv.Press(t, c, s, "backspace")
	}
	s, _ = testenv.Press(t, c, s, "shift+tab")
	for range 5 {
		s, _ = testenv.Press(t, c, s, "backspace")
	}
	s = typeText(t, c, s, "13800138000")
	s, _ = testenv.Press(t, c, s, "tab", "tab", "tab")
	if f.Focus() != fSummary {
		t.Fatalf("focus %s", f.Focus())
	}
	s = typeText(t, c, s, "申请公开2021年财政预算")
	s, _ = testenv.Press(t, c, s, "tab")
	// The extension counts once the applicant was told of it.
	for f.Focus() != fExtNotice {
		s, _ = testenv.Press(t, c, s, "tab")
	}
	s = typeText(t, c, s, "2021.6.25")
	// An extension over 20 days is refused in place, the old value kept.
	for f.Focus() != fExtDays {
		s, _ = testenv.Press(t, c, s, "tab")
	}
	s = typeText(t, c, s, "25")
	s, _ = testenv.Press(t, c, s, "tab")
	if !strings.Contains(f.FieldErr(fExtDays), "20") || f.FieldText(fExtDays) != "25" {
		t.Fatalf("ext days 25 accepted: %q", f.FieldErr(fExtDays))
	}
	s, _ = testenv.Press(t, c, s, "shift+tab", "backspace", "backspace")
	s = typeText(t, c, s, "10")
	s, _ = testenv.Press(t, c, s, "tab")
	if !strings.Contains(f.DeadlineLine(), "2021年7月14日") {
		t.Fatalf("deadline with extension: %s", f.DeadlineLine())
	}
	s, _ = testenv.Press(t, c, s, "tab") // excluded → answered
	s = typeText(t, c, s, "2021.6.20")
	s, _ = testenv.Press(t, c, s, "tab", "right") // outcome （一）予以公开
	testenv.Press(t, c, s, "esc")

	got, err := c.Store.Request(c.Ctx, f.Request().ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if got.Personal.Name != "张三" || got.Personal.Phone != "13800138000" || got.Summary != "申请公开2021年财政预算" ||
		got.ExtDays != 10 || got.Answered != 20210620 || got.Outcome != model.RowDisclosed || got.Applicant != model.NaturalPerson {
		t.Fatalf("stored %+v", got)
	}
}

func TestFormOutcomesFollowAnswerYear(t *testing.T) {
	c := setup(t, nil)
	q := model.Request{OrganID: c.Organ.ID, Year: 2020, Serial: 9, Received: 20201228, Applicant: model.NaturalPerson}
	if err := c.Store.SaveRequest(c.Ctx, &q); err != nil {
		t.Fatal(err)
	}
	f := NewForm(c, &q)
	f.field(fAnswered).Input.SetValue("2020-12-30")
	for f.Focus() != fAnswered {
		f.Update(testenv.Key("tab"))
	}
	f.Update(testenv.Key("tab"))
	n2019 := len(f.field(fOutcome).Choices)
	f.field(fAnswered).Input.SetValue("2021-01-05")
	f.Update(testenv.Key("shift+tab"))
	f.Update(testenv.Key("tab"))
	n2021 := len(f.field(fOutcome).Choices)
	if n2019 != 1+len(model.FormatByID("2019").OutcomeRows()) || n2021 != 1+len(model.FormatByID("2021").OutcomeRows()) || n2019 == n2021 {
		t.Fatalf("outcome choices 2019 %d, 2021 %d", n2019, n2021)
	}
}

func TestDeleteAsksAndUndoRestores(t *testing.T) {
	c := setup(t, genRequests(3))
	var s common.Screen = New(c)
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init())
	l := s.(*List)
	s, _ = testenv.Press(t, c, s, "down", "d")
	if !strings.Contains(testenv.DialogView(c), "确定删除") {
		t.Fatal("delete did not ask first")
	}
	s, _ = testenv.Press(t, c, s, "n")
	if l.rows.Total() != 3 {
		t.Fatal("deleted although the clerk said no")
	}
	s, _ = testenv.Press(t, c, s, "d", "y")
	if l.rows.Total() != 2 {
		t.Fatalf("after delete: %d", l.rows.Total())
	}
	testenv.Press(t, c, s, "u")
	if l.rows.Total() != 3 {
		t.Fatalf("after undo: %d", l.rows.Total())
	}
	if q, ok := l.rows.Current(); !ok || q.Serial != 2 {
		t.Fatalf("cursor after undo on %+v", q)
	}
}

func TestTableAndOverview(t *testing.T) {
	c := setup(t, genRequests(30))
	var s common.Screen = New(c)
	s.View(100, 30)
	s, _ = testenv.Run(t, c, s, s.Init())
	s, _ = testenv.Press(t, c, s, "t")
	v := ansi.Strip(s.View(100, 30))
	testenv.CheckSize(t, s.View(100, 30), 100, 30)
	if !strings.Contains(v, "一、本年新收政府信息公开申请数量") || !strings.Contains(v, "30") {
		t.Fatalf("table 三:\n%s", v)
	}
	s, _ = testenv.Press(t, c, s, "esc", "v")
	v = ansi.Strip(s.View(100, 30))
	if !strings.ContainsAny(v, "▁▂▃▄▅▆▇█") || !strings.Contains(v, "予以公开") {
		t.Fatalf("overview:\n%s", v)
	}
	// The numbers sit at the bars' ends: the applicant column from table 三,
	// the outcome group with its share.
	s, _ = testenv.Press(t, c, s, "end")
	v = ansi.Strip(s.View(100, 30))
	np := c.Snap.S3().Get(model.Addr(model.TableS3, model.RowNew, string(model.NaturalPerson)))
	if !regexp.MustCompile(`自然人 +█+[▏▎▍▌▋▊▉]? `+strconv.FormatInt(np, 10)+`件`).MatchString(v) ||
		!regexp.MustCompile(`（一）予以公开 +█+ 10件（100\.0%）`).MatchString(v) ||
		!regexp.MustCompile(`（二）部分公开… +0件（0\.0%）`).MatchString(v) {
		t.Fatalf("bars without their numbers at the ends:\n%s", v)
	}
	o := c.Snap.Overview()
	if o.PerMonth[0] != 5 || o.Closed != 10 || o.GroupCounts[0] != 10 {
		t.Fatalf("summary %+v", o)
	}
}

func TestVerticalBars(t *testing.T) {
	got := VerticalBars([]int{0, 1, 8}, 1, 2)
	if got[0] != "   ▁ █" {
		t.Fatalf("%q", got[0])
	}
	got = VerticalBars([]int{4, 8}, 2, 1)
	if got[0] != " █" || got[1] != "██" {
		t.Fatalf("%q", got)
	}
}

func TestGoToEntryFromCheckMovesTheCursor(t *testing.T) {
	c := setup(t, genRequests(500))
	var s common.Screen = New(c)
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init())
	target := c.OrganYear().Requests[420]
	// Filtered to 已结转 (the entry is not among them): the jump shows the
	// whole log.
	s, _ = testenv.Press(t, c, s, "s", "s", "s")
	s, cmd := s.Update(common.GoToMsg{Section: common.SecRequests, Entry: model.EntryRef{Kind: model.EntryRequest, ID: target.ID}})
	s, _ = testenv.Run(t, c, s, cmd)
	s.View(100, 25)
	q, ok := s.(*List).rows.Current()
	if !ok || q.ID != target.ID {
		t.Fatalf("cursor on %+v, want entry %d", q, target.ID)
	}
	if !strings.Contains(ansi.Strip(s.View(100, 25)), target.Summary) {
		t.Fatal("the entry is not on screen")
	}
}

func TestFormRefusesDatesAfterToday(t *testing.T) {
	c := setup(t, genRequests(1))
	q, err := c.Store.Request(c.Ctx, c.OrganYear().Requests[0].ID, true)
	if err != nil {
		t.Fatal(err)
	}
	var s common.Screen = NewForm(c, &q)
	f := s.(*Form)
	for f.Focus() != fAnswered {
		s, _ = testenv.Press(t, c, s, "tab")
	}
	for range 10 {
		s, _ = testenv.Press(t, c, s, "backspace")
	}
	s = typeText(t, c, s, "2021-12-01")
	s, _ = testenv.Press(t, c, s, "tab")
	if !strings.Contains(f.FieldErr(fAnswered), "在今天之后") || f.FieldText(fAnswered) != "2021-12-01" {
		t.Fatalf("future answer date accepted: err %q text %q", f.FieldErr(fAnswered), f.FieldText(fAnswered))
	}
	// Esc asks; n keeps the form open, d brings the old value back and
	// leaves.
	s, out := testenv.Press(t, c, s, "esc")
	if !strings.Contains(testenv.DialogView(c), text.FormLeaveAsk) || len(out) != 1 {
		t.Fatalf("esc with a refused value did not ask: %v", out)
	}
	s, _ = testenv.Press(t, c, s, "n")
	if f.Focus() != fAnswered {
		t.Fatalf("keep editing went to %s", f.Focus())
	}
	s, _ = testenv.Press(t, c, s, "esc")
	_, out = testenv.Press(t, c, s, "d")
	if len(out) == 0 {
		t.Fatal("esc did not go back")
	}
	got, _ := c.Store.Request(c.Ctx, q.ID, false)
	if got.Answered != q.Answered {
		t.Fatalf("answered changed to %v", got.Answered)
	}
}

func TestListLongJumpWhileLoading(t *testing.T) {
	c := setup(t, genRequests(3000))
	var s common.Screen = New(c)
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init())
	l := s.(*List)
	// Many page-downs arrive before any page query answers.
	var cmds []tea.Cmd
	for range 60 {
		var cmd tea.Cmd
		s, cmd = s.Update(testenv.Key("pgdown"))
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		s, _ = testenv.Run(t, c, s, cmd)
	}
	s.View(100, 25)
	q, ok := l.rows.Current()
	if !ok || q.Serial != l.rows.Cursor()+1 {
		t.Fatalf("cursor %d on %+v (%v)", l.rows.Cursor(), q, ok)
	}
	if l.rows.Loaded() > pagedlist.MaxBuffer {
		t.Fatalf("%d rows held", l.rows.Loaded())
	}
	// And back up past the window.
	cmds = nil
	for range 40 {
		var cmd tea.Cmd
		s, cmd = s.Update(testenv.Key("pgup"))
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		s, _ = testenv.Run(t, c, s, cmd)
	}
	s.View(100, 25)
	if q, ok := l.rows.Current(); !ok || q.Serial != l.rows.Cursor()+1 {
		t.Fatalf("after pgup: cursor %d on %+v (%v)", l.rows.Cursor(), q, ok)
	}
}

func TestPerRequestFeeCountsTheApplicantsMonth(t *testing.T) {
	// The same applicant asked 11 times in March; the 12th request costs
	// 100 元 under 按件.
	var reqs []model.Request
	for i := range 12 {
		reqs = append(reqs, model.Request{Year: 2021, Serial: i + 1, Received: model.NewDate(2021, 3, 1+i),
			Applicant: model.NaturalPerson, Summary: "同一申请人", Personal: model.Personal{Name: "赵六", IDNumber: "11010519491231002X"}})
	}
	c := setup(t, reqs)
	q, err := c.Store.Request(c.Ctx, c.OrganYear().Requests[11].ID, true)
	if err != nil {
		t.Fatal(err)
	}
	var s common.Screen = NewForm(c, &q)
	f := s.(*Form)
	for f.Focus() != fFeeMethod {
		s, _ = testenv.Press(t, c, s, "tab")
	}
	s, _ = testenv.Press(t, c, s, "right") // 按件
	if got := f.field(fNth).Input.Value(); got != "12" {
		t.Fatalf("nth = %q, want 12", got)
	}
	if fen, ok := f.suggestedFee(); !ok || fen != 10000 {
		t.Fatalf("suggested fee %d %v", fen, ok)
	}
	for f.Focus() != fFee {
		s, _ = testenv.Press(t, c, s, "tab")
	}
	testenv.Press(t, c, s, "tab") // empty fee: the suggestion is taken
	got, _ := c.Store.Request(c.Ctx, q.ID, false)
	if got.FeeMethod != model.FeePerRequest || got.Fee != 10000 {
		t.Fatalf("stored fee %v %d", got.FeeMethod, got.Fee)
	}
}

func TestReloadKeepsTheCursorDeepInTheLog(t *testing.T) {
	c := setup(t, genRequests(20000))
	var s common.Screen = New(c)
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init())
	l := s.(*List)
	s, _ = testenv.Press(t, c, s, "end")
	for l.rows.Cursor() > 15000 {
		s, _ = testenv.Press(t, c, s, "pgup")
	}
	at := l.rows.Cursor()
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init()) // as after closing the form
	s.View(100, 25)
	if q, ok := l.rows.Current(); !ok || l.rows.Cursor() != at || q.Serial != at+1 {
		t.Fatalf("after reload the cursor is at %d on %+v (%v), want %d", l.rows.Cursor(), q, ok, at)
	}
}
