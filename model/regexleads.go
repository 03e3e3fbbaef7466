package model

import (
	"regexp"
	"regexp/syntax"
)

// leadingLiterals returns texts one of which every match of re starts with,
// or nil when re does not say (it starts with a character class, an
// optional part, an anchor or a case-folded literal). Go's regexp skips
// ahead to a single literal prefix by itself, not to one of several: the
// narrative's claims begin with alternatives such as (?:收到|新收|受理|接收),
// and running each of them over every clause was most of a bundle's check.
func leadingLiterals(re *regexp.Regexp) []string {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	return leads(tree.Simplify())
}

func leads(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return leads(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return leads(re.Sub[0])
		}
	case syntax.OpConcat:
		if len(re.Sub) > 0 {
			return leads(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			l := leads(sub)
			if l == nil {
				return nil
			}
			out = append(out, l...)
		}
		return out
	}
	return nil
}

// mayMatch is false when s holds none of lits, the leading literals of an
// expression (leadingLiterals): then the expression cannot match s. With
// no literals it is always true.
func mayMatch(s string, lits []string) bool { return lits == nil || containsAny(s, lits) }
