package demo

import (
	"fmt"
	"math/rand/v2"

	"nianbao/model"
)

// BulkOrganName is the organ that holds generated requests for
// performance work (nianbao demo --requests N).
const BulkOrganName = "演示单位（批量申请数据）"

// BulkFirstYear and BulkLastYear bound the years bulk requests spread over.
const (
	BulkFirstYear = 2021
	BulkLastYear  = 2025
)

// BulkOrgan returns the profile of the bulk organ.
func BulkOrgan() model.Organ {
	return model.Organ{
		Name:     BulkOrganName,
		Level:    model.LevelCountyDept,
		Superior: "鄂温克族自治旗",
		Office:   "演示单位政务公开办公室",
		Phone:    "0470-8888000",
		Email:    "demo-bulk@example.cn",
		Portal:   "演示单位门户网站",
	}
}

// IsDemoOrgan reports whether name is one of the organs this package makes.
func IsDemoOrgan(name string) bool { return name == OrganName || name == BulkOrganName }

var (
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given    = []string{"建国", "淑华", "志刚", "秀兰", "海燕", "永强", "丽娟", "国庆", "晓东", "春梅", "明辉", "玉珍", "文博", "雪莲", "振宇",
		"桂兰", "德胜", "红梅", "子涵", "宏伟", "凤英", "俊杰", "晓燕", "立新", "美玲", "家豪", "翠萍", "浩宇", "静怡", "长青"}
	streets = []string{"兴安街", "团结路", "胜利大街", "新华街", "矿区路", "雁南路", "和平巷", "北苑路", "扎尼河路", "友谊路"}
	orgHead = []string{"呼伦贝尔市", "鄂温克旗", "海拉尔区", "内蒙古", "满洲里市"}
	orgMid  = []string{"恒达", "北辰", "瑞丰", "嘉禾", "鸿泰", "金桥", "远航", "华信", "绿源", "兴盛"}
	topics  = []string{"低保资金发放情况", "项目招标文件", "征收补偿方案", "财政预算执行情况", "行政处罚决定", "环境影响评价文件",
		"规划许可材料", "补贴发放名单", "道路建设工程合同", "供暖收费标准", "安全检查记录", "会议纪要", "人事招聘结果", "采购合同"}
)

// bulkOutcomes are the outcome rows of the 2021 format with weights: most
// requests are disclosed, every row occurs.
var bulkOutcomes = []struct {
	row    string
	weight int
}{
	{model.RowDisclosed, 40}, {model.RowPartly, 14},
	{"o3_1", 1}, {"o3_2", 1}, {"o3_3", 1}, {"o3_4", 3}, {"o3_5", 2}, {"o3_6", 2}, {"o3_7", 2}, {"o3_8", 2},
	{"o4_1", 10}, {"o4_2", 3}, {"o4_3", 2},
	{"o5_1", 3}, {"o5_2", 3}, {"o5_3", 1}, {"o5_4", 1}, {"o5_5", 1},
	{"o6_1", 3}, {"o6_2", 1}, {"o6_3", 4},
}

var bulkApplicants = []struct {
	kind   model.ApplicantType
	weight int
}{
	{model.NaturalPerson, 60}, {model.Business, 16}, {model.Research, 4},
	{model.NonProfit, 5}, {model.LegalService, 10}, {model.OtherOrg, 5},
}

func pickWeighted(r *rand.Rand, n int, weight func(i int) int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += weight(i)
	}
	x := r.IntN(total)
	for i := 0; i < n; i++ {
		x -= weight(i)
		if x < 0 {
			return i
		}
	}
	return n - 1
}

// BulkRequests generates n requests for the bulk organ, spread evenly over
// BulkFirstYear…BulkLastYear, deterministically for a given seed: every
// applicant type and outcome row occurs; requests received late in a year
// are answered in the next (carried over); a few received in December of
// the last year are still open. Corrections and extensions occur too.
// Requests are ordered by year and serial.
func BulkRequests(n int, seed uint64) []model.Request {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	years := BulkLastYear - BulkFirstYear + 1
	out := make([]model.Request, 0, n)
	for y := 0; y < years; y++ {
		year := BulkFirstYear + y
		count := n / years
		if y < n%years {
			count++
		}
		// Working days of the year, to draw received dates from.
		var days []model.Date
		for d := model.YearStart(year); d <= model.YearEnd(year); d = d.AddDays(1) {
			if isWorkday(d) {
				days = append(days, d)
			}
		}
		recv := make([]model.Date, count)
		for i := range recv {
			recv[i] = days[r.IntN(len(days))]
		}
		sortDates(recv)
		for i := 0; i < count; i++ {
			q := bulkRequest(r, year, i+1, recv[i])
			out = append(out, q)
		}
	}
	return out
}

func bulkRequest(r *rand.Rand, year, serial int, received model.Date) model.Request {
	a := bulkApplicants[pickWeighted(r, len(bulkApplicants), func(i int) int { return bulkApplicants[i].weight })].kind
	q := model.Request{
		Year:      year,
		Serial:    serial,
		Received:  received,
		Channel:   model.Channels[r.IntN(len(model.Channels)-1)],
		Applicant: a,
		Personal:  bulkPersonal(r, a, year, serial),
		Summary:   fmt.Sprintf("申请公开%d年%s", year-1+r.IntN(2), topics[r.IntN(len(topics))]),
		Outcome:   bulkOutcomes[pickWeighted(r, len(bulkOutcomes), func(i int) int { return bulkOutcomes[i].weight })].row,
	}
	start := received
	switch x := r.IntN(100); {
	case x < 3: // 补正: the clock restarts on the corrected request
		q.CorrectionNotice = addWorkdays(received, 1+r.IntN(6))
		q.Corrected = addWorkdays(q.CorrectionNotice, 2+r.IntN(8))
		start = q.Corrected
	case x < 6: // 延期
		q.ExtApprovedBy = "政务公开办公室负责人"
		q.ExtNotice = addWorkdays(received, 15+r.IntN(5))
		q.ExtDays = 10 + r.IntN(11)
	}
	limit := 20 + q.ExtDays
	days := 2 + r.IntN(limit-1)
	if r.IntN(100) == 0 {
		days = limit + 1 + r.IntN(5) // answered late
	}
	q.Answered = addWorkdays(start, days)
	bulkFee(&q)
	// A few requests of December of the last year are still open.
	if year == BulkLastYear && received.Month() == 12 && q.Answered.Year() > year {
		q.Answered, q.Outcome = 0, ""
	}
	return q
}

// bulkFee charges about one disclosed answer in a hundred a 按量 fee (more
// than 30 pages): the notice a few working days after the clock starts, the
// payment within days, the answer after it. The choice comes from the year
// and serial, not from the random stream, so the rest of the data does not
// change with it.
func bulkFee(q *model.Request) {
	if q.Outcome == model.RowUnpaidFee {
		// Closed unpaid: a fee notice went out and the 20 working days to
		// pay passed.
		q.FeeMethod = model.FeePerPage
		q.Pages = 31 + q.Serial*37%170
		q.Fee = model.PerPageFee(q.Pages)
		q.FeeNotice = addWorkdays(q.ClockStart(), 2+q.Serial%4)
		q.Answered = addWorkdays(q.FeeNotice, model.FeePayWorkdays+1)
		q.ExtApprovedBy, q.ExtNotice, q.ExtDays = "", 0, 0
		return
	}
	if (q.Outcome != model.RowDisclosed && q.Outcome != model.RowPartly) || !q.Corrected.IsZero() || q.ExtDays > 0 {
		return
	}
	h := (q.Year*7919 + q.Serial*104729) % 100
	if h != 0 {
		return
	}
	q.FeeMethod = model.FeePerPage
	q.Pages = 31 + q.Serial*37%170
	q.Fee = model.PerPageFee(q.Pages)
	q.FeeNotice = addWorkdays(q.Received, 2+q.Serial%4)
	q.FeePaid = addWorkdays(q.FeeNotice, 1+q.Serial%5)
	q.Answered = addWorkdays(q.FeePaid, 1+q.Serial%3)
}

func bulkPersonal(r *rand.Rand, a model.ApplicantType, year, serial int) model.Personal {
	addr := fmt.Sprintf("鄂温克族自治旗%s%d号", streets[r.IntN(len(streets))], 1+r.IntN(300))
	phone := fmt.Sprintf("1%d%09d", 3+r.IntN(6), r.Int64N(1_000_000_000))
	if a == model.NaturalPerson {
		name := string(surnames[r.IntN(len(surnames))]) + given[r.IntN(len(given))]
		birth := model.NewDate(1950+r.IntN(55), 1+r.IntN(12), 1+r.IntN(28))
		return model.Personal{Name: name, Phone: phone, IDNumber: residentID(birth, (year*7+serial)%1000), Address: addr}
	}
	kinds := map[model.ApplicantType]string{
		model.Business: "商贸有限公司", model.Research: "研究院", model.NonProfit: "公益服务中心",
		model.LegalService: "律师事务所", model.OtherOrg: "业主委员会",
	}
	name := orgHead[r.IntN(len(orgHead))] + orgMid[r.IntN(len(orgMid))] + kinds[a]
	code := fmt.Sprintf("91150724MA%07d%c", r.IntN(10_000_000), 'A'+rune(r.IntN(26)))
	return model.Personal{Name: name, Phone: phone, IDNumber: code, Address: addr}
}

func sortDates(ds []model.Date) {
	// Counting by day of year keeps this linear for 50,000 requests.
	if len(ds) == 0 {
		return
	}
	counts := map[model.Date]int{}
	min, max := ds[0], ds[0]
	for _, d := range ds {
		counts[d]++
		if d < min {
			min = d
		}
		if d > max {
			max = d
		}
	}
	i := 0
	for d := min; d <= max; d = d.AddDays(1) {
		for k := counts[d]; k > 0; k-- {
			ds[i] = d
			i++
		}
	}
}

// BulkOrganYears groups bulk requests into one organ-year per year with a
// short report whose narrative quotes the figures computed from the log, so
// the check accepts it. Each request sits in the organ-year of the year it
// was received.
func BulkOrganYears(reqs []model.Request) []*model.OrganYear {
	var out []*model.OrganYear
	for year := BulkFirstYear; year <= BulkLastYear; year++ {
		r := model.NewReport(0, year)
		r.Date = model.NewDate(year+1, 1, 20)
		f := r.Format()
		for _, t := range f.SectionTables(2) {
			for _, a := range t.Cells() {
				r.Values[a] = 0
			}
		}
		var mine []model.Request
		for _, q := range reqs {
			if q.Year == year {
				mine = append(mine, q)
			}
		}
		v := model.ComputeS3(f, year, reqs)
		get := func(row string) int64 { return v.Get(model.Addr(model.TableS3, row, model.ColTotal)) }
		s3 := section(3)
		s3.para(fmt.Sprintf("本年度共收到政府信息公开申请%d件，上年结转%d件；本年度办结%d件，结转下年度继续办理%d件。",
			get(model.RowNew), get(model.RowCarriedIn), get(model.RowOutcomeSum), get(model.RowCarriedOut)))
		s5 := section(5)
		s5.para("申请量大，答复期限紧张。下一步将完善台账管理，按期答复。")
		var blocks []model.Block
		for _, b := range r.Blocks {
			if b.Section != 3 && b.Section != 5 {
				blocks = append(blocks, b)
			}
		}
		r.Blocks = append(append(blocks, s3.blocks...), s5.blocks...)
		out = append(out, &model.OrganYear{Organ: BulkOrgan(), Report: r, Requests: mine})
	}
	return out
}
