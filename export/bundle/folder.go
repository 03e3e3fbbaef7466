package bundle

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"nianbao/model"
)

// MaxFileSize is the largest file read as a bundle: a year of 50,000
// requests is about 35 MB.
const MaxFileSize = 512 << 20

// Found is one .json file of a folder as read: the decoded bundle, or
// Problem (in Chinese) when the file is not a valid one.
type Found struct {
	Name    string
	OY      *model.OrganYear
	Meta    Meta
	Problem string
}

// ReadFolder reads and decodes every .json file of dir once (EachFile) and
// hands each to reduce; the results come back in file-name order. reduce
// runs on every core at once and must not share state without a lock; it
// should keep only what its caller needs of the organ-year. A bad file is a
// Found with its Problem and does not stop the others; only an unreadable
// folder is an error.
func ReadFolder[R any](dir string, reduce func(Found) R) ([]R, error) {
	type named struct {
		name string
		r    R
	}
	var all []named
	err := EachFile(dir, func(f Found) named { return named{f.Name, reduce(f)} },
		func(n named) error { all = append(all, n); return nil })
	if err != nil {
		return nil, err
	}
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	out := make([]R, len(all))
	for i, n := range all {
		out[i] = n.r
	}
	return out, nil
}

// folderBatch is how many names of a folder are read at a time.
const folderBatch = 256

// EachFile reads and decodes every .json file of dir once, on every core
// at once, and hands each to reduce on the core that read it (so reduce
// must not share state without a lock); emit gets the results one at a
// time, in the order they are done, not in file-name order. The folder is
// listed a batch of names at a time and nothing is kept of a file once
// emit has its result, so a folder of any number of bundles takes the same
// memory. A bad file is a Found with its Problem and does not stop the
// others; an unreadable folder is an error, and so is emit's, which stops
// the reading.
func EachFile[R any](dir string, reduce func(Found) R, emit func(R) error) error {
	folderErr := func(err error) error {
		return fmt.Errorf("无法读取文件夹「%s」：%v。请检查U盘是否插好、路径是否正确。", dir, err)
	}
	d, err := os.Open(dir)
	if err != nil {
		return folderErr(err)
	}
	defer d.Close()
	workers := max(1, runtime.GOMAXPROCS(0))
	names := make(chan string, workers)
	results := make(chan R, workers)
	stop := make(chan struct{})
	var listErr error
	go func() {
		defer close(names)
		for {
			ents, err := d.ReadDir(folderBatch)
			for _, e := range ents {
				if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".json") {
					continue
				}
				// Stopped first: a select with both ready picks either,
				// and would go on listing names after emit's error.
				select {
				case <-stop:
					return
				default:
				}
				select {
				case names <- e.Name():
				case <-stop:
					return
				}
			}
			if err != nil {
				if err != io.EOF {
					listErr = err
				}
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range names {
				results <- reduce(readFile(dir, name))
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var emitErr error
	for r := range results {
		if emitErr != nil {
			continue // drain: the workers finish the names already listed
		}
		if emitErr = emit(r); emitErr != nil {
			close(stop)
		}
	}
	if emitErr != nil {
		return emitErr
	}
	if listErr != nil {
		return folderErr(listErr)
	}
	return nil
}

// readFile reads and decodes one file of a folder.
func readFile(dir, name string) Found {
	f := Found{Name: name}
	path := filepath.Join(dir, name)
	if info, err := os.Stat(path); err == nil && info.Size() > MaxFileSize {
		f.Problem = fmt.Sprintf("文件过大（%d MB），不是年报报送包", info.Size()>>20)
		return f
	}
	data, err := os.ReadFile(path)
	if err != nil {
		f.Problem = fmt.Sprintf("无法读取：%v", err)
		return f
	}
	oy, meta, err := Decode(data)
	if err != nil {
		f.Problem = err.Error()
		return f
	}
	f.OY, f.Meta = oy, meta
	return f
}
