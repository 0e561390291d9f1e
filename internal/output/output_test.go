package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/resilint/resilint/internal/finding"
)

func TestGitHubEscaping(t *testing.T) {
	r := &finding.Result{RootDir: "/repo", Findings: []finding.Finding{{
		Analyzer: "httptimeout", Severity: "warning", File: "/repo/a,b:c.go", Line: 3, Column: 4, EndLine: 5, EndColumn: 1,
		Message: "100% bad\nsecond line",
	}}}
	var buf bytes.Buffer
	if err := GitHub(&buf, r, nil); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a%2Cb%3Ac.go,line=3,col=4,endLine=5,title=resilint (httptimeout)::100%25 bad%0Asecond line\n"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
}

func TestTextRelativePaths(t *testing.T) {
	r := &finding.Result{WorkDir: "/repo/svc", Findings: []finding.Finding{
		{Analyzer: "a", File: "/repo/svc/x/y.go", Line: 1, Column: 2, Message: "m"},
		{Analyzer: "a", File: "/elsewhere/z.go", Line: 1, Column: 2, Message: "m"},
	}}
	var buf bytes.Buffer
	Text(&buf, r, nil)
	if got := buf.String(); got != "x/y.go:1:2: m (a)\n../../elsewhere/z.go:1:2: m (a)\n" {
		t.Errorf("got %q", got)
	}
}

func TestLookup(t *testing.T) {
	for _, f := range []string{"text", "json", "sarif", "github"} {
		if _, err := Lookup(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := Lookup("xml"); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("Lookup(xml) = %v", err)
	}
}
