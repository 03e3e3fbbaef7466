package text

// Preview screen.
const (
	TitlePreview       = "预览"
	PreviewNote        = "与导出的文件内容一致；宽表格按 %s 左右查看"
	PreviewPosition    = "第 %d 行 / 共 %d 行"
	PreviewShifted     = " · 表格右移 %d 列"
	PreviewKeyPageUp   = "上一页"
	PreviewKeyPageDown = "下一页"
	PreviewKeyTop      = "开头"
	PreviewKeyBottom   = "末尾"
	PreviewKeyLeft     = "表格左移"
	PreviewKeyRight    = "表格右移"
	ExpKeyPreview      = "预览"
)
