package model

import (
	"strconv"
	"strings"
)

// RegulationName is the regulation every report is made under.
const RegulationName = "《中华人民共和国政府信息公开条例》"

// FormatDocName is the national format document a report follows; the
// preamble cites it with its notice number (Format.Basis).
const FormatDocName = "《中华人民共和国政府信息公开工作年度报告格式》"

// citesAnyNotice reports whether a basis the clerk typed already cites one
// of the national format notices, which then replaces the generated
// citation.
func citesAnyNotice(text string) bool {
	for _, f := range Formats() {
		if f.Basis != "" && citesNotice(text, f.Basis) {
			return true
		}
	}
	return strings.Contains(text, "国办公开办函")
}

// PreambleText returns the paragraph printed before section 一: the clerk's
// own text when Preamble.Text is set, otherwise a paragraph generated from
// the organ profile and the report: the basis, the six parts, the statistics
// period, where the electronic version is, and whom to contact. Phrases whose
// facts are missing are left out rather than printed with blanks.
func PreambleText(oy *OrganYear) string {
	if oy == nil || oy.Report == nil {
		return ""
	}
	r := oy.Report
	if t := strings.TrimSpace(r.Preamble.Text); t != "" {
		return t
	}
	o := oy.Organ
	var b strings.Builder
	// The basis: the regulation, the national format of the year with its
	// notice (国办公开办函〔2021〕30号) unless the clerk's own basis already
	// cites a national notice, then the clerk's own documents.
	bases := []string{RegulationName + "（以下简称《条例》）"}
	basis := strings.TrimSpace(r.Preamble.Basis)
	if f := r.Format(); f != nil && f.Basis != "" && !citesAnyNotice(basis) {
		bases = append(bases, FormatDocName+"（"+f.Basis+"）")
	}
	if basis != "" {
		bases = append(bases, basis)
	}
	b.WriteString("根据")
	for i, x := range bases {
		switch {
		case i == 0:
		case i == len(bases)-1:
			b.WriteString("和")
		default:
			b.WriteString("、")
		}
		b.WriteString(x)
	}
	b.WriteString("的规定，")
	if o.Name != "" {
		b.WriteString(o.Name)
	} else {
		b.WriteString("本机关")
	}
	y := strconv.Itoa(r.Year)
	b.WriteString("编制了" + y + "年政府信息公开工作年度报告。")
	b.WriteString("报告分为总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，" +
		"政府信息公开行政复议、行政诉讼情况，存在的主要问题及改进情况，其他需要报告的事项六个部分。")
	b.WriteString("报告中的统计数据，统计期为" + y + "年1月1日至" + y + "年12月31日。")
	where := strings.TrimSpace(r.Preamble.Where)
	if where == "" {
		where = strings.TrimSpace(o.Portal)
	}
	if where != "" {
		b.WriteString("本报告的电子版可在" + where + "查阅和下载。")
	}
	var contact []string
	if a := strings.TrimSpace(o.Address); a != "" {
		contact = append(contact, "通讯地址："+a)
	}
	if pc := strings.TrimSpace(o.Postcode); pc != "" {
		contact = append(contact, "邮政编码："+pc)
	}
	if o.Phone != "" {
		contact = append(contact, "联系电话："+o.Phone)
	}
	if o.Email != "" {
		contact = append(contact, "电子邮箱："+o.Email)
	}
	if o.Office != "" || len(contact) > 0 {
		b.WriteString("对本报告如有疑问，请与")
		if o.Office != "" {
			b.WriteString(o.Office)
		} else {
			b.WriteString("本机关政府信息公开工作机构")
		}
		b.WriteString("联系")
		if len(contact) > 0 {
			b.WriteString("（" + strings.Join(contact, "；") + "）")
		}
		b.WriteString("。")
	}
	return b.String()
}

// ReportDate is the date printed under the signature: the date the clerk set
// on the report, or today when none is set.
func ReportDate(r *Report, today Date) Date {
	if r != nil && !r.Date.IsZero() {
		return r.Date
	}
	return today
}
