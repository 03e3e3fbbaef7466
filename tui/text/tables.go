package text

// Tables 二/三/四.
const (
	GridComputedNote   = "本表由依申请台账/复议诉讼记录自动计算，只读。如需手工填写，请在“基本信息”中把表格数据改为“手工填写”。"
	GridKeyEdit        = "输入数字"
	GridKeyClear       = "清空（恢复未填）"
	GridUnit           = "单位：%s"
	GridKeyMove        = "移动"
	GridKeyCommit      = "确认并到下一格"
	GridKeyCancel      = "放弃输入"
	GridKeyWipe        = "清空输入"
	GridKeyText        = "文字/表格"
	GridFromLogTag     = "【从台账计算 · 只读】"
	GridDeltaHint      = "可填正负数，如 +3、-1"
	GridComputedRefuse = "这张表由台账自动计算，不能直接填写。如需手工填写，请在“基本信息”中把表格数据改为“手工填写”。"
	GridTotalRefuse    = "合计由程序自动计算，不能直接填写。"
	GridCleared        = "已清空，这一格恢复为未填（按 %s 撤销）。"
	// A typed cell never entered shows GridBlank, dimmed; a total with a
	// part not entered shows GridTotalBlank. The line under the table says
	// what they mean.
	GridBlank          = "未填"
	GridTotalBlank     = "-"
	GridBlankNote      = "未填：这一格还没有填写。未填不算 0，是一个错误；没有的请填 0。"
	GridTotalBlankNote = "合计要等各项都填了才算出来；先把这一行（列）中未填的格子填上。"
	GridArt20Refuse    = "这一格由主动公开信息登记自动统计，不能直接填写。"
)
