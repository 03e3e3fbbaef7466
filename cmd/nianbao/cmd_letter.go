package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"nianbao/desk"
	"nianbao/model"
)

func init() {
	register(command{name: "letter", summary: "为台账中的一件申请写告知书/答复书（docx，含个人信息）", run: runLetter})
}

func usageLetter(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao letter --organ 单位名称 --year 年份 --serial 编号 --out 文件夹
                     [--kind 种类] [--date 日期] [--db 数据库文件]

为台账里的一件申请写出告知书或答复书（GB/T 9704 公文格式的 .docx）。不指定 --kind 时，
按申请目前的状态写出需要的那一份：有办理结果写答复书；登记了延期但还没有延期告知日期写
延期答复告知书；登记了收费方式但还没有收费通知日期写收费通知书；等待补正写补正申请告知书。

告知书编上文号（按单位在单位资料中设定的文号格式，每年从1号起），日期记到台账上
（补正、延期、收费、答复日期为空时填上）。再写同一种告知书时沿用原来的文号。

告知书含申请人个人信息：文件名以“（含个人信息）”结尾，只有本人可读，不会列入任何公开
导出的校验清单；已有公开导出（校验清单.txt）的文件夹不能存放告知书。

种类（--kind，写代码或中文都可以）：
`)
	for _, k := range model.LetterKinds {
		fmt.Fprintf(w, "  %-15s %s（%s）\n", k, k.Short(), k.Label())
	}
	fmt.Fprint(w, `
选项：
  --organ 单位名称   必填，须与数据库中的单位名称完全一致
  --year 年份        必填，申请在台账中的年份（收到申请的年份）
  --serial 编号      必填，申请在该年台账中的编号
  --out 文件夹       必填，保存告知书的文件夹（不要选U盘上存放公开年报的文件夹）
  --kind 种类        要写的告知书，见上表；不写时按申请的状态决定
  --date 日期        告知书日期，例如 2021-03-05；不写时用台账上已记录的日期，没有则用今天
  --db 数据库文件    不指定时使用默认数据库

告知书内容（不写时用程序的默认说法，写出后也可以在 Word/WPS 里修改）：
  --unclear 文字     补正：需要补正的事项
  --ext-days 天数    延期：延长的工作日数（不写时用台账上的天数，没有则20）
  --third-party 名称 征求意见函：第三方的名称
  --delivery 文字    答复：提供信息的方式（予以公开、部分公开、公开出版物）
  --withheld 文字    部分公开：不予公开的部分
  --reason 文字      部分公开、法律行政法规禁止公开：不予公开的理由
  --holder 机关      本机关不掌握：负责公开该信息的机关（写了就引用第三十六条第（五）项）
  --holder-phone 电话 该机关的联系电话
  --note 文字        其他处理：处理说明
`)
}

func runLetter(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("letter")
	dbFlag := fs.String("db", "", "")
	organ := fs.String("organ", "", "")
	year := fs.Int("year", 0, "")
	serial := fs.Int("serial", 0, "")
	kindFlag := fs.String("kind", "", "")
	dateFlag := fs.String("date", "", "")
	out := fs.String("out", "", "")
	var in model.LetterInput
	fs.StringVar(&in.Unclear, "unclear", "", "")
	fs.IntVar(&in.ExtDays, "ext-days", 0, "")
	fs.StringVar(&in.ThirdParty, "third-party", "", "")
	fs.StringVar(&in.Delivery, "delivery", "", "")
	fs.StringVar(&in.Withheld, "withheld", "", "")
	fs.StringVar(&in.Reason, "reason", "", "")
	fs.StringVar(&in.Holder, "holder", "", "")
	fs.StringVar(&in.HolderPhone, "holder-phone", "", "")
	fs.StringVar(&in.OtherHandled, "note", "", "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageLetter); !ok {
		return code
	}
	usageErr := func(msg string) int {
		fmt.Fprintln(stderr, msg)
		fmt.Fprintln(stderr)
		usageLetter(stderr)
		return exitUsage
	}
	if fs.NArg() > 0 {
		return usageErr(fmt.Sprintf("多余的参数「%s」。", fs.Arg(0)))
	}
	if strings.TrimSpace(*organ) == "" || *year == 0 || *serial <= 0 || strings.TrimSpace(*out) == "" {
		return usageErr("请同时给出 --organ 单位名称、--year 年份、--serial 编号 和 --out 文件夹。")
	}
	var kind model.LetterKind
	if *kindFlag != "" {
		k, ok := model.ParseLetterKind(*kindFlag)
		if !ok {
			return usageErr(fmt.Sprintf("不认识的告知书种类「%s」。可用的种类见下面的列表。", *kindFlag))
		}
		kind = k
	}
	if in.ExtDays < 0 || in.ExtDays > model.MaxExtWorkdays {
		return usageErr(fmt.Sprintf("--ext-days 应在 1 到 %d 之间。", model.MaxExtWorkdays))
	}
	if *dateFlag != "" {
		d, err := model.ParseDate(*dateFlag)
		if err != nil {
			return usageErr(err.Error())
		}
		in.Date = d
	}
	if err := desk.CheckLetterFolder(*out); err != nil {
		return usageErr(err.Error() + "。")
	}

	ctx, stop := stopContext()
	defer stop()
	st, err := openStore(ctx, *dbFlag, false)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	o, err := st.FindOrgan(ctx, *organ)
	if err != nil {
		return printErr(stderr, err)
	}
	d, err := st.DraftLetter(ctx, o, *year, *serial, kind, in, model.DateOf(time.Now()))
	if err != nil {
		if err == desk.ErrNoLetter {
			return usageErr(err.Error() + "（--kind）。")
		}
		return printErr(stderr, err)
	}
	res, err := st.WriteLetter(ctx, d, *out)
	if err != nil {
		return printErr(stderr, err)
	}
	fmt.Fprintf(stdout, "已写出%s %s（%s，%s）\n", res.Letter.Title, res.Record.Number, res.Letter.Date.Chinese(), res.File.Path)
	fmt.Fprintf(stdout, "已写入并核对（%d 字节，SHA-256 %s）。该文件含申请人个人信息，请勿随公开材料外传。\n", res.File.Size, res.File.SHA256)
	return exitOK
}
