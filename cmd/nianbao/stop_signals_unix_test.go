//go:build unix

package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/demo"
)

// startBin starts the binary like runBin, without waiting for it.
func startBin(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"))
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, &errb
}

// stopBy sends sig once ready reports the command is at work and waits for
// it; false when it had finished first (nothing to prove then).
func stopBy(t *testing.T, cmd *exec.Cmd, sig syscall.Signal, ready func() bool) bool {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !ready() {
		if time.Now().After(deadline) {
			t.Fatal("the command never started writing")
		}
		time.Sleep(2 * time.Millisecond)
	}
	if err := cmd.Process.Signal(sig); err != nil {
		return false // it has ended
	}
	cmd.Wait()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok {
		t.Fatalf("no wait status")
	}
	if ws.Signaled() {
		t.Fatalf("%v killed the command (%v) instead of stopping it", sig, ws.Signal())
	}
	return ws.ExitStatus() != exitOK
}

// Every subcommand that writes stops on SIGTERM and SIGHUP as on Ctrl+C:
// an export stopped half-way leaves only whole files (no temp file, no
// checksum list describing a set it did not finish), says so in Chinese,
// and frees the database for the next command.
func TestSignalStopsExportWithWholeFiles(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			p := demoDB(t)
			out := t.TempDir()
			cmd, stderr := startBin(t, "export", "--db", p, "--organ", demo.OrganName, "--year", "2021", "--out", out,
				"--format", "docx,html,snippet,xlsx,txt,md,pdf,tujie", "--force")
			written := func() bool {
				ents, _ := os.ReadDir(out)
				for _, e := range ents {
					if !strings.HasPrefix(e.Name(), ".") {
						return true
					}
				}
				return false
			}
			if !stopBy(t, cmd, sig, written) {
				t.Skipf("the export finished before %v; nothing to prove", sig)
			}
			if !strings.Contains(stderr.String(), "已停止") {
				t.Errorf("stderr %q does not say the export stopped", stderr.String())
			}
			ents, err := os.ReadDir(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range ents {
				name := e.Name()
				path := filepath.Join(out, name)
				switch ext := filepath.Ext(name); {
				case strings.HasPrefix(name, ".") || ext == ".tmp":
					t.Errorf("a temp file was left: %s", name)
				case name == "校验清单.txt":
					t.Errorf("a checksum list was written for an export that did not finish")
				case ext == ".docx" || ext == ".xlsx":
					z, err := zip.OpenReader(path)
					if err != nil {
						t.Errorf("%s is not whole: %v", name, err)
						continue
					}
					z.Close()
				default:
					if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
						t.Errorf("%s is empty: %v", name, err)
					}
				}
			}
			if r := runOK(t, exitOK, "info", "--db", p); !strings.Contains(r.stdout, "收到申请33件") {
				t.Errorf("info after the stop:\n%s", r.stdout)
			}
		})
	}
}

// A database write stopped by SIGTERM or SIGHUP (a large demo) ends with
// the Chinese message; the store closes, so the next command opens it.
func TestSignalStopsDatabaseWrite(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			p := demoDB(t)
			cmd, stderr := startBin(t, "demo", "--db", p, "--requests", "50000")
			wal := func() bool {
				fi, err := os.Stat(p + "-wal")
				return err == nil && fi.Size() > 256<<10
			}
			if !stopBy(t, cmd, sig, wal) {
				t.Skipf("the demo finished before %v; nothing to prove", sig)
			}
			if !strings.Contains(stderr.String(), "已停止") {
				t.Errorf("stderr %q does not say the demo stopped", stderr.String())
			}
			if r := runOK(t, exitOK, "backup", "--db", p); !strings.Contains(r.stdout, "已备份到") {
				t.Errorf("backup after the stop: %q", r.stdout)
			}
			if r := runOK(t, exitOK, "info", "--db", p); !strings.Contains(r.stdout, "收到申请33件") {
				t.Errorf("info after the stop:\n%s", r.stdout)
			}
		})
	}
}
