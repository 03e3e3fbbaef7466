package main

import (
	"fmt"
	"io"
	"strings"

	"nianbao/model"
)

func init() {
	register(command{name: "calendar", summary: "节假日安排：列出某年的放假和调休，或从文本文件导入", run: runCalendar})
}

func usageCalendar(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao calendar list --year 年份 [--db 数据库文件]
      nianbao calendar import [--db 数据库文件] 文件

答复期限按国务院每年公布的节假日安排（含调休）计算。程序内置2019—2026年的安排；
以后的年份在录入之前按法定节假日推算（元旦、春节、清明、劳动节、端午、中秋、国庆，
农历节日自动换算），不含调休，期限可能差一两天，检查时会提示缺少哪一年。

list    列出该年与“周一至周五上班”不同的日子，注明来源（内置、录入或推算）。
import  从文本文件（UTF-8）导入国务院通知中的放假和调休日期，立即用于计算答复期限。
        每行一条：日期（或“日期 至 日期”）、休 或 班、名称（可省略），# 开头的行是说明：
          # 国务院办公厅关于2027年部分节假日安排的通知
          2027-01-01 休 元旦
          2027-02-05 至 2027-02-11 休 春节
          2027-02-14 班 春节调休上班
        有任何一行看不懂时列出这些行，不导入任何内容。

选项：
  --year 年份        list 必填
  --db 数据库文件    不指定时使用默认数据库
`)
}

func runCalendar(args []string, stdout, stderr io.Writer) int {
	op, code, ok := operation(args, "请写明要做什么：nianbao calendar list … 或 nianbao calendar import …", usageCalendar, stdout, stderr)
	if !ok {
		return code
	}
	fs := newFlagSet("calendar")
	dbFlag := fs.String("db", "", "")
	year := fs.Int("year", 0, "")
	if code, ok = parseFlags(fs, args[1:], stdout, stderr, usageCalendar); !ok {
		return code
	}
	usageErr := func(msg string) int { return usageError(stderr, usageCalendar, msg) }
	switch op {
	case "list":
		if *year < 1990 || *year > 2100 {
			return usageErr("请用 --year 给出要列出的年份（1990—2100）。")
		}
	case "import":
		if fs.NArg() != 1 {
			return usageErr("请在最后给出一个要导入的节假日文本文件。")
		}
	default:
		return usageErr(fmt.Sprintf("不认识的操作「%s」，请写 list 或 import。", op))
	}
	ctx, stop := stopContext()
	defer stop()
	st, err := openStore(ctx, *dbFlag, op == "list")
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	if op == "import" {
		res, err := st.ImportCalendar(ctx, fs.Arg(0))
		if err != nil {
			return printErr(stderr, err)
		}
		years := make([]string, len(res.Years))
		for i, y := range res.Years {
			years[i] = fmt.Sprintf("%d年", y)
		}
		fmt.Fprintf(stdout, "已导入 %d 天（%s），答复期限立即按新的安排计算。\n", len(res.Days), strings.Join(years, "、"))
		return exitOK
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		return printErr(stderr, err)
	}
	if !cal.KnownYear(*year) {
		fmt.Fprintf(stdout, "%s。下面是推算的法定节假日：\n", model.CalendarYearWarning(cal, *year))
	}
	for _, d := range cal.Days(*year) {
		kind, src := "休", "内置"
		if d.Workday {
			kind = "班"
		}
		switch {
		case d.Added:
			src = "录入"
		case d.Computed:
			src = "推算"
		}
		fmt.Fprintf(stdout, "%s %s %s（%s）\n", d.Date, kind, d.Name, src)
	}
	return exitOK
}
