package desk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"nianbao/export"
	"nianbao/model"
)

// LetterDraft is a letter composed for a request, before it is numbered and
// written: what a screen shows for the clerk to check and edit.
type LetterDraft struct {
	Organ   model.Organ
	Request model.Request // with personal data
	Kind    model.LetterKind
	Input   model.LetterInput
	Letter  *model.Letter
}

// ErrNoLetter says the request's state calls for no letter; the clerk
// names the kind.
var ErrNoLetter = errors.New("这件申请目前不需要告知书（还没有补正、延期、收费或办理结果）。请指定要写的告知书种类")

// DraftLetter composes the letter of kind k ("" = the one the request's
// state calls for) for the organ's request year-serial. today dates a
// letter whose date the request does not record yet.
func (s *Store) DraftLetter(ctx context.Context, organ model.Organ, year, serial int, k model.LetterKind, in model.LetterInput, today model.Date) (*LetterDraft, error) {
	q, err := s.RequestBySerial(ctx, organ.ID, year, serial, true)
	if err != nil {
		return nil, err
	}
	return s.DraftLetterFor(ctx, organ, q, k, in, today)
}

// LetterEnv is what composing a request's letters reads from the store:
// the calendar, the organ's templates and, for a 按件 fee, the applicant's
// other requests of the year. A screen loads it once and composes as the
// clerk types, without touching the store.
type LetterEnv struct {
	Calendar  *model.Calendar
	Templates map[string]model.LetterTemplate
	Log       []model.Request
}

// LoadLetterEnv reads the letter environment of the organ's request q.
func (s *Store) LoadLetterEnv(ctx context.Context, organ model.Organ, q model.Request) (*LetterEnv, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	tpls, err := s.LetterTemplates(ctx, organ.ID)
	if err != nil {
		return nil, err
	}
	env := &LetterEnv{Calendar: cal, Templates: tpls}
	if q.FeeMethod == model.FeePerRequest && q.Fee == 0 {
		// The 按件 fee depends on the applicant's other requests that month.
		if env.Log, err = s.RequestsForYear(ctx, organ.ID, q.Year, true); err != nil {
			return nil, err
		}
	}
	return env, nil
}

// Compose drafts the letter of kind k ("" = the one q's state calls for)
// from a loaded environment; it does no I/O.
func (env *LetterEnv) Compose(organ model.Organ, q model.Request, k model.LetterKind, in model.LetterInput, today model.Date) (*LetterDraft, error) {
	if k == "" {
		k = model.LetterFor(&q)
		if k == "" {
			return nil, ErrNoLetter
		}
	}
	c := model.LetterContext{Organ: organ, Calendar: env.Calendar, Today: today, Template: env.Templates[model.TemplateKey(k, q.Outcome)], Log: env.Log}
	date := in.Date
	if date.IsZero() {
		date = model.LetterDefaultDate(k, &q, today)
	}
	c.Format = model.FormatForYear(date.Year())
	l, err := model.Compose(k, &q, in, c)
	if err != nil {
		return nil, err
	}
	return &LetterDraft{Organ: organ, Request: q, Kind: k, Input: in, Letter: l}, nil
}

// DraftLetterFor is DraftLetter for a request already loaded (with its
// personal data).
func (s *Store) DraftLetterFor(ctx context.Context, organ model.Organ, q model.Request, k model.LetterKind, in model.LetterInput, today model.Date) (*LetterDraft, error) {
	env, err := s.LoadLetterEnv(ctx, organ, q)
	if err != nil {
		return nil, err
	}
	return env.Compose(organ, q, k, in, today)
}

// LetterResult is a letter written to a folder.
type LetterResult struct {
	Letter  *model.Letter
	Record  model.LetterRecord
	File    export.FileResult
	Request model.Request // as stored after the letter's date was recorded
}

// CheckLetterFolder refuses a folder that is not one, and a folder holding
// a public export (its 校验清单.txt): letters name applicants and must not
// travel with the public report.
func CheckLetterFolder(dir string) error {
	if strings.TrimSpace(dir) == "" {
		return errors.New("请选择保存告知书的文件夹")
	}
	return CheckPrivateFolder(dir, "告知书")
}

// MakeFolder creates dir when it is missing and its parent folder exists
// (a clerk types a new folder name on a stick that is plugged in); a
// missing drive or parent is left for the check to report.
func MakeFolder(dir string) {
	if dir == "" {
		return
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		return
	}
	if st, err := os.Stat(filepath.Dir(filepath.Clean(dir))); err == nil && st.IsDir() {
		_ = os.Mkdir(dir, 0o700)
	}
}

// CheckPrivateFolder is CheckLetterFolder for any file holding personal
// data; what names it in the messages.
func CheckPrivateFolder(dir, what string) error {
	dir = strings.TrimSpace(dir)
	if dir == "" {
		return fmt.Errorf("请选择保存%s的文件夹", what)
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return fmt.Errorf("文件夹「%s」不存在。请先建好文件夹，或选择已有的文件夹", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, export.ManifestName)); err == nil {
		return fmt.Errorf("文件夹「%s」里有公开导出的年报（%s）。%s含申请人个人信息，不能和公开文件放在一起，请另选一个文件夹", dir, export.ManifestName, what)
	}
	return nil
}

// WriteLetter numbers the drafted letter and records it on the request
// (its date becomes the request's 补正/延期/收费/答复 date where that is
// empty), then writes it to dir as 「…（含个人信息）.docx」, readable by its
// owner only, and reads it back. The number is recorded before the file is
// written, so a failed write written again keeps the same number.
func (s *Store) WriteLetter(ctx context.Context, d *LetterDraft, dir string) (*LetterResult, error) {
	dir = strings.TrimSpace(dir)
	MakeFolder(dir)
	if err := CheckLetterFolder(dir); err != nil {
		return nil, err
	}
	q := d.Request
	rec, err := s.RecordLetter(ctx, d.Organ, &q, d.Letter)
	if err != nil {
		return nil, err
	}
	fr, err := export.WriteLetter(dir, &q, d.Letter)
	if err != nil {
		return nil, err
	}
	return &LetterResult{Letter: d.Letter, Record: rec, File: fr, Request: q}, nil
}
