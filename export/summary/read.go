package summary

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

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
	var names []string
	for _, e := range ents {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			names = append(names, e.Name())
		}
	}
	// Each file is read and decoded once, on every core, and reduced at
	// once to what the aggregation needs (its effective values and
	// findings), so memory does not hold a whole organ-year per bundle.
	results := make([]readResult, len(names))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, min(runtime.GOMAXPROCS(0), len(names))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = readBundle(filepath.Join(dir, names[i]), year, opt)
			}
		}()
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	type found struct {
		in      model.AggregateInput
		organ   string
		created int64
	}
	var fs []found
	for i, r := range results {
		switch {
		case r.rejected != "":
			out.Rejected = append(out.Rejected, Rejected{File: names[i], Reason: r.rejected})
		case r.skipped != "":
			out.Skipped = append(out.Skipped, Rejected{File: names[i], Reason: r.skipped})
		default:
			if r.full != "" {
				out.Full = append(out.Full, Rejected{File: names[i], Reason: r.full})
			}
			r.in.Source = names[i]
			fs = append(fs, found{in: r.in, organ: strings.TrimSpace(r.in.OY.Organ.Name), created: r.created})
		}
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

// readResult is what one file gave: an input, or why it was not used.
type readResult struct {
	in                      model.AggregateInput
	created                 int64
	rejected, skipped, full string
}

// readBundle reads and decodes one file and reduces it to an aggregation
// input: the organ, the report's year, format and date, the effective
// values and the findings; logs, narrative and personal data are dropped.
func readBundle(path string, year int, opt ReadOptions) readResult {
	if info, err := os.Stat(path); err == nil && info.Size() > MaxBundleSize {
		return readResult{rejected: fmt.Sprintf("文件过大（%d MB），不是年报报送包", info.Size()>>20)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return readResult{rejected: fmt.Sprintf("无法读取：%v", err)}
	}
	oy, meta, err := bundle.Decode(data)
	if err != nil {
		return readResult{rejected: err.Error()}
	}
	if meta.Year != year {
		return readResult{skipped: fmt.Sprintf("这是%s%d年的报送包，不属于%d年汇总", meta.Organ, meta.Year, year)}
	}
	var r readResult
	if meta.Kind == bundle.Full {
		if !opt.AcceptFull {
			return readResult{rejected: fmt.Sprintf("这是%s的完整报送包，含申请人的个人信息；汇总只收公开报送包，未计入。请让该单位改交公开报送包，并删除这个文件", meta.Organ)}
		}
		r.full = fmt.Sprintf("这是%s的完整报送包，含申请人的个人信息，已计入汇总；请妥善保管，用完后删除", meta.Organ)
	}
	values := model.EffectiveValues(oy)
	slim := &model.OrganYear{Organ: oy.Organ, Report: &model.Report{
		OrganID: oy.Report.OrganID, Year: oy.Report.Year, FormatID: oy.Report.FormatID, Date: oy.Report.Date}}
	r.in = model.AggregateInput{OY: slim, Values: values, Submitted: model.DateOf(meta.Created), Findings: meta.Findings}
	r.created = meta.Created.UnixNano()
	return r
}
