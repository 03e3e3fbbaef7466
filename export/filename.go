package export

import (
	"strings"
	"unicode/utf8"
)

// maxFileNameBytes keeps every file name under the 255-byte limit of
// Linux file systems (UTF-8) and the 255-unit limit of NTFS and FAT, with
// room for a " (2)" a copy may add.
const maxFileNameBytes = 240

// SafeFileName joins stem and suffix (e.g. "（含个人信息）.json") into a file
// name every file system takes: characters Windows, FAT or Linux refuse
// become _, control characters are dropped, trailing dots and spaces (which
// Windows strips) go, and a stem too long is cut at a character boundary,
// ending in …, so the whole name fits in maxFileNameBytes.
func SafeFileName(stem, suffix string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(stem) {
		switch {
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			continue
		case strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.TrimRight(b.String(), ". ")
	if room := maxFileNameBytes - len(suffix); len(s) > room {
		room -= len("…")
		for room > 0 && !utf8.RuneStart(s[room]) {
			room--
		}
		s = s[:room] + "…"
	}
	name := s + suffix
	if windowsDeviceName(name) {
		// CON.docx or nul.json would open a device on Windows, not a file.
		name = "_" + name
	}
	return name
}

// windowsDeviceName reports whether Windows reads name as a device (CON,
// PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, in any case, with or without an
// extension, trailing spaces ignored), whatever the platform it runs on.
func windowsDeviceName(name string) bool {
	base := name
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return base[3] >= '0' && base[3] <= '9'
	}
	return false
}
