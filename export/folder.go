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
	dir = filepath.Clean(strings.TrimSpace(dir))
	st, err := os.Stat(dir)
	switch {
	case err == nil && st.IsDir():
		return false, nil
	case err == nil:
		return false, &MediaError{Kind: ErrGone, Path: dir, Msg: "「" + dir + "」不是文件夹，请选择一个文件夹作为导出位置。"}
	case !errors.Is(err, fs.ErrNotExist):
		return false, classify(err, dir, dir)
	}
	if vol := filepath.VolumeName(dir); vol != "" {
		if _, err := os.Stat(vol + string(filepath.Separator)); err != nil {
			return false, &MediaError{Kind: ErrGone, Path: dir, Err: err,
				Msg: "找不到盘符「" + vol + "」，U盘可能没有插好或已被拔出。请重新插入U盘后再导出。"}
		}
	}
	parent := filepath.Dir(dir)
	if st, err := os.Stat(parent); err != nil || !st.IsDir() {
		return false, &MediaError{Kind: ErrGone, Path: dir, Err: err,
			Msg: "找不到文件夹「" + parent + "」，只能新建最后一级文件夹「" + filepath.Base(dir) +
				"」。请核对路径；如果是U盘上的文件夹，请确认U盘已插好。"}
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return false, classify(err, parent, dir)
	}
	return true, nil
}
