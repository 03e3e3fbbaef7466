package model

import (
	"strings"
	"testing"
)

func item(title string, d Date, cat string, chans ...string) DisclosureItem {
	return DisclosureItem{Title: title, Published: d, Year: d.Year(), Category: cat, Channels: chans}
}

func TestCountItems(t *testing.T) {
	items := []DisclosureItem{
		item("a", NewDate(2021, 1, 4), "政策文件", "政府门户网站", "政务新媒体"),
		item("b", NewDate(2021, 2, 4), "政策文件", "政府门户网站"),
		item("c", NewDate(2021, 12, 31), "工作动态", "政务公开栏", "政务公开栏"),
		item("d", NewDate(2021, 6, 1), "", "村务公开墙"),
		item("e", NewDate(2021, 6, 2), "乡村振兴"),
		item("last year", NewDate(2020, 12, 31), "政策文件", "政府门户网站"),
		item("next year", NewDate(2022, 1, 1), "政策文件", "政府门户网站"),
	}
	c := CountItems(2021, items)
	if c.Total != 5 {
		t.Fatalf("total = %d, want 5 (two-channel item once, other years out)", c.Total)
	}
	want := map[string]int{"政策文件": 2, "工作动态": 1, "其他": 1, "乡村振兴": 1, "机构职能": 0}
	for k, n := range want {
		if got := c.Category(k); got != n {
			t.Errorf("category %s = %d, want %d", k, got, n)
		}
	}
	wantCh := map[string]int{"政府门户网站": 2, "政务新媒体": 1, "政务公开栏": 1, "村务公开墙": 1, "政府公报": 0}
	for k, n := range wantCh {
		if got := c.Channel(k); got != n {
			t.Errorf("channel %s = %d, want %d", k, got, n)
		}
	}
	// Defaults first in list order (zeros kept), then others by name.
	if len(c.Categories) != len(DefaultItemCategories)+1 {
		t.Fatalf("categories = %v", c.Categories)
	}
	for i, name := range DefaultItemCategories {
		if c.Categories[i].Name != name {
			t.Fatalf("category %d = %s, want %s", i, c.Categories[i].Name, name)
		}
	}
	if last := c.Categories[len(c.Categories)-1]; last.Name != "乡村振兴" {
		t.Errorf("extra category last, got %v", last)
	}
	if c.Channels[len(c.Channels)-1].Name != "村务公开墙" {
		t.Errorf("extra channel last, got %v", c.Channels)
	}
}

func TestItemsSentence(t *testing.T) {
	items := []DisclosureItem{
		item("a", NewDate(2021, 1, 4), "政策文件", "政府门户网站", "政务新媒体"),
		item("b", NewDate(2021, 2, 4), "工作动态", "政府门户网站"),
		item("c", NewDate(2021, 3, 4), "工作动态", "政务新媒体"),
	}
	got := ItemsSentence(2021, CountItems(2021, items))
	want := "本年度主动公开政府信息3条，其中政策文件1条、工作动态2条；通过政府门户网站发布2条、通过政务新媒体发布2条。"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if strings.Contains(got, "机构职能") {
		t.Error("zero categories must be left out")
	}
	if got := ItemsSentence(2021, CountItems(2021, nil)); got != "本年度未主动公开政府信息。" {
		t.Errorf("empty year: %s", got)
	}
}

func flagged(d Date, row string, a Art20Action) DisclosureItem {
	it := item("doc", d, "政策文件", "政府门户网站")
	it.Art20Row, it.Art20Action = row, a
	return it
}

func TestArt20FromItems(t *testing.T) {
	items := []DisclosureItem{
		flagged(NewDate(2021, 3, 1), RowNormativeDocs, Art20Issued),
		flagged(NewDate(2021, 4, 1), RowNormativeDocs, Art20Issued),
		flagged(NewDate(2021, 5, 1), RowNormativeDocs, Art20Repealed),
		flagged(NewDate(2021, 5, 2), RowRules, Art20Issued),
		flagged(NewDate(2020, 5, 1), RowNormativeDocs, Art20Issued), // other year
		flagged(NewDate(2021, 6, 1), "", Art20Issued),               // no row
		item("plain", NewDate(2021, 7, 1), "工作动态"),
	}
	f21 := FormatByID("2021")
	v := Art20FromItems(f21, 2021, items)
	cases := map[CellAddress]int64{
		Addr(TableS2Item1, RowNormativeDocs, "issued"):   2,
		Addr(TableS2Item1, RowNormativeDocs, "repealed"): 1,
		Addr(TableS2Item1, RowRules, "issued"):           1,
		Addr(TableS2Item1, RowRules, "repealed"):         0,
	}
	for a, n := range cases {
		x, ok := v[a]
		if !ok || x != n {
			t.Errorf("2021 %s = %d (present %v), want %d", a, x, ok, n)
		}
	}
	if _, ok := v[Addr(TableS2Item1, RowNormativeDocs, "in_force")]; ok {
		t.Error("现行有效件数 stays typed")
	}

	f19 := FormatByID("2019")
	for i := range items {
		items[i].Published = NewDate(2019, items[i].Published.Month(), items[i].Published.Day())
	}
	v = Art20FromItems(f19, 2019, items)
	if got := v[Addr(TableS2Item1, RowNormativeDocs, "made")]; got != 3 {
		t.Errorf("2019 made = %d, want 3", got)
	}
	if got := v[Addr(TableS2Item1, RowNormativeDocs, "published")]; got != 3 {
		t.Errorf("2019 published = %d, want 3", got)
	}
	if len(v) != 4 {
		t.Errorf("2019 computes 4 cells, got %v", v)
	}
}

func TestEffectiveValuesArt20Mode(t *testing.T) {
	r := NewReport(1, 2021)
	issued := Addr(TableS2Item1, RowNormativeDocs, "issued")
	inForce := Addr(TableS2Item1, RowNormativeDocs, "in_force")
	r.Values[issued] = 7
	r.Values[inForce] = 12
	oy := &OrganYear{Report: r, Items: []DisclosureItem{
		flagged(NewDate(2021, 3, 1), RowNormativeDocs, Art20Issued),
		flagged(NewDate(2021, 4, 1), RowNormativeDocs, Art20Issued),
	}}
	// The zero mode keeps what the clerk typed.
	if got := EffectiveValues(oy)[issued]; got != 7 {
		t.Errorf("typed mode: issued = %d, want 7", got)
	}
	r.Art20Mode = FromLog
	v := EffectiveValues(oy)
	if v[issued] != 2 {
		t.Errorf("from items: issued = %d, want 2", v[issued])
	}
	if v[inForce] != 12 {
		t.Errorf("in_force stays typed: %d", v[inForce])
	}
	if r.Values[issued] != 7 {
		t.Error("the report's own map must not change")
	}
	oy.Items = nil
	if got := EffectiveValues(oy)[issued]; got != 0 {
		t.Errorf("no flagged items: issued = %d, want 0 (typed value ignored)", got)
	}
}
