package main

import (
	"fmt"
	"io"

	"nianbao/desk"
)

func init() {
	register(command{name: "backup", summary: "立即备份数据库，并列出已有的备份", run: runBackup})
	register(command{name: "restore", summary: "用一份备份恢复数据库（原文件移到一旁保留）", run: runRestore})
}

func usageBackup(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao backup [--db 数据库文件]

立即为数据库做一份备份（放在数据库旁边的「备份」文件夹里，文件名带日期和时间），
然后列出现有的全部备份。程序平时也会自动备份：每次打开时若最近一份备份已超过一天，
以及每次有改动后关闭时。

选项：
  --db 数据库文件   不指定时使用默认数据库
`)
}

func runBackup(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("backup")
	dbFlag := fs.String("db", "", "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageBackup); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "多余的参数「%s」。数据库文件请用 --db 给出。\n", fs.Arg(0))
		return exitUsage
	}
	ctx, stop := stopContext()
	defer stop()
	st, err := openStore(ctx, *dbFlag, false)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	p, list, err := st.BackupNow(ctx)
	if p != "" {
		fmt.Fprintf(stdout, "已备份到：%s\n", p)
	}
	if err != nil {
		return printErr(stderr, err)
	}
	fmt.Fprintf(stdout, "现有备份%d份（最新的在前）：\n", len(list))
	for _, b := range list {
		fmt.Fprintf(stdout, "  %s  %s  %d KB\n", b.Time.Format("2006-01-02 15:04:05"), b.Path, (b.Size+1023)/1024)
	}
	return exitOK
}

func usageRestore(w io.Writer) {
	fmt.Fprint(w, `用法：nianbao restore --from 备份文件 [--db 数据库文件]

用指定的备份替换数据库。替换前先检查备份是否完好；原来的数据库文件不会删除，
而是改名移到一旁保留。年报程序的其他窗口必须先关闭。

选项：
  --from 备份文件   必填，例如「备份」文件夹里的 nianbao-20250120-093000.db
  --db 数据库文件   不指定时使用默认数据库
`)
}

func runRestore(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("restore")
	dbFlag := fs.String("db", "", "")
	from := fs.String("from", "", "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageRestore); !ok {
		return code
	}
	if *from == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "请用 --from 给出要恢复的备份文件。")
		fmt.Fprintln(stderr)
		usageRestore(stderr)
		return exitUsage
	}
	ctx, stop := stopContext()
	defer stop()
	path, err := desk.Restore(ctx, *dbFlag, *from)
	if err != nil {
		return printErr(stderr, err)
	}
	fmt.Fprintf(stdout, "已用备份「%s」恢复数据库「%s」。\n", *from, path)
	return exitOK
}
