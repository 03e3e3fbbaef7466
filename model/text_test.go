package model

import (
	"strings"
	"testing"
)

func TestCleanText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "大雁镇人民政府", "大雁镇人民政府"},
		{"crlf", "第一行\r\n第二行\r第三行\n", "第一行\n第二行\n第三行\n"},
		{"tab", "a\tb", "a b"},
		{"csi colour with params", "\x1b[1;31m红字\x1b[0m", "红字"},
		{"csi cursor", "前\x1b[2J\x1b[H后", "前后"},
		{"csi private", "\x1b[?25l隐藏", "隐藏"},
		{"osc title bel", "\x1b]0;恶意标题\x07正文", "正文"},
		{"osc hyperlink st", "\x1b]8;;http://x\x1b\\链接\x1b]8;;\x1b\\", "链接"},
		{"dcs", "\x1bPq#0;2;0;0;0\x1b\\文字", "文字"},
		{"apc", "\x1b_Gf=100;AAAA\x1b\\图", "图"},
		{"charset", "\x1b(B文", "文"},
		{"esc 7", "\x1b7保存", "保存"},
		{"c1 csi", "\u009b31m红\u009b0m", "红"},
		{"c1 osc", "\u009d0;t\u009c正文", "正文"},
		{"bare esc at end", "末尾\x1b", "末尾"},
		{"c0", "a\x00b\x07c\x08d", "abcd"},
		{"del", "a\x7fb", "ab"},
		{"bidi", "abc\u202edcba\u202c", "abcdcba"},
		{"isolates", "\u2066x\u2069", "x"},
		{"zero width", "大\u200b雁\u200c镇\u200d", "大雁镇"},
		{"word joiner bom", "\ufeff开\u2060头", "开头"},
		{"soft hyphen", "co\u00adop", "coop"},
		{"invalid utf8", "a\xffb", "ab"},
		{"keeps full width", "（一）予以公开：１２件", "（一）予以公开：１２件"},
		{"keeps emoji and ideographic space", "好　👍", "好　👍"},
	}
	for _, c := range cases {
		if got := CleanText(c.in); got != c.want {
			t.Errorf("%s: CleanText(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestCleanLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  大雁镇人民政府 ", "大雁镇人民政府"},
		{"大雁镇\r\n人民政府", "大雁镇人民政府"},
		{"Daiyan\nTown", "Daiyan Town"},
		{"第一\n\n\n第二", "第一第二"},
		{"\x1b[31m电话\x1b[0m\n", "电话"},
		{"a\tb", "a b"},
	}
	for _, c := range cases {
		if got := CleanLine(c.in); got != c.want {
			t.Errorf("CleanLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestValidateIDNumber(t *testing.T) {
	good := []string{"11010519491231002X", "11010519491231002x", "150702198506124319", "440304200002291236", ""}
	for _, s := range good {
		if err := ValidateIDNumber(s); err != nil {
			t.Errorf("ValidateIDNumber(%q) = %v, want nil", s, err)
		}
	}
	bad := []struct{ in, msg string }{
		{"150702198506124318", "最后一位应是 9"},
		{"15070219850612431", "18 位，现在是 17 位"},
		{"1507021985061243190", "现在是 19 位"},
		{"15070219850612431\u200b9", "看不见的字符"},
		{"\u202e150702198506124319", "看不见的字符"},
		{"１５０７０２１９８５０６１２４３１９", "全角"},
		{"15070219851312431X", "出生日期"},
		{"1507021985061243A9", "只能是数字，第 17 位「A」"},
		{"15070219850612431Y", "最后一位只能是数字或 X"},
		{"15070219850612大319", "第 15 位「大」"},
	}
	for _, c := range bad {
		err := ValidateIDNumber(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ValidateIDNumber(%q) = %v, want it to say %q", c.in, err, c.msg)
		}
	}
	if got := NormalizeIDNumber(" １５０７０２１９８５０６１２４３１x "); got != "15070219850612431X" {
		t.Errorf("NormalizeIDNumber = %q", got)
	}
}

func TestValidatePhone(t *testing.T) {
	good := []string{"13812345678", "138 1234 5678", "+86 13812345678", "0470-7123456", "(0470)71234567",
		"010-12345678", "7123456", "0470-7123456转8012", "4008123123", "１３８１２３４５６７８", ""}
	for _, s := range good {
		if err := ValidatePhone(s); err != nil {
			t.Errorf("ValidatePhone(%q) = %v, want nil", s, err)
		}
	}
	bad := []struct{ in, msg string }{
		{"1381234567", "位数不对"},
		{"12812345678", "第二位应在 3 到 9"},
		{"0470-71234a6", "不该出现的字符「a」"},
		{"138\u200b12345678", "看不见的字符"},
		{"123", "位数不对"},
		{"0470-7123456转abc", "分机号"},
	}
	for _, c := range bad {
		err := ValidatePhone(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ValidatePhone(%q) = %v, want it to say %q", c.in, err, c.msg)
		}
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"\x1b[31m红\x1b[0m", "\x1b]0;t\x07x", "a\r\nb", "\u202e\u200b", "\u009b1m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CleanText(s)
		if HasInvisible(c) || strings.ContainsAny(c, "\r\t\x1b") {
			t.Fatalf("CleanText(%q) = %q still holds control or invisible characters", s, c)
		}
		if CleanText(c) != c {
			t.Fatalf("CleanText is not idempotent on %q", s)
		}
		l := CleanLine(s)
		if strings.Contains(l, "\n") {
			t.Fatalf("CleanLine(%q) = %q holds a newline", s, l)
		}
	})
}

func FuzzValidateIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "150702198506124318", "１５０７０２", "\u200b1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := ValidateIDNumber(s); err != nil && !IsInputError(err) {
			t.Fatalf("ValidateIDNumber(%q): unexpected error type %T", s, err)
		}
		if err := ValidatePhone(s); err != nil && !IsInputError(err) {
			t.Fatalf("ValidatePhone(%q): unexpected error type %T", s, err)
		}
	})
}
