package demo

import (
	"fmt"

	"nianbao/model"
)

// applicant is an invented applicant of the demo request log.
type applicant struct {
	kind     model.ApplicantType
	personal model.Personal
}

// idChecksum returns the check character of a 17-digit resident ID number
// body (GB 11643-1999).
func idChecksum(body string) byte {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(body[i]-'0') * weights[i]
	}
	return "10X98765432"[sum%11]
}

// residentID builds a well-formed ID number for someone registered in
// 鄂温克族自治旗 (150724) born on birth.
func residentID(birth model.Date, seq int) string {
	body := fmt.Sprintf("150724%08d%03d", int32(birth), seq%1000)
	return body + string(idChecksum(body))
}

func person(name, phone string, birth model.Date, seq int, address string) applicant {
	return applicant{kind: model.NaturalPerson, personal: model.Personal{
		Name: name, Phone: phone, IDNumber: residentID(birth, seq), Address: address,
	}}
}

func org(kind model.ApplicantType, name, phone, creditCode, address string) applicant {
	return applicant{kind: kind, personal: model.Personal{Name: name, Phone: phone, IDNumber: creditCode, Address: address}}
}

// Applicants of the 2021 log, by index. The people and organisations are
// invented; the values are distinct so tests can search outputs for them.
var applicants2021 = []applicant{
	person("王立军", "13847051263", model.NewDate(1968, 3, 14), 215, "大雁镇兴安街道12号楼3单元402室"),
	person("赵淑芬", "15904708832", model.NewDate(1957, 11, 2), 126, "大雁镇雁南社区康宁小区7号楼1单元201室"),
	person("孙浩然", "18647091540", model.NewDate(1990, 6, 21), 331, "大雁镇扎尼河路86号"),
	person("周晓梅", "13704702217", model.NewDate(1979, 8, 9), 442, "大雁镇雁北社区幸福里小区2号楼502室"),
	person("吴德明", "15047013876", model.NewDate(1963, 1, 27), 557, "大雁镇矿区路西段17号"),
	person("郑玉兰", "13948305519", model.NewDate(1972, 12, 5), 668, "大雁镇东升社区和平巷4号"),
	person("冯志强", "18804707462", model.NewDate(1985, 4, 30), 773, "大雁镇新华街118号"),
	person("陈桂英", "13664709028", model.NewDate(1960, 9, 18), 884, "大雁镇雁南社区锦绣园6号楼302室"),
	person("褚建华", "15147033691", model.NewDate(1976, 2, 11), 991, "大雁镇北苑小区15号楼2单元101室"),
	org(model.Business, "呼伦贝尔市鑫源泰商贸有限公司", "0470-8316625", "91150700MA0Q7K3R2X", "呼伦贝尔市海拉尔区胜利大街甲36号"),
	org(model.Research, "内蒙古北方草原生态研究院", "0471-6290417", "12150000MB1D58362T", "呼和浩特市赛罕区昭乌达路269号"),
	org(model.NonProfit, "鄂温克旗绿野志愿服务中心", "0470-8812306", "52150724MJY0475893", "鄂温克族自治旗巴彦托海镇团结路9号"),
	org(model.LegalService, "内蒙古正衡律师事务所", "0470-8227153", "31150000MD0229417K", "呼伦贝尔市海拉尔区河东新区诚信路55号"),
	org(model.OtherOrg, "大雁镇北苑小区业主委员会", "13514708864", "53150724MK2316580F", "大雁镇北苑小区物业楼二层"),
}

// Indexes into applicants2021.
const (
	apWang = iota
	apZhao
	apSun
	apZhou
	apWu
	apZheng
	apFeng
	apChen
	apChu
	apBusiness
	apResearch
	apNonProfit
	apLegal
	apOwners
)
