package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"nianbao/demo"
)

// hostile holds what a crafted bundle or file name may carry: an OSC title
// change, an OSC 52 clipboard write, a screen clear, a C1 CSI, a bidi
// override, a zero-width space, a BEL and a backspace.
const hostile = "甲\x1b]0;被改的标题\x07乙\x1b]52;c;ZWNobyBwd25lZA==\x07丙\x1b[2J\x1b[H丁\u009b31m戊\u202e己\u200b庚\x08辛"

// badRune reports the first character that must not reach a terminal from
// data: an escape, a control (other than a line break), a bidi control or a
// zero-width/format character.
func badRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n':
		case r == 0x1b, r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			return r, true
		case unicode.Is(unicode.Cf, r):
			return r, true
		}
	}
	return 0, false
}

// Item 11: hostile names and values fed through every subcommand; nothing
// of them but plain text reaches stdout or stderr.
func TestNoEscapeReachesTheTerminal(t *testing.T) {
	p := demoDB(t)
	in := t.TempDir()
	// A file name with escapes and a bundle whose fields carry them (JSON
	// escapes decode to the raw characters).
	os.WriteFile(filepath.Join(in, hostile+".json"), []byte(`{"magic":"`+strings.ReplaceAll(jsonEsc(hostile), `"`, `\"`)+`","organ":"`+jsonEsc(hostile)+`"}`), 0o600)
	os.WriteFile(filepath.Join(in, "报送包"+hostile+".json"), []byte("\x1b]0;x\x07{not json "+hostile), 0o600)
	out := t.TempDir()
	hostileDir := filepath.Join(t.TempDir(), hostile)
	os.MkdirAll(hostileDir, 0o700)
	files, _ := filepath.Glob(filepath.Join(in, "*.json"))
	runs := [][]string{
		{"aggregate", "--in", in, "--year", "2021", "--out", out},
		append([]string{"bundle", "import", "--db", p}, files...),
		{"bundle", "export", "--organ", hostile, "--year", "2021", "--out", out, "--db", p},
		{"check", "--organ", hostile, "--year", "2021", "--db", p},
		{"check", "--organ", demo.OrganName, "--year", "2021", "--db", filepath.Join(hostileDir, "x.db")},
		{"export", "--organ", hostile, "--year", "2021", "--out", out, "--db", p},
		{"export", "--organ", demo.OrganName, "--year", "2021", "--out", hostileDir + "/不存在", "--db", p},
		{"info", "--db", filepath.Join(hostileDir, "x.db")},
		{"restore", "--from", filepath.Join(in, hostile+".json"), "--db", filepath.Join(hostileDir, "x.db")},
		{"backup", "--db", hostileDir},
		{"newyear", "--organ", hostile, "--from", "2021", "--db", p},
		{"letter", "--organ", hostile, "--db", p},
		{"ledger", "import", "--organ", hostile, "--db", p, filepath.Join(in, hostile+".json")},
		{"demo", "--db", filepath.Join(in, hostile+".json")},
		{hostile},
		{"help", hostile},
		{"--db", p, hostile},
	}
	for _, c := range commands {
		runs = append(runs, []string{c.name, hostile}, []string{c.name, "--" + hostile})
	}
	for _, args := range runs {
		r := runBin(t, args...)
		for name, s := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
			if ch, bad := badRune(s); bad {
				t.Errorf("%q: %s carries U+%04X:\n%q", args, name, ch, s)
			}
		}
	}
}

func jsonEsc(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || unicode.Is(unicode.Cf, r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
