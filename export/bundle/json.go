package bundle

import (
	"encoding/json"

	"nianbao/model"
)

// The JSON shapes of a bundle (see docs/bundle-format.md). They are kept
// apart from the model types so that a change of the model cannot change the
// file format by accident, and so that a public bundle is built from an
// allow-list of fields.

type envelope struct {
	Magic          string          `json:"magic"`
	Version        int             `json:"version"`
	Kind           string          `json:"kind"`
	Program        string          `json:"program"`
	ProgramVersion string          `json:"program_version"`
	Created        string          `json:"created"`
	Organ          string          `json:"organ"`
	Year           int             `json:"year"`
	Format         string          `json:"format"`
	SHA256         string          `json:"sha256"`
	Payload        json.RawMessage `json:"payload"`
}

type jPayload struct {
	Organ    jOrgan     `json:"organ"`
	Report   jReport    `json:"report"`
	Requests []jRequest `json:"requests"`
	Cases    []jCase    `json:"cases"`
	Measures []jMeasure `json:"measures"`
	Items    []jItem    `json:"items"`
	Prev     *jPrev     `json:"prev"`
}

type jOrgan struct {
	Name     string `json:"name"`
	Level    string `json:"level"`
	Superior string `json:"superior"`
	Office   string `json:"office"`
	Phone    string `json:"phone"`
	Email    string `json:"email"`
	Portal   string `json:"portal"`
	DueMonth int    `json:"due_month"`
	DueDay   int    `json:"due_day"`
	// The letters' remedy clause and 文号 (format 1 without them reads as
	// the defaults by level).
	ReviewOrgan   string `json:"review_organ,omitempty"`
	Court         string `json:"court,omitempty"`
	LetterPattern string `json:"letter_pattern,omitempty"`
	// Postal address and postcode of the contact sentence (absent from
	// bundles written before they existed, which read as empty).
	Address  string `json:"address,omitempty"`
	Postcode string `json:"postcode,omitempty"`
}

type jReport struct {
	Year      int       `json:"year"`
	Format    string    `json:"format"`
	Status    string    `json:"status"`
	Preamble  jPreamble `json:"preamble"`
	Blocks    []jBlock  `json:"blocks"`
	Values    []jCell   `json:"values"`
	Mode3     string    `json:"mode3"`
	Mode4     string    `json:"mode4"`
	Art20Mode string    `json:"art20_mode"`
	Fees      jFees     `json:"fees"`
	Date      string    `json:"date"`
	Acks      []jAck    `json:"acks"`
}

type jPreamble struct {
	Basis string `json:"basis"`
	Where string `json:"where"`
	Text  string `json:"text"`
}

type jBlock struct {
	Section int    `json:"section"`
	Pos     int    `json:"pos"`
	Kind    string `json:"kind"`
	Level   int    `json:"level"`
	Text    string `json:"text"`
	Stale   bool   `json:"stale"`
	Origin  string `json:"origin"`
}

// jCell is one table cell. Value null means 未填, as a cell left out does
// (version 2); in version 1 it read as 0.
type jCell struct {
	Table string `json:"table"`
	Row   string `json:"row"`
	Col   string `json:"col"`
	Value *int64 `json:"value"`
}

type jFees struct {
	Notices   int   `json:"notices"`
	Collected int64 `json:"collected_fen"`
}

type jAck struct {
	Rule   string `json:"rule"`
	Target string `json:"target"`
	Reason string `json:"reason"`
}

type jPersonal struct {
	Name     string `json:"name"`
	Phone    string `json:"phone"`
	IDNumber string `json:"id_number"`
	Address  string `json:"address"`
}

type jRequest struct {
	Year             int        `json:"year"`
	Serial           int        `json:"serial"`
	Received         string     `json:"received"`
	Channel          string     `json:"channel"`
	Applicant        string     `json:"applicant"`
	Personal         *jPersonal `json:"personal,omitempty"`
	Summary          *string    `json:"summary,omitempty"`
	CorrectionNotice string     `json:"correction_notice"`
	Corrected        string     `json:"corrected"`
	ExtApprovedBy    string     `json:"ext_approved_by"`
	ExtNotice        string     `json:"ext_notice"`
	ExtDays          int        `json:"ext_days"`
	ExcludedDays     int        `json:"excluded_days"`
	Outcome          string     `json:"outcome"`
	Answered         string     `json:"answered"`
	FeeMethod        string     `json:"fee_method"`
	Pages            int        `json:"pages"`
	Fee              int64      `json:"fee_fen"`
	FeeNotice        string     `json:"fee_notice"`
	FeePaid          string     `json:"fee_paid"`
	Notes            *string    `json:"notes,omitempty"`
	// 延迟答复 (Art. 35); left out when empty, so a bundle without one
	// reads in every version-1 reader.
	DelayNotice string `json:"delay_notice,omitempty"`
	DelayedTo   string `json:"delayed_to,omitempty"`
}

type jCase struct {
	Year    int     `json:"year"`
	Kind    string  `json:"kind"`
	Filed   string  `json:"filed"`
	Result  string  `json:"result"`
	Summary *string `json:"summary,omitempty"`
}

type jMeasure struct {
	Year        int    `json:"year"`
	Problem     string `json:"problem"`
	Measure     string `json:"measure"`
	Responsible string `json:"responsible"`
	Due         string `json:"due"`
	Status      string `json:"status"`
	FirstYear   int    `json:"first_year"`
}

type jItem struct {
	Year        int      `json:"year"`
	Title       string   `json:"title"`
	Published   string   `json:"published"`
	Category    string   `json:"category"`
	Channels    []string `json:"channels"`
	Location    string   `json:"location"`
	Art20Row    string   `json:"art20_row"`
	Art20Action string   `json:"art20_action"`
}

type jPrev struct {
	Year   int      `json:"year"`
	Format string   `json:"format"`
	Values []jCell  `json:"values"`
	Blocks []jBlock `json:"blocks"`
}

// toPayload converts an organ-year. Personal data, and the free texts a
// clerk may have written names into (a request's summary and notes, a
// case's summary), go only into a full bundle.
func toPayload(oy *model.OrganYear, full bool) jPayload {
	r := oy.Report
	f := r.Format()
	o := oy.Organ
	p := jPayload{
		Organ: jOrgan{Name: o.Name, Level: string(o.Level), Superior: o.Superior, Office: o.Office,
			Phone: o.Phone, Email: o.Email, Portal: o.Portal, DueMonth: o.DueMonth, DueDay: o.DueDay,
			ReviewOrgan: o.ReviewOrgan, Court: o.Court, LetterPattern: o.LetterPattern, Address: o.Address, Postcode: o.Postcode},
		Report: jReport{
			Year: r.Year, Format: r.FormatID, Status: string(r.Status),
			Preamble: jPreamble{Basis: r.Preamble.Basis, Where: r.Preamble.Where, Text: r.Preamble.Text},
			Blocks:   toBlocks(r.Blocks),
			Values:   toCells(f, r.Values),
			Mode3:    string(r.Mode3), Mode4: string(r.Mode4), Art20Mode: string(r.Art20Mode),
			Fees: jFees{Notices: r.Fees.Notices, Collected: r.Fees.Collected},
			Date: dateString(r.Date),
			Acks: []jAck{},
		},
		Requests: []jRequest{},
		Cases:    []jCase{},
		Measures: []jMeasure{},
		Items:    []jItem{},
	}
	if f != nil {
		p.Report.Format = f.ID
	}
	for _, a := range r.Acks {
		p.Report.Acks = append(p.Report.Acks, jAck{Rule: a.Rule, Target: a.Target, Reason: a.Reason})
	}
	for i := range oy.Requests {
		q := &oy.Requests[i]
		jq := jRequest{
			Year: q.Year, Serial: q.Serial, Received: dateString(q.Received), Channel: string(q.Channel),
			Applicant:        string(q.Applicant),
			CorrectionNotice: dateString(q.CorrectionNotice), Corrected: dateString(q.Corrected),
			ExtApprovedBy: q.ExtApprovedBy, ExtNotice: dateString(q.ExtNotice), ExtDays: q.ExtDays,
			ExcludedDays: q.ExcludedDays, Outcome: q.Outcome, Answered: dateString(q.Answered),
			FeeMethod: string(q.FeeMethod), Pages: q.Pages, Fee: q.Fee,
			FeeNotice: dateString(q.FeeNotice), FeePaid: dateString(q.FeePaid),
			DelayNotice: dateString(q.DelayNotice), DelayedTo: dateString(q.DelayedTo),
		}
		if full {
			summary := q.Summary
			jq.Summary = &summary
			pp := q.Personal
			jq.Personal = &jPersonal{Name: pp.Name, Phone: pp.Phone, IDNumber: pp.IDNumber, Address: pp.Address}
			notes := q.Notes
			jq.Notes = &notes
		}
		p.Requests = append(p.Requests, jq)
	}
	for _, c := range oy.Cases {
		jc := jCase{Year: c.Year, Kind: string(c.Kind), Filed: dateString(c.Filed), Result: string(c.Result)}
		if full {
			summary := c.Summary
			jc.Summary = &summary
		}
		p.Cases = append(p.Cases, jc)
	}
	for _, m := range oy.Measures {
		p.Measures = append(p.Measures, jMeasure{Year: m.Year, Problem: m.Problem, Measure: m.Measure, Responsible: m.Responsible,
			Due: dateString(m.Due), Status: string(m.Status), FirstYear: m.FirstYear})
	}
	for _, it := range oy.Items {
		ch := append([]string{}, it.Channels...)
		p.Items = append(p.Items, jItem{Year: it.Year, Title: it.Title, Published: dateString(it.Published), Category: it.Category,
			Channels: ch, Location: it.Location, Art20Row: it.Art20Row, Art20Action: string(it.Art20Action)})
	}
	if pv := oy.Prev; pv != nil {
		p.Prev = &jPrev{Year: pv.Year, Format: pv.FormatID, Values: toCells(model.FormatByID(pv.FormatID), pv.Values), Blocks: toBlocks(pv.Blocks)}
	}
	return p
}

func toBlocks(bs []model.Block) []jBlock {
	out := make([]jBlock, 0, len(bs))
	for _, b := range bs {
		out = append(out, jBlock{Section: b.Section, Pos: b.Pos, Kind: string(b.Kind), Level: b.Level, Text: b.Text, Stale: b.Stale, Origin: b.Origin})
	}
	return out
}

// toCells lists the values in the format's cell order. Addresses the format
// does not have are never printed or checked, and are left out; so is a
// 未填 cell (no value).
func toCells(f *model.Format, v model.Values) []jCell {
	out := []jCell{}
	if f == nil {
		return out
	}
	for _, t := range f.Tables {
		for _, a := range t.Cells() {
			if x, ok := v[a]; ok {
				out = append(out, jCell{Table: a.Table, Row: a.Row, Col: a.Col, Value: &x})
			}
		}
	}
	return out
}

func dateString(d model.Date) string { return d.String() }
