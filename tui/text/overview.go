package text

// Year overview (年度概览) screen.
const (
	TitleOverview      = "年度概览"
	OverviewKeyFigures = "关键数字"
	OverviewLastYear   = "上年"
	OverviewNoMeasures = "本年度未登记改进措施。"
	OverviewNoYear     = "还没有打开年度。"
	OverviewKeyScroll  = "滚动"
	OverviewKeyPage    = "翻页"
)
