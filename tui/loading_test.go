package tui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/outline"
	"nianbao/tui/tables"
	"nianbao/tui/text"
)

// seedYear stores an organ with a 2021 report and n requests.
func seedYear(t *testing.T, st *desk.Store, n int) model.Organ {
	t.Helper()
	ctx := context.Background()
	o := model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship, Superior: "鄂温克族自治旗", Office: "大雁镇政务公开办公室", DueMonth: 1, DueDay: 31}
	var reqs []model.Request
	for i := 1; i <= n; i++ {
		reqs = append(reqs, model.Request{Received: model.NewDate(2021, 1+i%12, 1+i%28), Applicant: model.NaturalPerson,
			Summary: fmt.Sprintf("申请公开第%d号材料%s", i, strings.Repeat("及有关文件", i%5))})
	}
	if err := st.SaveOrganYear(ctx, &model.OrganYear{Organ: o, Report: model.NewReport(0, 2021), Requests: reqs}, false); err != nil {
		t.Fatal(err)
	}
	got, err := st.OrganByName(ctx, o.Name)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestOpenDrawsBeforeTheYearLoads: opening an organ-year shows the outline
// and the request log's first page from the report alone; the status line
// says 检查中… and a section that needs the whole year says 正在载入… until
// the load and check land, then the counts and the section appear.
func TestOpenDrawsBeforeTheYearLoads(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	o := seedYear(t, st, 40)
	today := model.NewDate(2022, 1, 10)
	h := appHarness(t, st, dir, 160, 40)
	a := h.app

	// The year's load runs behind the outline: its result is held back
	// until the test lets it land.
	h.p.Hold = func(m tea.Msg) bool { _, ok := m.(loadedMsg); return ok }
	h.send(common.OpenMsg{Organ: o, Year: 2021})
	if len(h.p.Held) != 1 {
		t.Fatalf("opening did not start the year's load behind the outline: %d held", len(h.p.Held))
	}
	if a.Common().OrganYear() != nil {
		t.Fatal("the year is loaded although only the head arrived")
	}
	if _, ok := a.Top().(*outline.Model); !ok {
		t.Fatalf("the outline is not drawn before the year loads: %T", a.Top())
	}
	h.mustSee("大雁镇人民政府", "2021年", checkingText)

	// The request log pages through SQLite: its rows are there at once.
	h.key("r")
	h.mustSee("申请公开第1号材料", "申请公开第2号材料")
	h.mustSee(checkingText)

	// Table 三 needs the whole year: it waits politely.
	h.key("esc", "3")
	h.mustSee(loadingText)
	h.key("down", "enter", "x") // keys on the placeholder do nothing
	h.mustSee(loadingText)

	h.p.Release() // the year's load and check land
	if a.Common().OrganYear() == nil || len(a.Common().OrganYear().Requests) != 40 {
		t.Fatal("the loaded year was not applied")
	}
	h.mustNotSee(checkingText, loadingText)
	e, w := a.Common().CountFindings("")
	want := model.Check(a.Common().OrganYear(), a.Common().Calendar, today)
	if len(a.Common().Findings()) != len(want) {
		t.Fatalf("findings: %d, model.Check gives %d", len(a.Common().Findings()), len(want))
	}
	h.mustSee(fmt.Sprintf(text.StatusFindings, e, w))
	ol := a.Top().(*outline.Model)
	if _, ok := ol.Child().(*tables.Model); !ok {
		t.Fatalf("table 三 is still a placeholder after the load: %T", ol.Child())
	}
}

// TestLoadAfterBackToStartIsDropped: a load that lands after the clerk went
// back to the start screen does not reopen the organ-year.
func TestLoadAfterBackToStartIsDropped(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	o := seedYear(t, st, 5)
	h := appHarness(t, st, dir, 120, 30)
	a := h.app
	h.p.Hold = func(m tea.Msg) bool { _, ok := m.(loadedMsg); return ok }
	h.send(common.OpenMsg{Organ: o, Year: 2021})
	h.key("esc") // outline list → start
	if len(a.stack) != 1 {
		t.Fatalf("esc did not return to the start screen: %d screens", len(a.stack))
	}
	h.p.Release()
	if len(a.stack) != 1 || a.Common().OrganYear() != nil || a.Common().Report() != nil {
		t.Fatal("a load that landed after leaving reopened the organ-year")
	}
}

// TestDamagedDatabaseBlocksEdits: a database damaged in the middle opens
// with the deferred check; when the check fails the workstation shows the
// notice with the newest good backup and the restore command, takes no
// edits, and the file stays as it was.
func TestDamagedDatabaseBlocksEdits(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	opt := desk.Options{NoBackup: true, Now: func() time.Time { return fixedNow }}
	st, err := desk.Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	seedYear(t, st, 2000)
	good, err := st.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	b, _ := os.ReadFile(path)
	mid := len(b) / 4096 / 2 * 4096
	for i := mid; i < mid+4096; i++ {
		b[i] ^= 0x5A
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}

	opt.DeferCheck = true
	st, err = desk.Open(ctx, path, opt)
	if err != nil {
		t.Fatalf("open with the deferred check: %v", err)
	}
	defer st.Close()
	h := appHarness(t, st, dir, 160, 40)
	a := h.app

	h.mustSee(corruptTitle, "已损坏", filepath.Base(good), "nianbao restore --from", corruptQuit)
	// Keys that would add an organ or open a year do nothing.
	h.key("n")
	h.typeText("伊敏河镇人民政府")
	h.key("ctrl+s", "enter", "down", "enter")
	h.mustSee(corruptTitle)
	if len(a.stack) != 1 || len(a.dialogs) != 0 {
		t.Fatal("a screen opened behind the notice")
	}
	if _, err := st.OrganByName(ctx, "伊敏河镇人民政府"); err == nil {
		t.Fatal("an organ was saved into the damaged database")
	}
	if err := st.SaveOrgan(ctx, &model.Organ{Name: "伊敏河镇人民政府", Level: model.LevelTownship, DueMonth: 1, DueDay: 31}); desk.KindOf(err) != desk.ErrCorrupt {
		t.Fatalf("a write on the damaged database: %v, want ErrCorrupt", err)
	}
	h.key("q")
	if !a.quitting {
		t.Fatal("q does not quit from the notice")
	}
	st.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(b, after) {
		t.Fatal("the damaged file changed")
	}
}

// TestDeferredBackupWarningReachesTheStatusLine: with the deferred check
// the day's backup runs after it; when that backup fails, its warning
// reaches the status line once the check is done.
func TestDeferredBackupWarningReachesTheStatusLine(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	st := openStore(t, path)
	seedYear(t, st, 10)
	st.Close()
	notADir := filepath.Join(dir, "备份")
	if err := os.WriteFile(notADir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := desk.Open(ctx, path, desk.Options{DeferCheck: true, BackupDir: notADir, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := appHarness(t, st, dir, 200, 30)
	if len(st.Warnings()) != 1 {
		t.Fatalf("warnings after the check: %q", st.Warnings())
	}
	h.mustSee("今天的自动备份没有成功")
	h.mustNotSee(corruptTitle)
}

// TestChangedRecordIsShownAtStart (issue 15, item 5): a byte of a saved
// record changed in the file (the organ's office name) is found by the
// check behind the start; the workstation shows the whole message in a
// dialog, naming the record and the backup that still holds it, and keeps
// a note on the status line after the clerk has read it.
func TestChangedRecordIsShownAtStart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	st := openStore(t, path)
	seedYear(t, st, 10)
	good, err := st.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	b, _ := os.ReadFile(path)
	if n := bytes.Count(b, []byte("大雁镇政务公开办公室")); n != 1 {
		t.Fatalf("the office name is %d times in the file", n)
	}
	os.WriteFile(path, bytes.Replace(b, []byte("大雁镇政务公开办公室"), []byte("大雁镇政务公开办公宝"), 1), 0o600)

	st, err = desk.Open(ctx, path, desk.Options{DeferCheck: true, NoBackup: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := appHarness(t, st, dir, 160, 40)
	a := h.app
	h.mustSee(text.DamagedRowsTitle, "单位「大雁镇人民政府」的基本信息", filepath.Base(good))
	if len(a.dialogs) != 1 {
		t.Fatalf("%d dialogs open, want the notice", len(a.dialogs))
	}
	h.key("enter")
	if len(a.dialogs) != 0 {
		t.Fatal("enter did not close the notice")
	}
	h.mustSee(text.DamagedRowsNote)
	h.mustNotSee(corruptTitle)
}
