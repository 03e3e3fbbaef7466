package export

import (
	"strings"
	"testing"

	"nianbao/model"
)

// TestNoFileNameIsAWindowsDevice: organ names a clerk could type (or a
// hostile bundle could carry) that Windows reads as devices never become a
// file name that opens one, on any platform. Every exporter names its files
// through SafeFileName (bundles too: export/bundle tests its own names).
func TestNoFileNameIsAWindowsDevice(t *testing.T) {
	for _, name := range []string{"CON", "con", "nul", "Aux", "PRN", "COM1", "lpt9", "CON ", "NUL.", "com0"} {
		for _, got := range []string{
			SafeFileName(name, ".docx"),
			SafeFileName(name, ""),
			FileName(name, 2021, "docx", false),
			FileName(name, 2021, "pdf", true),
			LetterFileName(&model.Request{Year: 2021, Serial: 3}, &model.Letter{Title: name}),
		} {
			if windowsDeviceName(got) {
				t.Errorf("organ %q gives the file name %q, a Windows device", name, got)
			}
			if strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") {
				t.Errorf("organ %q gives %q, which Windows would cut", name, got)
			}
		}
	}
	for name, want := range map[string]bool{"CON": true, "con.txt": true, "NUL .json": true, "COM7.docx": true, "LPT0": true,
		"CONTEXT.docx": false, "CON2021年政府信息公开工作年度报告.docx": false, "COM10": false, "大雁镇人民政府": false} {
		if windowsDeviceName(name) != want {
			t.Errorf("windowsDeviceName(%q) = %v, want %v", name, !want, want)
		}
	}
	if got := SafeFileName("nul", ".json"); got != "_nul.json" {
		t.Errorf("SafeFileName(nul, .json) = %q, want _nul.json", got)
	}
}
