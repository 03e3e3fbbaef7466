package model

import (
	"strings"
	"unicode/utf8"
)

// Text cleaning at the edge: whatever arrives from a paste, an import or the
// terminal is cleaned before it is stored and again before it is drawn.

// invisible reports whether r is a character that draws nothing but can
// change how text is shown or compared: bidi controls, zero-width
// characters, word joiner, byte-order mark, soft hyphen.
func invisible(r rune) bool {
	switch {
	case r == 0x00AD, // soft hyphen
		r == 0x061C,                // Arabic letter mark
		r == 0x180E,                // Mongolian vowel separator
		r >= 0x200B && r <= 0x200F, // zero-width space/non-joiner/joiner, LRM, RLM
		r >= 0x202A && r <= 0x202E, // bidi embeddings and overrides
		r >= 0x2060 && r <= 0x2064, // word joiner, invisible operators
		r >= 0x2066 && r <= 0x2069, // bidi isolates
		r == 0xFEFF:                // byte-order mark / zero-width no-break space
		return true
	}
	return false
}

// escEnd returns the index just after the escape sequence that starts at
// s[i] (an ESC byte or a C1 introducer of width w), so the whole sequence,
// parameters included, can be dropped.
func escEnd(s string, i int) int {
	n := len(s)
	if s[i] == 0x1b {
		j := i + 1
		if j >= n {
			return n
		}
		switch s[j] {
		case '[': // CSI
			return csiEnd(s, j+1)
		case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to ST or BEL
			return stringEnd(s, j+1)
		}
		// Other sequences: intermediates 0x20–0x2F, then one final byte.
		for j < n && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
		if j < n && s[j] >= 0x30 && s[j] <= 0x7e {
			j++
		}
		return j
	}
	// C1 introducer encoded as UTF-8 (U+0080–U+009F).
	r, w := utf8.DecodeRuneInString(s[i:])
	switch r {
	case 0x9b:
		return csiEnd(s, i+w)
	case 0x9d, 0x90, 0x98, 0x9e, 0x9f:
		return stringEnd(s, i+w)
	}
	return i + w
}

// csiEnd skips CSI parameter and intermediate bytes up to the final byte.
func csiEnd(s string, j int) int {
	for j < len(s) {
		c := s[j]
		j++
		if c >= 0x40 && c <= 0x7e {
			return j
		}
		if c < 0x20 || c >= 0x7f {
			// Not a valid CSI byte: end the sequence before it.
			return j - 1
		}
	}
	return j
}

// stringEnd skips a control string up to BEL, ESC \ or the C1 ST (U+009C).
func stringEnd(s string, j int) int {
	for j < len(s) {
		switch {
		case s[j] == 0x07:
			return j + 1
		case s[j] == 0x1b:
			if j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
			return j // a new sequence starts; let the caller drop it
		case s[j] == 0xc2 && j+1 < len(s) && s[j+1] == 0x9c:
			return j + 2
		}
		j++
	}
	return j
}

// needsCleaning is a fast check that lets clean text through without copying.
func needsCleaning(s string, line bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && !(c == '\n' && !line) || c == 0x7f {
			return true
		}
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w == 1 || r >= 0x80 && r <= 0x9f || invisible(r) {
				return true
			}
			i += w - 1
		}
	}
	return false
}

// CleanText makes pasted or imported text safe to store and draw: CRLF and CR
// become LF; a tab becomes a space; whole terminal escape sequences (CSI, OSC,
// DCS and the rest, with their parameters) are removed, as are the other C0
// and C1 control characters, bidi controls, zero-width characters, the word
// joiner, the byte-order mark, the soft hyphen and invalid UTF-8.
func CleanText(s string) string {
	if !needsCleaning(s, false) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\r':
			b.WriteByte('\n')
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
			continue
		case c == '\n':
			b.WriteByte('\n')
			i++
			continue
		case c == '\t':
			b.WriteByte(' ')
			i++
			continue
		case c == 0x1b:
			i = escEnd(s, i)
			continue
		case c < 0x20 || c == 0x7f:
			i++
			continue
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			i++
		case r >= 0x80 && r <= 0x9f:
			i = escEnd(s, i)
		case invisible(r):
			i += w
		default:
			b.WriteString(s[i : i+w])
			i += w
		}
	}
	return b.String()
}

// CleanLine is CleanText for one-line fields: line breaks are removed too
// (joined with nothing between Chinese characters, with one space between
// Latin words) and surrounding spaces are trimmed.
func CleanLine(s string) string {
	if !needsCleaning(s, true) {
		if strings.TrimSpace(s) == s {
			return s
		}
		return strings.TrimSpace(s)
	}
	t := CleanText(s)
	if strings.IndexByte(t, '\n') < 0 {
		return strings.TrimSpace(t)
	}
	lines := strings.Split(t, "\n")
	var b strings.Builder
	b.Grow(len(t))
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if prev < utf8.RuneSelf && next < utf8.RuneSelf {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// HasInvisible reports whether s holds characters CleanText would remove
// (other than line breaks and tabs).
func HasInvisible(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f {
			return true
		}
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w == 1 || r >= 0x80 && r <= 0x9f || invisible(r) {
				return true
			}
			i += w - 1
		}
	}
	return false
}

// idWeights are the checksum weights of the first 17 digits of a resident ID.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheck maps the weighted sum mod 11 to the check character.
const idCheck = "10X98765432"

// NormalizeIDNumber prepares a typed resident ID number for storing:
// full-width digits to ASCII, a lower-case x to X, spaces trimmed.
func NormalizeIDNumber(s string) string {
	return strings.ToUpper(strings.TrimSpace(NormalizeDigits(s)))
}

// ValidateIDNumber checks an 18-character PRC resident identity number: 17
// digits, a check character (digit or X) that matches the checksum, and a
// real birth date. An empty field is allowed (the number is optional).
func ValidateIDNumber(s string) error {
	if s == "" {
		return nil
	}
	if HasInvisible(s) {
		return inputErrorf("身份证号中夹有看不见的字符（多半是复制时带进来的），请删掉后重新输入")
	}
	t := strings.TrimSpace(s)
	if t != NormalizeDigits(t) {
		return inputErrorf("身份证号中有全角字符，请用半角数字重新输入")
	}
	n := utf8.RuneCountInString(t)
	if n != 18 {
		return inputErrorf("身份证号应为 18 位，现在是 %d 位，请核对", n)
	}
	rs := []rune(t)
	sum := 0
	for i := 0; i < 17; i++ {
		c := rs[i]
		if c < '0' || c > '9' {
			return inputErrorf("身份证号前 17 位只能是数字，第 %d 位「%c」不对", i+1, c)
		}
		sum += int(c-'0') * idWeights[i]
	}
	last := rs[17]
	if last == 'x' {
		last = 'X'
	}
	if (last < '0' || last > '9') && last != 'X' {
		return inputErrorf("身份证号最后一位只能是数字或 X，「%c」不对", rs[17])
	}
	want := rune(idCheck[sum%11])
	y, m, d := atoi(t[6:10]), atoi(t[10:12]), atoi(t[12:14])
	if y < 1900 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m) {
		return inputErrorf("身份证号第 7 到 14 位的出生日期 %s 不是真实的日期，请核对", t[6:14])
	}
	if last != want {
		return inputErrorf("身份证号校验位不对：按前 17 位算，最后一位应是 %c，现在是 %c，请核对是否有数字输错", want, last)
	}
	return nil
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// ValidatePostcode accepts an empty value or six digits (full-width digits
// count as digits), the form of a Chinese 邮政编码.
func ValidatePostcode(s string) error {
	t := strings.TrimSpace(NormalizeDigits(s))
	if t == "" {
		return nil
	}
	if len(t) != 6 || strings.Trim(t, "0123456789") != "" {
		return inputErrorf("邮政编码「%s」应为6位数字，例如 021122；不知道可以留空", s)
	}
	return nil
}

// ValidatePhone checks a contact phone number: an 11-digit mobile number
// (1[3-9]…, optionally after +86), a fixed line with or without area code
// (0471-1234567, (0471)12345678, 12345678) and an optional extension, or a
// 400/800 service number. Spaces and hyphens between digit groups are fine.
// An empty field is allowed.
func ValidatePhone(s string) error {
	if s == "" {
		return nil
	}
	if HasInvisible(s) {
		return inputErrorf("电话号码中夹有看不见的字符（多半是复制时带进来的），请删掉后重新输入")
	}
	t := strings.TrimSpace(NormalizeDigits(s))
	orig := t
	t = strings.TrimPrefix(t, "+86")
	t = strings.TrimPrefix(strings.TrimSpace(t), "-")
	ext := ""
	for _, sep := range []string{"转", "ext", "EXT", "#"} {
		if a, b, ok := strings.Cut(t, sep); ok {
			t, ext = a, strings.TrimSpace(b)
			break
		}
	}
	var digits strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			digits.WriteByte(c)
		case c == ' ' || c == '-' || c == '(' || c == ')':
		default:
			return inputErrorf("电话号码「%s」中有不该出现的字符「%s」，只能填数字和连字符", orig, string([]rune(t[i:])[0]))
		}
	}
	if ext != "" && (!allDigits(ext) || len(ext) > 6) {
		return inputErrorf("电话号码「%s」的分机号应为 1 到 6 位数字", orig)
	}
	d := digits.String()
	switch {
	case len(d) == 11 && d[0] == '1':
		if d[1] < '3' {
			return inputErrorf("手机号「%s」的第二位应在 3 到 9 之间，请核对", orig)
		}
		return nil
	case len(d) == 10 && (strings.HasPrefix(d, "400") || strings.HasPrefix(d, "800")):
		return nil
	case d != "" && d[0] == '0' && len(d) >= 10 && len(d) <= 12:
		return nil
	case d != "" && d[0] != '0' && d[0] != '1' && (len(d) == 7 || len(d) == 8):
		return nil
	}
	return inputErrorf("电话号码「%s」位数不对：手机号 11 位，固定电话写成 区号-号码（如 0470-1234567）", orig)
}
