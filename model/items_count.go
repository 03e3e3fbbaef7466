package model

import (
	"sort"
	"strconv"
	"strings"
)

// DefaultItemCategories are the categories (类别) a disclosure item is filed
// under, in the order forms and counts list them. An organ may add its own
// (the db keeps them per organ); 其他 catches everything else.
var DefaultItemCategories = []string{
	"机构职能", "政策文件", "规划计划", "财政预决算", "政策解读", "回应关切",
	"工作动态", "民生保障", "项目公示", "人事信息", ItemOther,
}

// DefaultItemChannels are the channels (发布渠道) an item is published on.
var DefaultItemChannels = []string{"政府门户网站", "政务新媒体", "政务公开栏", "政府公报", ItemOther}

// ItemOther is the catch-all category and channel.
const ItemOther = "其他"

// NamedCount is a count under a name (a category or a channel).
type NamedCount struct {
	Name string
	N    int
}

// ItemCounts summarises a year's disclosure items.
type ItemCounts struct {
	// Total counts each item once, whatever its channels.
	Total int
	// Categories lists every default category in list order (zeros
	// included), then any other category found, by name.
	Categories []NamedCount
	// Channels lists every default channel in list order, then others by
	// name. An item on two channels counts once in each.
	Channels []NamedCount
}

// Category returns the count of one category (0 when absent).
func (c ItemCounts) Category(name string) int { return findCount(c.Categories, name) }

// Channel returns the count of one channel (0 when absent).
func (c ItemCounts) Channel(name string) int { return findCount(c.Channels, name) }

func findCount(ns []NamedCount, name string) int {
	for _, n := range ns {
		if n.Name == name {
			return n.N
		}
	}
	return 0
}

// ItemInYear reports whether an item counts in year: published in it, or,
// when it has no date, filed under it.
func ItemInYear(it *DisclosureItem, year int) bool {
	if it.Published.IsZero() {
		return it.Year == year
	}
	return it.Published.Year() == year
}

// CountItems counts the items published in year: the total, by category and
// by channel. An item without a category counts under 其他; an item listing
// the same channel twice counts once in it.
func CountItems(year int, items []DisclosureItem) ItemCounts {
	cats := map[string]int{}
	chans := map[string]int{}
	var c ItemCounts
	for i := range items {
		it := &items[i]
		if !ItemInYear(it, year) {
			continue
		}
		c.Total++
		cat := strings.TrimSpace(it.Category)
		if cat == "" {
			cat = ItemOther
		}
		cats[cat]++
		seen := map[string]bool{}
		for _, ch := range it.Channels {
			ch = strings.TrimSpace(ch)
			if ch == "" || seen[ch] {
				continue
			}
			seen[ch] = true
			chans[ch]++
		}
	}
	c.Categories = orderedCounts(DefaultItemCategories, cats)
	c.Channels = orderedCounts(DefaultItemChannels, chans)
	return c
}

func orderedCounts(defaults []string, m map[string]int) []NamedCount {
	out := make([]NamedCount, 0, len(defaults)+len(m))
	known := map[string]bool{}
	for _, d := range defaults {
		known[d] = true
		out = append(out, NamedCount{Name: d, N: m[d]})
	}
	var extra []string
	for k := range m {
		if !known[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		out = append(out, NamedCount{Name: k, N: m[k]})
	}
	return out
}

// Art20Cells lists the table 二（一） cells that are computed from flagged
// items when a report's Art20Mode is FromLog: in the 2021 format 本年制发件数
// and 本年废止件数, in the 2019 format 本年新制作数量 and 本年新公开数量, for
// both rows. 现行有效件数 and 对外公开总数量 stay typed.
func Art20Cells(f *Format) []CellAddress {
	if f == nil || f.Table(TableS2Item1) == nil {
		return nil
	}
	cols := []string{"issued", "repealed"}
	if f.ID == "2019" {
		cols = []string{"made", "published"}
	}
	var out []CellAddress
	for _, r := range []string{RowRules, RowNormativeDocs} {
		for _, c := range cols {
			out = append(out, Addr(TableS2Item1, r, c))
		}
	}
	return out
}

// IsArt20Cell reports whether a is one of Art20Cells(f).
func IsArt20Cell(f *Format, a CellAddress) bool {
	for _, c := range Art20Cells(f) {
		if c == a {
			return true
		}
	}
	return false
}

// Art20FromItems computes the 二（一） cells of Art20Cells from the items of
// year flagged with a row and an action. Every such cell is present in the
// result, zero when no item counts in it. In the 2019 format an issued
// document counts both as made and as published; that format has no column
// for repealed documents, so they do not count there.
func Art20FromItems(f *Format, year int, items []DisclosureItem) Values {
	v := Values{}
	for _, a := range Art20Cells(f) {
		v[a] = 0
	}
	if len(v) == 0 {
		return v
	}
	for i := range items {
		it := &items[i]
		if !ItemInYear(it, year) || (it.Art20Row != RowRules && it.Art20Row != RowNormativeDocs) {
			continue
		}
		switch {
		case f.ID == "2019" && it.Art20Action == Art20Issued:
			v[Addr(TableS2Item1, it.Art20Row, "made")]++
			v[Addr(TableS2Item1, it.Art20Row, "published")]++
		case f.ID != "2019" && it.Art20Action == Art20Issued:
			v[Addr(TableS2Item1, it.Art20Row, "issued")]++
		case f.ID != "2019" && it.Art20Action == Art20Repealed:
			v[Addr(TableS2Item1, it.Art20Row, "repealed")]++
		}
	}
	return v
}

// ItemsSentence is the sentence section 二's narrative can quote:
// 「本年度主动公开政府信息N条，其中政策文件X条、工作动态Y条……」, categories
// with no item left out, followed by the channels used. The numbers are
// those rule N1 compares with the tables.
func ItemsSentence(year int, c ItemCounts) string {
	if c.Total == 0 {
		return "本年度未主动公开政府信息。"
	}
	var b strings.Builder
	b.WriteString("本年度主动公开政府信息")
	b.WriteString(strconv.Itoa(c.Total))
	b.WriteString("条")
	var parts []string
	for _, n := range c.Categories {
		if n.N > 0 {
			parts = append(parts, n.Name+strconv.Itoa(n.N)+"条")
		}
	}
	if len(parts) > 0 {
		b.WriteString("，其中")
		b.WriteString(strings.Join(parts, "、"))
	}
	parts = parts[:0]
	for _, n := range c.Channels {
		if n.N > 0 {
			parts = append(parts, n.Name+"发布"+strconv.Itoa(n.N)+"条")
		}
	}
	if len(parts) > 0 {
		b.WriteString("；通过")
		b.WriteString(strings.Join(parts, "、通过"))
	}
	b.WriteString("。")
	return b.String()
}
