package desk

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"nianbao/export"
	"nianbao/importer"
	"nianbao/model"
)

// LedgerWarning is said before the ledger is written: the workbook holds
// the applicants' personal data.
const LedgerWarning = export.RequestLogWarning

// LedgerFileName is 「{organ}{year}年依申请公开台账（含个人信息）.xlsx」.
func LedgerFileName(organ string, year int) string {
	stem := model.ShortOrganName(organ) + strconv.Itoa(year) + "年依申请公开台账"
	return export.SafeFileName(stem, LetterFolderSuffix+".xlsx")
}

// LetterFolderSuffix ends the names of files holding personal data.
const LetterFolderSuffix = export.LetterFolderSuffix

// ExportLedger writes the organ's request log of year (the requests received
// in it and those carried into it), with the applicants' personal data, each
// request's computed deadline and whether it was answered late, as the
// request-log workbook to dir: readable by its owner only, read back and
// checked, never beside a public export. The caller has shown LedgerWarning.
func (s *Store) ExportLedger(ctx context.Context, organ model.Organ, year int, dir string) (export.FileResult, int, error) {
	MakeFolder(strings.TrimSpace(dir))
	if err := CheckPrivateFolder(dir, "台账"); err != nil {
		return export.FileResult{}, 0, err
	}
	reqs, err := s.RequestsForYear(ctx, organ.ID, year, true)
	if err != nil {
		return export.FileResult{}, 0, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return export.FileResult{}, 0, err
	}
	data, err := export.RequestLogWorkbook(reqs, model.FormatForYear(year), cal)
	if err != nil {
		return export.FileResult{}, 0, err
	}
	fr, err := export.WritePrivate(strings.TrimSpace(dir), LedgerFileName(organ.Name, year), data)
	return fr, len(reqs), err
}

// LedgerImport is a ledger file read for import, with the suggested column
// mapping and value map, which the clerk may change before Preview.
type LedgerImport struct {
	Organ      model.Organ
	Year       int
	Sheet      *importer.Sheet
	Mapping    importer.LedgerMapping
	Applicants []importer.ValueChoice
	Outcomes   []importer.ValueChoice
	Values     importer.ValueMap
}

// ReadLedger reads a ledger file and suggests the mapping of its columns
// and of its free-text applicant types and outcomes.
func ReadLedger(organ model.Organ, year int, path string) (*LedgerImport, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("打不开文件「%s」：请检查文件名和U盘", path)
	}
	defer f.Close()
	sh, err := importer.ReadLedger(f, path)
	if err != nil {
		return nil, err
	}
	li := &LedgerImport{Organ: organ, Year: year, Sheet: sh, Mapping: importer.GuessLedgerMapping(sh.Header)}
	li.Suggest()
	return li, nil
}

// Suggest recomputes the value choices after the column mapping changed,
// keeping what the clerk already confirmed for texts still present.
func (li *LedgerImport) Suggest() {
	old := li.Values
	li.Applicants, li.Outcomes, li.Values = importer.SuggestValues(li.Sheet, li.Mapping, model.FormatForYear(li.Year))
	for k, v := range old.Applicant {
		li.Values.Applicant[k] = v
	}
	for k, v := range old.Outcome {
		li.Values.Outcome[k] = v
	}
}

// LedgerPreview is what an import would do: the requests it would store,
// the bad rows and duplicates, and table 三 of the year as it would stand.
type LedgerPreview struct {
	importer.LedgerPreview
	S3 model.Values
}

// PreviewLedger checks every row of li against its mapping and the
// requests already kept for the organ, and computes table 三 of the year
// with the imported requests added.
func (s *Store) PreviewLedger(ctx context.Context, li *LedgerImport) (*LedgerPreview, error) {
	existing, err := s.RequestsForYear(ctx, li.Organ.ID, li.Year, true)
	if err != nil {
		return nil, err
	}
	p := importer.ApplyLedger(li.Sheet, li.Mapping, li.Values, li.Organ.ID, li.Year, existing)
	all := append(append([]model.Request{}, existing...), p.Requests...)
	return &LedgerPreview{LedgerPreview: p, S3: model.ComputeS3(model.FormatForYear(li.Year), li.Year, all)}, nil
}

// ImportLedger stores the previewed requests of li in one transaction,
// creating the year's report when the organ has none yet (the ledger's
// table 三 needs a report to count in). It returns how many were stored.
func (s *Store) ImportLedger(ctx context.Context, li *LedgerImport, p *LedgerPreview) (int, error) {
	years, err := s.Years(ctx, li.Organ.ID)
	if err != nil {
		return 0, err
	}
	if !slices.Contains(years, li.Year) {
		if err := s.CreateReport(ctx, model.NewReport(li.Organ.ID, li.Year)); err != nil {
			return 0, err
		}
	}
	reqs := append([]model.Request{}, p.Requests...)
	if err := s.ImportRequests(ctx, li.Organ.ID, reqs); err != nil {
		return 0, err
	}
	return len(reqs), nil
}
