package export

import (
	"reflect"
	"testing"
)

// TestRemovableDrivesWindowsInputs feeds the decision what a Windows PC
// reports: C: a fixed disk, D: a CD drive, E: a U盘 with a label, F: a card
// reader without a card, G: a U盘 without a label. Only E: and G: are
// offered, as drive roots, with their labels and free space.
func TestRemovableDrivesWindowsInputs(t *testing.T) {
	vols := map[string]volume{
		`C:\`: {removable: false, medium: true, label: "系统", free: 50 << 30},
		`D:\`: {removable: false},
		`E:\`: {removable: true, medium: true, label: "KINGSTON", free: 7 << 30},
		`F:\`: {removable: true, medium: false},
		`G:\`: {removable: true, medium: true, free: 1 << 20},
	}
	var asked []string
	probe := func(root string) volume { asked = append(asked, root); return vols[root] }
	mask := uint32(1<<2 | 1<<3 | 1<<4 | 1<<5 | 1<<6) // C: … G:
	got := removableDrives(mask, probe)
	want := []Drive{{Path: `E:\`, Label: "KINGSTON", Free: 7 << 30}, {Path: `G:\`, Free: 1 << 20}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("drives = %+v, want %+v", got, want)
	}
	if !reflect.DeepEqual(asked, []string{`C:\`, `D:\`, `E:\`, `F:\`, `G:\`}) {
		t.Errorf("probed %v: only the letters in the mask, in order", asked)
	}
	if d := removableDrives(0, probe); d != nil {
		t.Errorf("no drives in the mask gave %+v", d)
	}
}
