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
	// Full lists the full bundles (with applicants' personal data) counted
	// because ReadOptions.AcceptFull was set, as a warning. Without it they
	// are in Rejected: an aggregation needs only public bundles.
	Full []Rejected
}

// ReadOptions say how ReadFolder treats what it finds.
type ReadOptions struct {
	// AcceptFull counts full bundles (with personal data) instead of
	// refusing them.
	AcceptFull bool
}

// ReadFolder reads every .json file in dir as a bundle. A bad file is
// listed with its reason and does not stop the others; a full bundle (with
// personal data) is refused unless opt.AcceptFull. Only an unreadable
// folder is an error.
func ReadFolder(dir string, year int, opt ReadOptions) (Folder, error) {
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
		if meta.Kind == bundle.Full {
			if !opt.AcceptFull {
				out.Rejected = append(out.Rejected, Rejected{File: e.Name(), Reason: fmt.Sprintf("这是%s的完整报送包，含申请人的个人信息；汇总只收公开报送包，未计入。请让该单位改交公开报送包，并删除这个文件", meta.Organ)})
				continue
			}
			out.Full = append(out.Full, Rejected{File: e.Name(), Reason: fmt.Sprintf("这是%s的完整报送包，含申请人的个人信息，已计入汇总；请妥善保管，用完后删除", meta.Organ)})
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
