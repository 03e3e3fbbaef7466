package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
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
	var in model.LetterInput
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

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
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
