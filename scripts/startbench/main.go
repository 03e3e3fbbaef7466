//go:build linux

// Command startbench measures the workstation's start-up in a pseudo-terminal
// (issue 7): it starts the real nianbao binary on a 200×60 pty, answers
// nothing a terminal would not, types the keys a clerk types to reach the
// request log of an organ-year as soon as each screen is drawn, and reports
// the time from process start to the first frame and to the first full
// frame of the request log, beside the floor: this same program re-run as a
// bare Go process that opens the same database and prints one page of rows.
// It also reports the peak resident memory of the workstation after the
// request log, its table 三 and its overview were drawn.
//
//	go run ./scripts/startbench -bin ./nianbao -db demo.db -organ 演示单位（批量申请数据） -year 2025 -runs 10
//
// Output lines are benchmark-style, for scripts/bench.sh.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
	_ "modernc.org/sqlite"
)

const (
	cols = 200
	rows = 60
)

func main() {
	bin := flag.String("bin", "", "the nianbao binary")
	dbPath := flag.String("db", "", "database file (nianbao demo --requests 50000)")
	organ := flag.String("organ", "", "organ whose request log to open")
	year := flag.Int("year", 0, "year of the request log")
	runs := flag.Int("runs", 10, "runs of each measurement")
	name := flag.String("name", "", "label of the result lines")
	floor := flag.Bool("floor", false, "internal: be the floor program")
	teaFloor := flag.Bool("teafloor", false, "internal: be the terminal floor (Bubble Tea, no database)")
	keyBytes := flag.Bool("keybytes", false, "measure the bytes written per typed key in the 一 editor and the request form instead")
	command := flag.Bool("command", false, "time the binary run with the arguments after the flags (a command such as check) instead")
	flag.Parse()
	if *command {
		if *bin == "" || flag.NArg() == 0 || *name == "" {
			fmt.Fprintln(os.Stderr, "用法：startbench -command -bin nianbao -name 标签 [-runs 次数] -- 子命令 参数…")
			os.Exit(2)
		}
		commandMain(*bin, flag.Args(), *runs, *name)
		return
	}
	if *floor {
		os.Exit(floorMain(*dbPath, *organ, *year))
	}
	if *teaFloor {
		os.Exit(teaFloorMain(*organ, *year))
	}
	if *bin == "" || *dbPath == "" || *organ == "" || *year == 0 {
		fmt.Fprintln(os.Stderr, "用法：startbench -bin nianbao -db 数据库 -organ 单位 -year 年度 [-runs 次数] [-name 标签]")
		os.Exit(2)
	}
	if *name == "" {
		*name = fmt.Sprint(*year)
	}
	if *keyBytes {
		keyBytesMain(*bin, *dbPath, *organ, *year, *name)
		return
	}
	self, err := os.Executable()
	if err != nil {
		fail(err)
	}
	var first, full, flo, teaFirst, teaFull, cpu, teaCPU []time.Duration
	var peak int64
	for i := 0; i < *runs; i++ {
		// Alternate the two so both see the same machine load.
		d, err := runFloor(self, *dbPath, *organ, *year)
		if err != nil {
			fail(err)
		}
		flo = append(flo, d)
		w, err := runStart(*bin, []string{"--db", *dbPath}, *dbPath, *organ, *year)
		if err != nil {
			fail(err)
		}
		first, full, cpu = append(first, w.first), append(full, w.full), append(cpu, w.cpu)
		peak = max(peak, w.rss)
		t, err := runStart(self, []string{"-teafloor", "-organ", *organ, "-year", fmt.Sprint(*year)}, *dbPath, *organ, *year)
		if err != nil {
			fail(err)
		}
		teaFirst, teaFull, teaCPU = append(teaFirst, t.first), append(teaFull, t.full), append(teaCPU, t.cpu)
	}
	fmt.Printf("Startup/%s/first-frame\t%d\t%.1f median-ms\t%.1f max-ms\n", *name, *runs, median(first), maxMs(first))
	fmt.Printf("Startup/%s/request-log\t%d\t%.1f median-ms\t%.1f max-ms\n", *name, *runs, median(full), maxMs(full))
	fmt.Printf("Startup/%s/floor\t%d\t%.1f median-ms\t%.1f max-ms\n", *name, *runs, median(flo), maxMs(flo))
	fmt.Printf("Startup/%s/ratio\t%d\t%.2f request-log/floor\n", *name, *runs, median(full)/median(flo))
	fmt.Printf("Startup/%s/tea-floor-first-frame\t%d\t%.1f median-ms\t%.1f max-ms\n", *name, *runs, median(teaFirst), maxMs(teaFirst))
	fmt.Printf("Startup/%s/tea-floor-request-log\t%d\t%.1f median-ms\t%.1f max-ms\n", *name, *runs, median(teaFull), maxMs(teaFull))
	fmt.Printf("Startup/%s/tea-ratio\t%d\t%.2f request-log/tea-floor\n", *name, *runs, median(full)/median(teaFull))
	fmt.Printf("Startup/%s/request-log-cpu\t%d\t%.1f median-ms\t%.1f max-ms\n", *name, *runs, median(cpu), maxMs(cpu))
	fmt.Printf("Startup/%s/tea-floor-request-log-cpu\t%d\t%.1f median-ms\t%.1f max-ms\n", *name, *runs, median(teaCPU), maxMs(teaCPU))
	fmt.Printf("PeakRSS/%s\t1\t%.1f MB\n", *name, float64(peak)/1024)
}

// commandMain runs bin with args runs times, one after the other, output
// discarded, and reports the wall time from start to exit and the CPU time
// of the process (user + system, all threads). Exit codes 0 and 1 (findings)
// count as runs; any other stops the measurement.
func commandMain(bin string, args []string, runs int, name string) {
	var wall, cpu []time.Duration
	for i := 0; i < runs; i++ {
		cmd := exec.Command(bin, args...)
		t0 := time.Now()
		err := cmd.Run()
		d := time.Since(t0)
		if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() > 1 {
			fail(fmt.Errorf("%s %s: %v", bin, strings.Join(args, " "), err))
		}
		wall = append(wall, d)
		cpu = append(cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
	}
	fmt.Printf("Command/%s\t%d\t%.1f median-ms\t%.1f max-ms\t%.1f cpu-median-ms\n", name, runs, median(wall), maxMs(wall), median(cpu))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "startbench:", err)
	os.Exit(1)
}

func median(ds []time.Duration) float64 {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return float64(s[len(s)/2]) / float64(time.Millisecond)
}

func maxMs(ds []time.Duration) float64 {
	m := time.Duration(0)
	for _, d := range ds {
		m = max(m, d)
	}
	return float64(m) / float64(time.Millisecond)
}

// openPty returns a master and its slave terminal of cols×rows.
func openPty() (master, slave *os.File, err error) {
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		return nil, nil, err
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		m.Close()
		return nil, nil, err
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		return nil, nil, err
	}
	if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: rows, Col: cols}); err != nil {
		m.Close()
		s.Close()
		return nil, nil, err
	}
	return m, s, nil
}

// screenLog collects what the program writes, with escape sequences
// removed, and wakes waiters.
type screenLog struct {
	mu   sync.Mutex
	text strings.Builder
	raw  int
	cond *sync.Cond
	err  error
}

var escapes = regexp.MustCompile(`\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|[()][0-9A-Za-z]|[=>78MDEHc])`)

func newScreenLog(master *os.File) *screenLog {
	l := &screenLog{}
	l.cond = sync.NewCond(&l.mu)
	go func() {
		buf := make([]byte, 64<<10)
		var pending []byte
		for {
			n, err := master.Read(buf)
			l.mu.Lock()
			if n > 0 {
				l.raw += n
				pending = append(pending, buf[:n]...)
				// Keep an incomplete escape sequence for the next read.
				cut := len(pending)
				if i := bytes.LastIndexByte(pending, 0x1b); i >= 0 && len(pending)-i < 64 && !escapes.Match(pending[i:]) {
					cut = i
				}
				l.text.WriteString(escapes.ReplaceAllString(string(pending[:cut]), ""))
				pending = append(pending[:0], pending[cut:]...)
			}
			if err != nil {
				l.err = err
			}
			l.cond.Broadcast()
			l.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return l
}

// mark returns the current length of the text, to search only what comes
// after it.
func (l *screenLog) mark() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.text.Len()
}

// waitFor blocks until every one of want appears, in order, in the text
// after from; it returns the time it saw the last. A want of the form
// "a|b" is met by either text.
func (l *screenLog) waitFor(from int, timeout time.Duration, want ...string) (time.Time, error) {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() { l.mu.Lock(); l.cond.Broadcast(); l.mu.Unlock() })
	defer timer.Stop()
	l.mu.Lock()
	defer l.mu.Unlock()
	for {
		s := l.text.String()[from:]
		ok := true
		for _, w := range want {
			i, n := -1, 0
			for _, alt := range strings.Split(w, "|") {
				if j := strings.Index(s, alt); j >= 0 && (i < 0 || j < i) {
					i, n = j, len(alt)
				}
			}
			if i < 0 {
				ok = false
				break
			}
			s = s[i+n:]
		}
		if ok {
			return time.Now(), nil
		}
		if l.err != nil || time.Now().After(deadline) {
			tail := l.text.String()
			if len(tail) > 2000 {
				tail = tail[len(tail)-2000:]
			}
			return time.Time{}, fmt.Errorf("waited %v for %q; the terminal shows (tail):\n%s", timeout, want, tail)
		}
		l.cond.Wait()
	}
}

// waitMore blocks until some text was written after from.
func (l *screenLog) waitMore(from int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() { l.mu.Lock(); l.cond.Broadcast(); l.mu.Unlock() })
	defer timer.Stop()
	l.mu.Lock()
	defer l.mu.Unlock()
	for l.text.Len() <= from {
		if l.err != nil || time.Now().After(deadline) {
			return fmt.Errorf("waited %v for the terminal to change after a key", timeout)
		}
		l.cond.Wait()
	}
	return nil
}

// startRun is what one start measured: the times from process start to the
// first frame and to the request log's, the CPU time the process had used
// when the request log was on the terminal (all its threads), and its peak
// resident memory in KB after table 三 and the overview.
type startRun struct {
	first, full, cpu time.Duration
	rss              int64
}

// procCPU is the CPU time (user + system, all threads) process pid has
// used so far: the sum of its threads' run time in /proc/<pid>/task/*/
// schedstat (nanoseconds), or, where that is missing, utime + stime from
// /proc/<pid>/stat (clock ticks of 1/100 s, too coarse for start-up).
func procCPU(pid int) time.Duration {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var ns int64
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err != nil {
			continue
		}
		var run int64
		if _, err := fmt.Sscan(string(b), &run); err == nil {
			ns += run
		}
	}
	if ns > 0 {
		return time.Duration(ns)
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name in parentheses: state is field 3,
	// utime and stime are fields 14 and 15.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	var ut, st int64
	fmt.Sscan(f[11], &ut)
	fmt.Sscan(f[12], &st)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

// runStart starts the binary with args on a pty, types the clerk's keys to
// the request log of organ's year as soon as each screen is drawn, and
// measures it (startRun); after the request log it draws table 三 and the
// overview, for the memory peak.
func runStart(bin string, args []string, dbPath, organ string, year int) (startRun, error) {
	var run startRun
	r := func(f1, f2 time.Duration, rss int64, err error) (startRun, error) {
		run.first, run.full, run.rss = f1, f2, rss
		return run, err
	}
	master, slave, err := openPty()
	if err != nil {
		return r(0, 0, 0, err)
	}
	defer master.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	log := newScreenLog(master)
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		slave.Close()
		return r(0, 0, 0, err)
	}
	slave.Close()
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	const wait = 30 * time.Second
	send := func(s string) { master.WriteString(s) }
	// 1. The start screen with its organ list.
	t1, err := log.waitFor(0, wait, "选择单位和年度", organ)
	if err != nil {
		return r(0, 0, 0, err)
	}
	// 2. Move to the organ (the list is sorted by name) and open its
	// newest year.
	pos, err := organPos(dbPath, organ)
	if err != nil {
		return r(0, 0, 0, err)
	}
	// Each ↓ moves the highlight: the renderer writes the rows that changed
	// (and only those: unchanged rows are not written again), so wait for
	// any text after the key. The organ's years follow from the database;
	// Enter opens the one marked ▸ (the newest), so wait until it is drawn,
	// as the clerk does.
	m := 0
	for i := 0; i < pos; i++ {
		m = log.mark()
		send("\x1b[B")
		if err := log.waitMore(m, wait); err != nil {
			return r(0, 0, 0, err)
		}
	}
	if _, err := log.waitFor(m, wait, fmt.Sprintf("▸%d年", year)); err != nil {
		return r(0, 0, 0, err)
	}
	m = log.mark()
	send("\r")
	// The outline: its section list, and the status line with the
	// findings or, while the year still loads behind it, 检查中….
	if _, err := log.waitFor(m, wait, "依申请台账", "错误|检查中"); err != nil {
		return r(0, 0, 0, err)
	}
	// 3. The request log: its header, its rows and the help bar below.
	m = log.mark()
	send("r")
	// The log opens on its oldest entries, those carried in from the
	// year before when there are any.
	t2, err := log.waitFor(m, wait, "依申请公开台账 · 共", fmt.Sprintf("%02d-|%02d-", year%100, (year-1)%100))
	run.cpu = procCPU(cmd.Process.Pid)
	if err != nil {
		return r(0, 0, 0, err)
	}
	// Table 三 and the overview of the year, for the memory peak.
	m = log.mark()
	send("t")
	if _, err := log.waitFor(m, wait, "表三"); err != nil {
		return r(0, 0, 0, err)
	}
	send("t")
	m = log.mark()
	send("v")
	if err := log.waitMore(m, wait); err != nil {
		return r(0, 0, 0, err)
	}
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		<-done
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return r(t1.Sub(t0), t2.Sub(t0), rss, nil)
}

// organPos is the organ's place in the start screen's list (by name).
func organPos(dbPath, organ string) (int, error) {
	d, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer d.Close()
	var n int
	err = d.QueryRow("SELECT count(*) FROM organs WHERE name < ?", organ).Scan(&n)
	return n, err
}

// runFloor re-runs this program as the floor on a pty and returns the time
// from process start to its page of rows on the terminal.
func runFloor(self, dbPath, organ string, year int) (time.Duration, error) {
	master, slave, err := openPty()
	if err != nil {
		return 0, err
	}
	defer master.Close()
	cmd := exec.Command(self, "-floor", "-db", dbPath, "-organ", organ, "-year", fmt.Sprint(year))
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	log := newScreenLog(master)
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		slave.Close()
		return 0, err
	}
	slave.Close()
	t1, err := log.waitFor(0, 30*time.Second, "本页完")
	cmd.Wait()
	if err != nil {
		return 0, err
	}
	return t1.Sub(t0), nil
}

// floorMain is the floor: open the same database with the store's pragmas
// and print one screen of the year's request log.
func floorMain(dbPath, organ string, year int) int {
	dsn := "file:" + dbPath + "?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_txlock=immediate&_pragma=journal_mode(WAL)"
	d, err := sql.Open("sqlite", dsn)
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer d.Close()
	rs, err := d.QueryContext(context.Background(), `SELECT r.year, r.serial, r.received, r.applicant, r.summary, r.outcome, r.answered
		FROM requests r JOIN organs o ON o.id = r.organ_id WHERE o.name = ? AND r.year = ? ORDER BY r.year, r.serial LIMIT ?`, organ, year, rows-4)
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer rs.Close()
	var b strings.Builder
	for rs.Next() {
		var y, serial, received, answered int64
		var applicant, summary, outcome string
		if err := rs.Scan(&y, &serial, &received, &applicant, &summary, &outcome, &answered); err != nil {
			fmt.Println(err)
			return 1
		}
		fmt.Fprintf(&b, "%d-%d %d %s %s %s %d\r\n", y%100, serial, received, applicant, summary, outcome, answered)
	}
	if err := rs.Err(); err != nil {
		fmt.Println(err)
		return 1
	}
	b.WriteString("本页完\r\n")
	os.Stdout.WriteString(b.String())
	return 0
}
