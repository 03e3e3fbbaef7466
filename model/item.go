package model

// DisclosureItem is one piece of information the organ published on its own
// initiative (主动公开) during the year.
type DisclosureItem struct {
	ID        int64
	OrganID   int64
	Year      int
	Title     string
	Published Date
	Category  string
	Channels  []string
	Location  string // a link or a place
	// Art20Row, when set, is the 第二十条（一） row the item counts in
	// (RowRules or RowNormativeDocs), and Art20Action says how.
	Art20Row    string
	Art20Action Art20Action
}

// Art20Action is how a flagged item counts in table 二（一）.
type Art20Action string

const (
	Art20None     Art20Action = ""
	Art20Issued   Art20Action = "issued"   // 2021 本年制发件数; 2019 本年新制作数量 and 本年新公开数量
	Art20Repealed Art20Action = "repealed" // 2021 本年废止件数
)
