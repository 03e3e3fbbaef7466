package export

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"nianbao/model"
)

// Formats lists the export formats in the order the export screen offers them.
// "snippet" is the body-only html fragment for a portal editor.
// FormatTujie is the illustrated report (图解): an html page and, where a
// Chinese font is found, a long PNG of it.
var Formats = []string{"docx", "html", "snippet", "xlsx", "txt", "md", "pdf", FormatTujie}

// FormatTujie names the 图解 in Formats and on the command line.
const FormatTujie = "tujie"

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
	// Calendar lets the 图解 print the on-time answer rate; nil leaves
	// that figure out.
	Calendar *model.Calendar
	// Font is the font file the 图解's PNG is drawn with; empty means
	// the best Chinese font found on the machine (tujie.FindFont).
	Font string
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
	// Notes are what the export tells the clerk besides the files, such
	// as a 图解 written without its PNG for want of a Chinese font, or a
	// PDF printed with substitute fonts.
	Notes []string
}

// FileName is the name clerks expect:
// 「{organ}{year}年政府信息公开工作年度报告.{ext}」, with （草稿） before the
// extension for a draft. Characters file systems refuse are replaced and an
// over-long organ name is shortened (model.ShortOrganName, SafeFileName).
func FileName(organ string, year int, ext string, draft bool) string {
	stem := model.Title(model.ShortOrganName(organ), year)
	if ext == "snippet" {
		stem += "（网站粘贴用）"
		ext = "html"
	}
	if draft {
		stem += "（草稿）"
	}
	return SafeFileName(stem, "."+ext)
}

// TujieNames are the file names of the 图解:
// 「{organ}{year}年政府信息公开工作年度报告（图解）.html」 and the same stem
// with .png, （草稿） after （图解） for a draft.
func TujieNames(organ string, year int, draft bool) (html, png string) {
	stem := strings.TrimSuffix(FileName(organ, year, "", false), ".") + "（图解）"
	if draft {
		stem += "（草稿）"
	}
	return stem + ".html", stem + ".png"
}

// formatNames lists the files one format writes.
func formatNames(organ string, year int, format string, draft bool) []string {
	if format == FormatTujie {
		h, p := TujieNames(organ, year, draft)
		return []string{h, p}
	}
	return []string{FileName(organ, year, format, draft)}
}

// TargetNames lists the files an export of these formats writes, the
// manifest last, so a screen can show them or ask about existing ones first.
// The 图解 lists its PNG too, though it is written only where a Chinese
// font is found.
func TargetNames(organ string, year int, formats []string, draft bool) []string {
	var out []string
	for _, f := range formats {
		out = append(out, formatNames(organ, year, f, draft)...)
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
	case "snippet":
		return RenderSnippet(d)
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
	if opt.Overwrite {
		// The old checksum list goes first: it must never stand beside files
		// it no longer describes (an export that stops half-way on a full
		// stick leaves new files beside old ones).
		if err := os.Remove(filepath.Join(opt.Dir, ManifestName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, classify(err, opt.Dir, filepath.Join(opt.Dir, ManifestName))
		}
	}
	doc := Build(oy, BuildOptions{Draft: opt.Draft, Today: opt.Today})
	total := len(formats) + 1
	for i, f := range formats {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		names := formatNames(oy.Organ.Name, year, f, opt.Draft)
		progress(Progress{Index: i + 1, Total: total, Format: f, Name: names[0]})
		var outs [][]byte
		var err error
		switch f {
		case FormatTujie:
			var note string
			outs, note, err = renderTujie(oy, opt)
			if note != "" {
				res.Notes = append(res.Notes, note)
			}
		case "pdf":
			var data []byte
			var note string
			data, note, err = RenderPDFNote(ctx, doc)
			if note != "" {
				res.Notes = append(res.Notes, note)
			}
			outs = [][]byte{data}
		default:
			var data []byte
			data, err = Render(ctx, doc, f, opt.Encoding)
			outs = [][]byte{data}
		}
		if err != nil {
			res.Failed = append(res.Failed, FormatError{Format: f, Err: err})
			progress(Progress{Index: i + 1, Total: total, Format: f, Name: names[0], Done: true, Err: err})
			continue
		}
		for j, data := range outs {
			fr, err := WriteVerified(opt.Dir, names[j], data)
			if err != nil {
				progress(Progress{Index: i + 1, Total: total, Format: f, Name: names[j], Done: true, Err: err})
				return res, err
			}
			res.Files = append(res.Files, fr)
		}
		progress(Progress{Index: i + 1, Total: total, Format: f, Name: names[0], Done: true})
	}
	if len(res.Files) > 0 {
		progress(Progress{Index: total, Total: total, Format: "manifest", Name: ManifestName})
		err := writeManifest(res, oy.Organ.Name, year, opt)
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

// writeManifest writes 校验清单.txt only after every file was read back
// from the medium once more and matched (a stick pulled out and put back
// during the export loses files the kernel had already confirmed), then
// compares the folder listing with the list: a file listed must be there
// with its size. When that fails no checksum list is left behind.
func writeManifest(res *Result, organ string, year int, opt Options) error {
	for _, f := range res.Files {
		if err := VerifyOnMedium(f); err != nil {
			return err
		}
	}
	m, err := Manifest(res.Files, organ, year, opt.Version, opt.Now, opt.Encoding)
	if err != nil {
		return err
	}
	if res.Manifest, err = WriteVerified(opt.Dir, ManifestName, m); err != nil {
		return err
	}
	if err := compareListing(opt.Dir, append(append([]FileResult(nil), res.Files...), res.Manifest)); err != nil {
		os.Remove(res.Manifest.Path)
		res.Manifest = FileResult{}
		return err
	}
	return nil
}

// compareListing checks that the folder lists every file with its size.
func compareListing(dir string, files []FileResult) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return classify(err, dir, dir)
	}
	have := map[string]int64{}
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			have[e.Name()] = fi.Size()
		}
	}
	for _, f := range files {
		name := filepath.Base(f.Path)
		if size, ok := have[name]; !ok || size != f.Size {
			return &MediaError{Kind: ErrGone, Path: f.Path,
				Msg: "导出结束时「" + dir + "」中找不到写好的「" + name + "」（或大小不对），U盘可能被拔出后又插上。没有留下校验清单，请确认U盘插好后重新导出。"}
		}
	}
	return nil
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
		lines = append(lines, filepath.Base(f.Path)+"\t"+strconv.FormatInt(f.Size, 10)+"\t"+f.SHA256)
	}
	lines = append(lines, "", "核对方法：在 Windows 命令提示符中运行 certutil -hashfile 文件名 SHA256，结果应与上表一致。")
	text := strings.Join(lines, "\r\n") + "\r\n"
	return encodeText(text, encoding)
}
