package export

import "testing"

func TestDrivesOnlyListsWritableRemovableMedia(t *testing.T) {
	for _, d := range Drives() {
		if d.Path == "" {
			t.Errorf("drive without a path: %+v", d)
		}
		if !underMediaRoot(d.Path) {
			t.Errorf("%s is not under a media mount root", d.Path)
		}
	}
	if got := unescapeMount(`/media/clerk/KINGSTON\040USB`); got != "/media/clerk/KINGSTON USB" {
		t.Errorf("unescapeMount gave %q", got)
	}
}
