package model

import (
	"errors"
	"strings"
	"testing"
)

func TestValidatePhones(t *testing.T) {
	for _, ok := range []string{"", "13912345678", "13912345678、0371-66889900", "0371-66889900，13912345678", "13912345678; 0470-2382772", "13912345678/13812345678"} {
		if err := ValidatePhones(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"13912345678、12345", "、", "139123456789"} {
		if err := ValidatePhones(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestValidateCreditCode(t *testing.T) {
	// Check characters computed by GB 32100-2015's rule.
	for _, ok := range []string{"91350100M000100Y43", "911100001000009919"} {
		if err := ValidateCreditCode(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []struct{ s, msg string }{
		{"91350100M000100Y44", "校验位不对"},
		{"91350100M000100Y4", "应为 18 位"},
		{"91350100I000100Y43", "第 9 位「I」不对"},
	} {
		err := ValidateCreditCode(bad.s)
		if err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%s: %v, want %q", bad.s, err, bad.msg)
		}
	}
}

func TestValidateApplicantIdentity(t *testing.T) {
	good := "11010519491231002X"
	wrongCheck := "110105194912310021"
	cases := []struct {
		s    string
		a    ApplicantType
		want string // "" ok, "warn" an IDWarning, else part of the error
	}{
		{"", NaturalPerson, ""},
		{good, NaturalPerson, ""},
		{good, LegalService, ""},
		{"91350100M000100Y43", LegalService, ""},
		{"91350100M000100Y43", Business, ""},
		{"91350100M000100Y43", NaturalPerson, "前 17 位只能是数字"},
		{"91350100M000100Y44", Business, "统一社会信用代码校验位不对"},
		{wrongCheck, NaturalPerson, "warn"},
		{"11010519491231002", NaturalPerson, "应为 18 位"},
		{"11010519491231002", Business, "法人或其他组织可填 18 位统一社会信用代码"},
	}
	for _, c := range cases {
		err := ValidateApplicantIdentity(c.s, c.a)
		var w *IDWarning
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s (%s): %v", c.s, c.a, err)
		case c.want == "warn" && !errors.As(err, &w):
			t.Errorf("%s (%s): %v, want a warning", c.s, c.a, err)
		case c.want != "" && c.want != "warn" && (err == nil || errors.As(err, &w) || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s (%s): %v, want an error with %q", c.s, c.a, err, c.want)
		}
	}
}
