package bundle

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
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

// ReadFolder reads and decodes every .json file of dir once and hands each
// to reduce; the results come back in file-name order. Files are read on
// every core at once, so reduce runs concurrently and must not share state
// without a lock; it should keep only what its caller needs of the
// organ-year, so that a folder of thousands of bundles does not hold
// thousands of organ-years. A bad file is a Found with its Problem and
// does not stop the others; only an unreadable folder is an error.
func ReadFolder[R any](dir string, reduce func(Found) R) ([]R, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件夹「%s」：%v。请检查U盘是否插好、路径是否正确。", dir, err)
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			names = append(names, e.Name())
		}
	}
	out := make([]R, len(names))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(names))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = reduce(readFile(dir, names[i]))
			}
		}()
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out, nil
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
