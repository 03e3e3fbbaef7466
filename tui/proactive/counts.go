package proactive

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// countsView shows the year's counts (total, by category, by channel), the
// sentence for section 二 and where table 二（一）'s issued/repealed cells
// come from.
type countsView struct {
	loaded bool
	items  []model.DisclosureItem
	counts model.ItemCounts
	mode   model.TableMode
	note   string
	err    string
	scroll int
}

type (
	countsMsg struct {
		items []model.DisclosureItem
		mode  model.TableMode
		err   error
	}
	insertedMsg struct {
		block   model.Block
		updated bool
		err     error
	}
	art20Msg struct {
		mode model.TableMode
		err  error
	}
)

func (v *countsView) load(s *Screen) tea.Cmd {
	if s.c.Store == nil {
		return nil
	}
	ctx, st, organ, year := s.ctx(), s.c.Store, s.c.Organ.ID, s.c.Year
	var reportID int64
	if s.c.Report() != nil {
		reportID = s.c.Report().ID
	}
	return func() tea.Msg {
		items, err := st.Items(ctx, organ, year)
		if err != nil {
			return countsMsg{err: err}
		}
		var mode model.TableMode
		if reportID != 0 {
			if mode, err = st.Art20Mode(ctx, reportID); err != nil {
				return countsMsg{err: err}
			}
		}
		return countsMsg{items: items, mode: mode}
	}
}

// Sentence is the sentence for section 二 built from the loaded counts.
func (v *countsView) Sentence(year int) string { return model.ItemsSentence(year, v.counts) }

func (v *countsView) update(s *Screen, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case countsMsg:
		if msg.err != nil {
			v.err = fmt.Sprintf(text.ItemsLoadFailed, msg.err.Error())
			return nil
		}
		v.loaded, v.err = true, ""
		v.items, v.mode = msg.items, msg.mode
		v.counts = model.CountItems(s.c.Year, msg.items)
		return nil
	case insertedMsg:
		if msg.err != nil {
			return common.SaveFailed(msg.err)
		}
		if s.c.Report() != nil {
			bs := s.c.Report().SectionBlocks(2)
			found := false
			for i := range bs {
				if bs[i].ID == msg.block.ID {
					bs[i], found = msg.block, true
				}
			}
			if !found {
				bs = append(bs, msg.block)
			}
			s.c.Edit(func(oy *model.OrganYear) { oy.Report.Blocks = desk.ReplaceSection(oy.Report.Blocks, 2, bs) })
		}
		v.note = text.ItemsInserted
		if msg.updated {
			v.note = text.ItemsInsertedUpdated
		}
		return tea.Batch(s.c.Saved(), common.ReloadParts(desk.PartReport))
	case art20Msg:
		if msg.err != nil {
			return common.SaveFailed(msg.err)
		}
		v.mode = msg.mode
		v.note = fmt.Sprintf(text.ItemsArt20Switched, art20ModeLabel(msg.mode))
		return tea.Batch(s.c.Saved(), common.ReloadParts(desk.PartReport))
	case tea.KeyPressMsg:
		b := countsKeys
		switch {
		case key.Matches(msg, b.Back):
			s.mode, s.cnt = modeList, nil
			return nil
		case key.Matches(msg, b.Insert):
			return v.insert(s)
		case key.Matches(msg, b.Art20):
			return v.toggleArt20(s)
		case key.Matches(msg, b.Up):
			v.scroll = max(0, v.scroll-1)
		case key.Matches(msg, b.Down):
			v.scroll++
		}
	}
	return nil
}

// countsKeys are the keys of the counts view.
var countsKeys = struct{ Insert, Art20, Up, Down, Back key.Binding }{
	Insert: keys.Bind(text.ItemsKeyInsert, "i"),
	Art20:  keys.Bind(text.ItemsKeyArt20, "a"),
	Up:     keys.Nav.Up,
	Down:   keys.Nav.Down,
	Back:   keys.Global.Back,
}

func (v *countsView) keyMap() help.KeyMap {
	k := countsKeys
	k.Up.SetEnabled(v.scroll > 0)
	return keys.Map{
		Short: []key.Binding{k.Insert, k.Art20, k.Back},
		Full:  [][]key.Binding{{k.Insert, k.Art20, k.Up, k.Down, k.Back}},
	}
}

func art20ModeLabel(m model.TableMode) string {
	if m == model.FromLog {
		return text.ItemsArt20FromItems
	}
	return text.ItemsArt20Typed
}

// sentenceStarts are how ItemsSentence begins; a paragraph holding one is
// updated in place rather than given a second copy.
var sentenceStarts = []string{"本年度主动公开政府信息", "本年度未主动公开政府信息"}

// placeSentence puts sentence into text: replacing an earlier generated
// sentence, or appended. It reports whether text changed and whether an
// earlier sentence was replaced.
func placeSentence(text, sentence string) (string, bool, bool) {
	if strings.Contains(text, sentence) {
		return text, false, false
	}
	for _, p := range sentenceStarts {
		i := strings.Index(text, p)
		if i < 0 {
			continue
		}
		j := strings.Index(text[i:], "。")
		if j < 0 {
			return text[:i] + sentence, true, true
		}
		return text[:i] + sentence + text[i+j+len("。"):], true, true
	}
	if strings.TrimSpace(text) == "" {
		return sentence, true, false
	}
	return strings.TrimRight(text, "\n ") + sentence, true, false
}

// insert puts the sentence into section 二's first paragraph (a new one
// when the section has none) and saves it.
func (v *countsView) insert(s *Screen) tea.Cmd {
	r := s.c.Report()
	if r == nil || s.c.Store == nil || !v.loaded {
		v.note = text.ItemsInsertNoReport
		return nil
	}
	sentence := v.Sentence(s.c.Year)
	var b model.Block
	bs := r.SectionBlocks(2)
	found := false
	for _, x := range bs {
		if x.Kind == model.BlockParagraph {
			b, found = x, true
			break
		}
	}
	if !found {
		b = model.Block{Section: 2, Pos: len(bs), Kind: model.BlockParagraph}
	}
	para, changed, updated := placeSentence(b.Text, sentence)
	if !changed {
		v.note = text.ItemsInsertedAlready
		return nil
	}
	b.Text, b.Stale = para, false
	ctx, st, id := s.ctx(), s.c.Store, r.ID
	return s.c.Track(func() tea.Msg {
		err := st.SaveBlock(ctx, id, &b)
		return insertedMsg{block: b, updated: updated, err: err}
	})
}

func (v *countsView) toggleArt20(s *Screen) tea.Cmd {
	r := s.c.Report()
	if r == nil || s.c.Store == nil {
		v.note = text.ItemsInsertNoReport
		return nil
	}
	next := model.FromLog
	if v.mode == model.FromLog {
		next = ""
	}
	ctx, st, id := s.ctx(), s.c.Store, r.ID
	return s.c.Track(func() tea.Msg {
		return art20Msg{mode: next, err: setArt20(ctx, st, id, next)}
	})
}

func setArt20(ctx context.Context, st common.Desk, id int64, m model.TableMode) error {
	return st.SetArt20Mode(ctx, id, m)
}

func (v *countsView) view(s *Screen, width, height int) string {
	out, _ := v.draw(s, width, height)
	return out
}

// draw draws the counts from the scroll Update left (clamped to this
// size) and says how far they can scroll. It changes nothing.
func (v *countsView) draw(s *Screen, width, height int) (string, int) {
	st := s.c.Styles
	lines := []string{st.Title.Render(fmt.Sprintf(text.ItemsCountsTitle, s.c.Year))}
	if v.err != "" {
		lines = append(lines, st.Error.Render(v.err))
		return components.Block(strings.Join(lines, "\n"), width, height), 0
	}
	if !v.loaded {
		lines = append(lines, st.Muted.Render(text.ItemsLoading))
		return components.Block(strings.Join(lines, "\n"), width, height), 0
	}
	c := v.counts
	var body []string
	body = append(body, st.Heading.Render(fmt.Sprintf(text.ItemsCountsTotal, c.Total)), "",
		st.Heading.Render(text.ItemsCountsSentence))
	for _, l := range components.Wrap(v.Sentence(s.c.Year), max(4, width-2)) {
		body = append(body, "  "+l)
	}
	body = append(body, "")
	// Categories and channels side by side when the pane is wide enough.
	table := func(ns []model.NamedCount) []string {
		nw := 0
		for _, n := range ns {
			nw = max(nw, components.StringWidth(n.Name))
		}
		var out []string
		for _, n := range ns {
			row := "  " + components.Fit(n.Name, nw) + "  " + components.FitRight(strconv.Itoa(n.N), 5)
			if n.N == 0 {
				row = st.Muted.Render(row)
			}
			out = append(out, row)
		}
		return out
	}
	cats, chans := table(c.Categories), table(c.Channels)
	const colW = 30
	if width >= 2*colW {
		body = append(body, components.Fit(st.Heading.Render(text.ItemsCountsByCat), colW)+st.Heading.Render(text.ItemsCountsByChanShort))
		for i := range max(len(cats), len(chans)) {
			l, r := "", ""
			if i < len(cats) {
				l = cats[i]
			}
			if i < len(chans) {
				r = chans[i]
			}
			body = append(body, components.Fit(l, colW)+r)
		}
		body = append(body, st.Muted.Render(text.ItemsCountsChanNote))
	} else {
		body = append(body, st.Heading.Render(text.ItemsCountsByCat))
		body = append(body, cats...)
		body = append(body, st.Heading.Render(text.ItemsCountsByChan))
		body = append(body, chans...)
	}
	body = append(body, "", st.Heading.Render(fmt.Sprintf(text.ItemsCountsArt20, art20ModeLabel(v.mode))))
	if f := s.c.Format(); f != nil {
		vals := model.Art20FromItems(f, s.c.Year, v.items)
		var parts []string
		for _, a := range model.Art20Cells(f) {
			_, row, col, ok := f.Cell(a)
			if ok {
				parts = append(parts, fmt.Sprintf("%s %s %d", row.Label, col.Label, vals[a]))
			}
		}
		for _, l := range components.Wrap(fmt.Sprintf(text.ItemsCountsArt20Val, strings.Join(parts, "；")), max(4, width-2)) {
			body = append(body, "  "+st.Muted.Render(l))
		}
	}
	lines = append(lines, components.Scrolled(body, v.scroll, height-3)...)
	most := max(0, len(body)-max(1, height-3))
	for len(lines) < height-1 {
		lines = append(lines, "")
	}
	lines = lines[:max(0, height-1)]
	note := v.note
	if note != "" {
		note = st.OK.Render(note)
	}
	lines = append(lines, note)
	return components.Block(strings.Join(lines, "\n"), width, height), most
}
