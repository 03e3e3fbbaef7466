package main

import (
	"bytes"
	"strings"
	"testing"
)

// A run as go test -json reports it: one pass, one failure with output, one
// skip because a tool is missing and one plain skip.
const sampleRun = `{"Action":"run","Package":"p/a","Test":"TestOK"}
{"Action":"output","Package":"p/a","Test":"TestOK","Output":"=== RUN   TestOK\n"}
{"Action":"pass","Package":"p/a","Test":"TestOK","Elapsed":0.01}
{"Action":"run","Package":"p/a","Test":"TestBad"}
{"Action":"output","Package":"p/a","Test":"TestBad","Output":"    a_test.go:9: 表三 总计 = 3, want 4\n"}
{"Action":"fail","Package":"p/a","Test":"TestBad","Elapsed":0.01}
{"Action":"output","Package":"p/a","Output":"FAIL\n"}
{"Action":"fail","Package":"p/a","Elapsed":0.2}
{"Action":"run","Package":"p/b","Test":"TestTmux"}
{"Action":"output","Package":"p/b","Test":"TestTmux","Output":"=== RUN   TestTmux\n"}
{"Action":"output","Package":"p/b","Test":"TestTmux","Output":"    tmux_test.go:20: SKIP: tmux not installed (apt-get install tmux)\n"}
{"Action":"output","Package":"p/b","Test":"TestTmux","Output":"--- SKIP: TestTmux (0.00s)\n"}
{"Action":"skip","Package":"p/b","Test":"TestTmux","Elapsed":0}
{"Action":"run","Package":"p/b","Test":"TestLong"}
{"Action":"output","Package":"p/b","Test":"TestLong","Output":"    long_test.go:5: long run: set NIANBAO_LONG=1\n"}
{"Action":"skip","Package":"p/b","Test":"TestLong","Elapsed":0}
{"Action":"pass","Package":"p/b","Elapsed":0.1}
{"Action":"skip","Package":"p/c"}
`

func TestSummary(t *testing.T) {
	var live, end bytes.Buffer
	s := summarize(strings.NewReader(sampleRun), &live)
	s.report(&end)
	for _, want := range []string{"表三 总计 = 3, want 4", "FAIL\tp/a", "ok  \tp/b", "p/c\t[no test files]"} {
		if !strings.Contains(live.String(), want) {
			t.Errorf("live output lacks %q:\n%s", want, live.String())
		}
	}
	if strings.Contains(live.String(), "=== RUN   TestOK") {
		t.Errorf("a passing test's output was printed:\n%s", live.String())
	}
	got := end.String()
	for _, want := range []string{
		"skipped tests: 2 (1 because a tool is not installed)",
		"SKIP p/b.TestTmux: SKIP: tmux not installed (apt-get install tmux)",
		"SKIP p/b.TestLong: long run: set NIANBAO_LONG=1",
		"tests: 1 passed, 1 failed, 2 skipped",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	if strings.Index(got, "TestTmux") > strings.Index(got, "TestLong") {
		t.Errorf("tool skips are not listed first:\n%s", got)
	}
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if last := lines[len(lines)-1]; last != "tests: 1 passed, 1 failed, 2 skipped" {
		t.Errorf("closing line %q", last)
	}
}
