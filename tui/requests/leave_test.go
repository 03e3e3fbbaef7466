package requests

import (
	"strings"
	"testing"

	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// TestRefusedValueIsNeverDroppedSilently: in a saved request, 收到日期
// 2021-02-30 is refused in place; Tab moves on with the text kept and
// marked; Esc asks 保存/放弃/继续修改; 保存 cannot store it and says why;
// 放弃 brings the stored date back and closes the form. The stored value
// never changes.
func TestRefusedValueIsNeverDroppedSilently(t *testing.T) {
	c := setup(t, genRequests(1))
	q, err := c.Store.Request(c.Ctx, c.OrganYear().Requests[0].ID, true)
	if err != nil {
		t.Fatal(err)
	}
	var s common.Screen = NewForm(c, &q)
	f := s.(*Form)
	for f.Focus() != fReceived {
		s, _ = testenv.Press(t, c, s, "tab")
	}
	s, _ = testenv.Press(t, c, s, "ctrl+u")
	s = typeText(t, c, s, "2021-02-30")
	s, _ = testenv.Press(t, c, s, "tab")
	if f.Focus() == fReceived || f.FieldErr(fReceived) == "" || f.FieldText(fReceived) != "2021-02-30" {
		t.Fatalf("refused date: focus %s err %q text %q", f.Focus(), f.FieldErr(fReceived), f.FieldText(fReceived))
	}
	if !f.Dirty() {
		t.Fatal("a refused value must count as unsaved (quitting asks)")
	}
	s, _ = testenv.Press(t, c, s, "esc")
	if v := testenv.DialogView(c); !strings.Contains(v, text.FormLeaveAsk) || !strings.Contains(v, "s 保存") ||
		!strings.Contains(v, "d 放弃") || !strings.Contains(v, "n/esc 继续修改") {
		t.Fatalf("esc did not ask 保存/放弃/继续修改: %q", v)
	}
	s, out := testenv.Press(t, c, s, "s")
	if len(out) != 0 || f.Focus() != fReceived || !strings.Contains(f.msg, text.ReqFieldReceived) {
		t.Fatalf("保存 with a refused value: out %v focus %s msg %q", out, f.Focus(), f.msg)
	}
	s, _ = testenv.Press(t, c, s, "esc")
	_, out = testenv.Press(t, c, s, "d")
	if len(out) == 0 || f.FieldText(fReceived) != q.Received.String() {
		t.Fatalf("放弃: out %v text %q", out, f.FieldText(fReceived))
	}
	got, err := c.Store.Request(c.Ctx, q.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if got.Received != q.Received {
		t.Fatalf("stored date changed to %v", got.Received)
	}
}
