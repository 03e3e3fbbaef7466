package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/db"
	"nianbao/model"
)

// typeText types text literally (Chinese included) into the terminal.
func (m *tmuxTerm) typeText(text string) {
	m.tmux("send-keys", "-t", m.session, "-l", text)
}

// press sends keys one at a time, pausing after Escape so the terminal
// does not read Escape and the next key as one Alt chord.
func (m *tmuxTerm) press(keys ...string) {
	for _, k := range keys {
		m.keys(k)
		if k == "Escape" {
			time.Sleep(250 * time.Millisecond)
		}
	}
}

// waitAll waits until the screen shows every string and returns it; the
// test fails with the last screen when it never does.
func (m *tmuxTerm) waitAll(want ...string) string {
	m.t.Helper()
	s, ok := m.waitScreen(func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
	if !ok {
		m.t.Fatalf("screen never showed %q:\n%s", want, s)
	}
	return s
}

// TestClerkYearAt80x24 is a clerk's year on the real workstation at 80×24,
// by keys only, from an empty database: a 县级政府部门 and its 2021 report,
// a paragraph under 一（一） (stored as its body, not as the heading), three
// requests with Chinese text (one with an ID number too short to keep:
// refused in place, Esc asks 保存/放弃/继续修改, 放弃 stores nothing of it), a request found by the
// applicant's name, the preview, an export into a folder that does not
// exist yet, ? opened and closed, Ctrl+C; then a restart that finds all
// of it.
func TestClerkYearAt80x24(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("SKIP: tmux not installed (apt-get install tmux)")
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "年报.db")
	out := filepath.Join(dir, "U盘", "年报")
	if err := os.Mkdir(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	term := startTmux(t, "clerk", 80, 24, dbPath, "2>/dev/null")
	term.waitAll("还没有单位")

	// The organ: name, level 县级政府部门, saved.
	term.press("n")
	term.waitAll("单位全称")
	term.typeText("测试县教育局")
	term.press("Tab", "Right", "C-s")
	term.waitAll("测试县教育局", "这个单位还没有年报")

	// Its 2021 report.
	term.press("y")
	// 开始方式 is on the year form only: 新建年度 is on the start screen's
	// help bar too, and a C-u sent before the form opened left its
	// prefilled year in the field (20252021).
	term.waitAll("新建年度", "开始方式")
	term.press("C-u")
	term.typeText("2021")
	term.press("Enter")
	term.waitAll("测试县教育局 · 2021年 · 2021版")

	// Section 一 opens on the body of （一）主动公开: Enter types there.
	term.press("1")
	term.waitAll("（一）主动公开", "编辑正文")
	term.press("Enter")
	term.typeText("本局全年主动公开政府信息120条。")
	term.press("Escape")
	term.waitAll("▸ 本局全年主动公开政府信息120条。", "已保存")
	term.press("Escape")

	// Three requests.
	term.press("r")
	term.waitAll("依申请公开台账")
	newRequest := func(date, name, summary string, right int) {
		term.press("n")
		term.waitAll("新增申请")
		term.typeText(date)
		term.press("Tab", "Tab")
		for i := 0; i < right; i++ {
			term.press("Right")
		}
		term.waitAll("号申请")
		term.press("Tab")
		term.typeText(name)
		term.press("Tab", "Tab", "Tab", "Tab")
		term.typeText(summary)
	}
	newRequest("2021年3月5日", "王秀兰", "申请公开本县中小学校舍改造资金安排", 1)
	// Back to the phone: two numbers; then an ID number two digits short.
	term.press("BTab", "BTab", "BTab", "C-u")
	term.typeText("13912345678、0371-66889900")
	term.press("Tab")
	term.typeText("1101051949123100")
	term.press("Tab")
	term.waitAll("身份证号应为 18 位，现在是 16 位")
	// Esc with the refused number still in the form asks, never drops it
	// silently; 放弃 keeps the stored (empty) number.
	term.press("Escape")
	term.waitAll("有还没保存或填写有误的内容", "保存", "放弃", "继续修改")
	term.press("d")
	term.waitAll("共 1 条")
	newRequest("2021年4月6日", "某律师事务所", "申请公开教师招聘成绩", 5)
	term.press("Escape")
	term.waitAll("共 2 条")
	newRequest("2021年5月10日", "张伟", "申请公开学区划分方案", 1)
	term.press("Escape")
	term.waitAll("共 3 条", "超期", "个工作日")

	// Found by the applicant's name.
	term.press("/")
	term.typeText("王秀兰")
	term.press("Enter")
	term.waitAll("共 1 条", "申请公开本县中")
	term.press("Escape", "Escape")

	// The preview from the outline.
	term.press("p")
	term.waitAll("预览", "测试县教育局2021年政府信息公开工作年度报告", "第 1 行")
	term.press("Escape")

	// Export into a folder that does not exist yet; the report has an
	// error (五 is empty), so it goes out as a draft.
	term.press("e")
	term.waitAll("导出年报", "开始导出")
	term.press("Up", "Up")
	term.typeText(out)
	term.press("Enter")
	term.waitAll("要导出为草稿吗")
	term.press("y")
	term.waitAll("原来不存在，已新建", "校验清单.txt")
	term.press("Escape")

	// ? opens the key overlay, Esc closes it, Ctrl+C quits.
	term.press("?")
	term.waitAll("全部按键一览")
	term.press("Escape")
	if s, ok := term.waitScreen(func(s string) bool { return !strings.Contains(s, "全部按键一览") }); !ok {
		t.Fatalf("the overlay did not close:\n%s", s)
	}
	term.press("C-c")
	if code, ok := term.waitExit(); !ok || code != "0" {
		t.Fatalf("Ctrl+C did not quit (exit %q):\n%s", code, term.screen())
	}

	// What the store holds.
	ctx := context.Background()
	st, err := db.Open(ctx, dbPath, db.Options{NoBackup: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.OrganByName(ctx, "测试县教育局")
	if err != nil || o.Level != model.LevelCountyDept {
		t.Fatalf("organ %+v, %v", o, err)
	}
	r, err := st.Report(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	bs := r.SectionBlocks(1)
	if bs[0].Kind != model.BlockHeading || bs[0].Text != "主动公开" || bs[1].Kind != model.BlockParagraph || bs[1].Text != "本局全年主动公开政府信息120条。" {
		t.Fatalf("section 一 stored as %+v", bs[:2])
	}
	qs, err := st.RequestsForYear(ctx, o.ID, 2021, true)
	if err != nil || len(qs) != 3 {
		t.Fatalf("requests %d, %v", len(qs), err)
	}
	if p := qs[0].Personal; p.Name != "王秀兰" || p.Phone != "13912345678、0371-66889900" || p.IDNumber != "" {
		t.Fatalf("first applicant stored as %+v", p)
	}
	if qs[1].Applicant != model.LegalService || qs[2].Summary != "申请公开学区划分方案" {
		t.Fatalf("requests stored as %+v / %+v", qs[1], qs[2])
	}
	st.Close()
	files, _ := os.ReadDir(out)
	if len(files) < 2 {
		t.Fatalf("export folder holds %d files", len(files))
	}

	// A restart finds everything.
	term2 := startTmux(t, "clerk2", 80, 24, dbPath, "2>/dev/null")
	term2.waitAll("测试县教育局", "2021年")
	term2.waitAll("2021年  2021版")
	term2.press("Enter") // on the organ: opens its newest year, as the bar says
	term2.waitAll("测试县教育局 · 2021年 · 2021版")
	term2.press("1")
	term2.waitAll("本局全年主动公开政府信息120条。")
	term2.press("Escape", "r")
	term2.waitAll("共 3 条", "申请公开教师招", "申请公开学区划")
	term2.press("/")
	term2.typeText("0371-6688")
	term2.press("Enter")
	term2.waitAll("共 1 条")
	term2.press("C-c")
	if _, ok := term2.waitExit(); !ok {
		t.Fatalf("Ctrl+C did not quit after the restart:\n%s", term2.screen())
	}
}
