package model

import "testing"

func TestPerRequestFee(t *testing.T) {
	cases := []struct {
		nth  int
		want int64
	}{
		{0, 0}, {1, 0}, {10, 0}, {11, 10000}, {30, 10000}, {31, 20000}, {40, 20000},
		{41, 30000}, {50, 30000}, {51, 40000}, {60, 40000}, {61, 50000},
	}
	for _, c := range cases {
		if got := PerRequestFee(c.nth); got != c.want {
			t.Errorf("PerRequestFee(%d) = %d, want %d", c.nth, got, c.want)
		}
	}
}

func TestPerRequestTotal(t *testing.T) {
	cases := []struct {
		count int
		want  int64
	}{
		{0, 0}, {1, 0}, {10, 0},
		{11, 10000},
		{30, 20 * 10000},
		{31, 20*10000 + 20000},
		{40, 20*10000 + 10*20000},
		{41, 20*10000 + 10*20000 + 30000},
		{50, 20*10000 + 10*20000 + 10*30000},
		{51, 20*10000 + 10*20000 + 10*30000 + 40000},
	}
	for _, c := range cases {
		if got := PerRequestTotal(c.count); got != c.want {
			t.Errorf("PerRequestTotal(%d) = %d, want %d", c.count, got, c.want)
		}
	}
}

func TestPerPageFee(t *testing.T) {
	cases := []struct {
		pages int
		want  int64
	}{
		{0, 0}, {1, 0}, {30, 0},
		{31, 1000},
		{100, 70 * 1000},
		{101, 70*1000 + 2000},
		{200, 70*1000 + 100*2000},
		{201, 70*1000 + 100*2000 + 4000},
		{250, 70*1000 + 100*2000 + 50*4000},
	}
	for _, c := range cases {
		if got := PerPageFee(c.pages); got != c.want {
			t.Errorf("PerPageFee(%d) = %d, want %d", c.pages, got, c.want)
		}
	}
	if got := RequestFee(FeePerPage, 99, 31); got != 1000 {
		t.Errorf("RequestFee 按量 = %d", got)
	}
	if got := RequestFee(FeePerRequest, 11, 500); got != 10000 {
		t.Errorf("RequestFee 按件 = %d", got)
	}
	if got := RequestFee(FeeNone, 50, 500); got != 0 {
		t.Errorf("RequestFee without a method = %d", got)
	}
}

func TestNthInMonth(t *testing.T) {
	zhang := Personal{Name: "张三", Phone: "13812345678"}
	reqs := []Request{
		{ID: 1, Serial: 1, Received: 20210301, Personal: zhang},
		{ID: 2, Serial: 2, Received: 20210301, Personal: zhang},
		{ID: 3, Serial: 3, Received: 20210302, Personal: Personal{Name: "李四"}},
		{ID: 4, Serial: 4, Received: 20210315, Personal: zhang},
		{ID: 5, Serial: 5, Received: 20210401, Personal: zhang},
		{ID: 6, Serial: 6, Received: 20210316, Personal: Personal{Name: "张三", Phone: "13900000000"}},
		{ID: 7, Serial: 7, Received: 20210317},
	}
	want := []int{1, 2, 1, 3, 1, 1, 1}
	for i := range reqs {
		if got := NthInMonth(reqs, &reqs[i]); got != want[i] {
			t.Errorf("NthInMonth(#%d) = %d, want %d", reqs[i].ID, got, want[i])
		}
	}
}

func TestFeesOfYear(t *testing.T) {
	reqs := []Request{
		{FeeNotice: 20211220, Fee: 10000, FeePaid: 20220105},
		{FeeNotice: 20210310, Fee: 20000, FeePaid: 20210320},
		{FeeNotice: 20210601, Fee: 30000}, // not paid
		{Fee: 5000},                       // no notice, no payment
	}
	if got := FeesOfYear(2021, reqs); got != (FeeSummary{Notices: 3, Collected: 20000}) {
		t.Errorf("FeesOfYear(2021) = %+v, want 3 notices and 20000 fen", got)
	}
	if got := FeesOfYear(2022, reqs); got != (FeeSummary{Notices: 0, Collected: 10000}) {
		t.Errorf("FeesOfYear(2022) = %+v, want 0 notices and 10000 fen", got)
	}
}
