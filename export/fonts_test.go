package export

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestFontFamiliesReadsNameTables reads the family names of an installed
// font collection the way Windows machines are scanned (no fontconfig):
// AR PL UKai's collection names its Simplified Chinese face.
func TestFontFamiliesReadsNameTables(t *testing.T) {
	const path = "/usr/share/fonts/truetype/arphic/ukai.ttc"
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Println("SKIP: fonts-arphic-ukai not installed (apt-get install fonts-arphic-ukai)")
		t.Skipf("%s not installed (apt-get install fonts-arphic-ukai)", path)
	}
	got := strings.Join(fontFamilies(data), "|")
	if !strings.Contains(got, "AR PL UKai CN") {
		t.Errorf("families of %s: %s", path, got)
	}
	if fontFamilies([]byte("not a font")) != nil || fontFamilies(data[:20]) != nil {
		t.Error("a damaged font file must give no names")
	}
}

// TestChooseFontsFollowsTheOfficialOrder: each part takes the first face
// of its chain that is installed, and every replaced official face is
// named in the note with its substitute.
func TestChooseFontsFollowsTheOfficialOrder(t *testing.T) {
	all := map[string]bool{"方正小标宋简体": true, "仿宋_gb2312": true, "黑体": true, "楷体_gb2312": true, "宋体": true}
	if c := ChooseFonts(all); c.Fonts != officialFonts || c.FontNote() != "" {
		t.Errorf("with every official face: %+v, note %q", c.Fonts, c.FontNote())
	}
	windows := map[string]bool{"simsun": true, "fangsong": true, "simhei": true, "kaiti": true, "宋体": true, "仿宋": true, "黑体": true, "楷体": true}
	c := ChooseFonts(windows)
	if c.Fonts.Body != "仿宋" || c.Fonts.Heading2 != "楷体" || c.Fonts.Title != "宋体" || c.Fonts.Heading1 != "黑体" {
		t.Errorf("a plain Windows machine: %+v", c.Fonts)
	}
	note := c.FontNote()
	for _, want := range []string{"「仿宋_GB2312」，PDF 改用「仿宋」", "「楷体_GB2312」，PDF 改用「楷体」", "「方正小标宋简体」，PDF 改用「宋体」", "Word/WPS"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q: %s", want, note)
		}
	}
	if c := ChooseFonts(map[string]bool{}); c.Fonts != officialFonts || !strings.Contains(c.FontNote(), "没有可代替的中文字体") {
		t.Errorf("no Chinese face at all: %+v %q", c.Fonts, c.FontNote())
	}
}
