package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"nianbao/model"
)

func init() {
	now = func() time.Time { return time.Date(2022, 1, 18, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)) }
}

// Unique markers in every personal field: none may appear in a public bundle.
var personalMarkers = []string{"姓名标记甲7Q", "电话标记13900001111", "身份证标记11010519491231002X", "住址标记幸福路99号", "备注标记联系过本人",
	"摘要标记甲7Q本人住房", "案件标记甲7Q不服答复"}

// fixture is a township's 2021 year with every field of every entity set.
func fixture() *model.OrganYear {
	r := model.NewReport(5, 2021)
	r.ID = 9
	r.Status = model.StatusChecked
	r.Preamble = model.Preamble{Basis: "《鄂温克旗政务公开工作要点》", Where: "鄂温克旗政府门户网站", Text: ""}
	r.Blocks = []model.Block{
		{ID: 1, Section: 1, Pos: 0, Kind: model.BlockHeading, Level: 1, Text: "主动公开"},
		{ID: 2, Section: 1, Pos: 1, Kind: model.BlockParagraph, Text: "全年主动公开政府信息86条。", Stale: true, Origin: "去年的文字"},
		{ID: 3, Section: 5, Pos: 0, Kind: model.BlockParagraph, Text: "栏目更新不够及时。"},
	}
	r.Values[model.Addr(model.TableS2Item1, model.RowNormativeDocs, "issued")] = 2
	r.Values[model.Addr(model.TableS2Item1, model.RowNormativeDocs, "in_force")] = 11
	r.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = 40
	r.Values[model.Addr(model.TableS2Item8, model.RowAdminFees, "amount")] = 1250000
	r.Mode3, r.Mode4, r.Art20Mode = model.FromLog, model.FromLog, model.Typed
	r.Fees = model.FeeSummary{Notices: 1, Collected: 20000}
	r.Date = model.NewDate(2022, 1, 15)
	r.Acks = []model.Ack{{Rule: "I5", Target: "s2_1.rules.issued", Reason: "经核实"}}
	return &model.OrganYear{
		Organ: model.Organ{ID: 5, Name: "大雁镇人民政府", Level: model.LevelTownship, Superior: "鄂温克族自治旗",
			Office: "大雁镇政务公开办公室", Phone: "0470-2382772", Email: "dy@example.cn", Portal: "鄂温克旗政府门户网站", DueMonth: 1, DueDay: 20,
			ReviewOrgan: "鄂温克族自治旗人民政府", Court: "海拉尔区人民法院", LetterPattern: "大政信〔{年}〕第{号}号",
			Address: "鄂温克族自治旗大雁镇政府路1号", Postcode: "021122"},
		Report: r,
		Requests: []model.Request{
			{ID: 40, OrganID: 5, Year: 2020, Serial: 9, Received: model.NewDate(2020, 12, 28), Channel: model.ChannelPost,
				Applicant: model.NaturalPerson, Summary: "征地补偿标准", Outcome: model.RowDisclosed, Answered: model.NewDate(2021, 1, 12)},
			{ID: 41, OrganID: 5, Year: 2021, Serial: 1, Received: model.NewDate(2021, 3, 2), Channel: model.ChannelOnline,
				Applicant: model.NaturalPerson,
				Personal:  model.Personal{Name: personalMarkers[0], Phone: personalMarkers[1], IDNumber: personalMarkers[2], Address: personalMarkers[3]},
				Summary:   personalMarkers[5], CorrectionNotice: model.NewDate(2021, 3, 4), Corrected: model.NewDate(2021, 3, 8),
				ExtApprovedBy: "王主任", ExtNotice: model.NewDate(2021, 4, 1), ExtDays: 10, ExcludedDays: 3,
				Outcome: "o6_2", Answered: model.NewDate(2021, 4, 20), FeeMethod: model.FeePerPage, Pages: 45, Fee: 15000,
				FeeNotice: model.NewDate(2021, 4, 2), FeePaid: model.NewDate(2021, 4, 9), Notes: personalMarkers[4]},
			{ID: 42, OrganID: 5, Year: 2021, Serial: 2, Received: model.NewDate(2021, 12, 29), Channel: model.ChannelInPerson,
				Applicant: model.Business, Summary: "采购合同"},
		},
		Cases: []model.Case{{ID: 50, OrganID: 5, Year: 2021, Kind: model.CaseReview, Filed: model.NewDate(2021, 6, 1), Result: model.Upheld, Summary: personalMarkers[6]}},
		Measures: []model.Measure{{ID: 60, OrganID: 5, Year: 2021, Problem: "更新慢", Measure: "每月检查", Responsible: "党政办",
			Due: model.NewDate(2022, 6, 30), Status: model.MeasureInProgress, FirstYear: 2020}},
		Items: []model.DisclosureItem{{ID: 70, OrganID: 5, Year: 2021, Title: "关于印发某办法的通知", Published: model.NewDate(2021, 5, 6),
			Category: "规范性文件", Channels: []string{"政府网站", "公开栏"}, Location: "https://example.cn/1", Art20Row: model.RowNormativeDocs, Art20Action: model.Art20Issued}},
		Prev: &model.PrevYear{Year: 2020, FormatID: "2019",
			Values: model.Values{model.Addr(model.TableS2Item5, model.RowLicensing, "prev"): 12, model.Addr(model.TableS2Item5, model.RowLicensing, "delta"): -2},
			Blocks: []model.Block{{Section: 1, Kind: model.BlockParagraph, Text: "2020年的文字"}}},
	}
}

// withoutIDs zeroes what a bundle does not carry: database IDs.
func withoutIDs(oy *model.OrganYear) *model.OrganYear {
	c := *oy
	c.Organ.ID = 0
	r := *oy.Report
	r.ID, r.OrganID = 0, 0
	r.Blocks = append([]model.Block(nil), r.Blocks...)
	for i := range r.Blocks {
		r.Blocks[i].ID = 0
	}
	c.Report = &r
	c.Requests = append([]model.Request(nil), oy.Requests...)
	for i := range c.Requests {
		c.Requests[i].ID, c.Requests[i].OrganID = 0, 0
	}
	c.Cases = append([]model.Case(nil), oy.Cases...)
	for i := range c.Cases {
		c.Cases[i].ID, c.Cases[i].OrganID = 0, 0
	}
	c.Measures = append([]model.Measure(nil), oy.Measures...)
	for i := range c.Measures {
		c.Measures[i].ID, c.Measures[i].OrganID = 0, 0
	}
	c.Items = append([]model.DisclosureItem(nil), oy.Items...)
	for i := range c.Items {
		c.Items[i].ID, c.Items[i].OrganID = 0, 0
	}
	return &c
}

func TestFullBundleRoundTrip(t *testing.T) {
	oy := fixture()
	data, err := Encode(oy, Full)
	if err != nil {
		t.Fatal(err)
	}
	got, meta, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	want := withoutIDs(oy)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
		if !reflect.DeepEqual(got.Report, want.Report) {
			t.Errorf("report:\n got %+v\nwant %+v", got.Report, want.Report)
		}
	}
	if meta.Kind != Full || meta.Version != Version || meta.Organ != "大雁镇人民政府" || meta.Year != 2021 || meta.FormatID != "2021" {
		t.Errorf("meta = %+v", meta)
	}
	if !meta.Created.Equal(now()) || meta.Program != Program || meta.ProgramVersion == "" {
		t.Errorf("meta created/program = %v %q %q", meta.Created, meta.Program, meta.ProgramVersion)
	}
	for _, m := range personalMarkers {
		if !bytes.Contains(data, []byte(m)) {
			t.Errorf("full bundle lacks %q", m)
		}
	}
	if n := len(Diff(want, got)); n != 0 {
		t.Errorf("Diff of a round trip = %v", Diff(want, got))
	}
}

func TestPublicBundleHasNoPersonalData(t *testing.T) {
	oy := fixture()
	data, err := Encode(oy, Public)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range personalMarkers {
		if bytes.Contains(data, []byte(m)) {
			t.Errorf("public bundle contains personal data %q", m)
		}
		// Also not in any escaped form.
		esc, _ := json.Marshal(m)
		if bytes.Contains(data, esc[1:len(esc)-1]) {
			t.Errorf("public bundle contains escaped personal data %q", m)
		}
	}
	got, meta, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Kind != Public {
		t.Errorf("kind = %s", meta.Kind)
	}
	for _, q := range got.Requests {
		if !q.Personal.IsZero() || q.Notes != "" || q.Summary != "" {
			t.Errorf("decoded public request carries personal data or free text: %+v", q)
		}
	}
	if got.Cases[0].Summary != "" {
		t.Errorf("decoded public case carries its summary")
	}
	// Everything else survives: the figures are the same.
	d := Diff(withoutIDs(oy), got)
	if len(d) != 2 || !strings.Contains(d[0], "依申请台账") || !strings.Contains(d[1], "复议诉讼") {
		t.Errorf("public bundle should differ only in the log's personal data and free texts, diff = %v", d)
	}
	// A public bundle that someone edited to add personal data is refused.
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	var p jPayload
	if err := json.Unmarshal(env.Payload, &p); err != nil {
		t.Fatal(err)
	}
	p.Requests[1].Personal = &jPersonal{Name: "张三"}
	s := "张三的申请"
	p.Cases[0].Summary = &s
	_, _, err = Decode(seal(t, data, p))
	if err == nil || !strings.Contains(err.Error(), "公开报送包不应含有申请人个人信息") || !strings.Contains(err.Error(), "公开报送包不应含有案件摘要") {
		t.Errorf("public bundle with personal data: err = %v", err)
	}
}

func TestFileName(t *testing.T) {
	oy := fixture()
	if got := FileName(oy, Public); got != "大雁镇人民政府2021年年报报送包.json" {
		t.Errorf("public name = %s", got)
	}
	if got := FileName(oy, Full); got != "大雁镇人民政府2021年年报报送包（含个人信息）.json" {
		t.Errorf("full name = %s", got)
	}
	oy.Organ.Name = `A/B:镇*?`
	if got := FileName(oy, Public); got != "A_B_镇__2021年年报报送包.json" {
		t.Errorf("unsafe name = %s", got)
	}
}

// seal re-encodes a payload into the envelope of data with a correct
// checksum, as a tool that knows the format would.
func seal(t *testing.T, data []byte, p jPayload) []byte {
	t.Helper()
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	env.SHA256 = hex.EncodeToString(sum[:])
	env.Payload = raw
	out, err := json.MarshalIndent(env, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func payloadOf(t *testing.T, data []byte) jPayload {
	t.Helper()
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	var p jPayload
	if err := json.Unmarshal(env.Payload, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDecodeRefusesBrokenBundles(t *testing.T) {
	good, err := Encode(fixture(), Full)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(p *jPayload)) []byte {
		p := payloadOf(t, good)
		f(&p)
		return seal(t, good, p)
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "空文件"},
		{"bad JSON", append(append([]byte{}, good[:200]...), []byte("}},,\n")...), "不是有效的 JSON：第"},
		{"truncated", good[:len(good)/2], "报送包不完整（文件在中途结束）"},
		{"not a bundle", []byte(`{"name":"x"}`), "这不是年报报送包"},
		{"newer version", bytes.Replace(good, []byte(fmt.Sprintf(`"version": %d,`, Version)), []byte(fmt.Sprintf(`"version": %d,`, Version+1)), 1),
			fmt.Sprintf("该报送包由更新版本的年报程序生成（版本%d），请先升级", Version+1)},
		{"checksum", bytes.Replace(good, []byte(`"value": 40`), []byte(`"value": 41`), 1), "校验值（SHA-256）不符"},
		{"wrong type", bytes.Replace(good, []byte(`"year": 2021`), []byte(`"year": "2021"`), 1), "字段「year」应为整数，实际是文字"},
		{"unknown field", bytes.Replace(good, []byte(`"kind": "full",`), []byte(`"kind": "full", "extra": 1,`), 1), "不认识的字段"},
		{"bad kind", bytes.Replace(good, []byte(`"kind": "full"`), []byte(`"kind": "secret"`), 1), "报送包类型「secret」无效"},
		{"bad applicant", edit(func(p *jPayload) { p.Requests[1].Applicant = "alien" }), "申请人类型「alien」无效"},
		{"bad date", edit(func(p *jPayload) { p.Requests[1].Answered = "2021-02-30" }), "日期「2021-02-30」无效"},
		{"bad outcome", edit(func(p *jPayload) { p.Requests[1].Outcome = "o6" }), "办理结果「o6」不是2021版表三中的办理结果行"},
		{"negative count", edit(func(p *jPayload) { p.Report.Values[2].Value = ptr(-4) }), "不能为负数"},
		{"cell not in format", edit(func(p *jPayload) {
			p.Report.Values = append(p.Report.Values, jCell{Table: model.TableS2Item9, Row: model.RowProcurement, Col: "projects", Value: ptr(1)})
		}), "单元格「s2_9.procurement.projects」不在2021版表格中"},
		{"wrong format", edit(func(p *jPayload) { p.Report.Format = "2019" }), "2021年度报告应使用2021版表格"},
		{"bad case result", edit(func(p *jPayload) { p.Cases[0].Result = "total" }), "结果「total」无效"},
		{"bad measure status", edit(func(p *jPayload) { p.Measures[0].Status = "maybe" }), "状态「maybe」无效"},
		{"huge extension", edit(func(p *jPayload) { p.Requests[1].ExtDays = 2000000000 }), "延期工作日数：数值 2000000000 超出合理范围"},
		{"huge value", edit(func(p *jPayload) { p.Report.Values[0].Value = ptr(1 << 62) }), "超出合理范围"},
		{"organ mismatch", edit(func(p *jPayload) { p.Organ.Name = "别的镇" }), "不一致"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oy, _, err := Decode(c.data)
			if err == nil {
				t.Fatalf("accepted: %+v", oy)
			}
			if oy != nil {
				t.Errorf("an organ-year returned with an error")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v\nwant it to contain %q", err, c.want)
			}
		})
	}
	var ne newerError
	_, _, err = Decode(cases[4].data)
	if !errors.Is(err, ErrNewerVersion) || !errors.As(err, &ne) {
		t.Errorf("newer version error not recognisable: %v", err)
	}
}

func TestDecodeBadJSONGivesPosition(t *testing.T) {
	data := []byte("{\n  \"magic\": \"nianbao-bundle\",\n  \"version\": 1,\n  \"kind\" \"full\"\n}")
	_, _, err := Decode(data)
	if err == nil || !strings.Contains(err.Error(), "第4行第10列") {
		t.Errorf("err = %v, want the position 第4行第10列", err)
	}
}

func TestDecodeAcceptsReindentedBundle(t *testing.T) {
	good, err := Encode(fixture(), Public)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, bytes.ReplaceAll(good, []byte("\n"), []byte("\r\n")), "", "\t"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Decode(append([]byte("\xef\xbb\xbf"), buf.Bytes()...)); err != nil {
		t.Errorf("re-indented bundle with BOM refused: %v", err)
	}
}

func TestEncodeRefusesWhatCannotImport(t *testing.T) {
	oy := fixture()
	oy.Requests[2].Applicant = ""
	if _, err := Encode(oy, Public); err == nil || !strings.Contains(err.Error(), "申请人类型") {
		t.Errorf("err = %v", err)
	}
	if _, err := Encode(fixture(), Kind("x")); err == nil {
		t.Errorf("unknown kind accepted")
	}
	old := fixture()
	old.Report = model.NewReport(1, 2015)
	if _, err := Encode(old, Public); err == nil || !strings.Contains(err.Error(), "2015年没有对应的国家年报格式") {
		t.Errorf("err = %v", err)
	}
}

func TestBrokenFiguresImportWithFindings(t *testing.T) {
	oy := fixture()
	r := oy.Report
	r.Mode3 = model.Typed
	// 一 + 二 = 5 but （七）总计 + 四 = 3: O1 broken in 自然人 and 总计.
	r.Values[model.Addr(model.TableS3, model.RowNew, string(model.NaturalPerson))] = 5
	r.Values[model.Addr(model.TableS3, model.RowNew, model.ColTotal)] = 5
	r.Values[model.Addr(model.TableS3, model.RowDisclosed, string(model.NaturalPerson))] = 3
	r.Values[model.Addr(model.TableS3, model.RowDisclosed, model.ColTotal)] = 3
	r.Values[model.Addr(model.TableS3, model.RowOutcomeSum, string(model.NaturalPerson))] = 3
	r.Values[model.Addr(model.TableS3, model.RowOutcomeSum, model.ColTotal)] = 3
	model.ZeroBlanks(r) // every other cell entered as 0
	data, err := Encode(oy, Public)
	if err != nil {
		t.Fatal(err)
	}
	got, meta, err := Decode(data)
	if err != nil {
		t.Fatalf("a report breaking O1 must still import: %v", err)
	}
	if got.Report.Values.Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal)) != 5 {
		t.Errorf("typed figures lost")
	}
	o1 := false
	for _, f := range meta.Findings {
		if f.Rule == "O1" && f.Severity == model.Error {
			o1 = true
		}
	}
	if !o1 || meta.Errors() == 0 {
		t.Errorf("O1 not flagged: %+v", meta.Findings)
	}
}

func TestDiffListsChangedCellsAndCounts(t *testing.T) {
	a := fixture()
	b := fixture()
	b.Report.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = 42
	b.Report.Values[model.Addr(model.TableS2Item8, model.RowAdminFees, "amount")] = 1500000
	b.Requests = append(b.Requests, model.Request{Year: 2021, Serial: 3, Received: model.NewDate(2021, 7, 1), Applicant: model.Research})
	b.Report.Blocks[1].Text = "改过的文字"
	b.Organ.Phone = "0470-0000000"
	d := Diff(a, b)
	want := []string{
		"联系电话：「0470-2382772」→「0470-0000000」",
		"表二（五）项 行政许可 · 本年处理决定数量：40 → 42",
		"表二（八）项 行政事业性收费 · 本年收费金额（单位：万元）：1.25 → 1.5",
		"表三 一、本年新收政府信息公开申请数量 · 科研机构：0 → 1",
		"表三 一、本年新收政府信息公开申请数量 · 总计：2 → 3",
		"正文段落：都是 3 段，其中 1 段内容不同",
		"依申请台账：3 条 → 4 条",
	}
	joined := strings.Join(d, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("diff lacks %q; got:\n%s", w, joined)
		}
	}
	if len(Diff(a, fixture())) != 0 {
		t.Errorf("identical organ-years differ: %v", Diff(a, fixture()))
	}
}

// FuzzDecode feeds arbitrary bytes to Decode: it must never panic, and what
// it accepts must encode again to a bundle that decodes to the same thing.
// FuzzDecode feeds the decoder whole files (reseal false) and payloads
// (reseal true) that the harness wraps in a valid envelope with the checksum
// recomputed, so a mutated payload reaches the validation of its content
// instead of failing the checksum first.
func FuzzDecode(f *testing.F) {
	templates := map[bool][]byte{}
	for _, k := range []Kind{Public, Full} {
		data, err := Encode(fixture(), k)
		if err != nil {
			f.Fatal(err)
		}
		templates[k == Full] = data
		f.Add(data, false)
		var env envelope
		if err := json.Unmarshal(data, &env); err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(env.Payload), k == Full)
	}
	f.Add([]byte(`{"magic":"nianbao-bundle","version":1}`), false)
	f.Add([]byte(`{"magic":"nianbao-bundle","version":99}`), false)
	f.Add([]byte("\xef\xbb\xbf{}"), false)
	f.Add([]byte(`{"organ":{"name":"\u001b]0;x\u0007"},"report":{"year":2021}}`), true)
	f.Fuzz(func(t *testing.T, data []byte, reseal bool) {
		if reseal {
			data = resealPayload(templates[len(data)%2 == 1], data)
		}
		oy, meta, err := Decode(data)
		if err != nil {
			if oy != nil {
				t.Fatalf("organ-year returned with error %v", err)
			}
			return
		}
		again, err := EncodeAt(oy, meta.Kind, meta.Created)
		if err != nil {
			t.Fatalf("accepted bundle does not encode again: %v", err)
		}
		oy2, _, err := Decode(again)
		if err != nil {
			t.Fatalf("re-encoded bundle refused: %v", err)
		}
		if d := Diff(oy, oy2); len(d) != 0 {
			t.Fatalf("re-encoded bundle differs: %v", d)
		}
	})
}

// resealPayload puts payload into the envelope of template with the
// checksum the decoder expects (SHA-256 of the compacted payload). A payload
// that is not JSON is spliced in as it is, with the checksum of its bytes.
func resealPayload(template, payload []byte) []byte {
	var env envelope
	if err := json.Unmarshal(template, &env); err != nil {
		return payload
	}
	var compact bytes.Buffer
	sumOf := payload
	if json.Compact(&compact, payload) == nil {
		sumOf = compact.Bytes()
	}
	sum := sha256.Sum256(sumOf)
	env.SHA256 = hex.EncodeToString(sum[:])
	env.Payload = json.RawMessage(`"PAYLOAD"`)
	out, err := json.Marshal(env)
	if err != nil {
		return payload
	}
	return bytes.Replace(out, []byte(`"PAYLOAD"`), payload, 1)
}

func TestDecodeAcceptsReorderedKeys(t *testing.T) {
	good, err := Encode(fixture(), Public)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(good, &m); err != nil {
		t.Fatal(err)
	}
	// A map marshals with sorted keys: magic and version come after payload
	// fields such as created and kind.
	re, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Index(re, []byte(`"magic"`)) < bytes.Index(re, []byte(`"created"`)) {
		t.Fatalf("keys not reordered")
	}
	if _, _, err := Decode(re); err != nil {
		t.Errorf("reordered bundle refused: %v", err)
	}
	newer := bytes.Replace(re, []byte(fmt.Sprintf(`"version":%d`, Version)), []byte(fmt.Sprintf(`"version":%d`, Version+1)), 1)
	if _, _, err := Decode(newer); !errors.Is(err, ErrNewerVersion) {
		t.Errorf("reordered newer bundle: %v", err)
	}
}

func TestDecodeCleansText(t *testing.T) {
	oy := fixture()
	oy.Report.Blocks[1].Text = "全年\x1b[31m主动公开\x1b[0m信息\u202e86条。"
	oy.Organ.Office = "政务公开\u200b办公室\r\n"
	oy.Measures[0].Problem = "更新\x07慢"
	data, err := Encode(oy, Full)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if b := got.Report.Blocks[1].Text; b != "全年主动公开信息86条。" {
		t.Errorf("block text = %q", b)
	}
	if o := got.Organ.Office; o != "政务公开办公室" {
		t.Errorf("office = %q", o)
	}
	if p := got.Measures[0].Problem; p != "更新慢" {
		t.Errorf("problem = %q", p)
	}
}

func TestWriteToFolder(t *testing.T) {
	dir := t.TempDir()
	res, err := Write(dir, fixture(), Public)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(res.Path) != "大雁镇人民政府2021年年报报送包.json" {
		t.Errorf("path = %s", res.Path)
	}
	data, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != res.SHA256 || int64(len(data)) != res.Size {
		t.Errorf("result %+v does not describe the file", res)
	}
	if _, _, err := Decode(data); err != nil {
		t.Errorf("written bundle does not decode: %v", err)
	}
	if _, err := Write(filepath.Join(dir, "没有这个文件夹"), fixture(), Public); err == nil {
		t.Errorf("writing into a missing folder succeeded")
	}
}

func TestReplacingByPublicBundleComparesOnlyWhatItCarries(t *testing.T) {
	kept := withoutIDs(fixture())
	decode := func(kind Kind) *model.OrganYear {
		t.Helper()
		data, err := Encode(fixture(), kind)
		if err != nil {
			t.Fatal(err)
		}
		oy, _, err := Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		return oy
	}
	// The same year sent back as a public bundle holds nothing new, though
	// it lacks the names, summaries and notes the store keeps.
	pub := decode(Public)
	if d := Replacing(kept, pub, Public); len(d) != 0 {
		t.Fatalf("same year as a public bundle differs: %v", d)
	}
	if kept.Requests[1].Personal.IsZero() || kept.Requests[1].Notes == "" || kept.Cases[0].Summary == "" {
		t.Fatal("Replacing stripped the kept organ-year it was given")
	}
	if d := Replacing(kept, decode(Full), Full); len(d) != 0 {
		t.Fatalf("same year as a full bundle differs: %v", d)
	}
	// A changed figure is listed, and the last line says that 3 requests
	// and 1 case would lose their personal data and free texts.
	pub.Report.Values[model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")] = 41
	d := Replacing(kept, pub, Public)
	if len(d) != 2 || !strings.Contains(d[0], "40") || !strings.Contains(d[0], "41") {
		t.Fatalf("changed figure: %v", d)
	}
	if !strings.Contains(d[1], "已有的 4 条登记") {
		t.Fatalf("last line should count the 4 entries that lose their free texts: %v", d)
	}
	// A full bundle carries everything: a changed summary is a difference,
	// and nothing is said about dropping personal data.
	full := decode(Full)
	full.Cases[0].Summary = "另一摘要"
	d = Replacing(kept, full, Full)
	if len(d) == 0 || strings.Contains(strings.Join(d, "\n"), "不再保存") {
		t.Fatalf("full bundle with a changed summary: %v", d)
	}
}

func ptr(x int64) *int64 { return &x }
