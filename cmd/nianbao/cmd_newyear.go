package main

import (
	"context"
	"fmt"
	"io"

	"nianbao/desk"
	"nianbao/model"
)

func init() {
	register(command{name: "newyear", summary: "从上一年的年报新建一个年度：沿用单位信息、正文（标记待更新）、未完成的整改措施", run: runNewYear})
}

func usageNewYear(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao newyear --organ 单位名称 --year 年份 [--db 数据库文件]

以该单位最近一个较早年度的年报为底稿，新建指定年度的年报：
  · 单位信息照搬；表格按新年度应使用的国家格式；
  · 正文各段照搬并标记为“待更新”，修改后标记消失；
  · 上年12月31日仍未办结的申请留在台账中，自动计入新年度的“上年结转”；
  · 状态不是“已完成”的整改措施转入新年度，保留首次提出的年份；
  · 2019版格式下，“上一年项目数量”按上年的上一年项目数量加本年增/减预填。
该年度已有年报时不做任何改动。

选项：
  --organ 单位名称   必填，须与数据库中的单位名称完全一致
  --year 年份        必填，要新建的年度，例如 2022
  --db 数据库文件    不指定时使用默认数据库
`)
}

func runNewYear(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("newyear")
	dbFlag := fs.String("db", "", "")
	organ := fs.String("organ", "", "")
	year := fs.Int("year", 0, "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageNewYear); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "多余的参数「%s」。单位和年份请用 --organ 和 --year 给出。\n\n", fs.Arg(0))
		usageNewYear(stderr)
		return exitUsage
	}
	if *organ == "" || *year == 0 {
		fmt.Fprintln(stderr, "请同时给出 --organ 单位名称 和 --year 年份。")
		fmt.Fprintln(stderr)
		usageNewYear(stderr)
		return exitUsage
	}
	if model.FormatForYear(*year) == nil {
		fmt.Fprintf(stderr, "年份 %d 不对：政府信息公开工作年度报告的格式从2019年度开始，请给出2019年或以后的年份。\n", *year)
		return exitUsage
	}
	ctx, stop := stopContext()
	defer stop()
	st, err := openStore(ctx, *dbFlag, false)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	return newYear(ctx, st, *organ, *year, stdout, stderr)
}

func newYear(ctx context.Context, st *desk.Store, name string, year int, stdout, stderr io.Writer) int {
	o, err := st.FindOrgan(ctx, name)
	if err != nil {
		return printErr(stderr, err)
	}
	ny, err := st.StartYear(ctx, o, year, true)
	if err != nil {
		return printErr(stderr, err)
	}
	oy, sum, prevYear := ny.OY, ny.Summary, ny.From
	f := oy.Report.Format()
	fmt.Fprintf(stdout, "已新建%s（%s表格），底稿为%d年的年报。\n", model.Title(o.Name, year), f.Name, prevYear)
	if prevYear != year-1 {
		fmt.Fprintf(stdout, "注意：没有%d年的年报，上一年的对比检查将无法进行。\n", year-1)
	}
	if sum.FormatChanged {
		fmt.Fprintf(stdout, "注意：%d年起使用%s表格（%s），上年表格中的数字不沿用，请按新表格填写。\n", year, f.Name, f.Basis)
	}
	fmt.Fprintf(stdout, "沿用情况：%d 条上年未办结的申请计入本年“上年结转”，%d 条未完成的整改措施，%d 段正文标记为“待更新”。\n",
		len(sum.Carried), sum.OpenMeasures, sum.StaleParagraphs)
	if sum.PreambleTextDropped {
		fmt.Fprintln(stdout, "上年自行撰写的前言含有上年的统计期限，未沿用；新年度先使用自动生成的前言，可在工作台中修改。")
	}
	if len(sum.Carried) > 0 {
		fmt.Fprintln(stdout, "上年结转的申请：")
		for _, q := range sum.Carried {
			fmt.Fprintf(stdout, "  %d年第%d号  收到于%s  %s  %s\n", q.Year, q.Serial, q.Received.Chinese(), q.Applicant.Label(), q.Summary)
		}
	}
	if len(sum.PrefilledCells) > 0 {
		fmt.Fprintln(stdout, "按上年数字预填的单元格：")
		for _, a := range sum.PrefilledCells {
			_, _, c, _ := f.Cell(a)
			fmt.Fprintf(stdout, "  %s = %s\n", f.Place(a), model.FormatCell(c, oy.Report.Values.Get(a)))
		}
	}
	return exitOK
}
