package bundle

import (
	"bytes"
	"encoding/json"
	"testing"
)

// compactTexts are valid JSON texts that trip a naive whitespace strip:
// strings holding spaces, escaped quotes and backslashes, a string ending
// in a backslash, escapes for line breaks, Chinese text, numbers, nesting.
var compactTexts = []string{
	`{}`, ` [ ] `, `"a b"`, `  12.5e-3 `, `true`, `null`,
	"{\n  \"a\" : [ 1 , 2 ,\t3 ],\r\n  \"b\" : \"x \\\" y\"\n}",
	`{"k": "ends in backslash \\", "n": "tab\tno, escape \t and \\\" and \"quoted\" "}`,
	`[ "大雁镇 人民政府", "一、 总体情况", "\u3000全角空格", " \\\\ " , {"x" : { "y" : [ ] } } ]`,
}

// checkCompact fails when compactValid and json.Compact disagree on a
// valid text; it skips a text that is not valid JSON.
func checkCompact(t *testing.T, s []byte) {
	t.Helper()
	var want bytes.Buffer
	if json.Compact(&want, s) != nil {
		return
	}
	if got := compactValid(nil, s); !bytes.Equal(got, want.Bytes()) {
		t.Errorf("compactValid(%.60q)\n got %.200q\nwant %.200q", s, got, want.Bytes())
	}
}

// compactValid must give json.Compact's bytes for every valid JSON text, or
// a sound bundle would fail its checksum: the tricky texts above, and
// bundles of both kinds as written and re-indented with tabs and CRLF.
func TestCompactValidMatchesJSONCompact(t *testing.T) {
	for _, s := range compactTexts {
		if !json.Valid([]byte(s)) {
			t.Fatalf("not valid JSON in the test: %q", s)
		}
		checkCompact(t, []byte(s))
	}
	for _, k := range []Kind{Public, Full} {
		data, err := Encode(fixture(), k)
		if err != nil {
			t.Fatal(err)
		}
		var tabs bytes.Buffer
		if err := json.Indent(&tabs, bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")), "", "\t"); err != nil {
			t.Fatal(err)
		}
		checkCompact(t, data)
		checkCompact(t, tabs.Bytes())
	}
}

func FuzzCompactValid(f *testing.F) {
	for _, s := range compactTexts {
		f.Add([]byte(s))
	}
	f.Fuzz(checkCompact)
}
