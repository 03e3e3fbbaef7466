package main

import (
	"context"
	"strings"
	"testing"

	"nianbao/db"
	"nianbao/demo"
)

// Item 9: an applicant's exact name typed into a narrative paragraph makes
// `nianbao check` report an 错误 naming the section (it said nothing), and
// the message does not repeat the name.
func TestCheckFindsApplicantNameInNarrative(t *testing.T) {
	p := demoDB(t)
	runOK(t, exitOK, "check", "--organ", demo.OrganName, "--year", "2021", "--db", p)
	ctx := context.Background()
	st, err := db.Open(ctx, p, db.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.OrganByName(ctx, demo.OrganName)
	if err != nil {
		t.Fatal(err)
	}
	oy, err := st.LoadOrganYear(ctx, o.ID, 2021, true)
	if err != nil {
		t.Fatal(err)
	}
	name := ""
	for _, q := range oy.Requests {
		if len([]rune(q.Personal.Name)) >= 2 {
			name = q.Personal.Name
			break
		}
	}
	if name == "" {
		t.Fatal("the demo has no applicant with a name")
	}
	var b = oy.Report.SectionBlocks(3)
	for i := range b {
		if b[i].Text != "" {
			b[i].Text += "其中" + name + "申请的信息已公开。"
			if err := st.SaveBlock(ctx, oy.Report.ID, &b[i]); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	st.Close()
	r := runOK(t, exitFindings, "check", "--organ", demo.OrganName, "--year", "2021", "--db", p)
	if !strings.Contains(r.stdout, "[错误] S1") || !strings.Contains(r.stdout, "三、收到和处理政府信息公开申请情况") {
		t.Fatalf("check output lacks the S1 error with its place:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, name) {
		t.Fatalf("check output repeats the applicant's name %q", name)
	}
}
