package termsafe

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFrame(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain 文字\n第二行", "plain 文字\n第二行"},
		{"\x1b[1;38;2;10;20;30m彩色\x1b[0m", "\x1b[1;38;2;10;20;30m彩色\x1b[0m"},
		{"大雁镇\x1b]0;被改的标题\x07人民政府", "大雁镇人民政府"},
		{"前\x1b[2J\x1b[H后", "前后"},
		{"\x1b]8;;http://example.invalid\x1b\\链接\x1b]8;;\x1b\\", "链接"},
		{"\x1bPq#0;2;0;0;0\x1b\\文字", "文字"},
		{"a\rb\x07c\x08d\x7fe", "abcde"},
		{"张三\u202e四李\u202c", "张三四李"},
		{"身\u200b份\ufeff证", "身份证"},
		{"👨\u200d👩\u200d👧 𠀀𪚥 🇨🇳 e\u0301", "👨\u200d👩\u200d👧 𠀀𪚥 🇨🇳 e\u0301"},
	}
	for _, c := range cases {
		got := Frame(c.in)
		if got != c.want {
			t.Errorf("Frame(%q) = %q, want %q", c.in, got, c.want)
		}
		// What was dropped took no cell: the layout is unchanged.
		inLines, outLines := strings.Split(c.in, "\n"), strings.Split(got, "\n")
		if len(inLines) != len(outLines) {
			t.Fatalf("Frame(%q) changed the line count", c.in)
		}
		for i := range inLines {
			if ansi.StringWidth(inLines[i]) != ansi.StringWidth(outLines[i]) {
				t.Errorf("Frame(%q): line %d width %d → %d", c.in, i, ansi.StringWidth(inLines[i]), ansi.StringWidth(outLines[i]))
			}
		}
	}
}

func BenchmarkFrameClean(b *testing.B) {
	line := "\x1b[1m大雁镇人民政府\x1b[0m │ 2021年 · 2021版 · 错误 0 · 提示 0 " + strings.Repeat("政府信息公开", 8)
	frame := strings.Repeat(line+"\n", 40)
	b.SetBytes(int64(len(frame)))
	for b.Loop() {
		Frame(frame)
	}
}
