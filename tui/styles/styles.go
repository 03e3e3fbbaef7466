// Package styles is the one style sheet of the workstation.
package styles

import (
	"charm.land/lipgloss/v2"
)

// Sheet is the one style sheet of the workstation, by meaning rather than by
// colour so a screen never picks a colour itself.
type Sheet struct {
	Title    lipgloss.Style // screen titles
	Heading  lipgloss.Style // section headings inside a screen
	Normal   lipgloss.Style
	Muted    lipgloss.Style // hints, read-only and computed values
	Selected lipgloss.Style // the row or cell under the cursor
	Focused  lipgloss.Style // the input being edited
	Label    lipgloss.Style // field labels
	Error    lipgloss.Style // 错误 findings and refused input
	Warning  lipgloss.Style // 提示 findings
	OK       lipgloss.Style // ✓ marks, 已保存
	Stale    lipgloss.Style // 待更新 text carried over from last year
	Computed lipgloss.Style // totals and values computed from the log
	Status   lipgloss.Style // the status line
	Help     lipgloss.Style // the help bar
	Key      lipgloss.Style // a key name in help
	Border   lipgloss.Style // pane separators
	Dialog   lipgloss.Style // dialog boxes
}

// Default returns the style sheet, using the 16 basic ANSI colours so
// it reads on any terminal theme.
func Default() *Sheet {
	s := lipgloss.NewStyle
	return &Sheet{
		Title:    s().Bold(true).Foreground(lipgloss.Color("6")),
		Heading:  s().Bold(true),
		Normal:   s(),
		Muted:    s().Foreground(lipgloss.Color("8")),
		Selected: s().Reverse(true),
		Focused:  s().Underline(true),
		Label:    s().Foreground(lipgloss.Color("6")),
		Error:    s().Foreground(lipgloss.Color("1")).Bold(true),
		Warning:  s().Foreground(lipgloss.Color("3")),
		OK:       s().Foreground(lipgloss.Color("2")),
		Stale:    s().Foreground(lipgloss.Color("5")),
		Computed: s().Foreground(lipgloss.Color("4")),
		Status:   s().Reverse(true),
		Help:     s().Foreground(lipgloss.Color("8")),
		Key:      s().Bold(true),
		Border:   s().Foreground(lipgloss.Color("8")),
		Dialog:   s().Border(lipgloss.RoundedBorder()).Padding(0, 1),
	}
}
