package letters

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
)

func request(t *testing.T, e *testenv.Env, serial int) model.Request {
	q, err := e.Store.RequestBySerial(context.Background(), e.C.Organ.ID, 2021, serial, true)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// TestLetterScreenWritesTheAnswer drives the screen by keys: the state's
// letter is previewed with the applicant and the article, another kind can
// be picked (and says why it cannot be written), the answer is written to a
// new folder with its number recorded, the template is edited and kept for
// the organ, and every frame fills 80×21 exactly.
func TestLetterScreenWritesTheAnswer(t *testing.T) {
	e := testenv.Demo(t, 2021)
	q := request(t, e, 4) // 邻居宅基地: 不予公开, third-party rights
	d := e.Drive(New(e.C, q))
	view := ansi.Strip(d.View(80, 21))
	testenv.CheckSize(t, d.View(80, 21), 80, 21)
	for _, want := range []string{"◉ 答复", q.Personal.Name + "：", "第十五条", "第三十六条第（三）项", "大政信〔2021〕第□号", "引用条例第十五条、第三十六条第（三）项"} {
		if !strings.Contains(view, want) {
			t.Fatalf("preview lacks %q:\n%s", want, view)
		}
	}
	// ← picks 收费: the request has no fee method, the screen says so.
	d.Keys("left")
	view = ansi.Strip(d.View(80, 21))
	if !strings.Contains(view, "◉ 收费") || !strings.Contains(view, "收费方式") {
		t.Fatalf("fee notice without a fee method:\n%s", view)
	}
	d.Keys("right")
	// To the folder field, a new folder inside an existing one.
	dir := filepath.Join(t.TempDir(), "告知书（含个人信息）")
	for s := d.S.(*Screen); s.form.Current().Key != fDir; {
		d.Keys("tab")
	}
	d.Type(dir)
	d.Keys("ctrl+s")
	view = ansi.Strip(d.View(80, 21))
	if !strings.Contains(view, "已写出") || !strings.Contains(view, "大政信〔2021〕第1号") {
		t.Fatalf("after ctrl+s:\n%s", view)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*（含个人信息）.docx"))
	if len(files) != 1 {
		t.Fatalf("written: %v", files)
	}
	if fi, _ := os.Stat(files[0]); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	recs, err := e.Store.LettersOf(context.Background(), q.ID)
	if err != nil || len(recs) != 1 || recs[0].Number != "大政信〔2021〕第1号" || recs[0].Date != q.Answered {
		t.Fatalf("letter records %+v %v", recs, err)
	}
	// The organ's own template: ctrl+t opens it, typed text is kept.
	d.Keys("ctrl+t")
	view = ansi.Strip(d.View(80, 21))
	if !strings.Contains(view, "编辑「答复书") || !strings.Contains(view, "{申请人}") && !strings.Contains(view, "{收到日期}") {
		t.Fatalf("template editor:\n%s", view)
	}
	testenv.CheckSize(t, d.View(80, 21), 80, 21)
	d.Type("本单位补充说明。")
	d.Keys("ctrl+s")
	tpls, err := e.Store.LetterTemplates(context.Background(), e.C.Organ.ID)
	if err != nil || !strings.Contains(tpls["answer.o3_4"].Body, "本单位补充说明。") {
		t.Fatalf("template not kept: %+v %v", tpls, err)
	}
	if view = ansi.Strip(d.View(80, 21)); !strings.Contains(view, "本单位补充说明。") {
		t.Fatalf("preview without the organ's template:\n%s", view)
	}
	// A template edit left with Esc asks before it is lost.
	d.Keys("ctrl+t")
	d.Type("草稿")
	d.Keys("esc")
	if dl := testenv.DialogView(e.C); !strings.Contains(dl, "没有保存") {
		t.Fatalf("no question before losing the template edit: %q", dl)
	}
	d.Keys("d")
	if d.S.(*Screen).tpl != nil {
		t.Fatal("discard did not close the editor")
	}
	d.Keys("esc")
	if len(d.Out) == 0 {
		t.Fatal("esc did not go back")
	}
	if _, ok := d.Out[len(d.Out)-1].(common.BackMsg); !ok {
		t.Fatalf("last message %T", d.Out[len(d.Out)-1])
	}
}

// TestLetterScreenExtension: the extension notice of a request with an
// approved extension states both deadlines and records the notice date.
func TestLetterScreenExtension(t *testing.T) {
	e := testenv.Demo(t, 2021)
	ctx := context.Background()
	var q model.Request
	for _, r := range e.C.OrganYear().Requests {
		if strings.Contains(r.Summary, "北苑小区") { // extended by 15 working days
			q = request(t, e, r.Serial)
		}
	}
	if q.ExtDays != 15 {
		t.Fatalf("the demo's extended request: %+v", q)
	}
	q.ExtNotice = 0
	if err := e.Store.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	q.Outcome, q.Answered = "", 0 // the state before the answer
	d := e.Drive(New(e.C, q))
	s := d.S.(*Screen)
	if s.kind != model.LetterAnswer && s.kind != model.LetterExtension {
		t.Fatalf("kind %q", s.kind)
	}
	for s.kind != model.LetterExtension {
		d.Keys("right")
	}
	view := ansi.Strip(d.View(80, 24))
	base := q
	base.ExtDays = 0
	if !strings.Contains(view, "延长15个工作日") || !strings.Contains(view, model.Deadline(&base, e.C.Calendar).Chinese()) {
		t.Fatalf("extension preview:\n%s", view)
	}
	d.Keys("tab")
	d.Type("2021-08-10")
	d.Keys("tab", "tab")
	d.Type(t.TempDir())
	d.Keys("ctrl+s")
	stored, err := e.Store.Request(ctx, q.ID, false)
	if err != nil || stored.ExtNotice != model.NewDate(2021, 8, 10) {
		t.Fatalf("ext notice %v %v", stored.ExtNotice, err)
	}
}
