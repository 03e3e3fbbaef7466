package text

// Importing an Excel or CSV sheet (disclosure items, the request ledger):
// the words every import shares.
const (
	ImportKeyRead       = "读取文件"
	ImportKeyCycle      = "换一列"
	ImportKeyCycleValue = "换对应的列或行"
	ImportKeyNext       = "下一步"
	ImportKeyPreview    = "预览"
	ImportKeyRun        = "全部导入"
	ImportKeyStepBack   = "返回上一步"
	ImportKeyClose      = "返回"
	ImportNoPath        = "请先输入文件路径。"
	ImportOpenFail      = "打不开文件「%s」：%s"
	ImportNotFound      = "文件不存在，请检查路径是否写对"
	ImportNoPerm        = "没有读取这个文件的权限，请把文件复制到U盘根目录或桌面后再试"
	ImportIsDir         = "这是一个文件夹，请输入其中 .xlsx 或 .csv 文件的完整路径"
	ImportOSFail        = "系统拒绝读取（%s），请确认文件没有被其他程序占用、U盘已插好后再试"
	ImportReading       = "正在读取文件……"
	ImportNoCol         = "（不导入）"
	ImportSample        = "第一行：%s"
	ImportValUnset      = "？请选择"
	ImportOnce          = "核对无误后全部导入：一次写入，出错则一条也不写。"
	ImportSaving        = "正在导入……"
	ImportNothing       = "没有可以导入的行。请检查列的对应关系和表格内容。"
	ImportBadRow        = "第 %d 行：%s"
	ImportDupRow        = "第 %d 行（重复）：%s"
	ImportBadHead       = "有问题的行（改好表格后可以再导入一次，已导入的会按重复跳过）："
)
