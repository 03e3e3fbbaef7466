package text

// Bundle export (inside an open report).
const (
	BunExportTitle   = "导出报送包"
	BunExportIntro   = "报送包是本单位本年度年报数据的一个文件（.json），用于向上级报送汇总或换电脑。"
	BunKindHeading   = "报送包类型"
	BunKindPublic    = "公开报送包（不含个人信息，报送上级用）"
	BunKindFull      = "完整报送包（含个人信息，只用于本单位换电脑）"
	BunAskFull       = "完整报送包含申请人的姓名、电话、身份证号、住址和台账备注，只能用于本单位电脑之间转移数据，不得报送或公开。确定要导出完整报送包吗？"
	BunFullWarning   = "注意：此文件含申请人个人信息，只用于本单位电脑之间转移数据，不要报送或公开。"
	BunStart         = "写出报送包"
	BunWriting       = "正在写出报送包……"
	BunWritten       = "已写出%s，已读回核对："
	BunHasErrors     = "注意：这份年报还有 %d 个错误，上级汇总时会显示为“有错误”。"
	BunKeyBundle     = "报送包"
	BunKeyWrite      = "写出"
	BunNoReport      = "没有打开的年报，请先在开始页面打开一个单位的年度。"
	BunLoadFailed    = "读取年报失败：%s"
	BunFolderMissing = "没有选择位置：请选择U盘，或填写一个文件夹。"
)

// Bundle import and county aggregation (from the start screen).
const (
	BunImportTitle    = "导入报送包与汇总"
	BunImportIntro    = "选择存放报送包（.json）的U盘或文件夹，读取后可导入数据库，或按年度汇总。"
	BunSource         = "报送包所在位置"
	BunRead           = "读取报送包"
	BunReading        = "正在读取……"
	BunFound          = "「%s」中有 %d 个报送包，其中 %d 个有问题"
	BunNone           = "这个文件夹里没有 .json 报送包文件。"
	BunBad            = "✗ %s：%s"
	BunExists         = "已有该年度"
	BunWithErrors     = "有 %d 个错误"
	BunClean          = "无错误"
	BunStateImported  = "已导入"
	BunStateReplaced  = "已替换"
	BunStateKept      = "已保留原有年报"
	BunStateSame      = "内容相同，无需导入"
	BunStateFailed    = "导入失败：%s"
	BunAskDiff        = "数据库中已有%s%d年的年报，与报送包（%s）有 %d 处不同（已有 → 报送包）："
	BunNothingChosen  = "没有可导入的报送包：请按 %s 勾选，或把光标放在一个完好的报送包上。"
	BunImportDone     = "导入完成：导入 %d 个，替换 %d 个，保留 %d 个，相同 %d 个，失败 %d 个。"
	BunKeySelect      = "勾选"
	BunKeySelectAll   = "全选"
	BunKeyImport      = "导入"
	BunKeyAggregate   = "汇总"
	BunKeyRescan      = "重新读取"
	BunKeyReplace     = "用报送包替换"
	BunKeyKeep        = "保留已有的年报"
	BunKeyFolder      = "换文件夹"
	BunKeyStartImport = "导入报送包"
	BunKeyStartAgg    = "汇总"
)

// County aggregation.
const (
	AggTitle        = "汇总各单位报送包"
	AggFolder       = "报送包文件夹："
	AggYear         = "汇总年度："
	AggExpected     = "应报送单位："
	AggExpectedHint = "可不填；单位名称用逗号或顿号分隔"
	AggOut          = "汇总表写到："
	AggStart        = "生成汇总表"
	AggRunning      = "正在汇总……"
	AggBadYear      = "年度「%s」不对：请填写2019年或以后的四位年份，例如 2021。"
	AggNoFolder     = "请填写存放报送包的文件夹。"
	AggNoOut        = "请填写汇总表要写到的文件夹，或选择U盘。"
	AggCounted      = "%d年汇总：%d 个单位计入合计。"
	AggColOrgan     = "单位"
	AggColStatus    = "状态"
	AggColErrors    = "错误"
	AggColDue       = "按时报送"
	AggRejected     = "未能使用的文件 %d 个，其他年度的报送包 %d 个（见下）"
	AggWritten      = "汇总表已写出，已读回核对："
	AggMore         = "……另有 %d 行，按 %s 查看"
	AggKeyRun       = "生成"
	AggKeyScroll    = "翻看结果"
	AggKeyScrollUp  = "往回翻"
)

// BunMoreDiffs ends the bundle import's question when it lists only the
// first differences.
const BunMoreDiffs = "……另有 %d 处不同"
