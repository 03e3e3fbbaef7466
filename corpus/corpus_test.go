package corpus

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"nianbao/export/bundle"
	"nianbao/model"
)

var update = flag.Bool("update", false, "rewrite each report.json from source.txt and write the findings to expected.got.txt for review")

// bundled is the creation time written into every corpus bundle, so that
// -update rewrites them byte for byte.
var bundled = time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

func loadAll(t *testing.T) []*Report {
	t.Helper()
	rs, err := LoadAll("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// justification maps each expected finding to the comment lines under it.
func justification(t *testing.T, dir string) map[string][]string {
	data, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	cur := ""
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case strings.HasPrefix(l, "#"):
			if cur != "" {
				out[cur] = append(out[cur], l)
			}
		default:
			cur = l
		}
	}
	return out
}

// bundled writes (with -update) and reads back the report's bundle and
// checks that it holds what source.txt transcribes.
func (r *Report) bundled(t *testing.T, name string) *model.OrganYear {
	t.Helper()
	path := filepath.Join(r.Dir, "report.json")
	if *update {
		data, err := bundle.EncodeAt(r.OY, bundle.Public, bundled)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (run go test ./corpus -update)", name, err)
	}
	oy, _, err := bundle.Decode(data)
	if err != nil {
		t.Fatalf("%s: bundle: %v", name, err)
	}
	if d := bundle.Diff(r.OY, oy); len(d) > 0 {
		t.Errorf("%s: the bundle differs from source.txt: %v", name, d)
	}
	if model.PreambleText(oy) != model.PreambleText(r.OY) {
		t.Errorf("%s: the bundle's preamble differs from source.txt", name)
	}
	for i, b := range oy.Report.Blocks {
		if i >= len(r.OY.Report.Blocks) || b.Text != r.OY.Report.Blocks[i].Text || b.Section != r.OY.Report.Blocks[i].Section {
			t.Errorf("%s: paragraph %d of the bundle differs from source.txt", name, i+1)
			break
		}
	}
	return oy
}

// TestCorpus: each real report, read from its bundle, gets exactly the
// findings its expected.txt lists; the bundle holds what source.txt
// transcribes; every expected finding is justified, and the false ones
// (justified 「# 误报」) stay within the goal: no false 错误, at most one
// false 提示 per report.
func TestCorpus(t *testing.T) {
	rs := loadAll(t)
	if len(rs) < 10 {
		t.Fatalf("%d reports in the corpus, want at least 10", len(rs))
	}
	var formats = map[string]int{}
	full := map[string]int{}
	for _, r := range rs {
		name := filepath.Base(r.Dir)
		formats[r.OY.Report.Format().ID]++
		if r.Full() {
			full[r.OY.Report.Format().ID]++
		}
		var oy *model.OrganYear
		if f, want := r.OY.Report.Format(), model.FormatForYear(r.OY.Report.Year); want != nil && f.ID != want.ID {
			// Printed on the other format's tables: the program never
			// makes such a report, and a bundle of it is refused, so the
			// checks read it as source.txt gives it (no report.json).
			_, err := bundle.EncodeAt(r.OY, bundle.Public, bundled)
			if err == nil || !strings.Contains(err.Error(), want.Name) {
				t.Errorf("%s: a %d report on the %s tables: the bundle should refuse it naming the %s tables, got %v", name, r.OY.Report.Year, f.Name, want.Name, err)
			}
			oy = r.OY
		} else {
			oy = r.bundled(t, name)
		}
		var got []string
		for _, f := range r.Check(oy) {
			got = append(got, Line(f))
		}
		if *update {
			os.WriteFile(filepath.Join(r.Dir, "expected.got.txt"), []byte(strings.Join(got, "\n")+"\n"), 0o644)
			continue
		}
		want, err := ReadExpected(r.Dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: findings differ from expected.txt\n got:\n  %s\nwant:\n  %s", name, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		just := justification(t, r.Dir)
		falseErr, falseWarn := 0, 0
		for _, w := range want {
			j := just[w]
			if len(j) == 0 {
				t.Errorf("%s: expected finding without a justification: %s", name, w)
				continue
			}
			if strings.HasPrefix(j[0], "# 误报") {
				if strings.Contains(w, " 错误 ") {
					falseErr++
				} else {
					falseWarn++
				}
			}
		}
		if falseErr > 0 || falseWarn > 1 {
			t.Errorf("%s: %d false 错误 and %d false 提示 (goal: 0 and at most 1)", name, falseErr, falseWarn)
		}
		t.Logf("%-28s %s  findings %d, false 错误 %d, false 提示 %d", name, r.OY.Report.Format().Name, len(want), falseErr, falseWarn)
	}
	if formats["2021"] < 7 || formats["2019"] < 2 {
		t.Errorf("formats %v: want at least 7 reports in the 2021 format and 2 in the 2019 format", formats)
	}
	// The full reports (every section and cell) are what the table rules are
	// measured on; none may be lost.
	t.Logf("full reports: %d in the 2021 format, %d in the 2019 format; excerpts: %d", full["2021"], full["2019"], len(rs)-full["2021"]-full["2019"])
	if full["2021"] < 5 || full["2019"] < 3 {
		t.Errorf("full reports %v: the corpus holds 5 in the 2021 format and 3 in the 2019 format", full)
	}
}

// TestMutants: in every corpus report each kind of planted contradiction
// is raised by some rule; overall at least 95 % are found.
func TestMutants(t *testing.T) {
	rs := loadAll(t)
	total, found := 0, 0
	perKind := map[string][2]int{}
	perRule := map[string]int{}
	for _, r := range rs {
		base := r.Baseline()
		for _, m := range r.Mutants() {
			ok, rules := Detected(base, m.OY)
			total++
			k := perKind[m.Kind]
			k[0]++
			if ok {
				found++
				k[1]++
				for _, rule := range rules {
					perRule[rule]++
				}
			} else {
				t.Logf("missed: %s %s: %s", filepath.Base(r.Dir), m.Kind, m.What)
			}
			perKind[m.Kind] = k
		}
	}
	var kinds []string
	for k := range perKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("mutants %-8s planted %d, found %d", k, perKind[k][0], perKind[k][1])
	}
	var rules []string
	for r := range perRule {
		rules = append(rules, fmt.Sprintf("%s %d", r, perRule[r]))
	}
	sort.Strings(rules)
	t.Logf("found by: %s", strings.Join(rules, ", "))
	t.Logf("recall: %d of %d planted contradictions found (%.1f%%)", found, total, 100*float64(found)/float64(total))
	if total < 3*len(rs) {
		t.Errorf("%d mutants for %d reports, want at least 3 each", total, len(rs))
	}
	if found*100 < total*95 {
		t.Errorf("recall %d/%d is below 95%%", found, total)
	}
}
