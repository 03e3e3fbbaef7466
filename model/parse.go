package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Input parsers for the fields a clerk types. Every error they return is a
// Chinese sentence that says what is wrong and what to type instead, so a
// screen can show err.Error() as it is.

// NormalizeDigits maps full-width ASCII forms (０-９, ＋, －, ，, ．, ／, ：,
// Ａ-Ｚ …) and the ideographic space to their ASCII counterparts, and the
// minus sign and dash variants a Chinese input method produces to '-'. Other
// characters are kept.
func NormalizeDigits(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		case r == 0x2212 || r == 0x2010 || r == 0x2011 || r == 0x2012 || r == 0x2013 || r == 0xFE63:
			r = '-'
		case r == 0xFE62:
			r = '+'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// inputError is a parse error whose text is shown to the clerk verbatim.
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

func inputErrorf(format string, args ...any) error {
	return &inputError{fmt.Sprintf(format, args...)}
}

// prepare trims and normalises a field's text for the number and date parsers.
func prepare(s string) string {
	return strings.TrimSpace(NormalizeDigits(CleanLine(s)))
}

// ParseDate reads a date typed in any of the usual forms: 2021-03-05,
// 2021/3/5, 2021.3.5, 20210305, 2021年3月5日 (the 日 may be left off), with
// full-width digits and surrounding spaces allowed. An empty field gives the
// zero Date (not set) and no error.
func ParseDate(s string) (Date, error) {
	t := prepare(s)
	if t == "" {
		return 0, nil
	}
	var parts []string
	switch {
	case strings.Contains(t, "年"):
		u := strings.TrimSuffix(strings.TrimSuffix(t, "日"), "号")
		y, rest, ok1 := strings.Cut(u, "年")
		m, d, ok2 := strings.Cut(rest, "月")
		if !ok1 || !ok2 {
			return 0, inputErrorf("日期「%s」看不懂，请写成 2021-03-05 或 2021年3月5日", t)
		}
		parts = []string{strings.TrimSpace(y), strings.TrimSpace(m), strings.TrimSpace(d)}
	case strings.ContainsAny(t, "-/."):
		sep := "-"
		for _, c := range []string{"-", "/", "."} {
			if strings.Contains(t, c) {
				sep = c
				break
			}
		}
		parts = strings.Split(t, sep)
	case len(t) == 8:
		parts = []string{t[:4], t[4:6], t[6:]}
	default:
		return 0, inputErrorf("日期「%s」看不懂，请写成 2021-03-05、2021/3/5 或 20210305", t)
	}
	if len(parts) != 3 {
		return 0, inputErrorf("日期「%s」应有年、月、日三部分，例如 2021-03-05", t)
	}
	var n [3]int
	for i, p := range parts {
		if p == "" {
			return 0, inputErrorf("日期「%s」不完整：年、月、日都要写，例如 2021-03-05", t)
		}
		if len(p) > 4 || !allDigits(p) {
			return 0, inputErrorf("日期「%s」中有不是数字的部分「%s」，请写成 2021-03-05", t, p)
		}
		n[i], _ = strconv.Atoi(p)
	}
	y, m, d := n[0], n[1], n[2]
	if len(parts[0]) != 4 {
		return 0, inputErrorf("日期「%s」的年份要写满四位，例如 2021", t)
	}
	if y < 1900 || y > 2999 {
		return 0, inputErrorf("日期「%s」的年份 %d 不合理，请检查", t, y)
	}
	if m < 1 || m > 12 {
		return 0, inputErrorf("日期「%s」的月份 %d 不存在，月份应在 1 到 12 之间", t, m)
	}
	if dim := DaysInMonth(y, m); d < 1 || d > dim {
		return 0, inputErrorf("日期「%s」不存在：%d年%d月只有%d天", t, y, m, dim)
	}
	return NewDate(y, m, d), nil
}

// DaysInMonth returns the number of days of month m (1..12) in year y.
func DaysInMonth(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// countUnits are measure words a clerk may type after a count.
var countUnits = []string{"件", "条", "个", "项", "次", "人", "份", "页"}

// stripGrouping removes thousands separators ("1,234", "1，234" after
// normalisation, "1 234") between digits. It reports false when a separator
// sits where no grouping can be (",12", "1,,2").
func stripGrouping(s string) (string, bool) {
	if !strings.ContainsAny(s, ", '") {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ',' || c == ' ' || c == '\'' {
			if i == 0 || i == len(s)-1 || s[i-1] < '0' || s[i-1] > '9' || s[i+1] < '0' || s[i+1] > '9' {
				return s, false
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// ParseCount reads a non-negative whole number: 12, １２, 1,234, 1，234, 12件.
// An empty field is 0. Negative numbers and decimals are refused.
func ParseCount(s string) (int64, error) {
	t := prepare(s)
	if t == "" {
		return 0, nil
	}
	orig := t
	for _, u := range countUnits {
		if strings.HasSuffix(t, u) {
			t = strings.TrimSpace(strings.TrimSuffix(t, u))
			break
		}
	}
	if strings.HasPrefix(t, "-") {
		return 0, inputErrorf("「%s」是负数：这里填的是件数，不能小于 0", orig)
	}
	t = strings.TrimPrefix(t, "+")
	if strings.Contains(t, ".") {
		return 0, inputErrorf("「%s」带小数：这里只能填整数", orig)
	}
	t, ok := stripGrouping(t)
	if !ok || !allDigits(t) {
		return 0, inputErrorf("「%s」不是数字：请只填阿拉伯数字，例如 12", orig)
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n > 1_000_000_000_000 {
		return 0, inputErrorf("「%s」太大了，请检查是否多输了数字", orig)
	}
	return n, nil
}

// ParseDelta reads a signed change (本年增/减): +3, -1, －1, ＋2, 0, -0, 3.
// An empty field is 0.
func ParseDelta(s string) (int64, error) {
	t := prepare(s)
	if t == "" {
		return 0, nil
	}
	orig := t
	neg := false
	switch {
	case strings.HasPrefix(t, "+"):
		t = strings.TrimSpace(t[1:])
	case strings.HasPrefix(t, "-"):
		neg = true
		t = strings.TrimSpace(t[1:])
	case strings.HasPrefix(t, "增"):
		t = strings.TrimSpace(strings.TrimPrefix(t, "增"))
	case strings.HasPrefix(t, "减"):
		neg = true
		t = strings.TrimSpace(strings.TrimPrefix(t, "减"))
	}
	for _, u := range countUnits {
		t = strings.TrimSuffix(t, u)
	}
	if strings.Contains(t, ".") {
		return 0, inputErrorf("「%s」带小数：增减数只能填整数，例如 +3 或 -1", orig)
	}
	t, ok := stripGrouping(t)
	if !ok || !allDigits(t) {
		return 0, inputErrorf("「%s」看不懂：增减数请写成 +3、-1 或 0", orig)
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n > 1_000_000_000_000 {
		return 0, inputErrorf("「%s」太大了，请检查是否多输了数字", orig)
	}
	if neg {
		n = -n
	}
	return n, nil
}

// fenPer returns how many fen one of unit is: 万元 1,000,000; 元 (or no unit)
// 100.
func fenPer(unit string) int64 {
	switch unit {
	case "万元", "万":
		return 1_000_000
	case "亿元", "亿":
		return 10_000_000_000
	}
	return 100
}

// decimalsOf is how many decimal places of unit are whole fen.
func decimalsOf(unit string) int {
	switch unit {
	case "万元", "万":
		return 6
	case "亿元", "亿":
		return 10
	}
	return 2
}

// ParseMoney reads an amount and returns it in fen. unit is the column's unit
// ("万元" or "元"); the clerk may override it by typing one: 130万元, 130万,
// 1300000元, 1,300,000元, or a bare 12.5 in the column's unit. Amounts finer
// than one fen are refused. An empty field is 0.
func ParseMoney(s string, unit string) (int64, error) {
	t := prepare(s)
	if t == "" {
		return 0, nil
	}
	orig := t
	t = strings.TrimPrefix(strings.TrimPrefix(t, "¥"), "￥")
	t = strings.TrimSpace(t)
	u := unit
	for _, suf := range []string{"万元", "亿元", "元", "万", "亿"} {
		if strings.HasSuffix(t, suf) {
			u = suf
			t = strings.TrimSpace(strings.TrimSuffix(t, suf))
			break
		}
	}
	if strings.HasPrefix(t, "-") {
		return 0, inputErrorf("「%s」是负数：金额不能小于 0", orig)
	}
	t = strings.TrimPrefix(t, "+")
	whole, frac, _ := strings.Cut(t, ".")
	whole, ok := stripGrouping(whole)
	if !ok || !allDigits(whole) || strings.Contains(frac, ".") || (frac != "" && !allDigits(frac)) {
		return 0, inputErrorf("「%s」不是金额：请填数字，例如 130 或 12.5", orig)
	}
	maxDec := decimalsOf(u)
	frac = strings.TrimRight(frac, "0")
	if len(frac) > maxDec {
		unitName := u
		if unitName == "" {
			unitName = "元"
		}
		return 0, inputErrorf("「%s」的小数位太多：以%s为单位最多 %d 位小数（精确到分）", orig, unitName, maxDec)
	}
	per := fenPer(u)
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > math.MaxInt64/per/10 {
		return 0, inputErrorf("「%s」太大了，请检查单位和数字", orig)
	}
	fen := w * per
	if frac != "" {
		f, _ := strconv.ParseInt(frac, 10, 64)
		for i := len(frac); i < maxDec; i++ {
			f *= 10
		}
		fen += f
	}
	return fen, nil
}

// FormatMoney prints fen in unit ("万元", "元"; empty means 元) without the
// unit and without trailing zeros: 130, 1.25, 0.5.
func FormatMoney(fen int64, unit string) string {
	per := fenPer(unit)
	dec := decimalsOf(unit)
	neg := fen < 0
	if neg {
		fen = -fen
	}
	s := strconv.FormatInt(fen/per, 10)
	if r := fen % per; r != 0 {
		fs := strconv.FormatInt(r, 10)
		fs = strings.Repeat("0", dec-len(fs)) + fs
		s += "." + strings.TrimRight(fs, "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// FormatCell prints one table value as a report and a screen show it: counts
// plain (12), deltas signed (+3, -1, 0), money in the column's unit with the
// unit appended unless the header already names it (130万元; 12.5).
func FormatCell(c Column, v int64) string {
	switch c.Kind {
	case KindDelta:
		if v > 0 {
			return "+" + strconv.FormatInt(v, 10)
		}
		return strconv.FormatInt(v, 10)
	case KindMoney:
		s := FormatMoney(v, c.Unit)
		if !c.UnitInHeader {
			u := c.Unit
			if u == "" {
				u = "元"
			}
			s += u
		}
		return s
	}
	return strconv.FormatInt(v, 10)
}

// ParseCell parses a typed value for column c with the parser its kind needs.
func ParseCell(c Column, s string) (int64, error) {
	switch c.Kind {
	case KindDelta:
		return ParseDelta(s)
	case KindMoney:
		return ParseMoney(s, c.Unit)
	}
	return ParseCount(s)
}
