package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"nianbao/desk"
	"nianbao/model"
)

func init() {
	register(command{name: "ledger", summary: "依申请公开台账：导出为 Excel（含个人信息）或从 Excel/CSV 导入", run: runLedger})
}

func usageLedger(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao ledger export --organ 单位名称 --year 年份 --out 文件夹 [--db 数据库文件]
      nianbao ledger import --organ 单位名称 --year 年份 [--db 数据库文件] 文件

export  把该年的依申请公开台账（当年收到的和上年结转的申请，含申请人个人信息、答复期限和
        是否超期）写成「单位+年份+年依申请公开台账（含个人信息）.xlsx」。文件只有本人可读；
        已有公开导出（校验清单.txt）的文件夹不能存放台账。

import  从 Excel（.xlsx）或 CSV（UTF-8、UTF-16 或 GB18030 编码）导入原有台账：按表头名称
        自动对应各列，把“申请人类型”“办理结果”的文字对应到表三的列和行，日期可以写成
        2021-03-05、2021.3.5、2021/3/5、2021年3月5日等。读不懂的行和重复的行（收到日期、
        申请人、申请内容都相同）列出原因后跳过，其余在一次操作中全部写入。
        必需的列（收到申请日期、申请人类型、申请内容、答复日期、办理结果）没有全部认出，
        或有“申请人类型”“办理结果”的文字对应不上时，列出它们并以退出码 2 结束，不写入任何
        内容——这时请在工作台的“导入台账”界面确认对应关系。单位没有该年的年报时会新建。

选项：
  --organ 单位名称   必填，须与数据库中的单位名称完全一致
  --year 年份        必填，例如 2021
  --out 文件夹       export 必填：保存台账的文件夹
  --db 数据库文件    不指定时使用默认数据库
`)
}

func runLedger(args []string, stdout, stderr io.Writer) int {
	op, code, ok := operation(args, "请写明要做什么：nianbao ledger export … 或 nianbao ledger import …", usageLedger, stdout, stderr)
	if !ok {
		return code
	}
	fs := newFlagSet("ledger")
	dbFlag := fs.String("db", "", "")
	organ := fs.String("organ", "", "")
	year := fs.Int("year", 0, "")
	out := fs.String("out", "", "")
	if code, ok = parseFlags(fs, args[1:], stdout, stderr, usageLedger); !ok {
		return code
	}
	usageErr := func(msg string) int { return usageError(stderr, usageLedger, msg) }
	if op != "export" && op != "import" {
		return usageErr(fmt.Sprintf("不认识的操作「%s」，请写 export 或 import。", op))
	}
	if strings.TrimSpace(*organ) == "" || *year == 0 {
		return usageErr("请同时给出 --organ 单位名称 和 --year 年份。")
	}
	if model.FormatForYear(*year) == nil {
		return usageErr(fmt.Sprintf("年份 %d 不对：请给出2019年或以后的年份。", *year))
	}
	var file string
	switch op {
	case "export":
		if fs.NArg() > 0 {
			return usageErr(fmt.Sprintf("多余的参数「%s」。", fs.Arg(0)))
		}
		if err := desk.CheckPrivateFolder(*out, "台账"); err != nil {
			return usageErr(err.Error() + "。")
		}
	case "import":
		if fs.NArg() != 1 {
			return usageErr("请在最后给出一个要导入的台账文件（.xlsx 或 .csv）。")
		}
		file = fs.Arg(0)
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
	if op == "export" {
		fmt.Fprintln(stdout, "注意："+desk.LedgerWarning)
		fr, n, err := st.ExportLedger(ctx, o, *year, *out)
		if err != nil {
			return printErr(stderr, err)
		}
		fmt.Fprintf(stdout, "已写出%d件申请的台账 %s（%d 字节，SHA-256 %s），已读回核对。\n", n, fr.Path, fr.Size, fr.SHA256)
		return exitOK
	}
	return ledgerImport(ctx, st, o, *year, file, stdout, stderr)
}

func ledgerImport(ctx context.Context, st *desk.Store, o model.Organ, year int, file string, stdout, stderr io.Writer) int {
	li, err := desk.ReadLedger(o, year, file)
	if err != nil {
		return printErr(stderr, err)
	}
	if miss := li.Mapping.Missing(); len(miss) > 0 {
		fmt.Fprintln(stderr, "这些必需的列没有认出来，没有导入任何内容：")
		for _, f := range miss {
			fmt.Fprintf(stderr, "  %s\n", f.Label())
		}
		fmt.Fprintln(stderr, "文件的表头是："+strings.Join(li.Sheet.Header, "、"))
		fmt.Fprintln(stderr, "请把表头改成上面的名称，或在工作台的“导入台账”界面指定各列。")
		return exitUsage
	}
	ua, uo := li.Values.Unmapped(li.Applicants, li.Outcomes)
	if len(ua)+len(uo) > 0 {
		fmt.Fprintln(stderr, "这些文字对应不到表三，没有导入任何内容：")
		for _, s := range ua {
			fmt.Fprintf(stderr, "  申请人类型「%s」\n", s)
		}
		for _, s := range uo {
			fmt.Fprintf(stderr, "  办理结果「%s」\n", s)
		}
		fmt.Fprintln(stderr, "请在工作台的“导入台账”界面确认它们对应的列和行，或在文件中改成表三的名称（如“商业企业”“予以公开”）。")
		return exitUsage
	}
	p, err := st.PreviewLedger(ctx, li)
	if err != nil {
		return printErr(stderr, err)
	}
	for _, b := range p.Bad {
		fmt.Fprintf(stdout, "第%d行未导入：%s\n", b.Line, b.Reason)
	}
	for _, b := range p.Dups {
		fmt.Fprintf(stdout, "第%d行重复，未导入：%s\n", b.Line, b.Reason)
	}
	n, err := st.ImportLedger(ctx, li, p)
	if err != nil {
		return printErr(stderr, err)
	}
	total := func(row string) int64 {
		return p.S3.Get(model.Addr(model.TableS3, row, model.ColTotal))
	}
	fmt.Fprintf(stdout, "已导入%d件申请（跳过%d行有误、%d行重复）。导入后%d年表三：本年新收%d件，上年结转%d件，办结%d件，结转下年度%d件。\n",
		n, len(p.Bad), len(p.Dups), year, total(model.RowNew), total(model.RowCarriedIn), total(model.RowOutcomeSum), total(model.RowCarriedOut))
	return exitOK
}
