package export

import (
	"fmt"
	"strings"

	"nianbao/model"
)

// LetterDocument lays a letter out as the report's docx writer expects it,
// so a letter gets the same GB/T 9704 page, fonts and page numbers: the
// title in 小标宋, the 文号 centred under it, the addressee flush left, the
// body justified with a two-character indent, and the organ and date at the
// end, the date four characters in from the right.
func LetterDocument(l *model.Letter) *Document {
	d := &Document{Title: l.Title, Organ: l.Organ, Year: l.Date.Year()}
	if l.Number != "" {
		d.Body = append(d.Body, Block{Kind: KindParagraph, Align: AlignCenter, Text: l.Number})
	}
	d.Body = append(d.Body, Block{Kind: KindParagraph, Align: AlignLeft, Text: l.Addressee})
	for _, p := range l.Paragraphs {
		d.Body = append(d.Body, Block{Kind: KindParagraph, Text: p})
	}
	// The writer keeps the last paragraph with the signature, so the
	// signature never stands alone on a page.
	d.Signature = []string{l.Organ, l.Date.Chinese()}
	return d
}

// RenderLetter renders a letter as .docx.
func RenderLetter(l *model.Letter) ([]byte, error) {
	return RenderDocx(LetterDocument(l))
}

// LetterFolderSuffix ends the name of every folder and file that holds
// letters: they name the applicant.
const LetterFolderSuffix = "（含个人信息）"

// LetterFileName is 「{year}年第{serial}号申请{title}（含个人信息）.docx」,
// with characters file systems refuse replaced.
func LetterFileName(q *model.Request, l *model.Letter) string {
	stem := fmt.Sprintf("%d年第%d号申请%s", q.Year, q.Serial, l.Title)
	if l.Kind == model.LetterConsultation && !strings.HasSuffix(l.Title, "函") {
		stem += "（致第三方）"
	}
	return SafeFileName(stem, LetterFolderSuffix+".docx")
}

// WriteLetter renders l and writes it to dir, readable by its owner only,
// read back and checked like every export. Letters are never part of the
// public export and never listed in its manifest.
func WriteLetter(dir string, q *model.Request, l *model.Letter) (FileResult, error) {
	data, err := RenderLetter(l)
	if err != nil {
		return FileResult{}, err
	}
	return WritePrivate(dir, LetterFileName(q, l), data)
}
