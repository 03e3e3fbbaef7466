package components

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFastWidthMatchesAnsi: every character the fast path measures has the
// width ansi.StringWidth gives it, alone and after a Chinese character.
func TestFastWidthMatchesAnsi(t *testing.T) {
	for _, fr := range fastRanges {
		for r := fr.lo; r <= fr.hi; r++ {
			s := string(r)
			if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
				t.Errorf("U+%04X %q: fast width %d, ansi %d", r, s, got, want)
			}
			s = "中" + string(r) + "a"
			if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
				t.Errorf("中 U+%04X a: fast width %d, ansi %d", r, got, want)
			}
		}
	}
}

// TestWidthOfScreenText: styled lines, joiners, emoji, combining marks and
// other escape sequences measure as ansi.StringWidth does, including
// random mixtures of them.
func TestWidthOfScreenText(t *testing.T) {
	cases := []string{
		"", "abc", "依申请公开台账 · 共 10453 条", "\x1b[36;1m年报\x1b[m › 依申请台账",
		"── 收到申请 ────", "▸ r 依申请台账    525 │", "①②③ “引号” ……", "e\u0301", "👍🏽", "🇨🇳", "a\u200db",
		"\x1b]8;;http://x\x07链接\x1b]8;;\x07", "\x1b[4m       姓名/名称\x1b[m  王建国", "\t", "\x7f", "ｱｲｳ", "〜",
		"한국어", "\x1b[38;2;1;2;3m色\x1b[0m", "\x1b[", "\x1b[31", "中\u3099", "\u00ad", "☀\ufe0f", "✓ 已保存",
	}
	for _, s := range cases {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("%q: width %d, ansi %d", s, got, want)
		}
	}
	parts := []string{"a", " ", "中", "。", "「", "─", "▸", "\x1b[1m", "\x1b[m", "\x1b[38;5;8m", "e\u0301", "👍", "\ufe0f",
		"\u200d", "①", "…", "ｶ", "가", "\u3099", "\x1b]0;t\x07", "·", "—", "✓"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Fatalf("%q: width %d, ansi %d", s, got, want)
		}
	}
}
