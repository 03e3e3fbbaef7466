package model

import "errors"

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
// each organ's status from Check against the built-in calendar (what the
// aggregation tests compare with).
func Aggregate(year int, oys []*OrganYear) AggregateResult {
	in := make([]AggregateInput, 0, len(oys))
	for _, oy := range oys {
		in = append(in, AggregateInput{OY: oy, Findings: Check(oy, nil, 0)})
	}
	return AggregateEntries(year, in, nil)
}
