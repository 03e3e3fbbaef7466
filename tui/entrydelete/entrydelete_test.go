package entrydelete

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// screen is the smallest list that uses a Bin: d asks about its measure, u
// undoes, and it notes what the Bin reports.
type screen struct {
	common.Screen
	b    *Bin[model.Measure]
	x    model.Measure
	ev   Event
	seen int
}

func (s *screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if ok, ev, cmd := s.b.Update(msg); ok {
		s.ev, s.seen = ev, s.seen+1
		return s, cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "d":
			return s, s.b.Ask(s.x)
		case "u":
			cmd, note := s.b.Undo()
			s.ev.Note = note
			return s, cmd
		}
	}
	return s, nil
}

func TestDeleteAsksThenUndoBringsTheEntryBack(t *testing.T) {
	e := testenv.New(t, 2021)
	c := e.C
	m := model.Measure{OrganID: c.Organ.ID, Year: 2021, Problem: "更新不及时", Measure: "建立检查制度", Status: model.MeasureDone}
	if err := e.Store.SaveMeasure(c.Ctx, &m); err != nil {
		t.Fatal(err)
	}
	var changed []int64
	b := New(c, Spec[model.Measure]{
		Changed: func(id int64) tea.Cmd { changed = append(changed, id); return nil },
		ID:      func(x *model.Measure) int64 { return x.ID },
		Name:    func(x *model.Measure) string { return x.Problem },
		Deleted: func(x *model.Measure) string { return "已删除" + x.Problem + "。" },
		Delete: func(ctx context.Context, st common.Desk, id int64) (model.Measure, error) {
			return st.DeleteMeasure(ctx, id)
		},
		Restore: func(ctx context.Context, st common.Desk, x model.Measure) (model.Measure, error) {
			x.ID = 0
			err := st.SaveMeasure(ctx, &x)
			return x, err
		},
	})
	var s common.Screen = &screen{b: b, x: m}
	measures := func() int { testenv.Reload(t, c); return len(c.OrganYear().Measures) }

	s, _ = testenv.Press(t, c, s, "u")
	if got := s.(*screen).ev.Note; got != text.UndoNothing {
		t.Fatalf("undo with nothing deleted says %q", got)
	}
	s, _ = testenv.Press(t, c, s, "d")
	if q := testenv.DialogView(c); !strings.Contains(q, "更新不及时") {
		t.Fatalf("the question does not name the entry: %q", q)
	}
	if measures() != 1 {
		t.Fatal("deleted before the answer")
	}
	s, out := testenv.Press(t, c, s, "y")
	if n := measures(); n != 0 || s.(*screen).ev != (Event{Deleted: true, Note: "已删除更新不及时。按 ctrl+z/u 撤销。"}) {
		t.Fatalf("after yes: %d measures, event %+v", n, s.(*screen).ev)
	}
	if !hasSaved(out) || len(changed) != 1 || changed[0] != 0 {
		t.Fatalf("the delete did not report a save (%v) or tell the list (%v)", out, changed)
	}
	s, _ = testenv.Press(t, c, s, "u")
	ev := s.(*screen).ev
	if n := measures(); n != 1 || ev.Restored == 0 || ev.Restored != c.OrganYear().Measures[0].ID || ev.Note != text.UndoDone {
		t.Fatalf("after undo: %d measures, event %+v", n, ev)
	}
	if len(changed) != 2 || changed[1] != ev.Restored {
		t.Fatalf("the list was told %v, want [0 %d]", changed, ev.Restored)
	}
	s, _ = testenv.Press(t, c, s, "u")
	if got := s.(*screen).ev.Note; got != text.UndoNothing {
		t.Fatalf("a second undo says %q", got)
	}
	// Another list's replies are not this one's.
	other := New(c, b.spec)
	if ok, _, _ := b.Update(yesMsg[model.Measure]{other}); ok {
		t.Fatal("a bin took another bin's answer")
	}
}

func hasSaved(msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(common.SavedMsg); ok {
			return true
		}
	}
	return false
}
