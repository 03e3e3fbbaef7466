package desk

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestLayers holds the rules on the arrows of ARCHITECTURE.md, for the
// Linux and the Windows build of every package (test files aside): cmd
// reaches the workstation only through the root package tui, tui reaches
// the store and the renderers only through desk, db and export never meet,
// and model imports nothing of ours.
func TestLayers(t *testing.T) {
	under := func(path, pkg string) bool { return path == pkg || strings.HasPrefix(path, pkg+"/") }
	rules := []struct {
		from   string // the packages the rule is about (this one and those below it)
		banned func(imp string) bool
		why    string
	}{
		{"nianbao/cmd", func(imp string) bool { return under(imp, "nianbao/tui") && imp != "nianbao/tui" },
			"cmd calls the workstation only through the root package tui"},
		{"nianbao/tui", func(imp string) bool { return under(imp, "nianbao/db") || under(imp, "nianbao/export") },
			"tui reaches the store and the renderers only through desk"},
		{"nianbao/db", func(imp string) bool { return under(imp, "nianbao/export") }, "db and export never meet"},
		{"nianbao/export", func(imp string) bool { return under(imp, "nianbao/db") }, "db and export never meet"},
		{"nianbao/model", func(imp string) bool { return under(imp, "nianbao") }, "model imports nothing of ours"},
	}
	root := ".."
	checked := map[string]bool{}
	for _, goos := range []string{"linux", "windows"} {
		ctx := build.Default
		ctx.GOOS = goos
		err := filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				return nil
			}
			if name := d.Name(); dir != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "third_party") {
				return filepath.SkipDir
			}
			rel, err := filepath.Rel(root, dir)
			if err != nil {
				return err
			}
			pkg := "nianbao"
			if rel != "." {
				pkg += "/" + filepath.ToSlash(rel)
			}
			p, err := ctx.ImportDir(dir, 0)
			if err != nil {
				return nil // no Go files for this system here
			}
			for _, r := range rules {
				if !under(pkg, r.from) {
					continue
				}
				checked[pkg] = true
				for _, imp := range p.Imports {
					if r.banned(imp) {
						t.Errorf("%s (%s) imports %s: %s", pkg, goos, imp, r.why)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range []string{"nianbao/cmd/nianbao", "nianbao/tui", "nianbao/tui/requests", "nianbao/db", "nianbao/export", "nianbao/model"} {
		if !checked[want] {
			t.Errorf("the walk did not reach %s", want)
		}
	}
}
