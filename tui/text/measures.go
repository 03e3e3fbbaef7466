package text

// Improvement measures.
const (
	MeasureHeading          = "存在的主要问题及整改措施 · 共 %d 条"
	MeasureNote             = "第五部分的改进情况由这里列出"
	MeasureEmpty            = "还没有整改措施。按 %s 新增一条。"
	MeasureDeleted          = "已删除一条整改措施。"
	MeasureColProblem       = "存在的问题"
	MeasureColMeasure       = "整改措施"
	MeasureColDue           = "完成时限"
	MeasureColStatus        = "状态"
	MeasureNewTitle         = "新增整改措施"
	MeasureEditTitle        = "修改整改措施"
	MeasureFieldProblem     = "存在的问题"
	MeasureFieldMeasure     = "整改措施"
	MeasureFieldResponsible = "责任部门/人"
	MeasureFieldDue         = "完成时限"
	MeasureFieldStatus      = "完成情况"
	MeasureFieldFirstYear   = "首次提出年度"
	MeasureHintProblem      = "写明问题本身，例如：公开内容更新不够及时"
	MeasureHintMeasure      = "写明做什么、怎么做，例如：建立每月更新检查制度"
	MeasureHintFirstYear    = "问题第一次写进年报的年度，例如 2020"
	MeasureNeedText         = "还未保存：请先填写存在的问题或整改措施。"
	MeasureErrYear          = "年度 %d 不合理，请写四位年份，例如 2021。"
	MeasureErrFirstYear     = "首次提出年度 %d 晚于本年报的年度（%d年）。"
)
