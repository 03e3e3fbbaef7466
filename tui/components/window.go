package components

// Window is the loaded part of a long list that is read from the store a
// keyset page at a time: Rows are the entries from absolute index Start.
// The screen decides which page to read next; Window keeps the rows in
// place and bounded.
type Window[T any] struct {
	Rows  []T
	Start int
}

// End is the absolute index after the last loaded row.
func (w *Window[T]) End() int { return w.Start + len(w.Rows) }

// At returns the row at absolute index i, if loaded.
func (w *Window[T]) At(i int) (*T, bool) {
	if i < w.Start || i >= w.End() {
		return nil, false
	}
	return &w.Rows[i-w.Start], true
}

// Reset replaces the window by rows starting at absolute index start.
func (w *Window[T]) Reset(rows []T, start int) { w.Rows, w.Start = rows, start }

// Add puts a page read just above the window (up) or just below it. It
// reports false when the page above would reach before the first row: the
// list changed under the screen, which should read it again.
func (w *Window[T]) Add(rows []T, up bool) bool {
	if !up {
		w.Rows = append(w.Rows, rows...)
		return true
	}
	w.Rows = append(append([]T(nil), rows...), w.Rows...)
	w.Start -= len(rows)
	return w.Start >= 0
}

// Trim keeps at most limit rows, dropping pages of page rows from the end
// farther from the cursor, and copies what is kept so the dropped rows can
// be freed.
func (w *Window[T]) Trim(cursor, limit, page int) {
	for len(w.Rows) > limit {
		if cursor-w.Start > w.End()-cursor {
			w.Rows = w.Rows[page:]
			w.Start += page
		} else {
			w.Rows = w.Rows[:len(w.Rows)-page]
		}
	}
	w.Rows = append([]T(nil), w.Rows...)
}
