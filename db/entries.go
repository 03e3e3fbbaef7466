package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"nianbao/model"
)

// ---- cases (行政复议、行政诉讼) ----

const caseCols = "id, organ_id, year, kind, filed, result, summary"

func scanCase(r scanner) (model.Case, error) {
	var c model.Case
	err := r.Scan(&c.ID, &c.OrganID, &c.Year, &c.Kind, &c.Filed, &c.Result, &c.Summary)
	return c, err
}

// Cases lists organID's cases counted in year, by filing date.
func (s *Store) Cases(ctx context.Context, organID int64, year int) ([]model.Case, error) {
	return casesForYear(ctx, s.db, organID, year)
}

func casesForYear(ctx context.Context, q querier, organID int64, year int) ([]model.Case, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+caseCols+" FROM cases WHERE organ_id = ? AND year = ? ORDER BY filed, id", organID, year)
	if err != nil {
		return nil, ioErr("读取复议诉讼", err)
	}
	defer rows.Close()
	var out []model.Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, ioErr("读取复议诉讼", err)
		}
		out = append(out, c)
	}
	return out, ioErr("读取复议诉讼", rows.Err())
}

// SaveCase inserts the case when its ID is 0 (setting the ID) or updates it.
func (s *Store) SaveCase(ctx context.Context, c *model.Case) error {
	return s.tx(ctx, "保存复议诉讼", func(tx *sql.Tx) error { return saveCaseTx(ctx, tx, c) })
}

func saveCaseTx(ctx context.Context, tx dbtx, c *model.Case) error {
	if c.OrganID == 0 || c.Year == 0 {
		return newErr(ErrInvalid, nil, "复议诉讼案件缺少所属机关或年度，无法保存。")
	}
	if c.Kind == "" {
		return newErr(ErrInvalid, nil, "请选择案件类型（行政复议或行政诉讼）后再保存。")
	}
	args := []any{c.OrganID, c.Year, string(c.Kind), int64(c.Filed), string(c.Result), c.Summary}
	if c.ID == 0 {
		res, err := tx.ExecContext(ctx, "INSERT INTO cases (organ_id, year, kind, filed, result, summary) VALUES (?, ?, ?, ?, ?, ?)", args...)
		if err != nil {
			return fkErr(err, c.OrganID)
		}
		c.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, "UPDATE cases SET organ_id = ?, year = ?, kind = ?, filed = ?, result = ?, summary = ? WHERE id = ?", append(args, c.ID)...)
	if err != nil {
		return fkErr(err, c.OrganID)
	}
	return mustAffect(res, "复议诉讼案件", c.ID)
}

// DeleteCase deletes a case and returns it for undo.
func (s *Store) DeleteCase(ctx context.Context, id int64) (model.Case, error) {
	var c model.Case
	err := s.tx(ctx, "删除复议诉讼", func(tx *sql.Tx) error {
		var err error
		c, err = scanCase(tx.QueryRowContext(ctx, "SELECT "+caseCols+" FROM cases WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return newErr(ErrNotFound, err, "找不到这个复议诉讼案件（编号 %d），它可能已被删除。", id)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM cases WHERE id = ?", id)
		return err
	})
	return c, err
}

func fkErr(err error, organID int64) error {
	if isForeignKey(err) {
		return newErr(ErrNotFound, err, "找不到所属的机关（编号 %d），它可能已被删除。", organID)
	}
	return err
}

// ---- measures (整改措施) ----

const measureCols = "id, organ_id, year, problem, measure, responsible, due, status, first_year"

func scanMeasure(r scanner) (model.Measure, error) {
	var m model.Measure
	err := r.Scan(&m.ID, &m.OrganID, &m.Year, &m.Problem, &m.Measure, &m.Responsible, &m.Due, &m.Status, &m.FirstYear)
	return m, err
}

// Measures lists organID's improvement measures of year in entry order.
func (s *Store) Measures(ctx context.Context, organID int64, year int) ([]model.Measure, error) {
	return measuresForYear(ctx, s.db, organID, year)
}

func measuresForYear(ctx context.Context, q querier, organID int64, year int) ([]model.Measure, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+measureCols+" FROM measures WHERE organ_id = ? AND year = ? ORDER BY id", organID, year)
	if err != nil {
		return nil, ioErr("读取整改措施", err)
	}
	defer rows.Close()
	var out []model.Measure
	for rows.Next() {
		m, err := scanMeasure(rows)
		if err != nil {
			return nil, ioErr("读取整改措施", err)
		}
		out = append(out, m)
	}
	return out, ioErr("读取整改措施", rows.Err())
}

// SaveMeasure inserts the measure when its ID is 0 (setting the ID) or
// updates it. FirstYear defaults to Year.
func (s *Store) SaveMeasure(ctx context.Context, m *model.Measure) error {
	return s.tx(ctx, "保存整改措施", func(tx *sql.Tx) error { return saveMeasureTx(ctx, tx, m) })
}

func saveMeasureTx(ctx context.Context, tx dbtx, m *model.Measure) error {
	if m.OrganID == 0 || m.Year == 0 {
		return newErr(ErrInvalid, nil, "整改措施缺少所属机关或年度，无法保存。")
	}
	if m.Status == "" {
		m.Status = model.MeasureNotStarted
	}
	if m.FirstYear == 0 {
		m.FirstYear = m.Year
	}
	args := []any{m.OrganID, m.Year, m.Problem, m.Measure, m.Responsible, int64(m.Due), string(m.Status), m.FirstYear}
	if m.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO measures (organ_id, year, problem, measure, responsible, due, status, first_year)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return fkErr(err, m.OrganID)
		}
		m.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE measures SET organ_id = ?, year = ?, problem = ?, measure = ?, responsible = ?,
		due = ?, status = ?, first_year = ? WHERE id = ?`, append(args, m.ID)...)
	if err != nil {
		return fkErr(err, m.OrganID)
	}
	return mustAffect(res, "整改措施", m.ID)
}

// DeleteMeasure deletes a measure and returns it for undo.
func (s *Store) DeleteMeasure(ctx context.Context, id int64) (model.Measure, error) {
	var m model.Measure
	err := s.tx(ctx, "删除整改措施", func(tx *sql.Tx) error {
		var err error
		m, err = scanMeasure(tx.QueryRowContext(ctx, "SELECT "+measureCols+" FROM measures WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return newErr(ErrNotFound, err, "找不到这条整改措施（编号 %d），它可能已被删除。", id)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM measures WHERE id = ?", id)
		return err
	})
	return m, err
}

// ---- disclosure items (主动公开信息) ----

const itemCols = "id, organ_id, year, title, published, category, channels, location, art20_row, art20_action"

func scanItem(r scanner) (model.DisclosureItem, error) {
	var it model.DisclosureItem
	var channels string
	err := r.Scan(&it.ID, &it.OrganID, &it.Year, &it.Title, &it.Published, &it.Category, &channels, &it.Location, &it.Art20Row, &it.Art20Action)
	if channels != "" {
		it.Channels = strings.Split(channels, "\n")
	}
	return it, err
}

func joinChannels(ch []string) string {
	var out []string
	for _, c := range ch {
		c = strings.TrimSpace(strings.ReplaceAll(c, "\n", " "))
		if c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, "\n")
}

// Items lists organID's disclosure items of year by publication date.
func (s *Store) Items(ctx context.Context, organID int64, year int) ([]model.DisclosureItem, error) {
	return itemsForYear(ctx, s.db, organID, year)
}

// ItemsByID reads the disclosure items ids that exist (in id order): the
// items a save wrote, for the open year's snapshot.
func (s *Store) ItemsByID(ctx context.Context, ids []int64) ([]model.DisclosureItem, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return queryItems(ctx, s.db, "SELECT "+itemCols+" FROM disclosure_items WHERE id IN (?"+strings.Repeat(", ?", len(ids)-1)+") ORDER BY id", args...)
}

func itemsForYear(ctx context.Context, q querier, organID int64, year int) ([]model.DisclosureItem, error) {
	return queryItems(ctx, q, "SELECT "+itemCols+" FROM disclosure_items WHERE organ_id = ? AND year = ? ORDER BY published, id", organID, year)
}

func queryItems(ctx context.Context, q querier, query string, args ...any) ([]model.DisclosureItem, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, ioErr("读取主动公开信息", err)
	}
	defer rows.Close()
	var out []model.DisclosureItem
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, ioErr("读取主动公开信息", err)
		}
		out = append(out, it)
	}
	return out, ioErr("读取主动公开信息", rows.Err())
}

// SaveItem inserts the item when its ID is 0 (setting the ID) or updates
// it. Year defaults to the publication year.
func (s *Store) SaveItem(ctx context.Context, it *model.DisclosureItem) error {
	return s.tx(ctx, "保存主动公开信息", func(tx *sql.Tx) error { return saveItemTx(ctx, tx, it) })
}

// SaveItems saves many items in one transaction (an import).
func (s *Store) SaveItems(ctx context.Context, items []model.DisclosureItem) error {
	return s.tx(ctx, "保存主动公开信息", func(tx *sql.Tx) error {
		for i := range items {
			if err := saveItemTx(ctx, tx, &items[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func saveItemTx(ctx context.Context, tx dbtx, it *model.DisclosureItem) error {
	if it.Year == 0 {
		it.Year = it.Published.Year()
	}
	if it.OrganID == 0 || it.Year == 0 {
		return newErr(ErrInvalid, nil, "主动公开信息缺少所属机关或发布日期，无法保存。")
	}
	args := []any{it.OrganID, it.Year, it.Title, int64(it.Published), it.Category, joinChannels(it.Channels), it.Location, it.Art20Row, string(it.Art20Action)}
	if it.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO disclosure_items (organ_id, year, title, published, category, channels, location,
			art20_row, art20_action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return fkErr(err, it.OrganID)
		}
		it.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE disclosure_items SET organ_id = ?, year = ?, title = ?, published = ?, category = ?,
		channels = ?, location = ?, art20_row = ?, art20_action = ? WHERE id = ?`, append(args, it.ID)...)
	if err != nil {
		return fkErr(err, it.OrganID)
	}
	return mustAffect(res, "主动公开信息", it.ID)
}

// DeleteItem deletes an item and returns it for undo.
func (s *Store) DeleteItem(ctx context.Context, id int64) (model.DisclosureItem, error) {
	var it model.DisclosureItem
	err := s.tx(ctx, "删除主动公开信息", func(tx *sql.Tx) error {
		var err error
		it, err = scanItem(tx.QueryRowContext(ctx, "SELECT "+itemCols+" FROM disclosure_items WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return newErr(ErrNotFound, err, "找不到这条主动公开信息（编号 %d），它可能已被删除。", id)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM disclosure_items WHERE id = ?", id)
		return err
	})
	return it, err
}

// ItemQuery selects disclosure items for paging.
type ItemQuery struct {
	OrganID  int64
	Year     int
	Category string // exact category
	Channel  string // items published through this channel
	Month    int    // 1..12: published in that month of Year
	Text     string // matches title and location
	// Keyset: continue after (AfterPublished, AfterID), or page backwards
	// before (BeforePublished, BeforeID). Zero values are unused.
	AfterPublished  model.Date
	AfterID         int64
	BeforePublished model.Date
	BeforeID        int64
	Limit           int // 0 = no cap
}

func (q ItemQuery) where(keyset bool) (string, []any) {
	conds := []string{"organ_id = ?"}
	args := []any{q.OrganID}
	if q.Year != 0 {
		conds, args = append(conds, "year = ?"), append(args, q.Year)
	}
	if q.Category != "" {
		conds, args = append(conds, "category = ?"), append(args, q.Category)
	}
	if q.Channel != "" {
		conds, args = append(conds, "instr(char(10) || channels || char(10), char(10) || ? || char(10)) > 0"), append(args, q.Channel)
	}
	if q.Month >= 1 && q.Month <= 12 && q.Year != 0 {
		conds = append(conds, "published BETWEEN ? AND ?")
		args = append(args, int64(model.NewDate(q.Year, q.Month, 1)), int64(model.NewDate(q.Year, q.Month, 31)))
	}
	if t := strings.TrimSpace(q.Text); t != "" {
		p := likePattern(t)
		conds, args = append(conds, `(title LIKE ? ESCAPE '\' OR location LIKE ? ESCAPE '\')`), append(args, p, p)
	}
	if keyset {
		if q.AfterPublished != 0 || q.AfterID != 0 {
			conds, args = append(conds, "(published, id) > (?, ?)"), append(args, int64(q.AfterPublished), q.AfterID)
		}
		if q.BeforePublished != 0 || q.BeforeID != 0 {
			conds, args = append(conds, "(published, id) < (?, ?)"), append(args, int64(q.BeforePublished), q.BeforeID)
		}
	}
	return strings.Join(conds, " AND "), args
}

// ItemPage returns one page of items ordered by (Published, ID), by keyset.
func (s *Store) ItemPage(ctx context.Context, q ItemQuery) ([]model.DisclosureItem, error) {
	where, args := q.where(true)
	backward := (q.BeforePublished != 0 || q.BeforeID != 0) && q.AfterPublished == 0 && q.AfterID == 0
	order := " ORDER BY published, id"
	if backward {
		order = " ORDER BY published DESC, id DESC"
	}
	query := "SELECT " + itemCols + " FROM disclosure_items WHERE " + where + order
	if q.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, q.Limit)
	}
	out, err := queryItems(ctx, s.db, query, args...)
	if backward {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out, err
}

// CountItems counts the items the query's filters select.
func (s *Store) CountItems(ctx context.Context, q ItemQuery) (int, error) {
	where, args := q.where(false)
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM disclosure_items WHERE "+where, args...).Scan(&n)
	return n, ioErr("统计主动公开信息", err)
}

// Item list kinds for ItemLists / AddItemListValue.
const (
	ListCategory = "category"
	ListChannel  = "channel"
)

// ItemLists returns the organ's own lists of item categories and channels,
// in the order they were added.
func (s *Store) ItemLists(ctx context.Context, organID int64) (categories, channels []string, err error) {
	rows, err := s.db.QueryContext(ctx, "SELECT kind, value FROM item_lists WHERE organ_id = ? ORDER BY id", organID)
	if err != nil {
		return nil, nil, ioErr("读取分类列表", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, v string
		if err := rows.Scan(&kind, &v); err != nil {
			return nil, nil, ioErr("读取分类列表", err)
		}
		if kind == ListCategory {
			categories = append(categories, v)
		} else {
			channels = append(channels, v)
		}
	}
	return categories, channels, ioErr("读取分类列表", rows.Err())
}

// AddItemListValue adds a value to the organ's category or channel list
// (kind ListCategory or ListChannel); a value already there is left alone.
func (s *Store) AddItemListValue(ctx context.Context, organID int64, kind, value string) error {
	value = strings.TrimSpace(value)
	if kind != ListCategory && kind != ListChannel {
		return newErr(ErrInvalid, nil, "未知的列表类型「%s」。", kind)
	}
	if value == "" {
		return newErr(ErrInvalid, nil, "列表项不能为空。")
	}
	return s.tx(ctx, "保存分类列表", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO item_lists (organ_id, kind, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", organID, kind, value)
		return fkErr(err, organID)
	})
}

// DeleteItemListValue removes a value from the organ's list.
func (s *Store) DeleteItemListValue(ctx context.Context, organID int64, kind, value string) error {
	return s.tx(ctx, "保存分类列表", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM item_lists WHERE organ_id = ? AND kind = ? AND value = ?", organID, kind, value)
		return err
	})
}

// ---- calendar days ----

// CalendarDay is a day the clerk set as a working day or a holiday, on top
// of the built-in calendar.
type CalendarDay struct {
	Date    model.Date
	Workday bool
	Name    string // e.g. 春节 or 调休上班
}

// CalendarDays lists the clerk's calendar overrides by date.
func (s *Store) CalendarDays(ctx context.Context) ([]CalendarDay, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT date, workday, name FROM calendar_days ORDER BY date")
	if err != nil {
		return nil, ioErr("读取节假日设置", err)
	}
	defer rows.Close()
	var out []CalendarDay
	for rows.Next() {
		var d CalendarDay
		if err := rows.Scan(&d.Date, &d.Workday, &d.Name); err != nil {
			return nil, ioErr("读取节假日设置", err)
		}
		out = append(out, d)
	}
	return out, ioErr("读取节假日设置", rows.Err())
}

// Calendar is the built-in working-day calendar with the clerk's overrides
// applied: the one calendar every deadline and check of this store uses.
func (s *Store) Calendar(ctx context.Context) (*model.Calendar, error) {
	days, err := s.CalendarDays(ctx)
	if err != nil {
		return nil, err
	}
	cal := model.DefaultCalendar()
	for _, d := range days {
		cal.Set(d.Date, d.Workday, d.Name)
	}
	years, err := s.CompleteCalendarYears(ctx)
	if err != nil {
		return nil, err
	}
	for _, y := range years {
		cal.SetComplete(y, true)
	}
	return cal, nil
}

// CompleteCalendarYears lists the years the clerk marked as entered in full.
func (s *Store) CompleteCalendarYears(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT year FROM calendar_years ORDER BY year")
	if err != nil {
		return nil, ioErr("读取节假日设置", err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, ioErr("读取节假日设置", err)
		}
		out = append(out, y)
	}
	return out, ioErr("读取节假日设置", rows.Err())
}

// SetCalendarYearComplete marks year y as entered in full (done), or takes
// the mark back.
func (s *Store) SetCalendarYearComplete(ctx context.Context, y int, done bool) error {
	if y < 1900 || y > 2200 {
		return newErr(ErrInvalid, nil, "年份「%d」不对。", y)
	}
	return s.tx(ctx, "保存节假日设置", func(tx *sql.Tx) error {
		var err error
		if done {
			_, err = tx.ExecContext(ctx, "INSERT OR IGNORE INTO calendar_years (year) VALUES (?)", y)
		} else {
			_, err = tx.ExecContext(ctx, "DELETE FROM calendar_years WHERE year = ?", y)
		}
		return err
	})
}

// SaveCalendarDay sets (or replaces) the override for one day.
func (s *Store) SaveCalendarDay(ctx context.Context, d CalendarDay) error {
	if !d.Date.Valid() {
		return newErr(ErrInvalid, nil, "日期「%d」不是有效的日期，请按 年-月-日 填写。", int32(d.Date))
	}
	return s.tx(ctx, "保存节假日设置", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO calendar_days (date, workday, name) VALUES (?, ?, ?)
			ON CONFLICT (date) DO UPDATE SET workday = excluded.workday, name = excluded.name`, int64(d.Date), d.Workday, d.Name)
		return err
	})
}

// DeleteCalendarDay removes the override for one day.
func (s *Store) DeleteCalendarDay(ctx context.Context, date model.Date) error {
	return s.tx(ctx, "删除节假日设置", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM calendar_days WHERE date = ?", int64(date))
		return err
	})
}

// SaveCalendarDays sets the overrides for many days in one transaction (a
// year's schedule imported from a text file): all are saved, or none.
func (s *Store) SaveCalendarDays(ctx context.Context, days []CalendarDay) error {
	for _, d := range days {
		if !d.Date.Valid() {
			return newErr(ErrInvalid, nil, "日期「%d」不是有效的日期，请按 年-月-日 填写。", int32(d.Date))
		}
	}
	return s.tx(ctx, "保存节假日设置", func(tx *sql.Tx) error {
		for _, d := range days {
			if _, err := tx.ExecContext(ctx, `INSERT INTO calendar_days (date, workday, name) VALUES (?, ?, ?)
				ON CONFLICT (date) DO UPDATE SET workday = excluded.workday, name = excluded.name`, int64(d.Date), d.Workday, d.Name); err != nil {
				return err
			}
		}
		return nil
	})
}
