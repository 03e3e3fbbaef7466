// Package profile is the 基本信息 screen (the organ's profile, the preamble
// fields, the report date and how tables 三 and 四 are filled) and the
// organ's fields it shares with the 新建单位 form of the start screen.
package profile

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/narrative"
	"nianbao/tui/text"
)

// Report-level field keys of 基本信息.
const (
	fBasis = "basis"
	fWhere = "where"
	fDate  = "date"
	fMode3 = "mode3"
	fMode4 = "mode4"
)

var modeChoices = []string{text.ModeFromLog, text.ModeTyped}

func modeIndex(m model.TableMode) int {
	if m == model.Typed {
		return 1
	}
	return 0
}

// Profile is the 基本信息 screen: the organ's profile, the preamble fields,
// the report date and how tables 三 and 四 are filled. Each field is saved
// when the cursor leaves it.
type Profile struct {
	c    *common.Common
	form *components.Form
	keys profileKeys
	note string // why a refused value was not saved
}

// New builds the screen for the open organ-year.
func New(c *common.Common) common.Screen {
	r := c.Report()
	fs := OrganFields(c.Organ)
	basis := components.TextField(fBasis, text.FieldBasis, r.Preamble.Basis)
	where := components.TextField(fWhere, text.FieldWhere, r.Preamble.Where)
	date := components.TextField(fDate, text.FieldDate, r.Date.String())
	date.Hint = text.FieldDateHint
	date.Validate = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := model.ParseDate(s)
		return err
	}
	for _, f := range []*components.Field{basis, where, date} {
		clean(f.Input)
	}
	fs = append(fs, basis, where, date,
		components.ChoiceField(fMode3, text.FieldMode3, modeChoices, modeIndex(r.Mode3)),
		components.ChoiceField(fMode4, text.FieldMode4, modeChoices, modeIndex(r.Mode4)),
	)
	fs = append(fs, LetterFields(c.Organ)...)
	p := &Profile{c: c, form: components.NewForm(FormStyles(c), fs...)}
	p.keys = profileKeys{
		Next: keys.Global.Next, Prev: keys.Global.Prev, Choose: keys.Choose, Wipe: keys.Global.Wipe,
		Preamble: keys.Bind(text.ProfileKeyPreamble, "ctrl+e"),
		Save:     keys.Global.Save, Back: keys.Global.Back,
	}
	return p
}

// profileKeys are the 基本信息 form's keys.
type profileKeys struct{ Next, Prev, Choose, Wipe, Preamble, Save, Back key.Binding }

// Init implements common.Screen.
func (p *Profile) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (p *Profile) Title() string { return text.TitleProfile }

// KeyMap implements common.Screen.
func (p *Profile) KeyMap() help.KeyMap {
	k := p.keys
	cur := p.form.Current()
	k.Choose.SetEnabled(cur != nil && cur.Choices != nil)
	k.Wipe.SetEnabled(cur != nil && cur.Input != nil && cur.Input.Value() != "")
	return keys.Map{Short: []key.Binding{k.Next, k.Prev, k.Choose, k.Preamble, k.Save, k.Back, k.Wipe}}
}

// Typing implements common.Typing.
func (p *Profile) Typing() bool { return p.form.Current().Input != nil }

// Dirty implements common.Editing: the focused field holds unsaved text.
func (p *Profile) Dirty() bool {
	cur := p.form.Current()
	return p.form.Invalid() >= 0 || cur != nil && cur.Changed()
}

// Busy implements common.Busy: Esc with a refused value asks first.
func (p *Profile) Busy() bool {
	if p.form.Invalid() >= 0 {
		return true
	}
	cur := p.form.Current()
	return cur != nil && cur.Input != nil && cur.Validate != nil && cur.Changed() && cur.Validate(cur.Value()) != nil
}

// Field returns a field of the form (tests).
func (p *Profile) Field(key string) *components.Field { return p.form.Field(key) }

// apply copies a changed field into the organ or the report and returns the
// save command.
func (p *Profile) apply(f *components.Field) tea.Cmd {
	o := p.c.Organ
	if ApplyOrganField(&o, f) {
		p.c.Organ = o
		p.c.Edit(func(oy *model.OrganYear) { oy.Organ = o })
		return p.c.Save(func(ctx context.Context, st common.Desk) error { return st.SaveOrgan(ctx, &o) })
	}
	if p.c.Snap == nil {
		return nil
	}
	v := strings.TrimSpace(f.Value())
	var cp model.Report
	var seed model.Values // 手工填写 starts from the ledger's figures
	p.c.Edit(func(oy *model.OrganYear) {
		r := oy.Report
		switch f.Key {
		case fBasis:
			r.Preamble.Basis = v
		case fWhere:
			r.Preamble.Where = v
		case fDate:
			r.Date = 0
			if v != "" {
				r.Date, _ = model.ParseDate(v)
			}
		case fMode3:
			r.Mode3 = []model.TableMode{model.FromLog, model.Typed}[f.Choice]
			if r.Mode3 == model.Typed {
				seed = model.TypedStart(oy, model.TableS3)
			}
		case fMode4:
			r.Mode4 = []model.TableMode{model.FromLog, model.Typed}[f.Choice]
			if r.Mode4 == model.Typed {
				seed = model.TypedStart(oy, model.TableS4)
			}
		}
		if len(seed) > 0 && r.Values == nil {
			r.Values = model.Values{}
		}
		for a, x := range seed {
			r.Values[a] = x
		}
		cp = *r
	})
	return p.c.Save(func(ctx context.Context, st common.Desk) error {
		if len(seed) > 0 {
			if err := st.SetValues(ctx, cp.ID, seed); err != nil {
				return err
			}
		}
		return st.SaveReportMeta(ctx, &cp)
	})
}

// Update implements common.Screen.
func (p *Profile) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if sz, ok := msg.(tea.WindowSizeMsg); ok {
		p.form.SetSize(sz.Width, max(1, sz.Height-3)) // under the 3 head lines
		return p, nil
	}
	if _, ok := msg.(common.BlurMsg); ok {
		// Leaving the screen saves the field being typed when it is valid.
		if ev := p.form.Leave(); ev.Changed != nil {
			return p, p.apply(ev.Changed)
		}
		return p, nil
	}
	if m, ok := msg.(dialog.LeaveMsg); ok {
		if m.Owner != p {
			return p, nil
		}
		leave, note := dialog.Settle(p.form, m.Answer)
		p.note = note
		if leave {
			return p, func() tea.Msg { return common.BackMsg{} }
		}
		return p, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		p.note = ""
		switch {
		case key.Matches(k, p.keys.Back):
			// Only reached while Busy: a refused value is in the form.
			var cmd tea.Cmd
			if ev := p.form.Leave(); ev.Changed != nil {
				cmd = p.apply(ev.Changed)
			}
			if p.form.Invalid() >= 0 {
				return p, tea.Batch(cmd, dialog.AskLeave(p.c, p))
			}
			return p, tea.Batch(cmd, func() tea.Msg { return common.BackMsg{} })
		case key.Matches(k, p.keys.Save):
			if ev := p.form.Leave(); ev.Changed != nil {
				return p, p.apply(ev.Changed)
			}
			return p, nil
		case key.Matches(k, p.keys.Preamble):
			var cmd tea.Cmd
			if ev := p.form.Leave(); ev.Changed != nil {
				cmd = p.apply(ev.Changed)
			}
			ed := narrative.NewPreamble(p.c)
			return p, tea.Batch(cmd, func() tea.Msg { return common.PushMsg{Screen: ed} })
		}
	}
	ev := p.form.Update(msg)
	if ev.Changed != nil {
		return p, p.apply(ev.Changed)
	}
	return p, nil
}

// View implements common.Screen.
func (p *Profile) View(width, height int) string {
	st := p.c.Styles
	head := []string{st.Heading.Render(text.TitleProfile) + "  " + st.Muted.Render(p.formatLine())}
	pre := fmt.Sprintf(text.ProfilePreambleAuto, keys.Key(p.keys.Preamble))
	if strings.TrimSpace(p.c.Report().Preamble.Text) != "" {
		pre = fmt.Sprintf(text.ProfilePreambleCustom, keys.Key(p.keys.Preamble))
	}
	if p.note != "" {
		pre = st.Error.Render(p.note)
	} else {
		pre = st.Muted.Render(pre)
	}
	head = append(head, components.Fit(pre, width), "")
	body := p.form.View(width, height-len(head))
	return components.Block(strings.Join(head, "\n")+"\n"+body, width, height)
}

func (p *Profile) formatLine() string {
	f := p.c.Format()
	if f == nil {
		return ""
	}
	return text.FormatLabel + " " + f.Name + "（" + f.Basis + "）"
}

// Cursor implements common.Screen.
func (p *Profile) Cursor() *tea.Cursor {
	x, y := p.form.CursorXY()
	if x < 0 {
		return nil
	}
	return tea.NewCursor(x, y+3)
}
