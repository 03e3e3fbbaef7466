package model

import (
	"strings"
	"testing"
)

// TestPreambleCitesFormatNoticeAndFullContact: the generated preamble cites
// the national format with the notice of the report's year unless the
// clerk's basis already cites a notice, and gives address and postcode in
// the contact sentence when the profile has them.
func TestPreambleCitesFormatNoticeAndFullContact(t *testing.T) {
	oy := &OrganYear{
		Organ: Organ{Name: "大雁镇人民政府", Office: "大雁镇政务公开办公室", Phone: "0470-2382772", Email: "dy@example.cn",
			Address: "鄂温克族自治旗大雁镇政府路1号", Postcode: "021122"},
		Report: NewReport(1, 2021),
	}
	oy.Report.Preamble.Basis = "《鄂温克族自治旗2021年政务公开工作要点》"
	got := PreambleText(oy)
	for _, want := range []string{
		"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）、《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）和《鄂温克族自治旗2021年政务公开工作要点》的规定，",
		"（通讯地址：鄂温克族自治旗大雁镇政府路1号；邮政编码：021122；联系电话：0470-2382772；电子邮箱：dy@example.cn）。",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("preamble lacks %q:\n%s", want, got)
		}
	}
	// 2019 format: its own notice.
	oy.Report = NewReport(1, 2019)
	if got := PreambleText(oy); !strings.Contains(got, "（国办公开办函〔2019〕60号）") || strings.Contains(got, "〔2021〕") {
		t.Errorf("2019 preamble cites the wrong notice:\n%s", got)
	}
	// A basis that cites the notice itself replaces the generated citation.
	oy.Report = NewReport(1, 2022)
	oy.Report.Preamble.Basis = "国办公开办函〔2021〕30号文件"
	got = PreambleText(oy)
	if strings.Count(got, "〔2021〕30号") != 1 || strings.Contains(got, "年度报告格式》") {
		t.Errorf("the clerk's citation should replace the generated one:\n%s", got)
	}
	// Without address and postcode the contact sentence leaves them out.
	oy.Organ.Address, oy.Organ.Postcode = "", ""
	if got := PreambleText(oy); strings.Contains(got, "通讯地址") || strings.Contains(got, "邮政编码") {
		t.Errorf("empty address or postcode printed:\n%s", got)
	}
}

func TestValidatePostcode(t *testing.T) {
	for _, ok := range []string{"", "021122", "０２１１２２", " 100000 "} {
		if err := ValidatePostcode(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"02112", "0211223", "02112a", "邮编021122"} {
		err := ValidatePostcode(bad)
		if err == nil || !strings.Contains(err.Error(), "6位数字") {
			t.Errorf("%q accepted or unclear: %v", bad, err)
		}
	}
}
