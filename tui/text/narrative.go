package text

// Narrative editor and the preamble.
const (
	NarrTitle         = "文字"
	NarrChars         = "%d 字"
	NarrNewHeading    = "新小标题"
	NarrRenamePrompt  = "小标题"
	NarrEmpty         = "（空）"
	NarrGenerated     = "已插入根据表格生成的句子。"
	NarrNoGenerated   = "这一部分没有可以根据表格生成的句子。"
	NarrKeyGenerate   = "插入表格句子"
	NarrKeyEditText   = "编辑正文"
	NarrStaleHint     = "待更新：这段文字沿用自上一年，修改后标记消失。"
	NarrHeadings      = "小标题"
	NarrText          = "正文"
	NarrKeyAddHeading = "新增小标题"
	NarrKeyAddPara    = "新增段落"
	NarrKeyDone       = "结束编辑"
	NarrKeyNextPara   = "下一段"
	NarrHeadingEmpty  = "小标题不能为空，请填写。"
	NarrEmptyPara     = "空段落"
	NarrDeleted       = "已删除（ctrl+z 或 u 撤销）。"
	NarrNoBlocks      = "这一部分还没有文字。按 a 新增小标题，按 p 新增段落。"
	PreambleTitle     = "引言"
	PreambleGenerated = "自动生成的引言（现在会打印这一段）："
	PreambleKeyInsert = "插入自动生成的引言"
)
