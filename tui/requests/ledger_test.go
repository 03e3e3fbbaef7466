package requests

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
)

func ledgerFixture() []model.Request {
	return []model.Request{
		{Year: 2021, Serial: 1, Received: 20210301, Applicant: model.NaturalPerson, Summary: "申请公开征地补偿方案",
			Personal: model.Personal{Name: "王秀兰", Phone: "0371-66889900", IDNumber: "11010519491231002X"}},
		{Year: 2021, Serial: 2, Received: 20210104, Applicant: model.Business, Summary: "申请公开招标文件",
			Personal: model.Personal{Name: "李建国", Phone: "13912345678"}},
		{Year: 2021, Serial: 3, Received: 20210201, Applicant: model.NaturalPerson, Summary: "申请公开低保名单",
			Answered: 20210210, Outcome: model.RowDisclosed},
	}
}

// The ledger finds a request by the applicant's name, phone or ID number,
// and shows no personal data in its rows.
func TestSearchByApplicant(t *testing.T) {
	c := setup(t, ledgerFixture())
	var s common.Screen = New(c)
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init())
	l := s.(*List)
	for _, q := range []string{"王秀兰", "66889900", "0371-6688", "11010519491231002x", "李建", "13912345678"} {
		s, _ = testenv.Press(t, c, s, "c", "/")
		s = typeText(t, c, s, q)
		s, _ = testenv.Press(t, c, s, "enter")
		if l.rows.Total() != 1 {
			t.Fatalf("search %q: %d rows", q, l.rows.Total())
		}
		v := ansi.Strip(s.View(100, 25))
		if strings.Contains(v, "0371-66889900") && q != "0371-6688" || strings.Contains(v, "11010519491231002X") {
			t.Fatalf("personal data shown in the list:\n%s", v)
		}
	}
}

func serials(l *List) []int {
	var out []int
	for i := 0; i < l.rows.Total(); i++ {
		q, ok := l.rows.At(i)
		if !ok {
			break
		}
		out = append(out, q.Serial)
	}
	return out
}

func TestSortOrders(t *testing.T) {
	c := setup(t, ledgerFixture())
	var s common.Screen = New(c)
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init())
	l := s.(*List)
	want := map[string][]int{
		"序号":   {1, 2, 3},
		"收到日期": {2, 3, 1},
		"答复期限": {2, 3, 1},
		"状态":   {2, 1, 3}, // open by deadline, then answered
	}
	for _, name := range []string{"序号", "收到日期", "答复期限", "状态"} {
		if got := serials(l); len(got) != 3 || got[0] != want[name][0] || got[1] != want[name][1] || got[2] != want[name][2] {
			t.Fatalf("sorted by %s: %v, want %v", name, got, want[name])
		}
		if name != "序号" && !strings.Contains(ansi.Strip(s.View(100, 25)), "排序："+name) {
			t.Fatalf("sort %s not shown", name)
		}
		s, _ = testenv.Press(t, c, s, "p")
	}
}

// 即将到期: open requests due within 5 working days and those already late,
// nearest deadline first, with the days in 工作日.
func TestDueSoonView(t *testing.T) {
	cal := model.DefaultCalendar()
	td := model.DateOf(testNow)
	// One received so its deadline is 3 working days away, one far away,
	// one late.
	var soon, far model.Date
	for d := td.AddDays(-40); d < td; d = d.AddDays(1) {
		q := model.Request{Received: d}
		if r := model.RemainingWorkdays(&q, td, cal); r == 3 && soon.IsZero() {
			soon = d
		} else if r > 10 && far.IsZero() {
			far = d
		}
	}
	if soon.IsZero() {
		t.Fatal("no date 3 working days before the deadline")
	}
	reqs := []model.Request{
		{Year: td.Year(), Serial: 1, Received: far, Applicant: model.NaturalPerson, Summary: "远期"},
		{Year: td.Year(), Serial: 2, Received: soon, Applicant: model.NaturalPerson, Summary: "快到期"},
		{Year: td.Year(), Serial: 3, Received: model.NewDate(td.Year(), 1, 4), Applicant: model.NaturalPerson, Summary: "早已超期"},
	}
	c := testenv.Open(t, testNow, &model.OrganYear{
		Organ: model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship}, Report: model.NewReport(0, td.Year()), Requests: reqs})
	var s common.Screen = New(c)
	s.View(100, 25)
	s, _ = testenv.Run(t, c, s, s.Init())
	l := s.(*List)
	s, _ = testenv.Press(t, c, s, "x")
	if got := serials(l); len(got) != 2 || got[0] != 3 || got[1] != 2 {
		t.Fatalf("due soon: %v, want [3 2]", got)
	}
	v := ansi.Strip(s.View(100, 25))
	for _, w := range []string{"即将到期", "剩3个工作日", "超期", "个工作日"} {
		if !strings.Contains(v, w) {
			t.Fatalf("view lacks %q:\n%s", w, v)
		}
	}
	if strings.Contains(v, "远期") {
		t.Fatalf("a far deadline is in the view:\n%s", v)
	}
}

// Point 8 of the walk-through: two phone numbers are accepted; an ID number
// wrong on the paper form is kept as written with a warning; a law firm's
// 统一社会信用代码 is an identity.
func TestFormKeepsWhatThePaperSays(t *testing.T) {
	c := setup(t, nil)
	var s common.Screen = NewForm(c, nil)
	f := s.(*Form)
	s = typeText(t, c, s, "2021年6月1日")
	s, _ = testenv.Press(t, c, s, "tab", "tab")
	for i := 0; i < 4; i++ { // 法律服务机构
		s, _ = testenv.Press(t, c, s, "right")
	}
	s, _ = testenv.Press(t, c, s, "tab")
	s = typeText(t, c, s, "某律师事务所")
	s, _ = testenv.Press(t, c, s, "tab")
	s = typeText(t, c, s, "13912345678、0371-66889900")
	s, _ = testenv.Press(t, c, s, "tab")
	if f.Focus() != fIDNumber || f.Err() != "" {
		t.Fatalf("two phone numbers refused: focus %s err %q", f.Focus(), f.Err())
	}
	s = typeText(t, c, s, "91350100M000100Y43")
	s, _ = testenv.Press(t, c, s, "tab")
	if f.Focus() == fIDNumber {
		t.Fatalf("统一社会信用代码 refused for 法律服务机构: %q", f.Err())
	}
	if got := f.Request().Personal; got.Phone != "13912345678、0371-66889900" || got.IDNumber != "91350100M000100Y43" {
		t.Fatalf("stored %+v", got)
	}
	// Back to the identity field: a resident ID number with a wrong check
	// digit is kept as written, with a visible warning.
	s, _ = testenv.Press(t, c, s, "shift+tab")
	for range 18 {
		s, _ = testenv.Press(t, c, s, "backspace")
	}
	s = typeText(t, c, s, "110105194912310021")
	s, _ = testenv.Press(t, c, s, "tab")
	if f.Focus() == fIDNumber {
		t.Fatalf("an ID number written wrong on paper blocked the field: %q", f.Err())
	}
	if got := f.Request().Personal.IDNumber; got != "110105194912310021" {
		t.Fatalf("ID number stored as %q", got)
	}
	if v := ansi.Strip(s.View(100, 40)); !strings.Contains(v, "已按原样保存") {
		t.Fatalf("no warning shown:\n%s", v)
	}
}
