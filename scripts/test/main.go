// Command test runs the project's tests and ends with what a plain
// `go test ./...` hides on a green run: every skipped test with its reason
// (most often a tool that is not installed: pandoc, tmux, LibreOffice,
// Chromium), then one closing line "tests: N passed, N failed, N skipped".
//
//	go run ./scripts/test            # go test ./...
//	go run ./scripts/test -count=1 ./model ./db
//
// Arguments are passed to go test; packages default to ./... . The exit
// code is go test's.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Elapsed float64
	Output  string
}

func main() {
	args := os.Args[1:]
	hasPkg := false
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			hasPkg = true
		}
	}
	if !hasPkg {
		args = append(args, "./...")
	}
	cmd := exec.Command("go", append([]string{"test", "-json"}, args...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	s := summarize(out, os.Stdout)
	code := 0
	if err := cmd.Wait(); err != nil {
		code = 1
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
	}
	s.report(os.Stdout)
	if code == 0 && s.failed > 0 {
		code = 1
	}
	os.Exit(code)
}

// summary counts the tests of a run and keeps each skip's reason.
type summary struct {
	passed, failed, skippedN int
	skipped                  []skip
}

type skip struct{ name, reason string }

// summarize reads go test's JSON events from r, prints what go test prints
// without -v (a line per package, the output of failed tests) to w, and
// returns the counts.
func summarize(r io.Reader, w io.Writer) *summary {
	s := &summary{}
	outputs := map[string][]string{} // package + test → its output lines
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Fprintln(w, sc.Text()) // not JSON: a build message, pass it on
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			outputs[key] = append(outputs[key], e.Output)
			continue
		case "pass", "fail", "skip":
		default:
			continue
		}
		if e.Test == "" { // the package itself
			switch e.Action {
			case "pass":
				fmt.Fprintf(w, "ok  \t%s\t%s\n", e.Package, seconds(e.Elapsed))
			case "skip":
				fmt.Fprintf(w, "?   \t%s\t[no test files]\n", e.Package)
			case "fail":
				for _, l := range outputs[key] {
					if !strings.HasPrefix(l, "FAIL") && !strings.HasPrefix(l, "ok ") {
						fmt.Fprint(w, l)
					}
				}
				fmt.Fprintf(w, "FAIL\t%s\t%s\n", e.Package, seconds(e.Elapsed))
			}
			delete(outputs, key)
			continue
		}
		switch e.Action {
		case "pass":
			s.passed++
		case "fail":
			s.failed++
			for _, l := range outputs[key] {
				fmt.Fprint(w, l)
			}
		case "skip":
			s.skippedN++
			s.skipped = append(s.skipped, skip{e.Package + "." + e.Test, skipReason(outputs[key])})
		}
		delete(outputs, key)
	}
	return s
}

// skipReason is the message a test gave t.Skip, from its output.
func skipReason(lines []string) string {
	var parts []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
			continue
		}
		// "file_test.go:12: message" → "message"
		if i := strings.Index(t, ": "); i > 0 && strings.Contains(t[:i], ".go:") {
			t = t[i+2:]
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

func seconds(f float64) string {
	return (time.Duration(f * float64(time.Second))).Round(time.Millisecond).String()
}

// report prints the skipped tests, tool-dependent ones first, and the
// closing line.
func (s *summary) report(w io.Writer) {
	if len(s.skipped) > 0 {
		sort.SliceStable(s.skipped, func(i, j int) bool {
			return toolSkip(s.skipped[i].reason) && !toolSkip(s.skipped[j].reason)
		})
		tools := 0
		for _, k := range s.skipped {
			if toolSkip(k.reason) {
				tools++
			}
		}
		fmt.Fprintf(w, "\nskipped tests: %d (%d because a tool is not installed)\n", len(s.skipped), tools)
		for _, k := range s.skipped {
			fmt.Fprintf(w, "  SKIP %s: %s\n", k.name, k.reason)
		}
	}
	fmt.Fprintf(w, "\ntests: %d passed, %d failed, %d skipped\n", s.passed, s.failed, s.skippedN)
}

// toolSkip reports whether a skip says a tool is missing.
func toolSkip(reason string) bool {
	return strings.Contains(reason, "not installed") || strings.Contains(reason, "未安装")
}
