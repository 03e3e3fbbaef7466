package common

// Every Chinese string the workstation shows lives here. Both TUI engineers
// append to this file; keep each screen's strings in its own block.

// Global keys and the status line (E1).
const (
	KeyQuit    = "退出"
	KeyHelpAll = "全部按键"
	KeyBack    = "返回"
	KeySave    = "保存"
	KeyUndo    = "撤销删除"
	KeyNext    = "下一项"
	KeyPrev    = "上一项"
	KeyUp      = "上移"
	KeyDown    = "下移"
	KeyOpen    = "打开"
	KeyEdit    = "修改"
	KeyAdd     = "新增"
	KeyDelete  = "删除"
	KeyRename  = "改名"
	KeyMove    = "调整顺序"
	KeyConfirm = "确定"
	KeyCancel  = "取消"

	AppName         = "年报 · 政府信息公开工作年度报告"
	StatusSaved     = "已保存 %s"
	StatusSaveFail  = "保存失败：%s"
	StatusUnsaved   = "未保存"
	StatusFindings  = "错误 %d · 提示 %d"
	StatusNoReport  = "未打开年报"
	StatusYear      = "%d年"
	HelpTitle       = "全部按键（按 ? 或 esc 关闭）"
	HelpGlobal      = "任何界面"
	QuitConfirm     = "还有未保存的内容，确定退出吗？(y 退出 / n 留下)"
	DeleteConfirm   = "确定删除「%s」吗？(y 删除 / n 取消)"
	ConfirmYesNo    = "(y 是 / n 否)"
	NotReadyNote    = "「%s」这一部分还在制作中，暂时不能使用。请先填写其他部分。"
	LoadFailed      = "读取年报失败：%s"
	TooSmall        = "终端窗口太小（至少 80×24），请把窗口拉大。"
	MarkDone        = "✓"
	MarkOpen        = "·"
	MarkStale       = "待更新"
	MarkAcked       = "已确认"
	MarkError       = "✗"
	MarkWarning     = "!"
	ReadOnlyNote    = "只读"
	UndoNothing     = "没有可以撤销的删除。"
	UndoDone        = "已撤销删除。"
	RefusedKeepOld  = "%s（已保留原值）"
	GenericSaveHint = "请检查磁盘空间或数据文件是否可写，然后按 ctrl+s 重试。"
)

// Outline entry titles (E1).
const (
	TitleProfile  = "基本信息"
	TitleRequests = "依申请台账"
	TitleCases    = "复议诉讼"
	TitleMeasures = "整改措施"
	TitleFees     = "信息处理费"
	TitleCheck    = "检查"
	TitleExport   = "导出"
)

// Start screen (E1).
const (
	StartTitle        = "选择单位和年度"
	StartOrgans       = "单位"
	StartYears        = "年度（最近的在前）"
	StartNoOrgans     = "还没有单位。按 n 新建一个单位。"
	StartNoYears      = "这个单位还没有年报。按 y 新建一个年度。"
	StartNewOrgan     = "新建单位"
	StartEditOrgan    = "修改单位"
	StartNewYear      = "新建年度"
	StartYearPrompt   = "年度"
	StartYearFormat   = "将使用 %s 格式（%s）"
	StartYearNoFormat = "%d年早于2019年，没有适用的全国统一格式。"
	StartYearExists   = "%d年的年报已经存在，请直接打开。"
	StartYearInvalid  = "年度应是四位数字，例如 2021。"
	StartFromPrev     = "从上一年开始（沿用%d年的单位信息和文字，文字标为待更新）"
	StartFresh        = "从空白开始"
	StartKeyNewOrgan  = "新建单位"
	StartKeyEditOrgan = "修改单位"
	StartKeyNewYear   = "新建年度"
	StartKeySwitch    = "切换单位/年度"

	FieldName     = "单位全称"
	FieldLevel    = "单位层级"
	FieldSuperior = "上级政府"
	FieldOffice   = "公开工作机构"
	FieldPhone    = "联系电话"
	FieldEmail    = "电子邮箱"
	FieldPortal   = "发布网站"
	FieldDue      = "报送截止（月/日）"
	FieldDueHint  = "留空为次年1月31日"
	FieldBasis    = "编制依据（文件名）"
	FieldWhere    = "电子版下载位置"
	FieldPreamble = "引言（填写后替换自动生成的引言）"
	FieldDate     = "成文日期"
	FieldDateHint = "留空为导出当天"
	FieldMode3    = "表三数据"
	FieldMode4    = "表四数据"
	ModeFromLog   = "从台账计算"
	ModeTyped     = "手工填写"
	FormatLabel   = "格式"

	ErrNameEmpty = "单位全称不能为空，请填写。"
	ErrDueBad    = "报送截止日期应写成“月/日”，例如 1/31。"
	FormHint     = "tab/enter 下一项 · shift+tab 上一项 · ←/→ 选择 · ctrl+s 保存 · esc 返回"
)

// Narrative editor (E1).
const (
	NarrTitle        = "文字"
	NarrChars        = "%d 字"
	NarrNewHeading   = "新小标题"
	NarrRenamePrompt = "小标题"
	NarrEmpty        = "（空）"
	NarrGenerated    = "已插入根据表格生成的句子。"
	NarrNoGenerated  = "这一部分没有可以根据表格生成的句子。"
	NarrKeyGenerate  = "插入表格句子"
	NarrKeyEditText  = "编辑正文"
	NarrStaleHint    = "待更新：这段文字沿用自上一年，修改后标记消失。"
	NarrHeadings     = "小标题"
	NarrText         = "正文"
)

// Table grids (E1).
const (
	GridComputedNote = "本表由依申请台账/复议诉讼记录自动计算，只读。如需手工填写，请在“基本信息”中把表格数据改为“手工填写”。"
	GridTotalNote    = "合计由程序计算"
	GridKeyEdit      = "输入数字"
	GridKeyClear     = "清空"
	GridUnit         = "单位：%s"
)

// Check screen (E1).
const (
	CheckTitle      = "检查结果"
	CheckNone       = "没有发现问题。"
	CheckAckPrompt  = "确认这条提示的理由"
	CheckAckNeeded  = "请写明理由再确认。"
	CheckAckError   = "错误不能确认，必须改正。"
	CheckKeyJump    = "转到"
	CheckKeyAck     = "确认提示"
	CheckKeyUnack   = "取消确认"
	CheckNotReady   = "检查规则尚未就绪。"
	CheckAckedLabel = "已确认：%s"
)
