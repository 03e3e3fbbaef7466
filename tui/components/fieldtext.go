package components

import (
	"strconv"

	"nianbao/model"
)

// CountText is what a count field shows for a stored count: blank for 0,
// so that the clerk types into an empty field.
func CountText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// MoneyText is what a money field shows for an amount in fen: blank for 0,
// else the amount in 元 without the unit word.
func MoneyText(fen int64) string {
	if fen == 0 {
		return ""
	}
	return model.FormatMoney(fen, "元")
}
