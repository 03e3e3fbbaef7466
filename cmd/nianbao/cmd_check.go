package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"nianbao/desk"
	"nianbao/model"
)

func init() {
	register(command{name: "check", summary: "检查一份年报的勾稽关系和填报问题，列出全部错误和提示", run: runCheck})
}

func usageCheck(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao check --organ 单位名称 --year 年份 [--db 数据库文件]
      nianbao check --deep [--organ 单位名称 --year 年份] [--db 数据库文件]

检查指定单位、指定年度的年报，逐条列出发现的问题（规则、错误或提示、位置、说明）。
没有错误时退出码为 0，有错误时为 1；参数不对、找不到单位或年份、数据库无法读取时为 2。

选项：
  --organ 单位名称   必填，须与数据库中的单位名称完全一致
  --year 年份        必填，例如 2021
  --today 日期       以哪一天为准判断未答复的申请是否逾期，例如 2022-01-10；默认是今天
  --deep             再逐条核对数据库：完整性检查，并用保存时记下的校验值核对每条申请登记、
                     个人信息和表格数值（发现磁盘老化造成的个别字节变化，并指出还保存着
                     原内容的备份）。发现问题时退出码为 2。只给 --deep 时只核对数据库
  --db 数据库文件    不指定时使用默认数据库
`)
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check")
	dbFlag := fs.String("db", "", "")
	organ := fs.String("organ", "", "")
	year := fs.Int("year", 0, "")
	todayFlag := fs.String("today", "", "")
	deep := fs.Bool("deep", false, "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageCheck); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "多余的参数「%s」。单位和年份请用 --organ 和 --year 给出。\n\n", fs.Arg(0))
		usageCheck(stderr)
		return exitUsage
	}
	if *deep && *organ == "" && *year == 0 {
		return runDeepCheck(*dbFlag, stdout, stderr)
	}
	if *organ == "" || *year == 0 {
		fmt.Fprintln(stderr, "请同时给出 --organ 单位名称 和 --year 年份。")
		fmt.Fprintln(stderr)
		usageCheck(stderr)
		return exitUsage
	}
	if model.FormatForYear(*year) == nil {
		fmt.Fprintf(stderr, "年份 %d 不对：政府信息公开工作年度报告的格式从2019年度开始，请给出2019年或以后的年份。\n", *year)
		return exitUsage
	}
	today, ok := parseToday(*todayFlag, stderr)
	if !ok {
		return exitUsage
	}
	if today.IsZero() {
		today = model.DateOf(time.Now())
	}
	ctx, stop := stopContext()
	defer stop()

	st, err := openReader(ctx, *dbFlag)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	if *deep {
		if code := deepCheck(ctx, st, stdout, stderr); code != exitOK {
			return code
		}
	}
	oy, findings, err := checkYear(ctx, st, *organ, *year, today)
	if err = intact(st, err); err != nil {
		return printErr(stderr, err)
	}
	return printFindings(stdout, oy, findings)
}

// checkYear finds one organ's year by the organ's name, loads it and
// checks it against today (what openYear does, without the tables and
// overviews the workstation draws).
func checkYear(ctx context.Context, st *desk.Store, organ string, year int, today model.Date) (*model.OrganYear, []model.Finding, error) {
	o, err := st.FindYear(ctx, organ, year)
	if err != nil {
		return nil, nil, err
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		return nil, nil, err
	}
	return st.CheckYear(ctx, o.ID, year, cal, today)
}

func runDeepCheck(dbFlag string, stdout, stderr io.Writer) int {
	ctx, stop := stopContext()
	defer stop()
	st, err := openStore(ctx, dbFlag, true)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	return deepCheck(ctx, st, stdout, stderr)
}

// deepCheck runs the full integrity_check and the row checksums; on damage
// it prints what and where, with the backup that holds the saved values,
// and returns exitUsage.
func deepCheck(ctx context.Context, st *desk.Store, stdout, stderr io.Writer) int {
	damage, err := st.DeepCheck(ctx)
	if err != nil {
		return printErr(stderr, err)
	}
	if damage != "" {
		fmt.Fprintln(stderr, damage)
		return exitUsage
	}
	fmt.Fprintln(stdout, "数据库逐条核对通过：完整性检查正常，每条记录都与保存时一致。")
	return exitOK
}

// printFindings lists the findings, errors first, and returns 1 when there
// is an error, else 0.
func printFindings(w io.Writer, oy *model.OrganYear, findings []model.Finding) int {
	f := oy.Report.Format()
	errs, warns := 0, 0
	for _, x := range findings {
		if x.Severity == model.Error {
			errs++
		} else {
			warns++
		}
	}
	fmt.Fprintf(w, "%s（%s格式）检查结果：%d个错误，%d个提示。\n", model.Title(oy.Organ.Name, oy.Report.Year), f.Name, errs, warns)
	for _, sev := range []model.Severity{model.Error, model.Warning} {
		for _, x := range findings {
			if x.Severity != sev {
				continue
			}
			line := fmt.Sprintf("[%s] %s  %s：%s", x.Severity.Label(), x.Rule, x.Place(f), x.Message)
			if x.Acked {
				line += "（已确认"
				if x.AckReason != "" {
					line += "：" + x.AckReason
				}
				line += "）"
			}
			fmt.Fprintln(w, line)
		}
	}
	if errs > 0 {
		fmt.Fprintln(w, "有错误的年报不能定稿，请逐条改正后再检查。")
		return exitFindings
	}
	if warns == 0 {
		fmt.Fprintln(w, "没有发现问题。")
	}
	return exitOK
}
