//go:build !windows

package main

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/db"
	"nianbao/demo"
	"nianbao/model"
)

// wsTerm is the real workstation on a tmux terminal, started with exec so
// that the pane's process is nianbao itself and can be SIGKILLed.
type wsTerm struct {
	t    *testing.T
	sock string
	pid  int
}

func startWorkstation(t *testing.T, dbPath string) *wsTerm {
	t.Helper()
	w := &wsTerm{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock")}
	cmd := fmt.Sprintf("exec env RUNEWIDTH_EASTASIAN=0 TERM=xterm-256color %q --db %q 2>/dev/null", bin, dbPath)
	if out, err := w.tmux("new-session", "-d", "-s", "ws", "-x", "100", "-y", "30", cmd); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	out, _ := w.tmux("display", "-p", "-t", "ws", "#{pane_pid}")
	w.pid, _ = strconv.Atoi(strings.TrimSpace(out))
	if w.pid == 0 {
		t.Fatalf("no pane pid: %q", out)
	}
	return w
}

func (w *wsTerm) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-S", w.sock}, args...)...).CombinedOutput()
	return string(out), err
}

func (w *wsTerm) screen() string { s, _ := w.tmux("capture-pane", "-p", "-t", "ws"); return s }
func (w *wsTerm) keys(k ...string) {
	w.tmux(append([]string{"send-keys", "-t", "ws"}, k...)...)
}
func (w *wsTerm) text(s string) { w.tmux("send-keys", "-t", "ws", "-l", s) }

// wait polls the screen for up to 15 s until every part is on it.
func (w *wsTerm) wait(parts ...string) bool {
	for i := 0; i < 300; i++ {
		s := w.screen()
		ok := true
		for _, p := range parts {
			if !strings.Contains(s, p) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

// kill sends SIGKILL and waits until the process is gone.
func (w *wsTerm) kill() {
	syscall.Kill(w.pid, syscall.SIGKILL)
	for i := 0; i < 200 && syscall.Kill(w.pid, 0) == nil; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	w.tmux("kill-server")
}

// openSection1 opens the demo's 2021 report from the start screen at its
// section 一; it reports whether every screen came.
func (w *wsTerm) openSection1() bool {
	if !w.wait(demo.OrganName, "2021年") {
		return false
	}
	w.keys("Enter") // on the organ: opens its newest year
	if !w.wait("› " + demo.OrganName + " 2021年") {
		return false
	}
	w.keys("1")
	return w.wait("一、总体情况  ")
}

// typeEdit opens the paragraph under the cursor, types s and leaves it
// with Escape (the save starts); it reports whether the typing registered.
func (w *wsTerm) typeEdit(s string) bool {
	w.keys("Enter")
	if !w.wait("esc 结束编辑") {
		return false
	}
	w.text(s)
	if !w.wait("未保存") {
		return false
	}
	w.keys("Escape")
	return true
}

// crashStats is what the workstation crash run counted.
type crashStats struct {
	kills, acked, inFlightLanded, starts, exportsChecked, backupsChecked int
	byMode                                                               map[string]int
}

// TestWorkstationCrashHarness drives the real workstation binary on a
// terminal: each round it opens the demo's 2021 report, appends markers to
// the first paragraph of section 一 (an edit is acknowledged when the status
// line turns from 未保存 to 已保存), and SIGKILLs it at a random moment of
// one of: the saves (within 0–40 ms of the last Escape), the quit (the
// close-time checkpoint and backup), an export into a folder, or the
// start-up (lock, check, the daily backup). After every kill it reopens the
// database (lock, temp cleanup), runs integrity_check and the row
// checksums, checks that every acknowledged marker is in the paragraph,
// that 备份 holds no temp file and only backups that pass their check, and
// that in the export folder every file under its final name is complete
// (zips open, the checksum list matches) and no temp file is older than
// the last export. NIANBAO_WS_KILLS sets the number of kills (default 8 in
// go test), NIANBAO_WS_SEED replays a schedule.
func TestWorkstationCrashHarness(t *testing.T) {
	needTmux(t)
	kills := 8
	if v, err := strconv.Atoi(os.Getenv("NIANBAO_WS_KILLS")); err == nil && v > 0 {
		kills = v
	}
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("NIANBAO_WS_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("seed %d, %d kills", seed, kills)
	rng := rand.New(rand.NewPCG(seed, 15))
	p := demoDB(t)
	dir := filepath.Dir(p)
	out := filepath.Join(t.TempDir(), "U盘")
	os.MkdirAll(out, 0o755)
	st := crashStats{byMode: map[string]int{}}
	var acked []string
	modes := []string{"save", "quit", "export", "start"}
	for round := 0; round < kills; round++ {
		mode := modes[rng.IntN(len(modes))]
		w := startWorkstation(t, p)
		st.starts++
		if mode == "start" {
			time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
			w.kill()
			st.kills++
			st.byMode[mode]++
			checkAfterKill(t, p, dir, out, acked, "", &st, round, mode)
			continue
		}
		if !w.openSection1() {
			t.Fatalf("round %d: the 2021 report's section 一 did not open:\n%s", round, w.screen())
		}
		edits := 1 + rng.IntN(4)
		inFlight := ""
		for k := 0; k < edits; k++ {
			marker := fmt.Sprintf("R%dE%d", round, k)
			if !w.typeEdit(marker) {
				t.Fatalf("round %d: edit %s did not register:\n%s", round, marker, w.screen())
			}
			if mode == "save" && k == edits-1 {
				inFlight = marker
				time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
				break
			}
			if !w.wait("已保存") {
				t.Fatalf("round %d: edit %s not acknowledged:\n%s", round, marker, w.screen())
			}
			acked = append(acked, marker)
			st.acked++
		}
		switch mode {
		case "quit":
			w.keys("Escape")
			if !w.wait("tab 下一项") {
				t.Fatalf("round %d: back to the outline:\n%s", round, w.screen())
			}
			w.keys("q")
			time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
		case "export":
			w.keys("Escape")
			if !w.wait("tab 下一项") {
				t.Fatalf("round %d: back to the outline:\n%s", round, w.screen())
			}
			w.keys("e")
			if !w.wait("导出年报") {
				t.Fatalf("round %d: export screen:\n%s", round, w.screen())
			}
			for i := 0; i < 10; i++ {
				w.keys("Down")
			}
			w.text(out)
			w.keys("Enter")
			time.Sleep(30 * time.Millisecond)
			if strings.Contains(w.screen(), "y 覆盖") {
				w.keys("y")
			} else if w.wait("y 覆盖") {
				w.keys("y")
			}
			time.Sleep(time.Duration(rng.IntN(250)) * time.Millisecond)
		}
		w.kill()
		st.kills++
		st.byMode[mode]++
		if checkAfterKill(t, p, dir, out, acked, inFlight, &st, round, mode) {
			acked = append(acked, inFlight)
		}
	}
	t.Logf("WORKSTATION CRASH RUN: %d kills (%v), %d starts, %d acknowledged edits, 0 lost; in-flight edit landed %d times; backups checked %d, export folders checked %d; seed %d",
		st.kills, st.byMode, st.starts, st.acked, st.inFlightLanded, st.backupsChecked, st.exportsChecked, seed)
}

// checkAfterKill inspects the database, 备份 and the export folder after a
// kill; it reports whether the in-flight marker landed.
func checkAfterKill(t *testing.T, p, dir, out string, acked []string, inFlight string, st *crashStats, round int, mode string) bool {
	t.Helper()
	ctx := context.Background()
	s, err := db.Open(ctx, p, db.Options{NoBackup: true})
	if err != nil {
		t.Fatalf("round %d (%s): reopen after kill: %v", round, mode, err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("round %d (%s): integrity_check: %v", round, mode, err)
	}
	if probs, err := s.VerifyRows(ctx); err != nil || len(probs) > 0 {
		t.Fatalf("round %d (%s): row checksums: %v %v", round, mode, probs, err)
	}
	o, err := s.OrganByName(ctx, demo.OrganName)
	if err != nil {
		t.Fatal(err)
	}
	oy, err := s.LoadOrganYear(ctx, o.ID, 2021, false)
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, b := range oy.Report.Blocks {
		if b.Section == 1 && b.Kind == model.BlockParagraph {
			text = b.Text
			break
		}
	}
	for _, m := range acked {
		if !strings.Contains(text, m) {
			t.Fatalf("round %d (%s): acknowledged edit %s lost; paragraph ends %q", round, mode, m, tail(text))
		}
	}
	landed := inFlight != "" && strings.Contains(text, inFlight)
	if landed {
		st.inFlightLanded++
	}
	// 备份: no temp copy once the store has opened; every backup sound.
	ents, _ := os.ReadDir(filepath.Join(dir, "备份"))
	for _, e := range ents {
		path := filepath.Join(dir, "备份", e.Name())
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Fatalf("round %d (%s): stray temp file in 备份 after reopen: %s", round, mode, e.Name())
		}
		if strings.HasSuffix(e.Name(), ".db") {
			if err := db.CheckBackup(ctx, path); err != nil {
				t.Fatalf("round %d (%s): backup %s: %v", round, mode, e.Name(), err)
			}
			st.backupsChecked++
		}
	}
	for _, name := range []string{filepath.Base(p) + "-journal"} {
		if _, err := os.Stat(filepath.Join(dir, "."+name)); err == nil {
			t.Fatalf("round %d: stray %s", round, name)
		}
	}
	checkExportFolder(t, out, round, mode)
	st.exportsChecked++
	return landed
}

// checkExportFolder: every file under its final name is complete (docx and
// xlsx open as zips, the checksum list, when there, matches every file it
// lists); a temp file may only be the one the kill interrupted, named after
// its file, and is removed by the next export of that file.
func checkExportFolder(t *testing.T, out string, round int, mode string) {
	t.Helper()
	ents, _ := os.ReadDir(out)
	temps := 0
	for _, e := range ents {
		n := e.Name()
		path := filepath.Join(out, n)
		switch {
		case strings.HasPrefix(n, "."):
			temps++
			if !strings.HasSuffix(n, ".tmp") {
				t.Fatalf("round %d (%s): unexpected hidden file %s", round, mode, n)
			}
		case strings.HasSuffix(n, ".docx"), strings.HasSuffix(n, ".xlsx"):
			z, err := zip.OpenReader(path)
			if err != nil {
				t.Fatalf("round %d (%s): %s under its final name is incomplete: %v", round, mode, n, err)
			}
			z.Close()
		}
	}
	if temps > 1 {
		t.Fatalf("round %d (%s): %d temp files in the export folder: leftovers of earlier kills were not removed", round, mode, temps)
	}
	m, err := os.ReadFile(filepath.Join(out, "校验清单.txt"))
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(m), "\r\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[2]) != 64 {
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, f[0]))
		sum := sha256.Sum256(b)
		if err != nil || hex.EncodeToString(sum[:]) != f[2] {
			t.Fatalf("round %d (%s): 校验清单 lists %s, which is missing or differs on the stick", round, mode, f[0])
		}
	}
}

func tail(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		r = r[len(r)-60:]
	}
	return string(r)
}
