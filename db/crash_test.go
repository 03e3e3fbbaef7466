package db

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/model"
)

// TestHelperWriter is not a test: run as a child process by
// TestKilledWriterLosesNothingAcknowledged, it saves requests one by one
// and prints each serial once SaveRequest has returned.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv("NIANBAO_CRASH_DB")
	if path == "" {
		t.Skip("helper process only")
	}
	ctx := context.Background()
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	o := model.Organ{Name: "大雁镇人民政府"}
	if err := s.SaveOrgan(ctx, &o); err != nil {
		fmt.Println("organ:", err)
		os.Exit(2)
	}
	for i := 0; ; i++ {
		q := model.Request{OrganID: o.ID, Received: model.NewDate(2021, 1+i%12, 1+i%28), Applicant: model.NaturalPerson,
			Summary: strings.Repeat("申请公开", 20), Personal: model.Personal{Name: "张三"}}
		if err := s.SaveRequest(ctx, &q); err != nil {
			fmt.Println("save:", err)
			os.Exit(2)
		}
		fmt.Println(q.Serial)
	}
}

// TestKilledWriterLosesNothingAcknowledged kills a writing process without
// warning; the database then opens (its lock was released by the OS, though
// the lock file is still there), passes quick_check, and holds every entry
// whose save had returned.
func TestKilledWriterLosesNothingAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a process")
	}
	path := filepath.Join(t.TempDir(), "nianbao.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), "NIANBAO_CRASH_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := 0
	sc := bufio.NewScanner(out)
	deadline := time.Now().Add(20 * time.Second)
	for sc.Scan() && acked < 150 && time.Now().Before(deadline) {
		n, err := strconv.Atoi(strings.TrimSpace(sc.Text()))
		if err != nil {
			t.Fatalf("helper said: %s", sc.Text())
		}
		acked = n
	}
	// While the writer runs, a second copy is refused.
	if _, err := Open(context.Background(), path, Options{NoBackup: true}); KindOf(err) != ErrLocked {
		t.Fatalf("open beside a running writer: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if acked < 20 {
		t.Fatalf("writer acknowledged only %d saves", acked)
	}
	if _, err := os.Stat(path + ".lock"); err != nil {
		t.Fatalf("expected the killed process's lock file to remain: %v", err)
	}
	s, err := Open(context.Background(), path, Options{NoBackup: true})
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer s.Close()
	o, err := s.OrganByName(context.Background(), "大雁镇人民政府")
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.CountRequests(context.Background(), RequestQuery{OrganID: o.ID, Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	if n < acked {
		t.Fatalf("%d saves were acknowledged but only %d survived", acked, n)
	}
}
