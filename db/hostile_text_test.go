package db

import (
	"context"
	"strings"
	"testing"

	"nianbao/model"
)

// hostileText is text the store must keep byte for byte: escape sequences,
// control and bidi characters, CRLF, CJK Extension B and emoji. (The entry
// screens clean what is typed and the views never draw such characters; the
// store itself neither loses nor rewrites anything.)
var hostileText = []string{
	"大雁镇\x1b]0;被改的标题\x07人民政府",
	"前\x1b[2J\x1b[H后\x1b[31m红\x1b[0m",
	"a\x00b\x07c\x08d\x7fe\u009b31m",
	"张三\u202e四李\u202c\u2066x\u2069",
	"身\u200b份\ufeff证\u00ad号",
	"第一行\r\n第二行\r第三行\n",
	"𠀀𪚥𡃁 姓名用字",
	"好👍🇨🇳👍🏻👨\u200d👩\u200d👧",
}

func TestHostileTextRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, path := openTest(t)
	all := strings.Join(hostileText, "|")
	// A 1 MB line without a break.
	mega := strings.Repeat("政府信息公开𠀀👍", 1<<20/len("政府信息公开𠀀👍")+1)

	o := model.Organ{Name: "𪚥" + hostileText[0], Level: model.LevelTownship, Office: all}
	if err := s.SaveOrgan(ctx, &o); err != nil {
		t.Fatalf("SaveOrgan: %v", err)
	}
	r := model.NewReport(o.ID, 2021)
	if err := s.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	var blocks []model.Block
	for i, txt := range append(append([]string{}, hostileText...), mega) {
		b := model.Block{Section: 1 + i%6, Pos: 100 + i, Kind: model.BlockParagraph, Text: txt}
		if err := s.SaveBlock(ctx, r.ID, &b); err != nil {
			t.Fatalf("SaveBlock %d: %v", i, err)
		}
		blocks = append(blocks, b)
	}
	var reqs []model.Request
	for i, txt := range hostileText {
		q := model.Request{OrganID: o.ID, Received: model.NewDate(2021, 3, 1+i), Applicant: model.NaturalPerson,
			Summary: txt, Notes: mega[:3*1000] + txt,
			Personal: model.Personal{Name: "𠀀" + txt, Phone: txt, IDNumber: "15070219850612431\u200b9", Address: txt}}
		if err := s.SaveRequest(ctx, &q); err != nil {
			t.Fatalf("SaveRequest %d: %v", i, err)
		}
		reqs = append(reqs, q)
	}
	m := model.Measure{OrganID: o.ID, Year: 2021, Problem: all, Measure: mega, Responsible: hostileText[6]}
	if err := s.SaveMeasure(ctx, &m); err != nil {
		t.Fatalf("SaveMeasure: %v", err)
	}
	s.Close()

	// Read everything back through a fresh open.
	s2, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Organ(ctx, o.ID)
	if err != nil || got.Name != o.Name || got.Office != all {
		t.Fatalf("organ came back as %q / %q (%v)", got.Name, got.Office, err)
	}
	if byName, err := s2.OrganByName(ctx, o.Name); err != nil || byName.ID != o.ID {
		t.Fatalf("OrganByName with Extension B and escapes: %+v, %v", byName, err)
	}
	rep, err := s2.Report(ctx, o.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]model.Block{}
	for _, b := range rep.Blocks {
		byID[b.ID] = b
	}
	for i, b := range blocks {
		if byID[b.ID].Text != b.Text {
			t.Errorf("block %d: %d bytes came back as %d bytes", i, len(b.Text), len(byID[b.ID].Text))
		}
	}
	for i, q := range reqs {
		g, err := s2.Request(ctx, q.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		if g.Summary != q.Summary || g.Notes != q.Notes || g.Personal != q.Personal {
			t.Errorf("request %d came back changed: %q %+v", i, g.Summary, g.Personal)
		}
	}
	ms, err := s2.Measures(ctx, o.ID, 2021)
	if err != nil || len(ms) != 1 || ms[0].Problem != all || ms[0].Measure != mega || ms[0].Responsible != hostileText[6] {
		t.Fatalf("measure came back changed (%v)", err)
	}
	// The invisible character inside the stored ID number is still there
	// for the form's check to catch (model.ValidateIDNumber).
	g, _ := s2.Request(ctx, reqs[0].ID, true)
	if err := model.ValidateIDNumber(g.Personal.IDNumber); err == nil || !strings.Contains(err.Error(), "看不见的字符") {
		t.Fatalf("ID number with a zero-width space passed: %v", err)
	}
}
