package components

import "strings"

// eighths are the left-aligned partial blocks ▏▎▍▌▋▊▉, one to seven
// eighths of a cell.
var eighths = []rune("▏▎▍▌▋▊▉")

// HBar draws n of peak as a horizontal bar of at most width cells in full
// blocks and one partial block, so 1 of 33 still shows a sliver; n ≤ 0 or
// peak ≤ 0 draws nothing. fill replaces the full block when not zero (░
// draws last year's bars).
func HBar(n, peak int64, width int, fill rune) string {
	if n <= 0 || peak <= 0 || width <= 0 {
		return ""
	}
	if n > peak {
		n = peak
	}
	e := int((n*int64(width)*8 + peak - 1) / peak) // eighths, rounded up
	full, rest := e/8, e%8
	if fill != 0 {
		if rest > 0 {
			full++
		}
		return strings.Repeat(string(fill), full)
	}
	s := strings.Repeat("█", full)
	if rest > 0 {
		s += string(eighths[rest-1])
	}
	return s
}
