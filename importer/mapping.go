package importer

import (
	"strings"
	"unicode/utf8"

	"nianbao/model"
)

// Field is an item field a column can be mapped to.
type Field int

const (
	FieldTitle Field = iota
	FieldDate
	FieldCategory
	FieldChannel
	FieldLink
	NumFields
)

// Fields lists the fields in the order the mapping step shows them.
var Fields = []Field{FieldTitle, FieldDate, FieldCategory, FieldChannel, FieldLink}

// Label is the field's Chinese name.
func (f Field) Label() string {
	switch f {
	case FieldTitle:
		return "标题"
	case FieldDate:
		return "发布日期"
	case FieldCategory:
		return "类别"
	case FieldChannel:
		return "发布渠道"
	case FieldLink:
		return "链接"
	}
	return ""
}

// Required reports whether an import cannot run without the field.
func (f Field) Required() bool { return f == FieldTitle || f == FieldDate }

// Mapping gives, for each field, the column index it is read from, or -1.
type Mapping [NumFields]int

// NoMapping maps nothing.
func NoMapping() Mapping {
	var m Mapping
	for i := range m {
		m[i] = -1
	}
	return m
}

// Cycle moves field f to the next column (or back to none after the last)
// in a sheet of n columns; step -1 goes the other way. A column taken by
// another field is skipped.
func (m *Mapping) Cycle(f Field, n, step int) {
	// Positions run over -1..n-1, i.e. n+1 states.
	cur := m[f]
	for range n + 1 {
		cur += step
		if cur >= n {
			cur = -1
		} else if cur < -1 {
			cur = n - 1
		}
		if cur == -1 || !m.taken(f, cur) {
			m[f] = cur
			return
		}
	}
}

func (m *Mapping) taken(f Field, col int) bool {
	for g := range NumFields {
		if g != f && m[g] == col {
			return true
		}
	}
	return false
}

// Missing lists the required fields not mapped.
func (m Mapping) Missing() []Field {
	var out []Field
	for _, f := range Fields {
		if f.Required() && m[f] < 0 {
			out = append(out, f)
		}
	}
	return out
}

// headerNames are the header texts each field is recognised by, the most
// specific first. A header equal to one of them wins over one that merely
// contains it.
var headerNames = [NumFields][]string{
	FieldTitle:    {"标题", "信息名称", "信息标题", "文件名称", "文件标题", "名称", "题目", "公开事项", "内容"},
	FieldDate:     {"发布日期", "发布时间", "公开日期", "公开时间", "日期", "时间", "成文日期"},
	FieldCategory: {"类别", "栏目", "信息类别", "公开类别", "分类", "类型", "所属栏目"},
	FieldChannel:  {"渠道", "发布渠道", "公开渠道", "公开方式", "公开形式", "发布平台", "载体"},
	FieldLink:     {"链接", "网址", "网页地址", "链接地址", "URL", "公开地址", "地址"},
}

// normHeader cleans a header cell for matching: invisible characters,
// spaces, full-width forms, a trailing colon and a bracketed note go; Latin letters are upper-cased.
func normHeader(s string) string {
	s = model.NormalizeDigits(model.CleanLine(s))
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '*' || r == '＊' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimRight(s, ":：")
	// A note in brackets (必填, yyyy-mm-dd) is not part of the name.
	if i := strings.IndexAny(s, "(（"); i > 0 {
		s = s[:i]
	}
	return strings.ToUpper(s)
}

// GuessMapping maps fields to columns by their header names (标题/信息名称,
// 发布日期/日期/时间, 类别/栏目, 渠道/发布渠道, 链接/网址 and common variants):
// exact names first, then headers containing a name. Each column serves one
// field; fields not found are -1.
func GuessMapping(header []string) Mapping {
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = normHeader(h)
	}
	names := make([][]string, len(Fields))
	for i, f := range Fields {
		names[i] = headerNames[f]
	}
	m := NoMapping()
	for i, c := range matchHeaders(norm, names) {
		m[Fields[i]] = c
	}
	return m
}

// matchHeaders is the column guess both importers use: norm holds the
// normalised headers ("" for a column that serves no field), names the
// header names of each field in order. Exact names are matched first, then
// short headers containing a name (a long cell is a data row or a caption,
// not a header); each column serves one field. It returns each field's
// column, -1 where none was found.
func matchHeaders(norm []string, names [][]string) []int {
	cols := make([]int, len(names))
	for i := range cols {
		cols[i] = -1
	}
	used := map[int]bool{}
	assign := func(match func(h, name string) bool) {
		for f := range names {
			if cols[f] >= 0 {
				continue
			}
		found:
			for _, name := range names[f] {
				name = normHeader(name)
				for c, h := range norm {
					if !used[c] && h != "" && match(h, name) {
						cols[f] = c
						used[c] = true
						break found
					}
				}
			}
		}
	}
	assign(func(h, name string) bool { return h == name })
	assign(func(h, name string) bool { return utf8.RuneCountInString(h) <= 10 && strings.Contains(h, name) })
	return cols
}
