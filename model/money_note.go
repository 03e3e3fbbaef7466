package model

import (
	"strings"
	"unicode"
)

// BareMoneyNote says how a bare number typed into a 万元 column was read
// when the amount is large enough that it was probably meant in 元
// (≥ 10000 万元, the N4 threshold): 「按万元读作 251000万元；如果是元，请写
// 成 251000元」. It is "" when the clerk typed a unit, the column is not in
// 万元, or the amount is plausible.
func BareMoneyNote(typed, unit string, fen int64) string {
	t := strings.TrimSpace(typed)
	if unit != "万元" || t == "" {
		return ""
	}
	last := []rune(t)[len([]rune(t))-1]
	if !unicode.IsDigit(last) && last != '.' {
		return "" // a unit (元, 万, 万元 …) was typed
	}
	if fen < 10000*1000000 { // 10000 万元 in fen
		return ""
	}
	return "按本栏单位「万元」读作 " + FormatMoney(fen, "万元") + " 万元；如果填的是元，请改写成「" + t + "元」"
}
