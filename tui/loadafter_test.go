package tui

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/outline"
	"nianbao/tui/tables"
)

// recordingDesk notes the reads that compete at start-up: the year's load
// and the request log's count and page.
type recordingDesk struct {
	*desk.Store
	mu    sync.Mutex
	calls []string
}

func (r *recordingDesk) note(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, s)
}

func (r *recordingDesk) seen() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

func (r *recordingDesk) OpenYear(ctx context.Context, organID int64, year int, cal *model.Calendar, today model.Date) (*desk.Year, error) {
	r.note("OpenYear")
	return r.Store.OpenYear(ctx, organID, year, cal, today)
}

func (r *recordingDesk) CountRequests(ctx context.Context, q desk.RequestQuery) (int, error) {
	r.note("CountRequests")
	return r.Store.CountRequests(ctx, q)
}

func (r *recordingDesk) RequestPage(ctx context.Context, q desk.RequestQuery) ([]model.Request, error) {
	r.note("RequestPage")
	return r.Store.RequestPage(ctx, q)
}

// heldHarness is appHarness with the year's load held back for loadAfter
// (Options.LoadAfter) and the reads recorded; the LoadAfter timer's
// message is held (testenv.Program.Hold) while holdTimer is true, so the
// test says when it fires.
func heldHarness(t *testing.T, loadAfter time.Duration, requests int) (h *harness, rec *recordingDesk, o model.Organ, holdTimer *bool) {
	t.Helper()
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	o = seedYear(t, st, requests)
	rec = &recordingDesk{Store: st}
	a := New(context.Background(), rec, Options{Today: model.NewDate(2022, 1, 10), Now: func() time.Time { return fixedNow },
		NoAltScreen: true, LoadAfter: loadAfter})
	h = &harness{t: t, app: a, st: st, dir: dir}
	h.p = &testenv.Program{T: t, Model: a, Frame: h.screen}
	hold := true
	h.p.Hold = func(m tea.Msg) bool { s, ok := m.(startLoadMsg); return ok && !s.afterPage && hold }
	h.send(tea.WindowSizeMsg{Width: 160, Height: 40})
	h.run(a.Init())
	return h, rec, o, &hold
}

func count(calls []string, name string) int {
	n := 0
	for _, c := range calls {
		if c == name {
			n++
		}
	}
	return n
}

// TestHeldLoadWaitsForTheLogsFirstPage: with Options.LoadAfter the outline
// is drawn from the report's head alone (its first preview, 基本信息, does
// not start the load); r opens the request log, whose count and first page
// are read before the year's load starts; the year then lands, and the
// timer, firing later, starts no second load.
func TestHeldLoadWaitsForTheLogsFirstPage(t *testing.T) {
	h, rec, o, _ := heldHarness(t, time.Millisecond, 40)
	a := h.app
	h.send(common.OpenMsg{Organ: o, Year: 2021})
	if _, ok := a.Top().(*outline.Model); !ok {
		t.Fatalf("the outline is not drawn: %T", a.Top())
	}
	h.mustSee("大雁镇人民政府", "2021年", checkingText)
	if n := count(rec.seen(), "OpenYear"); n != 0 || len(h.p.Held) != 1 {
		t.Fatalf("the load started with the outline (%d loads, %d timers held)", n, len(h.p.Held))
	}

	h.key("r")
	h.mustSee("申请公开第1号材料")
	calls := rec.seen()
	page, load := slices.Index(calls, "RequestPage"), slices.Index(calls, "OpenYear")
	if page < 0 || load < page || slices.Index(calls, "CountRequests") > page {
		t.Fatalf("reads in the order %v: want the log's count and first page, then the year's load", calls)
	}
	if a.Common().OrganYear() == nil || len(a.Common().OrganYear().Requests) != 40 {
		t.Fatal("the year did not land after the log's first page")
	}
	h.mustNotSee(checkingText)

	h.p.Release() // the timer
	if n := count(rec.seen(), "OpenYear"); n != 1 {
		t.Fatalf("%d loads of the year, want 1", n)
	}
}

// TestHeldLoadStartsForASection: going to a section that needs the whole
// year (table 三) starts the held load at once, and the table is drawn.
func TestHeldLoadStartsForASection(t *testing.T) {
	h, rec, o, holdTimer := heldHarness(t, time.Millisecond, 12)
	a := h.app
	h.send(common.OpenMsg{Organ: o, Year: 2021})
	*holdTimer = false // only the timer of the open is held
	if n := count(rec.seen(), "OpenYear"); n != 0 {
		t.Fatalf("the load started with the outline (%d)", n)
	}
	h.key("3")
	if n := count(rec.seen(), "OpenYear"); n != 1 {
		t.Fatalf("%d loads after going to table 三, want 1", n)
	}
	ol := a.Top().(*outline.Model)
	if _, ok := ol.Child().(*tables.Model); !ok {
		t.Fatalf("table 三 is still a placeholder: %T", ol.Child())
	}
	h.mustNotSee(loadingText, checkingText)
}

// TestHeldLoadStartsAfterLoadAfter: with no key the load starts when
// LoadAfter has passed; a save reported while it waited (ReloadMsg) does
// not load the year a second time, since the held load reads it anyway.
func TestHeldLoadStartsAfterLoadAfter(t *testing.T) {
	h, rec, o, _ := heldHarness(t, time.Millisecond, 12)
	a := h.app
	h.send(common.OpenMsg{Organ: o, Year: 2021})
	h.send(common.ReloadMsg{})
	if n := count(rec.seen(), "OpenYear"); n != 0 || a.Common().OrganYear() != nil {
		t.Fatalf("the load started before its time (%d)", n)
	}
	h.p.Release() // LoadAfter has passed
	if n := count(rec.seen(), "OpenYear"); n != 1 {
		t.Fatalf("%d loads, want 1", n)
	}
	if a.Common().OrganYear() == nil {
		t.Fatal("the year did not land")
	}
	h.mustNotSee(checkingText)
}

// TestLogOpensFromItsReadAhead: the request log's count and first page are
// read while the outline is drawn, and r shows them without reading them
// again; the held load follows the log's first page as before.
func TestLogOpensFromItsReadAhead(t *testing.T) {
	h, rec, o, _ := heldHarness(t, time.Millisecond, 12)
	h.send(common.OpenMsg{Organ: o, Year: 2021})
	before := rec.seen()
	if count(before, "CountRequests") != 1 || count(before, "RequestPage") != 1 || count(before, "OpenYear") != 0 {
		t.Fatalf("reads while the outline was drawn: %v, want the log's count and first page only", before)
	}
	h.key("r")
	h.mustSee("申请公开第1号材料", "申请公开第12号材料")
	// (When the year lands the log reads itself again, as it does after
	// every load: that is after its first frame.)
	after := rec.seen()[len(before):]
	if load := slices.Index(after, "OpenYear"); load < 0 || slices.Contains(after[:load], "RequestPage") || slices.Contains(after[:load], "CountRequests") {
		t.Fatalf("reads after r: %v, want the year's load before any read of the log", after)
	}
}

// TestLogReadsAgainAfterASaveSinceItsReadAhead: an entry saved between the
// read ahead and r (a save committed through the store) is in the log: the
// read ahead is no longer current and the log reads for itself.
func TestLogReadsAgainAfterASaveSinceItsReadAhead(t *testing.T) {
	h, rec, o, _ := heldHarness(t, time.Millisecond, 12)
	// The year's load stays held, so that what the log shows is what it
	// read (the year's landing would make it read again).
	h.p.Hold = func(m tea.Msg) bool { _, ok := m.(startLoadMsg); return ok }
	h.send(common.OpenMsg{Organ: o, Year: 2021})
	before := rec.seen()
	q := model.Request{OrganID: o.ID, Received: model.NewDate(2021, 12, 20), Applicant: model.NaturalPerson, Summary: "申请公开年底新收的材料"}
	if err := h.st.SaveRequest(context.Background(), &q); err != nil {
		t.Fatal(err)
	}
	h.key("r")
	h.mustSee("申请公开第1号材料", "申请公开年底新收的材料")
	if after := rec.seen()[len(before):]; count(after, "RequestPage") == 0 || count(after, "OpenYear") != 0 {
		t.Fatalf("reads after r: %v, want the log to read its page again (and the load held)", after)
	}
}
