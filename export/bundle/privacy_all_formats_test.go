package bundle_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"nianbao/export"
	"nianbao/export/bundle"
	"nianbao/export/summary"
	"nianbao/export/tujie"
	"nianbao/model"
)

// privacyYear is an organ-year as the store returns it WITH personal data
// (the worst case for an export): every personal field of every request,
// and the free texts that may name an applicant (request summary and
// notes, case summary), carry a unique marker.
func privacyYear() (*model.OrganYear, []string) {
	var markers []string
	mark := func(field string, i int) string {
		m := fmt.Sprintf("SIMI%s%02dQ", field, i)
		markers = append(markers, m)
		return m
	}
	r := model.NewReport(1, 2021)
	r.Preamble.Where = "鄂温克族自治旗人民政府门户网站"
	r.Date = model.NewDate(2022, 1, 15)
	r.Blocks = append(r.Blocks, model.Block{Section: 2, Kind: model.BlockParagraph, Text: "全年受理政府信息公开申请。"})
	outcomes := []string{"o1", "o2", "o3_4", "o4_1", "o5_2", "o6_1", "o6_2", "o1", ""}
	var reqs []model.Request
	for i, oc := range outcomes {
		q := model.Request{ID: int64(i + 1), OrganID: 1, Year: 2021, Serial: i + 1,
			Received: model.NewDate(2021, 1+i, 5), Channel: model.ChannelOnline, Applicant: model.NaturalPerson,
			Personal: model.Personal{Name: mark("NAME", i), Phone: mark("PHONE", i), IDNumber: mark("IDNO", i), Address: mark("ADDR", i)},
			Summary:  mark("SUMMARY", i), Notes: mark("NOTES", i), Outcome: oc}
		if oc != "" {
			q.Answered = model.NewDate(2021, 1+i, 20)
		}
		reqs = append(reqs, q)
	}
	reqs[3].FeeMethod, reqs[3].Fee, reqs[3].FeeNotice, reqs[3].FeePaid =
		model.FeePerRequest, 10000, model.NewDate(2021, 4, 10), model.NewDate(2021, 4, 12)
	return &model.OrganYear{
		Organ: model.Organ{ID: 1, Name: "大雁镇人民政府", Level: model.LevelTownship, Superior: "鄂温克族自治旗",
			Office: "大雁镇党政综合办公室", Phone: "0470-2382772", Portal: "鄂温克族自治旗人民政府门户网站"},
		Report:   r,
		Requests: reqs,
		Cases: []model.Case{
			{ID: 1, OrganID: 1, Year: 2021, Kind: model.CaseReview, Filed: model.NewDate(2021, 6, 1), Result: model.Upheld, Summary: mark("CASE", 0)},
			{ID: 2, OrganID: 1, Year: 2021, Kind: model.CaseDirectSuit, Filed: model.NewDate(2021, 8, 1), Result: model.Upheld, Summary: mark("CASE", 1)},
		},
	}, markers
}

var xmlTag = regexp.MustCompile(`<[^>]*>`)

// readable returns what a file holds as text a reader would find: every
// part of a zip container (docx, xlsx), GB18030 text decoded, and XML with
// its tags removed as well (a marker split across runs is still found).
func readable(t *testing.T, name string, data []byte) string {
	t.Helper()
	var parts []string
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, string(b), xmlTag.ReplaceAllString(string(b), ""))
		}
		return strings.Join(parts, "\n")
	}
	parts = append(parts, string(data), xmlTag.ReplaceAllString(string(data), ""))
	if dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil {
		parts = append(parts, string(dec))
	}
	return strings.Join(parts, "\n")
}

// TestNoPersonalDataInAnyPublicOutput is the one privacy test over every
// public output: the report in docx, html, xlsx, txt (UTF-8 and GB18030)
// and md and the 图解 (its html, and the text its PNG is drawn from) as the
// export writes them with their checksum list, the public
// bundle, and the county summary workbook. Zero markers may appear. The
// same search finds every marker in the full bundle and the internal
// request log workbook, so it would see a leak.
func TestNoPersonalDataInAnyPublicOutput(t *testing.T) {
	oy, markers := privacyYear()
	dir := t.TempDir()
	now := time.Date(2022, 1, 18, 9, 0, 0, 0, time.UTC)
	for i, enc := range []string{"", export.EncodingGB18030} {
		out := filepath.Join(dir, fmt.Sprintf("run%d", i))
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := export.Run(context.Background(), oy, export.Options{Formats: []string{"docx", "html", "xlsx", "txt", "md", export.FormatTujie},
			Dir: out, Encoding: enc, Version: "test", Now: now, Draft: true}, nil); err != nil {
			t.Fatalf("export: %v", err)
		}
	}
	pub, err := bundle.Write(dir, oy, bundle.Public)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(filepath.Base(pub.Path), "个人信息") {
		t.Fatalf("public bundle named as holding personal data: %s", pub.Path)
	}
	// The county's workbook, aggregated from the public bundle as a county
	// gets it.
	county := t.TempDir()
	if _, err := bundle.Write(county, oy, bundle.Public); err != nil {
		t.Fatal(err)
	}
	agg, err := summary.Aggregate(context.Background(), county, 2021, nil, summary.ReadOptions{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	agg.Close()
	if agg.Counted != 1 {
		t.Fatalf("the county workbook counted %d organs, want the one", agg.Counted)
	}

	// The 图解's PNG is pixels: search the text it is drawn from.
	var drawn []string
	for _, it := range tujie.PageScene(tujie.Build(tujie.Input{OY: oy, Calendar: model.DefaultCalendar(), Draft: true})).Items {
		drawn = append(drawn, it.Text)
	}
	if err := os.WriteFile(filepath.Join(dir, "tujie-png-text.txt"), []byte(strings.Join(drawn, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}

	files, hits := 0, 0
	seenReport := map[string]bool{}
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		text := readable(t, p, data)
		if strings.Contains(text, "大雁镇") {
			seenReport[filepath.Ext(p)] = true
		}
		for _, m := range markers {
			if strings.Contains(text, m) {
				hits++
				t.Errorf("personal data %s found in %s", m, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".docx", ".html", ".xlsx", ".txt", ".md", ".json"} {
		if !seenReport[ext] {
			t.Errorf("no %s output holds the organ's name: the search looked at empty files", ext)
		}
	}
	if files < 14 {
		t.Fatalf("only %d files searched", files)
	}
	t.Logf("privacy: %d markers × %d public files, %d hits", len(markers), files, hits)

	// The search finds every marker where personal data belongs.
	full, err := bundle.Write(t.TempDir(), oy, bundle.Full)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(filepath.Base(full.Path), "（含个人信息）") {
		t.Fatalf("full bundle not named as holding personal data: %s", full.Path)
	}
	fullData, err := os.ReadFile(full.Path)
	if err != nil {
		t.Fatal(err)
	}
	log, err := export.RequestLogWorkbook(oy.Requests, oy.Report.Format(), model.DefaultCalendar())
	if err != nil {
		t.Fatal(err)
	}
	fullText := readable(t, "full bundle", fullData)
	logText := readable(t, "request log", log)
	for _, m := range markers {
		if strings.HasPrefix(m, "SIMICASE") {
			if !strings.Contains(fullText, m) {
				t.Errorf("the full bundle lacks %s: the search would miss a leak", m)
			}
			continue
		}
		if !strings.Contains(fullText, m) && !strings.Contains(logText, m) {
			t.Errorf("neither the full bundle nor the request log holds %s: the search would miss a leak", m)
		}
	}
}

// TestFullBundleNeedsExplicitKind: there is no default kind that carries
// personal data; an unnamed kind is refused.
func TestFullBundleNeedsExplicitKind(t *testing.T) {
	oy, _ := privacyYear()
	if _, err := bundle.Encode(oy, ""); err == nil {
		t.Fatalf("a bundle without a chosen kind was written")
	}
	if _, err := bundle.Write(t.TempDir(), oy, bundle.Kind("完整")); err == nil {
		t.Fatalf("a bundle of an unknown kind was written")
	}
}
