package main

import (
	"context"
	"fmt"
	"io"

	"nianbao/desk"
)

func init() {
	register(command{name: "info", summary: "显示数据库概况：位置、单位、年度、申请件数", run: runInfo})
}

func usageInfo(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao info [--db 数据库文件]

列出数据库的位置和其中的单位、每个单位已有的年报年度、格式、状态和当年收到的申请件数。
只读取，不改动数据库。

选项：
  --db 数据库文件   不指定时使用默认数据库
`)
}

func runInfo(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("info")
	dbFlag := fs.String("db", "", "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageInfo); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "多余的参数「%s」。数据库文件请用 --db 给出。\n", fs.Arg(0))
		return exitUsage
	}
	ctx, stop := stopContext()
	defer stop()
	st, err := openStore(ctx, *dbFlag, true)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	if err := printSummary(ctx, st, stdout); err != nil {
		return printErr(stderr, err)
	}
	return exitOK
}

// printSummary writes the Chinese overview of a database.
func printSummary(ctx context.Context, st *desk.Store, w io.Writer) error {
	fmt.Fprintf(w, "数据库：%s\n", st.Path())
	organs, err := st.Organs(ctx)
	if err != nil {
		return err
	}
	if len(organs) == 0 {
		fmt.Fprintln(w, "数据库里还没有任何单位。可运行 nianbao demo 创建演示数据。")
		return nil
	}
	fmt.Fprintf(w, "共有%d个单位：\n", len(organs))
	for _, o := range organs {
		fmt.Fprintf(w, "%s（%s）\n", o.Name, o.Level.Label())
		years, err := st.Years(ctx, o.ID)
		if err != nil {
			return err
		}
		if len(years) == 0 {
			fmt.Fprintln(w, "  还没有年报")
			continue
		}
		for _, y := range years {
			oy, err := st.LoadOrganYear(ctx, o.ID, y, false)
			if err != nil {
				return err
			}
			received := 0
			for i := range oy.Requests {
				if oy.Requests[i].Received.Year() == y {
					received++
				}
			}
			fmt.Fprintf(w, "  %d年  %s格式  %s  收到申请%d件\n", y, oy.Report.Format().Name, oy.Report.Status.Label(), received)
		}
	}
	return nil
}
