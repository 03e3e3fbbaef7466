package text

// Year overview (年度概览) screen.
const (
	TitleOverview       = "年度概览"
	OverviewKeyFigures  = "关键数字"
	OverviewLastYear    = "上年"
	OverviewNoMeasures  = "本年度未登记改进措施。"
	OverviewNoYear      = "还没有打开年度。"
	OverviewKeyScroll   = "向下滚动"
	OverviewKeyScrollUp = "向上滚动"
	OverviewKeyPage     = "下一页"
	OverviewKeyPageUp   = "上一页"
	OverviewKeyHome     = "回到开头"
	OverviewKeyEnd      = "到结尾"
)
