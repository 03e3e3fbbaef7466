package common

import (
	"errors"
	"testing"
)

// A failed write reaches the status line as one message, and its text is
// the one a form shows beside its fields.
func TestSaveFailed(t *testing.T) {
	err := errors.New("磁盘已满")
	msg, ok := SaveFailed(err)().(SaveFailedMsg)
	if !ok || msg.Err != err {
		t.Fatalf("SaveFailed gives %#v", msg)
	}
	if got := SaveFailedText(err); got != "保存失败：磁盘已满" {
		t.Errorf("SaveFailedText = %q", got)
	}
}
