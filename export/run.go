package export

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"nianbao/model"
)

// Formats lists the export formats in the order the export screen offers them.
var Formats = []string{"docx", "html", "xlsx", "txt", "md", "pdf"}

// ManifestName is the checksum list written beside the exported files.
const ManifestName = "校验清单.txt"

// Options says what Run exports and where.
type Options struct {
	Formats   []string // from Formats
	Dir       string   // target folder, usually on a U盘
	Encoding  string   // txt: "utf-8" (default) or "gb18030"
	Draft     bool     // mark every output 草稿
	Overwrite bool     // replace files of the same name
	Version   string   // program version, for the manifest
	Today     model.Date
	// Now is the export time written to the manifest; zero means now.
	Now time.Time
}

// Progress reports one step of Run: file Index of Total starts (Done false)
// or ends (Done true, with Err when it failed).
type Progress struct {
	Index, Total int
	Format       string
	Name         string
	Done         bool
	Err          error
}

// FormatError is one format that could not be produced.
type FormatError struct {
	Format string
	Err    error
}

// Result is what Run wrote.
type Result struct {
	Files    []FileResult
	Manifest FileResult
	// Existing lists target names that already exist when Overwrite was
	// not set; nothing was written then.
	Existing []string
	// Failed lists formats that could not be rendered (PDF without
	// LibreOffice); the others were still written.
	Failed []FormatError
	// CreatedDir is the target folder when Run created it (PrepareDir).
	CreatedDir string
}

// FileName is the name clerks expect:
// 「{organ}{year}年政府信息公开工作年度报告.{ext}」, with （草稿） before the
// extension for a draft. Characters file systems refuse are replaced.
func FileName(organ string, year int, ext string, draft bool) string {
	stem := model.Title(organ, year)
	stem = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, stem)
	if draft {
		stem += "（草稿）"
	}
	return stem + "." + ext
}

// TargetNames lists the files an export of these formats writes, the
// manifest last, so a screen can show them or ask about existing ones first.
func TargetNames(organ string, year int, formats []string, draft bool) []string {
	var out []string
	for _, f := range formats {
		out = append(out, FileName(organ, year, f, draft))
	}
	return append(out, ManifestName)
}

func validFormat(f string) bool {
	for _, x := range Formats {
		if x == f {
			return true
		}
	}
	return false
}

// Render renders the document in one format.
func Render(ctx context.Context, d *Document, format, encoding string) ([]byte, error) {
	switch format {
	case "docx":
		return RenderDocx(d)
	case "html":
		return RenderHTML(d)
	case "xlsx":
		return RenderXlsx(d)
	case "txt":
		return RenderText(d, encoding)
	case "md":
		return RenderMarkdown(d)
	case "pdf":
		return RenderPDF(ctx, d)
	}
	return nil, fmt.Errorf("不支持的导出格式「%s」，可选：%s", format, strings.Join(Formats, "、"))
}

// Run exports the organ-year: it builds the Document once, renders each
// requested format, writes each file verified to opt.Dir, and writes the
// manifest 校验清单.txt last. Without opt.Overwrite it first checks the
// targets and, when any exist, writes nothing and returns them in
// Result.Existing with an ErrExists MediaError, so the caller can ask. A
// format that cannot be rendered is listed in Result.Failed and the others
// are still written; a media failure stops the export.
func Run(ctx context.Context, oy *model.OrganYear, opt Options, progress func(Progress)) (*Result, error) {
	if progress == nil {
		progress = func(Progress) {}
	}
	if len(opt.Formats) == 0 {
		return nil, errors.New("没有选择导出格式，请至少选择一种（" + strings.Join(Formats, "、") + "）。")
	}
	seen := map[string]bool{}
	var formats []string
	for _, f := range opt.Formats {
		f = strings.ToLower(strings.TrimSpace(f))
		if !validFormat(f) {
			return nil, fmt.Errorf("不支持的导出格式「%s」，可选：%s。", f, strings.Join(Formats, "、"))
		}
		if !seen[f] {
			seen[f] = true
			formats = append(formats, f)
		}
	}
	if strings.TrimSpace(opt.Dir) == "" {
		return nil, errors.New("没有选择导出位置，请选择U盘或一个文件夹。")
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.Today.IsZero() {
		opt.Today = model.DateOf(opt.Now)
	}
	year := oy.Report.Year
	targets := TargetNames(oy.Organ.Name, year, formats, opt.Draft)
	names := targets[:len(formats)]
	res := &Result{}
	created, err := PrepareDir(opt.Dir)
	if err != nil {
		return res, err
	}
	if created {
		res.CreatedDir = opt.Dir
	}
	if !opt.Overwrite {
		if ex := Existing(opt.Dir, targets); len(ex) > 0 {
			res.Existing = ex
			return res, &MediaError{Kind: ErrExists, Path: opt.Dir,
				Msg: "目标位置已有同名文件：" + strings.Join(ex, "、") + "。如需替换，请确认覆盖后再导出。"}
		}
	}
	doc := Build(oy, BuildOptions{Draft: opt.Draft, Today: opt.Today})
	total := len(formats) + 1
	for i, f := range formats {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		progress(Progress{Index: i + 1, Total: total, Format: f, Name: names[i]})
		data, err := Render(ctx, doc, f, opt.Encoding)
		if err != nil {
			res.Failed = append(res.Failed, FormatError{Format: f, Err: err})
			progress(Progress{Index: i + 1, Total: total, Format: f, Name: names[i], Done: true, Err: err})
			continue
		}
		fr, err := WriteVerified(opt.Dir, names[i], data)
		progress(Progress{Index: i + 1, Total: total, Format: f, Name: names[i], Done: true, Err: err})
		if err != nil {
			return res, err
		}
		res.Files = append(res.Files, fr)
	}
	if len(res.Files) > 0 {
		progress(Progress{Index: total, Total: total, Format: "manifest", Name: ManifestName})
		m, err := Manifest(res.Files, oy.Organ.Name, year, opt.Version, opt.Now, opt.Encoding)
		if err == nil {
			res.Manifest, err = WriteVerified(opt.Dir, ManifestName, m)
		}
		progress(Progress{Index: total, Total: total, Format: "manifest", Name: ManifestName, Done: true, Err: err})
		if err != nil {
			return res, err
		}
	}
	if len(res.Failed) > 0 {
		var msgs []string
		for _, fe := range res.Failed {
			msgs = append(msgs, fe.Format+"："+fe.Err.Error())
		}
		return res, errors.New("部分格式未能导出。" + strings.Join(msgs, " "))
	}
	return res, nil
}

// Manifest is the text of 校验清单.txt: organ, year, time, program version
// and, per file, its name, size and SHA-256, so the receiving office can
// check the copy (certutil -hashfile 文件名 SHA256 on Windows).
func Manifest(files []FileResult, organ string, year int, version string, now time.Time, encoding string) ([]byte, error) {
	if version == "" {
		version = "未标明"
	}
	lines := []string{
		"校验清单",
		"单位：" + organ,
		"年度：" + strconv.Itoa(year),
		"导出时间：" + now.Format("2006-01-02 15:04:05"),
		"程序版本：" + version,
		"",
		"文件名\t大小（字节）\tSHA-256",
	}
	for _, f := range files {
		lines = append(lines, baseName(f.Path)+"\t"+strconv.FormatInt(f.Size, 10)+"\t"+f.SHA256)
	}
	lines = append(lines, "", "核对方法：在 Windows 命令提示符中运行 certutil -hashfile 文件名 SHA256，结果应与上表一致。")
	text := strings.Join(lines, "\r\n") + "\r\n"
	return encodeText(text, encoding)
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
