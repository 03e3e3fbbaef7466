package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// PrepareDir makes sure the export folder dir exists. A folder that is
// missing while its parent exists is created (created is true, so the
// caller can say so): a clerk types 「E:\年报」 for a new folder on the
// stick. Only the last level is created, so a mistyped path does not leave
// a trail of folders. A missing drive gets the stick message; a missing
// parent folder says which one is missing.
func PrepareDir(dir string) (created bool, err error) {
	return prepareDir(dir, hostPaths, hostFolders)
}

// pathRules are the path functions PrepareDir needs: filepath's on the host;
// tests give Windows' rules (drive letters, backslashes) on every platform.
type pathRules struct {
	clean, dir, base, volume func(string) string
	sep                      string
}

var hostPaths = pathRules{clean: filepath.Clean, dir: filepath.Dir, base: filepath.Base,
	volume: filepath.VolumeName, sep: string(filepath.Separator)}

// folderOps are the file-system calls PrepareDir makes.
type folderOps struct {
	stat  func(string) (fs.FileInfo, error)
	mkdir func(string) error
}

var hostFolders = folderOps{stat: os.Stat, mkdir: func(d string) error { return os.Mkdir(d, 0o755) }}

// prepareDir is PrepareDir's decision with the platform's path rules and
// file system passed in.
func prepareDir(dir string, p pathRules, f folderOps) (created bool, err error) {
	dir = p.clean(strings.TrimSpace(dir))
	st, err := f.stat(dir)
	switch {
	case err == nil && st.IsDir():
		return false, nil
	case err == nil:
		return false, &MediaError{Kind: ErrGone, Path: dir, Msg: "「" + dir + "」不是文件夹，请选择一个文件夹作为导出位置。"}
	case !errors.Is(err, fs.ErrNotExist):
		return false, classify(err, dir, dir)
	}
	if vol := p.volume(dir); vol != "" {
		if _, err := f.stat(vol + p.sep); err != nil {
			return false, &MediaError{Kind: ErrGone, Path: dir, Err: err,
				Msg: "找不到盘符「" + vol + "」，U盘可能没有插好或已被拔出。请重新插入U盘后再导出。"}
		}
	}
	parent := p.dir(dir)
	if st, err := f.stat(parent); err != nil || !st.IsDir() {
		return false, &MediaError{Kind: ErrGone, Path: dir, Err: err,
			Msg: "找不到文件夹「" + parent + "」，只能新建最后一级文件夹「" + p.base(dir) +
				"」。请核对路径；如果是U盘上的文件夹，请确认U盘已插好。"}
	}
	if err := f.mkdir(dir); err != nil && !errors.Is(err, fs.ErrExist) {
		return false, classify(err, parent, dir)
	}
	return true, nil
}
