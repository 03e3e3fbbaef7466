// Command benchtable reads what scripts/bench.sh collected (go test -bench
// output of ./bench/, scripts/startbench lines and the "# " notes bench.sh
// writes: the machine, the load before each step) and prints the table of
// the performance goals of issue 18: every figure with its goal, what was
// measured, the CPU time beside the wall time where it applies, the load
// average when its step began, and whether it met the goal. With -doc it
// also rewrites the generated part of docs/BENCHMARKS.md.
//
//	go run ./scripts/benchtable -in results.txt [-doc docs/BENCHMARKS.md]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const (
	begin = "<!-- bench:begin (scripts/bench.sh rewrites from here to bench:end) -->"
	end   = "<!-- bench:end -->"
)

// metrics of one result line, by unit, and the load when its step began.
type result struct {
	m    map[string]float64
	load string
}

type results struct {
	byName map[string]result
	notes  []string // "# " lines other than the loads of steps
}

var procSuffix = regexp.MustCompile(`-\d+$`)

func parse(r io.Reader) results {
	out := results{byName: map[string]result{}}
	load := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "# step load: "); ok {
			load = rest
			continue
		}
		if rest, ok := strings.CutPrefix(line, "# "); ok {
			out.notes = append(out.notes, rest)
			continue
		}
		if rest, ok := strings.CutPrefix(line, "--- FAIL: "); ok {
			out.notes = append(out.notes, "❌ failed: "+strings.TrimPrefix(strings.Fields(rest)[0], "Benchmark")+" (see results.txt; its figures are missing from the table)")
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		name := procSuffix.ReplaceAllString(strings.TrimPrefix(f[0], "Benchmark"), "")
		res := result{m: map[string]float64{}, load: load}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				res.m[f[i+1]] = v
			}
		}
		out.byName[name] = res
	}
	return out
}

// row is one line of the table.
type row struct {
	figure, goal, measured, cpu, load, verdict string
}

func (r results) get(name, unit string) (float64, string, bool) {
	res, ok := r.byName[name]
	if !ok {
		return 0, "", false
	}
	v, ok := res.m[unit]
	return v, res.load, ok
}

func verdict(ok bool) string {
	if ok {
		return "✅ met"
	}
	return "❌ missed"
}

func ms(v float64) string {
	if v >= 100 {
		return fmt.Sprintf("%.0f ms", v)
	}
	return fmt.Sprintf("%.1f ms", v)
}

const missing = "not measured"

func (r results) rows() []row {
	var out []row
	add := func(x row) { out = append(out, x) }
	for _, c := range []struct{ name, label string }{
		{"demo", "demo database, request log of 2025 (10,453 rows)"},
		{"stress50k", "one year of 50,000 requests"},
	} {
		full, load, ok := r.get("Startup/"+c.name+"/request-log", "median-ms")
		x := row{figure: "start-up to the request log, " + c.label, goal: "≤ 150 ms and ≤ 1.3× the bare Bubble Tea floor of the same run", measured: missing, cpu: "—"}
		if ok {
			tea, _, _ := r.get("Startup/"+c.name+"/tea-floor-request-log", "median-ms")
			first, _, _ := r.get("Startup/"+c.name+"/first-frame", "median-ms")
			mx, _, _ := r.get("Startup/"+c.name+"/request-log", "max-ms")
			ratio := full / tea
			x.measured = fmt.Sprintf("%s median (max %s), first frame %s; bare Bubble Tea floor %s → %.2f×", ms(full), ms(mx), ms(first), ms(tea), ratio)
			if cpu, _, ok := r.get("Startup/"+c.name+"/request-log-cpu", "median-ms"); ok {
				tcpu, _, _ := r.get("Startup/"+c.name+"/tea-floor-request-log-cpu", "median-ms")
				x.cpu = fmt.Sprintf("%s (floor %s)", ms(cpu), ms(tcpu))
			}
			x.load, x.verdict = load, verdict(full <= 150 && ratio <= 1.3)
		}
		add(x)
		if rss, load, ok := r.get("PeakRSS/"+c.name, "MB"); ok {
			add(row{figure: "peak memory (max RSS) after the request log, table 三 and the overview, " + c.label, goal: "≤ 80 MB",
				measured: fmt.Sprintf("%.1f MB", rss), cpu: "—", load: load, verdict: verdict(rss <= 80)})
		}
	}

	// Keystrokes: the worst screen's CPU median per fixture.
	for _, fx := range []struct{ name, label string }{{"stress50k", "50,000 requests in one year"}, {"demo2025", "demo year 2025"}} {
		worst, screen, load, wall := -1.0, "", "", 0.0
		for name, res := range r.byName {
			if s, ok := strings.CutPrefix(name, "Keystroke/"+fx.name+"/"); ok {
				if v, ok := res.m["cpu-p50-ms"]; ok && v > worst {
					worst, screen, load, wall = v, s, res.load, res.m["p50-ms"]
				}
			}
		}
		x := row{figure: "one keystroke (Update + View), worst of every screen, 200×60, " + fx.label, goal: "≤ 1 ms CPU median", measured: missing, cpu: "—"}
		if worst >= 0 {
			x.measured = fmt.Sprintf("worst: %s, wall median %s", screen, ms(wall))
			x.cpu, x.load, x.verdict = ms(worst)+" median", load, verdict(worst <= 1)
		}
		add(x)
	}

	// The field save as the clerk pays for it.
	var saves []string
	for name := range r.byName {
		if strings.HasPrefix(name, "FieldSave/") {
			saves = append(saves, name)
		}
	}
	sort.Strings(saves)
	if len(saves) == 0 {
		add(row{figure: "one request-form field saved with Tab, everything it sets off until the next frame, 50,000 requests", goal: "≤ 5 ms CPU; ≤ 80 MB after 100 saves", measured: missing, cpu: "—"})
	}
	for _, name := range saves {
		res := r.byName[name]
		cpu := res.m["cpu-p50-ms"]
		x := row{figure: "one request-form field (" + strings.TrimPrefix(name, "FieldSave/") + ") saved with Tab, everything it sets off until the next frame, 50,000 requests",
			goal: "≤ 5 ms CPU; ≤ 80 MB after 100 saves", cpu: fmt.Sprintf("%s median, p99 %s", ms(cpu), ms(res.m["cpu-p99-ms"])), load: res.load}
		mem, ok := res.m["rss-MB"]
		what := "resident"
		if !ok {
			mem, what = res.m["heap-inuse-MB"], "heap in use"
		}
		x.measured = fmt.Sprintf("%.1f MB %s after the run", mem, what)
		x.verdict = verdict(cpu <= 5 && mem <= 80)
		add(x)
	}

	// Commands.
	for _, c := range []struct {
		name, label, goal string
		limit             float64
	}{
		{"check/demo", "`nianbao check` of a normal organ-year (大雁镇人民政府 2021, 33 requests)", "≤ 150 ms", 150},
		{"check/stress50k", "`nianbao check` of a year of 50,000 requests", "≤ 400 ms", 400},
		{"export/demo", "`nianbao export` (docx, html, xlsx, txt) of 大雁镇人民政府 2021", "— (reported)", 0},
		{"export/stress50k", "`nianbao export` of a year of 50,000 requests", "— (reported)", 0},
	} {
		wall, load, ok := r.get("Command/"+c.name, "median-ms")
		x := row{figure: c.label + ", wall from start to exit", goal: c.goal, measured: missing, cpu: "—"}
		if ok {
			mx, _, _ := r.get("Command/"+c.name, "max-ms")
			cpu, _, _ := r.get("Command/"+c.name, "cpu-median-ms")
			x.measured = fmt.Sprintf("%s median (max %s)", ms(wall), ms(mx))
			x.cpu, x.load = ms(cpu), load
			x.verdict = "—"
			if c.limit > 0 {
				x.verdict = verdict(wall <= c.limit)
			}
		}
		add(x)
	}

	// Bytes per key from a pty of the real binary.
	for _, c := range []struct{ name, label, goal string }{
		{"KeyBytes/demo/narrative_s1/typed", "bytes per typed character, section 一 editor, real binary on a 200×60 pty", "≤ 1 KB"},
		{"KeyBytes/demo/request_form/typed", "bytes per typed character, request form, real binary on a 200×60 pty", "≤ 1 KB"},
		{"KeyBytes/demo/request_form/tab", "bytes for Tab in the request form (the field is saved), real binary on a 200×60 pty", "≤ 2 KB"},
	} {
		med, load, ok := r.get(c.name, "median-B")
		x := row{figure: c.label, goal: c.goal, measured: missing, cpu: "—"}
		if ok {
			mx, _, _ := r.get(c.name, "max-B")
			limit := 1024.0
			if strings.HasSuffix(c.name, "/tab") {
				limit = 2048
			}
			x.measured = fmt.Sprintf("median %.0f B, max %.0f B", med, mx)
			x.load, x.verdict = load, verdict(mx <= limit)
			if mx == 0 {
				// Nothing written: the keys did not reach the editor.
				x.measured += " (nothing written: the keys did not reach the editor)"
				x.verdict = "❌ not measured"
			}
		}
		add(x)
	}

	// Aggregation: the real binary's wall time, CPU time and peak RSS; the
	// larger counts are held to the memory of the 3,000 run.
	base, _, haveBase := r.get("Aggregate/3000", "peak-rss-MB")
	for _, n := range []string{"3000", "10000", "30000"} {
		ns, load, ok := r.get("Aggregate/"+n, "ns/op")
		if !ok && n == "30000" {
			continue
		}
		goal, limit := "≤ 10 s and ≤ 200 MB", 10.0
		switch n {
		case "10000":
			goal, limit = "memory not growing with the count: peak RSS ≤ the 3,000 run's + 10 MB (time reported)", 0
		case "30000":
			goal, limit = "≤ 100 s; peak RSS ≤ the 3,000 run's + 10 MB", 100
		}
		x := row{figure: "`nianbao aggregate` of " + n + " public bundles into 汇总2021.xlsx, read back, wall from start to exit", goal: goal, measured: missing, cpu: "—"}
		if ok {
			rss, _, _ := r.get("Aggregate/"+n, "peak-rss-MB")
			cpu, _, _ := r.get("Aggregate/"+n, "cpu-s/op")
			x.measured = fmt.Sprintf("%.1f s, peak RSS %.0f MB", ns/1e9, rss)
			x.cpu, x.load = fmt.Sprintf("%.1f s (both cores)", cpu), load
			met := rss <= 200
			if n != "3000" {
				met = haveBase && rss <= base+10
			}
			if limit > 0 {
				met = met && ns/1e9 <= limit
			}
			x.verdict = verdict(met)
		}
		add(x)
	}
	return out
}

func render(r results) string {
	var b strings.Builder
	for _, n := range r.notes {
		fmt.Fprintf(&b, "- %s\n", n)
	}
	b.WriteString("\n| figure | goal | measured | CPU time | load when measured | |\n|---|---|---|---|---|---|\n")
	for _, x := range r.rows() {
		load := x.load
		if load == "" {
			load = "—"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", x.figure, x.goal, x.measured, x.cpu, load, x.verdict)
	}
	return b.String()
}

func main() {
	in := flag.String("in", "", "results written by scripts/bench.sh")
	doc := flag.String("doc", "", "rewrite the generated part of this file (docs/BENCHMARKS.md)")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(2)
	}
	table := render(parse(f))
	f.Close()
	fmt.Print(table)
	if *doc == "" {
		return
	}
	old, err := os.ReadFile(*doc)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(2)
	}
	s := string(old)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		fmt.Fprintf(os.Stderr, "benchtable: %s lacks the markers %q … %q\n", *doc, begin, end)
		os.Exit(2)
	}
	s = s[:i+len(begin)] + "\n\n" + table + "\n" + s[j:]
	if err := os.WriteFile(*doc, []byte(s), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(2)
	}
}
