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

// RenderPDF converts the document to PDF; see RenderPDFNote.
func RenderPDF(ctx context.Context, d *Document) ([]byte, error) {
	pdf, _, err := RenderPDFNote(ctx, d)
	return pdf, err
}

// RenderPDFNote converts the document's .docx rendering to PDF with
// LibreOffice in a private temp folder and profile, so a running
// LibreOffice of the clerk's does not interfere. The .docx it converts names
// the faces this machine has, chosen in the GB/T 9704 order (ChooseFonts);
// note says which official faces were missing and what printed instead
// (empty when none was). It then reads the PDF's text back and refuses the
// PDF when any character of the document is missing from it. Without
// LibreOffice it returns ErrNoOffice.
func RenderPDFNote(ctx context.Context, d *Document) (pdf []byte, note string, err error) {
	pdf, choice, err := convertPDF(ctx, d, ChooseFonts(InstalledFonts()))
	if err != nil {
		return nil, "", err
	}
	if err := CheckPDFText(d, pdf); err != nil {
		return nil, "", err
	}
	return pdf, choice.FontNote(), nil
}

// CheckPDFText compares the PDF's text with the document's and returns a
// clear error naming what is missing.
func CheckPDFText(d *Document, pdf []byte) error {
	pages, err := PDFText(pdf)
	if err != nil {
		return errors.New("生成的 PDF 无法读回核对，未写入。请用 Word 或 WPS 打开导出的 .docx 文件另存为 PDF。")
	}
	if miss := MissingText(d.Text(), strings.Join(pages, "")); len(miss) > 0 {
		if len(miss) > 8 {
			miss = append(miss[:8], "等")
		}
		return errors.New("LibreOffice 生成的 PDF 与报告正文不一致（" + strings.Join(miss, "、") + "），未写入 PDF。请用 Word 或 WPS 打开导出的 .docx 文件，点「文件→另存为」，保存类型选 PDF。")
	}
	return nil
}

// convertPDF renders the document as .docx naming the faces of fc and
// converts it with LibreOffice.
func convertPDF(ctx context.Context, d *Document, fc FontChoice) ([]byte, FontChoice, error) {
	bin, err := officeBinary()
	if err != nil {
		return nil, fc, err
	}
	docx, err := renderDocxWith(d, fc.Fonts)
	if err != nil {
		return nil, fc, err
	}
	pdf, err := OfficeToPDF(ctx, bin, "report.docx", docx)
	if err != nil {
		return nil, fc, errors.New("LibreOffice 转换 PDF 失败（" + err.Error() + "）。请用 Word 或 WPS 打开导出的 .docx 文件，点「文件→另存为」，保存类型选 PDF。")
	}
	return pdf, fc, nil
}

// OfficeToPDF converts one office file (named name, holding data) to PDF
// with the LibreOffice at bin, in a private temp folder and profile. The
// error is LibreOffice's own output, shortened.
func OfficeToPDF(ctx context.Context, bin, name string, data []byte) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "nianbao-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, name)
	if err := os.WriteFile(in, data, 0o600); err != nil {
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
	pdf, rerr := os.ReadFile(filepath.Join(tmp, strings.TrimSuffix(name, filepath.Ext(name))+".pdf"))
	if err != nil || rerr != nil || len(pdf) == 0 {
		msg := strings.TrimSpace(string(out))
		if r := []rune(msg); len(r) > 200 {
			msg = string(r[:200])
		}
		if msg == "" && err != nil {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	return pdf, nil
}
