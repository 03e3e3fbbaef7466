package text

// The organ's fields (新建单位 and 基本信息) and the profile screen.
const (
	FieldName     = "单位全称"
	FieldLevel    = "单位层级"
	FieldSuperior = "上级政府"
	FieldOffice   = "公开工作机构"
	FieldPhone    = "联系电话"
	FieldEmail    = "电子邮箱"
	FieldPortal   = "发布网站"
	FieldAddress  = "通讯地址"
	FieldPostcode = "邮政编码"
	FieldDue      = "报送截止（月/日）"
	FieldDueHint  = "留空为次年1月31日"
	// The letters' remedy clause and 文号.
	FieldReviewOrgan       = "复议机关"
	FieldReviewHint        = "留空按层级推定：乡镇、县级部门为上级（本级）政府"
	FieldCourt             = "人民法院"
	FieldCourtHint         = "留空为上级政府所在地的人民法院"
	FieldLetterPattern     = "告知书文号"
	FieldLetterPatternHint = "{年}为年份、{号}为序号；留空为 %s"
	FieldBasis             = "编制依据（文件名）"
	FieldWhere             = "电子版下载位置"
	FieldDate              = "成文日期"
	FieldDateHint          = "留空为导出当天"
	FieldMode3             = "表三数据"
	FieldMode4             = "表四数据"
	ModeFromLog            = "从台账计算"
	ModeTyped              = "手工填写"
	FormatLabel            = "格式"

	ProfileKeyPreamble    = "编辑引言"
	ProfilePreambleAuto   = "引言：按单位信息自动生成（按 %s 改写）"
	ProfilePreambleCustom = "引言：已改写（按 %s 编辑；清空后恢复自动生成）"

	ErrNameEmpty = "单位全称不能为空，请填写。"
	ErrDueBad    = "报送截止日期应写成“月/日”，例如 1/31。"
	ErrEmailBad  = "电子邮箱「%s」格式不对，应像 name@example.gov.cn。"
)
