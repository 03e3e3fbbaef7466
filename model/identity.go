package model

import (
	"strings"
	"unicode/utf8"
)

// Validators of an applicant's contact and identity fields beyond the
// single phone number and the resident ID number (text.go).

// phoneSeparators split several phone numbers typed in one field.
const phoneSeparators = "、，,;；/／"

// ValidatePhones checks a field that may hold several phone numbers
// separated by 「、」, a comma, a semicolon or a slash
// (「13912345678、0371-66889900」): each must pass ValidatePhone.
func ValidatePhones(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(phoneSeparators, r) })
	if len(parts) == 0 {
		return inputErrorf("电话号码「%s」里没有号码", strings.TrimSpace(s))
	}
	for _, p := range parts {
		if err := ValidatePhone(strings.TrimSpace(p)); err != nil {
			return err
		}
	}
	return nil
}

// creditCodeChars are the characters of a 统一社会信用代码 (GB 32100-2015)
// in the order of their values 0–30: digits and capital letters without
// I, O, S, V, Z.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// NormalizeCreditCode prepares a typed 统一社会信用代码: full-width to
// half-width, letters upper-case, spaces trimmed.
func NormalizeCreditCode(s string) string {
	return strings.ToUpper(strings.TrimSpace(NormalizeDigits(s)))
}

// ValidateCreditCode checks an 18-character 统一社会信用代码 (GB 32100-2015):
// the allowed characters and the check character (position 18, computed
// from the first 17 modulo 31).
func ValidateCreditCode(s string) error {
	t := NormalizeCreditCode(s)
	if n := utf8.RuneCountInString(t); n != 18 {
		return inputErrorf("统一社会信用代码应为 18 位，现在是 %d 位，请核对", n)
	}
	sum := 0
	for i, r := range t {
		v := strings.IndexRune(creditCodeChars, r)
		if v < 0 {
			return inputErrorf("统一社会信用代码第 %d 位「%c」不对：只能是数字和大写字母（不用 I、O、S、V、Z）", i+1, r)
		}
		if i < 17 {
			sum += v * creditCodeWeights[i]
		}
	}
	want := creditCodeChars[(31-sum%31)%31]
	if t[17] != want {
		return inputErrorf("统一社会信用代码校验位不对：按前 17 位算，最后一位应是 %c，现在是 %c，请核对", want, t[17])
	}
	return nil
}

// LooksLikeCreditCode reports whether s is meant as a 统一社会信用代码
// rather than a resident ID number: 18 characters with a letter among the
// first 17, or a first character (the registering authority: 9 for 市场监管,
// 5 for 民政, Y for others …) that no resident ID number starts with (1–6).
func LooksLikeCreditCode(s string) bool {
	t := NormalizeCreditCode(s)
	if utf8.RuneCountInString(t) != 18 {
		return false
	}
	for _, r := range t[:17] {
		if r < '0' || r > '9' {
			return true
		}
	}
	return t[0] < '1' || t[0] > '6'
}

// ValidateApplicantIdentity checks the identity field of a request: a
// resident ID number for a 自然人, and for a 法人或其他组织 also a
// 统一社会信用代码. The error of a number that is well formed but wrong in
// its check character or birth date is an IDWarning: the number may have
// been written wrong on the paper form and is kept as written.
func ValidateApplicantIdentity(s string, a ApplicantType) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if a != "" && a != NaturalPerson && (LooksLikeCreditCode(s) || ValidateCreditCode(s) == nil) {
		return ValidateCreditCode(s)
	}
	err := ValidateIDNumber(NormalizeIDNumber(s))
	if err == nil {
		return nil
	}
	if well := wellFormedID(NormalizeIDNumber(s)); well {
		return &IDWarning{Msg: err.Error() + "。如原件就是这样写的，已按原样保存"}
	}
	if a != "" && a != NaturalPerson {
		return inputErrorf("%s（法人或其他组织可填 18 位统一社会信用代码）", strings.TrimSuffix(err.Error(), "。"))
	}
	return err
}

// IDWarning is a problem with an identity number that does not stop it
// being saved: kept as the applicant wrote it, shown as a warning.
type IDWarning struct{ Msg string }

func (w *IDWarning) Error() string { return w.Msg }

// wellFormedID reports whether s has the shape of a resident ID number: 17
// digits and a digit or X.
func wellFormedID(s string) bool {
	if len(s) != 18 {
		return false
	}
	for i := 0; i < 17; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[17] == 'X' || s[17] >= '0' && s[17] <= '9'
}
