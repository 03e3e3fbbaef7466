// Package text holds every Chinese string the workstation shows, one file
// per screen (app.go for the frame, the outline and the keys every screen
// shares). Screens refer to text.X; no screen writes a Chinese string of
// its own, so the wording can be read and reviewed in one place.
package text

// Global keys, the status line, the outline and shared marks.
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
	// The keys of a long list (tui/components/pagedlist).
	ListKeyFirst = "第一条"
	ListKeyLast  = "最后一条"
	KeyOpen      = "打开"
	KeyEdit      = "修改"
	KeyAdd       = "新增"
	KeyDelete    = "删除"
	KeyConfirm   = "确定"
	KeyCancel    = "取消"

	// The cursor and text-field keys.
	KeyLeft       = "左移"
	KeyRight      = "右移"
	KeyLineStart  = "到行首"
	KeyLineEnd    = "到行尾"
	KeyBackspace  = "删除前一个字"
	KeyDeleteChar = "删除后一个字"
	KeyKillEnd    = "删到行尾"
	KeyKillWord   = "删除前一个词"
	KeyNewline    = "换行"

	AppName = "年报 · 政府信息公开工作年度报告"
	// The check behind the start found records changed since they were
	// saved (row checksums): a dialog with the message, then this note.
	DamagedRowsTitle  = "注意：有记录与保存时不一致"
	DamagedRowsNote   = "有记录与保存时不一致，可用 nianbao check --deep 再核对"
	KeyQuitWhere      = "退出（在目录或开始界面）"
	StartFromLabel    = "开始方式"
	OutlineS1         = "一 总体情况"
	OutlineS2         = "二 主动公开"
	OutlineS3         = "三 依申请公开"
	OutlineS4         = "四 复议诉讼情况"
	OutlineS5         = "五 问题和改进"
	OutlineS6         = "六 其他事项"
	OutlineKeyJump    = "跳转"
	OutlineKeyBack    = "换单位/年度"
	OutlineKeyNextSec = "下一节"
	OutlineKeyPrevSec = "上一节"
	OutlineKeyLeave   = "回到目录"
	GridArrows        = "方向键"
	StatusSaved       = "已保存 %s"
	StatusSaveFail    = "保存失败：%s"
	StatusUnsaved     = "未保存"
	StatusFindings    = "错误 %d · 提示 %d"
	StatusDueSoon     = "即将到期 %d 件"
	StatusNoReport    = "未打开年报"
	StatusYear        = "%d年"
	HelpTitle         = "全部按键一览"
	HelpGlobal        = "任何界面"
	DeleteConfirm     = "确定删除「%s」吗？"
	NotReadyNote      = "「%s」这一部分还在制作中，暂时不能使用。请先填写其他部分。"
	LoadFailed        = "读取年报失败：%s"
	TooSmall          = "终端窗口太小，请把窗口拉大（建议至少 80×24）。"
	MarkDone          = "✓"
	MarkOpen          = "·"
	MarkStale         = "待更新"
	MarkAcked         = "已确认"
	MarkError         = "✗"
	MarkWarning       = "!"
	UndoNothing       = "没有可以撤销的删除。"
	UndoDone          = "已撤销删除。"
	UndoHint          = "按 %s 撤销。"
	RefusedKeepOld    = "%s（已保留原值）"
)

// Outline entry titles.
const (
	TitleProfile  = "基本信息"
	TitleRequests = "依申请台账"
	TitleCases    = "复议诉讼"
	TitleMeasures = "整改措施"
	TitleFees     = "信息处理费"
	TitleCheck    = "检查"
	TitleExport   = "导出"
)
