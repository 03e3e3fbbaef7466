package bundle

// compactValid returns src without the whitespace outside strings: for JSON
// already known to be valid it gives the same bytes as json.Compact, which
// is what the checksum covers. It exists for speed: json.Compact runs the
// full JSON state machine over every byte, and a county's aggregation
// compacts thousands of payloads that its decoder has just validated. The
// only states that matter are inside a string or not, and after a
// backslash inside one. dst is reused when it is large enough.
func compactValid(dst, src []byte) []byte {
	dst = dst[:0]
	inString, escaped := false, false
	start := 0 // the first byte of src not yet copied
	for i, c := range src {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			dst = append(dst, src[start:i]...)
			start = i + 1
		}
	}
	return append(dst, src[start:]...)
}
