package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/x/term"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui"
)

// workstation opens the default (or --db) database and runs the
// workstation on the terminal. Without a terminal (a pipe, a service) it
// says so and prints the database summary instead.
func workstation(ctx context.Context, dbFlag string, today model.Date, stdout, stderr io.Writer) int {
	limitWorkstationMemory()
	st, err := openWorkstationStore(ctx, dbFlag, stderr)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		// No first frame to hurry: wait for the integrity check.
		<-st.CheckDone()
		if err := st.CheckErr(); err != nil {
			return printErr(stderr, desk.RestoreGuide(err, st.Path()))
		}
		fmt.Fprintln(stderr, "年报工作台需要在终端窗口（命令提示符、PowerShell 或终端）里运行，现在的输入或输出不是终端。下面是数据库概况：")
		if err := printSummary(ctx, st, stdout); err != nil {
			return printErr(stderr, err)
		}
		return exitUsage
	}
	if err := tui.Run(ctx, st, tui.Options{Today: today, LoadAfter: workstationLoadAfter}); err != nil {
		fmt.Fprintf(stderr, "年报工作台意外退出（%v）。已保存的内容不会丢失，请重新打开。\n", err)
		return exitUsage
	}
	if err := st.CheckErr(); err != nil {
		// The workstation showed the notice; leave the guidance on the
		// terminal after it, too.
		fmt.Fprintln(stderr, desk.RestoreGuide(err, st.Path()).Error())
		return exitUsage
	}
	return exitOK
}

// workstationCheckAfter holds the integrity check back while the clerk
// goes from the start screen into a year (about four frames): on a 2-core
// PC its quick_check, row checksums and backup otherwise take a core from
// the first screens (scripts/startbench: CPU time used by the request log).
const workstationCheckAfter = 600 * time.Millisecond

// workstationLoadAfter holds an opened year's load and check back until
// the request log the clerk goes to has its first page (tui.Options
// .LoadAfter): on a 2-core PC they otherwise share the cores with the
// outline's first frame and the log's first page (scripts/startbench).
// A section that needs the whole year starts the load at once.
const workstationLoadAfter = 250 * time.Millisecond

// openWorkstationStore opens the database as openStore does, with the
// integrity check running behind the first frames (db.Options.DeferCheck,
// CheckAfter): every write waits for it, and the workstation shows a
// blocking notice when it fails.
func openWorkstationStore(ctx context.Context, dbFlag string, stderr io.Writer) (*desk.Store, error) {
	return openStoreWith(ctx, dbFlag, desk.Options{DeferCheck: true, CheckAfter: workstationCheckAfter}, stderr)
}
