package text

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// spellsKey matches a key written into a sentence: a named key, a Ctrl or
// Alt chord, an arrow, 空格 (the space bar) or 按 followed by one letter.
// Hints name keys through the bindings (keys.Key, components.KeyHints), so
// a changed binding changes every sentence that names it.
var spellsKey = regexp.MustCompile(`(?i)\b(enter|esc|tab|shift\+tab|ctrl\+\w+|alt\+\S+|pgup|pgdown|pgdn|backspace|f1|y/n)\b|[↑↓←→]|空格|按\s*[a-z?](?:$|[^a-z])`)

// mayNameKey are the strings allowed to match spellsKey, each with why.
var mayNameKey = map[string]string{
	// "已有 → 报送包": the arrow shows which way a value would change.
	"BunAskDiff": "an arrow between the old and the new value, not a key",
}

// TestNoStringSpellsAKey fails when a string of the table names a key by
// hand instead of taking it from the binding that handles it.
func TestNoStringSpellsAKey(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, f := range files {
		if matched, _ := filepath.Match("*_test.go", f); matched {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, name := range vs.Names {
				if i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				seen++
				if m := spellsKey.FindString(s); m != "" && mayNameKey[name.Name] == "" {
					t.Errorf("%s: %s = %q names the key %q by hand; take it from the binding (keys.Key, components.KeyHints)",
						fset.Position(lit.Pos()), name.Name, s, m)
				}
			}
			return true
		})
	}
	if seen < 100 {
		t.Fatalf("read only %d strings", seen)
	}
	for name := range mayNameKey {
		if !declared(t, name) {
			t.Errorf("allow-list names %s, which is not a string of the table", name)
		}
	}
}

func declared(t *testing.T, name string) bool {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if file.Scope.Lookup(name) != nil {
			return true
		}
	}
	return false
}

// TestSpellsKeyCatchesHints checks the pattern on sentences that name keys
// and on ones that do not.
func TestSpellsKeyCatchesHints(t *testing.T) {
	for _, s := range []string{"按 enter 导出", "（ctrl+z 或 u 撤销）", "按 n 新增一条。", "←/→ 选择", "请用空格勾选", "按 pgdown 查看", "按 ? 或 esc 关闭"} {
		if !spellsKey.MatchString(s) {
			t.Errorf("%q names a key but was not caught", s)
		}
	}
	for _, s := range []string{"按单位信息自动生成", "按 %s 新增一条。", "已保存 %s", "按答复日期所在年度的格式列出", "Excel/CSV 表格", "2021版"} {
		if spellsKey.MatchString(s) {
			t.Errorf("%q was taken for a key", s)
		}
	}
}
