package summary

import (
	"bufio"
	"container/heap"
	"encoding/gob"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"nianbao/export"
)

// A folder of a province holds tens of thousands of bundles. What the
// aggregation keeps of each (its record: organ, dates, counts, packed
// table values) goes to files in a temporary folder, not to memory: the
// records are sorted on disk (sorted runs, then merged), and the organ list
// they give is written to a file read back as often as it is listed. So
// the aggregation holds one run of records at most, whatever the count.

// runBytes is about how much of the records is sorted in memory at once:
// small enough that a county of 1,500 organs fills it as a province does
// (records are 300–500 bytes), so that memory is about the same for both:
// a province of 30,000 makes about 30 runs, merged with a 32 KB buffer
// (and a decoder) each, about 1 MB.
const runBytes = 512 << 10

// spool sorts records on disk.
type spool struct {
	dir  string
	less func(a, b *record) bool
	buf  []record
	size int
	runs []string
}

func newSpool(dir string, less func(a, b *record) bool) *spool {
	return &spool{dir: dir, less: less}
}

// add takes one record, writing a sorted run when enough are held.
func (s *spool) add(r record) error {
	s.buf = append(s.buf, r)
	s.size += r.size()
	if s.size >= runBytes {
		return s.flush()
	}
	return nil
}

func (s *spool) flush() error {
	if len(s.buf) == 0 {
		return nil
	}
	slices.SortFunc(s.buf, func(a, b record) int {
		switch {
		case s.less(&a, &b):
			return -1
		case s.less(&b, &a):
			return 1
		}
		return 0
	})
	l, err := createList[record](filepath.Join(s.dir, "run"+strconv.Itoa(len(s.runs))))
	if err != nil {
		return err
	}
	for i := range s.buf {
		if err := l.add(s.buf[i]); err != nil {
			l.close()
			return err
		}
	}
	if err := l.close(); err != nil {
		return err
	}
	s.runs = append(s.runs, l.path)
	clear(s.buf)
	s.buf, s.size = s.buf[:0], 0
	return nil
}

// each calls fn with every record added, in order; it may be called once,
// after the last add.
func (s *spool) each(fn func(*record) error) error {
	if err := s.flush(); err != nil {
		return err
	}
	s.buf = nil
	m := &merge{less: s.less}
	defer func() {
		for _, r := range m.runs {
			r.close()
		}
	}()
	for _, path := range s.runs {
		r, err := openList[record](path)
		if err != nil {
			return err
		}
		m.runs = append(m.runs, r)
		if err := r.next(&r.head); err == nil {
			m.open = append(m.open, r)
		} else if !errors.Is(err, io.EOF) {
			return err
		}
	}
	heap.Init(m)
	for m.Len() > 0 {
		r := m.open[0]
		if err := fn(&r.head); err != nil {
			return err
		}
		r.head = record{}
		switch err := r.next(&r.head); {
		case err == nil:
			heap.Fix(m, 0)
		case errors.Is(err, io.EOF):
			heap.Pop(m)
		default:
			return err
		}
	}
	return nil
}

// remove deletes the runs.
func (s *spool) remove() {
	for _, p := range s.runs {
		os.Remove(p)
	}
	s.runs = nil
}

// merge is a heap of the runs not yet read to the end, by their next
// record.
type merge struct {
	less func(a, b *record) bool
	runs []*listReader[record] // every run, to close
	open []*listReader[record]
}

func (m *merge) Len() int           { return len(m.open) }
func (m *merge) Less(i, j int) bool { return m.less(&m.open[i].head, &m.open[j].head) }
func (m *merge) Swap(i, j int)      { m.open[i], m.open[j] = m.open[j], m.open[i] }
func (m *merge) Push(x any)         { m.open = append(m.open, x.(*listReader[record])) }
func (m *merge) Pop() any {
	x := m.open[len(m.open)-1]
	m.open = m.open[:len(m.open)-1]
	return x
}

// list is a file of values of one type, written in order and read back in
// the same order as often as needed.
type list[T any] struct {
	path string
	n    int
	f    *os.File
	w    *bufio.Writer
	enc  *gob.Encoder
}

func createList[T any](path string) (*list[T], error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	return &list[T]{path: path, f: f, w: w, enc: gob.NewEncoder(w)}, nil
}

func (l *list[T]) add(v T) error {
	l.n++
	return l.enc.Encode(&v)
}

// close ends the writing; the file stays for reading. A list not created
// (nil) or closed already is left as it is.
func (l *list[T]) close() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.w.Flush()
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

// each reads the list back in the order written. A file that cannot be
// read back is said in Chinese; fn's own errors come back as they are.
func (l *list[T]) each(fn func(T) error) error {
	if l.n == 0 {
		return nil
	}
	r, err := openList[T](l.path)
	if err != nil {
		return readErr(l.path, err)
	}
	defer r.close()
	for {
		var v T
		switch err := r.next(&v); {
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return readErr(l.path, err)
		}
		if err := fn(v); err != nil {
			return err
		}
	}
}

// readErr is a temporary list that cannot be read back. It may come up
// while the workbook is written to the stick, so it is a MediaError of no
// kind: export.WriteVerifiedFrom passes it on as it is, instead of taking
// a missing file on the system disk for a stick pulled out.
func readErr(path string, err error) error {
	return &export.MediaError{Kind: export.ErrOther, Path: path, Err: err,
		Msg: "汇总时读取临时文件失败（" + err.Error() + "）。请检查系统盘后重新汇总。"}
}

type listReader[T any] struct {
	f    *os.File
	dec  *gob.Decoder
	head T // the run's next record, in a merge
}

func openList[T any](path string) (*listReader[T], error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &listReader[T]{f: f, dec: gob.NewDecoder(bufio.NewReaderSize(f, 32<<10))}, nil
}

func (r *listReader[T]) next(v *T) error { return r.dec.Decode(v) }
func (r *listReader[T]) close()          { r.f.Close() }
