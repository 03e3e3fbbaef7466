package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"nianbao/desk"
	"nianbao/model"
)

func init() {
	register(command{name: "bundle", summary: "导出或导入报送包（一个单位一个年度的年报数据，用于向上级报送或换电脑）", run: runBundle})
}

func usageBundle(w io.Writer) {
	fmt.Fprint(w, `用法：
  nianbao bundle export --organ 单位名称 --year 年份 --out 文件夹 [--full] [--db 数据库文件]
  nianbao bundle import 文件... [--replace | --keep] [--db 数据库文件]

export  把一个单位一个年度的年报写成一个报送包（.json 文件）。默认是公开报送包，
        不含申请人的姓名、电话、身份证号、住址和台账备注，可以报送给上级汇总；
        --full 写完整报送包（文件名注明“含个人信息”），只用于本单位换电脑，不要外传。
import  把报送包读入数据库，每个报送包一次写入，内容有误的报送包不会写入任何东西。
        数据库里已有同一单位同一年度的年报时，列出不同之处：
          --keep     保留已有的年报，不导入（默认），退出码为 1
          --replace  用报送包替换已有的年报

选项：
  --organ 单位名称   export 必填，须与数据库中的单位名称完全一致
  --year 年份        export 必填，例如 2021
  --out 文件夹       export 必填，报送包写到这个文件夹（例如U盘）
  --db 数据库文件    不指定时使用默认数据库
`)
}

func runBundle(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "请说明要做什么：nianbao bundle export 或 nianbao bundle import。")
		fmt.Fprintln(stderr)
		usageBundle(stderr)
		return exitUsage
	}
	switch args[0] {
	case "export":
		return runBundleExport(args[1:], stdout, stderr)
	case "import":
		return runBundleImport(args[1:], stdout, stderr)
	case "-h", "--help", "-help", "help":
		usageBundle(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "不认识的操作「%s」，应为 export（导出）或 import（导入）。\n\n", args[0])
	usageBundle(stderr)
	return exitUsage
}

func runBundleExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("bundle export")
	dbFlag := fs.String("db", "", "")
	organ := fs.String("organ", "", "")
	year := fs.Int("year", 0, "")
	out := fs.String("out", "", "")
	full := fs.Bool("full", false, "")
	if code, ok := parseFlags(fs, args, stdout, stderr, usageBundle); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "多余的参数「%s」。单位、年份和文件夹请用 --organ、--year 和 --out 给出。\n", fs.Arg(0))
		return exitUsage
	}
	if *organ == "" || *year == 0 || *out == "" {
		fmt.Fprintln(stderr, "请同时给出 --organ 单位名称、--year 年份 和 --out 文件夹。")
		fmt.Fprintln(stderr)
		usageBundle(stderr)
		return exitUsage
	}
	if model.FormatForYear(*year) == nil {
		fmt.Fprintf(stderr, "年份 %d 不对：政府信息公开工作年度报告的格式从2019年度开始，请给出2019年或以后的年份。\n", *year)
		return exitUsage
	}
	kind := desk.PublicBundle
	if *full {
		kind = desk.FullBundle
	}
	ctx, stop := stopContext()
	defer stop()
	st, err := openStore(ctx, *dbFlag, true)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	y, err := openYear(ctx, st, *organ, *year, model.DateOf(time.Now()))
	if err != nil {
		return printErr(stderr, err)
	}
	res, _, err := st.WriteBundle(ctx, y.Report().OrganID, *year, kind, *out)
	if err != nil {
		return printErr(stderr, err)
	}
	fmt.Fprintf(stdout, "已写出%s：%s\n", kind.Label(), res.Path)
	fmt.Fprintf(stdout, "大小 %d 字节，SHA-256 %s（已读回核对）\n", res.Size, res.SHA256)
	if kind == desk.FullBundle {
		fmt.Fprintln(stdout, "注意：此文件含申请人个人信息，只用于本单位电脑之间转移数据，不要报送或公开。")
	}
	if n := len(y.Errors()); n > 0 {
		fmt.Fprintf(stdout, "注意：这份年报还有 %d 个错误，上级汇总时会显示为“有错误”。可运行 nianbao check 查看。\n", n)
	}
	return exitOK
}

// splitFlags separates positional arguments from flags, so that flags may
// follow the file names (nianbao bundle import a.json b.json --replace).
func splitFlags(args []string) (files, flags []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(files, args[i+1:]...), flags
		case strings.HasPrefix(a, "-") && len(a) > 1:
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if name == "db" && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			files = append(files, a)
		}
	}
	return files, flags
}

func runBundleImport(args []string, stdout, stderr io.Writer) int {
	files, flags := splitFlags(args)
	fs := newFlagSet("bundle import")
	dbFlag := fs.String("db", "", "")
	replace := fs.Bool("replace", false, "")
	keep := fs.Bool("keep", false, "")
	if code, ok := parseFlags(fs, flags, stdout, stderr, usageBundle); !ok {
		return code
	}
	if *replace && *keep {
		fmt.Fprintln(stderr, "--replace 和 --keep 只能选一个：替换已有的年报，或保留已有的年报。")
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "请给出要导入的报送包文件，例如：nianbao bundle import 大雁镇人民政府2021年年报报送包.json")
		return exitUsage
	}
	ctx, stop := stopContext()
	defer stop()
	st, err := openStore(ctx, *dbFlag, false)
	if err != nil {
		return printErr(stderr, err)
	}
	defer st.Close()
	code := exitOK
	for _, file := range files {
		if ctx.Err() != nil {
			return printErr(stderr, ctx.Err())
		}
		if c := importBundle(ctx, st, file, *replace, stdout, stderr); c > code {
			code = c
		}
	}
	return code
}

// importBundle reads, validates and stores one bundle; it returns the exit
// code for it.
func importBundle(ctx context.Context, st *desk.Store, file string, replace bool, stdout, stderr io.Writer) int {
	name := filepath.Base(file)
	oy, meta, err := desk.ReadBundleFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "%s：%v\n", name, err)
		return exitFindings
	}
	what := fmt.Sprintf("%s%d年的年报", oy.Organ.Name, meta.Year)
	exists, diff, err := st.CompareBundle(ctx, oy, meta)
	if err != nil {
		fmt.Fprintf(stderr, "%s：%s\n", name, errText(err))
		return exitUsage
	}
	if exists {
		if len(diff) == 0 {
			fmt.Fprintf(stdout, "%s：数据库中已有%s，内容相同，无需导入。\n", name, what)
			return exitOK
		}
		if !replace {
			fmt.Fprintf(stdout, "%s：数据库中已有%s，与报送包有 %d 处不同（已有 → 报送包）：\n", name, what, len(diff))
			for _, l := range diff {
				fmt.Fprintln(stdout, "  "+l)
			}
			fmt.Fprintln(stdout, "  已保留数据库中的年报，没有导入。如要用报送包替换，请加 --replace 再运行一次。")
			return exitFindings
		}
	}
	if err := st.ImportBundle(ctx, oy, exists); err != nil {
		fmt.Fprintf(stderr, "%s：导入失败，数据库没有改动（%s）\n", name, errText(err))
		return exitUsage
	}
	verb := "已导入"
	if exists {
		verb = "已替换"
	}
	fmt.Fprintf(stdout, "%s：%s%s（%s，生成于%s，依申请台账 %d 条）。\n", name, verb, what, meta.Kind.Label(),
		meta.Created.Format("2006-01-02 15:04"), len(oy.Requests))
	if meta.Kind == desk.FullBundle {
		fmt.Fprintf(stderr, "%s：注意，这是含申请人个人信息的完整报送包，个人信息已存入本机数据库「%s」。完整报送包只用于本单位换电脑；向上级报送请用公开报送包。导入后请删除或妥善保管这个文件。\n", name, st.Path())
	}
	if note := meta.ComputedNote(oy.Report.Format()); note != "" {
		fmt.Fprintf(stdout, "  %s\n", note)
	}
	if n := meta.Errors(); n > 0 {
		fmt.Fprintf(stdout, "  注意：这份年报有 %d 个错误（例如勾稽关系不平），请与报送单位核实：\n", n)
		f := oy.Report.Format()
		shown := 0
		for _, x := range meta.Findings {
			if x.Severity != model.Error {
				continue
			}
			if shown == 5 {
				fmt.Fprintf(stdout, "    ……另有 %d 个错误，可运行 nianbao check 查看全部\n", n-shown)
				break
			}
			fmt.Fprintf(stdout, "    [%s] %s：%s\n", x.Rule, x.Place(f), x.Message)
			shown++
		}
	}
	return exitOK
}
