package components

import (
	"fmt"
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

// HumanBytes prints a size or free space in B, KB, MB or GB (binary
// multiples, one decimal).
func HumanBytes(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
