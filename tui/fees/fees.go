// Package fees is the 信息处理费 screen: a calculator for both methods (按件,
// 按量), the year's fee notices and amounts collected as the request log
// gives them, and the typed figures the report uses when the log has none.
package fees

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// Field keys.
const (
	fCount     = "count"
	fPages     = "pages"
	fNotices   = "notices"
	fCollected = "collected"
)

// Screen is the fee screen.
type Screen struct {
	c        *common.Common
	form     *components.Form
	inflight bool
	again    bool
	msg      string
}

// New builds the fee screen of the open organ-year.
func New(c *common.Common) common.Screen {
	s := &Screen{c: c}
	s.build()
	return s
}

func (s *Screen) build() {
	var fees model.FeeSummary
	if s.c.Report() != nil {
		fees = s.c.Report().Fees
	}
	textField := func(key, label, value, hint string, validate func(string) error) *components.Field {
		f := components.TextField(key, label, value)
		f.Input.Clean = model.CleanLine
		f.Hint = hint
		f.Validate = validate
		return f
	}
	count := func(s string) error { _, err := model.ParseCount(s); return err }
	money := func(s string) error { _, err := model.ParseMoney(s, "元"); return err }
	s.form = components.NewForm(components.FormStyles{Label: s.c.Styles.Label, Focus: s.c.Styles.Focused, Error: s.c.Styles.Error, Muted: s.c.Styles.Muted},
		textField(fCount, text.FeeFieldCount, "", text.FeeHintCount, count),
		textField(fPages, text.FeeFieldPages, "", text.FeeHintPages, count),
		textField(fNotices, text.FeeFieldNotices, components.CountText(fees.Notices), text.FeeHintTyped, count),
		textField(fCollected, text.FeeFieldCollected, components.MoneyText(fees.Collected), text.FeeHintTyped, money),
	)
}

// Title implements common.Screen.
func (s *Screen) Title() string { return text.TitleFees }

// Init implements common.Screen.
func (s *Screen) Init() tea.Cmd { return nil }

// Typing implements common.Typing.
func (s *Screen) Typing() bool { return true }

// Busy implements common.Busy: Esc first saves a typed figure.
func (s *Screen) Busy() bool { return s.Dirty() }

// Dirty implements common.Editing: typed figures not yet saved.
func (s *Screen) Dirty() bool {
	if s.inflight || s.form.Invalid() >= 0 {
		return true
	}
	cur := s.form.Current()
	switch cur.Key {
	case fNotices, fCollected:
		return strings.TrimSpace(cur.Value()) != s.committed(cur.Key)
	}
	return false
}

func (s *Screen) committed(key string) string {
	if s.c.Report() == nil {
		return ""
	}
	if key == fNotices {
		return components.CountText(s.c.Report().Fees.Notices)
	}
	return components.MoneyText(s.c.Report().Fees.Collected)
}

// KeyMap implements common.Screen.
func (s *Screen) KeyMap() help.KeyMap {
	return keys.Map{Short: []key.Binding{keys.Global.Next, keys.Global.Prev, keys.Global.Save, keys.Global.Back, s.wipe()}}
}

// Cursor implements common.Screen.
func (s *Screen) Cursor() *tea.Cursor {
	x, y := s.form.CursorXY()
	if x < 0 {
		return nil
	}
	return tea.NewCursor(x, y+formTop)
}

// formTop is the line the form starts on, formH its height.
const formTop, formH = 2, 6

type savedMsg struct {
	s    *Screen
	fees model.FeeSummary
	err  error
}

// Typed returns the typed figures in the form (valid ones only).
func (s *Screen) Typed() model.FeeSummary {
	var f model.FeeSummary
	if n, err := model.ParseCount(s.form.Field(fNotices).Value()); err == nil {
		f.Notices = int(n)
	}
	if fen, err := model.ParseMoney(s.form.Field(fCollected).Value(), "元"); err == nil {
		f.Collected = fen
	}
	return f
}

func (s *Screen) save() tea.Cmd {
	if s.c.Report() == nil || s.c.Store == nil {
		return nil
	}
	if s.inflight {
		s.again = true
		return nil
	}
	s.inflight = true
	r := *s.c.Report()
	r.Fees = s.Typed()
	ctx, st := s.c.Ctx, s.c.Store
	if ctx == nil {
		ctx = context.Background()
	}
	return s.c.Track(func() tea.Msg {
		err := st.SaveReportMeta(ctx, &r)
		return savedMsg{s: s, fees: r.Fees, err: err}
	})
}

// Update implements common.Screen.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.form.SetSize(msg.Width, formH)
		return s, nil
	case savedMsg:
		if msg.s != s {
			return s, nil
		}
		s.inflight = false
		if msg.err != nil {
			s.msg = common.SaveFailedText(msg.err)
			return s, common.SaveFailed(msg.err)
		}
		fees := msg.fees
		s.c.Edit(func(oy *model.OrganYear) { oy.Report.Fees = fees })
		for _, k := range []string{fNotices, fCollected} {
			s.form.Field(k).Input.SetValue(s.committed(k))
		}
		now := s.c.Now
		cmds := []tea.Cmd{func() tea.Msg {
			if now == nil {
				return common.SavedMsg{}
			}
			return common.SavedMsg{At: now()}
		}, common.ReloadParts(desk.PartReport)}
		if s.again {
			s.again = false
			cmds = append(cmds, s.save())
		}
		return s, tea.Batch(cmds...)
	case dialog.LeaveMsg:
		if msg.Owner != s {
			return s, nil
		}
		leave, note := dialog.Settle(s.form, msg.Answer)
		s.msg = note
		if leave {
			return s, func() tea.Msg { return common.BackMsg{} }
		}
		return s, nil
	case tea.KeyPressMsg:
		s.msg = ""
		if key.Matches(msg, keys.Global.Save) {
			if ev := s.form.Leave(); ev.Refused {
				return s, nil
			}
			return s, s.save()
		}
		if key.Matches(msg, keys.Global.Back) {
			// Leaving the screen: keep what is valid, ask about what is not.
			var cmd tea.Cmd
			if ev := s.form.Leave(); ev.Changed != nil && (ev.Changed.Key == fNotices || ev.Changed.Key == fCollected) {
				cmd = s.save()
			}
			if s.form.Invalid() >= 0 {
				return s, tea.Batch(cmd, dialog.AskLeave(s.c, s))
			}
			return s, tea.Batch(cmd, func() tea.Msg { return common.BackMsg{} })
		}
		ev := s.form.Update(msg)
		if ev.Changed != nil && (ev.Changed.Key == fNotices || ev.Changed.Key == fCollected) {
			return s, s.save()
		}
	case tea.PasteMsg:
		s.form.Update(msg)
	case common.OrganYearMsg:
		if !s.Dirty() && s.c.Report() != nil {
			for _, k := range []string{fNotices, fCollected} {
				if s.form.Current().Key != k {
					s.form.Field(k).Input.SetValue(s.committed(k))
				}
			}
		}
	}
	return s, nil
}

// Calc describes the calculator's results for the typed count and pages.
func Calc(countText, pagesText string) (perRequest, perPage string) {
	if n, err := model.ParseCount(countText); err == nil && n > 0 {
		perRequest = fmt.Sprintf(text.FeeCalcCount, n, yuan(model.PerRequestFee(int(n))), n, yuan(model.PerRequestTotal(int(n))))
	}
	if n, err := model.ParseCount(pagesText); err == nil && n > 0 {
		perPage = fmt.Sprintf(text.FeeCalcPages, n, yuan(model.PerPageFee(int(n))))
	}
	return
}

func yuan(fen int64) string { return model.FormatMoney(fen, "元") }

// View implements common.Screen.
func (s *Screen) View(width, height int) string {
	st := s.c.Styles
	lines := []string{st.Heading.Render(text.FeeTitle)}
	if s.msg != "" {
		lines = append(lines, st.Error.Render(s.msg))
	} else {
		lines = append(lines, st.Muted.Render(components.KeyHints(s.KeyMap().ShortHelp(), key.Binding{}, width-components.StringWidth(text.FeeNote)-3)+" · "+text.FeeNote))
	}
	lines = append(lines, strings.Split(s.form.View(width, formH), "\n")...)
	rule := func(title string) string {
		t := "── " + title + " "
		return st.Muted.Render(components.Fit(t+strings.Repeat("─", max(0, width-ansi.StringWidth(t))), width))
	}
	lines = append(lines, rule(text.FeeCalcTitle))
	pr, pp := Calc(s.form.Field(fCount).Value(), s.form.Field(fPages).Value())
	if pr == "" && pp == "" {
		lines = append(lines, st.Muted.Render(text.FeeCalcEmpty))
	}
	for _, l := range []string{pr, pp} {
		if l != "" {
			lines = append(lines, st.Computed.Render(l))
		}
	}
	for _, l := range components.Wrap(text.FeeRules, width) {
		lines = append(lines, st.Muted.Render(l))
	}
	lines = append(lines, rule(fmt.Sprintf(text.FeeYearTitle, s.c.Year)))
	if s.c.Snap != nil {
		lf := s.c.Snap.LogFees()
		fs, perReq, perPage := lf.Sum, lf.PerRequest, lf.PerPage
		lines = append(lines, st.Computed.Render(fmt.Sprintf(text.FeeFromLog, fs.Notices, yuan(fs.Collected), perReq, perPage)))
		if fs.Notices == 0 && fs.Collected == 0 {
			typed := s.Typed()
			lines = append(lines, fmt.Sprintf(text.FeeUsesTyped, typed.Notices, yuan(typed.Collected)))
		} else {
			lines = append(lines, st.Muted.Render(text.FeeUsesLog))
		}
		if f := s.c.Format(); f != nil && f.ID == "2019" {
			lines = append(lines, st.Muted.Render(text.FeeFormat2019))
		}
	}
	return components.Block(strings.Join(lines, "\n"), width, height)
}

// wipe is Ctrl+U, offered while the field under the cursor holds text.
func (s *Screen) wipe() key.Binding {
	k := keys.Global.Wipe
	cur := s.form.Current()
	k.SetEnabled(cur != nil && cur.Input != nil && cur.Input.Value() != "")
	return k
}
