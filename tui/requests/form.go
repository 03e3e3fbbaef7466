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
	"github.com/charmbracelet/x/ansi"

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
	kChoice
)

// field is one line of the request form.
type field struct {
	key      string
	label    string
	group    string // a heading drawn before the first field of a group
	kind     kind
	personal bool
	hint     string
	input    *components.Input
	choices  []string
	ids      []string // the value behind each choice
	choice   int
	err      string
	// warn is a problem that did not stop the value being saved (an ID
	// number kept as the applicant wrote it).
	warn string
	// committed is the last valid value, the one saved.
	committed string
}

func (f *field) value() string {
	if f.kind == kChoice {
		return f.ids[f.choice]
	}
	return f.input.Value()
}

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

// Form adds or edits one request. Every field is saved when the cursor
// leaves it; a new entry is saved once its received date and applicant type
// are valid.
type Form struct {
	c      *common.Common
	q      model.Request
	isNew  bool
	fields []*field
	focus  int
	top    int
	msg    string
	msgErr bool

	saver *entrysave.Saver
	// stored is the entry as the form's saves last wrote it (or as it was
	// opened); only the saves' write functions use it, one at a time.
	stored *storedEntry
	curX   int
	curY   int
}

// NewForm opens the form on q (with its personal data), or on a new entry
// when q is nil.
func NewForm(c *common.Common, q *model.Request) *Form {
	f := &Form{c: c}
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
	f.build()
	f.setFocus(0)
	return f
}

// Request is the entry as last saved (tests).
func (f *Form) Request() model.Request { return f.q }

func dateText(d model.Date) string { return d.String() }

func (f *Form) text(key, label, group, value string, k kind) *field {
	in := components.NewInput()
	in.SetValue(value)
	in.Clean = model.CleanLine
	fl := &field{key: key, label: label, group: group, kind: k, input: in, committed: value}
	f.fields = append(f.fields, fl)
	return fl
}

func (f *Form) choiceField(key, label, group string, labels, ids []string, current string) *field {
	fl := &field{key: key, label: label, group: group, kind: kChoice, choices: labels, ids: ids}
	for i, id := range ids {
		if id == current {
			fl.choice = i
		}
	}
	fl.committed = ids[fl.choice]
	f.fields = append(f.fields, fl)
	return fl
}

func (f *Form) build() {
	q := &f.q
	f.text(fReceived, text.ReqFieldReceived, text.ReqGroupReceipt, dateText(q.Received), kDate).hint = text.ReqHintDate
	var chL, chI []string
	for _, c := range model.Channels {
		chL, chI = append(chL, c.Label()), append(chI, string(c))
	}
	f.choiceField(fChannel, text.ReqFieldChannel, text.ReqGroupReceipt, chL, chI, string(q.Channel)).hint = text.ReqHintChannel
	apL, apI := []string{text.ReqChoose}, []string{""}
	for _, a := range model.ApplicantTypes {
		apL, apI = append(apL, a.Label()), append(apI, string(a))
	}
	f.choiceField(fApplicant, text.ReqFieldApplicant, text.ReqGroupReceipt, apL, apI, string(q.Applicant))
	f.text(fName, text.ReqFieldName, text.ReqGroupPersonal, q.Personal.Name, kText).personal = true
	ph := f.text(fPhone, text.ReqFieldPhone, text.ReqGroupPersonal, q.Personal.Phone, kText)
	ph.personal = true
	f.text(fIDNumber, text.ReqFieldIDNumber, text.ReqGroupPersonal, q.Personal.IDNumber, kText).personal = true
	f.text(fAddress, text.ReqFieldAddress, text.ReqGroupPersonal, q.Personal.Address, kText).personal = true
	f.text(fSummary, text.ReqFieldSummary, text.ReqGroupContent, q.Summary, kText)
	f.text(fCorrNotice, text.ReqFieldCorrNotice, text.ReqGroupCorrection, dateText(q.CorrectionNotice), kDate).hint = text.ReqHintCorrNotice
	f.text(fCorrected, text.ReqFieldCorrected, text.ReqGroupCorrection, dateText(q.Corrected), kDate).hint = text.ReqHintCorrected
	f.text(fExtBy, text.ReqFieldExtBy, text.ReqGroupExtension, q.ExtApprovedBy, kText)
	f.text(fExtNotice, text.ReqFieldExtNotice, text.ReqGroupExtension, dateText(q.ExtNotice), kDate)
	f.text(fExtDays, text.ReqFieldExtDays, text.ReqGroupExtension, components.CountText(q.ExtDays), kCount).hint = text.ReqHintExtDays
	f.text(fExcluded, text.ReqFieldExcluded, text.ReqGroupExtension, components.CountText(q.ExcludedDays), kCount).hint = text.ReqHintExcluded
	f.text(fAnswered, text.ReqFieldAnswered, text.ReqGroupAnswer, dateText(q.Answered), kDate)
	f.fields = append(f.fields, f.outcomeField(q.Answered, q.Outcome))
	f.text(fDelayNote, text.ReqFieldDelayNotice, text.ReqGroupAnswer, dateText(q.DelayNotice), kDate).hint = text.ReqHintDelay
	f.text(fDelayedTo, text.ReqFieldDelayedTo, text.ReqGroupAnswer, dateText(q.DelayedTo), kDate)
	f.choiceField(fFeeMethod, text.ReqFieldFeeMethod, text.ReqGroupFee,
		[]string{model.FeeNone.Label(), model.FeePerRequest.Label(), model.FeePerPage.Label()},
		[]string{string(model.FeeNone), string(model.FeePerRequest), string(model.FeePerPage)}, string(q.FeeMethod))
	f.text(fPages, text.ReqFieldPages, text.ReqGroupFee, components.CountText(q.Pages), kCount).hint = text.ReqHintPages
	f.text(fNth, text.ReqFieldNth, text.ReqGroupFee, "", kCount).hint = text.ReqHintNth
	f.text(fFee, text.ReqFieldFee, text.ReqGroupFee, components.MoneyText(q.Fee), kMoney).hint = text.ReqHintFee
	f.text(fFeeNotice, text.ReqFieldFeeNotice, text.ReqGroupFee, dateText(q.FeeNotice), kDate)
	f.text(fFeePaid, text.ReqFieldFeePaid, text.ReqGroupFee, dateText(q.FeePaid), kDate)
	f.text(fNotes, text.ReqFieldNotes, text.ReqGroupFee, q.Notes, kText)
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
func (f *Form) outcomeField(answered model.Date, current string) *field {
	fm := f.outcomeFormat(answered)
	labels, ids := []string{text.ReqNoOutcome}, []string{""}
	if fm != nil {
		for _, g := range fm.OutcomeGroups() {
			for _, r := range g.Rows {
				labels, ids = append(labels, fm.OutcomeLabel(r)), append(ids, r)
			}
		}
	}
	fl := &field{key: fOutcome, label: text.ReqFieldOutcome, group: text.ReqGroupAnswer, kind: kChoice, choices: labels, ids: ids, hint: text.ReqHintOutcome}
	for i, id := range ids {
		if id == current {
			fl.choice = i
		}
	}
	fl.committed = ids[fl.choice]
	return fl
}

func (f *Form) field(key string) *field {
	for _, fl := range f.fields {
		if fl.key == key {
			return fl
		}
	}
	return nil
}

func (f *Form) current() *field { return f.fields[f.focus] }

func (f *Form) setFocus(i int) {
	if cur := f.current(); cur.input != nil {
		cur.input.Blur()
	}
	f.focus = max(0, min(i, len(f.fields)-1))
	if cur := f.current(); cur.input != nil {
		cur.input.Focus()
	}
}

// validate checks one field's text; the error is a Chinese sentence.
func (f *Form) validate(fl *field, s string) error {
	switch fl.kind {
	case kDate:
		d, err := model.ParseDate(s)
		if err != nil {
			return err
		}
		return f.checkDate(fl.key, d)
	case kCount:
		n, err := model.ParseCount(s)
		if err != nil {
			return err
		}
		if fl.key == fExtDays && n > model.MaxExtWorkdays {
			return fmt.Errorf(text.ReqErrExtDays, n)
		}
		return nil
	case kMoney:
		_, err := model.ParseMoney(s, "元")
		return err
	}
	switch fl.key {
	case fPhone:
		return model.ValidatePhones(s)
	case fIDNumber:
		return model.ValidateApplicantIdentity(s, model.ApplicantType(f.field(fApplicant).value()))
	}
	return nil
}

// checkDate checks a date against the others already committed.
func (f *Form) checkDate(key string, d model.Date) error {
	if d.IsZero() {
		if key == fReceived && !f.isNew {
			return errors.New(text.ReqErrReceivedEmpty)
		}
		return nil
	}
	received, _ := model.ParseDate(f.field(fReceived).committed)
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
		return fmt.Errorf(text.ReqErrFutureDate, f.field(key).label, d.Chinese())
	}
	return nil
}

// commit stores a field's (valid) text into the entry.
func (f *Form) commit(fl *field) {
	s := fl.value()
	if fl.kind != kChoice {
		s = strings.TrimSpace(model.CleanLine(s))
		if fl.key == fIDNumber {
			s = model.NormalizeIDNumber(s)
		}
		if fl.kind == kDate {
			d, _ := model.ParseDate(s)
			s = d.String()
		}
		if fl.kind == kCount {
			n, _ := model.ParseCount(s)
			s = components.CountText(int(n))
		}
		if fl.kind == kMoney {
			fen, _ := model.ParseMoney(s, "元")
			s = components.MoneyText(fen)
		}
		fl.input.SetValue(s)
	}
	fl.committed = s
	q := &f.q
	date := func() model.Date { d, _ := model.ParseDate(s); return d }
	count := func() int { n, _ := model.ParseCount(s); return int(n) }
	switch fl.key {
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

// refreshOutcomes rebuilds the outcome choices for the answer year's
// format, keeping the outcome when that format has it.
func (f *Form) refreshOutcomes() {
	for i, fl := range f.fields {
		if fl.key != fOutcome {
			continue
		}
		nf := f.outcomeField(f.q.Answered, f.q.Outcome)
		if f.q.Outcome != "" && nf.ids[nf.choice] != f.q.Outcome {
			f.msg, f.msgErr = fmt.Sprintf(text.ReqOutcomeReset, f.outcomeFormat(f.q.Answered).Name), true
			f.q.Outcome = ""
		}
		f.fields[i] = nf
	}
}

// saveable reports whether the entry may be saved: a valid received date
// and applicant type.
func (f *Form) saveable() bool {
	return f.q.Received.Valid() && f.q.Applicant.Valid()
}

// leave validates the focused field and commits it; ok is false when the
// text was refused (the cursor stays and the message shows).
func (f *Form) leave() (changed, ok bool) {
	fl := f.current()
	if fl.kind == kChoice {
		return false, true
	}
	s := fl.input.Value()
	if fl.key == fFee && strings.TrimSpace(s) == "" {
		if fen, ok := f.suggestedFee(); ok && fen > 0 {
			fl.input.SetValue(model.FormatMoney(fen, "元"))
			s = fl.input.Value()
		}
	}
	fl.warn = ""
	if err := f.validate(fl, s); err != nil {
		var w *model.IDWarning
		if !errors.As(err, &w) {
			fl.err = err.Error()
			return false, false
		}
		// Wrong on the paper form: kept as written, with the warning shown.
		fl.warn = w.Msg
	}
	fl.err = ""
	before := fl.committed
	f.commit(fl)
	return fl.committed != before, true
}

// suggestedFee is the fee the chosen method computes.
func (f *Form) suggestedFee() (int64, bool) {
	switch model.FeeMethod(f.field(fFeeMethod).value()) {
	case model.FeePerPage:
		n, err := model.ParseCount(f.field(fPages).input.Value())
		if err != nil {
			return 0, false
		}
		return model.PerPageFee(int(n)), true
	case model.FeePerRequest:
		n, err := model.ParseCount(f.field(fNth).input.Value())
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
		strings.TrimSpace(f.field(fNth).input.Value()) != "" {
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
func (f *Form) Typing() bool { return f.current().kind != kChoice }

// Dirty implements common.Editing: text typed but not yet committed, a new
// entry not yet saved, or a save still running.
func (f *Form) Dirty() bool {
	if f.saver.Pending() || f.invalid() >= 0 {
		return true
	}
	if f.isNew && f.q.ID == 0 && f.hasContent() {
		return true
	}
	fl := f.current()
	return fl.kind != kChoice && strings.TrimSpace(fl.input.Value()) != fl.committed
}

func (f *Form) hasContent() bool {
	for _, fl := range f.fields {
		if fl.kind != kChoice && strings.TrimSpace(fl.input.Value()) != "" {
			return true
		}
	}
	return false
}

// KeyMap implements common.Screen.
func (f *Form) KeyMap() help.KeyMap {
	prev, choose, wipe := keys.Global.Prev, keys.Choose, keys.Global.Wipe
	prev.SetEnabled(f.focus > 0)
	choice := f.current().kind == kChoice
	choose.SetEnabled(choice)
	wipe.SetEnabled(!choice)
	return keys.Map{Short: []key.Binding{keys.Global.Next, prev, choose, wipe, keys.Global.Save, keys.Global.Back}}
}

// Update implements common.Screen.
func (f *Form) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case reqSavedMsg:
		if msg.form != f {
			return f, nil
		}
		if msg.err != nil {
			f.msg, f.msgErr = fmt.Sprintf(text.StatusSaveFail, msg.err.Error()), true
			return f, func() tea.Msg { return common.SaveFailedMsg{Err: msg.err} }
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
		return f, tea.Batch(saved(f.c), common.ReloadRequests(f.q.ID))
	case doneMsg:
		if msg.form == f {
			return f, f.closeCmd()
		}
		return f, nil
	case nthMsg:
		if msg.form == f && msg.nth > 0 {
			if fl := f.field(fNth); strings.TrimSpace(fl.input.Value()) == "" {
				fl.input.SetValue(strconv.Itoa(msg.nth))
				fl.committed = fl.input.Value()
			}
		}
		return f, nil
	case tea.PasteMsg:
		if fl := f.current(); fl.input != nil {
			fl.input.Update(msg)
			fl.err = ""
		}
		return f, nil
	case tea.KeyPressMsg:
		return f, f.key(msg)
	case discardYesMsg:
		return f, f.done
	case leaveSaveMsg:
		// The valid fields are stored already; a refused one cannot be.
		if i := f.invalid(); i >= 0 {
			f.setFocus(i)
			f.msg, f.msgErr = fmt.Sprintf(text.FormCannotSave, f.fields[i].label), true
			return f, nil
		}
		return f, f.done
	case leaveDiscardMsg:
		for _, fl := range f.fields {
			if fl.err != "" {
				fl.input.SetValue(fl.committed)
				fl.err = ""
			}
		}
		if f.q.ID == 0 && f.isNew && f.hasContent() && !f.saveable() {
			return f, f.done // the question was about giving the whole entry up
		}
		return f, f.done
	case leaveStayMsg:
		if i := f.invalid(); i >= 0 {
			f.setFocus(i)
		}
		return f, nil
	}
	return f, nil
}

// Answers to the question asked when the form is left with a refused
// value in it.
type (
	leaveSaveMsg    struct{}
	leaveDiscardMsg struct{}
	leaveStayMsg    struct{}
)

// invalid is the first field holding a refused value, or -1.
func (f *Form) invalid() int {
	for i, fl := range f.fields {
		if fl.err != "" {
			return i
		}
	}
	return -1
}

// discardYesMsg is the answer yes to the discard question.
type discardYesMsg struct{}

// askDiscard asks whether to give up a new entry that cannot be saved yet.
func (f *Form) askDiscard() tea.Cmd {
	return dialog.YesNo(f.c, text.ReqDiscardNew, text.ReqDiscard, discardYesMsg{}, text.AskGoOn, nil)
}

func (f *Form) key(k tea.KeyPressMsg) tea.Cmd {
	f.msg = ""
	fl := f.current()
	s := k.String()
	switch s {
	case "tab", "enter", "down", "shift+tab", "up":
		// A refused value stays in its field, marked ✗ with the reason, and
		// the cursor moves on: the stored value is still the last valid one.
		changed, _ := f.leave()
		if s == "shift+tab" || s == "up" {
			f.setFocus(f.focus - 1)
		} else if f.focus < len(f.fields)-1 {
			f.setFocus(f.focus + 1)
		}
		if changed {
			return f.save()
		}
		return nil
	case "ctrl+s":
		if _, ok := f.leave(); !ok {
			return nil
		}
		return f.save()
	case "esc":
		var cmd tea.Cmd
		if fl.kind != kChoice {
			if changed, _ := f.leave(); changed {
				cmd = f.save()
			}
		}
		if f.invalid() >= 0 {
			// Never a silent loss: a refused value is kept until the clerk
			// says what to do with it.
			return tea.Batch(cmd, dialog.FormLeave(f.c, leaveSaveMsg{}, leaveDiscardMsg{}, leaveStayMsg{}))
		}
		if f.q.ID == 0 && f.isNew && f.hasContent() && !f.saveable() {
			return tea.Batch(cmd, f.askDiscard())
		}
		if cmd != nil {
			return tea.Sequence(cmd, f.done)
		}
		return f.done
	}
	if fl.kind == kChoice {
		n := len(fl.choices)
		switch s {
		case "left", "h":
			fl.choice = (fl.choice - 1 + n) % n
		case "right", "l", "space":
			fl.choice = (fl.choice + 1) % n
		case "home":
			fl.choice = 0
		case "end":
			fl.choice = n - 1
		default:
			return nil
		}
		f.commit(fl)
		if fl.key == fFeeMethod {
			return tea.Batch(f.save(), f.countNth())
		}
		return f.save()
	}
	if fl.input.Update(k) {
		fl.err = ""
	}
	return nil
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
		d, err := model.ParseDate(f.field(key).input.Value())
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
	if n, err := model.ParseCount(f.field(fExtDays).input.Value()); err == nil {
		q.ExtDays = int(n)
	}
	if n, err := model.ParseCount(f.field(fExcluded).input.Value()); err == nil {
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

const headerLines = 3

// personalWidth is the width of a personal-data field with its tag.
//
// Bytes per frame: bubbletea v2.1.1 clears its cell buffer before drawing
// each frame, which marks every line touched, and ultraviolet's renderer
// repaints every touched line holding a wide character from column 0 (it
// only diffs lines of narrow cells). So every line of the form holding
// Chinese is written again in every frame, changed or not; what keeps a
// key cheap is few bytes on those lines: no padding before a tag, no
// styled blanks, nothing after the label of an empty field.
const personalWidth = 72

// View implements common.Screen.
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

	lw := 0
	for _, fl := range f.fields {
		lw = max(lw, ansi.StringWidth(fl.label))
	}
	tag := " " + text.ReqPersonalTag
	var lines []string
	focusLine, group := 0, ""
	for i, fl := range f.fields {
		if fl.group != group {
			group = fl.group
			g := "── " + group
			if group == text.ReqGroupPersonal {
				g = "── " + text.ReqPersonalTag
			}
			// A short rule: the renderer repaints every line holding Chinese
			// in every frame (see personalWidth), so each cell of it is
			// written again on every key.
			lines = append(lines, components.Fit(st.Muted.Render(clip(g, width)), width))
		}
		label := strings.Repeat(" ", lw-ansi.StringWidth(fl.label)) + fl.label
		if i == f.focus {
			focusLine = len(lines)
			label = st.Focused.Render(label)
		} else {
			label = st.Label.Render(label)
		}
		vw := max(6, width-lw-2)
		// The tag sits after the focused personal field (the group's
		// heading carries it for all four), after a field of personalWidth
		// cells: the padding before it is written in every frame.
		tagged := fl.personal && i == f.focus
		if tagged {
			vw = max(6, min(vw, personalWidth)-ansi.StringWidth(tag))
		}
		var val string
		if fl.kind == kChoice {
			c := fl.choices[fl.choice]
			if i == f.focus {
				val = components.Fit("◀ "+c+" ▶"+st.Muted.Render(fmt.Sprintf(" (%d/%d)", fl.choice+1, len(fl.choices))), vw)
			} else {
				val = components.Fit(c, vw)
			}
		} else {
			val = fl.input.View(vw)
		}
		line := label
		if i == f.focus || fl.kind == kChoice || fl.input.Value() != "" {
			// An empty field other than the focused one is its label alone:
			// nothing after it is written. The focused one is marked ▸ as
			// well as by its style, for a monochrome console.
			sep := "  "
			if i == f.focus {
				sep = components.FocusMark
			}
			line += sep + val
		}
		if tagged {
			line += st.Warning.Render(tag)
		}
		lines = append(lines, components.Fit(line, width))
		if fl.err != "" {
			for _, l := range components.Wrap("✗ "+fl.err, max(4, width-lw-2)) {
				lines = append(lines, strings.Repeat(" ", lw+2)+st.Error.Render(l))
			}
		} else if fl.warn != "" {
			for _, l := range components.Wrap("! "+fl.warn, max(4, width-lw-2)) {
				lines = append(lines, strings.Repeat(" ", lw+2)+st.Warning.Render(l))
			}
		} else if i == f.focus && fl.hint != "" {
			lines = append(lines, strings.Repeat(" ", lw+2)+st.Muted.Render(clip(fl.hint, max(4, width-lw-2))))
		}
	}
	bodyH := max(1, height-headerLines)
	if focusLine < f.top+1 {
		f.top = max(0, focusLine-1)
	}
	if focusLine >= f.top+bodyH-1 {
		f.top = focusLine - bodyH + 2
	}
	f.top = max(0, min(f.top, len(lines)-1))
	body := lines[f.top:]
	f.curX, f.curY = -1, -1
	if cur := f.current(); cur.kind != kChoice {
		f.curX = lw + 2 + cur.input.CursorX()
		f.curY = headerLines + focusLine - f.top
	}
	return components.Block(strings.Join(append(head, body...), "\n"), width, height)
}

// feeLine shows the suggested fee when a method is chosen.
func (f *Form) feeLine() string {
	fen, ok := f.suggestedFee()
	if !ok {
		return ""
	}
	return f.c.Styles.Muted.Render(fmt.Sprintf(text.ReqFeeSuggest, model.FormatMoney(fen, "元")))
}

// Cursor implements common.Screen.
func (f *Form) Cursor() *tea.Cursor {
	if f.curX < 0 {
		return nil
	}
	return tea.NewCursor(f.curX, f.curY)
}

// Focus is the key of the focused field (tests).
func (f *Form) Focus() string { return f.current().key }

// Err is the message shown under the focused field (tests).
func (f *Form) Err() string { return f.current().err }

// FieldErr is the message of a refused value in the field with key (tests).
func (f *Form) FieldErr(key string) string { return f.field(key).err }

// FieldText is the text in the field with key, refused or not (tests).
func (f *Form) FieldText(key string) string { return f.field(key).input.Value() }
