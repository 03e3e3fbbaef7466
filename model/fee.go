package model

// 信息处理费 (spec §6, 《政府信息公开信息处理费管理办法》 国办函〔2020〕109号).
// Amounts are in fen.

// Fee bands.
const (
	perRequestFree  = 10    // the first 10 requests a month are free
	perRequestBase  = 10000 // 100 元 for the 11th–30th
	perRequestStep  = 10000 // +100 元 per request for each further band of 10
	perPageFree     = 30    // the first 30 pages are free
	perPageBand1End = 100   // 31–100: 10 元 a page
	perPageBand2End = 200   // 101–200: 20 元 a page; 201 on: 40 元 a page
)

// PerRequestFee is the 按件 fee of the nth request (1-based) of one applicant
// in one calendar month: the 1st–10th are free, the 11th–30th cost 100 元
// each, the 31st–40th 200 元, the 41st–50th 300 元, and so on.
func PerRequestFee(nth int) int64 {
	switch {
	case nth <= perRequestFree:
		return 0
	case nth <= 30:
		return perRequestBase
	}
	return perRequestBase + perRequestStep*int64((nth-31)/10+1)
}

// PerRequestTotal is the 按件 fee of count requests of one applicant in one
// calendar month, each request at its own band.
func PerRequestTotal(count int) int64 {
	var s int64
	for n := perRequestFree + 1; n <= count; n++ {
		s += PerRequestFee(n)
	}
	return s
}

// PerPageFee is the 按量 fee of one answer of pages pages, progressive by
// band: pages 1–30 free, 31–100 at 10 元, 101–200 at 20 元, 201 on at 40 元.
func PerPageFee(pages int) int64 {
	var s int64
	band := func(from, to int, fen int64) {
		if pages < from {
			return
		}
		n := pages
		if to > 0 && n > to {
			n = to
		}
		s += int64(n-from+1) * fen
	}
	band(perPageFree+1, perPageBand1End, 1000)
	band(perPageBand1End+1, perPageBand2End, 2000)
	band(perPageBand2End+1, 0, 4000)
	return s
}

// RequestFee is the fee of one request by its method: 按件 needs nth, the
// request's place among the applicant's requests that month (NthInMonth);
// 按量 needs its pages.
func RequestFee(m FeeMethod, nth, pages int) int64 {
	switch m {
	case FeePerRequest:
		return PerRequestFee(nth)
	case FeePerPage:
		return PerPageFee(pages)
	}
	return 0
}

// applicantKey identifies an applicant across requests for the monthly
// count: the ID number when recorded, else the name with the phone.
func applicantKey(p Personal) string {
	if p.IDNumber != "" {
		return "id:" + p.IDNumber
	}
	if p.Name == "" {
		return ""
	}
	return "np:" + p.Name + "\x00" + p.Phone
}

// NthInMonth returns q's place (1-based) among the requests in reqs from the
// same applicant received in the same calendar month, ordered by received
// date and then serial. An applicant with no name or ID number is counted
// alone (1).
func NthInMonth(reqs []Request, q *Request) int {
	key := applicantKey(q.Personal)
	if key == "" || q.Received.IsZero() {
		return 1
	}
	month := int(q.Received) / 100
	n := 1
	for i := range reqs {
		r := &reqs[i]
		if r == q || (r.ID != 0 && r.ID == q.ID) || int(r.Received)/100 != month {
			continue
		}
		if r.Received > q.Received || r.Received == q.Received && r.Serial >= q.Serial {
			continue
		}
		if applicantKey(r.Personal) == key {
			n++
		}
	}
	return n
}

// FeesOfYear sums section 六's fee figures from the log: fee notices issued
// in the year, and the fees of requests paid in the year.
func FeesOfYear(year int, reqs []Request) FeeSummary {
	var s FeeSummary
	for i := range reqs {
		s.Add(year, &reqs[i], 1)
	}
	return s
}

// Add counts q's fee notice and fee into the summary of year d times (1 or
// -1), so that the summary follows one changed entry.
func (s *FeeSummary) Add(year int, q *Request, d int) {
	if !q.FeeNotice.IsZero() && q.FeeNotice.Year() == year {
		s.Notices += d
	}
	if !q.FeePaid.IsZero() && q.FeePaid.Year() == year {
		s.Collected += int64(d) * q.Fee
	}
}
