package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrepareDir(t *testing.T) {
	root := t.TempDir()
	// An existing folder is used as it is.
	if created, err := PrepareDir(root); err != nil || created {
		t.Fatalf("existing folder: created %v, err %v", created, err)
	}
	// A missing folder whose parent exists is created.
	dir := filepath.Join(root, "年报")
	created, err := PrepareDir(dir)
	if err != nil || !created {
		t.Fatalf("new folder: created %v, err %v", created, err)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Fatalf("folder not made: %v", err)
	}
	// Two missing levels: nothing is created and the message names the
	// missing parent.
	deep := filepath.Join(root, "甲", "乙")
	_, err = PrepareDir(deep)
	var me *MediaError
	if !errors.As(err, &me) || !strings.Contains(me.Msg, "找不到文件夹「"+filepath.Join(root, "甲")+"」") {
		t.Fatalf("missing parent: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "甲")); !os.IsNotExist(err) {
		t.Fatal("a missing parent must not be created")
	}
	// A file is not a folder.
	f := filepath.Join(root, "a.txt")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := PrepareDir(f); err == nil || !strings.Contains(err.Error(), "不是文件夹") {
		t.Fatalf("file as folder: %v", err)
	}
}

// Run exports into a folder that does not exist yet and says it made it.
func TestRunCreatesTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "年报导出")
	res, err := Run(context.Background(), fixture2021(), Options{Formats: []string{"txt"}, Dir: dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.CreatedDir != dir || len(res.Files) != 1 {
		t.Fatalf("result %+v", res)
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err != nil {
		t.Fatal(err)
	}
}
