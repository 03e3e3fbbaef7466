package entrysave

import (
	"sync"
	"testing"
)

func TestOutOfOrderSavesKeepTheNewestAndInsertOnce(t *testing.T) {
	s := New(0)
	inserts := 0
	stored := ""
	write := func(v string) func(int64) (int64, error) {
		return func(id int64) (int64, error) {
			if id == 0 {
				inserts++
				id = 7
			}
			stored = v
			return id, nil
		}
	}
	a, b := s.Next(), s.Next()
	if !s.Pending() {
		t.Fatal("not pending")
	}
	// The newer save runs first; the older one must not overwrite it.
	if skipped, _ := s.Do(b, write("new")); skipped {
		t.Fatal("newest save skipped")
	}
	if skipped, _ := s.Do(a, write("old")); !skipped {
		t.Fatal("outdated save written")
	}
	if stored != "new" || inserts != 1 || s.Pending() {
		t.Fatalf("stored %q, %d inserts, pending %v", stored, inserts, s.Pending())
	}
	c := s.Next()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); s.Do(c, write("third")) }()
	wg.Wait()
	if stored != "third" || inserts != 1 {
		t.Fatalf("stored %q, %d inserts", stored, inserts)
	}
}
