package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"nianbao/desk"
	"nianbao/model"
)

func init() {
	register(command{name: "export", summary: "导出年报（docx/html/xlsx/txt/md/pdf/图解）", run: runExport})
}

func usageExport(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao export --organ 单位名称 --year 年份 --out 文件夹 [--format docx,html,snippet,xlsx,txt,md,pdf,tujie]
                     [--db 数据库文件] [--encoding gb18030] [--font 字体文件] [--force] [--overwrite]

把指定单位、指定年度的年报导出到文件夹（通常是U盘），每个文件写完后读回核对，
并在同一文件夹写出「校验清单.txt」（文件名、大小、SHA-256）。导出的文件不含申请人个人信息。

年报检查有错误时不导出（退出码 1）；加 --force 可强制导出，此时所有文件都标为“草稿”。

选项：
  --organ 单位名称   必填，须与数据库中的单位名称完全一致
  --year 年份        必填，例如 2021
  --out 文件夹       必填，导出位置，例如 U 盘的根目录；最后一级文件夹不存在时会新建
  --format 格式      用逗号分隔，可选 docx、html、snippet（网站粘贴用片段）、xlsx、txt、md、pdf、tujie；默认 docx,html,xlsx,txt
                     tujie 是图解（一图读懂）：网页「…年度报告（图解）.html」和同名长图 .png
  --encoding 编码    txt 文件的编码：utf-8（默认）或 gb18030
  --font 字体文件    画图解长图用的中文字体，例如 C:\Windows\Fonts\msyh.ttc；
                     不指定时在本机字体文件夹里找，找不到中文字体时只写出图解网页
  --force            检查有错误时仍然导出，文件标为草稿
  --overwrite        文件夹里已有同名文件时直接替换（不加时不会覆盖）
  --db 数据库文件    不指定时使用默认数据库
`)
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("export")
	dbFlag := fs.String("db", "", "")
	organ := fs.String("organ", "", "")
	year := fs.Int("year", 0, "")
	formats := fs.String("format", "docx,html,xlsx,txt", "")
	out := fs.String("out", "", "")
	encoding := fs.String("encoding", desk.EncodingUTF8, "")
	force := fs.Bool("force", false, "")
	overwrite := fs.Bool("overwrite", false, "")
	fontFile := fs.String("font", "", "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageExport); !ok {
		return code
	}
	usageErr := func(msg string) int {
		fmt.Fprintln(stderr, msg)
		fmt.Fprintln(stderr)
		usageExport(stderr)
		return exitUsage
	}
	if fs.NArg() > 0 {
		return usageErr(fmt.Sprintf("多余的参数「%s」。单位、年份和导出位置请用 --organ、--year 和 --out 给出。", fs.Arg(0)))
	}
	if *organ == "" || *year == 0 || strings.TrimSpace(*out) == "" {
		return usageErr("请同时给出 --organ 单位名称、--year 年份 和 --out 导出文件夹。")
	}
	if model.FormatForYear(*year) == nil {
		return usageErr(fmt.Sprintf("年份 %d 不对：政府信息公开工作年度报告的格式从2019年度开始，请给出2019年或以后的年份。", *year))
	}
	var list []string
	for _, f := range strings.Split(*formats, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if !validExportFormat(f) {
			return usageErr(fmt.Sprintf("不支持的导出格式「%s」，可选：%s。", f, strings.Join(desk.Formats, "、")))
		}
		list = append(list, f)
	}
	if len(list) == 0 {
		return usageErr("--format 没有给出任何格式，可选：" + strings.Join(desk.Formats, "、") + "。")
	}
	switch strings.ToLower(strings.ReplaceAll(*encoding, "-", "")) {
	case "utf8", "gb18030":
	default:
		return usageErr(fmt.Sprintf("不认识的文本编码「%s」，请用 utf-8 或 gb18030。", *encoding))
	}
	// The folder is checked by the export itself, after the checks pass:
	// a missing last folder is created there (and said so below), a
	// missing drive or parent folder gets the stick message.

	ctx, stop := stopContext()
	defer stop()
	st, err := openReader(ctx, *dbFlag)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	// The public export never loads personal data.
	now := time.Now()
	y, err := openYear(ctx, st, *organ, *year, model.DateOf(now))
	if err = intact(st, err); err != nil {
		return printErr(stderr, err)
	}
	draft := false
	if errs := y.Errors(); len(errs) > 0 {
		oy := y.OrganYear()
		fm := oy.Report.Format()
		w := stderr
		if *force {
			w = stdout
		}
		fmt.Fprintf(w, "%s 检查有%d个错误：\n", model.Title(oy.Organ.Name, oy.Report.Year), len(errs))
		for _, f := range errs {
			fmt.Fprintf(w, "[%s] %s  %s：%s\n", f.Severity.Label(), f.Rule, f.Place(fm), f.Message)
		}
		if !*force {
			fmt.Fprintln(stderr, "有错误的年报不能导出。请改正后再导出；如只需导出草稿供内部核对，请加 --force。")
			return exitFindings
		}
		fmt.Fprintln(stdout, "已按 --force 导出，所有文件标为草稿。")
		draft = true
	}

	res, err := st.Export(ctx, y, desk.ExportOptions{
		Formats: list, Dir: *out, Encoding: *encoding, Draft: draft, Overwrite: *overwrite, Now: now, Font: *fontFile,
	}, func(p desk.ExportProgress) {
		if !p.Done {
			fmt.Fprintf(stdout, "[%d/%d] 正在写入 %s …\n", p.Index, p.Total, p.Name)
			return
		}
		if p.Err != nil {
			fmt.Fprintf(stdout, "[%d/%d] %s 未写入：%v\n", p.Index, p.Total, p.Name, p.Err)
		}
	})
	if res != nil {
		if res.CreatedDir != "" {
			fmt.Fprintf(stdout, "文件夹「%s」原来不存在，已新建。\n", res.CreatedDir)
		}
		for _, f := range res.Files {
			pdf := ""
			if strings.HasSuffix(strings.ToLower(f.Path), ".pdf") {
				pdf = "，PDF 中的文字已与报告正文逐字核对"
			}
			fmt.Fprintf(stdout, "已写入并核对 %s（%d 字节，SHA-256 %s%s）\n", f.Path, f.Size, f.SHA256, pdf)
		}
		if res.Manifest.Path != "" {
			fmt.Fprintf(stdout, "已写入校验清单 %s\n", res.Manifest.Path)
		}
		for _, n := range res.Notes {
			fmt.Fprintln(stdout, n)
		}
	}
	if err != nil {
		var me *desk.MediaError
		if errors.As(err, &me) && me.Kind == desk.ErrFileExists {
			fmt.Fprintln(stderr, me.Msg+"（命令行请加 --overwrite）")
			return exitFindings
		}
		fmt.Fprintln(stderr, errText(err))
		return exitFindings
	}
	return exitOK
}

func validExportFormat(f string) bool {
	for _, x := range desk.Formats {
		if x == f {
			return true
		}
	}
	return false
}
