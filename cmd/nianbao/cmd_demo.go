package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"nianbao/desk"
)

func init() {
	register(command{name: "demo", summary: "创建演示数据库（大雁镇2019年、2021年年报），可另加批量申请数据", run: runDemo})
}

// maxBulkRequests bounds --requests.
const maxBulkRequests = 1_000_000

// bulkSeed makes --requests deterministic.
const bulkSeed = 2021

func usageDemo(w io.Writer) {
	fmt.Fprintf(w, `用法：nianbao demo [--db 数据库文件] [--requests 件数] [--force]

写入演示数据：%s的2019年年报（按当年公开的年报数字）和2021年年报（含约30件依申请公开
台账、1件行政复议、整改措施和信息处理费）。申请人的个人信息都是虚构的。
再次运行会用新的演示数据替换旧的演示数据。

选项：
  --db 数据库文件   不指定时使用默认数据库
  --requests 件数   另建「%s」，生成指定件数的申请，分布在%d—%d年（用于性能测试）
  --force           数据库里已有其他单位的数据时仍然写入演示单位（其他单位的数据不受影响）
`, desk.DemoOrganName, desk.DemoBulkOrganName, desk.DemoBulkFirstYear, desk.DemoBulkLastYear)
}

func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("demo")
	dbFlag := fs.String("db", "", "")
	n := fs.Int("requests", 0, "")
	force := fs.Bool("force", false, "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageDemo); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "多余的参数「%s」。数据库文件请用 --db 给出。\n\n", fs.Arg(0))
		usageDemo(stderr)
		return exitUsage
	}
	if *n < 0 || *n > maxBulkRequests {
		fmt.Fprintf(stderr, "--requests 的件数应在 0 到 %d 之间，现在是 %d。\n", maxBulkRequests, *n)
		return exitUsage
	}
	ctx, stop := stopContext()
	defer stop()

	st, err := openStore(ctx, *dbFlag, false)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()

	organs, err := st.Organs(ctx)
	if err != nil {
		return printErr(stderr, err)
	}
	var others []string
	for _, o := range organs {
		if !desk.IsDemoOrgan(o.Name) {
			others = append(others, o.Name)
		}
	}
	if len(others) > 0 && !*force {
		fmt.Fprintf(stderr, "数据库「%s」里已有其他单位的数据（%s），不是演示数据库，演示数据没有写入。\n"+
			"请用 --db 指定一个新文件存放演示数据；如确实要在这个数据库里加入演示单位，请加 --force（其他单位的数据不受影响）。\n",
			st.Path(), strings.Join(others, "、"))
		return exitUsage
	}

	start := time.Now()
	if err := st.LoadDemo(ctx, *n, bulkSeed); err != nil {
		return printErr(stderr, err)
	}
	fmt.Fprintf(stdout, "已写入演示数据：%s 2019年、2021年年报。\n", desk.DemoOrganName)
	if *n > 0 {
		fmt.Fprintf(stdout, "已写入批量数据：%s，%d件申请（%d—%d年），用时%.1f秒。\n",
			desk.DemoBulkOrganName, *n, desk.DemoBulkFirstYear, desk.DemoBulkLastYear, time.Since(start).Seconds())
	}
	fmt.Fprintf(stdout, "数据库：%s\n", st.Path())
	dbArg := ""
	if *dbFlag != "" {
		dbArg = " --db " + quoteArg(*dbFlag)
	}
	fmt.Fprintf(stdout, "打开工作台：nianbao%s\n检查2021年年报：nianbao check --organ %s --year 2021%s\n", dbArg, desk.DemoOrganName, dbArg)
	return exitOK
}

// quoteArg quotes a path for a shell line when it needs it.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t'\"") {
		return "\"" + strings.ReplaceAll(s, "\"", "\\\"") + "\""
	}
	return s
}
