package desk

import (
	"context"
	"fmt"
	"time"

	"nianbao/export"
	"nianbao/export/bundle"
	"nianbao/model"
)

// version is the program version written into manifests and bundles.
var version = ""

// SetVersion sets the program version written into every export manifest
// and bundle (the command line sets it once at start).
func SetVersion(v string) {
	version = v
	bundle.ProgramVersion = v
}

// ExportOptions choose what an export writes and where.
type ExportOptions struct {
	Formats   []string // from Formats
	Dir       string   // target folder, usually on a U盘
	Encoding  string   // txt: "utf-8" (default) or "gb18030"
	Draft     bool     // mark every output 草稿
	Overwrite bool     // replace files of the same name
	// Now is the export time written to the manifest; zero means now.
	Now time.Time
	// Font is the font file the 图解's PNG is drawn with; empty means the
	// best Chinese font found on the machine.
	Font string
}

// BlockedError refuses a formal export of a report that has errors: such
// a report can only be exported as a draft.
type BlockedError struct {
	Errors []model.Finding
}

func (e *BlockedError) Error() string {
	return fmt.Sprintf("检查发现 %d 个错误，正式年报不能导出。请改正后再导出，或导出为草稿。", len(e.Errors))
}

// Export writes the year's report in the chosen formats, reads every file
// back and writes the manifest. It is the one gate on errors: a report
// with errors is exported only as a draft (BlockedError otherwise).
// Progress reports each file as it starts and ends. It may run beside the
// workstation: it holds y (Year.Hold).
func (s *Store) Export(ctx context.Context, y *Year, opt ExportOptions, progress func(ExportProgress)) (*ExportResult, error) {
	defer y.Hold()() // the log must not change under the files being written
	if errs := y.Errors(); len(errs) > 0 && !opt.Draft {
		return nil, &BlockedError{Errors: errs}
	}
	return export.Run(ctx, y.oy, export.Options{
		Formats: opt.Formats, Dir: opt.Dir, Encoding: opt.Encoding, Draft: opt.Draft,
		Overwrite: opt.Overwrite, Version: version, Today: y.today, Now: opt.Now,
		Calendar: y.cal, Font: opt.Font,
	}, progress)
}

// MarkExported records the report as exported (已导出) after a formal
// export.
func (s *Store) MarkExported(ctx context.Context, y *Year) error {
	r := *y.oy.Report
	r.Status = model.StatusExported
	return s.SaveReportMeta(ctx, &r)
}
