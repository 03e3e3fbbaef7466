package profile

import (
	"context"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

func TestProfileSavesFieldsAsTheCursorLeaves(t *testing.T) {
	e := testenv.New(t, 2021)
	p := New(e.C).(*Profile)
	d := e.Drive(p)
	for p.form.Current().Key != fMode3 {
		d.Keys("tab")
	}
	d.Keys("right")
	for p.form.Current().Key != fDate {
		d.Keys("shift+tab")
	}
	d.Type("2022年1月20日")
	d.Keys("tab")
	r, err := e.Store.Report(context.Background(), e.C.Organ.ID, 2021)
	if err != nil {
		t.Fatal(err)
	}
	if r.Mode3 != model.Typed || r.Date != model.NewDate(2022, 1, 20) {
		t.Fatalf("stored mode %q date %v", r.Mode3, r.Date)
	}
	// A bad date is refused, the stored one kept.
	d.Keys("shift+tab", "ctrl+u")
	d.Type("2022-02-30")
	d.Keys("tab")
	if p.form.Field(fDate).Err == "" || p.form.Field(fDate).Value() != "2022-02-30" {
		t.Fatal("bad date must be refused in place")
	}
	r, _ = e.Store.Report(context.Background(), e.C.Organ.ID, 2021)
	if r.Date != model.NewDate(2022, 1, 20) {
		t.Fatalf("old date not kept: %v", r.Date)
	}
}

func TestProfileSavesLetterFields(t *testing.T) {
	e := testenv.New(t, 2021)
	p := New(e.C).(*Profile)
	d := e.Drive(p)
	for p.form.Current().Key != fReview {
		d.Keys("tab")
	}
	d.Type("鄂温克族自治旗人民政府")
	d.Keys("tab")
	d.Type("海拉尔区人民法院")
	d.Keys("tab")
	// A pattern without {号} is refused in place.
	d.Type("大政信〔{年}〕")
	d.Keys("tab")
	if p.form.Field(fPattern).Err == "" {
		t.Fatal("a 文号 pattern without {号} must be refused in place")
	}
	d.Keys("shift+tab", "end")
	d.Type("第{号}号")
	d.Keys("shift+tab")
	o, err := e.Store.Organ(context.Background(), e.C.Organ.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.ReviewOrgan != "鄂温克族自治旗人民政府" || o.Court != "海拉尔区人民法院" || o.LetterPattern != "大政信〔{年}〕第{号}号" {
		t.Fatalf("stored %+v", o)
	}
	if got := o.DocNumber(2021, 4); got != "大政信〔2021〕第4号" {
		t.Fatalf("文号 %q", got)
	}
}

// TestProfileSavesAddressAndPostcode types the address and postcode by keys:
// a postcode that is not six digits is refused in place and nothing is
// stored; full-width digits are stored as digits; both reach the preamble.
func TestProfileSavesAddressAndPostcode(t *testing.T) {
	e := testenv.New(t, 2021)
	p := New(e.C).(*Profile)
	d := e.Drive(p)
	for p.form.Current().Key != fAddress {
		d.Keys("tab")
	}
	d.Type("鄂温克族自治旗大雁镇政府路1号")
	d.Keys("tab")
	d.Type("02112")
	d.Keys("tab")
	if p.form.Field(fPostcode).Err == "" || p.form.Field(fPostcode).Value() != "02112" {
		t.Fatal("a five-digit postcode must be refused in place")
	}
	o, _ := e.Store.Organ(context.Background(), e.C.Organ.ID)
	if o.Address != "鄂温克族自治旗大雁镇政府路1号" || o.Postcode != "" {
		t.Fatalf("stored address %q postcode %q", o.Address, o.Postcode)
	}
	d.Keys("shift+tab", "ctrl+u")
	d.Type("０２１１２２")
	d.Keys("tab")
	o, err := e.Store.Organ(context.Background(), e.C.Organ.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Postcode != "021122" {
		t.Fatalf("stored postcode %q, want 021122", o.Postcode)
	}
	oy := &model.OrganYear{Organ: o, Report: model.NewReport(o.ID, 2021)}
	if got := model.PreambleText(oy); !strings.Contains(got, "通讯地址：鄂温克族自治旗大雁镇政府路1号；邮政编码：021122") {
		t.Fatalf("preamble lacks the address and postcode: %s", got)
	}
}
