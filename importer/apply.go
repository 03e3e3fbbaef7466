package importer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/model"
)

// BadRow is a row that was not imported, with the reason in Chinese.
type BadRow struct {
	Line   int
	Reason string
}

// Apply turns the sheet's rows into items of organID for year, checking every
// row before anything is written: a row without a title, without a date, with
// a date that cannot be read or that lies outside the year is refused and
// listed in bad with its line and reason. A row with the same title and date
// as an earlier row of the file or as an item in existing is skipped and
// counted in dups.
//
// Categories: an empty category becomes 其他; a category not in the default
// list is kept as written (cleaned of stray spaces), so an organ's own
// categories survive the import — the caller adds them to the organ's list
// (NewNames says which are new) and the preview shows them before the clerk
// confirms. Channels: one cell may list several, separated by 、，,；;/ or
// line breaks. Dates may be written as ParseDate accepts, optionally followed
// by a time, or be Excel date serial numbers.
func Apply(s *Sheet, m Mapping, organID int64, year int, existing []model.DisclosureItem) (items []model.DisclosureItem, bad []BadRow, dups int) {
	bad = append(bad, s.Bad...)
	seen := make(map[string]bool, len(existing)+len(s.Rows))
	for i := range existing {
		seen[dupKey(existing[i].Title, existing[i].Published)] = true
	}
	for i := range s.Rows {
		line := i + 2
		if i < len(s.Lines) {
			line = s.Lines[i]
		}
		title := cleanCell(s.Cell(i, m[FieldTitle]))
		if title == "" {
			bad = append(bad, BadRow{line, "标题为空"})
			continue
		}
		raw := cleanCell(s.Cell(i, m[FieldDate]))
		if raw == "" {
			bad = append(bad, BadRow{line, "缺少发布日期"})
			continue
		}
		d, err := parseCellDate(raw, "发布日期")
		if err != nil {
			bad = append(bad, BadRow{line, err.Error()})
			continue
		}
		if d.Year() != year {
			bad = append(bad, BadRow{line, fmt.Sprintf("发布日期 %s 不在 %d 年内", d.String(), year)})
			continue
		}
		key := dupKey(title, d)
		if seen[key] {
			dups++
			continue
		}
		seen[key] = true
		cat := cleanCell(s.Cell(i, m[FieldCategory]))
		if cat == "" {
			cat = model.ItemOther
		}
		items = append(items, model.DisclosureItem{
			OrganID:   organID,
			Year:      year,
			Title:     title,
			Published: d,
			Category:  cat,
			Channels:  splitChannels(s.Cell(i, m[FieldChannel])),
			Location:  cleanCell(s.Cell(i, m[FieldLink])),
		})
	}
	return items, bad, dups
}

func dupKey(title string, d model.Date) string {
	return strings.TrimSpace(title) + "\x00" + strconv.Itoa(int(d))
}

// cleanCell strips control and invisible characters, line breaks and outer
// spaces from a cell, and collapses inner runs of spaces.
func cleanCell(s string) string {
	return strings.Join(strings.Fields(model.CleanLine(s)), " ")
}

// parseCellDate reads a date cell: a text date (with an optional time after
// a space or T), or an Excel date serial number; label names the column in
// the message.
func parseCellDate(raw, label string) (model.Date, error) {
	t := strings.TrimSpace(model.NormalizeDigits(raw))
	if cut, _, ok := strings.Cut(t, " "); ok {
		t = cut
	}
	if len(t) > 10 && t[10] == 'T' {
		t = t[:10]
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil && !strings.ContainsAny(t, "eEnN") && len(t) != 8 {
		// 20000..80000 days after 1899-12-30 are the years 1954..2119.
		if f >= 20000 && f < 80000 {
			tm, err := excelize.ExcelDateToTime(math.Floor(f), false)
			if err == nil {
				return model.DateOf(tm), nil
			}
		}
		return 0, fmt.Errorf("%s「%s」看不懂，请写成 2021-03-05 或 2021年3月5日", label, raw)
	}
	d, err := model.ParseDate(t)
	if err != nil {
		return 0, err
	}
	return d, nil
}

func splitChannels(s string) []string {
	parts := strings.FieldsFunc(model.CleanText(s), func(r rune) bool {
		switch r {
		case '、', '，', ',', '；', ';', '/', '／', '\n', '\r', '|':
			return true
		}
		return false
	})
	var out []string
	seen := map[string]bool{}
	for _, p := range parts {
		p = cleanCell(p)
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// NewNames lists the categories and channels used by items that are in
// neither the known lists nor the defaults, each once, in first-use order:
// what an import adds to the organ's lists.
func NewNames(items []model.DisclosureItem, knownCats, knownChans []string) (cats, chans []string) {
	have := func(lists ...[]string) map[string]bool {
		m := map[string]bool{}
		for _, l := range lists {
			for _, x := range l {
				m[x] = true
			}
		}
		return m
	}
	hc := have(model.DefaultItemCategories, knownCats)
	hn := have(model.DefaultItemChannels, knownChans)
	for _, it := range items {
		if !hc[it.Category] {
			hc[it.Category] = true
			cats = append(cats, it.Category)
		}
		for _, ch := range it.Channels {
			if !hn[ch] {
				hn[ch] = true
				chans = append(chans, ch)
			}
		}
	}
	return cats, chans
}
