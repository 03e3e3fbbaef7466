package export

// volume is what Windows says of one drive letter (GetDriveType,
// GetVolumeInformation, GetDiskFreeSpaceEx), gathered by the Windows-only
// code so the decision below can be tested on every platform.
//
//lint:ignore U1000 used by media_windows.go; kept in a file every platform builds so its tests run everywhere
type volume struct {
	removable bool   // GetDriveType == DRIVE_REMOVABLE
	medium    bool   // GetVolumeInformation succeeded: a medium is in the drive
	label     string // the volume label, trimmed
	free      uint64 // bytes free to the user
}

// removableDrives turns the logical-drive bit mask (bit 0 = A:) into the
// U盘 the export screens offer: removable drives that hold a medium, as
// drive roots such as `E:\`. probe is asked only for drives in the mask.
//
//lint:ignore U1000 used by media_windows.go; kept in a file every platform builds so its tests run everywhere
func removableDrives(mask uint32, probe func(root string) volume) []Drive {
	var out []Drive
	for i := 0; i < 26; i++ {
		if mask&(1<<uint(i)) == 0 {
			continue
		}
		root := string(rune('A'+i)) + `:\`
		v := probe(root)
		if !v.removable || !v.medium {
			continue // a fixed disk, a CD drive, or a card reader without a card
		}
		out = append(out, Drive{Path: root, Label: v.label, Free: v.free})
	}
	return out
}
