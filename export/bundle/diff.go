package bundle

import (
	"fmt"
	"reflect"

	"nianbao/model"
)

// Diff lists, in Chinese, how organ-year b (incoming) differs from a (the one
// already kept): profile fields, the format, every table cell whose printed
// value changes (old → new), and the counts of requests, narrative
// paragraphs, cases, measures and items. No lines means no difference a
// clerk would see. IDs are ignored.
func Diff(a, b *model.OrganYear) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	str := func(label, x, y string) {
		if x != y {
			add("%s：「%s」→「%s」", label, x, y)
		}
	}
	str("单位名称", a.Organ.Name, b.Organ.Name)
	str("单位层级", a.Organ.Level.Label(), b.Organ.Level.Label())
	str("上级", a.Organ.Superior, b.Organ.Superior)
	str("信息公开工作机构", a.Organ.Office, b.Organ.Office)
	str("联系电话", a.Organ.Phone, b.Organ.Phone)
	str("电子邮箱", a.Organ.Email, b.Organ.Email)
	str("发布网站", a.Organ.Portal, b.Organ.Portal)
	str("通讯地址", a.Organ.Address, b.Organ.Address)
	str("邮政编码", a.Organ.Postcode, b.Organ.Postcode)
	str("复议机关", a.Organ.ReviewOrgan, b.Organ.ReviewOrgan)
	str("人民法院", a.Organ.Court, b.Organ.Court)
	str("告知书文号格式", a.Organ.LetterPattern, b.Organ.LetterPattern)
	if a.Organ.DueDate(2000) != b.Organ.DueDate(2000) {
		add("报送截止日期：%d月%d日 → %d月%d日", a.Organ.DueDate(2000).Month(), a.Organ.DueDate(2000).Day(), b.Organ.DueDate(2000).Month(), b.Organ.DueDate(2000).Day())
	}
	ra, rb := a.Report, b.Report
	if ra == nil || rb == nil {
		if (ra == nil) != (rb == nil) {
			add("报告：一方没有报告内容")
		}
		return out
	}
	if ra.Year != rb.Year {
		add("报告年度：%d → %d", ra.Year, rb.Year)
	}
	fa, fb := ra.Format(), rb.Format()
	if fa != nil && fb != nil && fa.ID != fb.ID {
		add("表格格式：%s → %s", fa.Name, fb.Name)
	}
	if ra.Status != rb.Status {
		add("报告状态：%s → %s", ra.Status.Label(), rb.Status.Label())
	}
	modes := func(label string, x, y model.TableMode) {
		name := func(m model.TableMode) string {
			if m == model.Typed {
				return "直接填写"
			}
			return "由台账计算"
		}
		if name(x) != name(y) {
			add("%s：%s → %s", label, name(x), name(y))
		}
	}
	modes("表三填报方式", ra.Mode3, rb.Mode3)
	modes("表四填报方式", ra.Mode4, rb.Mode4)
	if ra.Preamble != rb.Preamble {
		add("前言内容不同")
	}
	if ra.Date != rb.Date {
		add("成文日期：%s → %s", orNone(ra.Date.Chinese()), orNone(rb.Date.Chinese()))
	}
	if ra.Fees != rb.Fees {
		add("信息处理费：收费通知 %d 件、收取 %s 元 → %d 件、%s 元", ra.Fees.Notices, model.FormatMoney(ra.Fees.Collected, "元"),
			rb.Fees.Notices, model.FormatMoney(rb.Fees.Collected, "元"))
	}

	if fb != nil {
		va, vb := model.EffectiveValues(a), model.EffectiveValues(b)
		for _, t := range fb.Tables {
			for _, addr := range t.Cells() {
				x, okx := va[addr]
				y, oky := vb[addr]
				if x == y && okx == oky {
					continue
				}
				_, _, col, _ := fb.Cell(addr)
				shown := func(v int64, ok bool) string {
					if !ok {
						return "未填"
					}
					return model.FormatCell(col, v)
				}
				add("%s：%s → %s", fb.Place(addr), shown(x, okx), shown(y, oky))
			}
		}
	}

	paras := func(bs []model.Block) int { return len(bs) }
	changed := 0
	for i := range min(len(ra.Blocks), len(rb.Blocks)) {
		x, y := ra.Blocks[i], rb.Blocks[i]
		if x.Text != y.Text || x.Kind != y.Kind || x.Section != y.Section || x.Level != y.Level {
			changed++
		}
	}
	counts("正文段落", "段", paras(ra.Blocks), paras(rb.Blocks), changed, add)
	counts("依申请台账", "条", len(a.Requests), len(b.Requests), changedRequests(a.Requests, b.Requests), add)
	counts("复议诉讼", "件", len(a.Cases), len(b.Cases), changedBy(a.Cases, b.Cases, func(c model.Case) model.Case { c.ID, c.OrganID = 0, 0; return c }), add)
	counts("整改措施", "条", len(a.Measures), len(b.Measures), changedBy(a.Measures, b.Measures, func(m model.Measure) model.Measure { m.ID, m.OrganID = 0, 0; return m }), add)
	counts("主动公开信息", "条", len(a.Items), len(b.Items), changedBy(a.Items, b.Items, func(it model.DisclosureItem) model.DisclosureItem { it.ID, it.OrganID = 0, 0; return it }), add)
	return out
}

func orNone(s string) string {
	if s == "" {
		return "未填"
	}
	return s
}

func counts(label, unit string, x, y, changed int, add func(string, ...any)) {
	switch {
	case x != y && changed > 0:
		add("%s：%d %s → %d %s，另有 %d %s内容不同", label, x, unit, y, unit, changed, unit)
	case x != y:
		add("%s：%d %s → %d %s", label, x, unit, y, unit)
	case changed > 0:
		add("%s：都是 %d %s，其中 %d %s内容不同", label, x, unit, changed, unit)
	}
}

// changedRequests counts requests present on both sides (by year and serial)
// whose content differs.
func changedRequests(a, b []model.Request) int {
	type key struct{ y, s int }
	old := map[key]model.Request{}
	norm := func(q model.Request) model.Request { q.ID, q.OrganID = 0, 0; return q }
	for _, q := range a {
		old[key{q.Year, q.Serial}] = norm(q)
	}
	n := 0
	for _, q := range b {
		if p, ok := old[key{q.Year, q.Serial}]; ok && !reflect.DeepEqual(p, norm(q)) {
			n++
		}
	}
	return n
}

// changedBy counts positions holding different entries once normalised.
func changedBy[T any](a, b []T, norm func(T) T) int {
	n := 0
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(norm(a[i]), norm(b[i])) {
			n++
		}
	}
	return n
}

// Replacing lists what replacing the kept organ-year old by the bundle's oy
// would change (Diff, old → bundle). A public bundle carries no personal
// data and no free texts (request summaries and notes, case summaries), so
// those are left out of the comparison, and a last line says how many kept
// entries would lose them. old is not modified. No lines means the bundle
// holds nothing new.
func Replacing(old, oy *model.OrganYear, kind Kind) []string {
	private := 0
	if kind == Public {
		kept := *old
		kept.Requests = append([]model.Request(nil), old.Requests...)
		for i := range kept.Requests {
			q := &kept.Requests[i]
			if !q.Personal.IsZero() || q.Notes != "" || q.Summary != "" {
				private++
			}
			q.Personal, q.Notes, q.Summary = model.Personal{}, "", ""
		}
		kept.Cases = append([]model.Case(nil), old.Cases...)
		for i := range kept.Cases {
			if kept.Cases[i].Summary != "" {
				private++
			}
			kept.Cases[i].Summary = ""
		}
		old = &kept
	}
	diff := Diff(old, oy)
	if len(diff) > 0 && private > 0 {
		diff = append(diff, fmt.Sprintf("公开报送包不含个人信息和摘要、备注：替换后，已有的 %d 条登记中的这些内容将不再保存", private))
	}
	return diff
}
