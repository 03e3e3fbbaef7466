package summary

import (
	"nianbao/export"
	"nianbao/model"
)

// AggregateFolder reads every bundle in dir (see ReadFolder) and aggregates
// those of year; expected names the organs that should have sent one.
func AggregateFolder(dir string, year int, expected []string, opt ReadOptions) (model.AggregateResult, Folder, error) {
	folder, err := ReadFolder(dir, year, opt)
	if err != nil {
		return model.AggregateResult{}, folder, err
	}
	return model.AggregateEntries(year, folder.Inputs, expected), folder, nil
}

// Write writes the aggregation's workbook into dir as FileName(res.Year),
// verified on the medium.
func Write(dir string, res model.AggregateResult) (export.FileResult, error) {
	data, err := Workbook(res)
	if err != nil {
		return export.FileResult{}, err
	}
	return export.WriteVerified(dir, FileName(res.Year), data)
}
