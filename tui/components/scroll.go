package components

// ScrollRange is the range [from, to) of n lines shown in h lines (at
// least one) from line top, top kept within the lines so that the last
// line shown is the last one at most.
func ScrollRange(n, top, h int) (from, to int) {
	h = max(1, h)
	from = max(0, min(top, n-h))
	return from, min(n, from+h)
}

// Scrolled is the part of lines ScrollRange shows; it changes nothing.
func Scrolled(lines []string, top, h int) []string {
	from, to := ScrollRange(len(lines), top, h)
	return lines[from:to]
}
