package model

import "unicode/utf8"

// MaxOrganName is the longest organ name accepted, in characters: the
// longest real names (e.g. 某某自治旗某某苏木人民政府办公室) are far shorter,
// and every exported file name starts with the name.
const MaxOrganName = 60

// OrganNameTooLong reports whether name exceeds MaxOrganName characters.
func OrganNameTooLong(name string) bool { return utf8.RuneCountInString(name) > MaxOrganName }

// ShortOrganName is name cut to fit a file name: at most MaxOrganName
// characters, the last one … when it was cut (names stored before the limit
// or read from another program's file may be longer).
func ShortOrganName(name string) string {
	if !OrganNameTooLong(name) {
		return name
	}
	r := []rune(name)
	return string(r[:MaxOrganName-1]) + "…"
}
