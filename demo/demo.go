// Package demo builds the demonstration organ-years a clerk can explore
// before typing a report of their own: 大雁镇人民政府 with its 2019 report
// (figures from the published 2019 report) and a 2021 report with a full
// request log. Everything here is pure: it builds model values and does no
// I/O. The personal data of applicants is invented.
package demo

import (
	"strconv"
	"strings"

	"nianbao/model"
)

// OrganName is the name of the demo organ.
const OrganName = "大雁镇人民政府"

// Years lists the report years Build returns, in order.
var Years = []int{2019, 2021}

// Organ returns the demo organ's profile.
func Organ() model.Organ {
	return model.Organ{
		Name:     OrganName,
		Level:    model.LevelTownship,
		Superior: "鄂温克族自治旗",
		Office:   "大雁镇政务公开办公室",
		Phone:    "0470-2382772",
		Email:    "dyzdzb8601521@163.com",
		Address:  "内蒙古自治区呼伦贝尔市鄂温克族自治旗大雁镇",
		Postcode: "021122",
		Portal:   "鄂温克族自治旗人民政府门户网站（http://www.ewenke.gov.cn）",
	}
}

// Build returns the demo organ-years: 2019 and 2021, both for the organ of
// Organ(). IDs are zero; the store assigns them when the values are saved.
func Build() []*model.OrganYear {
	return []*model.OrganYear{build2019(), build2021()}
}

// block helpers: a section's narrative in order.
type narrative struct {
	section int
	blocks  []model.Block
}

func (n *narrative) heading(level int, text string) {
	n.blocks = append(n.blocks, model.Block{Section: n.section, Pos: len(n.blocks), Kind: model.BlockHeading, Level: level, Text: text})
}

func (n *narrative) para(text string) {
	n.blocks = append(n.blocks, model.Block{Section: n.section, Pos: len(n.blocks), Kind: model.BlockParagraph, Text: text})
}

func section(s int) *narrative { return &narrative{section: s} }

// blocks joins the sections' narratives in order.
func blocks(sections ...*narrative) []model.Block {
	var out []model.Block
	for _, n := range sections {
		out = append(out, n.blocks...)
	}
	return out
}

// newReport starts the demo report of year: typed as of date, tables 三
// and 四 computed from the logs, and every cell of section 二 filled with 0
// so that what the township did not do prints as 0, not blank.
func newReport(year int, status model.ReportStatus, basis string, date model.Date) *model.Report {
	r := model.NewReport(0, year)
	r.Status = status
	r.Preamble = model.Preamble{Basis: basis, Where: "鄂温克族自治旗人民政府门户网站"}
	r.Date = date
	r.Mode3, r.Mode4 = model.FromLog, model.FromLog
	r.Values = model.Values{}
	for _, t := range r.Format().SectionTables(2) {
		for _, a := range t.Cells() {
			r.Values[a] = 0
		}
	}
	return r
}

// wan converts an amount in 万元 to fen.
func wan(x int64) int64 { return x * 10000 * 100 }

// itemPlan is how many items of one category a year publishes, with title
// patterns cycled through; %[1]d is the year and %[2]d the month.
type itemPlan struct {
	category string
	n        int
	titles   []string
}

// buildItems spreads the planned items over the year's working days,
// deterministically. Every item is on the portal; newMedia of them, spread
// evenly, also on the 政务新媒体 account, and every fifth on the 公开栏.
func buildItems(year, newMedia int, plans []itemPlan) []model.DisclosureItem {
	total := 0
	for _, p := range plans {
		total += p.n
	}
	var items []model.DisclosureItem
	k := 0
	for _, p := range plans {
		for i := 0; i < p.n; i++ {
			// Day of year spread evenly from 5 January to 25 December.
			doy := 4 + (k*354)/total
			d := onOrAfter(model.YearStart(year).AddDays(doy))
			if d.Year() != year {
				d = model.NewDate(year, 12, 28)
				for !isWorkday(d) {
					d = d.AddDays(-1)
				}
			}
			title := strings.NewReplacer("%[1]d", strconv.Itoa(year), "%[2]d", strconv.Itoa(d.Month())).Replace(p.titles[i%len(p.titles)])
			channels := []string{"政府门户网站"}
			if k*newMedia/total != (k+1)*newMedia/total {
				channels = append(channels, "政务新媒体")
			}
			if k%5 == 2 {
				channels = append(channels, "政务公开栏")
			}
			items = append(items, model.DisclosureItem{
				Year:      year,
				Title:     title,
				Published: d,
				Category:  p.category,
				Channels:  channels,
				Location:  "http://www.ewenke.gov.cn",
			})
			k++
		}
	}
	return items
}
