package model

import (
	"strings"
	"testing"
)

func TestNormalizeDigits(t *testing.T) {
	cases := []struct{ in, want string }{
		{"１２３", "123"},
		{"＋３", "+3"},
		{"－１", "-1"},
		{"−2", "-2"},
		{"１，２３４", "1,234"},
		{"１２．５", "12.5"},
		{"２０２１／３／５", "2021/3/5"},
		{"　7　", " 7 "},
		{"abc 12", "abc 12"},
		{"大雁镇", "大雁镇"},
	}
	for _, c := range cases {
		if got := NormalizeDigits(c.in); got != c.want {
			t.Errorf("NormalizeDigits(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	ok := []struct {
		in   string
		want Date
	}{
		{"2021-03-05", 20210305},
		{"2021/3/5", 20210305},
		{"2021.3.5", 20210305},
		{"20210305", 20210305},
		{"2021年3月5日", 20210305},
		{"2021年3月5", 20210305},
		{"２０２１年３月５日", 20210305},
		{"  2021-3-5 ", 20210305},
		{"２０２１－０３－０５", 20210305},
		{"2020-02-29", 20200229},
		{"", 0},
		{"   ", 0},
	}
	for _, c := range ok {
		got, err := ParseDate(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"2021-02-30", "2021年2月只有28天"},
		{"2021-02-29", "2021年2月只有28天"},
		{"2021-04-31", "2021年4月只有30天"},
		{"2021-13-01", "月份 13 不存在"},
		{"2021-00-10", "月份 0 不存在"},
		{"21-3-5", "年份要写满四位"},
		{"2021-3", "三部分"},
		{"2021年3月", "不完整"},
		{"2021--5", "不完整"},
		{"2021-a-5", "不是数字"},
		{"昨天", "看不懂"},
		{"202103", "看不懂"},
		{"1800-01-01", "年份 1800 不合理"},
	}
	for _, c := range bad {
		_, err := ParseDate(c.in)
		if err == nil {
			t.Errorf("ParseDate(%q) accepted a bad date", c.in)
			continue
		}
		if !strings.Contains(err.Error(), c.msg) || !IsInputError(err) {
			t.Errorf("ParseDate(%q) error %q, want it to say %q", c.in, err, c.msg)
		}
	}
}

func TestParseCount(t *testing.T) {
	ok := []struct {
		in   string
		want int64
	}{
		{"0", 0}, {"12", 12}, {"１２３", 123}, {"1,234", 1234}, {"1，234", 1234},
		{"１，２３４，５６７", 1234567}, {" 7 ", 7}, {"12件", 12}, {"+5", 5}, {"", 0},
	}
	for _, c := range ok {
		got, err := ParseCount(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseCount(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"-1", "负数"},
		{"－３", "负数"},
		{"1.5", "小数"},
		{"１２．０", "小数"},
		{"abc", "不是数字"},
		{",12", "不是数字"},
		{"1,,2", "不是数字"},
		{"99999999999999999999", "太大"},
	}
	for _, c := range bad {
		_, err := ParseCount(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseCount(%q) error %v, want it to say %q", c.in, err, c.msg)
		}
	}
}

func TestParseDelta(t *testing.T) {
	ok := []struct {
		in   string
		want int64
	}{
		{"+3", 3}, {"-1", -1}, {"－1", -1}, {"＋２", 2}, {"0", 0}, {"-0", 0}, {"+0", 0},
		{"5", 5}, {"", 0}, {"减2", -2}, {"增4", 4}, {" -12 ", -12},
	}
	for _, c := range ok {
		got, err := ParseDelta(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDelta(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"+1.5", "小数"},
		{"+-1", "看不懂"},
		{"三", "看不懂"},
		{"-", "看不懂"},
	}
	for _, c := range bad {
		_, err := ParseDelta(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseDelta(%q) error %v, want it to say %q", c.in, err, c.msg)
		}
	}
}

func TestParseMoney(t *testing.T) {
	ok := []struct {
		in, unit string
		want     int64
	}{
		{"130万元", "万元", 130_000_000},
		{"130万", "万元", 130_000_000},
		{"130", "万元", 130_000_000},
		{"1300000元", "万元", 130_000_000},
		{"1,300,000元", "万元", 130_000_000},
		{"1,300,000", "元", 130_000_000},
		{"12.5", "万元", 125_000_00},
		{"12.5", "元", 1250},
		{"0.01", "元", 1},
		{"0.000001", "万元", 1},
		{"１２．５万元", "元", 125_000_00},
		{"￥100", "元", 10000},
		{"12.50", "元", 1250},
		{"", "万元", 0},
		{"0", "万元", 0},
	}
	for _, c := range ok {
		got, err := ParseMoney(c.in, c.unit)
		if err != nil || got != c.want {
			t.Errorf("ParseMoney(%q, %q) = %d, %v; want %d", c.in, c.unit, got, err, c.want)
		}
	}
	bad := []struct{ in, unit, msg string }{
		{"12.345", "元", "小数位太多"},
		{"1.0000001", "万元", "小数位太多"},
		{"12.345元", "万元", "以元为单位最多 2 位小数"},
		{"-5", "元", "负数"},
		{"abc", "元", "不是金额"},
		{"1.2.3", "元", "不是金额"},
		{"999999999999999999", "万元", "太大"},
	}
	for _, c := range bad {
		_, err := ParseMoney(c.in, c.unit)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseMoney(%q, %q) error %v, want it to say %q", c.in, c.unit, err, c.msg)
		}
	}
}

func TestFormatMoney(t *testing.T) {
	cases := []struct {
		fen  int64
		unit string
		want string
	}{
		{130_000_000, "万元", "130"},
		{125_000_00, "万元", "12.5"},
		{1_250_000, "万元", "1.25"},
		{1, "万元", "0.000001"},
		{0, "万元", "0"},
		{125, "元", "1.25"},
		{120, "元", "1.2"},
		{100, "元", "1"},
		{100, "", "1"},
		{-150, "元", "-1.5"},
	}
	for _, c := range cases {
		if got := FormatMoney(c.fen, c.unit); got != c.want {
			t.Errorf("FormatMoney(%d, %q) = %q, want %q", c.fen, c.unit, got, c.want)
		}
		// What FormatMoney prints, ParseMoney reads back.
		if c.fen >= 0 {
			back, err := ParseMoney(c.want, c.unit)
			if err != nil || back != c.fen {
				t.Errorf("round trip %q %q = %d, %v; want %d", c.want, c.unit, back, err, c.fen)
			}
		}
	}
}

func TestFormatCell(t *testing.T) {
	f19, f21 := FormatByID("2019"), FormatByID("2021")
	col := func(f *Format, table, id string) Column {
		c, ok := f.Table(table).Column(id)
		if !ok {
			t.Fatalf("no column %s.%s in %s", table, id, f.ID)
		}
		return c
	}
	cases := []struct {
		c    Column
		v    int64
		want string
	}{
		{col(f19, TableS3, "np"), 12, "12"},
		{col(f19, TableS3, "np"), 0, "0"},
		{col(f19, TableS2Item5, "delta"), 3, "+3"},
		{col(f19, TableS2Item5, "delta"), -1, "-1"},
		{col(f19, TableS2Item5, "delta"), 0, "0"},
		{col(f19, TableS2Item9, "amount"), 130_000_000, "130万元"},
		{col(f19, TableS2Item9, "amount"), 125_000_00, "12.5万元"},
		{col(f21, TableS2Item8, "amount"), 125_000_00, "12.5"},
		{Column{Kind: KindMoney}, 1250, "12.5元"},
	}
	for _, c := range cases {
		if got := FormatCell(c.c, c.v); got != c.want {
			t.Errorf("FormatCell(%s, %d) = %q, want %q", c.c.Label, c.v, got, c.want)
		}
		back, err := ParseCell(c.c, c.want)
		if err != nil || back != c.v {
			t.Errorf("ParseCell(%s, %q) = %d, %v; want %d", c.c.Label, c.want, back, err, c.v)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-03-05", "2021年3月5日", "20210305", "２０２１/３/５", "2021-02-30", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !IsInputError(err) || err.Error() == "" {
				t.Fatalf("ParseDate(%q): unexpected error type %T", s, err)
			}
			return
		}
		if !d.IsZero() && !d.Valid() {
			t.Fatalf("ParseDate(%q) = %v, not a real day", s, d)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"130万元", "12.5", "1,300,000元", "0.000001", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fen, err := ParseMoney(s, "万元")
		if err != nil {
			return
		}
		if fen < 0 {
			t.Fatalf("ParseMoney(%q) = %d, negative", s, fen)
		}
		back, err := ParseMoney(FormatMoney(fen, "万元"), "万元")
		if err != nil || back != fen {
			t.Fatalf("round trip of %q: %d -> %q -> %d, %v", s, fen, FormatMoney(fen, "万元"), back, err)
		}
	})
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"12", "１，２３４", "-1", "1.5", "12件", ",1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseCount(s)
		if err != nil {
			if !IsInputError(err) {
				t.Fatalf("ParseCount(%q): unexpected error type %T", s, err)
			}
			return
		}
		if n < 0 {
			t.Fatalf("ParseCount(%q) = %d, negative", s, n)
		}
		if back, err := ParseCount(FormatCell(Column{Kind: KindCount}, n)); err != nil || back != n {
			t.Fatalf("round trip of %d: %d, %v", n, back, err)
		}
	})
}
