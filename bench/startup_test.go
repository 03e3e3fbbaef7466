package bench

import (
	"context"
	"strings"
	"testing"

	"nianbao/db"
	"nianbao/demo"
)

// BenchmarkStartupPath does in one process what start-up does before the
// request log is on the screen — open the store, draw the start screen,
// load the organ-year and check it, draw the outline, open the request log
// and draw it — to find where start-up time goes (scripts/startbench
// measures the real binary in a pty).
func BenchmarkStartupPath(b *testing.B) {
	for _, fx := range []struct {
		name  string
		path  func(testing.TB) string
		organ string
	}{
		{"demo", demoPath, demo.BulkOrganName},
		{"stress50k", stressPath, StressOrganName},
	} {
		b.Run(fx.name, func(b *testing.B) {
			path := fx.path(b)
			for b.Loop() {
				st, err := db.Open(context.Background(), path, db.Options{})
				if err != nil {
					b.Fatal(err)
				}
				d := newDriver(b, st, fx.organ, StressYear)
				d.press("r")
				d.app.View()
				if !strings.Contains(d.app.LastFrame(), "依申请公开台账") {
					b.Fatalf("no request log:\n%s", d.app.LastFrame())
				}
				st.Close()
			}
		})
	}
}
