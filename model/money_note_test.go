package model

import (
	"strings"
	"testing"
)

func TestBareMoneyNote(t *testing.T) {
	v, _ := ParseMoney("251000", "万元")
	if n := BareMoneyNote("251000", "万元", v); !strings.Contains(n, "251000 万元") || !strings.Contains(n, "「251000元」") {
		t.Fatalf("note %q", n)
	}
	for _, c := range []struct{ typed, unit string }{{"12.5", "万元"}, {"251000元", "万元"}, {"251000万", "万元"}, {"251000", "元"}} {
		v, err := ParseMoney(c.typed, c.unit)
		if err != nil {
			t.Fatal(err)
		}
		if n := BareMoneyNote(c.typed, c.unit, v); n != "" {
			t.Errorf("%s in %s: note %q", c.typed, c.unit, n)
		}
	}
}
