//go:build linux

package main

import (
	"fmt"
	"os/exec"
	"sort"
	"syscall"
	"time"
)

// rawBytes returns how many bytes the program has written so far.
func (l *screenLog) rawBytes() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.raw
}

// settle waits until the program has written nothing for quiet, and at
// most timeout.
func (l *screenLog) settle(quiet, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	last, at := l.rawBytes(), time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if n := l.rawBytes(); n != last {
			last, at = n, time.Now()
		} else if time.Since(at) >= quiet {
			return
		}
	}
}

// keyCase is one editor measured: the keys that reach it from the outline,
// the text that shows it is there, and what the clerk types, a key each.
type keyCase struct {
	name  string
	enter []string
	want  string
	typed []string
}

var keyCases = []keyCase{
	{"narrative_s1", []string{"1", "\r"}, "", []string{"本", "年", "度", "我", "镇", "认", "真", "贯", "彻", "\x7f", "\x7f", "落", "实"}},
	{"request_form", []string{"r", "\r", "\t", "\t", "\t"}, "", []string{"王", "建", "国", "\x7f", "李", "\t", "申", "请", "公", "开", "\t"}},
}

// runKeyBytes runs the real binary on a cols×rows pty, opens the year,
// goes to each editor and types into it, and returns the bytes written to
// the terminal for each typed key (Tab separately), per case.
func runKeyBytes(bin, dbPath, organ string, year int) (map[string][]int, map[string][]int, error) {
	typing, tabs := map[string][]int{}, map[string][]int{}
	for _, c := range keyCases {
		master, slave, err := openPty()
		if err != nil {
			return nil, nil, err
		}
		cmd := exec.Command(bin, "--db", dbPath)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
		cmd.Env = append(cmd.Environ(), "TERM=xterm-256color", "RUNEWIDTH_EASTASIAN=0")
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
		log := newScreenLog(master)
		if err := cmd.Start(); err != nil {
			slave.Close()
			master.Close()
			return nil, nil, err
		}
		slave.Close()
		stop := func() {
			cmd.Process.Kill()
			cmd.Wait()
			master.Close()
		}
		const wait = 30 * time.Second
		send := func(s string) { master.WriteString(s) }
		if _, err := log.waitFor(0, wait, "选择单位和年度", organ); err != nil {
			stop()
			return nil, nil, err
		}
		pos, err := organPos(dbPath, organ)
		if err != nil {
			stop()
			return nil, nil, err
		}
		for i := 0; i < pos; i++ {
			m := log.mark()
			send("\x1b[B")
			if err := log.waitMore(m, wait); err != nil {
				stop()
				return nil, nil, err
			}
		}
		// Enter opens the year marked ▸ (the organ's newest), once drawn.
		if _, err := log.waitFor(0, wait, fmt.Sprintf("▸%d年", year)); err != nil {
			stop()
			return nil, nil, err
		}
		m := log.mark()
		send("\r")
		if _, err := log.waitFor(m, wait, "依申请台账"); err != nil {
			stop()
			return nil, nil, err
		}
		log.settle(500*time.Millisecond, 10*time.Second)
		for _, k := range c.enter {
			send(k)
			log.settle(300*time.Millisecond, 5*time.Second)
		}
		for _, k := range c.typed {
			before := log.rawBytes()
			send(k)
			log.settle(300*time.Millisecond, 5*time.Second)
			n := log.rawBytes() - before
			if k == "\t" {
				tabs[c.name] = append(tabs[c.name], n)
			} else {
				typing[c.name] = append(typing[c.name], n)
			}
		}
		stop()
	}
	return typing, tabs, nil
}

func keyBytesMain(bin, dbPath, organ string, year int, name string) {
	typing, tabs, err := runKeyBytes(bin, dbPath, organ, year)
	if err != nil {
		fail(err)
	}
	for _, c := range keyCases {
		if xs := typing[c.name]; len(xs) > 0 {
			fmt.Printf("KeyBytes/%s/%s/typed\t%d\t%d median-B\t%d max-B\n", name, c.name, len(xs), medianInt(xs), maxInt(xs))
		}
		if xs := tabs[c.name]; len(xs) > 0 {
			fmt.Printf("KeyBytes/%s/%s/tab\t%d\t%d median-B\t%d max-B\n", name, c.name, len(xs), medianInt(xs), maxInt(xs))
		}
	}
}

func medianInt(xs []int) int {
	s := append([]int(nil), xs...)
	sort.Ints(s)
	return s[len(s)/2]
}

func maxInt(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
