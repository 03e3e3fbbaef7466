package desk

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

// demoStore opens a new database in a temp folder with the demo data.
func demoDesk(t *testing.T) *Store { return loadedDesk(t, 0, 1) }

// demoOrgan is a demo store, the calendar and the demo organ (which has a
// 2021 report).
func demoOrgan(t *testing.T) (*Store, *model.Calendar, model.Organ) {
	t.Helper()
	st := demoDesk(t)
	o, err := st.FindYear(context.Background(), DemoOrganName, 2021)
	if err != nil {
		t.Fatal(err)
	}
	return st, model.DefaultCalendar(), o
}

// loadedDesk is a store in a new file holding the demo and a generated log
// of bulk requests (LoadDemo).
func loadedDesk(t *testing.T, bulk int, seed uint64) *Store {
	t.Helper()
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "nianbao.db"), Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.LoadDemo(ctx, bulk, seed); err != nil {
		t.Fatal(err)
	}
	return st
}

var snapToday = model.NewDate(2022, 1, 15)

func openDemo2021(t *testing.T, st *Store) *Year {
	t.Helper()
	ctx := context.Background()
	o, err := st.FindYear(ctx, DemoOrganName, 2021)
	if err != nil {
		t.Fatal(err)
	}
	y, err := st.OpenYear(ctx, o.ID, 2021, model.DefaultCalendar(), snapToday)
	if err != nil {
		t.Fatal(err)
	}
	return y
}

func TestOpenYearComputesDerivedDataOnce(t *testing.T) {
	st := demoDesk(t)
	y := openDemo2021(t, st)
	oy := y.OrganYear()
	if len(oy.Requests) == 0 {
		t.Fatal("the demo 2021 year has requests")
	}
	for _, q := range oy.Requests {
		if !q.Personal.IsZero() {
			t.Fatal("a snapshot must not carry personal data")
		}
	}
	f := y.Report().Format()
	if got, want := y.S3(), model.ComputeS3(f, 2021, oy.Requests); len(got) != len(want) {
		t.Fatalf("table 三: %d cells, want %d", len(got), len(want))
	} else {
		for a, v := range want {
			if got[a] != v {
				t.Fatalf("table 三 %v = %d, want %d", a, got[a], v)
			}
		}
	}
	if y.LogFees().Sum != model.FeesOfYear(2021, oy.Requests) {
		t.Fatalf("fees %+v", y.LogFees())
	}
	if y.LogFees().PerRequest == 0 {
		t.Fatal("the demo charges fees per request")
	}
	if o := y.Overview(); o.PerMonth == [12]int{} {
		t.Fatal("overview counts no request")
	}
	want := model.Check(oy, model.DefaultCalendar(), snapToday)
	if len(y.Findings()) != len(want) || len(want) == 0 {
		t.Fatalf("%d findings, want %d (the demo has warnings)", len(y.Findings()), len(want))
	}
	byCell := 0
	for _, fd := range want {
		if fd.Cell == (model.CellAddress{}) {
			continue
		}
		byCell++
		found := false
		for _, g := range y.FindingsAt(fd.Cell) {
			if g.Rule == fd.Rule && g.Message == fd.Message {
				found = true
			}
		}
		if !found {
			t.Fatalf("finding %s at %v not indexed", fd.Rule, fd.Cell)
		}
	}
	if len(y.FindingsAt(model.Addr("nope", "nope", "nope"))) != 0 {
		t.Fatal("a cell without findings has none")
	}
	t.Logf("%d findings, %d at cells", len(want), byCell)
}

func TestWithSectionBlocksLeavesTheSnapshotAlone(t *testing.T) {
	st := demoDesk(t)
	y := openDemo2021(t, st)
	before := append([]model.Block(nil), y.Report().Blocks...)
	bs := []model.Block{{Section: 5, Kind: model.BlockParagraph, Text: "新的第五部分"}}
	n := y.WithSectionBlocks(5, bs)
	if len(y.Report().Blocks) != len(before) {
		t.Fatal("the old snapshot changed")
	}
	for i := range before {
		if y.Report().Blocks[i] != before[i] {
			t.Fatal("the old snapshot's blocks changed")
		}
	}
	got := n.Report().SectionBlocks(5)
	if len(got) != 1 || got[0].Text != "新的第五部分" {
		t.Fatalf("section 五 of the new snapshot: %+v", got)
	}
	if len(n.Report().SectionBlocks(1)) != len(y.Report().SectionBlocks(1)) {
		t.Fatal("other sections must stay")
	}
	// The findings are checked again on the new text; the old snapshot
	// keeps its own.
	want := model.Check(n.OrganYear(), n.Calendar(), n.Today())
	if len(n.Findings()) != len(want) {
		t.Fatalf("%d findings after the edit, want %d", len(n.Findings()), len(want))
	}
	if n.S3() == nil || len(n.S3()) != len(y.S3()) {
		t.Fatal("table 三 is shared")
	}
	// Edit copies the typed values: the old snapshot's stay.
	a := model.Addr(model.TableS2Item1, model.RowNormativeDocs, "in_force")
	old := y.Report().Values[a]
	e := y.Edit(func(oy *model.OrganYear) { oy.Report.Values[a] = old + 7; oy.Organ.Phone = "0470-1111111" })
	if y.Report().Values[a] != old || e.Report().Values[a] != old+7 {
		t.Fatalf("values: old snapshot %d, new %d", y.Report().Values[a], e.Report().Values[a])
	}
	if y.OrganYear().Organ.Phone == "0470-1111111" || e.OrganYear().Organ.Phone != "0470-1111111" {
		t.Fatal("the organ is the new snapshot's own")
	}
	// Sections stay in order: 六 comes after the new 五.
	last5, first6 := -1, -1
	for i, b := range n.Report().Blocks {
		if b.Section == 5 {
			last5 = i
		}
		if b.Section == 6 && first6 < 0 {
			first6 = i
		}
	}
	if first6 >= 0 && first6 < last5 {
		t.Fatal("section 五 placed after 六")
	}
}

func TestExportGateRefusesErrorsButWritesDrafts(t *testing.T) {
	st := demoDesk(t)
	ctx := context.Background()
	y := openDemo2021(t, st)
	if len(y.Errors()) != 0 {
		t.Fatalf("the demo has no errors: %+v", y.Errors())
	}
	dir := t.TempDir()
	res, err := st.Export(ctx, y, ExportOptions{Formats: []string{"txt", "html"}, Dir: dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 2 || res.Manifest.Path == "" {
		t.Fatalf("files %+v manifest %q", res.Files, res.Manifest.Path)
	}
	txt, err := os.ReadFile(res.Files[0].Path)
	if err != nil || !strings.Contains(string(txt), DemoOrganName) || strings.Contains(string(txt), "草稿") {
		t.Fatalf("read back the formal txt: %v %.80q", err, txt)
	}

	// A negative count breaks rule I4, an error: the formal export is
	// refused and nothing is written; a draft goes through, marked 草稿.
	if err := st.SetValue(ctx, y.Report().ID, model.Addr(model.TableS2Item5, model.RowLicensing, "decisions"), -1); err != nil {
		t.Fatal(err)
	}
	bad := openDemo2021(t, st)
	if len(bad.Errors()) == 0 {
		t.Fatal("a negative count must be an error")
	}
	dir2 := t.TempDir()
	_, err = st.Export(ctx, bad, ExportOptions{Formats: []string{"txt"}, Dir: dir2}, nil)
	var blocked *BlockedError
	if !errors.As(err, &blocked) || len(blocked.Errors) != len(bad.Errors()) {
		t.Fatalf("want BlockedError, got %v", err)
	}
	if ents, _ := os.ReadDir(dir2); len(ents) != 0 {
		t.Fatalf("a refused export wrote %d files", len(ents))
	}
	res, err = st.Export(ctx, bad, ExportOptions{Formats: []string{"txt"}, Dir: dir2, Draft: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	txt, _ = os.ReadFile(res.Files[0].Path)
	if !strings.Contains(string(txt), "草稿") {
		t.Fatal("a draft must say 草稿")
	}
}

func TestStartYearFromThePreviousYear(t *testing.T) {
	st := demoDesk(t)
	ctx := context.Background()
	o, err := st.FindOrgan(ctx, DemoOrganName)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.StartYear(ctx, o, 2021, true); err == nil || !strings.Contains(err.Error(), "已经有2021年") {
		t.Fatalf("an existing year must be refused: %v", err)
	}
	ny, err := st.StartYear(ctx, o, 2022, true)
	if err != nil {
		t.Fatal(err)
	}
	if ny.From != 2021 || ny.Summary.StaleParagraphs == 0 {
		t.Fatalf("started from %d, %+v", ny.From, ny.Summary)
	}
	y, err := st.OpenYear(ctx, o.ID, 2022, model.DefaultCalendar(), snapToday)
	if err != nil {
		t.Fatal(err)
	}
	stale := 0
	for _, b := range y.Report().Blocks {
		if b.Stale {
			stale++
		}
	}
	if stale != ny.Summary.StaleParagraphs {
		t.Fatalf("%d stale blocks stored, summary says %d", stale, ny.Summary.StaleParagraphs)
	}
	// A blank year of an organ without earlier years.
	other := model.Organ{Name: "伊敏河镇人民政府", Level: model.LevelTownship}
	if err := st.SaveOrgan(ctx, &other); err != nil {
		t.Fatal(err)
	}
	if _, err := st.StartYear(ctx, other, 2021, true); err == nil {
		t.Fatal("no earlier year to start from must be an error")
	}
	if _, err := st.StartYear(ctx, other, 2021, false); err != nil {
		t.Fatal(err)
	}
	if _, err := st.FindYear(ctx, other.Name, 2021); err != nil {
		t.Fatal(err)
	}
}

func TestBundleWriteCompareImport(t *testing.T) {
	st := demoDesk(t)
	ctx := context.Background()
	y := openDemo2021(t, st)
	dir := t.TempDir()
	res, _, err := st.WriteBundle(ctx, y.Report().OrganID, 2021, PublicBundle, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "坏的.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	files, err := st.ReadBundles(ctx, dir)
	if err != nil || len(files) != 2 {
		t.Fatalf("%d files, %v", len(files), err)
	}
	var good *BundleFile
	for i := range files {
		if files[i].OY != nil {
			good = &files[i]
		} else if files[i].Problem == "" {
			t.Fatal("a bad file must say why")
		}
	}
	if good == nil || !good.Exists || filepath.Join(dir, good.File) != res.Path {
		t.Fatalf("good bundle: %+v", good)
	}
	exists, diff, err := st.CompareBundle(ctx, good.OY, good.Meta)
	if err != nil || !exists || len(diff) != 0 {
		t.Fatalf("the same year: exists %v diff %v err %v", exists, diff, err)
	}
	// Into a new database: imported, then the same.
	st2, err := Open(ctx, filepath.Join(t.TempDir(), "other.db"), Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if exists, _, err := st2.CompareBundle(ctx, good.OY, good.Meta); err != nil || exists {
		t.Fatalf("empty store: exists %v err %v", exists, err)
	}
	if err := st2.ImportBundle(ctx, good.OY, false); err != nil {
		t.Fatal(err)
	}
	if good.OY.Organ.ID != 0 && good.OY.Report.ID != 0 {
		t.Fatal("importing must not change the decoded value")
	}
	if exists, diff, err := st2.CompareBundle(ctx, good.OY, good.Meta); err != nil || !exists || len(diff) != 0 {
		t.Fatalf("after import: exists %v diff %v err %v", exists, diff, err)
	}
}

func TestFindYearNamesWhatExists(t *testing.T) {
	st := demoDesk(t)
	ctx := context.Background()
	if _, err := st.FindYear(ctx, "不存在的单位", 2021); err == nil || !strings.Contains(err.Error(), DemoOrganName) {
		t.Fatalf("unknown organ: %v", err)
	}
	if _, err := st.FindYear(ctx, DemoOrganName, 2020); err == nil || !strings.Contains(err.Error(), "2021、2019") {
		t.Fatalf("unknown year: %v", err)
	}
}
