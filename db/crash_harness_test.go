//go:build unix

package db

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"nianbao/model"
)

// The crash harness runs the program's real save path (Store.SaveRequest
// with personal data, SetValue, SaveBlock with long Chinese text,
// SaveMeasure) in a child process, one committed edit after another. The
// child announces each edit before it starts ("I key hash") and
// acknowledges it once the Store method has returned ("A key hash"). The
// parent SIGKILLs the child at a seeded random moment, reopens the file
// with Open (lock, quick_check), runs PRAGMA integrity_check and compares
// every entity with what was acknowledged: an acknowledged edit must be
// there with its exact value; the one edit in flight at the kill may or may
// not have landed; nothing else may appear.
//
//	NIANBAO_CRASH_KILLS=200 go test ./db -run '^TestCrashHarness$' -v
//	NIANBAO_CRASH_SEED=<seed> reproduces a run (the seed is logged).

const (
	crashEnvDB   = "NIANBAO_CRASH_CHILD_DB"
	crashEnvSeed = "NIANBAO_CRASH_CHILD_SEED"
	// crashEnvJournal "delete" makes the child use the rollback-journal
	// fallback (what Open does where WAL cannot work).
	crashEnvJournal = "NIANBAO_CRASH_CHILD_JOURNAL"
	crashOrgan      = "大雁镇人民政府"
	crashYear       = 2021
)

// crashOptions are the options both child and parent open with: the
// default behaviour (automatic backups) with the backups kept in the test
// folder.
func crashOptions(dbPath string) Options {
	return Options{BackupDir: filepath.Join(filepath.Dir(dbPath), "备份")}
}

func crashHash(parts ...any) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%v\x00", p)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func requestHash(q model.Request) string {
	return crashHash(q.Received, q.Channel, q.Applicant, q.Summary, q.Notes,
		q.Personal.Name, q.Personal.Phone, q.Personal.IDNumber, q.Personal.Address)
}

func blockHash(b model.Block) string { return crashHash(b.Section, b.Pos, b.Kind, b.Level, b.Text) }

func measureHash(m model.Measure) string {
	return crashHash(m.Problem, m.Measure, m.Responsible, m.Due, m.Status)
}

// crashSnapshot reads every entity the harness edits as key → hash.
func crashSnapshot(ctx context.Context, s *Store) (map[string]string, error) {
	snap := map[string]string{}
	o, err := s.OrganByName(ctx, crashOrgan)
	if err != nil {
		return nil, err
	}
	reqs, err := s.RequestsForYear(ctx, o.ID, crashYear, true)
	if err != nil {
		return nil, err
	}
	for _, q := range reqs {
		snap[fmt.Sprintf("req:%d", q.ID)] = requestHash(q)
	}
	r, err := s.Report(ctx, o.ID, crashYear)
	if err != nil {
		return nil, err
	}
	for a, v := range r.Values {
		snap["val:"+a.String()] = crashHash(v)
	}
	for _, b := range r.Blocks {
		snap[fmt.Sprintf("blk:%d", b.ID)] = blockHash(b)
	}
	ms, err := s.Measures(ctx, o.ID, crashYear)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		snap[fmt.Sprintf("msr:%d", m.ID)] = measureHash(m)
	}
	return snap, nil
}

// crashRunes is the alphabet of generated text: common and rare Chinese
// (CJK Extension B 𠀀𪚥), full-width punctuation, emoji, digits, line breaks.
var crashRunes = []rune("政府信息公开工作年度报告大雁镇人民政府依申请主动公开办理结果行政复议诉讼收费整改措施" +
	"，。、；：“”（）《》１２３0123456789𠀀𪚥𡃁👍🏻🇨🇳\n")

func crashText(r *rand.Rand, maxLen int) string {
	n := 1 + r.IntN(maxLen)
	var b strings.Builder
	for range n {
		b.WriteRune(crashRunes[r.IntN(len(crashRunes))])
	}
	return b.String()
}

func crashDate(r *rand.Rand) model.Date {
	return model.NewDate(crashYear, 1+r.IntN(12), 1+r.IntN(28))
}

// TestCrashChild is not a test: it is the child process of
// TestCrashHarness, started with NIANBAO_CRASH_CHILD_DB set. It never
// returns; the parent kills it.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnvDB)
	if path == "" {
		t.Skip("child process of TestCrashHarness only")
	}
	seed, _ := strconv.ParseUint(os.Getenv(crashEnvSeed), 10, 64)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	ctx := context.Background()
	fail := func(what string, err error) {
		fmt.Printf("E %s: %v\n", what, err)
		os.Exit(2)
	}
	journal := "wal"
	if os.Getenv(crashEnvJournal) == "delete" {
		walProbe, journal = forceRollbackJournal, "delete"
	}
	s, err := Open(ctx, path, crashOptions(path))
	if err != nil {
		fail("open", err)
	}
	if s.JournalMode() != journal {
		fail("journal", fmt.Errorf("journal mode %s, want %s", s.JournalMode(), journal))
	}
	o, err := s.OrganByName(ctx, crashOrgan)
	if err != nil {
		fail("organ", err)
	}
	rep, err := s.Report(ctx, o.ID, crashYear)
	if err != nil {
		fail("report", err)
	}
	reqs, err := s.RequestsForYear(ctx, o.ID, crashYear, true)
	if err != nil {
		fail("requests", err)
	}
	ms, err := s.Measures(ctx, o.ID, crashYear)
	if err != nil {
		fail("measures", err)
	}
	blocks := rep.Blocks
	cells := model.FormatForYear(crashYear).Tables[0].Cells()
	for _, tb := range model.FormatForYear(crashYear).Tables[1:] {
		cells = append(cells, tb.Cells()...)
	}
	w := bufio.NewWriterSize(os.Stdout, 256)
	say := func(kind, key, hash string) {
		// One write per line, flushed at once: a line the parent reads was
		// printed after the save returned.
		fmt.Fprintf(w, "%s %s %s\n", kind, key, hash)
		w.Flush()
	}
	for {
		switch op := r.IntN(10); {
		case op < 3 || len(reqs) == 0: // a new request with the applicant's personal data
			q := model.Request{OrganID: o.ID, Received: crashDate(r), Channel: model.ChannelOnline,
				Applicant: model.NaturalPerson, Summary: "申请公开" + crashText(r, 200),
				Personal: model.Personal{Name: "张" + crashText(r, 3), Phone: fmt.Sprintf("138%08d", r.IntN(1e8)),
					IDNumber: fmt.Sprintf("15070219850612%04d", r.IntN(1e4)), Address: "呼伦贝尔市" + crashText(r, 30)}}
			say("I", "req:new", requestHash(q))
			if err := s.SaveRequest(ctx, &q); err != nil {
				fail("save request", err)
			}
			say("A", fmt.Sprintf("req:%d", q.ID), requestHash(q))
			reqs = append(reqs, q)
		case op < 4: // edit an existing request and its personal data
			i := r.IntN(len(reqs))
			q := reqs[i]
			q.Summary = "修改后：" + crashText(r, 200)
			q.Notes = crashText(r, 40)
			q.Personal.Address = "海拉尔区" + crashText(r, 30)
			key := fmt.Sprintf("req:%d", q.ID)
			say("I", key, requestHash(q))
			if err := s.SaveRequest(ctx, &q); err != nil {
				fail("update request", err)
			}
			say("A", key, requestHash(q))
			reqs[i] = q
		case op < 7: // a typed table cell
			a := cells[r.IntN(len(cells))]
			v := int64(r.IntN(100000))
			key := "val:" + a.String()
			say("I", key, crashHash(v))
			if err := s.SetValue(ctx, rep.ID, a, v); err != nil {
				fail("set value", err)
			}
			say("A", key, crashHash(v))
		case op < 9: // a paragraph: edit one or add one, up to 3000 characters
			var b model.Block
			key := "blk:new"
			if len(blocks) > 0 && r.IntN(2) == 0 {
				i := r.IntN(len(blocks))
				b = blocks[i]
				key = fmt.Sprintf("blk:%d", b.ID)
			} else {
				b = model.Block{Section: 1 + r.IntN(6), Pos: 100 + r.IntN(1000), Kind: model.BlockParagraph}
			}
			b.Text = crashText(r, 3000)
			say("I", key, blockHash(b))
			if err := s.SaveBlock(ctx, rep.ID, &b); err != nil {
				fail("save block", err)
			}
			say("A", fmt.Sprintf("blk:%d", b.ID), blockHash(b))
			if key == "blk:new" {
				blocks = append(blocks, b)
			} else {
				for i := range blocks {
					if blocks[i].ID == b.ID {
						blocks[i] = b
					}
				}
			}
		default: // an improvement measure: add or edit
			var m model.Measure
			key := "msr:new"
			i := -1
			if len(ms) > 0 && r.IntN(2) == 0 {
				i = r.IntN(len(ms))
				m = ms[i]
				key = fmt.Sprintf("msr:%d", m.ID)
			} else {
				m = model.Measure{OrganID: o.ID, Year: crashYear}
			}
			m.Problem = crashText(r, 80)
			m.Measure = crashText(r, 200)
			m.Responsible = "党政办" + crashText(r, 5)
			m.Due = crashDate(r)
			m.Status = []model.MeasureStatus{model.MeasureNotStarted, model.MeasureInProgress, model.MeasureDone}[r.IntN(3)]
			say("I", key, measureHash(m))
			if err := s.SaveMeasure(ctx, &m); err != nil {
				fail("save measure", err)
			}
			say("A", fmt.Sprintf("msr:%d", m.ID), measureHash(m))
			if i < 0 {
				ms = append(ms, m)
			} else {
				ms[i] = m
			}
		}
	}
}

// crashLine is one line the child printed.
type crashLine struct{ kind, key, hash string }

// crashStats are the figures of a harness run (docs/RELIABILITY.md).
type crashStats struct {
	kills, acked, inFlightLanded, inFlightLost, killedBeforeFirstAck int
	lost                                                             int
}

func TestCrashHarness(t *testing.T) { runCrashHarness(t, "wal", 50) }

// TestCrashHarnessRollbackJournal runs the harness on the fallback Open
// uses where WAL cannot work (DELETE journal, synchronous FULL).
func TestCrashHarnessRollbackJournal(t *testing.T) {
	old := walProbe
	walProbe = forceRollbackJournal
	defer func() { walProbe = old }()
	runCrashHarness(t, "delete", 20)
}

func runCrashHarness(t *testing.T, journal string, kills int) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	if v := os.Getenv("NIANBAO_CRASH_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("NIANBAO_CRASH_KILLS=%q is not a positive number", v)
		}
		kills = n
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("NIANBAO_CRASH_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("NIANBAO_CRASH_SEED=%q is not a number", v)
		}
		seed = n
	}
	t.Logf("crash harness (%s journal): %d kills, seed %d (NIANBAO_CRASH_SEED=%d reproduces the schedule)", journal, kills, seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")

	// The starting state: an organ and its 2021 report with default blocks.
	s, err := Open(ctx, path, crashOptions(path))
	if err != nil {
		t.Fatal(err)
	}
	o := model.Organ{Name: crashOrgan}
	if err := s.SaveOrgan(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateReport(ctx, model.NewReport(o.ID, crashYear)); err != nil {
		t.Fatal(err)
	}
	want, err := crashSnapshot(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	var st crashStats
	start := time.Now()
	for round := 0; round < kills; round++ {
		lines, early := crashRound(t, path, journal, rng, round)
		st.kills++
		if early {
			st.killedBeforeFirstAck++
		}
		// What the child acknowledged, on top of the last verified state.
		var pending *crashLine
		for i := range lines {
			l := lines[i]
			switch l.kind {
			case "I":
				pending = &lines[i]
			case "A":
				want[l.key] = l.hash
				pending = nil
				st.acked++
			}
		}
		s, err := Open(ctx, path, crashOptions(path))
		if err != nil {
			t.Fatalf("round %d (seed %d): open after kill: %v", round, seed, err)
		}
		if s.JournalMode() != journal {
			t.Fatalf("round %d: journal mode %s, want %s", round, s.JournalMode(), journal)
		}
		var integrity []string
		rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var m string
			rows.Scan(&m)
			integrity = append(integrity, m)
		}
		rows.Close()
		if len(integrity) != 1 || integrity[0] != "ok" {
			t.Fatalf("round %d (seed %d): integrity_check: %v", round, seed, integrity)
		}
		got, err := crashSnapshot(ctx, s)
		if err != nil {
			t.Fatalf("round %d: reading back: %v", round, err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("round %d: close: %v", round, err)
		}
		landed := false
		for key, h := range want {
			g, ok := got[key]
			switch {
			case ok && g == h:
			case pending != nil && pending.key == key && ok && g == pending.hash:
				landed = true
			default:
				st.lost++
				t.Errorf("round %d (seed %d): acknowledged %s = %s, found %q (present %v)", round, seed, key, h, g, ok)
			}
		}
		for key, g := range got {
			if _, ok := want[key]; ok {
				continue
			}
			kind := key[:strings.IndexByte(key, ':')]
			if pending != nil && (pending.key == kind+":new" || pending.key == key) && g == pending.hash && !landed {
				landed = true
				continue
			}
			t.Errorf("round %d (seed %d): %s = %s appeared without being saved", round, seed, key, g)
		}
		if t.Failed() {
			t.FailNow()
		}
		if pending != nil {
			if landed {
				st.inFlightLanded++
			} else {
				st.inFlightLost++
			}
		}
		want = got
	}
	t.Logf("crash harness (%s journal): %d kills survived (%d before the first acknowledgement), %d acknowledged edits, %d lost; "+
		"the edit in flight landed %d times and was rolled back %d times; %s",
		journal, st.kills, st.killedBeforeFirstAck, st.acked, st.lost, st.inFlightLanded, st.inFlightLost, time.Since(start).Round(time.Second))
	if st.acked < st.kills {
		t.Fatalf("only %d edits acknowledged over %d rounds: the child hardly wrote", st.acked, st.kills)
	}
}

// crashRound starts the child, kills it at a random moment and returns the
// complete lines it printed. One round in eight kills without waiting for
// the first acknowledgement (during start-up, open or the first save).
func crashRound(t *testing.T, path, journal string, rng *rand.Rand, round int) (lines []crashLine, early bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnvDB+"="+path, fmt.Sprintf("%s=%d", crashEnvSeed, rng.Uint64()), crashEnvJournal+"="+journal)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	firstAck := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		br := bufio.NewReader(out)
		acked := false
		for {
			s, err := br.ReadString('\n')
			if err != nil { // EOF; a fragment without its newline is dropped
				if err != io.EOF {
					t.Errorf("reading the child: %v", err)
				}
				return
			}
			f := strings.Fields(s)
			if len(f) == 0 {
				continue
			}
			if f[0] == "E" || len(f) != 3 || (f[0] != "I" && f[0] != "A") {
				t.Errorf("round %d: child said: %s", round, strings.TrimSpace(s))
				continue
			}
			mu.Lock()
			lines = append(lines, crashLine{f[0], f[1], f[2]})
			mu.Unlock()
			if f[0] == "A" && !acked {
				acked = true
				close(firstAck)
			}
		}
	}()
	early = rng.IntN(8) == 0
	if early {
		time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
	} else {
		select {
		case <-firstAck:
		case <-done:
		case <-time.After(30 * time.Second):
			t.Errorf("round %d: no acknowledgement within 30 s", round)
		}
		// While the child writes, a second copy is refused.
		if round%5 == 0 {
			if _, err := Open(context.Background(), path, crashOptions(path)); KindOf(err) != ErrLocked {
				t.Errorf("round %d: open beside the running child: %v", round, err)
			}
		}
		time.Sleep(time.Duration(rng.IntN(60_000)) * time.Microsecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	<-done
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("round %d: child ended by itself (%v), not by the kill", round, err)
	}
	if t.Failed() {
		t.FailNow()
	}
	if !fileExists(path + ".lock") {
		t.Fatalf("round %d: the killed child left no lock file", round)
	}
	mu.Lock()
	defer mu.Unlock()
	return lines, early
}
