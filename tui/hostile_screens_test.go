package tui

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
)

// hostile is text an older version, a hand-edited database or another
// tool may have stored: a title-changing OSC sequence, a screen clear, a
// bidi override, zero-width marks, CRLF, CJK Extension B and emoji.
func hostile(s string) string {
	return s + "\x1b]0;被改的标题\x07\x1b[2J\u202e反\u202c\u200b\r\n𠀀𪚥👍🇨🇳"
}

// ownSGR matches the escape sequences the program's own styles write.
var ownSGR = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// TestEveryScreenDrawsStoredTextSafely opens an organ-year whose every text
// field holds hostile text and visits every section: no frame may carry an
// escape sequence other than the program's styles, a control character or
// an invisible/bidi character from the data, and every frame is exactly the
// terminal's size.
func TestEveryScreenDrawsStoredTextSafely(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	r := model.NewReport(0, 2021)
	r.Preamble = model.Preamble{Basis: hostile("依据"), Where: hostile("门户网站"), Text: hostile("前言")}
	for sec := 1; sec <= 6; sec++ {
		r.Blocks = append(r.Blocks, model.Block{Section: sec, Pos: 50, Kind: model.BlockParagraph, Text: hostile("段落")})
	}
	oy := &model.OrganYear{
		Organ:  model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship, Superior: hostile("旗"), Office: hostile("办公室"), Phone: "0470-1234567"},
		Report: r,
		Requests: []model.Request{{Received: model.NewDate(2021, 3, 1), Channel: model.ChannelOnline, Applicant: model.NaturalPerson,
			Summary: hostile("申请"), Notes: hostile("备注"), ExtApprovedBy: hostile("主任"),
			Personal: model.Personal{Name: hostile("张三"), Address: hostile("地址"), IDNumber: "15070219850612431\u200b9"},
			Outcome:  "o1", Answered: model.NewDate(2021, 3, 10)}},
		Cases:    []model.Case{{Year: 2021, Kind: model.CaseReview, Filed: model.NewDate(2021, 5, 1), Result: model.Upheld, Summary: hostile("复议")}},
		Measures: []model.Measure{{Year: 2021, Problem: hostile("问题"), Measure: hostile("措施"), Responsible: hostile("责任")}},
		Items: []model.DisclosureItem{{Year: 2021, Title: hostile("标题"), Published: model.NewDate(2021, 4, 1),
			Category: hostile("类别"), Channels: []string{hostile("渠道")}, Location: hostile("链接")}},
	}
	if err := st.SaveOrganYear(ctx, oy, false); err != nil {
		t.Fatal(err)
	}
	const w, hgt = 100, 30
	var h *harness
	check := func(after string) {
		t.Helper()
		frame := h.app.View().Content
		for _, ch := range ownSGR.ReplaceAllString(frame, "") {
			if ch != '\n' && (unicode.IsControl(ch) || unicode.Is(unicode.Cf, ch)) {
				t.Fatalf("after %s the frame holds %U from the data:\n%s", after, ch, h.screen())
			}
		}
		lines := strings.Split(frame, "\n")
		if len(lines) != hgt {
			t.Fatalf("after %s: %d lines", after, len(lines))
		}
		for i, l := range lines {
			if lw := ansi.StringWidth(l); lw != w {
				t.Fatalf("after %s: line %d is %d cells wide:\n%s", after, i, lw, h.screen())
			}
		}
	}
	// Each section in a fresh workstation on the same database: open the
	// organ's year, jump to the section, open its first entry and step
	// through the fields.
	for _, sec := range []string{"0", "1", "2", "3", "4", "5", "6", "i", "r", "c", "m", "f", "k", "e"} {
		h = appHarness(t, st, dir, w, hgt)
		check("start")
		h.key("enter") // the organ opens its only year
		h.mustSee("大雁镇人民政府 · 2021年")
		h.key(sec)
		check("section " + sec)
		for _, k := range []string{"enter", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab"} {
			h.key(k)
			check("section " + sec + " then " + k)
		}
		if testing.Verbose() {
			t.Logf("section %s, last frame:\n%s", sec, h.screen())
		}
	}
}
