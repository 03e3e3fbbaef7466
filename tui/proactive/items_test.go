package proactive

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components/pagedlist"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

var testNow = time.Date(2021, 12, 20, 9, 0, 0, 0, time.UTC)

// env is a real store in a temp folder with one organ and its 2021 report,
// and the Common the app would hold for it; saved counts the saves the
// screen reported (a failed save fails the test).
type env struct {
	t     *testing.T
	c     *common.Common
	saved int
}

func setup(t *testing.T, items []model.DisclosureItem) *env {
	t.Helper()
	return &env{t: t, c: testenv.Open(t, testNow, &model.OrganYear{
		Organ:  model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship},
		Report: model.NewReport(0, 2021),
		Items:  items,
	})}
}

// run executes cmd and all it leads to (testenv.Run), counting the saves.
func (e *env) run(s common.Screen, cmd tea.Cmd) common.Screen {
	e.t.Helper()
	s, out := testenv.Run(e.t, e.c, s, cmd)
	for _, m := range out {
		if _, ok := m.(common.SavedMsg); ok {
			e.saved++
		}
	}
	return s
}

func (e *env) open() common.Screen {
	s := New(e.c)
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return e.run(s, s.Init())
}

func (e *env) press(s common.Screen, keys ...string) common.Screen {
	e.t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		s, cmd = testenv.Deliver(e.c, s, testenv.Key(k))
		s = e.run(s, cmd)
	}
	return s
}

// typ types text one character at a time, as an input method delivers it.
func (e *env) typ(s common.Screen, text string) common.Screen {
	e.t.Helper()
	for _, r := range text {
		s = e.press(s, string(r))
	}
	return s
}

func (e *env) items() []model.DisclosureItem {
	e.t.Helper()
	its, err := e.c.Store.Items(e.c.Ctx, e.c.Organ.ID, 2021)
	if err != nil {
		e.t.Fatal(err)
	}
	return its
}

// view draws s, checks it is exactly width×height cells and returns its
// text.
func view(t *testing.T, s common.Screen, width, height int) string {
	t.Helper()
	v := s.View(width, height)
	testenv.CheckSize(t, v, width, height)
	return ansi.Strip(v)
}

func TestHeadsDownEntry(t *testing.T) {
	e := setup(t, nil)
	s := e.open()
	if v := view(t, s, 100, 30); !strings.Contains(v, fmt.Sprintf(text.ItemsEmpty, "n", "i")) {
		t.Fatalf("empty list should say how to start:\n%s", v)
	}
	s = e.press(s, "n")
	if !common.IsTyping(s) {
		t.Fatal("the form's title input should take printable keys")
	}
	s = e.typ(s, "关于春耕备耕工作的通知")
	view(t, s, 100, 30)
	// The real cursor sits after the title, measured in display width.
	cur := s.Cursor()
	lw := formLabelWidth()
	if cur == nil || cur.X != lw+2+ansi.StringWidth("关于春耕备耕工作的通知") || cur.Y != 1 {
		t.Fatalf("cursor %+v, want x=%d y=1", cur, lw+2+22)
	}
	s = e.press(s, "enter")
	s = e.typ(s, "3月5日") // month and day alone: the report year is taken
	s = e.press(s, "enter")
	if v := view(t, s, 100, 30); !strings.Contains(v, "发布日期  2021-03-05") {
		t.Fatalf("the date should show as saved once left:\n%s", v)
	}
	// Category: from 其他 (the default of a first entry) two steps right is 政策文件.
	s = e.press(s, "right", "right", "enter")
	s = e.typ(s, "、政务新媒体")
	s = e.press(s, "enter")
	s = e.typ(s, "http://www.ewenke.gov.cn/1.html")
	s = e.press(s, "enter")
	// 第二十条（一）: 不计入 → 规章·制发 → 规章·废止 → 行政规范性文件·制发.
	s = e.press(s, "right", "right", "right")
	s = e.press(s, "enter") // Enter on the last field saves
	its := e.items()
	if len(its) != 1 {
		t.Fatalf("after the first entry the store holds %d items", len(its))
	}
	got := its[0]
	if got.Title != "关于春耕备耕工作的通知" || got.Published != model.NewDate(2021, 3, 5) || got.Category != "政策文件" ||
		strings.Join(got.Channels, "|") != "政府门户网站|政务新媒体" || got.Location != "http://www.ewenke.gov.cn/1.html" ||
		got.Art20Row != model.RowNormativeDocs || got.Art20Action != model.Art20Issued || got.Year != 2021 {
		t.Fatalf("saved %+v", got)
	}
	// A new entry starts at once, offering the date, category and channels again.
	v := view(t, s, 100, 30)
	if !strings.Contains(v, fmt.Sprintf(text.ItemsFormNew, 1)) || !strings.Contains(v, "2021-03-05") ||
		!strings.Contains(v, "◉ 政策文件") || !strings.Contains(v, "政府门户网站、政务新媒体") {
		t.Fatalf("second entry should be prefilled:\n%s", v)
	}
	if !strings.Contains(v, "已保存「关于春耕备耕工作的通知」") {
		t.Fatalf("the saved note is missing:\n%s", v)
	}
	s = e.typ(s, "大雁镇3月政务动态")
	s = e.press(s, "enter", "enter", "enter", "enter", "enter", "enter")
	its = e.items()
	if len(its) != 2 || its[1].Published != model.NewDate(2021, 3, 5) || its[1].Category != "政策文件" || its[1].Art20Row != "" {
		t.Fatalf("second entry: %+v", its)
	}
	// A date outside the year is refused on the spot and nothing is saved.
	s = e.typ(s, "去年的通知")
	s = e.press(s, "enter", "ctrl+u")
	s = e.typ(s, "2020-12-31")
	s = e.press(s, "enter")
	v = view(t, s, 100, 30)
	if !strings.Contains(v, "不在 2021 年内") {
		t.Fatalf("out-of-year date should be refused:\n%s", v)
	}
	if n := len(e.items()); n != 2 {
		t.Fatalf("a refused entry was saved: %d items", n)
	}
	// Esc with a typed title asks first; d gives it up and shows the list.
	s = e.press(s, "esc")
	if v := testenv.DialogView(e.c); !strings.Contains(v, text.FormLeaveAsk) {
		t.Fatalf("discard question missing:\n%s", v)
	}
	s = e.press(s, "d")
	v = view(t, s, 100, 30)
	if !strings.Contains(v, "大雁镇3月政务动态") || !strings.Contains(v, "关于春耕备耕工作的通知") || !strings.Contains(v, "共 2 条") {
		t.Fatalf("list after entry:\n%s", v)
	}
	if e.saved < 2 {
		t.Fatalf("saved %d times", e.saved)
	}
	// The findings and tables see the new items through the reload.
	if len(e.c.OrganYear().Items) != 2 {
		t.Fatalf("the app's organ-year holds %d items", len(e.c.OrganYear().Items))
	}
	// Edit the first row: enter opens it, change the title, save with ctrl+s.
	s = e.press(s, "home", "enter", "ctrl+u")
	s = e.typ(s, "关于春耕生产的通知")
	s = e.press(s, "ctrl+s")
	its = e.items()
	if its[0].Title != "关于春耕生产的通知" || len(its) != 2 {
		t.Fatalf("edit: %+v", its)
	}
	// Delete with a question, then undo.
	s = e.press(s, "home", "d", "y")
	if n := len(e.items()); n != 1 {
		t.Fatalf("after delete %d items", n)
	}
	s = e.press(s, "u")
	if n := len(e.items()); n != 2 {
		t.Fatalf("after undo %d items", n)
	}
	_ = s
}

// formLabelWidth is the entry form's label column width.
func formLabelWidth() int {
	w := 0
	for _, l := range []string{text.ItemsFieldTitle, text.ItemsFieldDate, text.ItemsFieldCat, text.ItemsFieldChans, text.ItemsFieldLink, text.ItemsFieldArt20} {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

func writeXLSX(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestImportFlowByKeys(t *testing.T) {
	stored := []model.DisclosureItem{{Title: "已经登记过的通知", Published: model.NewDate(2021, 2, 1), Category: "工作动态", Channels: []string{"政府门户网站"}}}
	e := setup(t, stored)
	path := filepath.Join(t.TempDir(), "2021年公开目录.xlsx")
	writeXLSX(t, path, [][]any{
		{"大雁镇2021年主动公开信息目录"},
		{"序号", "信息名称", "发布时间", "栏目", "发布渠道", "网址"},
		{1, "关于2021年部门预算的公告", "2021-03-01", "财政预决算", "政府门户网站", "http://x/1"},
		{2, "", "2021-03-02", "工作动态", "政府门户网站", ""},
		{3, "已经登记过的通知", "2021/2/1", "工作动态", "政府门户网站", ""},
		{4, "去年的信息", "2020-12-30", "工作动态", "政府门户网站", ""},
		{5, "乡村振兴项目公示", "2021年6月8日", "乡村振兴", "政府门户网站、村务公开栏", ""},
		{6, "关于2021年部门预算的公告", "2021-03-01", "财政预决算", "政府门户网站", "http://x/1"},
	})
	s := e.open()
	s = e.press(s, "i")
	if !common.IsTyping(s) {
		t.Fatal("the path input should take printable keys")
	}
	var cmd tea.Cmd
	s, cmd = s.Update(tea.PasteMsg{Content: "'" + path + "'"}) // a dragged-in file comes quoted
	s = e.run(s, cmd)
	if cur := s.Cursor(); cur == nil || cur.Y != 1 {
		t.Fatalf("cursor on the path input: %+v", cur)
	}
	s = e.press(s, "enter")
	v := view(t, s, 100, 30)
	if !strings.Contains(v, "第 2 步") || !strings.Contains(v, "信息名称") || !strings.Contains(v, "发布时间") {
		t.Fatalf("mapping step:\n%s", v)
	}
	// Move to 类别, cycle its column away and back.
	s = e.press(s, "down", "down", "right")
	if v := view(t, s, 100, 30); !strings.Contains(v, "网址") && !strings.Contains(v, text.ImportNoCol) {
		t.Fatalf("cycling did not change the column:\n%s", v)
	}
	s = e.press(s, "left")
	if v := view(t, s, 100, 30); !strings.Contains(v, "第一行：财政预决算") {
		t.Fatalf("category should be back on 栏目:\n%s", v)
	}
	s = e.press(s, "enter")
	v = view(t, s, 100, 30)
	if !strings.Contains(v, fmt.Sprintf(text.ItemsImportWill, 2, 2, 2)) {
		t.Fatalf("preview:\n%s", v)
	}
	if !strings.Contains(v, "将新增类别：乡村振兴") || !strings.Contains(v, "将新增渠道：村务公开栏") {
		t.Fatalf("preview should name the new lists entries:\n%s", v)
	}
	if !strings.Contains(v, "第 4 行：标题为空") || !strings.Contains(v, "第 6 行：发布日期 2020-12-30 不在 2021 年内") {
		t.Fatalf("preview should list the bad rows with their line:\n%s", v)
	}
	if n := len(e.items()); n != 1 {
		t.Fatalf("nothing may be written before confirming: %d", n)
	}
	s = e.press(s, "enter")
	v = view(t, s, 100, 30)
	if !strings.Contains(v, fmt.Sprintf(text.ItemsImportDone, 2, 2, 2)) || !strings.Contains(v, "第 4 行：标题为空") {
		t.Fatalf("result:\n%s", v)
	}
	its := e.items()
	if len(its) != 3 {
		t.Fatalf("store holds %d items, want 3", len(its))
	}
	cats, chans, err := e.c.Store.ItemLists(e.c.Ctx, e.c.Organ.ID)
	if err != nil || strings.Join(cats, ",") != "乡村振兴" || strings.Join(chans, ",") != "村务公开栏" {
		t.Fatalf("organ lists: %v %v %v", cats, chans, err)
	}
	s = e.press(s, "enter")
	if v := view(t, s, 100, 30); !strings.Contains(v, "共 3 条") || !strings.Contains(v, "乡村振兴项目公示") {
		t.Fatalf("list after import:\n%s", v)
	}
	// The same file again: everything is a duplicate, nothing to import.
	s = e.press(s, "i")
	s, cmd = s.Update(tea.PasteMsg{Content: path})
	s = e.run(s, cmd)
	s = e.press(s, "enter", "enter")
	if v := view(t, s, 100, 30); !strings.Contains(v, fmt.Sprintf(text.ItemsImportWill, 0, 4, 2)) {
		t.Fatalf("second import preview:\n%s", v)
	}
	s = e.press(s, "enter")
	if v := view(t, s, 100, 30); !strings.Contains(v, text.ImportNothing) {
		t.Fatalf("empty import should say so:\n%s", v)
	}
	// A missing file says so in Chinese and keeps the path step.
	s = e.press(s, "esc", "esc", "esc")
	s = e.press(s, "i")
	s = e.typ(s, "/没有/这个文件.xlsx")
	s = e.press(s, "enter")
	if v := view(t, s, 100, 30); !strings.Contains(v, "文件不存在") {
		t.Fatalf("missing file:\n%s", v)
	}
}

func TestListPagesAndFilters(t *testing.T) {
	var stored []model.DisclosureItem
	for i := range 600 {
		d := model.NewDate(2021, 1+i%12, 1+i%28)
		stored = append(stored, model.DisclosureItem{Title: fmt.Sprintf("信息%03d", i), Published: d,
			Category: model.DefaultItemCategories[i%len(model.DefaultItemCategories)], Channels: []string{model.DefaultItemChannels[i%3]}})
	}
	e := setup(t, stored)
	s := e.open()
	l := s.(*Screen)
	if l.rows.Total() != 600 || l.rows.Loaded() > pagedlist.MaxBuffer || l.rows.Loaded() == 0 {
		t.Fatalf("total %d loaded %d", l.rows.Total(), l.rows.Loaded())
	}
	s = e.press(s, "end")
	view(t, s, 100, 30)
	cur, ok := s.(*Screen).rows.Current()
	if !ok || cur.Published != model.NewDate(2021, 12, 28) {
		t.Fatalf("end: %+v %v", cur, ok)
	}
	if s.(*Screen).rows.Loaded() > pagedlist.MaxBuffer {
		t.Fatalf("buffer grew to %d", s.(*Screen).rows.Loaded())
	}
	// Month filter: m steps to 1月.
	s = e.press(s, "m")
	if got := s.(*Screen).rows.Total(); got != 50 {
		t.Fatalf("January holds %d items, want 50", got)
	}
	// Category filter on top: c steps to 机构职能.
	s = e.press(s, "c")
	want := 0
	for i := range 600 {
		if i%12 == 0 && i%len(model.DefaultItemCategories) == 0 {
			want++
		}
	}
	if got := s.(*Screen).rows.Total(); got != want {
		t.Fatalf("January 机构职能: %d, want %d", got, want)
	}
	v := view(t, s, 100, 30)
	if !strings.Contains(v, "类别：机构职能") || !strings.Contains(v, "月份：1月") {
		t.Fatalf("filters not shown:\n%s", v)
	}
	// w steps the channel filter to 政府门户网站 (every third item).
	s = e.press(s, "x", "w")
	if got := s.(*Screen).rows.Total(); got != 200 {
		t.Fatalf("政府门户网站: %d, want 200", got)
	}
	// x clears; / searches the title.
	s = e.press(s, "x", "/")
	s = e.typ(s, "信息59")
	s = e.press(s, "enter")
	if got := s.(*Screen).rows.Total(); got != 10 {
		t.Fatalf("search 信息59: %d, want 10", got)
	}
	s = e.press(s, "esc")
	if got := s.(*Screen).rows.Total(); got != 600 {
		t.Fatalf("esc clears the search: %d", got)
	}
}

func TestCountsInsertSentenceAndArt20Mode(t *testing.T) {
	stored := []model.DisclosureItem{
		{Title: "政策一", Published: model.NewDate(2021, 1, 4), Category: "政策文件", Channels: []string{"政府门户网站", "政务新媒体"},
			Art20Row: model.RowNormativeDocs, Art20Action: model.Art20Issued},
		{Title: "动态一", Published: model.NewDate(2021, 2, 4), Category: "工作动态", Channels: []string{"政府门户网站"}},
		{Title: "动态二", Published: model.NewDate(2021, 3, 4), Category: "工作动态", Channels: []string{"政务公开栏"}},
	}
	e := setup(t, stored)
	s := e.open()
	s = e.press(s, "v")
	v := view(t, s, 100, 40)
	want := "本年度主动公开政府信息3条，其中政策文件1条、工作动态2条"
	if !strings.Contains(strings.ReplaceAll(v, "\n  ", ""), want) || !strings.Contains(v, "合计 3 条") {
		t.Fatalf("counts view:\n%s", v)
	}
	s = e.press(s, "i")
	r, err := e.c.Store.Report(e.c.Ctx, e.c.Organ.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	var para string
	for _, b := range r.SectionBlocks(2) {
		if b.Kind == model.BlockParagraph {
			para = b.Text
			break
		}
	}
	if !strings.HasPrefix(para, want) {
		t.Fatalf("section 二 paragraph: %q", para)
	}
	s = e.press(s, "i")
	if v := view(t, s, 100, 40); !strings.Contains(v, text.ItemsInsertedAlready) {
		t.Fatalf("second insert:\n%s", v)
	}
	// More items: inserting again updates the sentence instead of adding one.
	if err := e.c.Store.SaveItem(e.c.Ctx, &model.DisclosureItem{OrganID: e.c.Organ.ID, Title: "动态三", Published: model.NewDate(2021, 4, 1), Category: "工作动态"}); err != nil {
		t.Fatal(err)
	}
	s = e.press(s, "esc", "v", "i")
	r, _ = e.c.Store.Report(e.c.Ctx, e.c.Organ.ID, 2021)
	para = r.SectionBlocks(2)[0].Text
	if strings.Count(para, "本年度主动公开政府信息") != 1 || !strings.Contains(para, "信息4条") {
		t.Fatalf("updated paragraph: %q", para)
	}
	// a switches table 二（一） to the flagged items, persisted.
	issued := model.Addr(model.TableS2Item1, model.RowNormativeDocs, "issued")
	s = e.press(s, "a")
	if m, err := e.c.Store.Art20Mode(e.c.Ctx, e.c.Report().ID); err != nil || m != model.FromLog {
		t.Fatalf("mode %q %v", m, err)
	}
	e.c.Report().Art20Mode = model.FromLog
	if got := model.EffectiveValues(e.c.OrganYear())[issued]; got != 1 {
		t.Fatalf("二（一） issued from items = %d, want 1", got)
	}
	s = e.press(s, "a")
	if m, _ := e.c.Store.Art20Mode(e.c.Ctx, e.c.Report().ID); m != "" {
		t.Fatalf("switched back: %q", m)
	}
	_ = s
}

func TestPlaceSentence(t *testing.T) {
	s := "本年度主动公开政府信息2条。"
	cases := []struct{ in, want string }{
		{"", s},
		{"前文。", "前文。" + s},
		{"前文。本年度主动公开政府信息1条，其中工作动态1条。后文。", "前文。" + s + "后文。"},
		{"本年度未主动公开政府信息。后文", s + "后文"},
	}
	for _, c := range cases {
		if got, _, _ := placeSentence(c.in, s); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
	if _, changed, _ := placeSentence("x"+s, s); changed {
		t.Error("an identical sentence must not be added twice")
	}
}

func TestParseEntryDate(t *testing.T) {
	for in, want := range map[string]model.Date{
		"2021-03-05": model.NewDate(2021, 3, 5), "3-5": model.NewDate(2021, 3, 5), "3月5日": model.NewDate(2021, 3, 5),
		"１２／３１": model.NewDate(2021, 12, 31), "20210101": model.NewDate(2021, 1, 1),
	} {
		if got, err := parseEntryDate(in, 2021); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	for _, in := range []string{"", "2-30", "2022-01-01", "明天"} {
		if _, err := parseEntryDate(in, 2021); err == nil {
			t.Errorf("%q should be refused", in)
		}
	}
}

func TestImportLargeCSV(t *testing.T) {
	e := setup(t, nil)
	var b strings.Builder
	b.WriteString("标题,发布日期,类别\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "第%d号信息,2021-%02d-%02d,工作动态\n", i, 1+i%12, 1+i%28)
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	s := e.open()
	s = e.press(s, "i")
	var cmd tea.Cmd
	s, cmd = s.Update(tea.PasteMsg{Content: path})
	s = e.run(s, cmd)
	s = e.press(s, "enter", "enter")
	v := view(t, s, 100, 30)
	if !strings.Contains(v, fmt.Sprintf(text.ItemsImportWill, 5000, 0, 0)) || !strings.Contains(v, "第0号信息") {
		t.Fatalf("preview:\n%s", v)
	}
	s = e.press(s, "pgdown")
	if v := view(t, s, 100, 30); strings.Contains(v, "第0号信息") {
		t.Fatalf("pgdown should scroll the preview:\n%s", v)
	}
	s = e.press(s, "enter")
	if n := len(e.items()); n != 5000 {
		t.Fatalf("saved %d items", n)
	}
	s = e.press(s, "enter")
	if got := s.(*Screen).rows.Total(); got != 5000 || s.(*Screen).rows.Loaded() > pagedlist.MaxBuffer {
		t.Fatalf("list total %d loaded %d", got, s.(*Screen).rows.Loaded())
	}
}

func TestEntryTypedTwiceIsRefused(t *testing.T) {
	e := setup(t, []model.DisclosureItem{{Title: "大雁镇3月政务动态", Published: model.NewDate(2021, 3, 31), Category: "工作动态"}})
	s := e.open()
	s = e.press(s, "n")
	s = e.typ(s, "大雁镇3月政务动态")
	s = e.press(s, "enter")
	s = e.typ(s, "2021-03-31")
	s = e.press(s, "ctrl+s")
	v := view(t, s, 100, 30)
	if !strings.Contains(v, "已经登记过") {
		t.Fatalf("a duplicate should be refused with a reason:\n%s", v)
	}
	if n := len(e.items()); n != 1 {
		t.Fatalf("%d items", n)
	}
	// Another date is another item.
	s = e.press(s, "ctrl+u") // the cursor is still in the date field
	s = e.typ(s, "2021-04-30")
	s = e.press(s, "ctrl+s")
	if n := len(e.items()); n != 2 {
		t.Fatalf("%d items after a different date", n)
	}
	_ = s
}

func TestViewsFitAnySize(t *testing.T) {
	e := setup(t, []model.DisclosureItem{{Title: strings.Repeat("很长的标题", 20), Published: model.NewDate(2021, 5, 1), Category: "工作动态",
		Channels: []string{"政府门户网站", "政务新媒体", "政务公开栏"}, Location: "http://www.ewenke.gov.cn/" + strings.Repeat("x", 80)}})
	s := e.open()
	sizes := [][2]int{{50, 12}, {78, 22}, {140, 40}}
	check := func(name string) {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s-%dx%d", name, sz[0], sz[1]), func(t *testing.T) { view(t, s, sz[0], sz[1]) })
		}
	}
	check("list")
	s = e.press(s, "enter")
	check("form")
	s = e.press(s, "esc", "v")
	check("counts")
	s = e.press(s, "esc", "i")
	s = e.typ(s, "/tmp/不存在.csv")
	check("import")
}

// TestImportPathErrorsInChinese: a missing file or a folder typed as the
// import path is explained in Chinese with what to do, never with the
// operating system's English text.
func TestImportPathErrorsInChinese(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		path, want string
	}{
		{filepath.Join(dir, "没有这个文件.xlsx"), text.ImportNotFound},
		{dir, text.ImportIsDir},
	} {
		e := setup(t, nil)
		s := e.open()
		s = e.press(s, "i")
		var cmd tea.Cmd
		s, cmd = s.Update(tea.PasteMsg{Content: c.path})
		s = e.run(s, cmd)
		s = e.press(s, "enter")
		v := view(t, s, 120, 30)
		if !strings.Contains(v, c.want) {
			t.Errorf("path %s: want %q on screen:\n%s", c.path, c.want, v)
		}
		for _, en := range []string{"no such file", "is a directory", "open "} {
			if strings.Contains(v, en) {
				t.Errorf("path %s: English system text %q shown:\n%s", c.path, en, v)
			}
		}
	}
}
