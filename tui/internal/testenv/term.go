package testenv

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// Term is a program running through the real Bubble Tea loop on teatest's
// virtual terminal. Frame returns the last frame the program drew as text
// (the app's LastFrame), which is what the waits look at.
type Term struct {
	T     *testing.T
	TM    *teatest.TestModel
	Frame func() string
}

// NewTerm starts m on a width×height virtual terminal.
func NewTerm(t *testing.T, m tea.Model, frame func() string, width, height int) *Term {
	t.Helper()
	return &Term{T: t, TM: teatest.NewTestModel(t, m, teatest.WithInitialTermSize(width, height)), Frame: frame}
}

func (x *Term) wait(ok func(frame string) bool) {
	x.T.Helper()
	teatest.WaitFor(x.T, x.TM.Output(), func([]byte) bool { return ok(x.Frame()) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// WaitFor waits up to five seconds until the frame shows every text.
func (x *Term) WaitFor(want ...string) {
	x.T.Helper()
	x.wait(func(f string) bool {
		for _, w := range want {
			if !strings.Contains(f, w) {
				return false
			}
		}
		return true
	})
}

// WaitRe waits up to five seconds until the frame matches pattern.
func (x *Term) WaitRe(pattern string) {
	x.T.Helper()
	re := regexp.MustCompile(pattern)
	x.wait(re.MatchString)
}

// Press sends keys by name (see Key).
func (x *Term) Press(names ...string) {
	for _, n := range names {
		x.TM.Send(Key(n))
	}
}

// Type sends text as an input method delivers it: one key with the text.
func (x *Term) Type(s string) { x.TM.Send(tea.KeyPressMsg{Code: []rune(s)[0], Text: s}) }

// Quit presses ctrl+c and waits up to five seconds for the program to end.
func (x *Term) Quit() {
	x.T.Helper()
	x.TM.Send(Key("ctrl+c"))
	x.TM.WaitFinished(x.T, teatest.WithFinalTimeout(5*time.Second))
}
