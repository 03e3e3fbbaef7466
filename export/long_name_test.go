package export

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"nianbao/model"
)

// Item 15: an organ name far longer than any real one (stored before names
// were limited, or from another program) still exports: every file name is
// shortened at a character boundary and fits the file system.
func TestLongOrganNameExports(t *testing.T) {
	oy := fixture2021()
	oy.Organ.Name = strings.Repeat("某某县某某局某某办公室", 500) // 5,500 characters
	dir := t.TempDir()
	res, err := Run(context.Background(), oy, Options{Formats: []string{"docx", "html", "txt", "md"}, Dir: dir, Version: "test",
		Now: time.Date(2023, 1, 20, 9, 0, 0, 0, time.UTC)}, nil)
	if err != nil {
		t.Fatalf("export with a long organ name: %v", err)
	}
	for _, f := range append(res.Files, res.Manifest) {
		name := f.Path[len(dir)+1:]
		if len(name) > 255 || !utf8.ValidString(name) {
			t.Fatalf("file name of %d bytes (valid UTF-8 %v): %q", len(name), utf8.ValidString(name), name)
		}
		if _, err := os.Stat(f.Path); err != nil {
			t.Fatal(err)
		}
	}
	if n := res.Files[0].Path; !strings.Contains(n, "…2022年政府信息公开工作年度报告.docx") && !strings.Contains(n, "…2021年政府信息公开工作年度报告.docx") {
		t.Fatalf("the shortened name lost its year or format: %s", n)
	}
}

func TestSafeFileName(t *testing.T) {
	cases := []struct{ stem, suffix, want string }{
		{"大雁镇人民政府2021年", ".docx", "大雁镇人民政府2021年.docx"},
		{"a/b\\c:d*e?f\"g<h>i|j", ".txt", "a_b_c_d_e_f_g_h_i_j.txt"},
		{"名称\x1b[2J\u0085. ", ".md", "名称[2J.md"},
	}
	for _, c := range cases {
		if got := SafeFileName(c.stem, c.suffix); got != c.want {
			t.Errorf("SafeFileName(%q, %q) = %q, want %q", c.stem, c.suffix, got, c.want)
		}
	}
	long := SafeFileName(strings.Repeat("政", 200), "（含个人信息）.json")
	if len(long) > maxFileNameBytes || !strings.HasSuffix(long, "…（含个人信息）.json") || !utf8.ValidString(long) {
		t.Fatalf("long name %d bytes: %q", len(long), long)
	}
	if model.ShortOrganName(strings.Repeat("局", 61)) != strings.Repeat("局", 59)+"…" || model.ShortOrganName("大雁镇人民政府") != "大雁镇人民政府" {
		t.Fatal("ShortOrganName")
	}
}
