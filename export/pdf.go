package export

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ErrNoOffice says PDF export needs LibreOffice and how to make a PDF
// without it.
var ErrNoOffice = errors.New("本机没有安装 LibreOffice，无法直接导出 PDF。请用 Word 或 WPS 打开导出的 .docx 文件，点「文件→另存为」，保存类型选 PDF。")

// officeBinary finds LibreOffice on PATH.
func officeBinary() (string, error) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoOffice
}

// RenderPDF converts the document's .docx rendering to PDF with LibreOffice
// in a private temp folder and profile, so a running LibreOffice of the
// clerk's does not interfere. Without LibreOffice it returns ErrNoOffice.
func RenderPDF(ctx context.Context, d *Document) ([]byte, error) {
	bin, err := officeBinary()
	if err != nil {
		return nil, err
	}
	docx, err := RenderDocx(d)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "nianbao-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, "report.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		return nil, err
	}
	profile := "file://" + filepath.ToSlash(filepath.Join(tmp, "profile"))
	if !strings.HasPrefix(profile, "file:///") {
		profile = "file:///" + strings.TrimPrefix(profile, "file://")
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", tmp, in)
	out, err := cmd.CombinedOutput()
	pdf, rerr := os.ReadFile(filepath.Join(tmp, "report.pdf"))
	if err != nil || rerr != nil || len(pdf) == 0 {
		msg := strings.TrimSpace(string(out))
		if r := []rune(msg); len(r) > 200 {
			msg = string(r[:200])
		}
		return nil, errors.New("LibreOffice 转换 PDF 失败（" + msg + "）。请用 Word 或 WPS 打开导出的 .docx 文件，点「文件→另存为」，保存类型选 PDF。")
	}
	return pdf, nil
}
