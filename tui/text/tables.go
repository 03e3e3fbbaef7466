package text

// Tables 二/三/四.
const (
	GridComputedNote   = "本表由依申请台账/复议诉讼记录自动计算，只读。如需手工填写，请在“基本信息”中把表格数据改为“手工填写”。"
	GridKeyEdit        = "输入数字"
	GridKeyClear       = "清空"
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
	GridCleared        = "已清空（按 %s 撤销）。"
	GridArt20Refuse    = "这一格由主动公开信息登记自动统计，不能直接填写。"
)
