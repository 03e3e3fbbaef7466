package text

// Fees.
const (
	FeeTitle          = "信息处理费"
	FeeNote           = "手工填写的两项离开时自动保存"
	FeeFieldCount     = "按件：本月申请件数"
	FeeFieldPages     = "按量：答复页数"
	FeeFieldNotices   = "手工填写：收费通知（件）"
	FeeFieldCollected = "手工填写：实收金额（元）"
	FeeHintCount      = "同一申请人一个自然月内的申请件数，只用于计算"
	FeeHintPages      = "一件申请答复材料的页数，只用于计算"
	FeeHintTyped      = "台账中没有收费记录时，第六部分使用这里填写的数字"
	FeeCalcTitle      = "计算器（不保存）"
	FeeCalcEmpty      = "填写件数或页数，这里显示应收金额。"
	FeeCalcCount      = "按件：第 %d 件收 %s 元；%d 件合计 %s 元"
	FeeCalcPages      = "按量：%d 页收 %s 元"
	FeeRules          = "按件：每月前10件免费，11–30件每件100元，31件起每10件一档每件加收100元；按量：30页以内免费，31–100页每页10元，101–200页每页20元，201页起每页40元。"
	FeeYearTitle      = "%d年收费情况"
	FeeFromLog        = "台账计算：发出收费通知 %d 件，实际收取 %s 元（按件 %d 件，按量 %d 件）"
	FeeUsesTyped      = "台账中没有收费记录，第六部分使用手工填写的数字：收费通知 %d 件，实收 %s 元。"
	FeeUsesLog        = "第六部分使用台账计算的数字。"
	FeeFormat2019     = "注：2019版格式不要求单独报告信息处理费。"
)
