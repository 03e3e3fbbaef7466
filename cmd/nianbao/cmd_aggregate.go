package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/model"
)

func init() {
	register(command{name: "aggregate", summary: "汇总一个文件夹里各单位的报送包，生成汇总表（汇总年份.xlsx）", run: runAggregate})
}

func usageAggregate(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao aggregate --in 文件夹 --year 年份 --out 文件夹 [--expect "单位甲,单位乙"]

读取 --in 文件夹中的全部报送包（.json），把指定年度各单位的表格数字相加，
在 --out 文件夹写出“汇总年份.xlsx”：各单位数据一张表（每个单位一行，含合计行）、
按国家格式排好的汇总表、各单位报送情况（有无错误、是否按时报送）。
内容有误的报送包会列出原因，不影响其他报送包；同一单位有多份时按最新的一份计算。

选项：
  --in 文件夹      必填，存放报送包的文件夹
  --year 年份      必填，例如 2021
  --out 文件夹     必填，汇总表写到这个文件夹
  --expect 名单    应报送的单位名称，用逗号或顿号分隔；名单中没有报送包的单位列为“未报送”
  --accept-full    也计入含个人信息的完整报送包（默认不计入：汇总只需公开报送包）
`)
}

func runAggregate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("aggregate")
	in := fs.String("in", "", "")
	year := fs.Int("year", 0, "")
	out := fs.String("out", "", "")
	expect := fs.String("expect", "", "")
	acceptFull := fs.Bool("accept-full", false, "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageAggregate); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "多余的参数「%s」。文件夹请用 --in 和 --out 给出。\n", fs.Arg(0))
		return exitUsage
	}
	if *in == "" || *year == 0 || *out == "" {
		fmt.Fprintln(stderr, "请同时给出 --in 报送包文件夹、--year 年份 和 --out 输出文件夹。")
		fmt.Fprintln(stderr)
		usageAggregate(stderr)
		return exitUsage
	}
	if model.FormatForYear(*year) == nil {
		fmt.Fprintf(stderr, "年份 %d 不对：政府信息公开工作年度报告的格式从2019年度开始，请给出2019年或以后的年份。\n", *year)
		return exitUsage
	}
	tuneBatchGC()
	ctx, stop := stopContext()
	defer stop()
	agg, err := desk.Aggregate(ctx, *in, *year, splitNames(*expect), *out, *acceptFull)
	if agg != nil {
		defer agg.Close()
	}
	if err != nil {
		return printErr(stderr, err)
	}
	if err := printAggregation(stdout, stderr, agg); err != nil {
		return printErr(stderr, err)
	}
	return exitOK
}

// printAggregation prints the aggregation's organ list and the files not
// counted as they are, reading them from the disk as it goes.
func printAggregation(stdout, stderr io.Writer, agg *desk.Aggregation) error {
	out := bufio.NewWriter(stdout)
	fmt.Fprintf(out, "%d年汇总：%d 个单位计入合计。\n\n", agg.Year, agg.Counted)
	if err := printOrganTable(out, agg); err != nil {
		return err
	}
	if note := agg.IncompleteNote(); note != "" {
		fmt.Fprintln(out, note)
	}
	list := func(w io.Writer, k desk.FileKind, title string, indent bool) error {
		if agg.Files(k) == 0 {
			return nil
		}
		fmt.Fprintf(w, title, agg.Files(k))
		return agg.EachFile(k, func(r desk.Rejected) error {
			reason := r.Reason
			if indent {
				reason = strings.ReplaceAll(reason, "\n", "\n    ")
			}
			_, err := fmt.Fprintf(w, "  %s：%s\n", r.File, reason)
			return err
		})
	}
	if err := list(out, desk.AggNotUsed, "\n未能使用的文件（%d 个）：\n", true); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if err := list(stderr, desk.AggFullCounted, "\n注意：已计入含申请人个人信息的完整报送包（%d 个）：\n", false); err != nil {
		return err
	}
	if err := list(out, desk.AggOtherYear, "\n其他年度的报送包（%d 个，未计入）：\n", false); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n汇总表已写出：%s（SHA-256 %s，已读回核对）\n", agg.File.Path, agg.File.SHA256)
	return out.Flush()
}

// splitNames splits an --expect list on commas (half or full width), 、 and
// semicolons.
func splitNames(s string) []string {
	f := func(r rune) bool { return strings.ContainsRune(",，、;；\n", r) }
	var out []string
	for _, n := range strings.FieldsFunc(s, f) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// printOrganTable prints the organ list in aligned columns, measuring by
// display width: one pass over the list for the widths, one to print.
func printOrganTable(w io.Writer, agg *desk.Aggregation) error {
	head := []string{"序号", "单位", "状态", "错误", "提示", "报送日期", "按时报送", "说明"}
	line := func(i int, o model.AggregateOrgan) []string {
		errs, warns := strconv.Itoa(o.Errors), strconv.Itoa(o.Warnings)
		if o.Status == model.AggMissing {
			errs, warns = "-", "-"
		}
		sub := o.Submitted.String()
		if sub == "" {
			sub = "-"
		}
		return []string{strconv.Itoa(i), o.Name, o.Status.Label(), errs, warns, sub, o.DueLabel(), o.Note}
	}
	widths := make([]int, len(head))
	measure := func(r []string) {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	measure(head)
	n := 0
	if err := agg.EachOrgan(func(o model.AggregateOrgan) error {
		n++
		measure(line(n, o))
		return nil
	}); err != nil {
		return err
	}
	var b strings.Builder
	print := func(r []string) error {
		b.Reset()
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		_, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		return err
	}
	if err := print(head); err != nil {
		return err
	}
	n = 0
	return agg.EachOrgan(func(o model.AggregateOrgan) error {
		n++
		return print(line(n, o))
	})
}
