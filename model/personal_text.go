package model

import (
	"fmt"
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PersonalIndex lets the checks find an applicant's personal value (name,
// phone, ID number, address from the request log) typed into a public text
// without the snapshot holding the values themselves: it keeps a keyed hash
// of each normalised value (the key is random per process) with the request
// it belongs to. The store fills it when it loads an organ-year.
type PersonalIndex struct {
	seed maphash.Seed
	hits map[uint64]personalHit
	lens map[int]bool // rune lengths of the values held
}

type personalHit struct {
	year, serial int
	field        string
}

// Minimum lengths (in runes, after normalising) of a value the rule looks
// for; shorter ones would match ordinary words.
const (
	minPersonalName    = 2
	minPersonalPhone   = 7
	minPersonalID      = 15
	minPersonalAddress = 5
)

// NewPersonalIndex returns an empty index.
func NewPersonalIndex() *PersonalIndex {
	return &PersonalIndex{seed: maphash.MakeSeed(), hits: map[uint64]personalHit{}, lens: map[int]bool{}}
}

// Add records the personal values of request year/serial.
func (x *PersonalIndex) Add(year, serial int, p Personal) {
	x.add(year, serial, "申请人姓名", p.Name, minPersonalName)
	x.add(year, serial, "申请人电话", p.Phone, minPersonalPhone)
	x.add(year, serial, "申请人身份证号", p.IDNumber, minPersonalID)
	x.add(year, serial, "申请人地址", p.Address, minPersonalAddress)
}

func (x *PersonalIndex) add(year, serial int, field, v string, min int) {
	v = normPersonal(v)
	n := utf8.RuneCountInString(v)
	if n < min {
		return
	}
	h := maphash.String(x.seed, v)
	if _, dup := x.hits[h]; !dup {
		x.hits[h] = personalHit{year, serial, field}
	}
	x.lens[n] = true
}

// Len is the number of distinct values held.
func (x *PersonalIndex) Len() int {
	if x == nil {
		return 0
	}
	return len(x.hits)
}

// find returns the first personal value found in text.
func (x *PersonalIndex) find(text string) (personalHit, bool) {
	if x.Len() == 0 {
		return personalHit{}, false
	}
	t := normPersonal(text)
	// starts holds the byte offset of every rune and the end, so a window
	// of n runes from rune i is t[starts[i]:starts[i+n]] without copying.
	starts := make([]int, 0, len(t)+1)
	for i := range t {
		starts = append(starts, i)
	}
	starts = append(starts, len(t))
	runes := len(starts) - 1
	for i := 0; i < runes; i++ {
		for n := range x.lens {
			if i+n > runes {
				continue
			}
			if h, ok := x.hits[maphash.String(x.seed, t[starts[i]:starts[i+n]])]; ok {
				return h, true
			}
		}
	}
	return personalHit{}, false
}

// normPersonal drops spaces and dashes and folds full-width letters and
// digits, so "138 0000 0000" in a text matches 13800000000 in the log.
func normPersonal(s string) string {
	if personalNormal(s) {
		return s // most values (names, digits) need no change: no copy
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '-', r == '－', r == '—', r == '‐':
			continue
		case r >= '！' && r <= '～':
			r -= 0xfee0
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// personalNormal tells whether normPersonal would return s unchanged: no
// space, dash, full-width form or lower-case letter in it.
func personalNormal(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x80:
			if r <= ' ' || r == '-' || r >= 'a' && r <= 'z' || r == 0x7f {
				return false
			}
		case r == utf8.RuneError, unicode.IsSpace(r), r == '－', r == '—', r == '‐', r >= '！' && r <= '～', unicode.ToUpper(r) != r:
			return false
		}
	}
	return true
}

func init() {
	RuleCatalog = append(RuleCatalog, RuleInfo{"S1", Error, "公开内容含申请人个人信息",
		"台账里申请人的姓名（两个字以上）、电话、身份证号或地址出现在了前言、正文或整改措施里。公开的年报不能含有申请人的个人信息，请删去或改为概括的说法（如“某申请人”）。"})
}

// personalInPublicText is rule S1: no applicant's personal value from the
// log may appear in a text that goes into the public report (the preamble,
// the narrative of every section, the improvement measures). The finding
// names the place and the request, never the value.
func (c *checker) personalInPublicText() {
	x := c.oy.Personal
	if x == nil {
		// Loaded with personal data (a full bundle, a test): index it here.
		x = NewPersonalIndex()
		for _, q := range c.oy.Requests {
			x.Add(q.Year, q.Serial, q.Personal)
		}
	}
	if x.Len() == 0 {
		return
	}
	report := func(h personalHit, f Finding, where string) {
		f.Rule, f.Severity = "S1", Error
		f.Message = fmt.Sprintf("%s中出现了%d年第 %d 号申请登记的%s。公开的年报不能含有申请人的个人信息，请删去或改为概括的说法（如“某申请人”）", where, h.year, h.serial, h.field)
		c.add(f)
	}
	if h, ok := x.find(PreambleText(c.oy)); ok {
		report(h, Finding{Section: 0, Entry: EntryRef{Kind: EntryReport, ID: c.r.ID}}, "前言")
	}
	nth := map[int]int{}
	for _, b := range c.r.Blocks {
		nth[b.Section]++
		if h, ok := x.find(b.Text); ok {
			where := "正文"
			if b.Section >= 1 && b.Section <= 6 {
				where = SectionTitles[b.Section]
			}
			report(h, Finding{Section: b.Section, Entry: EntryRef{Kind: EntryBlock, ID: b.ID}}, fmt.Sprintf("“%s”第 %d 段", where, nth[b.Section]))
		}
	}
	for _, m := range c.oy.Measures {
		if m.Year != c.r.Year {
			continue
		}
		if h, ok := x.find(m.Problem + "\n" + m.Measure + "\n" + m.Responsible); ok {
			report(h, Finding{Section: 5, Entry: EntryRef{Kind: EntryMeasure, ID: m.ID}}, "整改措施「"+firstRunes(m.Problem, 12)+"」")
		}
	}
}

func firstRunes(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
