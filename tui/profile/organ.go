package profile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/text"
)

// Field keys of the organ profile.
const (
	fName     = "name"
	fLevel    = "level"
	fSuperior = "superior"
	fOffice   = "office"
	fPhone    = "phone"
	fEmail    = "email"
	fPortal   = "portal"
	fAddress  = "address"
	fPostcode = "postcode"
	fDue      = "due"
	fReview   = "review_organ"
	fCourt    = "court"
	fPattern  = "letter_pattern"
)

// FormStyles is the look of the organ and year forms.
func FormStyles(c *common.Common) components.FormStyles {
	return components.FormStyles{Label: c.Styles.Label, Focus: c.Styles.Heading, Error: c.Styles.Error, Muted: c.Styles.Muted}
}

func clean(in *components.Input) *components.Input {
	in.Clean = model.CleanLine
	return in
}

// OrganFields builds the profile fields of an organ (新建单位, 修改单位 and
// the top of 基本信息).
func OrganFields(o model.Organ) []*components.Field {
	levels := make([]string, len(model.OrganLevels))
	li := 0
	for i, l := range model.OrganLevels {
		levels[i] = l.Label()
		if l == o.Level {
			li = i
		}
	}
	name := components.TextField(fName, text.FieldName, o.Name)
	name.Validate = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(text.ErrNameEmpty)
		}
		return nil
	}
	phone := components.TextField(fPhone, text.FieldPhone, o.Phone)
	phone.Validate = model.ValidatePhone
	email := components.TextField(fEmail, text.FieldEmail, o.Email)
	email.Validate = validateEmail
	postcode := components.TextField(fPostcode, text.FieldPostcode, o.Postcode)
	postcode.Validate = model.ValidatePostcode
	due := ""
	if o.DueMonth != 0 && o.DueDay != 0 {
		due = fmt.Sprintf("%d/%d", o.DueMonth, o.DueDay)
	}
	dueF := components.TextField(fDue, text.FieldDue, due)
	dueF.Hint = text.FieldDueHint
	dueF.Validate = func(s string) error { _, _, err := parseDue(s); return err }
	fs := []*components.Field{
		name,
		components.ChoiceField(fLevel, text.FieldLevel, levels, li),
		components.TextField(fSuperior, text.FieldSuperior, o.Superior),
		components.TextField(fOffice, text.FieldOffice, o.Office),
		phone, email,
		components.TextField(fAddress, text.FieldAddress, o.Address), postcode,
		components.TextField(fPortal, text.FieldPortal, o.Portal),
		dueF,
	}
	for _, f := range fs {
		if f.Input != nil {
			clean(f.Input)
		}
	}
	return fs
}

// LetterFields builds the organ's fields for letters (基本信息 only): the
// 复议机关 and court of the remedy clause and the 文号 pattern.
func LetterFields(o model.Organ) []*components.Field {
	review := components.TextField(fReview, text.FieldReviewOrgan, o.ReviewOrgan)
	review.Hint = text.FieldReviewHint
	court := components.TextField(fCourt, text.FieldCourt, o.Court)
	court.Hint = text.FieldCourtHint
	pattern := components.TextField(fPattern, text.FieldLetterPattern, o.LetterPattern)
	pattern.Hint = fmt.Sprintf(text.FieldLetterPatternHint, model.DefaultDocNumberPattern(o))
	pattern.Validate = model.ValidDocNumberPattern
	fs := []*components.Field{review, court, pattern}
	for _, f := range fs {
		clean(f.Input)
	}
	return fs
}

func validateEmail(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	at := strings.Index(s, "@")
	if at <= 0 || at == len(s)-1 || strings.ContainsAny(s, " ，,") || !strings.Contains(s[at:], ".") {
		return fmt.Errorf(text.ErrEmailBad, s)
	}
	return nil
}

// parseDue reads a due date "1/31" (also 1月31日, 1-31, full-width digits).
func parseDue(s string) (int, int, error) {
	s = strings.TrimSpace(model.NormalizeDigits(s))
	if s == "" {
		return 0, 0, nil
	}
	s = strings.TrimSuffix(s, "日")
	s = strings.NewReplacer("月", "/", "-", "/", ".", "/").Replace(s)
	a, b, ok := strings.Cut(s, "/")
	m, err1 := strconv.Atoi(strings.TrimSpace(a))
	d, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > model.DaysInMonth(2001, m) {
		return 0, 0, errors.New(text.ErrDueBad)
	}
	return m, d, nil
}

// ApplyOrganField copies one field into the organ; it reports whether the
// field belongs to the organ.
func ApplyOrganField(o *model.Organ, f *components.Field) bool {
	v := strings.TrimSpace(f.Value())
	switch f.Key {
	case fName:
		o.Name = v
	case fLevel:
		o.Level = model.OrganLevels[f.Choice]
	case fSuperior:
		o.Superior = v
	case fOffice:
		o.Office = v
	case fPhone:
		o.Phone = v
	case fEmail:
		o.Email = v
	case fAddress:
		o.Address = v
	case fPostcode:
		if model.ValidatePostcode(v) == nil {
			o.Postcode = strings.TrimSpace(model.NormalizeDigits(v))
		}
	case fPortal:
		o.Portal = v
	case fDue:
		o.DueMonth, o.DueDay, _ = parseDue(v)
	case fReview:
		o.ReviewOrgan = v
	case fCourt:
		o.Court = v
	case fPattern:
		if model.ValidDocNumberPattern(v) == nil {
			o.LetterPattern = v
		}
	default:
		return false
	}
	return true
}
