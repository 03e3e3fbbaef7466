package model

import (
	"errors"
	"strings"
)

// IsInputError reports whether err came from one of the input parsers (and so
// is a ready-made Chinese message for the clerk).
func IsInputError(err error) bool {
	var ie *inputError
	return errors.As(err, &ie)
}

// RuleInfoOf returns the catalogue entry of a rule id.
func RuleInfoOf(id string) (RuleInfo, bool) {
	for _, r := range RuleCatalog {
		if r.ID == id {
			return r, true
		}
	}
	return RuleInfo{}, false
}

// Aggregate sums the effective table values of the organ-years of year,
// given in the order of their names, each organ's status from Check against
// the built-in calendar (what the aggregation tests compare with).
func Aggregate(year int, oys []*OrganYear) (AggregateResult, []AggregateOrgan) {
	in := make([]AggregateInput, 0, len(oys))
	for _, oy := range oys {
		e, w := CountFindings(Check(oy, nil, 0))
		in = append(in, AggregateInput{OY: oy, Errors: e, Warnings: w})
	}
	return aggregateEntries(year, in, nil)
}

// aggregateEntries adds the entries to an Aggregator in the order given
// and returns the result and every line, the missing organs last.
func aggregateEntries(year int, in []AggregateInput, expected []string) (AggregateResult, []AggregateOrgan) {
	a := NewAggregator(year, expected)
	var organs []AggregateOrgan
	for _, e := range in {
		organs = append(organs, a.Add(e))
	}
	return a.Result(), append(organs, a.Missing()...)
}

// TemplateKeys lists every template key of format f in order: the kinds,
// then an answer per outcome row.
func TemplateKeys(f *Format) []string {
	var keys []string
	for _, k := range LetterKinds {
		if k != LetterAnswer {
			keys = append(keys, string(k))
		}
	}
	for _, row := range f.OutcomeRows() {
		keys = append(keys, TemplateKey(LetterAnswer, row))
	}
	return keys
}

// CalendarText writes days in the form ParseCalendarText reads, one a line.
func CalendarText(days []CalendarDay) string {
	var b strings.Builder
	for _, d := range days {
		kind := "休"
		if d.Workday {
			kind = "班"
		}
		b.WriteString(d.Date.String() + " " + kind)
		if d.Name != "" {
			b.WriteString(" " + d.Name)
		}
		b.WriteString("\n")
	}
	return b.String()
}
