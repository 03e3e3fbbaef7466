package corpus

import (
	"strings"
	"testing"

	"nianbao/model"
)

// TestPartsMutantFullWidth: a 「其中」 list written in full-width digits is
// mutated from the number it holds (１ becomes 2), so the mutant contradicts it.
func TestPartsMutantFullWidth(t *testing.T) {
	r := *loadAll(t)[0]
	oy := clone(r.OY)
	text := "公开信息１１８条，其中规范性文件１条，其他１１７条。"
	oy.Report.Blocks = append([]model.Block{{ID: 999, Section: 1, Kind: model.BlockParagraph, Text: text}}, oy.Report.Blocks...)
	r.OY = oy
	var parts []Mutant
	for _, m := range r.Mutants() {
		if m.Kind == KindParts {
			parts = append(parts, m)
		}
	}
	if len(parts) != 1 {
		t.Fatalf("want one parts mutant, got %d", len(parts))
	}
	m := parts[0]
	if !strings.HasSuffix(m.What, "的 1 改为 2") {
		t.Errorf("parts mutant: %s, want the 1 changed to 2", m.What)
	}
	if got := m.OY.Report.Blocks[0].Text; got != "公开信息１１８条，其中规范性文件2条，其他１１７条。" {
		t.Errorf("mutated text %q", got)
	}
	if ok, _ := Detected(r.Baseline(), m.OY); !ok {
		t.Errorf("the checks do not raise the parts mutant %s", m.What)
	}
}
