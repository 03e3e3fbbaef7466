package tui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/requests"
	"nianbao/tui/text"
)

// TestTeatestAddRequest adds a request to the log by keys on a virtual
// 100×30 screen through the real program loop, sees the list, table 三 and
// the overview, and finds the entry in the database.
func TestTeatestAddRequest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	st := openStore(t, path)
	ctx := context.Background()
	o := model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship, Office: "大雁镇党政综合办公室", Phone: "0470-1234567"}
	if err := st.SaveOrgan(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateReport(ctx, model.NewReport(o.ID, 2021)); err != nil {
		t.Fatal(err)
	}
	app := New(ctx, st, Options{Today: model.NewDate(2021, 12, 1), NoAltScreen: true, OrganID: o.ID, Year: 2021})
	term := testenv.NewTerm(t, app, app.LastFrame, 100, 30)

	term.WaitFor("大雁镇人民政府 · 2021年 · 2021版")
	term.Press("r")
	term.WaitFor(fmt.Sprintf(text.ReqEmpty, "n"))
	term.Press("n")
	term.WaitFor(text.ReqNewTitle, text.ReqPersonalTag)
	term.Type("2021年3月5日")
	term.WaitFor("答复期限：2021年4月2日")
	term.Press("tab", "tab", "right")
	term.WaitFor("已保存为第 1 号申请")
	term.Press("tab")
	term.Type("王五")
	term.Press("tab", "tab", "tab", "tab")
	term.Type("申请公开镇区道路改造方案")
	term.Press("esc")
	term.WaitFor("共 1 条", "申请公开镇区", "自然人", "办理中", "超期166个工作日")
	term.Press("t")
	term.WaitFor("一、本年新收政府信息公开申请数量", "四、结转下年度继续办理")
	term.Press("esc", "v")
	term.WaitFor("2021年依申请公开概览", "每月收到申请")
	term.Press("esc")
	term.WaitFor("共 1 条")
	term.Quit()

	got, err := st.RequestsForYear(ctx, o.ID, 2021, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Received != 20210305 || got[0].Applicant != model.NaturalPerson ||
		got[0].Personal.Name != "王五" || got[0].Summary != "申请公开镇区道路改造方案" {
		t.Fatalf("stored %+v", got)
	}
	st.Close()
}

// tmuxSession is the program running in a real terminal: a tmux server on
// a private socket, one session of a fixed size.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func (s *tmuxSession) tmux(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-u", "-L", s.socket}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("tmux %v: %v: %s", args, err, errb.String())
	}
	return out.String(), nil
}

// start runs command in a new detached session of w×h cells.
func (s *tmuxSession) start(w, h int, command string) {
	s.t.Helper()
	if _, err := s.tmux("new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), command); err != nil {
		s.t.Fatal(err)
	}
}

func (s *tmuxSession) capture() string {
	out, err := s.tmux("capture-pane", "-p", "-t", s.name)
	if err != nil {
		return ""
	}
	return out
}

// waitFor polls the screen until every text appears.
func (s *tmuxSession) waitFor(want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	var screen string
	for time.Now().Before(deadline) {
		screen = s.capture()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(screen, w)
		}
		if ok {
			return screen
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("screen never showed %q; last screen:\n%s", want, screen)
	return ""
}

// waitGone polls until a text is no longer on screen.
func (s *tmuxSession) waitGone(text string) {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if !strings.Contains(s.capture(), text) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("screen still shows %q:\n%s", text, s.capture())
}

// waitExit polls until the program has quit and its session is gone.
func (s *tmuxSession) waitExit() {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := s.tmux("has-session", "-t", s.name); err != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("the program did not quit; screen:\n%s", s.capture())
}

// keys sends tmux key names (Tab, Enter, Escape, Right, C-s …) one by one,
// pausing a little so an Escape is not taken for the start of a sequence.
func (s *tmuxSession) keys(names ...string) {
	s.t.Helper()
	for _, n := range names {
		if _, err := s.tmux("send-keys", "-t", s.name, n); err != nil {
			s.t.Fatal(err)
		}
		// A key right after Escape would arrive as an Alt chord.
		if n == "Escape" {
			time.Sleep(300 * time.Millisecond)
		} else {
			time.Sleep(60 * time.Millisecond)
		}
	}
}

// text types UTF-8 text literally.
func (s *tmuxSession) text(str string) {
	s.t.Helper()
	if _, err := s.tmux("send-keys", "-t", s.name, "-l", str); err != nil {
		s.t.Fatal(err)
	}
	time.Sleep(60 * time.Millisecond)
}

// openCheck opens the check screen from the outline's list: the entry
// before 导出, the last one.
func (s *tmuxSession) openCheck() {
	s.t.Helper()
	s.keys("k")
	s.waitFor(text.CheckTitle)
}

func (s *tmuxSession) tabs(n int) {
	for range n {
		s.keys("Tab")
	}
}

// TestEndToEndTmux builds the program and drives it in a real 100×30
// terminal by keys only: a new organ and its 2021 report, Chinese narrative,
// section 二's cells, three requests (one long overdue), table 三 computed
// from them, a finding fixed from the check screen, and everything still
// there after quitting and starting again.
func TestEndToEndTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("SKIP: tmux not installed (apt-get install tmux): the real-terminal end-to-end test did not run")
	}
	if runtime.GOOS == "windows" {
		t.Skip("tmux end-to-end test runs on Unix only")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "nianbao")
	build := exec.Command("go", "build", "-o", bin, "../cmd/nianbao")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dbPath := filepath.Join(dir, "data", "nianbao.db")
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("nianbao-e2e-%d", os.Getpid()), name: "e2e"}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last screen:\n%s", s.capture())
		}
		s.tmux("kill-server")
	})
	command := fmt.Sprintf("env RUNEWIDTH_EASTASIAN=0 TERM=xterm-256color %q --db %q", bin, dbPath)
	s.start(100, 30, command)

	// A new organ and its 2021 report.
	s.waitFor(fmt.Sprintf(text.StartNoOrgans, "n"))
	s.keys("n")
	s.waitFor(text.FieldName)
	s.text("大雁镇人民政府")
	s.tabs(3)
	s.text("大雁镇党政综合办公室")
	s.keys("C-s")
	s.waitFor("大雁镇人民政府", fmt.Sprintf(text.StartNoYears, "y"))
	s.keys("y")
	s.waitFor(text.StartYearPrompt)
	// The form proposes last year; this report is for 2021.
	s.keys("BSpace", "BSpace", "BSpace", "BSpace")
	s.text("2021")
	s.waitFor("将使用 2021版 格式")
	s.keys("Enter")
	s.waitFor("大雁镇人民政府 · 2021年 · 2021版")

	// Section 一: Chinese narrative.
	s.keys("1")
	s.waitFor("（一）主动公开")
	s.keys("Enter") // section 一 opens on the body of （一）
	s.text("本年度通过镇政府网站主动公开政府信息")
	s.keys("Escape")
	s.waitFor("本年度通过镇政府网站主动公开政府信息", "已保存")
	s.keys("Escape")

	// Section 二: every cell, heads-down (a cell left blank is 未填, not
	// 0): the 规章 row 0 0 0, 行政规范性文件 3 本年制发, then 0 for the rest.
	s.keys("2")
	s.waitFor("行政规范性文件")
	for _, v := range []string{"0", "0", "0", "3", "0", "0", "0", "0", "0", "0"} {
		s.text(v)
		s.keys("Enter")
	}
	s.keys("Escape")

	// Three requests. 1: answered, disclosed.
	s.keys("r")
	s.waitFor(fmt.Sprintf(text.ReqEmpty, "n"))
	s.keys("n")
	s.waitFor(text.ReqNewTitle)
	s.text("2021-03-05")
	s.keys("Tab", "Tab", "Right")
	s.waitFor("修改第 1 号申请")
	s.keys("Tab")
	s.text("李四")
	s.tabs(4)
	s.text("征地补偿标准")
	s.tabs(7)
	s.text("2021-03-10")
	s.keys("Tab", "Right", "Escape")
	s.waitFor("共 1 条", "征地补偿标准", "已答复")

	// 2: answered, but the outcome is left out (a finding to fix later).
	s.keys("n")
	s.waitFor(text.ReqNewTitle)
	s.text("2021年4月6日")
	s.keys("Tab", "Tab", "Right", "Right")
	s.waitFor("修改第 2 号申请")
	s.tabs(5)
	s.text("招商引资合同")
	s.tabs(7)
	s.text("2021/4/20")
	s.keys("Tab", "Escape")
	s.waitFor("共 2 条", "招商引资合同")

	// 3: received long ago and never answered: overdue.
	s.keys("n")
	s.waitFor(text.ReqNewTitle)
	s.text("20210104")
	s.keys("Tab", "Tab", "Right")
	s.waitFor("修改第 3 号申请")
	s.tabs(5)
	s.text("低保名单")
	s.keys("Escape")
	s.waitFor("共 3 条", "低保名单", "超期")

	// Table 三 as computed from the log.
	s.keys("t")
	screen := s.waitFor("一、本年新收政府信息公开申请数量", "四、结转下年度继续办理")
	if !rowHas(screen, "一、本年新收政府信息公开申请数量", "2", "1", "0", "0", "0", "0", "3") {
		t.Fatalf("table 三 row 一 wrong:\n%s", screen)
	}
	if !rowHas(screen, "（一）予以公开", "1", "0", "0", "0", "0", "0", "1") {
		t.Fatalf("table 三 （一） wrong:\n%s", screen)
	}
	s.keys("Escape", "Escape")

	// The check screen lists the missing outcome; jump to it and fix it.
	s.openCheck()
	s.waitFor("没有选办理结果")
	// The detail pane under the list shows the finding under the cursor.
	for range 30 {
		scr := s.capture()
		if i := strings.LastIndex(scr, "──────────"); i >= 0 && strings.Contains(scr[i:], "没有选办理结果") {
			break
		}
		s.keys("Down")
	}
	s.keys("Enter")
	s.waitFor("招商引资合同")
	s.keys("Enter")
	s.waitFor("修改第 2 号申请")
	s.tabs(15)
	s.keys("Right", "Right")
	s.waitFor("（二）部分公开")
	s.keys("Escape")
	s.waitFor("共 3 条")
	s.keys("Escape")
	s.openCheck()
	s.waitFor(text.CheckTitle)
	s.waitGone("没有选办理结果")

	// Quit, start again: everything is still there.
	s.keys("Escape", "C-c")
	s.waitExit()
	s.start(100, 30, command)
	s.waitFor("大雁镇人民政府")
	s.keys("Enter") // on the organ: opens its only year
	s.waitFor("大雁镇人民政府 · 2021年 · 2021版")
	s.keys("1")
	s.waitFor("本年度通过镇政府网站主动公开政府信息")
	s.keys("Escape", "r")
	s.waitFor("共 3 条", "征地补偿标准", "招商引资合同", "低保名单", "超期")
	s.keys("t")
	screen = s.waitFor("（二）部分公开")
	if !rowHas(screen, "（二）部分公开", "0", "1", "0", "0", "0", "0", "1") {
		t.Fatalf("table 三 （二） after restart:\n%s", screen)
	}
	if !rowHas(screen, "四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", "1") {
		t.Fatalf("table 三 四 after restart:\n%s", screen)
	}
	s.keys("Escape", "Escape", "2")
	screen = s.waitFor("行政规范性文件")
	if !strings.Contains(lineWith(screen, "行政规范性文件"), "3") {
		t.Fatalf("section 二 cell lost:\n%s", screen)
	}
	s.keys("Escape", "C-c")
	s.waitExit()
}

// lineWith returns the first screen line containing text.
func lineWith(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// rowHas reports whether the line with label ends in the given numbers.
func rowHas(screen, label string, nums ...string) bool {
	l := lineWith(screen, label)
	if l == "" {
		return false
	}
	f := strings.Fields(strings.TrimSpace(l[strings.Index(l, label)+len(label):]))
	if len(f) < len(nums) {
		return false
	}
	f = f[len(f)-len(nums):]
	for i := range nums {
		if f[i] != nums[i] {
			return false
		}
	}
	return true
}

// TestLogScreensFitEverySize draws the request log, cases, measures, fees
// and export screens (and the request form, table 三 and overview) at sizes from tiny to large: every view must
// be exactly width×height cells, never wider.
func TestLogScreensFitEverySize(t *testing.T) {
	ctx := context.Background()
	var reqs []model.Request
	for i := range 40 {
		reqs = append(reqs, model.Request{Year: 2021, Serial: i + 1, Received: model.NewDate(2021, 1+i%12, 3),
			Applicant: model.ApplicantTypes[i%6], Summary: "申请公开“三安全一稳定”相关信息 ①", Personal: model.Personal{Name: "张三"}})
	}
	oy := &model.OrganYear{Organ: model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship}, Report: model.NewReport(0, 2021), Requests: reqs,
		Cases:    []model.Case{{Year: 2021, Kind: model.CaseSuitReview, Result: model.Pending, Summary: "不服答复"}},
		Measures: []model.Measure{{Year: 2021, Problem: "更新不及时", Measure: "建立检查制度", Status: model.MeasureDone}}}
	c := testenv.Open(t, fixedNow, oy)
	st, loaded := c.Store, c.OrganYear()
	sizes := [][2]int{{12, 3}, {30, 8}, {60, 15}, {80, 24}, {100, 30}, {160, 50}}
	fit := func(name string, s common.Screen) {
		t.Helper()
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s %d×%d", name, sz[0], sz[1]), func(t *testing.T) { testenv.CheckSize(t, s.View(sz[0], sz[1]), sz[0], sz[1]) })
		}
	}
	screens := Screens()
	for _, sec := range []string{common.SecRequests, common.SecCases, common.SecMeasures, common.SecFees, common.SecExport} {
		f := screens[sec]
		s := f(c)
		s, _ = testenv.Run(t, c, s, s.Init())
		fit(sec, s)
		if sec == common.SecRequests {
			for _, k := range []string{"t", "esc", "v"} {
				s, _ = s.Update(keyMsg(k))
				fit(sec+" "+k, s)
			}
		}
	}
	q, err := st.Request(ctx, loaded.Requests[0].ID, true)
	if err != nil {
		t.Fatal(err)
	}
	fit("request form", requests.NewForm(c, &q))
}
