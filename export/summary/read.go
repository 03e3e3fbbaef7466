package summary

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"nianbao/export/bundle"
	"nianbao/model"
)

// Rejected is a file in the folder that was not used, with the reason in
// Chinese.
type Rejected struct {
	File   string
	Reason string
}

// MaxBundleSize is the largest file read as a bundle: a year of 50,000
// requests is about 35 MB.
const MaxBundleSize = 512 << 20

// Folder is what ReadFolder found.
type Folder struct {
	// Inputs are the valid bundles of the year by organ name, an organ's
	// newest first, so that when an organ sent two the newer one is counted
	// and the older one is listed as a duplicate.
	Inputs []model.AggregateInput
	// Rejected lists the files that are not valid bundles.
	Rejected []Rejected
	// Skipped lists valid bundles of another year.
	Skipped []Rejected
}

// ReadFolder reads every .json file in dir as a bundle. A bad file is
// listed with its reason and does not stop the others. Only an unreadable
// folder is an error.
func ReadFolder(dir string, year int) (Folder, error) {
	var out Folder
	ents, err := os.ReadDir(dir)
	if err != nil {
		return out, fmt.Errorf("无法读取文件夹「%s」：%v", dir, err)
	}
	type found struct {
		in      model.AggregateInput
		organ   string
		created int64
	}
	var fs []found
	for _, e := range ents {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			continue
		}
		if info, err := e.Info(); err == nil && info.Size() > MaxBundleSize {
			out.Rejected = append(out.Rejected, Rejected{File: e.Name(), Reason: fmt.Sprintf("文件过大（%d MB），不是年报报送包", info.Size()>>20)})
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			out.Rejected = append(out.Rejected, Rejected{File: e.Name(), Reason: fmt.Sprintf("无法读取：%v", err)})
			continue
		}
		oy, meta, err := bundle.Decode(data)
		if err != nil {
			out.Rejected = append(out.Rejected, Rejected{File: e.Name(), Reason: err.Error()})
			continue
		}
		if meta.Year != year {
			out.Skipped = append(out.Skipped, Rejected{File: e.Name(), Reason: fmt.Sprintf("这是%s%d年的报送包，不属于%d年汇总", meta.Organ, meta.Year, year)})
			continue
		}
		fs = append(fs, found{
			in:      model.AggregateInput{OY: oy, Submitted: model.DateOf(meta.Created), Findings: meta.Findings, Source: e.Name()},
			organ:   strings.TrimSpace(oy.Organ.Name),
			created: meta.Created.UnixNano(),
		})
	}
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].organ != fs[j].organ {
			return fs[i].organ < fs[j].organ
		}
		return fs[i].created > fs[j].created
	})
	for _, f := range fs {
		out.Inputs = append(out.Inputs, f.in)
	}
	return out, nil
}
