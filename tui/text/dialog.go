package text

// Dialogs, the key overlay and the help bar.
const (
	KeyClose       = "关闭"
	KeyPageUp      = "上一页"
	KeyPageDown    = "下一页"
	HelpScroll     = "（%s%s 翻看更多）"
	HelpDialog     = "当前问题"
	QuitAsk        = "还有未保存的内容，确定退出吗？"
	QuitAskYes     = "退出"
	QuitAskNo      = "留下"
	AskDiscard     = "放弃"
	AskDraft       = "导出草稿"
	AskOverwrite   = "覆盖"
	FormAutosave   = "每一项离开时自动保存"
	NothingToSave  = "没有未保存的内容（每一项离开时已自动保存）"
	KeyFirst       = "第一项"
	KeyLast        = "最后一项"
	KeyWipe        = "清空这一项"
	BunDrivesFound = "已重新查找U盘：找到 %d 个。"
	FormLeaveAsk   = "有还没保存或填写有误的内容，怎么处理？"
	AskKeepEditing = "继续修改"
	FormCannotSave = "「%s」填写有误，改正后才能保存；不要这个改动请按 %s 再选 %s 放弃。"
	QuitWaiting    = "正在等待保存和导出写完，请不要拔出U盘……"
)
