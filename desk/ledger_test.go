package desk

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/model"
)

// messyRow is one row of the messy test ledger with what it means.
type messyRow struct {
	cells []string
	// serial, when not zero, writes the received date as an Excel date
	// number in the .xlsx (the .csv has cells[1] as text).
	serial float64
	truth  *model.Request // nil: the row must be refused
	dup    bool
}

var messyApplicants = []struct {
	text string
	a    model.ApplicantType
}{
	{"个人", model.NaturalPerson}, {"自然人", model.NaturalPerson}, {"村民", model.NaturalPerson}, {"群众", model.NaturalPerson},
	{"企业", model.Business}, {"公司", model.Business}, {"商业企业", model.Business},
	{"高校", model.Research}, {"科研院所", model.Research},
	{"协会", model.NonProfit}, {"公益组织", model.NonProfit},
	{"律师事务所", model.LegalService}, {"律所", model.LegalService},
	{"村委会", model.OtherOrg}, {"其他", model.OtherOrg},
}

var messyOutcomes = []struct {
	text string
	row  string
}{
	{"予以公开", model.RowDisclosed},
	{"经审查予以公开，已邮寄申请人", model.RowDisclosed},
	{"已公开，告知获取途径", model.RowDisclosed},
	{"部分公开（涉及个人隐私部分不予公开）", model.RowPartly},
	{"不予公开—属于内部事务信息", "o3_5"},
	{"不予公开，属于过程性信息", "o3_6"},
	{"涉及第三方合法权益，不予公开", "o3_4"},
	{"本机关不掌握该信息", "o4_1"},
	{"经检索该信息不存在", "o4_1"},
	{"需另行制作，不予提供", "o4_2"},
	{"信访件，告知通过信访渠道反映", "o5_1"},
	{"重复申请，不予重复处理", "o5_2"},
	{"申请人逾期未补正，不再处理", "o6_1"},
	{"申请人撤回申请", "o6_3"},
	// No rule maps this one: the clerk confirms it as 予以公开.
	{"已办结", model.RowDisclosed},
}

// messyLedger builds 300 rows the way offices keep them: dates in many
// forms, outcomes as prose, free-text applicant types, some open requests,
// some answered in the next year, three rows that cannot be read and four
// exact duplicates.
func messyLedger() []messyRow {
	r := rand.New(rand.NewPCG(2021, 16))
	var rows []messyRow
	for i := range 300 {
		day := model.NewDate(2021, 1, 4).AddDays(r.IntN(360))
		ap := messyApplicants[r.IntN(len(messyApplicants))]
		oc := messyOutcomes[r.IntN(len(messyOutcomes))]
		q := &model.Request{Year: 2021, Received: day, Applicant: ap.a, Personal: model.Personal{Name: fmt.Sprintf("申请人%03d", i)},
			Summary: fmt.Sprintf("申请公开第%d号事项的相关文件", i)}
		answered := day.AddDays(5 + r.IntN(25))
		if i%20 == 7 {
			// Still open.
			oc.text, answered = "", 0
		} else {
			q.Outcome, q.Answered = oc.row, answered
		}
		var received string
		var serial float64
		switch i % 5 {
		case 0:
			received = fmt.Sprintf("%d.%d.%d", day.Year(), day.Month(), day.Day())
		case 1:
			received = day.Chinese()
		case 2:
			received = fmt.Sprintf("%d/%02d/%02d", day.Year(), day.Month(), day.Day())
		case 3:
			received = fmt.Sprintf("%d-%d-%d", day.Year(), day.Month(), day.Day())
		case 4:
			received = fmt.Sprintf("%d/%d/%d", day.Year(), day.Month(), day.Day())
			serial = float64(day.Time().Sub(model.NewDate(1899, 12, 30).Time()).Hours() / 24)
		}
		ans := ""
		if answered != 0 {
			ans = fmt.Sprintf("%d.%d.%d", answered.Year(), answered.Month(), answered.Day())
		}
		row := messyRow{cells: []string{fmt.Sprint(i + 1), received, q.Personal.Name, " " + ap.text + " ", "1380000" + fmt.Sprintf("%04d", i),
			"  " + q.Summary, ans, oc.text, ""}, serial: serial, truth: q}
		switch i {
		case 40:
			row.cells[1], row.serial, row.truth = "2021.13.5", 0, nil // no 13th month
		case 41:
			row.cells[1], row.serial, row.truth = "", 0, nil // no date
		case 42:
			row.cells[6], row.cells[7], row.truth = "", "予以公开", nil // outcome without answer date
		}
		rows = append(rows, row)
		if i%75 == 3 {
			d := row
			d.dup = true
			d.cells = append([]string{}, row.cells...)
			d.cells[0] = fmt.Sprint(i + 1000)
			rows = append(rows, d)
		}
	}
	return rows
}

var messyHeader = []string{"序号", "受理日期", "申请人", "申请人类别", "联系电话", "申请内容", "答复时间", "处理结果", "备注"}

// writeMessyXLSX writes the ledger with a merged title row, a note row,
// the header and a blank line every 37 rows.
func writeMessyXLSX(t *testing.T, path string, rows []messyRow) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	f.SetCellValue(sh, "A1", "大雁镇2021年政府信息公开申请办理台账")
	if err := f.MergeCell(sh, "A1", "I1"); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue(sh, "A2", "填报单位：大雁镇人民政府        填报日期：2022年1月5日")
	f.MergeCell(sh, "A2", "I2")
	for c, h := range messyHeader {
		cell, _ := excelize.CoordinatesToCellName(c+1, 3)
		f.SetCellValue(sh, cell, h)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	line := 4
	for i, row := range rows {
		if i%37 == 36 {
			line++ // a blank line
		}
		for c, v := range row.cells {
			cell, _ := excelize.CoordinatesToCellName(c+1, line)
			if c == 1 && row.serial != 0 {
				f.SetCellValue(sh, cell, row.serial)
				f.SetCellStyle(sh, cell, cell, dateStyle)
				continue
			}
			f.SetCellValue(sh, cell, v)
		}
		line++
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// writeMessyCSV writes the same ledger as a GB18030 CSV the way WPS saves
// it: the title as a line of its own, blank lines kept.
func writeMessyCSV(t *testing.T, path string, rows []messyRow) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write([]string{"大雁镇2021年政府信息公开申请办理台账", "", "", "", "", "", "", "", ""})
	w.Write([]string{""})
	w.Write(messyHeader)
	for i, row := range rows {
		if i%37 == 36 {
			w.Write([]string{"", "", ""})
		}
		w.Write(row.cells)
	}
	w.Flush()
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, gb, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestImportMessyLedger imports the messy 300-row ledger from .xlsx and
// from its GB18030 .csv twin into fresh organs: the suggested column
// mapping is complete, every applicant text and all outcome prose but one
// ambiguous phrase get a suggestion, the bad rows and duplicates are listed
// with reasons, and table 三 computed from the import equals the one the
// sheet's rows imply.
func TestImportMessyLedger(t *testing.T) {
	ctx := context.Background()
	rows := messyLedger()
	var truth []model.Request
	bad, dups := 0, 0
	for _, r := range rows {
		switch {
		case r.dup:
			dups++
		case r.truth == nil:
			bad++
		default:
			truth = append(truth, *r.truth)
		}
	}
	f21 := model.FormatByID("2021")
	want := model.ComputeS3(f21, 2021, truth)
	if want.Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal)) != int64(len(truth)) || len(truth) < 290 {
		t.Fatalf("the sheet implies %d new requests of %d rows", want.Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal)), len(truth))
	}
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "台账.xlsx"), filepath.Join(dir, "台账.csv")}
	writeMessyXLSX(t, files[0], rows)
	writeMessyCSV(t, files[1], rows)

	st, _ := demoStore(t)
	for n, path := range files {
		o := model.Organ{Name: fmt.Sprintf("测试镇%d人民政府", n), Level: model.LevelTownship, Superior: "鄂温克族自治旗"}
		if err := st.SaveOrgan(ctx, &o); err != nil {
			t.Fatal(err)
		}
		li, err := ReadLedger(o, 2021, path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if miss := li.Mapping.Missing(); len(miss) > 0 {
			t.Fatalf("%s: columns not recognised: %v (header %q)", path, miss, li.Sheet.Header)
		}
		ua, uo := li.Values.Unmapped(li.Applicants, li.Outcomes)
		if len(ua) != 0 || len(uo) != 1 || uo[0] != "已办结" {
			t.Fatalf("%s: unmapped applicant texts %q, outcomes %q", path, ua, uo)
		}
		for _, c := range li.Outcomes {
			for _, m := range messyOutcomes {
				if c.Text == m.text && c.OK && c.Outcome != m.row {
					t.Errorf("%s: %q suggested as %s, means %s", path, c.Text, c.Outcome, m.row)
				}
			}
		}
		// Before the clerk confirms the ambiguous text, its rows are refused.
		p, err := st.PreviewLedger(ctx, li)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Bad) <= bad || !strings.Contains(fmt.Sprint(p.Bad), "已办结") {
			t.Errorf("%s: unconfirmed outcome rows not listed: %v", path, p.Bad)
		}
		// The clerk confirms 已办结 as 予以公开.
		li.Values.Outcome["已办结"] = model.RowDisclosed
		if p, err = st.PreviewLedger(ctx, li); err != nil {
			t.Fatal(err)
		}
		if len(p.Bad) != bad || len(p.Dups) != dups || len(p.Requests) != len(truth) {
			t.Fatalf("%s: %d requests, %d bad %v, %d dups; want %d, %d, %d", path, len(p.Requests), len(p.Bad), p.Bad, len(p.Dups), len(truth), bad, dups)
		}
		for _, b := range p.Bad {
			if b.Line < 4 || b.Reason == "" {
				t.Errorf("%s: bad row without line or reason: %+v", path, b)
			}
		}
		for _, a := range f21.Table(model.TableS3).Cells() {
			if p.S3.Get(a) != want.Get(a) {
				t.Errorf("%s: preview %s = %d, the sheet implies %d", path, a, p.S3.Get(a), want.Get(a))
			}
		}
		t.Logf("%s: %d requests, bad %v, %d duplicates", filepath.Base(path), len(p.Requests), p.Bad, len(p.Dups))
		if n, err := st.ImportLedger(ctx, li, p); err != nil || n != len(truth) {
			t.Fatalf("%s: import %d, %v", path, n, err)
		}
		oy, err := st.LoadOrganYear(ctx, o.ID, 2021, true)
		if err != nil {
			t.Fatal(err)
		}
		got := model.EffectiveValues(oy)
		for _, a := range f21.Table(model.TableS3).Cells() {
			if got.Get(a) != want.Get(a) {
				t.Errorf("%s: stored %s = %d, the sheet implies %d", path, a, got.Get(a), want.Get(a))
			}
		}
		// Importing the same file again finds every row a duplicate.
		if p, err = st.PreviewLedger(ctx, li); err != nil || len(p.Requests) != 0 || len(p.Dups) != len(truth)+dups {
			t.Errorf("%s: second import would add %d, dups %d (%v)", path, len(p.Requests), len(p.Dups), err)
		}
	}
}

// TestLedgerRoundTrip exports the demo's 2021 ledger, imports it into a
// fresh organ, and compares table 三 of the two.
func TestLedgerRoundTrip(t *testing.T) {
	ctx := context.Background()
	st, o := demoStore(t)
	dir := t.TempDir()
	fr, n, err := st.ExportLedger(ctx, o, 2021, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(fr.Path, "（含个人信息）.xlsx") || n != 33 {
		t.Errorf("ledger %s with %d requests", fr.Path, n)
	}
	if fi, err := os.Stat(fr.Path); err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("ledger file mode: %v %v", fi.Mode(), err)
	}
	fresh := model.Organ{Name: "新建镇人民政府", Level: model.LevelTownship, Superior: "鄂温克族自治旗"}
	if err := st.SaveOrgan(ctx, &fresh); err != nil {
		t.Fatal(err)
	}
	li, err := ReadLedger(fresh, 2021, fr.Path)
	if err != nil {
		t.Fatal(err)
	}
	if miss := li.Mapping.Missing(); len(miss) > 0 {
		t.Fatalf("own workbook columns not recognised: %v", miss)
	}
	if ua, uo := li.Values.Unmapped(li.Applicants, li.Outcomes); len(ua)+len(uo) > 0 {
		t.Fatalf("own workbook values not recognised: %q %q", ua, uo)
	}
	p, err := st.PreviewLedger(ctx, li)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Bad)+len(p.Dups) > 0 || len(p.Requests) != 33 {
		t.Fatalf("round trip: %d requests, bad %v, dups %v", len(p.Requests), p.Bad, p.Dups)
	}
	if _, err := st.ImportLedger(ctx, li, p); err != nil {
		t.Fatal(err)
	}
	a, err := st.LoadOrganYear(ctx, o.ID, 2021, true)
	if err != nil {
		t.Fatal(err)
	}
	b, err := st.LoadOrganYear(ctx, fresh.ID, 2021, true)
	if err != nil {
		t.Fatal(err)
	}
	f := a.Report.Format()
	va, vb := model.ComputeS3(f, 2021, a.Requests), model.ComputeS3(f, 2021, b.Requests)
	for _, addr := range f.Table(model.TableS3).Cells() {
		if va.Get(addr) != vb.Get(addr) {
			t.Errorf("%s: demo %d, imported %d", addr, va.Get(addr), vb.Get(addr))
		}
	}
	// Everything else the workbook carries comes back too.
	fees := func(rs []model.Request) (n int, sum int64, names int) {
		for _, q := range rs {
			if q.FeeMethod != model.FeeNone {
				n++
			}
			sum += q.Fee
			if q.Personal.Name != "" {
				names++
			}
		}
		return
	}
	n1, s1, p1 := fees(a.Requests)
	n2, s2, p2 := fees(b.Requests)
	if n1 != n2 || s1 != s2 || p1 != p2 {
		t.Errorf("fees %d/%d, amount %d/%d, names %d/%d", n1, n2, s1, s2, p1, p2)
	}
}
