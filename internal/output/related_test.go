package output

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/resilint/resilint/internal/finding"
)

// relatedResult is one missingtx finding with two related locations, the
// second in another file, and one without any.
func relatedResult() *finding.Result {
	return &finding.Result{WorkDir: "/repo/svc", RootDir: "/repo", Findings: []finding.Finding{
		{Analyzer: "missingtx", Rule: "RL301", Severity: "warning", File: "/repo/svc/store/orders.go", Line: 40, Column: 2, EndLine: 40, EndColumn: 20,
			Message: "writes outside a transaction", Fingerprint: "f1",
			Related: []finding.Related{
				{File: "/repo/svc/store/orders.go", Line: 44, Column: 3, EndLine: 44, EndColumn: 30, Message: "the second write"},
				{File: "/repo/svc/store/items.go", Line: 9, Column: 2, EndLine: 9, EndColumn: 12, Message: "the third write"},
			}},
		{Analyzer: "httptimeout", Rule: "RL101", Severity: "warning", File: "/repo/svc/main.go", Line: 5, Column: 9, Message: "no timeout"},
	}}
}

func TestTextShowsRuleAndRelated(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, relatedResult(), nil); err != nil {
		t.Fatal(err)
	}
	want := "store/orders.go:40:2: writes outside a transaction (missingtx/RL301)\n" +
		"\trelated: store/orders.go:44:3: the second write\n" +
		"\trelated: store/items.go:9:2: the third write\n" +
		"main.go:5:9: no timeout (httptimeout/RL101)\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestJSONCarriesRuleAndRelated(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, relatedResult(), nil); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Findings []struct {
			Rule    string            `json:"rule"`
			Related []json.RawMessage `json:"related"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 2 || rep.Findings[0].Rule != "RL301" || rep.Findings[1].Rule != "RL101" {
		t.Fatalf("findings = %+v", rep.Findings)
	}
	if len(rep.Findings[0].Related) != 2 || rep.Findings[1].Related != nil {
		t.Fatalf("related = %s / %s, want two on the first finding and none on the second", rep.Findings[0].Related, rep.Findings[1].Related)
	}
	want := `{"file":"store/items.go","line":9,"column":2,"end_line":9,"end_column":12,"message":"the third write"}`
	var compact bytes.Buffer
	json.Compact(&compact, rep.Findings[0].Related[1])
	if compact.String() != want {
		t.Errorf("related[1] = %s\nwant         %s", compact.String(), want)
	}
}

func TestGitHubAndGitLabShowRuleAndRelated(t *testing.T) {
	var gh bytes.Buffer
	if err := GitHub(&gh, relatedResult(), nil); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=svc/store/orders.go,line=40,col=2,endLine=40,endColumn=20,title=resilint (missingtx/RL301)::" +
		"writes outside a transaction%0Arelated: svc/store/orders.go:44: the second write%0Arelated: svc/store/items.go:9: the third write\n"
	if got, _, _ := bytes.Cut(gh.Bytes(), []byte("\n")); string(got)+"\n" != want {
		t.Errorf("GitHub got\n%s\nwant\n%s", got, want)
	}
	var gl bytes.Buffer
	if err := GitLab(&gl, relatedResult(), nil); err != nil {
		t.Fatal(err)
	}
	var issues []gitlabIssue
	if err := json.Unmarshal(gl.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	if issues[0].CheckName != "missingtx/RL301" || issues[0].Description != "writes outside a transaction\nrelated: svc/store/orders.go:44: the second write\nrelated: svc/store/items.go:9: the third write" {
		t.Errorf("GitLab issue = %+v", issues[0])
	}
	if issues[1].CheckName != "httptimeout/RL101" || issues[1].Description != "no timeout" {
		t.Errorf("GitLab issue = %+v", issues[1])
	}
}
