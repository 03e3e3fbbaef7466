package bundle

import (
	"nianbao/export"
	"nianbao/model"
)

// Write encodes the organ-year as a bundle of the kind and writes it into
// dir under FileName, verified on the medium (temp file, fsync, rename, read
// back, SHA-256). The workstation and the command line both use it.
func Write(dir string, oy *model.OrganYear, kind Kind) (export.FileResult, error) {
	data, err := Encode(oy, kind)
	if err != nil {
		return export.FileResult{}, err
	}
	if kind == Full {
		// Personal data: readable by the clerk's account only.
		return export.WritePrivate(dir, FileName(oy, kind), data)
	}
	return export.WriteVerified(dir, FileName(oy, kind), data)
}
