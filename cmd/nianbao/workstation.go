package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"nianbao/tui"
)

// workstation opens the default (or --db) database and runs the
// workstation on the terminal. Without a terminal (a pipe, a service) it
// says so and prints the database summary instead.
func workstation(ctx context.Context, dbFlag string, stdout, stderr io.Writer) int {
	st, err := openStore(ctx, dbFlag, false)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		fmt.Fprintln(stderr, "年报工作台需要在终端窗口（命令提示符、PowerShell 或终端）里运行，现在的输入或输出不是终端。下面是数据库概况：")
		if err := printSummary(ctx, st, stdout); err != nil {
			return printErr(stderr, err)
		}
		return exitUsage
	}
	if err := tui.Run(ctx, st, tui.Options{}); err != nil {
		fmt.Fprintf(stderr, "年报工作台意外退出（%v）。已保存的内容不会丢失，请重新打开。\n", err)
		return exitUsage
	}
	return exitOK
}
