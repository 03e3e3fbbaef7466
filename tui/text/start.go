package text

// Start screen: choosing an organ and a year, a new year.
const (
	StartTitle         = "选择单位和年度"
	StartOrgans        = "单位"
	StartYears         = "年度（最近的在前）"
	StartNoOrgans      = "还没有单位。按 %s 新建一个单位。"
	StartNoYears       = "这个单位还没有年报。按 %s 新建一个年度。"
	StartDueSoon       = "依申请台账：%d 件申请即将到期或已超期（其中已超期 %d 件），打开年度后在台账按 %s 查看。"
	StartNewOrgan      = "新建单位"
	StartEditOrgan     = "修改单位"
	StartNewYear       = "新建年度"
	StartYearPrompt    = "年度"
	StartYearFormat    = "将使用 %s 格式（%s）"
	StartYearNoFormat  = "%d年早于2019年，没有适用的全国统一格式。"
	StartYearExists    = "%d年的年报已经存在，请直接打开。"
	StartYearInvalid   = "年度应是四位数字，例如 2021。"
	StartFromPrev      = "从上一年开始（沿用%d年的单位信息和文字，文字标为待更新）"
	StartFresh         = "从空白开始"
	StartCarried       = "已从%d年开始：沿用文字 %d 段（标为待更新），上年结转申请 %d 件，未完成的整改措施 %d 条，预填单元格 %d 个。"
	StartFormatChanged = "本年改用%s格式，请核对各表。"
	StartKeyNewOrgan   = "新建单位"
	StartKeyEditOrgan  = "修改单位"
	StartKeyNewYear    = "新建年度"
	StartKeySwitch     = "切换单位/年度"
	StartKeyOpenYear   = "打开%d年"
	StartKeyOrgans     = "回到单位"
	StartKeyYears      = "到年度"
)

// CalendarImportHint follows model.MissingYearText on the start screen and
// in the request form: how to enter the year.
const CalendarImportHint = "（国务院通知发布后，按 %s 打开节假日安排录入或导入）"
