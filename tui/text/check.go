package text

// Check screen.
const (
	CheckTitle      = "检查结果"
	CheckNone       = "没有发现问题。"
	CheckAckPrompt  = "确认这条提示的理由"
	CheckAckNeeded  = "请写明理由再确认。"
	CheckAckError   = "错误不能确认，必须改正。"
	CheckKeyJump    = "转到"
	CheckKeyAck     = "确认提示"
	CheckKeyUnack   = "取消确认"
	CheckAckedLabel = "已确认：%s"
)
