package export

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// ErrKind classifies a failure to write to media.
type ErrKind int

const (
	ErrOther      ErrKind = iota
	ErrReadOnly           // write-protected stick or read-only file system
	ErrNoSpace            // medium full
	ErrGone               // device removed or folder vanished
	ErrPermission         // no permission to write the folder
	ErrVerify             // read-back differs from what was written
	ErrExists             // targets exist and overwriting was not chosen
)

// MediaError is a failure to write an export, with a Chinese message the
// clerk can act on.
type MediaError struct {
	Kind ErrKind
	Msg  string
	Path string
	Err  error
}

func (e *MediaError) Error() string { return e.Msg }
func (e *MediaError) Unwrap() error { return e.Err }

// FileResult describes one verified file.
type FileResult struct {
	Path   string
	Size   int64
	SHA256 string
}

// fileSystem is the seam WriteVerified works through, so tests can simulate
// a write-protected stick, a full one and one pulled out mid-write.
type fileSystem interface {
	Stat(name string) (fs.FileInfo, error)
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	SyncDir(dir string) error
	// ReadBack reads a file back from the medium into w.
	ReadBack(name string, w io.Writer) error
}

type tempFile interface {
	Name() string
	Chmod(mode fs.FileMode) error
	Write(p []byte) (int, error)
	Sync() error
	Close() error
}

type osFS struct{}

func (osFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
func (osFS) CreateTemp(dir, pattern string) (tempFile, error) {
	return os.CreateTemp(dir, pattern)
}
func (osFS) Rename(o, n string) error                { return os.Rename(o, n) }
func (osFS) Remove(name string) error                { return os.Remove(name) }
func (osFS) SyncDir(dir string) error                { return syncDir(dir) }
func (osFS) ReadBack(name string, w io.Writer) error { return readFromMedium(name, w) }

// WriteVerified writes data to dir/name so that the final name only ever
// holds the complete file: it writes a temp file in the same folder, syncs
// and closes it, renames it to the final name, syncs the folder, then reads
// the file back and compares SHA-256. On any failure the temp file is
// removed and the error is a *MediaError with a Chinese message. An
// existing file of the same name is replaced; callers that must ask first
// check with Existing.
func WriteVerified(dir, name string, data []byte) (FileResult, error) {
	return writeVerified(osFS{}, dir, name, data)
}

// WriteVerifiedFrom is WriteVerified for a file too large to hold in
// memory: write writes it, and it is checked against the SHA-256 of what
// write wrote, read back in pieces.
func WriteVerifiedFrom(dir, name string, write func(io.Writer) error) (FileResult, error) {
	return writeVerifiedFrom(osFS{}, dir, name, write, 0o644)
}

// WritePrivate is WriteVerified for a file holding applicants' personal
// data (letters, the request-log workbook): readable by its owner only
// where the file system has modes.
func WritePrivate(dir, name string, data []byte) (FileResult, error) {
	return writeVerifiedMode(osFS{}, dir, name, data, 0o600)
}

// VerifyOnMedium reads a written file back from the medium (not the cache)
// and checks that it is still what was written, e.g. at the end of an
// export, after the stick may have been pulled out and put back.
func VerifyOnMedium(f FileResult) error {
	return verifyOnMedium(osFS{}, f)
}

func verifyOnMedium(fsys fileSystem, f FileResult) error {
	dir, name := filepath.Dir(f.Path), filepath.Base(f.Path)
	got, err := sumBack(fsys, f.Path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &MediaError{Kind: ErrGone, Path: f.Path, Err: err,
				Msg: "写好的「" + name + "」在「" + dir + "」中找不到了，U盘可能被拔出后又插上。请确认U盘插好后重新导出。"}
		}
		return classify(err, dir, f.Path)
	}
	if hex.EncodeToString(got) != f.SHA256 {
		return &MediaError{Kind: ErrVerify, Path: f.Path,
			Msg: "「" + name + "」再次读回的内容与写入的不一致，U盘可能被拔出后又插上，或有坏块。请换一个U盘或插口后重新导出。"}
	}
	return nil
}

func writeVerified(fsys fileSystem, dir, name string, data []byte) (FileResult, error) {
	return writeVerifiedMode(fsys, dir, name, data, 0o644)
}

func writeVerifiedMode(fsys fileSystem, dir, name string, data []byte, mode fs.FileMode) (FileResult, error) {
	return writeVerifiedFrom(fsys, dir, name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, mode)
}

// sumBack is the SHA-256 of a file read back from the medium.
func sumBack(fsys fileSystem, name string) ([]byte, error) {
	h := sha256.New()
	if err := fsys.ReadBack(name, h); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// countingWriter counts what goes through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func writeVerifiedFrom(fsys fileSystem, dir, name string, write func(io.Writer) error, mode fs.FileMode) (FileResult, error) {
	final := filepath.Join(dir, name)
	fail := func(err error) (FileResult, error) { return FileResult{}, classify(err, dir, final) }
	if st, err := fsys.Stat(dir); err != nil {
		return fail(err)
	} else if !st.IsDir() {
		return FileResult{}, &MediaError{Kind: ErrGone, Path: dir, Msg: "「" + dir + "」不是文件夹，请选择一个文件夹作为导出位置。"}
	}
	// The temp file is named after the file it becomes, so a copy killed
	// while writing leaves one that the next write of that file removes.
	removeStaleTemps(dir, name)
	tmp, err := fsys.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return fail(err)
	}
	tmpName := tmp.Name()
	cleanup := func(err error) (FileResult, error) {
		tmp.Close()
		fsys.Remove(tmpName)
		return fail(err)
	}
	// Public files are readable by everyone like any copied file, files
	// with personal data by their owner only; FAT sticks ignore modes.
	_ = tmp.Chmod(mode)
	sum := sha256.New()
	// Buffered: write may hand over small pieces, and a stick takes large
	// writes best.
	buf := bufio.NewWriterSize(tmp, 1<<20)
	out := &countingWriter{w: io.MultiWriter(buf, sum)}
	if err := write(out); err != nil {
		return cleanup(err)
	}
	if err := buf.Flush(); err != nil {
		return cleanup(err)
	}
	if err := tmp.Sync(); err != nil {
		return cleanup(err)
	}
	if err := tmp.Close(); err != nil {
		fsys.Remove(tmpName)
		return fail(err)
	}
	if err := fsys.Rename(tmpName, final); err != nil {
		fsys.Remove(tmpName)
		return fail(err)
	}
	if err := fsys.SyncDir(dir); err != nil {
		fsys.Remove(final)
		return fail(err)
	}
	got, err := sumBack(fsys, final)
	if err != nil {
		fsys.Remove(final)
		return fail(err)
	}
	want := sum.Sum(nil)
	if !bytes.Equal(want, got) {
		fsys.Remove(final)
		return FileResult{}, &MediaError{Kind: ErrVerify, Path: final,
			Msg: "「" + name + "」写入后读回的内容与原文件不一致，U盘可能有坏块或接触不良。已删除该文件，请换一个U盘或插口后重新导出。"}
	}
	return FileResult{Path: final, Size: out.n, SHA256: hex.EncodeToString(want)}, nil
}

// removeStaleTemps deletes the temp files an earlier write of dir/name left
// when it was killed (".<name>.<random>.tmp").
func removeStaleTemps(dir, name string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + name + "."
	for _, e := range ents {
		if n := e.Name(); !e.IsDir() && strings.HasPrefix(n, prefix) && strings.HasSuffix(n, ".tmp") {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// classify turns an I/O error into a MediaError with a Chinese message.
func classify(err error, dir, path string) error {
	var me *MediaError
	if errors.As(err, &me) {
		return me
	}
	kind := osErrKind(err)
	if kind == ErrOther {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			kind = ErrGone
		case errors.Is(err, fs.ErrPermission):
			kind = ErrPermission
		}
	}
	e := &MediaError{Kind: kind, Path: path, Err: err}
	switch kind {
	case ErrReadOnly:
		e.Msg = "目标位置「" + dir + "」是只读的，无法写入。请检查U盘侧面的写保护开关是否拨到了锁定位置，或换一个U盘。"
	case ErrNoSpace:
		e.Msg = "目标位置「" + dir + "」空间不足，文件没有写完，已清除未写完的部分。请删除U盘上不需要的文件或换一个U盘后重新导出。"
	case ErrGone:
		e.Msg = "找不到目标文件夹「" + dir + "」，U盘可能已被拔出。请重新插入U盘，确认文件夹存在后再导出。"
	case ErrPermission:
		e.Msg = "没有在「" + dir + "」中写入文件的权限。请换一个文件夹（例如U盘根目录），或请管理员开通权限。"
	default:
		if errors.Is(err, syscall.ENAMETOOLONG) {
			e.Msg = "文件名「" + filepath.Base(path) + "」太长，目标位置「" + dir + "」不接受。请缩短机关名称（最多 60 个字）后重新导出。"
			break
		}
		e.Msg = "写入「" + filepath.Base(path) + "」失败（" + strings.TrimSpace(err.Error()) + "）。请检查U盘后重新导出。"
	}
	return e
}

// Existing lists which of the names already exist in dir.
func Existing(dir string, names []string) []string {
	var out []string
	for _, n := range names {
		if _, err := os.Lstat(filepath.Join(dir, n)); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// Drive is a removable medium the export can be written to.
type Drive struct {
	Path  string // mount point or drive root (E:\)
	Label string
	Free  uint64 // bytes
}
