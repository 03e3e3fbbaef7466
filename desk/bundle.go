package desk

import (
	"context"
	"fmt"
	"os"
	"strings"

	"nianbao/export/bundle"
	"nianbao/export/summary"
	"nianbao/model"
)

// BundleFile is one .json file of a folder: a valid bundle (OY and Meta)
// or a file that is not one (Problem says why, in Chinese).
type BundleFile struct {
	File    string
	OY      *model.OrganYear
	Meta    BundleMeta
	Problem string
	// Exists is set when the store already keeps this organ-year (at the
	// time the folder was read).
	Exists bool
}

// ReadBundles reads every .json file of dir as a bundle; a bad file is a
// BundleFile with its Problem and does not stop the others. Exists is
// looked up in the store (none when s is nil). Only an unreadable folder
// is an error.
func (s *Store) ReadBundles(ctx context.Context, dir string) ([]BundleFile, error) {
	out, err := bundle.ReadFolder(dir, func(f bundle.Found) BundleFile {
		bf := BundleFile{File: f.Name, OY: f.OY, Meta: f.Meta}
		if f.Problem != "" {
			bf.Problem = strings.Join(strings.Fields(strings.ReplaceAll(f.Problem, "\n", " ")), " ")
		}
		return bf
	})
	if err != nil {
		return nil, err
	}
	if s != nil && s.Store != nil {
		for i, bf := range out {
			if bf.OY == nil {
				continue
			}
			if _, kept, err := s.KeptYear(ctx, bf.OY.Organ.Name, bf.Meta.Year); err == nil {
				out[i].Exists = kept
			}
		}
	}
	return out, nil
}

// ReadBundleFile reads and validates one bundle file.
func ReadBundleFile(file string) (*model.OrganYear, BundleMeta, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, BundleMeta{}, fmt.Errorf("无法读取（%v）。请检查文件名和路径。", err)
	}
	return bundle.Decode(data)
}

// CompareBundle tells whether the store keeps the bundle's organ-year and,
// if so, what importing the bundle in its place would change (public
// bundles leave personal data and free texts out of the comparison). The
// workstation and the command line both decide an import by it.
func (s *Store) CompareBundle(ctx context.Context, oy *model.OrganYear, meta BundleMeta) (exists bool, diff []string, err error) {
	id, ok, err := s.KeptYear(ctx, oy.Organ.Name, meta.Year)
	if err != nil || !ok {
		return ok, nil, err
	}
	old, err := s.LoadOrganYear(ctx, id, meta.Year, meta.Kind == bundle.Full)
	if err != nil {
		return true, nil, err
	}
	return true, bundle.Replacing(old, oy, meta.Kind), nil
}

// ImportBundle stores a bundle's organ-year in one transaction, replacing
// the kept one when replace is set. The decoded value is not changed.
func (s *Store) ImportBundle(ctx context.Context, oy *model.OrganYear, replace bool) error {
	cp := *oy // SaveOrganYear sets IDs; keep the decoded value as read
	return s.SaveOrganYear(ctx, &cp, replace)
}

// WriteBundle writes the stored organ-year as a bundle of kind into dir
// and reads it back; a full bundle carries the applicants' personal data.
// It returns the organ-year written.
func (s *Store) WriteBundle(ctx context.Context, organID int64, year int, kind BundleKind, dir string) (FileResult, *model.OrganYear, error) {
	oy, err := s.LoadOrganYear(ctx, organID, year, kind == bundle.Full)
	if err != nil {
		return FileResult{}, nil, err
	}
	res, err := bundle.Write(dir, oy, kind)
	return res, oy, err
}

// Aggregate adds up the bundles of one year in a folder and writes the
// county's table (汇总年份.xlsx) into out, read back. Full bundles (with
// personal data) are refused unless acceptFull; then they are counted and
// listed as AggFullCounted, a warning. The organ list and the files not
// used stay on disk until the caller closes the Aggregation; it comes
// with the error when only writing the table failed (see
// summary.Aggregate). When ctx ends while the bundles are read, nothing is
// written.
func Aggregate(ctx context.Context, folder string, year int, expected []string, out string, acceptFull bool) (*Aggregation, error) {
	return summary.Aggregate(ctx, folder, year, expected, summary.ReadOptions{AcceptFull: acceptFull}, out)
}
