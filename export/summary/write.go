package summary

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"nianbao/export"
	"nianbao/export/bundle"
	"nianbao/model"
)

// Aggregation is a folder's aggregation: the county's totals, the workbook
// written, and the organ list and the files not used, which stay in a
// temporary folder on disk (not in memory) for the caller to list until
// Close.
type Aggregation struct {
	model.AggregateResult
	// File is the workbook, written and read back (zero when writing it
	// failed).
	File export.FileResult

	tmp    string
	organs *list[model.AggregateOrgan]
	files  [3]*list[Rejected] // by FileKind
}

// FileKind names a list of files an aggregation did not count as they are.
type FileKind int

const (
	// NotUsed lists the files that are not valid bundles, and the full
	// bundles refused.
	NotUsed FileKind = iota
	// OtherYear lists the valid bundles of another year.
	OtherYear
	// FullCounted lists the full bundles (with applicants' personal data)
	// counted because ReadOptions.AcceptFull was set: a warning.
	FullCounted
)

// EachOrgan calls fn with every line of the organ list, in its order: the
// organs handed in by name, an organ's newest bundle first (a second one
// is listed as a duplicate, 未计入), then the expected organs missing, in
// the order given.
func (a *Aggregation) EachOrgan(fn func(model.AggregateOrgan) error) error {
	return a.organs.each(fn)
}

// Files is the number of files of a list.
func (a *Aggregation) Files(k FileKind) int { return a.files[k].n }

// EachFile calls fn with every file of a list, by file name.
func (a *Aggregation) EachFile(k FileKind, fn func(Rejected) error) error {
	return a.files[k].each(fn)
}

// Close removes the lists from the disk.
func (a *Aggregation) Close() error {
	if a == nil || a.tmp == "" {
		return nil
	}
	err := os.RemoveAll(a.tmp)
	a.tmp = ""
	return err
}

// Aggregate reads every .json file in dir as a bundle and aggregates those
// of year; expected names the organs that should have sent one. A bad file
// is listed with its reason and does not stop the others; a full bundle
// (with personal data) is refused unless opt.AcceptFull. The workbook
// FileName(year) is written into out and read back. Only an unreadable
// folder gives no Aggregation; when the workbook cannot be written the
// error comes with the Aggregation, whose lists can still be shown. The
// caller closes the Aggregation. When ctx ends while the bundles are
// read, the reading stops and nothing is written. The temporary folders
// that killed aggregations left over a day ago are removed first.
//
// Each file is read and decoded once, on every core, and reduced at once
// to what the aggregation needs (a record: organ, dates, the counts of its
// findings and its table values packed in a row); the records are sorted
// on disk and the organ list goes to disk too, so a folder of any number
// of bundles takes about the same memory (the merge of the sorted runs
// holds a buffer and a decoder per run: about 1 MB at 30,000 bundles).
func Aggregate(ctx context.Context, dir string, year int, expected []string, opt ReadOptions, out string) (*Aggregation, error) {
	removeStale(time.Now())
	tmp, err := os.MkdirTemp("", tmpPrefix)
	if err != nil {
		return nil, fmt.Errorf("汇总需要临时文件夹，但无法创建：%v。请检查系统盘是否已满。", err)
	}
	a := &Aggregation{tmp: tmp}
	err = a.read(ctx, dir, year, expected, opt)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		a.Close()
		return nil, err
	}
	a.File, err = export.WriteVerifiedFrom(out, FileName(year), a.workbook)
	return a, err
}

// tmpPrefix starts the name of an aggregation's temporary folder.
const tmpPrefix = "nianbao-aggregate-"

// staleAge is how long ago an aggregation's temporary folder must have
// last changed to be taken for one that a killed aggregation left: an
// aggregation writes its folder within minutes and is closed once listed.
const staleAge = 24 * time.Hour

// removeStale removes, quietly, the temporary folders of aggregations
// that were killed before they could remove their own.
func removeStale(now time.Time) {
	tmp := os.TempDir()
	ents, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tmpPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleAge {
			os.RemoveAll(filepath.Join(tmp, e.Name()))
		}
	}
}

// read reads the folder into the organ list and the file lists.
func (a *Aggregation) read(ctx context.Context, dir string, year int, expected []string, opt ReadOptions) error {
	return a.fill(year, expected, func(add func(record) error) error {
		return bundle.EachFile(dir, func(f bundle.Found) []record { return reduce(f, year, opt) }, func(rs []record) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			for _, r := range rs {
				if err := add(r); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// fill sorts the records feed gives (in any order) and aggregates them
// into the organ list and the file lists.
func (a *Aggregation) fill(year int, expected []string, feed func(add func(record) error) error) error {
	tmpErr := func(err error) error {
		return fmt.Errorf("汇总时写临时文件失败：%v。请检查系统盘是否已满。", err)
	}
	sp := newSpool(a.tmp, recordOrder)
	defer sp.remove()
	err := feed(func(r record) error {
		if err := sp.add(r); err != nil {
			return tmpErr(err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Every list opened is closed on every path: an open file cannot be
	// removed on Windows, and Close removes the folder.
	closeAll := func(err error) error {
		for _, l := range a.files {
			if cerr := l.close(); err == nil {
				err = cerr
			}
		}
		if cerr := a.organs.close(); err == nil {
			err = cerr
		}
		return err
	}
	if a.organs, err = createList[model.AggregateOrgan](filepath.Join(a.tmp, "organs")); err != nil {
		return tmpErr(err)
	}
	for k := range a.files {
		if a.files[k], err = createList[Rejected](filepath.Join(a.tmp, fmt.Sprintf("files%d", k))); err != nil {
			closeAll(nil)
			return tmpErr(err)
		}
	}
	agg := model.NewAggregator(year, expected)
	err = sp.each(func(r *record) error {
		if r.Class == classInput {
			return a.organs.add(agg.Add(r.input()))
		}
		return a.files[r.Class-1].add(Rejected{File: r.File, Reason: r.Reason})
	})
	for _, o := range agg.Missing() {
		if err == nil {
			err = a.organs.add(o)
		}
	}
	if err = closeAll(err); err != nil {
		return tmpErr(err)
	}
	a.AggregateResult = agg.Result()
	return nil
}
