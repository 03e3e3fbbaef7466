package requests

import (
	"context"
	"errors"
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
	"nianbao/tui/dialog"
	"nianbao/tui/entrysave"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// kind is what a form field holds.
type kind int

const (
	kText kind = iota
	kDate
	kCount
	kMoney
)

// Field keys.
const (
	fReceived   = "received"
	fChannel    = "channel"
	fApplicant  = "applicant"
	fName       = "name"
	fPhone      = "phone"
	fIDNumber   = "id_number"
	fAddress    = "address"
	fSummary    = "summary"
	fCorrNotice = "correction_notice"
	fCorrected  = "corrected"
	fExtBy      = "ext_by"
	fExtNotice  = "ext_notice"
	fExtDays    = "ext_days"
	fExcluded   = "excluded"
	fAnswered   = "answered"
	fOutcome    = "outcome"
	fFeeMethod  = "fee_method"
	fPages      = "pages"
	fNth        = "nth"
	fFee        = "fee"
	fFeeNotice  = "fee_notice"
	fFeePaid    = "fee_paid"
	fNotes      = "notes"
	fDelayNote  = "delay_notice"
	fDelayedTo  = "delayed_to"
)

// Form adds or edits one request, on the one form engine
// (components.Form): every field is saved when the cursor leaves it if it
// is valid; a refused value stays in its field marked ✗ while the cursor
// moves on; a new entry is saved once its received date and applicant type
// are valid.
type Form struct {
	c      *common.Common
	q      model.Request
	isNew  bool
	form   *components.Form
	kinds  map[string]kind
	msg    string
	msgErr bool

	saver *entrysave.Saver
	// stored is the entry as the form's saves last wrote it (or as it was
	// opened); only the saves' write functions use it, one at a time.
	stored *storedEntry
}

// NewForm opens the form on q (with its personal data), or on a new entry
// when q is nil.
func NewForm(c *common.Common, q *model.Request) *Form {
	f := &Form{c: c, kinds: map[string]kind{}}
	if q == nil {
		f.isNew = true
		f.q = model.Request{OrganID: c.Organ.ID, Year: c.Year, Channel: model.ChannelInPerson}
	} else {
		f.q = *q
	}
	f.saver = entrysave.New(f.q.ID)
	f.stored = &storedEntry{}
	if f.q.ID != 0 {
		f.stored.q, f.stored.ok = f.q, true
	}
	st := c.Styles
	f.form = components.NewForm(components.FormStyles{Label: st.Label, Focus: st.Focused, Error: st.Error,
		Muted: st.Muted, Warning: st.Warning}, f.build()...)
	f.form.Stops = true
	return f
}

// Request is the entry as last saved (tests).
func (f *Form) Request() model.Request { return f.q }

func dateText(d model.Date) string { return d.String() }

// text builds a text field of kind k.
func (f *Form) text(key, label, group, value string, k kind) *components.Field {
	fl := components.TextField(key, label, value)
	fl.Input.Clean = model.CleanLine
	fl.Group = group
	fl.Validate = func(s string) error { return f.validate(key, k, s) }
	fl.Normal = func(s string) string { return normal(key, k, s) }
	f.kinds[key] = k
	return fl
}

// choice builds a choice field: labels shown, ids stored.
func choice(key, label, group string, labels, ids []string, current string) *components.Field {
	fl := components.ChoiceField(key, label, labels, 0)
	fl.IDs, fl.Group, fl.Compact = ids, group, true
	fl.Pick(current)
	return fl
}

// hinted sets a field's hint.
func hinted(fl *components.Field, hint string) *components.Field {
	fl.Hint = hint
	return fl
}

// personal marks a field as the applicant's personal data: its group's
// heading and the field while it has the cursor say it is not public.
func personal(fl *components.Field) *components.Field {
	fl.Group, fl.Tag = text.ReqPersonalTag, text.ReqPersonalTag
	return fl
}

func (f *Form) build() []*components.Field {
	q := &f.q
	var chL, chI []string
	for _, c := range model.Channels {
		chL, chI = append(chL, c.Label()), append(chI, string(c))
	}
	apL, apI := []string{text.ReqChoose}, []string{""}
	for _, a := range model.ApplicantTypes {
		apL, apI = append(apL, a.Label()), append(apI, string(a))
	}
	return []*components.Field{
		hinted(f.text(fReceived, text.ReqFieldReceived, text.ReqGroupReceipt, dateText(q.Received), kDate), text.ReqHintDate),
		hinted(choice(fChannel, text.ReqFieldChannel, text.ReqGroupReceipt, chL, chI, string(q.Channel)), text.ReqHintChannel),
		choice(fApplicant, text.ReqFieldApplicant, text.ReqGroupReceipt, apL, apI, string(q.Applicant)),
		personal(f.text(fName, text.ReqFieldName, "", q.Personal.Name, kText)),
		personal(f.text(fPhone, text.ReqFieldPhone, "", q.Personal.Phone, kText)),
		personal(f.text(fIDNumber, text.ReqFieldIDNumber, "", q.Personal.IDNumber, kText)),
		personal(f.text(fAddress, text.ReqFieldAddress, "", q.Personal.Address, kText)),
		f.text(fSummary, text.ReqFieldSummary, text.ReqGroupContent, q.Summary, kText),
		hinted(f.text(fCorrNotice, text.ReqFieldCorrNotice, text.ReqGroupCorrection, dateText(q.CorrectionNotice), kDate), text.ReqHintCorrNotice),
		hinted(f.text(fCorrected, text.ReqFieldCorrected, text.ReqGroupCorrection, dateText(q.Corrected), kDate), text.ReqHintCorrected),
		f.text(fExtBy, text.ReqFieldExtBy, text.ReqGroupExtension, q.ExtApprovedBy, kText),
		f.text(fExtNotice, text.ReqFieldExtNotice, text.ReqGroupExtension, dateText(q.ExtNotice), kDate),
		hinted(f.text(fExtDays, text.ReqFieldExtDays, text.ReqGroupExtension, components.CountText(q.ExtDays), kCount), text.ReqHintExtDays),
		hinted(f.text(fExcluded, text.ReqFieldExcluded, text.ReqGroupExtension, components.CountText(q.ExcludedDays), kCount), text.ReqHintExcluded),
		f.text(fAnswered, text.ReqFieldAnswered, text.ReqGroupAnswer, dateText(q.Answered), kDate),
		f.outcomeField(q.Answered, q.Outcome),
		hinted(f.text(fDelayNote, text.ReqFieldDelayNotice, text.ReqGroupAnswer, dateText(q.DelayNotice), kDate), text.ReqHintDelay),
		f.text(fDelayedTo, text.ReqFieldDelayedTo, text.ReqGroupAnswer, dateText(q.DelayedTo), kDate),
		choice(fFeeMethod, text.ReqFieldFeeMethod, text.ReqGroupFee,
			[]string{model.FeeNone.Label(), model.FeePerRequest.Label(), model.FeePerPage.Label()},
			[]string{string(model.FeeNone), string(model.FeePerRequest), string(model.FeePerPage)}, string(q.FeeMethod)),
		hinted(f.text(fPages, text.ReqFieldPages, text.ReqGroupFee, components.CountText(q.Pages), kCount), text.ReqHintPages),
		hinted(f.text(fNth, text.ReqFieldNth, text.ReqGroupFee, "", kCount), text.ReqHintNth),
		hinted(f.text(fFee, text.ReqFieldFee, text.ReqGroupFee, components.MoneyText(q.Fee), kMoney), text.ReqHintFee),
		f.text(fFeeNotice, text.ReqFieldFeeNotice, text.ReqGroupFee, dateText(q.FeeNotice), kDate),
		f.text(fFeePaid, text.ReqFieldFeePaid, text.ReqGroupFee, dateText(q.FeePaid), kDate),
		f.text(fNotes, text.ReqFieldNotes, text.ReqGroupFee, q.Notes, kText),
	}
}

// outcomeFormat is the format whose outcome rows a request answered on
// answered may use: the answer year's, or the report's while unanswered.
func (f *Form) outcomeFormat(answered model.Date) *model.Format {
	if !answered.IsZero() {
		if fm := model.FormatForYear(answered.Year()); fm != nil {
			return fm
		}
	}
	if fm := f.c.Format(); fm != nil {
		return fm
	}
	return model.FormatForYear(f.c.Year)
}

// outcomeField offers the outcome rows of the answer year's format.
func (f *Form) outcomeField(answered model.Date, current string) *components.Field {
	labels, ids := f.outcomeChoices(answered)
	return hinted(choice(fOutcome, text.ReqFieldOutcome, text.ReqGroupAnswer, labels, ids, current), text.ReqHintOutcome)
}

// outcomeChoices are the outcome rows of the answer year's format, after
// 未答复.
func (f *Form) outcomeChoices(answered model.Date) (labels, ids []string) {
	fm := f.outcomeFormat(answered)
	labels, ids = []string{text.ReqNoOutcome}, []string{""}
	if fm != nil {
		for _, g := range fm.OutcomeGroups() {
			for _, r := range g.Rows {
				labels, ids = append(labels, fm.OutcomeLabel(r)), append(ids, r)
			}
		}
	}
	return labels, ids
}

func (f *Form) field(key string) *components.Field { return f.form.Field(key) }

// validate checks the text of the field key (of kind k); the error is a
// Chinese sentence, or a components.Warning for a value kept with a note.
func (f *Form) validate(key string, k kind, s string) error {
	switch k {
	case kDate:
		d, err := model.ParseDate(s)
		if err != nil {
			return err
		}
		return f.checkDate(key, d)
	case kCount:
		n, err := model.ParseCount(s)
		if err != nil {
			return err
		}
		if key == fExtDays && n > model.MaxExtWorkdays {
			return fmt.Errorf(text.ReqErrExtDays, n)
		}
		return nil
	case kMoney:
		_, err := model.ParseMoney(s, "元")
		return err
	}
	switch key {
	case fPhone:
		return model.ValidatePhones(s)
	case fIDNumber:
		err := model.ValidateApplicantIdentity(s, model.ApplicantType(f.field(fApplicant).ID()))
		var w *model.IDWarning
		if errors.As(err, &w) {
			// Wrong on the paper form: kept as written, with the warning shown.
			return components.Warn(w.Msg)
		}
		return err
	}
	return nil
}

// normal is the stored form of an accepted text of the field key.
func normal(key string, k kind, s string) string {
	s = strings.TrimSpace(model.CleanLine(s))
	switch {
	case key == fIDNumber:
		return model.NormalizeIDNumber(s)
	case k == kDate:
		d, _ := model.ParseDate(s)
		return d.String()
	case k == kCount:
		n, _ := model.ParseCount(s)
		return components.CountText(int(n))
	case k == kMoney:
		fen, _ := model.ParseMoney(s, "元")
		return components.MoneyText(fen)
	}
	return s
}

// checkDate checks a date against the others already accepted.
func (f *Form) checkDate(key string, d model.Date) error {
	if d.IsZero() {
		if key == fReceived && !f.isNew {
			return errors.New(text.ReqErrReceivedEmpty)
		}
		return nil
	}
	received, _ := model.ParseDate(f.field(fReceived).Valid())
	if key == fReceived {
		if d.Year() > f.c.Year {
			return fmt.Errorf(text.ReqErrReceivedYear, d.Chinese(), f.c.Year)
		}
		if !f.c.Today.IsZero() && d > f.c.Today {
			return fmt.Errorf(text.ReqErrFuture, d.Chinese())
		}
		return nil
	}
	if !received.IsZero() && d < received {
		return fmt.Errorf(text.ReqErrBeforeReceived, d.Chinese(), received.Chinese())
	}
	if !f.c.Today.IsZero() && d > f.c.Today {
		return fmt.Errorf(text.ReqErrFutureDate, f.field(key).Label, d.Chinese())
	}
	return nil
}

// commit stores a field's accepted value (already in its normal form)
// into the entry.
func (f *Form) commit(fl *components.Field) {
	s := fl.ID()
	q := &f.q
	date := func() model.Date { d, _ := model.ParseDate(s); return d }
	count := func() int { n, _ := model.ParseCount(s); return int(n) }
	switch fl.Key {
	case fReceived:
		q.Received = date()
		if q.ID == 0 && !q.Received.IsZero() {
			q.Year = q.Received.Year()
		}
	case fChannel:
		q.Channel = model.Channel(s)
	case fApplicant:
		q.Applicant = model.ApplicantType(s)
	case fName:
		q.Personal.Name = s
	case fPhone:
		q.Personal.Phone = s
	case fIDNumber:
		q.Personal.IDNumber = s
	case fAddress:
		q.Personal.Address = s
	case fSummary:
		q.Summary = s
	case fCorrNotice:
		q.CorrectionNotice = date()
	case fCorrected:
		q.Corrected = date()
	case fExtBy:
		q.ExtApprovedBy = s
	case fExtNotice:
		q.ExtNotice = date()
	case fExtDays:
		q.ExtDays = count()
	case fDelayNote:
		q.DelayNotice = date()
	case fDelayedTo:
		q.DelayedTo = date()
	case fExcluded:
		q.ExcludedDays = count()
	case fAnswered:
		q.Answered = date()
		f.refreshOutcomes()
	case fOutcome:
		q.Outcome = s
	case fFeeMethod:
		q.FeeMethod = model.FeeMethod(s)
	case fNth:
		return // only for the fee suggestion, not stored
	case fPages:
		q.Pages = count()
	case fFee:
		fen, _ := model.ParseMoney(s, "元")
		q.Fee = fen
	case fFeeNotice:
		q.FeeNotice = date()
	case fFeePaid:
		q.FeePaid = date()
	case fNotes:
		q.Notes = s
	}
}

// refreshOutcomes offers the outcome choices of the answer year's format,
// keeping the outcome when that format has it.
func (f *Form) refreshOutcomes() {
	fl := f.field(fOutcome)
	fl.Choices, fl.IDs = f.outcomeChoices(f.q.Answered)
	if !fl.Pick(f.q.Outcome) {
		f.msg, f.msgErr = fmt.Sprintf(text.ReqOutcomeReset, f.outcomeFormat(f.q.Answered).Name), true
		f.q.Outcome = ""
		fl.Pick("")
	}
}

// saveable reports whether the entry may be saved: a valid received date
// and applicant type.
func (f *Form) saveable() bool {
	return f.q.Received.Valid() && f.q.Applicant.Valid()
}

// unsavedNew reports whether the form holds a new entry with text in it
// that cannot be saved yet (no received date or applicant type).
func (f *Form) unsavedNew() bool {
	return f.isNew && f.q.ID == 0 && f.hasContent() && !f.saveable()
}

// prefillFee puts the suggested fee into the empty fee field before it is
// left.
func (f *Form) prefillFee() {
	fl := f.form.Current()
	if fl.Key != fFee || strings.TrimSpace(fl.Input.Value()) != "" {
		return
	}
	if fen, ok := f.suggestedFee(); ok && fen > 0 {
		fl.Input.SetValue(model.FormatMoney(fen, "元"))
	}
}

// apply commits the field an event changed and saves the entry.
func (f *Form) apply(ev components.FormEvent) tea.Cmd {
	if ev.Changed == nil {
		return nil
	}
	f.commit(ev.Changed)
	if ev.Changed.Key == fFeeMethod {
		return tea.Batch(f.save(), f.countNth())
	}
	return f.save()
}

// suggestedFee is the fee the chosen method computes.
func (f *Form) suggestedFee() (int64, bool) {
	switch model.FeeMethod(f.field(fFeeMethod).ID()) {
	case model.FeePerPage:
		n, err := model.ParseCount(f.field(fPages).Input.Value())
		if err != nil {
			return 0, false
		}
		return model.PerPageFee(int(n)), true
	case model.FeePerRequest:
		n, err := model.ParseCount(f.field(fNth).Input.Value())
		if err != nil || n == 0 {
			return 0, false
		}
		return model.PerRequestFee(int(n)), true
	}
	return 0, false
}

// Messages of the form's saves.
type reqSavedMsg struct {
	form    *Form
	id      int64
	serial  int
	year    int
	skipped bool
	err     error
}

// save writes the entry when it may be saved. Saves run in order of
// their start (entrysave), so the newest field values win and a new entry
// is inserted once.
func (f *Form) save() tea.Cmd {
	if !f.saveable() {
		if f.isNew {
			f.msg, f.msgErr = text.ReqNeedReceivedApplicant, false
		}
		return nil
	}
	q := f.q
	seq := f.saver.Next()
	saver, stored := f.saver, f.stored
	ctx, st := f.c.Context(), f.c.Store
	return f.c.Track(func() tea.Msg {
		var serial, year int
		skipped, err := saver.Do(seq, func(id int64) (int64, error) {
			if q.ID == 0 && id != 0 {
				// An earlier save of this form inserted the entry.
				if stored.ok && stored.q.ID == id {
					q.ID, q.Serial, q.Year = id, stored.q.Serial, stored.q.Year
				} else {
					s, err := st.Request(ctx, id, false)
					if err != nil {
						return id, err
					}
					q.ID, q.Serial, q.Year = id, s.Serial, s.Year
				}
			}
			if err := stored.write(ctx, st, &q); err != nil {
				return id, err
			}
			serial, year = q.Serial, q.Year
			return q.ID, nil
		})
		return reqSavedMsg{form: f, id: q.ID, serial: serial, year: year, skipped: skipped, err: err}
	})
}

// storedEntry is what the store holds of the form's entry after the
// form's last write. A save runs only when no newer one has been written
// (entrysave), so the fields that differ between it and the save's snapshot
// are every field committed since, including those of skipped saves.
type storedEntry struct {
	q  model.Request
	ok bool
}

// write saves q: one field changed since the last write is one statement
// (db.SaveRequestField, which renumbers an entry whose date moves it to
// another year); a new entry or several changed fields go in whole.
func (s *storedEntry) write(ctx context.Context, st common.Desk, q *model.Request) error {
	whole := true
	if q.ID != 0 && s.ok && s.q.ID == q.ID {
		// The form never chooses a number: the stored one holds (the
		// snapshot may predate a move to another year).
		q.Year, q.Serial = s.q.Year, s.q.Serial
		switch fs := desk.ChangedRequestFields(&s.q, q); len(fs) {
		case 0:
			whole = false
		case 1:
			if err := st.SaveRequestField(ctx, q, fs[0]); err != nil {
				return err
			}
			whole = false
		}
	}
	if whole {
		if err := st.SaveRequest(ctx, q); err != nil {
			return err
		}
		if q.Personal.IsZero() {
			// SaveRequest keeps stored personal data when none is given;
			// the clerk cleared every personal field.
			if err := st.SavePersonal(ctx, q.ID, model.Personal{}); err != nil {
				return err
			}
		}
	}
	s.q, s.ok = *q, true
	return nil
}

// Title implements common.Screen.
func (f *Form) Title() string {
	if f.q.ID == 0 {
		return text.ReqNewTitle
	}
	return fmt.Sprintf(text.ReqEditTitle, f.q.Serial)
}

// Init implements common.Screen.
func (f *Form) Init() tea.Cmd { return f.countNth() }

// nthMsg carries the entry's place among its applicant's requests that
// month, for the 按件 fee.
type nthMsg struct {
	form *Form
	nth  int
}

// countNth finds, off the Update loop, which request of this applicant in
// its month this one is (model.NthInMonth over the log with personal data),
// when the fee is 按件 and the helper field is empty.
func (f *Form) countNth() tea.Cmd {
	q := f.q
	if q.FeeMethod != model.FeePerRequest || q.Received.IsZero() || f.c.Store == nil ||
		strings.TrimSpace(f.field(fNth).Input.Value()) != "" {
		return nil
	}
	ctx, st := f.c.Ctx, f.c.Store
	if ctx == nil {
		ctx = context.Background()
	}
	return func() tea.Msg {
		reqs, err := st.RequestsForYear(ctx, q.OrganID, q.Received.Year(), true)
		if err != nil {
			return nil
		}
		return nthMsg{form: f, nth: model.NthInMonth(reqs, &q)}
	}
}

// Typing implements common.Typing.
func (f *Form) Typing() bool { return f.form.Current().Input != nil }

// Dirty implements common.Editing: text typed but not accepted yet (or
// refused), a new entry not yet saved, or a save still running.
func (f *Form) Dirty() bool {
	return f.saver.Pending() || f.form.Drafts() || f.unsavedNew()
}

func (f *Form) hasContent() bool {
	for _, fl := range f.form.Fields {
		if fl.Input != nil && strings.TrimSpace(fl.Input.Value()) != "" {
			return true
		}
	}
	return false
}

// KeyMap implements common.Screen: the next field, leaving and saving
// first (an 80-column help bar keeps them), then the form's other keys for
// the focused field.
func (f *Form) KeyMap() help.KeyMap {
	fk := f.form.Bindings()
	return keys.Map{Short: append([]key.Binding{fk[0], keys.Global.Back, keys.Global.Save}, fk[1:]...)}
}

// Update implements common.Screen.
func (f *Form) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.form.SetSize(msg.Width, max(1, msg.Height-headerLines))
		return f, nil
	case reqSavedMsg:
		if msg.form != f {
			return f, nil
		}
		if msg.err != nil {
			f.msg, f.msgErr = common.SaveFailedText(msg.err), true
			return f, common.SaveFailed(msg.err)
		}
		if msg.skipped {
			return f, nil
		}
		if f.q.ID == 0 && msg.id != 0 {
			f.q.ID, f.q.Serial, f.q.Year = msg.id, msg.serial, msg.year
			f.msg, f.msgErr = fmt.Sprintf(text.ReqSavedNew, msg.serial), false
		} else if msg.id == f.q.ID && msg.serial != 0 {
			// A received date in another year renumbered the entry.
			f.q.Serial, f.q.Year = msg.serial, msg.year
		}
		return f, tea.Batch(f.c.Saved(), common.ReloadRequests(f.q.ID))
	case doneMsg:
		if msg.form == f {
			return f, f.closeCmd()
		}
		return f, nil
	case nthMsg:
		if msg.form == f && msg.nth > 0 {
			if fl := f.field(fNth); strings.TrimSpace(fl.Input.Value()) == "" {
				fl.Reset(strconv.Itoa(msg.nth))
			}
		}
		return f, nil
	case tea.PasteMsg:
		f.form.Update(msg)
		return f, nil
	case tea.KeyPressMsg:
		return f, f.key(msg)
	case common.BlurMsg:
		// The program ends under the form (the terminal closed): the field
		// being typed is kept when valid, as moving on from it would.
		f.prefillFee()
		return f, f.apply(f.form.Leave())
	case dialog.LeaveMsg:
		if msg.Owner != f {
			return f, nil
		}
		return f, f.settle(msg.Answer)
	}
	return f, nil
}

// settle carries out the answer to 保存/放弃/继续修改: 保存 leaves once every
// field is stored (a refused value or a new entry without its received
// date and applicant type cannot be, and says so); 放弃 puts back the last
// valid values and leaves; 继续修改 goes back to the field to fix.
func (f *Form) settle(a dialog.LeaveAnswer) tea.Cmd {
	leave, note := dialog.Settle(f.form, a)
	if note != "" {
		f.msg, f.msgErr = note, true
		return nil
	}
	if a == dialog.LeaveSave && f.unsavedNew() {
		f.msg, f.msgErr = text.ReqNeedReceivedApplicant, true
		if !f.q.Received.Valid() {
			f.form.FocusKey(fReceived)
		} else {
			f.form.FocusKey(fApplicant)
		}
		return nil
	}
	if leave || a == dialog.LeaveDiscard {
		return f.done
	}
	return nil
}

func (f *Form) key(k tea.KeyPressMsg) tea.Cmd {
	f.msg = ""
	switch {
	case key.Matches(k, keys.Global.Save):
		f.prefillFee()
		ev := f.form.Leave()
		if ev.Refused {
			return nil
		}
		if cmd := f.apply(ev); cmd != nil {
			return cmd
		}
		return f.save()
	case key.Matches(k, keys.Global.Back):
		f.prefillFee()
		cmd := f.apply(f.form.Leave())
		if f.form.Invalid() >= 0 || f.unsavedNew() {
			// Never a silent loss: a refused value, or a new entry that
			// cannot be saved yet, is kept until the clerk says what to do.
			return tea.Batch(cmd, dialog.AskLeave(f.c, f))
		}
		if cmd != nil {
			return tea.Sequence(cmd, f.done)
		}
		return f.done
	case key.Matches(k, components.FormKey.Next, components.FormKey.Prev):
		f.prefillFee()
	}
	return f.apply(f.form.Update(k))
}

// doneMsg closes the form once the saves started before it are through.
type doneMsg struct{ form *Form }

func (f *Form) done() tea.Msg { return doneMsg{form: f} }

// closeCmd leaves the form: back to the log with the cursor on the entry
// when it is stored, else simply back.
func (f *Form) closeCmd() tea.Cmd {
	if f.q.ID == 0 {
		return func() tea.Msg { return common.BackMsg{} }
	}
	ref := model.EntryRef{Kind: model.EntryRequest, ID: f.q.ID}
	return func() tea.Msg { return common.GoToMsg{Section: common.SecRequests, Entry: ref} }
}

// liveRequest is the entry with the text typed so far where it parses, for
// the deadline shown while typing.
func (f *Form) liveRequest() model.Request {
	q := f.q
	get := func(key string) (model.Date, bool) {
		d, err := model.ParseDate(f.field(key).Input.Value())
		return d, err == nil
	}
	if d, ok := get(fReceived); ok {
		q.Received = d
	}
	if d, ok := get(fCorrected); ok {
		q.Corrected = d
	}
	if d, ok := get(fAnswered); ok {
		q.Answered = d
	}
	if n, err := model.ParseCount(f.field(fExtDays).Input.Value()); err == nil {
		q.ExtDays = int(n)
	}
	if n, err := model.ParseCount(f.field(fExcluded).Input.Value()); err == nil {
		q.ExcludedDays = int(n)
	}
	return q
}

// DeadlineLine is the answer deadline as the typed dates give it.
func (f *Form) DeadlineLine() string {
	q := f.liveRequest()
	if f.c.Calendar != nil && q.AwaitingCorrection() && !q.Received.IsZero() {
		return text.ReqDeadlineAwaiting
	}
	if f.c.Calendar == nil || q.ClockStart().IsZero() {
		return text.ReqDeadlineUnknown
	}
	dl := model.Deadline(&q, f.c.Calendar)
	note, _ := DeadlineNote(&q, f.c.Today, f.c.Calendar)
	line := fmt.Sprintf(text.ReqDeadlineLine, dl.Chinese(), note)
	if ys := model.CalendarYearsNeeded(&q, f.c.Calendar); len(ys) > 0 {
		line += "  " + fmt.Sprintf(text.ReqCalendarMissing, ys[0])
	}
	return line
}

// headerLines are the title, the deadline and the message lines above
// the fields.
const headerLines = 3

// View implements common.Screen: the header lines and the form as Update
// left it. It changes nothing.
func (f *Form) View(width, height int) string {
	st := f.c.Styles
	title := st.Heading.Render(f.Title())
	if f.q.ID == 0 {
		title += "  " + st.Muted.Render(text.ReqNewHint)
	}
	dl := f.DeadlineLine()
	q := f.liveRequest()
	if f.c.Calendar != nil && !q.ClockStart().IsZero() {
		if _, late := DeadlineNote(&q, f.c.Today, f.c.Calendar); late {
			dl = st.Error.Render(dl)
		} else {
			dl = st.Computed.Render(dl)
		}
	}
	var msgLine string
	switch {
	case f.msg != "" && f.msgErr:
		msgLine = st.Error.Render(f.msg)
	case f.msg != "":
		msgLine = st.OK.Render(f.msg)
	default:
		msgLine = f.feeLine()
	}
	head := []string{components.Fit(title, width), components.Fit(dl, width), components.Fit(msgLine, width)}
	body := f.form.View(width, max(1, height-headerLines))
	return components.Block(strings.Join(head, "\n")+"\n"+body, width, height)
}

// feeLine shows the suggested fee when a method is chosen.
func (f *Form) feeLine() string {
	fen, ok := f.suggestedFee()
	if !ok {
		return ""
	}
	return f.c.Styles.Muted.Render(fmt.Sprintf(text.ReqFeeSuggest, model.FormatMoney(fen, "元")))
}

// Cursor implements common.Screen: the focused input's cursor at the size
// the form was told.
func (f *Form) Cursor() *tea.Cursor {
	x, y := f.form.CursorXY()
	if x < 0 {
		return nil
	}
	return tea.NewCursor(x, headerLines+y)
}

// Focus is the key of the focused field (tests).
func (f *Form) Focus() string { return f.form.Current().Key }

// Err is the message shown under the focused field (tests).
func (f *Form) Err() string { return f.form.Current().Err }

// FieldErr is the message of a refused value in the field with key (tests).
func (f *Form) FieldErr(key string) string { return f.field(key).Err }

// FieldText is the text in the field with key, refused or not (tests).
func (f *Form) FieldText(key string) string { return f.field(key).Input.Value() }
