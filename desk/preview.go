package desk

import "nianbao/export"

// PreviewLine is one line of the report as the preview screen shows it.
type PreviewLine = export.Line

// The kinds of preview lines.
const (
	LineBlank     = export.LineBlank
	LineTitle     = export.LineTitle
	LineNote      = export.LineNote
	LineSection   = export.LineSection
	LineHeading   = export.LineHeading
	LineText      = export.LineText
	LineTable     = export.LineTable
	LineSignature = export.LineSignature
)

// PreviewLines lays the snapshot's report out at width as it will be
// exported: the same document every renderer prints, marked 草稿 while
// errors remain, with body text wrapped to width and tables drawn as the
// text export draws them (which may be wider than width).
func (y *Year) PreviewLines(width int) []PreviewLine {
	d := export.Build(y.oy, export.BuildOptions{Draft: len(y.Errors()) > 0, Today: y.today})
	return export.TextLines(d, width)
}
