package model

import (
	"fmt"
	"hash/maphash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// PersonalIndex lets the checks find an applicant's personal value (name,
// phone, ID number, address from the request log) typed into a public text
// without the snapshot holding the values themselves: it keeps a keyed hash
// of each normalised value (the key is random per process) with the request
// it belongs to. The store fills it when it loads an organ-year, in the
// log's (year, serial) order; Update replaces one request's values, so the
// index follows a saved personal field without being read again.
type PersonalIndex struct {
	seed maphash.Seed
	// hits holds, for each value, its first holder in (year, serial,
	// field) order — the one a finding names; more holds the other
	// holders of values held by several requests.
	hits map[uint64]personalHit
	more map[uint64][]personalHit
	// owned lists the values each request holds, by field. Only Update
	// reads it: an index filled by Add and never updated (the one a check
	// command makes) keeps the list in added and builds the map on the
	// first Update (ownedMap), a third of the cost of indexing 50,000
	// requests saved where nothing reads it.
	owned map[[2]int][4]personalValue
	added []ownedValues
	lens  map[int]int // how many values of each rune length are held
	// runs, in an index made for given texts (NewPersonalIndexFor), are
	// the runs of characters of those texts. A value whose first
	// characters (up to 4) are not among them cannot be found in them and
	// is not kept: dropped counts those.
	runs    *textRuns
	dropped int
}

// textRuns are the texts an index was made for (NewPersonalIndexFor) and,
// worked out when the first value is weighed (a log without personal data
// never needs them), the hashes of every run of 2, 3 and 4 characters of
// the texts as find normalises them, and of each whole text: find is
// exact in those texts and in any other text whose every run is among
// theirs (knows). Clones share them; they never change once worked out.
type textRuns struct {
	once   sync.Once
	texts  []string
	grams  map[uint64]struct{}
	hashes map[uint64]struct{}
}

// get works the runs out on first use.
func (r *textRuns) get(seed maphash.Seed) *textRuns {
	r.once.Do(func() {
		r.grams, r.hashes = map[uint64]struct{}{}, map[uint64]struct{}{}
		var starts []int
		for _, t := range r.texts {
			t = normPersonal(t)
			r.hashes[maphash.String(seed, t)] = struct{}{}
			starts = starts[:0]
			for i := range t {
				starts = append(starts, i)
			}
			starts = append(starts, len(t))
			for i := 0; i+1 < len(starts); i++ {
				for k := 2; k <= maxGram && i+k < len(starts); k++ {
					r.grams[maphash.String(seed, t[starts[i]:starts[i+k]])] = struct{}{}
				}
			}
		}
		r.texts = nil
	})
	return r
}

type ownedValues struct {
	key [2]int
	vs  [4]personalValue
}

type personalHit struct {
	year, serial int
	field        int // index in personalFields
}

type personalValue struct {
	h uint64
	n int // rune length; 0: no value
}

// before orders holders: the earlier request, then the field order.
func (a personalHit) before(b personalHit) bool {
	if a.year != b.year {
		return a.year < b.year
	}
	if a.serial != b.serial {
		return a.serial < b.serial
	}
	return a.field < b.field
}

// personalFields name the personal fields in findings, with the shortest
// value the rule looks for (in runes, after normalising); shorter ones
// would match ordinary words.
var personalFields = [4]struct {
	label string
	min   int
}{
	{"申请人姓名", 2},
	{"申请人电话", 7},
	{"申请人身份证号", 15},
	{"申请人地址", 5},
}

// NewPersonalIndex returns an empty index.
func NewPersonalIndex() *PersonalIndex {
	return &PersonalIndex{seed: maphash.MakeSeed(), hits: map[uint64]personalHit{}, more: map[uint64][]personalHit{},
		lens: map[int]int{}}
}

// NewPersonalIndexFor returns an empty index for one check of texts (the
// PublicTexts of an organ-year, which must not change while it is used):
// it keeps only values that may occur in them, so that find gives what a
// full index gives at a fraction of the cost (a check of 50,000 requests
// indexed 200,000 values to look for them in a few pages). A snapshot that
// follows edits to the texts needs NewPersonalIndex: with this one, rule
// S1 can only report a changed text it cannot check (knows).
func NewPersonalIndexFor(texts []string) *PersonalIndex {
	x := NewPersonalIndex()
	x.runs = &textRuns{texts: texts}
	return x
}

// maxGram is the longest run of characters NewPersonalIndexFor keeps.
const maxGram = 4

// mayOccur tells whether v (normalised, n runes, n ≥ 2) may occur in the
// texts of an index made by NewPersonalIndexFor.
func (x *PersonalIndex) mayOccur(v string, n int) bool {
	k := min(n, maxGram)
	end := len(v)
	for i := range v {
		if k == 0 {
			end = i
			break
		}
		k--
	}
	_, ok := x.runs.get(x.seed).grams[maphash.String(x.seed, v[:end])]
	return ok
}

// knows tells whether find gives in t (normalised) what the full index
// gives: always for a full index or one that left no value out; for an
// index made for given texts, when t is one of them or every run of 2, 3
// and 4 characters of t is among theirs (a value that occurs in t starts
// with one of these runs, so it was kept). A text changed after the index
// was made (a snapshot of a check's load, edited) may not be known.
func (x *PersonalIndex) knows(t string) bool {
	if x.runs == nil || x.dropped == 0 {
		return true
	}
	runs := x.runs.get(x.seed)
	if _, ok := runs.hashes[maphash.String(x.seed, t)]; ok {
		return true
	}
	starts := make([]int, 0, len(t)+1)
	for i := range t {
		starts = append(starts, i)
	}
	starts = append(starts, len(t))
	for i := 0; i+1 < len(starts); i++ {
		for k := 2; k <= maxGram && i+k < len(starts); k++ {
			if _, ok := runs.grams[maphash.String(x.seed, t[starts[i]:starts[i+k]])]; !ok {
				return false
			}
		}
	}
	return true
}

// Add records the personal values of request year/serial (which holds
// none yet).
func (x *PersonalIndex) Add(year, serial int, p Personal) {
	var vs [4]personalValue
	for i, v := range [4]string{p.Name, p.Phone, p.IDNumber, p.Address} {
		vs[i] = x.add(personalHit{year, serial, i}, v)
	}
	if vs == ([4]personalValue{}) {
		return
	}
	if x.owned == nil {
		x.added = append(x.added, ownedValues{[2]int{year, serial}, vs})
		return
	}
	if _, dup := x.owned[[2]int{year, serial}]; !dup {
		x.owned[[2]int{year, serial}] = vs
	}
}

// ownedMap is owned, built from added when first needed (the first Add of
// a request wins, as in Add).
func (x *PersonalIndex) ownedMap() map[[2]int][4]personalValue {
	if x.owned == nil {
		x.owned = make(map[[2]int][4]personalValue, len(x.added))
		for _, o := range x.added {
			if _, dup := x.owned[o.key]; !dup {
				x.owned[o.key] = o.vs
			}
		}
		x.added = nil
	}
	return x.owned
}

// Update replaces the personal values of request year/serial with p and
// reports whether the index changed.
func (x *PersonalIndex) Update(year, serial int, p Personal) bool {
	owned := x.ownedMap()
	old := owned[[2]int{year, serial}]
	x.remove(year, serial)
	x.Add(year, serial, p)
	return owned[[2]int{year, serial}] != old
}

func (x *PersonalIndex) add(hit personalHit, v string) personalValue {
	v = normPersonal(v)
	n := utf8.RuneCountInString(v)
	if n < personalFields[hit.field].min {
		return personalValue{}
	}
	if x.runs != nil && !x.mayOccur(v, n) {
		x.dropped++
		return personalValue{}
	}
	h := maphash.String(x.seed, v)
	first, held := x.hits[h]
	switch {
	case !held:
		x.hits[h] = hit
		x.lens[n]++
	case hit.before(first):
		x.hits[h] = hit
		x.more[h] = append(x.more[h], first)
	default:
		x.more[h] = append(x.more[h], hit)
	}
	return personalValue{h, n}
}

// remove drops the values of request year/serial.
func (x *PersonalIndex) remove(year, serial int) {
	key := [2]int{year, serial}
	owned := x.ownedMap()
	vs, ok := owned[key]
	if !ok {
		return
	}
	delete(owned, key)
	for i, v := range vs {
		if v.n == 0 {
			continue
		}
		hit := personalHit{year, serial, i}
		others := x.more[v.h]
		if x.hits[v.h] == hit {
			if len(others) == 0 {
				delete(x.hits, v.h)
				if x.lens[v.n]--; x.lens[v.n] == 0 {
					delete(x.lens, v.n)
				}
				continue
			}
			// The next holder in order names the value now.
			j := 0
			for k := range others {
				if others[k].before(others[j]) {
					j = k
				}
			}
			x.hits[v.h] = others[j]
			hit = others[j]
		}
		for k := range others {
			if others[k] == hit {
				others = append(others[:k:k], others[k+1:]...)
				break
			}
		}
		if len(others) == 0 {
			delete(x.more, v.h)
		} else {
			x.more[v.h] = others
		}
	}
}

// Clone is an index that changes independently of x.
func (x *PersonalIndex) Clone() *PersonalIndex {
	c := &PersonalIndex{seed: x.seed, hits: make(map[uint64]personalHit, len(x.hits)), more: make(map[uint64][]personalHit, len(x.more)),
		lens: make(map[int]int, len(x.lens)), runs: x.runs, dropped: x.dropped}
	for k, v := range x.hits {
		c.hits[k] = v
	}
	for k, v := range x.more {
		c.more[k] = append([]personalHit(nil), v...)
	}
	if x.owned == nil {
		c.added = append([]ownedValues(nil), x.added...)
	} else {
		c.owned = make(map[[2]int][4]personalValue, len(x.owned))
		for k, v := range x.owned {
			c.owned[k] = v
		}
	}
	for k, v := range x.lens {
		c.lens[k] = v
	}
	return c
}

// Len is the number of distinct values held.
func (x *PersonalIndex) Len() int {
	if x == nil {
		return 0
	}
	return len(x.hits)
}

// findNormal returns the personal value that starts first in t, a text
// normalised by normPersonal (of several starting at the same place, the
// one whose holder comes first).
func (x *PersonalIndex) findNormal(t string) (personalHit, bool) {
	if x.Len() == 0 {
		return personalHit{}, false
	}
	// starts holds the byte offset of every rune and the end, so a window
	// of n runes from rune i is t[starts[i]:starts[i+n]] without copying.
	starts := make([]int, 0, len(t)+1)
	for i := range t {
		starts = append(starts, i)
	}
	starts = append(starts, len(t))
	runes := len(starts) - 1
	for i := 0; i < runes; i++ {
		// Values of several lengths may start here ("ZHANG" and
		// "ZHANGSAN"): the earliest holder names the finding, whatever
		// order the lengths come in.
		var first personalHit
		found := false
		for n := range x.lens {
			if i+n > runes {
				continue
			}
			if h, ok := x.hits[maphash.String(x.seed, t[starts[i]:starts[i+n]])]; ok && (!found || h.before(first)) {
				first, found = h, true
			}
		}
		if found {
			return first, true
		}
	}
	return personalHit{}, false
}

// normPersonal writes a value or a text the way rule S1 compares them,
// so that what a reader of the printed report takes for the same value
// compares equal: "138 0000 0000", "138–0000–0000" or "１３８００００００００" in a
// text matches 13800000000 in the log. Character by character, it
// drops spaces, dashes and minus signs of every kind, invisible format
// characters (zero-width spaces, soft hyphens, byte order marks, pasted
// with text from a web page), combining marks (accents; the variation
// selector of a rare ideograph in a name) and middle dots (the name
// 阿依古丽·买买提 written with •, ・ or none); it takes each character's
// compatibility decomposition (full-width letters and digits, the Kangxi
// radicals and compatibility ideographs of text copied from a PDF) and
// upper-cases letters. As it goes character by character, a value's form
// is a run of the form of a text that holds it.
func normPersonal(s string) string {
	if personalNormal(s) {
		return s // most values (names, digits) need no change: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			foldPersonal(&b, r)
		case r >= 0x4e00 && r <= 0x9fff:
			b.WriteRune(r) // CJK ideographs: none has a decomposition
		case r >= '！' && r <= '～':
			foldPersonal(&b, r-0xfee0) // the decomposition of the full-width forms, without a table
		default:
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], r)
			d := norm.NFKD.Properties(buf[:n]).Decomposition() // none for a Hangul syllable: kept whole
			if d == nil {
				foldPersonal(&b, r)
				continue
			}
			for _, r := range string(d) {
				foldPersonal(&b, r)
			}
		}
	}
	return b.String()
}

// foldPersonal writes a decomposed character r as normPersonal does:
// nothing for what a reader does not see as a character of the value,
// else r upper-cased.
func foldPersonal(b *strings.Builder, r rune) {
	switch {
	case r < 0x80:
		switch {
		case r == '-' || unicode.IsSpace(r):
		case r >= 'a' && r <= 'z':
			b.WriteByte(byte(r - 'a' + 'A'))
		default:
			b.WriteByte(byte(r))
		}
	case personalDropped(r):
	default:
		b.WriteRune(unicode.ToUpper(r))
	}
}

// personalDropped tells whether normPersonal drops r (not ASCII, not
// decomposable): spaces, dashes, minus signs, middle dots, combining
// marks, format characters.
func personalDropped(r rune) bool {
	switch r {
	case '−', '·', '•', '‧', '・', '∙', '⋅', '᛫', '⸱', 'ꞏ':
		return true
	}
	return unicode.IsSpace(r) || unicode.In(r, unicode.Pd, unicode.Mn, unicode.Me, unicode.Cf)
}

// personalNormal tells whether normPersonal would return s unchanged: it
// holds only CJK ideographs and ASCII letters (upper case), digits and
// punctuation other than the dash. Any other character takes the long
// way, so the two ways agree by construction.
func personalNormal(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r < 0x4e00 || r > 0x9fff {
				return false // also an invalid byte (RuneError, written as U+FFFD)
			}
			i += n - 1
		case c <= ' ' || c == '-' || c >= 'a' && c <= 'z' || c == 0x7f:
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
	texts := publicTexts(c.oy)
	if x == nil {
		// Loaded with personal data (a full bundle, a test): index it here.
		x = NewPersonalIndexFor(publicTextsOf(texts))
		for _, q := range c.oy.Requests {
			x.Add(q.Year, q.Serial, q.Personal)
		}
	}
	if x.Len() == 0 && x.dropped == 0 {
		return
	}
	for _, t := range texts {
		nt := normPersonal(t.text)
		f := t.f
		f.Rule, f.Severity = "S1", Error
		if h, ok := x.findNormal(nt); ok {
			f.Message = fmt.Sprintf("%s中出现了%d年第 %d 号申请登记的%s。公开的年报不能含有申请人的个人信息，请删去或改为概括的说法（如“某申请人”）", t.where, h.year, h.serial, personalFields[h.field].label)
			c.add(f)
		} else if !x.knows(nt) {
			// Never a silent pass: an index made for other texts left
			// out values this one may hold.
			f.Message = fmt.Sprintf("%s在本次检查读取申请登记之后有改动，无法核对其中是否含有申请人的个人信息。请重新检查本年度", t.where)
			c.add(f)
		}
	}
}

// publicText is one text rule S1 searches, with the place its finding
// names.
type publicText struct {
	text, where string
	f           Finding
}

// publicTexts are the texts of oy that go into the public report, as rule
// S1 searches them: the preamble, every paragraph, the improvement
// measures of the year (and any of no year, which the export prints too).
func publicTexts(oy *OrganYear) []publicText {
	if oy == nil || oy.Report == nil {
		return nil
	}
	r := oy.Report
	out := []publicText{{PreambleText(oy), "前言", Finding{Section: 0, Entry: EntryRef{Kind: EntryReport, ID: r.ID}}}}
	nth := map[int]int{}
	for _, b := range r.Blocks {
		nth[b.Section]++
		where := "正文"
		if b.Section >= 1 && b.Section <= 6 {
			where = SectionTitles[b.Section]
		}
		out = append(out, publicText{b.Text, fmt.Sprintf("“%s”第 %d 段", where, nth[b.Section]),
			Finding{Section: b.Section, Entry: EntryRef{Kind: EntryBlock, ID: b.ID}}})
	}
	for _, m := range oy.Measures {
		if !m.PrintedIn(r.Year) {
			continue // not printed: the export's measures are the year's and those of no year
		}
		out = append(out, publicText{m.Problem + "\n" + m.Measure + "\n" + m.Responsible, "整改措施「" + firstRunes(m.Problem, 12) + "」",
			Finding{Section: 5, Entry: EntryRef{Kind: EntryMeasure, ID: m.ID}}})
	}
	return out
}

func publicTextsOf(ts []publicText) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}

// PublicTexts are the texts rule S1 searches for applicants' personal
// values (what NewPersonalIndexFor is given for a check of oy).
func PublicTexts(oy *OrganYear) []string { return publicTextsOf(publicTexts(oy)) }

func firstRunes(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
