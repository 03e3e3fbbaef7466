package bench

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strings"
	"testing"
	"time"

	"nianbao/db"
	"nianbao/desk"
	"nianbao/model"
)

// BenchmarkPartSave: one save of each kind of entry other than the request
// log, made by keys as the clerk makes it, in the year of 50,000 requests
// at 200×60, with 20 cases, 10 measures and 2,000 items of 主动公开信息 in
// it. Like BenchmarkFieldSave it types (not measured) and times the key
// that saves, with everything it sets off until the screen is drawn again:
// the write, reading the saved part back (the year's cases, measures,
// items or report), the snapshot's update with the rules that read that
// part, and the next frame; CPU time of the whole process.
//
//   - case: the summary of a case (复议诉讼 form), Tab;
//   - measure: the problem of a measure (整改措施 form), Tab;
//   - item: the title of an item, Ctrl+S (the edit saves and goes back to
//     the register, which reads its page again);
//   - fees: the fee notices typed in 信息处理费, Tab;
//   - text: a character typed in a paragraph of section 一, saved by the
//     editor's autosave (its delay is 1 ms here);
//   - cell: a typed cell of table 二, Enter (the grid sets the snapshot
//     itself and saves the cells).
func BenchmarkPartSave(b *testing.B) {
	type step struct {
		before []string // keys not measured, i even / odd
		save   string   // the key measured
		after  []string // keys not measured
	}
	for _, c := range []struct {
		name  string
		enter []string
		want  string
		at    func(i int) step
	}{
		{"case", []string{"c", "enter", "tab", "tab", "tab"}, "摘要", func(i int) step {
			return step{before: typeOrErase(i), save: "tab", after: []string{"shift+tab"}}
		}},
		{"measure", []string{"m", "enter"}, "存在的问题", func(i int) step {
			return step{before: typeOrErase(i), save: "tab", after: []string{"shift+tab"}}
		}},
		{"item", []string{"i"}, "主动公开", func(i int) step {
			return step{before: append([]string{"enter"}, typeOrErase(i)...), save: "ctrl+s"}
		}},
		{"fees", []string{"f", "tab", "tab"}, "收费通知", func(i int) step {
			return step{before: []string{"backspace", fmt.Sprint(1 + i%2)}, save: "tab", after: []string{"shift+tab"}}
		}},
		{"text", []string{"1", "down", "enter"}, "总体情况", func(i int) step {
			return step{save: typeOrErase(i)[0]}
		}},
		{"cell", []string{"2"}, "规章", func(i int) step {
			return step{before: []string{fmt.Sprint(1 + i%2)}, save: "enter", after: []string{"shift+tab"}}
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			if os.Getenv("GOMEMLIMIT") == "" {
				defer debug.SetMemoryLimit(debug.SetMemoryLimit(48 << 20))
			}
			st := openStore(b, stressPath(b))
			addParts(b, st)
			d := newDriver(b, st, StressOrganName, StressYear)
			d.press(c.enter...)
			d.app.View()
			if f := d.app.LastFrame(); !strings.Contains(f, c.want) {
				b.Fatalf("the screen is not open (%q missing):\n%s", c.want, f)
			}
			save := func(i int) (time.Duration, bool) {
				s := c.at(i)
				d.press(s.before...)
				d.app.View()
				c0, ok := processCPU()
				d.press(s.save)
				d.app.View()
				c1, ok1 := processCPU()
				d.press(s.after...)
				d.app.View()
				return c1 - c0, ok && ok1
			}
			timeSaves(b, d, 6, save)
			if d.slow > 0 {
				b.Fatalf("%d commands did not return", d.slow)
			}
		})
	}
}

// typeOrErase types a character on even saves and erases it on odd ones,
// so that every save changes the field.
func typeOrErase(i int) []string {
	if i%2 == 0 {
		return []string{"甲"}
	}
	return []string{"backspace"}
}

// addParts gives the stress year 20 cases, 10 measures and 2,000 items of
// 主动公开信息 (once per fixture file), and a typed table 二 cell grid.
func addParts(tb testing.TB, st *db.Store) {
	tb.Helper()
	ctx := context.Background()
	o, err := st.OrganByName(ctx, StressOrganName)
	if err != nil {
		tb.Fatal(err)
	}
	cs, err := st.Cases(ctx, o.ID, StressYear)
	if err != nil {
		tb.Fatal(err)
	}
	if len(cs) > 0 {
		return
	}
	for i := 0; i < 20; i++ {
		c := model.Case{OrganID: o.ID, Year: StressYear, Kind: model.CaseKinds[i%len(model.CaseKinds)],
			Filed: model.NewDate(StressYear, 1+i%12, 1+i%28), Result: model.CaseResults[i%len(model.CaseResults)], Summary: fmt.Sprintf("不服第%d号答复", i+1)}
		if err := st.SaveCase(ctx, &c); err != nil {
			tb.Fatal(err)
		}
	}
	for i := 0; i < 10; i++ {
		m := model.Measure{OrganID: o.ID, Year: StressYear, Problem: fmt.Sprintf("问题%d", i+1), Measure: fmt.Sprintf("措施%d", i+1), Status: model.MeasureInProgress}
		if err := st.SaveMeasure(ctx, &m); err != nil {
			tb.Fatal(err)
		}
	}
	items := make([]model.DisclosureItem, 2000)
	for i := range items {
		items[i] = model.DisclosureItem{OrganID: o.ID, Year: StressYear, Title: fmt.Sprintf("关于第%d项工作的通知", i+1),
			Published: model.NewDate(StressYear, 1+i%12, 1+i%28), Category: model.DefaultItemCategories[i%len(model.DefaultItemCategories)],
			Channels: []string{model.DefaultItemChannels[i%len(model.DefaultItemChannels)]}}
		if i%50 == 0 {
			items[i].Art20Row, items[i].Art20Action = model.RowNormativeDocs, model.Art20Issued
		}
	}
	if err := st.SaveItems(ctx, items); err != nil {
		tb.Fatal(err)
	}
}

// timeSaves makes warm saves (after which the status line must say
// 已保存), then b.N timed ones, and reports the percentiles of their CPU
// times.
func timeSaves(b *testing.B, d *driver, warm int, save func(i int) (time.Duration, bool)) {
	b.Helper()
	for i := 0; i < warm; i++ {
		save(i)
	}
	if f := d.app.LastFrame(); !strings.Contains(f, "已保存") {
		b.Fatalf("nothing was saved:\n%s", f)
	}
	cpu := make([]time.Duration, 0, b.N)
	allocs := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(allocs)
	before := allocs[0].Value.Uint64()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if t, ok := save(i); ok {
			cpu = append(cpu, t)
		}
	}
	b.StopTimer()
	// What the garbage collector has to clear up after each save: the
	// bytes allocated per round (the typed key, Tab and Shift+Tab).
	metrics.Read(allocs)
	b.ReportMetric(float64(allocs[0].Value.Uint64()-before)/float64(b.N)/1024, "alloc-KB/save")
	if len(cpu) > 0 {
		sort.Slice(cpu, func(i, j int) bool { return cpu[i] < cpu[j] })
		b.ReportMetric(percentile(cpu, 50), "cpu-p50-ms")
		b.ReportMetric(percentile(cpu, 90), "cpu-p90-ms")
		b.ReportMetric(percentile(cpu, 99), "cpu-p99-ms")
	}
}

// BenchmarkYearReload is what each of those saves cost before it read back
// only its part: loading and checking the whole organ-year again
// (desk.Store.OpenYear) at 50,000 requests, CPU of the whole process.
func BenchmarkYearReload(b *testing.B) {
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(48 << 20))
	}
	st := desk.Wrap(openStore(b, stressPath(b)))
	ctx := context.Background()
	o, err := st.OrganByName(ctx, StressOrganName)
	if err != nil {
		b.Fatal(err)
	}
	cal := model.DefaultCalendar()
	cpu := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c0, ok := processCPU()
		if _, err := st.OpenYear(ctx, o.ID, StressYear, cal, today); err != nil {
			b.Fatal(err)
		}
		c1, ok1 := processCPU()
		if ok && ok1 {
			cpu = append(cpu, c1-c0)
		}
	}
	b.StopTimer()
	if len(cpu) > 0 {
		sort.Slice(cpu, func(i, j int) bool { return cpu[i] < cpu[j] })
		b.ReportMetric(percentile(cpu, 50), "cpu-p50-ms")
	}
}
