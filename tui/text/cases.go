package text

// Review and litigation cases.
const (
	ColSerialShort = "序号"

	CaseHeading      = "行政复议、行政诉讼 · 共 %d 件"
	CaseNote         = "表四由这里的记录计算"
	CaseEmpty        = "本年没有行政复议或行政诉讼。按 %s 新增一件。"
	CaseDeleted      = "已删除一件%s。"
	CaseTypedNote    = "注意：本年报的表四设为“手工填写”，报告中使用手工填写的数字。"
	CaseColKind      = "类别"
	CaseColFiled     = "日期"
	CaseColResult    = "结果"
	CaseColSummary   = "摘要"
	CaseNewTitle     = "新增复议/诉讼"
	CaseEditTitle    = "修改复议/诉讼"
	CaseFieldKind    = "类别"
	CaseFieldFiled   = "收到/立案日期"
	CaseFieldResult  = "结果"
	CaseFieldSummary = "摘要"
	CaseHintSummary  = "例如：申请人对某某答复不服申请复议（不要写个人信息）"
	CaseErrYear      = "日期%s晚于本年报的年度（%d年），请检查。"
)
