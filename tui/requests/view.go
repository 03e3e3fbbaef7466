package requests

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/styles"
	"nianbao/tui/text"
)

// Update implements common.Screen: the log's keys and messages, then the
// scroll settled for the screen's size, so that View only draws.
func (m *List) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if sz, ok := msg.(tea.WindowSizeMsg); ok {
		m.width, m.height = sz.Width, sz.Height
	}
	s, cmd := m.update(msg)
	m.settle()
	return s, cmd
}

// settle fits the page, the table's or overview's scroll and the search
// input to the screen's size.
func (m *List) settle() {
	m.rows.SetHeight(m.listHeight())
	m.rows.Visible() // scrolls the page to the cursor
	m.input.Scroll(m.searchWidth(m.width))
	if m.view == viewList {
		return
	}
	head, body := m.scrolledView(m.width)
	m.scroll = max(0, min(m.scroll, len(body)-max(1, m.height-len(head))))
}

// searchWidth is the room for the search text after its prompt.
func (m *List) searchWidth(width int) int {
	return max(4, width-ansi.StringWidth(text.ReqSearchPrompt))
}

// scrolledView is the head and the scrolled body of the table or the
// overview.
func (m *List) scrolledView(width int) (head, body []string) {
	if m.view == viewTable {
		return m.tableView(width)
	}
	return m.overviewView(width)
}

// View implements common.Screen. It changes nothing.
func (m *List) View(width, height int) string {
	if m.view != viewList {
		head, body := m.scrolledView(width)
		lines := append(head, components.Scrolled(body, m.scroll, height-len(head))...)
		return components.Block(strings.Join(lines, "\n"), width, height)
	}
	st := m.c.Styles
	lines := make([]string, 0, height)
	head := st.Heading.Render(fmt.Sprintf(text.ReqHeading, m.rows.Total())) + "  " + st.Muted.Render(m.filterText())
	lines = append(lines, components.Fit(head, width))

	var second string
	switch {
	case m.searching:
		second = text.ReqSearchPrompt + m.input.Draw(m.searchWidth(width))
	case m.rows.Err() != nil:
		second = st.Error.Render(fmt.Sprintf(text.ReqLoadFailed, m.rows.Err().Error()))
	case m.note != "":
		second = st.OK.Render(m.note)
	case m.search != "":
		second = st.Muted.Render(text.ReqSearchPrompt + m.search)
	default:
		// The keys the help bar may not have room for.
		k := m.keys
		second = st.Muted.Render(components.KeyHints([]key.Binding{k.New, k.Open, k.Delete, k.Search, k.Status,
			k.Outcome, k.Applicant, k.Overdue, k.Table, k.Overview}, key.Binding{}, width))
	}
	lines = append(lines, components.Fit(second, width))

	rw := max(1, width-2) // behind the cursor column
	cols := columnsFor(rw)
	lines = append(lines, "  "+st.Label.Render(cols.header(rw)))
	from, to := m.rows.Window()
	if m.rows.Total() == 0 && m.rows.Ready() {
		empty := fmt.Sprintf(text.ReqEmpty, keys.Key(m.keys.New))
		if m.filtered() || m.search != "" {
			empty = fmt.Sprintf(text.ReqEmptyFiltered, keys.Key(m.keys.Clear))
		}
		lines = append(lines, st.Muted.Render(components.Fit(empty, width)))
	}
	for i := from; i < to; i++ {
		q, ok := m.rows.At(i)
		var line string
		if !ok {
			line = st.Muted.Render(components.Fit("  …", width))
		} else {
			sel := i == m.rows.Cursor()
			line = components.CursorMark(sel) + m.rowLine(cols, q, rw, sel)
		}
		lines = append(lines, line)
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

// filterText describes the active filters.
func (m *List) filterText() string {
	label := statusLabel(statusFilters[m.status])
	if statusFilters[m.status] == "open" {
		// The filter selects every entry not answered yet, including those
		// of a past year shown as 已结转.
		label = text.ReqFilterUnanswered
	}
	parts := []string{text.ReqFilterStatus + label}
	if m.outcome != "" {
		label := m.outcome
		if f := m.c.Format(); f != nil {
			label = f.OutcomeLabel(m.outcome)
		}
		parts = append(parts, text.ReqFilterOutcome+label)
	}
	if m.applicant != "" {
		parts = append(parts, text.ReqFilterApplicant+m.applicant.Label())
	}
	if m.overdue {
		parts = append(parts, text.ReqOverdueOnly)
	}
	if m.sortBy != sortSerial {
		parts = append(parts, text.ReqSortLabel+m.sortBy.label())
	}
	return strings.Join(parts, " · ")
}

// columns are the widths of the list columns at one screen width.
type columns struct {
	serial, date, applicant, summary, status, deadline int
}

func columnsFor(width int) columns {
	c := columns{serial: 7, date: 10, applicant: 12, status: 6, deadline: 22}
	gaps := 5
	if width < 74 {
		// Narrow (the outline beside it at 80 columns): the deadline note
		// says the state, so the status column goes.
		c.applicant, c.status, gaps = 8, 0, 4
	}
	c.summary = width - c.serial - c.date - c.applicant - c.status - c.deadline - gaps
	if c.summary < 6 {
		c.summary = 6
	}
	return c
}

// statusCell is the status column with its gap, or nothing when narrow.
func (c columns) statusCell(s string) string {
	if c.status == 0 {
		return ""
	}
	return components.Fit(s, c.status) + " "
}

func (c columns) header(width int) string {
	h := components.Fit(text.ReqColSerial, c.serial) + " " + components.Fit(text.ReqColReceived, c.date) + " " +
		components.Fit(text.ReqColApplicant, c.applicant) + " " + components.Fit(text.ReqColSummary, c.summary) + " " +
		c.statusCell(text.ReqColStatus) + components.Fit(text.ReqColDeadline, c.deadline)
	return components.Fit(h, width)
}

// serialText numbers an entry; one carried in from an earlier year shows
// its year.
func (m *List) serialText(q *model.Request) string {
	if q.Year != m.c.Year {
		return fmt.Sprintf("%d-%d", q.Year%100, q.Serial)
	}
	return fmt.Sprint(q.Serial)
}

// DeadlineNote describes q's answer deadline at today: the remaining
// working days, 今日到期, 超期N日 or, once answered, 按期答复/超期答复. late
// reports whether it is overdue.
func DeadlineNote(q *model.Request, today model.Date, cal *model.Calendar) (note string, late bool) {
	if cal != nil && q.AwaitingCorrection() && q.Answered.IsZero() && !q.Received.IsZero() {
		return text.ReqAwaitingCorrection, false
	}
	if cal == nil || q.ClockStart().IsZero() {
		return "", false
	}
	if !q.Answered.IsZero() {
		if model.AnsweredLate(q, cal) {
			return text.ReqAnsweredLate, true
		}
		return text.ReqAnsweredInTime, false
	}
	rem := model.RemainingWorkdays(q, today, cal)
	switch {
	case rem < 0:
		return fmt.Sprintf(text.ReqOverdueDays, -rem), true
	case rem == 0:
		return text.ReqDueToday, false
	}
	return fmt.Sprintf(text.ReqRemainingDays, rem), false
}

func (m *List) rowLine(c columns, q *model.Request, width int, selected bool) string {
	st := m.c.Styles
	applicant := q.Applicant.Label()
	if !q.Applicant.Valid() {
		applicant = "—"
	}
	dl := ""
	note, late := DeadlineNote(q, m.c.Today, m.c.Calendar)
	if m.c.Calendar != nil {
		dl = model.Deadline(q, m.c.Calendar).String()
		if note != "" && len(dl) == 10 {
			dl = dl[5:] // MM-DD: the note takes the room (its year is the received one's or next)
		}
	}
	deadline := components.Fit(dl+" "+note, c.deadline)
	plain := components.Fit(m.serialText(q), c.serial) + " " + components.Fit(q.Received.String(), c.date) + " " +
		components.Fit(applicant, c.applicant) + " " + components.Fit(model.CleanLine(q.Summary), c.summary) + " " +
		c.statusCell(statusLabel(statusOf(q, m.c.Year, m.c.Today)))
	if selected {
		return st.Selected.Render(components.Fit(plain+deadline, width))
	}
	if late {
		deadline = st.Error.Render(deadline)
	}
	return components.Fit(plain+deadline, width)
}

// tableView draws table 三 as computed from the log: its head and the
// rows to scroll.
func (m *List) tableView(width int) (lines, body []string) {
	st := m.c.Styles
	f := m.c.Format()
	lines = []string{st.Heading.Render(text.ReqTableTitle)}
	if f == nil || m.c.Snap == nil {
		return append(lines, st.Muted.Render(text.ReqNoReport)), nil
	}
	if m.c.Report().Mode3 == model.Typed {
		lines = append(lines, st.Warning.Render(text.ReqTableTypedNote))
	}
	t := f.Table(model.TableS3)
	v := m.c.Snap.S3()
	// Labels get the room they need (up to 34 cells); numbers the rest.
	need := 0
	for _, r := range t.Rows {
		need = max(need, ansi.StringWidth(r.FullLabel()))
	}
	need = min(need, 34)
	colW := max(5, min(8, (width-need)/len(t.Columns)))
	labelW := max(10, width-colW*len(t.Columns))
	head := components.Fit("", labelW)
	for _, col := range t.Columns {
		head += components.FitRight(ansi.Truncate(col.Label, colW-1, ""), colW)
	}
	lines = append(lines, st.Label.Render(head))
	for _, r := range t.Rows {
		label := r.FullLabel()
		line := components.Fit(label, labelW)
		for _, col := range t.Columns {
			line += components.FitRight(model.FormatCell(col, v.Get(model.Addr(t.ID, r.ID, col.ID))), colW)
		}
		if r.Total {
			line = st.Computed.Render(line)
		}
		body = append(body, line)
	}
	return lines, body
}

// bars are the eighth blocks of a vertical bar.
var bars = []rune("▁▂▃▄▅▆▇█")

// VerticalBars draws counts as columns of block characters height lines
// tall, each column colW cells wide; the top line comes first.
func VerticalBars(counts []int, height, colW int) []string {
	peak := 0
	for _, n := range counts {
		peak = max(peak, n)
	}
	out := make([]string, height)
	for line := range height {
		var b strings.Builder
		level := height - 1 - line // 0 is the bottom line
		for _, n := range counts {
			eighths := 0
			if peak > 0 {
				eighths = (n*height*8 + peak - 1) / peak // ceil, so any request shows
			}
			cell := " "
			switch rest := eighths - level*8; {
			case rest >= 8:
				cell = string(bars[7])
			case rest > 0:
				cell = string(bars[rest-1])
			}
			b.WriteString(strings.Repeat(" ", colW-1) + cell)
		}
		out[line] = b.String()
	}
	return out
}

// barRow is one bar of the summary: its label, value and printed number.
type barRow struct {
	label string
	n     int64
	text  string
}

// hbars draws rows as horizontal bars of block characters scaled to the
// largest, with each number at its bar's end, in at most width cells, like
// the year overview and the 图解.
func hbars(rows []barRow, width int, st *styles.Sheet) []string {
	labelW, textW := 4, 1
	var peak int64
	for _, r := range rows {
		labelW = max(labelW, components.StringWidth(r.label))
		textW = max(textW, components.StringWidth(r.text))
		peak = max(peak, r.n)
	}
	labelW = min(labelW, 16)
	barW := max(5, min(48, width-labelW-2-textW))
	var out []string
	for _, r := range rows {
		bar := components.HBar(r.n, peak, barW, 0)
		gap := ""
		if bar != "" {
			gap = " "
		}
		out = append(out, components.Fit(r.label, labelW)+" "+st.Computed.Render(bar)+gap+r.text)
	}
	return out
}

// applicantBars draws the requests received in the year by applicant
// column: table 三's 一、本年新收 row as computed from the log, the figures
// the 图解 charts.
func (m *List) applicantBars(f *model.Format, width int) []string {
	st := m.c.Styles
	t := f.Table(model.TableS3)
	v := m.c.Snap.S3()
	total := v.Get(model.Addr(model.TableS3, model.RowNew, model.ColTotal))
	out := []string{st.Label.Render(fmt.Sprintf(text.ReqByApplicant, total))}
	var rows []barRow
	for _, col := range t.Columns {
		if col.Total {
			continue
		}
		n := v.Get(model.Addr(model.TableS3, model.RowNew, col.ID))
		rows = append(rows, barRow{col.Label, n, fmt.Sprintf(text.ReqCount, n)})
	}
	return append(out, hbars(rows, width, st)...)
}

func (m *List) overviewView(width int) (lines, body []string) {
	st := m.c.Styles
	f := m.c.Format()
	lines = []string{st.Heading.Render(fmt.Sprintf(text.ReqOverviewTitle, m.c.Year))}
	if f == nil || m.c.Snap == nil {
		return append(lines, st.Muted.Render(text.ReqNoReport)), nil
	}
	o := m.c.Snap.Overview()
	body = append(body, st.Label.Render(text.ReqPerMonth))
	colW := 5
	barH := 6
	for _, l := range VerticalBars(o.PerMonth[:], barH, colW) {
		body = append(body, st.Computed.Render(l))
	}
	var counts, months strings.Builder
	for i, n := range o.PerMonth {
		counts.WriteString(components.FitRight(fmt.Sprint(n), colW))
		months.WriteString(components.FitRight(fmt.Sprintf(text.ReqMonth, i+1), colW))
	}
	body = append(body, counts.String(), st.Muted.Render(months.String()), "")
	body = append(body, m.applicantBars(f, width)...)
	body = append(body, "", st.Label.Render(fmt.Sprintf(text.ReqOutcomeShare, o.Closed)))
	var rows []barRow
	for i, g := range o.Groups {
		n := o.GroupCounts[i]
		pct := ""
		if o.Closed > 0 {
			pct = fmt.Sprintf("（%.1f%%）", float64(n)*100/float64(o.Closed))
		}
		// hbars fits a long label to its column by display width:
		// （二）部分公开（区分处理的…） → （二）部分公开…
		rows = append(rows, barRow{g.Label, int64(n), fmt.Sprintf(text.ReqCount, n) + pct})
	}
	body = append(body, hbars(rows, width, st)...)
	body = append(body, "")
	late := fmt.Sprintf(text.ReqLateSummary, o.AnsweredLate, o.OpenOverdue)
	if o.AnsweredLate+o.OpenOverdue > 0 {
		late = st.Error.Render(late)
	} else {
		late = st.OK.Render(late)
	}
	body = append(body, late)
	return lines, body
}
