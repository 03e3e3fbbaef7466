// Package bundle writes and reads report bundles (报送包): one organ-year in
// one UTF-8 JSON file, moved from a township to the county office on a USB
// stick. The format is described in docs/bundle-format.md.
package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"nianbao/export"
	"nianbao/model"
)

// Magic identifies a bundle file.
const Magic = "nianbao-bundle"

// Version is the bundle format version this program writes and the newest it
// reads. Version 2 keeps 未填 apart from 0: a cell of a typed table that is
// left out (or null) is 未填. Version 1 said such a cell reads as 0, and a
// version-1 bundle is still read so (readVersion1).
const Version = 2

// Program is written into every bundle as the producing program.
const Program = "nianbao"

// ProgramVersion is written into every bundle; the command line sets it to
// the build's version.
var ProgramVersion = buildVersion()

func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// now is the clock used for the created time (tests replace it).
var now = time.Now

// Kind says whether a bundle holds applicants' personal data.
type Kind string

const (
	// Public holds no personal data: for sending to the county office.
	Public Kind = "public"
	// Full holds everything, personal data included: for moving a
	// workstation's own data between computers.
	Full Kind = "full"
)

// Label returns the Chinese name.
func (k Kind) Label() string {
	if k == Full {
		return "完整报送包（含个人信息）"
	}
	return "公开报送包（不含个人信息）"
}

// Meta is what a bundle says about itself, and what the checks found.
type Meta struct {
	Version        int
	Kind           Kind
	Program        string
	ProgramVersion string
	Created        time.Time
	Organ          string
	Year           int
	FormatID       string
	SHA256         string
	// Findings are the consistency checks on the imported report: a report
	// with errors (e.g. O1 broken) is still importable but flagged.
	Findings []model.Finding
	// Computed are the derivable cells (总计, （七）) of a typed table that
	// the bundle left blank while every part was there: they were computed
	// on import (ComputedNote says which).
	Computed []model.CellAddress
}

// ComputedNote says, in one sentence, which blank totals were computed on
// import, naming the first few; "" when none was.
func (m Meta) ComputedNote(f *model.Format) string {
	if len(m.Computed) == 0 || f == nil {
		return ""
	}
	const named = 3
	names := make([]string, 0, named)
	for _, a := range m.Computed[:min(named, len(m.Computed))] {
		names = append(names, f.Place(a))
	}
	more := ""
	if len(m.Computed) > named {
		more = "等"
	}
	return fmt.Sprintf("报送包中有 %d 个合计单元格空着，已按各项之和算出（%s%s），请与报送单位核实。", len(m.Computed), strings.Join(names, "、"), more)
}

// Errors counts the findings of severity 错误.
func (m Meta) Errors() int {
	n := 0
	for _, f := range m.Findings {
		if f.Severity == model.Error {
			n++
		}
	}
	return n
}

// InvalidError lists every problem found in a bundle that was refused.
type InvalidError struct {
	Problems []string
}

func (e *InvalidError) Error() string {
	const max = 12
	ps := e.Problems
	more := ""
	if len(ps) > max {
		more = fmt.Sprintf("\n……另有%d处问题", len(ps)-max)
		ps = ps[:max]
	}
	return "报送包内容有误，未导入：\n" + strings.Join(ps, "\n") + more
}

// ErrNewerVersion is wrapped by the error for a bundle from a newer program.
var ErrNewerVersion = errors.New("newer bundle version")

type newerError struct{ v int }

func (e newerError) Error() string {
	return fmt.Sprintf("该报送包由更新版本的年报程序生成（版本%d），请先升级", e.v)
}
func (e newerError) Unwrap() error { return ErrNewerVersion }

// Encode writes the organ-year as a bundle of the kind, created now. See
// EncodeAt.
func Encode(oy *model.OrganYear, kind Kind) ([]byte, error) { return EncodeAt(oy, kind, now()) }

// EncodeAt writes the organ-year as a bundle of the kind, created at the
// given time. A public bundle
// leaves out applicants' personal data and the requests' notes. The result is
// decoded again before it is returned, so a bundle that Encode returns always
// imports.
func EncodeAt(oy *model.OrganYear, kind Kind, created time.Time) ([]byte, error) {
	if kind != Public && kind != Full {
		return nil, fmt.Errorf("报送包类型「%s」不对，应为 public 或 full", kind)
	}
	if oy == nil || oy.Report == nil {
		return nil, errors.New("没有可导出的报告")
	}
	f := oy.Report.Format()
	if f == nil {
		return nil, fmt.Errorf("%d年没有对应的国家年报格式，无法生成报送包", oy.Report.Year)
	}
	p := toPayload(oy, kind == Full)
	raw, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("生成报送包失败：%v", err)
	}
	sum := sha256.Sum256(raw)
	env := envelope{
		Magic: Magic, Version: Version, Kind: string(kind), Program: Program, ProgramVersion: ProgramVersion,
		Created: created.Format(time.RFC3339), Organ: oy.Organ.Name, Year: oy.Report.Year, Format: f.ID,
		SHA256: hex.EncodeToString(sum[:]), Payload: raw,
	}
	out, err := json.MarshalIndent(env, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("生成报送包失败：%v", err)
	}
	out = append(out, '\n')
	if _, _, err := Decode(out); err != nil {
		return nil, fmt.Errorf("报送包生成后自检未通过，请先改正报告中的以下问题再导出：\n%w", err)
	}
	return out, nil
}

// FileName is the bundle's file name: 大雁镇人民政府2021年年报报送包.json, and
// for a full bundle …年报报送包（含个人信息）.json.
func FileName(oy *model.OrganYear, kind Kind) string {
	name := model.ShortOrganName(strings.TrimSpace(oy.Organ.Name))
	if name == "" {
		name = "未命名单位"
	}
	year := 0
	if oy.Report != nil {
		year = oy.Report.Year
	}
	suffix := ".json"
	if kind == Full {
		suffix = "（含个人信息）.json"
	}
	return export.SafeFileName(fmt.Sprintf("%s%d年年报报送包", name, year), suffix)
}

// Decode reads and validates a bundle completely: the JSON, the magic and
// version, the checksum, every enum, date, count, table address and outcome
// row. Nothing is returned unless everything is valid, so the caller can
// write the organ-year in one go. The consistency checks' findings are
// returned in Meta; IDs in the organ-year are zero (new).
func Decode(data []byte) (*model.OrganYear, Meta, error) {
	var meta Meta
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, meta, errors.New("报送包是空文件，可能复制不完整，请重新导出")
	}
	if !utf8.Valid(data) {
		return nil, meta, errors.New("报送包不是 UTF-8 编码的文字，可能已损坏或不是报送包")
	}
	probe, err := probeHeader(data)
	if err != nil {
		return nil, meta, jsonError(data, 0, err)
	}
	if probe.Magic != Magic {
		return nil, meta, errors.New("这不是年报报送包（缺少报送包标识），请选择由年报程序导出的 .json 文件")
	}
	var v int
	if err := json.Unmarshal(probe.Version, &v); err != nil || v < 1 {
		return nil, meta, fmt.Errorf("报送包的版本号「%s」无效", string(probe.Version))
	}
	if v > Version {
		return nil, meta, newerError{v}
	}

	var env envelope
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		return nil, meta, jsonError(data, 0, err)
	}
	if dec.More() {
		return nil, meta, errors.New("报送包在结尾处有多余内容，文件可能已损坏")
	}
	meta = Meta{Version: env.Version, Kind: Kind(env.Kind), Program: env.Program, ProgramVersion: env.ProgramVersion,
		Organ: env.Organ, Year: env.Year, FormatID: env.Format, SHA256: env.SHA256}
	if meta.Kind != Public && meta.Kind != Full {
		return nil, meta, fmt.Errorf("报送包类型「%s」无效，应为 public 或 full", env.Kind)
	}
	t, err := time.Parse(time.RFC3339, env.Created)
	if err != nil {
		return nil, meta, fmt.Errorf("报送包的生成时间「%s」无效", env.Created)
	}
	meta.Created = t
	if len(env.Payload) == 0 || string(env.Payload) == "null" {
		return nil, meta, errors.New("报送包缺少报告内容（payload）")
	}
	// The envelope's decoder has validated the payload, so compacting it
	// needs no second JSON parser; the payload is then decoded from the
	// compact text, a third smaller than the indented one in the file.
	compact := compactValid(make([]byte, 0, len(env.Payload)), env.Payload)
	sum := sha256.Sum256(compact)
	if !strings.EqualFold(hex.EncodeToString(sum[:]), env.SHA256) {
		return nil, meta, errors.New("报送包校验值（SHA-256）不符，文件可能已损坏或被改动，请让报送单位重新导出")
	}

	var p jPayload
	if err := decodePayload(compact, &p); err != nil {
		// Decode the text as the file has it again, for the line and
		// column of the error in the file.
		if err := decodePayload(env.Payload, &jPayload{}); err != nil {
			return nil, meta, jsonError(data, bytes.Index(data, env.Payload), err)
		}
		return nil, meta, jsonError(compact, 0, err)
	}
	oy, problems := fromPayload(p, meta)
	if len(problems) > 0 {
		return nil, meta, &InvalidError{Problems: problems}
	}
	if meta.Version == 1 {
		readVersion1(oy)
	}
	meta.Computed = fillBlankTotals(oy.Report)
	findings, err := check(oy, model.DateOf(meta.Created))
	if err != nil {
		return nil, meta, err
	}
	meta.Findings = findings
	return oy, meta, nil
}

// decodePayload decodes a payload's JSON text, refusing fields this version
// does not know.
func decodePayload(text []byte, p *jPayload) error {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.DisallowUnknownFields()
	return dec.Decode(p)
}

type header struct {
	Magic   string
	Version json.RawMessage
}

// probeHeader reads the top-level magic and version before anything else,
// so that a bundle of a newer version is recognised whatever else changed.
// It streams the top-level object and stops as soon as both are read (they
// come first in every bundle this program writes).
func probeHeader(data []byte) (header, error) {
	var h header
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return h, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return h, nil // not an object: no magic
	}
	gotMagic, gotVersion := false, false
	for dec.More() && !(gotMagic && gotVersion) {
		tok, err := dec.Token()
		if err != nil {
			return h, err
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return h, err
		}
		switch key {
		case "magic":
			gotMagic = true
			if err := json.Unmarshal(raw, &h.Magic); err != nil {
				h.Magic = ""
			}
		case "version":
			gotVersion = true
			h.Version = raw
		}
	}
	return h, nil
}

// check runs the consistency rules as of the bundle's creation day, with
// the built-in working-day calendar. A bundle comes from another computer:
// should the rules fail on some content validation did not foresee, the
// bundle is refused rather than the program stopped.
func check(oy *model.OrganYear, today model.Date) (fs []model.Finding, err error) {
	defer func() {
		if r := recover(); r != nil {
			fs, err = nil, fmt.Errorf("报送包内容异常，无法完成检查（%v），未导入。请让报送单位核对后重新导出", r)
		}
	}()
	return model.Check(oy, nil, today), nil
}

// jsonError turns a decoding error into a Chinese sentence with the line and
// column where it happened. base is the offset of the decoded text in data.
func jsonError(data []byte, base int, err error) error {
	if base < 0 {
		base = 0
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		l, c := position(data, base+int(se.Offset)-1)
		return fmt.Errorf("报送包不是有效的 JSON：第%d行第%d列附近有错误（%s），文件可能已损坏或被手工改动", l, c, syntaxReason(se.Error()))
	case errors.As(err, &te):
		l, c := position(data, base+int(te.Offset))
		return fmt.Errorf("报送包第%d行第%d列：字段「%s」应为%s，实际是%s", l, c, te.Field, typeName(te.Type.Kind().String()), jsonTypeName(te.Value))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("报送包不完整（文件在中途结束），可能复制时中断，请重新复制")
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "json: unknown field ") {
		return fmt.Errorf("报送包含有本程序不认识的字段 %s，可能由其他程序生成或被手工改动", strings.TrimPrefix(msg, "json: unknown field "))
	}
	return fmt.Errorf("报送包无法读取：%v", err)
}

func syntaxReason(s string) string {
	switch {
	case strings.Contains(s, "unexpected end of JSON input"):
		return "文件在中途结束"
	case strings.Contains(s, "invalid character"):
		return "出现了不该有的字符"
	}
	return s
}

func typeName(k string) string {
	switch k {
	case "string":
		return "文字"
	case "int", "int64", "int32", "float64":
		return "整数"
	case "bool":
		return "是/否"
	case "slice":
		return "列表"
	case "struct", "map", "ptr":
		return "对象"
	}
	return k
}

func jsonTypeName(v string) string {
	switch {
	case v == "string":
		return "文字"
	case v == "number" || strings.HasPrefix(v, "number"):
		return "数字 " + strings.TrimSpace(strings.TrimPrefix(v, "number"))
	case v == "bool":
		return "是/否"
	case v == "array":
		return "列表"
	case v == "object":
		return "对象"
	}
	return v
}

// position converts a byte offset to a 1-based line and column (in
// characters).
func position(data []byte, off int) (int, int) {
	off = max(0, min(off, len(data)))
	line, col := 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
