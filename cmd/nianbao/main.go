// Command nianbao is the keyboard-only workstation for compiling a yearly
// 政府信息公开工作年度报告 offline. Without a command it opens the
// workstation on the default database; commands (demo, check, export …) do
// one job each and exit. This file holds the flags, the command registry
// and the helpers the commands share; each command lives in its own file.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/termsafe"
)

// version, commit and buildDate describe the build; scripts/release sets
// them with -ldflags "-X main.version=1.2.3 -X main.commit=… -X
// main.buildDate=2026-12-06". A plain go build takes the commit and its date
// from the module's VCS stamp where there is one.
var (
	version   = "开发版"
	commit    = ""
	buildDate = ""
)

// versionLine is what --version prints: the version, then the commit and
// the build date when they are known.
func versionLine() string {
	c, d := commit, buildDate
	if c == "" || d == "" {
		if info, ok := debug.ReadBuildInfo(); ok {
			for _, s := range info.Settings {
				switch {
				case s.Key == "vcs.revision" && c == "":
					c = s.Value
				case s.Key == "vcs.time" && d == "" && len(s.Value) >= 10:
					d = s.Value[:10]
				}
			}
		}
	}
	line := "nianbao 政府信息公开工作年度报告编制工具 " + version
	var parts []string
	if c != "" {
		if len(c) > 12 {
			c = c[:12]
		}
		parts = append(parts, "提交 "+c)
	}
	if d != "" {
		parts = append(parts, "构建于 "+d)
	}
	if len(parts) > 0 {
		line += "（" + strings.Join(parts, "，") + "）"
	}
	return line
}

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1 // the command ran and found errors (e.g. check)
	exitUsage    = 2 // bad usage, unknown organ or year, unreadable database
)

// operation reads the operation word of a command that has several
// (nianbao ledger export|import): --help prints the usage and exits 0; a
// missing word prints prompt and the usage and exits 2. ok is false when
// the command is done with code.
func operation(args []string, prompt string, usage func(io.Writer), stdout, stderr io.Writer) (op string, code int, ok bool) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], 0, true
	}
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "-help") {
		usage(stdout)
		return "", exitOK, false
	}
	return "", usageError(stderr, usage, prompt), false
}

// usageError prints msg, a blank line and the usage to stderr and returns
// exitUsage.
func usageError(stderr io.Writer, usage func(io.Writer), msg string) int {
	fmt.Fprintln(stderr, msg)
	fmt.Fprintln(stderr)
	usage(stderr)
	return exitUsage
}

// command is one subcommand: `nianbao <name> [flags]`.
type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// register adds a command; files of this package call it from init.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("nianbao: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// cliStderr is where warnings met while opening the database go: the
// cleaned standard error of this run.
var cliStderr io.Writer = os.Stderr

func main() {
	// Every line the command line prints passes through termsafe: names and
	// values from a bundle or a database and file names from a folder may
	// hold escape sequences, control, bidi or zero-width characters. (The
	// workstation writes its frames to the terminal itself, cleaned by the
	// same package.)
	stdout, stderr := termsafe.NewWriter(os.Stdout), termsafe.NewWriter(os.Stderr)
	cliStderr = stderr
	stopProfile := startProfile()
	code := run(os.Args[1:], stdout, stderr)
	stopProfile()
	stdout.Flush()
	stderr.Flush()
	os.Exit(code)
}

// run dispatches to a command or starts the workstation; it returns the
// exit code.
func run(args []string, stdout, stderr io.Writer) int {
	desk.SetVersion(version)
	if len(args) > 0 && args[0] == "help" {
		// nianbao help [命令]
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return c.run([]string{"--help"}, stdout, stderr)
			}
			fmt.Fprintf(stderr, "未知的命令「%s」。运行 nianbao --help 查看所有命令。\n", args[1])
			return exitUsage
		}
		usageMain(stdout)
		return exitOK
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		c, ok := commands[args[0]]
		if !ok {
			fmt.Fprintf(stderr, "未知的命令「%s」。运行 nianbao --help 查看所有命令。\n", args[0])
			return exitUsage
		}
		return c.run(args[1:], stdout, stderr)
	}
	fs := newFlagSet("nianbao")
	dbFlag := fs.String("db", "", "")
	showVersion := fs.Bool("version", false, "")
	todayFlag := fs.String("today", "", "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageMain); !ok {
		return code
	}
	if *showVersion {
		fmt.Fprintln(stdout, versionLine())
		return exitOK
	}
	if fs.NArg() > 0 {
		// nianbao --db x check …: the global --db applies to the command.
		if c, ok := commands[fs.Arg(0)]; ok {
			return c.run(withDB(fs.Args()[1:], *dbFlag), stdout, stderr)
		}
		fmt.Fprintf(stderr, "多余的参数「%s」。运行 nianbao --help 查看用法。\n", strings.Join(fs.Args(), " "))
		return exitUsage
	}
	ctx, stop := stopContext()
	defer stop()
	today, ok := parseToday(*todayFlag, stderr)
	if !ok {
		return exitUsage
	}
	return workstation(ctx, *dbFlag, today, stdout, stderr)
}

// parseToday reads a --today flag (the workstation's and check's): the zero
// date when it is empty; false, after saying why in Chinese, when it is not
// a date.
func parseToday(s string, stderr io.Writer) (model.Date, bool) {
	if s == "" {
		return model.Date(0), true
	}
	d, err := model.ParseDate(s)
	if err != nil || d.IsZero() {
		fmt.Fprintf(stderr, "--today 的日期「%s」看不懂，请写成 2021-12-06。\n", s)
		return d, false
	}
	return d, true
}

// withDB passes a global --db on to a command's own flags: before them, or
// after the command's operation word (bundle export …).
func withDB(rest []string, dbPath string) []string {
	if dbPath == "" {
		return rest
	}
	at := 0
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		at = 1
	}
	out := append([]string{}, rest[:at]...)
	out = append(out, "--db", dbPath)
	return append(out, rest[at:]...)
}

// usageMain prints the Chinese help listing every registered command.
func usageMain(w io.Writer) {
	fmt.Fprintf(w, `nianbao —— 政府信息公开工作年度报告编制工具（%s）

用法：
  nianbao [--db 数据库文件]          打开年报工作台
  nianbao <命令> [选项]              执行一个命令
  nianbao --version                  显示版本
  nianbao --help                     显示本说明（也可以写 nianbao help [命令]）

选项：
  --db 数据库文件   使用指定的数据库；不指定时使用本用户数据文件夹里的 nianbao.db，
                    程序旁边有 portable.txt 时使用程序旁边的 nianbao.db（便携模式）
  --today 日期      工作台按这一天判断到期、超期和告知书日期（培训、核对往年台账时用），
                    例如 --today 2021-12-06；不写时用电脑的日期

命令：
`, version)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, "\n每个命令的选项：nianbao <命令> --help\n")
}

// newFlagSet returns a flag set that prints nothing itself: parseFlags
// turns its errors into Chinese.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args; on --help it prints usage to stdout and returns
// (0, false); on a bad flag it prints a Chinese message and the usage to
// stderr and returns (2, false).
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer, usage func(io.Writer)) (int, bool) {
	err := fs.Parse(args)
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		usage(stdout)
		return exitOK, false
	}
	fmt.Fprintln(stderr, flagErrorChinese(err))
	fmt.Fprintln(stderr)
	usage(stderr)
	return exitUsage, false
}

// flagErrorChinese translates the flag package's English errors.
func flagErrorChinese(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return fmt.Sprintf("不认识的选项「%s」。", strings.TrimPrefix(msg, "flag provided but not defined: "))
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return fmt.Sprintf("选项「%s」后面缺少取值。", strings.TrimPrefix(msg, "flag needs an argument: "))
	case strings.HasPrefix(msg, "invalid value "):
		// invalid value "x" for flag -requests: parse error
		rest := strings.TrimPrefix(msg, "invalid value ")
		if i := strings.Index(rest, " for flag "); i >= 0 {
			val := rest[:i]
			name := rest[i+len(" for flag "):]
			if j := strings.Index(name, ":"); j >= 0 {
				name = name[:j]
			}
			return fmt.Sprintf("选项「%s」的取值 %s 不对，请给出正确的数字或文字。", name, val)
		}
	case strings.HasPrefix(msg, "invalid boolean flag "):
		return "开关选项不需要取值，直接写选项名即可。"
	case strings.HasPrefix(msg, "bad flag syntax: "):
		return fmt.Sprintf("选项写法不对：「%s」。", strings.TrimPrefix(msg, "bad flag syntax: "))
	}
	return "命令行选项有误：" + msg
}

// openStore opens the database named by --db, or the default one. Its
// errors are Chinese sentences for the clerk.
func openStore(ctx context.Context, dbFlag string, readOnly bool) (*desk.Store, error) {
	return openStoreWith(ctx, dbFlag, desk.Options{ReadOnly: readOnly}, cliStderr)
}

// openReader opens the database named by --db, or the default one, for a
// command that reads a year before it prints or writes anything (check,
// export): its integrity check runs on the other core meanwhile, and the
// command calls intact before it trusts what it read.
func openReader(ctx context.Context, dbFlag string) (*desk.Store, error) {
	return openStoreWith(ctx, dbFlag, desk.Options{ReadOnly: true, DeferCheck: true}, cliStderr)
}

// intact waits for the integrity check of a store opened by openReader and
// returns err, or in its place the damage the check found (a read may fail
// on a damaged page before the check ends), as an error naming the restore
// command.
func intact(st *desk.Store, err error) error {
	<-st.CheckDone()
	if cerr := st.CheckErr(); cerr != nil {
		return desk.RestoreGuide(cerr, st.Path())
	}
	return st.ExplainRead(err)
}

// openStoreWith opens the database named by --db, or the default one, with
// opt; a damaged database that has a good backup gets the exact restore
// command in its error, and the store's warnings go to stderr.
func openStoreWith(ctx context.Context, dbFlag string, opt desk.Options, stderr io.Writer) (*desk.Store, error) {
	st, err := desk.Open(ctx, dbFlag, opt)
	if err != nil {
		return nil, err
	}
	for _, w := range st.Warnings() {
		fmt.Fprintln(stderr, "注意："+w)
	}
	return st, nil
}

// openYear finds one organ's year by the organ's name and opens it, checked
// against today. An unknown organ or year is a Chinese error naming what
// exists. Personal data is never loaded.
func openYear(ctx context.Context, st *desk.Store, organ string, year int, today model.Date) (*desk.Year, error) {
	o, err := st.FindYear(ctx, organ, year)
	if err != nil {
		return nil, err
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	return st.OpenYear(ctx, o.ID, year, cal, today)
}

// printErr prints an error (a Chinese sentence) and returns exitUsage.
func printErr(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, errText(err))
	return exitUsage
}

// errText is the Chinese text of a command's error; a command a signal
// stopped (stopContext: Ctrl+C, a closed window, a shutdown) says so.
func errText(err error) string {
	if errors.Is(err, context.Canceled) {
		return msgStopped
	}
	return err.Error()
}

// msgStopped is what a command says when a signal stopped it.
const msgStopped = "已停止：收到中断信号（Ctrl+C、关闭窗口或关机），这次操作没有做完。已写好的文件和已保存的数据不受影响，写到一半的文件不会留下。"
