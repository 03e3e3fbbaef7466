package termsafe

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriterCleansEveryLine(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	// An OSC 52 clipboard write split across two writes, a title change, a
	// screen clear, a bidi override, a zero-width space and a colour.
	w.Write([]byte("单位：大雁镇\x1b]52;c;ZWNobyBoaQ=="))
	w.Write([]byte("\x07人民政府\n文件「\x1b]0;标题\x07a\u202eb\u200bc.json」\x1b[2J\x1b[31m红\n"))
	w.Write([]byte("没有换行的最后一行\x1b[H"))
	if got := out.String(); strings.Contains(got, "没有换行") {
		t.Fatalf("an unfinished line was written before Flush: %q", got)
	}
	w.Flush()
	want := "单位：大雁镇人民政府\n文件「abc.json」红\n没有换行的最后一行"
	if got := out.String(); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestTextDropsColoursFrameKeepsThem(t *testing.T) {
	in := "\x1b[31m红\x1b[0m"
	if Text(in) != "红" || Frame(in) != in {
		t.Fatalf("Text %q, Frame %q", Text(in), Frame(in))
	}
}
