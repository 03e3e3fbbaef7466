package pagedlist

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"
)

type row struct{ ID int64 }

// slice is a list held in a slice and read by keyset on ID, ascending, the
// way the store reads the request log; it counts the rows it hands out.
type slice struct {
	rows  []row
	reads int
}

func (s *slice) source() Source[row] {
	return Source[row]{
		Count: func(context.Context) (int, error) { return len(s.rows), nil },
		Page: func(_ context.Context, at Anchor[row], limit int) ([]row, error) {
			from, to := 0, len(s.rows)
			switch {
			case at.After != nil:
				for from < len(s.rows) && s.rows[from].ID <= at.After.ID {
					from++
				}
			case at.Before != nil:
				to = 0
				for to < len(s.rows) && s.rows[to].ID < at.Before.ID {
					to++
				}
			}
			if limit > 0 && to-from > limit {
				if at.Before != nil || at.Last {
					from = to - limit
				} else {
					to = from + limit
				}
			}
			s.reads += to - from
			return append([]row(nil), s.rows[from:to]...), nil
		},
		ID: func(r *row) int64 { return r.ID },
	}
}

func newSlice(n int) *slice {
	s := &slice{}
	for i := range n {
		s.rows = append(s.rows, row{ID: int64(10 * (i + 1))})
	}
	return s
}

// run runs a command and feeds its replies back, as the program does.
func run(t *testing.T, l *List[row], cmd tea.Cmd) {
	t.Helper()
	for cmd != nil {
		msg := cmd()
		ok, next := l.Update(msg)
		if !ok {
			t.Fatalf("the list did not take its own reply %T", msg)
		}
		cmd = next
	}
}

func press(t *testing.T, l *List[row], k tea.KeyPressMsg) {
	t.Helper()
	ok, cmd := l.HandleKey(k)
	if !ok {
		t.Fatalf("key %q not handled", k.String())
	}
	run(t, l, cmd)
}

var (
	keyEnd  = tea.KeyPressMsg{Code: tea.KeyEnd}
	keyHome = tea.KeyPressMsg{Code: tea.KeyHome}
	keyPgUp = tea.KeyPressMsg{Code: tea.KeyPgUp}
	keyPgDn = tea.KeyPressMsg{Code: tea.KeyPgDown}
	keyDown = tea.KeyPressMsg{Code: tea.KeyDown}
)

// checkCursor: the row under the cursor is loaded and is the cursor's row
// of the whole list, and the window stays bounded.
func checkCursor(t *testing.T, l *List[row], what string) {
	t.Helper()
	r, ok := l.Current()
	if !ok {
		t.Fatalf("%s: the row under the cursor %d is not loaded", what, l.Cursor())
	}
	if want := int64(10 * (l.Cursor() + 1)); r.ID != want {
		t.Fatalf("%s: cursor %d on row %d, want %d", what, l.Cursor(), r.ID, want)
	}
	if l.Loaded() > MaxBuffer {
		t.Fatalf("%s: %d rows held, want at most %d", what, l.Loaded(), MaxBuffer)
	}
	from, to := l.Visible()
	for i := from; i < to; i++ {
		if _, ok := l.At(i); !ok {
			t.Fatalf("%s: visible row %d not loaded (window %d..%d)", what, i, from, to)
		}
	}
}

func TestPagesThroughALongList(t *testing.T) {
	s := newSlice(50000)
	l := New(context.Background, s.source)
	l.SetHeight(20)
	run(t, l, l.Reload())
	if l.Total() != 50000 || !l.Ready() {
		t.Fatalf("total %d ready %v", l.Total(), l.Ready())
	}
	checkCursor(t, l, "first page")
	if s.reads > PageSize {
		t.Fatalf("the first frame read %d rows, want one page", s.reads)
	}
	press(t, l, keyEnd)
	checkCursor(t, l, "end")
	if l.Cursor() != 49999 {
		t.Fatalf("end: cursor %d", l.Cursor())
	}
	if s.reads > 3*PageSize {
		t.Fatalf("a jump to the end read %d rows, want a page from there", s.reads)
	}
	for range 40 {
		press(t, l, keyPgUp)
		checkCursor(t, l, "pgup")
	}
	press(t, l, keyHome)
	checkCursor(t, l, "home")
	for range 300 {
		press(t, l, keyDown)
	}
	for range 30 {
		press(t, l, keyPgDn)
	}
	checkCursor(t, l, "down")
	if want := 300 + 30*19; l.Cursor() != want {
		t.Fatalf("cursor %d, want %d (a page moves by the height less one row)", l.Cursor(), want)
	}
	// A reload (after an edit) keeps the cursor where it was.
	at := l.Cursor()
	run(t, l, l.Reload())
	if l.Cursor() != at {
		t.Fatalf("after a reload the cursor is at %d, want %d", l.Cursor(), at)
	}
	checkCursor(t, l, "reload")
}

// filtered is a list whose filter keeps the rows whose ID is not a
// multiple of 30, until the screen clears it.
type filtered struct {
	all      *slice
	on       bool
	unfilter int // times asked to clear
}

func (f *filtered) source() Source[row] {
	if !f.on {
		return f.all.source()
	}
	kept := &slice{}
	for _, r := range f.all.rows {
		if r.ID%30 != 0 {
			kept.rows = append(kept.rows, r)
		}
	}
	return kept.source()
}

func TestShowWalksToAnEntryAndClearsFiltersThatHideIt(t *testing.T) {
	f := &filtered{all: newSlice(30000)}
	l := New(context.Background, f.source)
	l.OnMissing(func() bool {
		f.unfilter++
		was := f.on
		f.on = false
		return was
	})
	run(t, l, l.Reload())
	run(t, l, l.Show(10*25001))
	if l.Cursor() != 25000 {
		t.Fatalf("show: cursor %d, want 25000", l.Cursor())
	}
	checkCursor(t, l, "show")
	if f.unfilter != 0 {
		t.Fatalf("a jump that found its entry cleared the filters")
	}
	// Filtered: entry 300 (a multiple of 30) is hidden, entry 310 is not.
	f.on = true
	run(t, l, l.Restart())
	run(t, l, l.Show(310))
	if r, _ := l.Current(); r.ID != 310 || !f.on {
		t.Fatalf("show in the filtered list: on %+v, filter on %v", r, f.on)
	}
	run(t, l, l.Show(300))
	if r, _ := l.Current(); f.on || r.ID != 300 || l.Cursor() != 29 || f.unfilter != 1 {
		t.Fatalf("hidden entry: cursor %d on %+v, filter on %v, cleared %d times", l.Cursor(), r, f.on, f.unfilter)
	}
	// No such entry: the filter is already clear, the cursor stays.
	run(t, l, l.Show(7))
	if l.Cursor() != 29 || f.unfilter != 2 {
		t.Fatalf("missing entry: cursor %d, cleared %d times", l.Cursor(), f.unfilter)
	}
}

func TestArrangedListIsHeldInMemory(t *testing.T) {
	s := newSlice(1000)
	l := New(context.Background, func() Source[row] {
		src := s.source()
		src.Arrange = func(rows []row) []row { // every third row, last first
			var out []row
			for i := len(rows) - 1; i >= 0; i -= 3 {
				out = append(out, rows[i])
			}
			return out
		}
		return src
	})
	run(t, l, l.Reload())
	if l.Total() != 334 || l.Loaded() != 334 {
		t.Fatalf("total %d loaded %d, want 334", l.Total(), l.Loaded())
	}
	if r, _ := l.Current(); r.ID != 10000 {
		t.Fatalf("first row %d, want 10000", r.ID)
	}
	run(t, l, l.Show(10*(1000-9)))
	if r, _ := l.Current(); l.Cursor() != 3 || r.ID != 9910 {
		t.Fatalf("show in memory: cursor %d on %+v", l.Cursor(), r)
	}
	missing := 0
	l.OnMissing(func() bool { missing++; return false })
	run(t, l, l.Show(20)) // not selected by Arrange
	if missing != 1 || l.Cursor() != 3 {
		t.Fatalf("a row Arrange left out: OnMissing called %d times, cursor %d", missing, l.Cursor())
	}
}

func TestStaleRepliesAreDropped(t *testing.T) {
	s := newSlice(500)
	l := New(context.Background, s.source)
	first := l.Reload()
	s.rows = s.rows[:100] // the list changes before the second query
	second := l.Reload()
	run(t, l, second)
	if ok, cmd := l.Update(first()); !ok || cmd != nil {
		t.Fatalf("the stale reply should be taken and dropped (%v, %v)", ok, cmd)
	}
	if l.Total() != 100 {
		t.Fatalf("total %d, want the newer 100", l.Total())
	}
	other := New(context.Background, s.source)
	if ok, _ := l.Update(other.Reload()()); ok {
		t.Fatal("a list took another list's reply")
	}
}

func TestKeysAreEnabledWhereTheyMove(t *testing.T) {
	s := newSlice(50)
	l := New(context.Background, s.source)
	run(t, l, l.Reload())
	k := l.Keys()
	if k.Up.Enabled() || k.Home.Enabled() || k.PageUp.Enabled() || !k.Down.Enabled() || !k.End.Enabled() || !k.PageDown.Enabled() {
		t.Fatal("at the top only the keys down should be enabled")
	}
	if ok, _ := l.HandleKey(tea.KeyPressMsg{Code: tea.KeyUp}); ok {
		t.Fatal("up at the top should not be taken")
	}
	press(t, l, keyEnd)
	k = l.Keys()
	if !k.Up.Enabled() || k.Down.Enabled() || k.End.Enabled() {
		t.Fatal("at the bottom only the keys up should be enabled")
	}
}

// TestSeedAndReloadAhead: a list opened from rows read ahead of it shows
// them without reading (Seed), or waits for them in its command
// (ReloadAhead) and reads for itself only when they are no longer current;
// either way it then pages on as a list it read itself.
func TestSeedAndReloadAhead(t *testing.T) {
	s := newSlice(500)
	first := func() (int, []row) {
		rows, _ := s.source().Page(context.Background(), Anchor[row]{}, PageSize)
		return len(s.rows), rows
	}

	l := New(context.Background, s.source)
	l.SetHeight(10)
	total, rows := first()
	s.reads = 0
	run(t, l, l.Seed(total, rows))
	if !l.Ready() || l.Total() != 500 || s.reads != 0 {
		t.Fatalf("seeded: ready %v, total %d, %d rows read", l.Ready(), l.Total(), s.reads)
	}
	checkCursor(t, l, "seeded")
	press(t, l, keyEnd)
	checkCursor(t, l, "seeded, then End")

	// In flight: the command waits for the rows read ahead and uses them.
	l = New(context.Background, s.source)
	l.SetHeight(10)
	s.reads = 0
	run(t, l, l.ReloadAhead(func() (int, []row, bool) { n, r := first(); return n, r, true }))
	if l.Total() != 500 || s.reads != PageSize {
		t.Fatalf("read ahead: total %d, %d rows read, want the %d read ahead only", l.Total(), s.reads, PageSize)
	}
	checkCursor(t, l, "read ahead")

	// No longer current (a save since): the list reads for itself and
	// shows what the source holds now.
	stale, staleRows := first()
	s.rows = s.rows[:300]
	l = New(context.Background, s.source)
	l.SetHeight(10)
	run(t, l, l.ReloadAhead(func() (int, []row, bool) { return stale, staleRows, false }))
	if l.Total() != 300 {
		t.Fatalf("a stale read ahead was used: total %d, want 300", l.Total())
	}
	press(t, l, keyEnd)
	checkCursor(t, l, "read again, then End")
}
