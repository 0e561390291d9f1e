package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var testAnalyzers = []string{"httptimeout", "ctxpropagation"}

// The fixture of the brief: on httptimeout, 3 TP, 1 FP, 1 BORDERLINE and
// 2 MISS (one now found) are labeled, and one finding has no label.
const fixtureTriage = triageHeader + `
# comments and blank lines are skipped

httptimeout	a.go	10	TP	no timeout
httptimeout	./a.go	20	tp	lower-case labels are accepted
httptimeout	pkg/b.go	5	TP	reason	with a tab
httptimeout	pkg/b.go	9	FP	bounded by the caller
httptimeout	c.go	1	BORDERLINE	start-up only
httptimeout	c.go	7	MISS	client built in a helper
httptimeout	d.go	3	MISS	not found yet
ctxpropagation	a.go	10	FP	same line, other analyzer
httptimeout	e.go	99		copied from untriaged, not judged yet
`

func fixtureFindings() []reportFinding {
	f := func(analyzer, file string, line int) reportFinding {
		return reportFinding{Analyzer: analyzer, File: file, Line: line, Column: 2, Message: analyzer + " at " + file}
	}
	return []reportFinding{
		f("httptimeout", "a.go", 10),
		f("httptimeout", "a.go", 20),
		f("httptimeout", "pkg/b.go", 5),
		f("httptimeout", "pkg/b.go", 9),
		f("httptimeout", "c.go", 1),
		f("httptimeout", "c.go", 7),     // the MISS now found
		f("httptimeout", "e.go", 4),     // unlabeled
		f("ctxpropagation", "a.go", 11), // one line off its FP label: unlabeled
	}
}

func TestParseTriage(t *testing.T) {
	recs, err := parseTriage(strings.NewReader(fixtureTriage), testAnalyzers)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 8 {
		t.Errorf("%d records, want 8 (the unlabeled row is skipped)", len(recs))
	}
	r := recs[location{"httptimeout", "a.go", 20}]
	if r.Label != labelTP || r.Row != 5 {
		t.Errorf("./a.go:20: %+v", r)
	}
	if r := recs[location{"httptimeout", "pkg/b.go", 5}]; r.Reason != "reason\twith a tab" {
		t.Errorf("reason %q", r.Reason)
	}
}

func TestParseTriageErrors(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"", "empty"},
		{"analyzer file line label reason\n", "want the header"},
		{triageHeader + "\nhttptimeout\ta.go\t10\n", "line 2: want analyzer, file"},
		{triageHeader + "\nnotanalyzer\ta.go\t10\tTP\tx\n", `unknown analyzer "notanalyzer"`},
		{triageHeader + "\nhttptimeout\t/abs/a.go\t10\tTP\tx\n", "not a slash-separated path"},
		{triageHeader + "\nhttptimeout\tpkg\\a.go\t10\tTP\tx\n", "not a slash-separated path"},
		{triageHeader + "\nhttptimeout\ta.go\tten\tTP\tx\n", `bad line number "ten"`},
		{triageHeader + "\nhttptimeout\ta.go\t0\tTP\tx\n", "bad line number"},
		{triageHeader + "\nhttptimeout\ta.go\t10\tTRUE\tx\n", `label "TRUE"`},
		{triageHeader + "\nhttptimeout\ta.go\t10\tTP\tx\nhttptimeout\ta.go\t10\tFP\ty\n", "line 3: httptimeout a.go:10 already labeled on line 2"},
	} {
		_, err := parseTriage(strings.NewReader(tc.body), testAnalyzers)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want one containing %q", tc.body, err, tc.want)
		}
	}
}

func TestScoreFixture(t *testing.T) {
	recs, err := parseTriage(strings.NewReader(fixtureTriage), testAnalyzers)
	if err != nil {
		t.Fatal(err)
	}
	by, untriaged := score(fixtureFindings(), recs)
	want := counts{Findings: 7, TP: 3, FP: 1, Borderline: 1, Unlabeled: 1, MissFound: 1, TPReported: 3, TPLabels: 3, MissLabels: 2}
	if got := by["httptimeout"]; got != want {
		t.Errorf("httptimeout:\n got %+v\nwant %+v", got, want)
	}
	c := by["httptimeout"]
	if p := c.precision(); p != (fraction{3, 4}) || *p.value() != 0.75 {
		t.Errorf("precision %v", p)
	}
	if s := c.strict(); s != (fraction{3, 5}) || *s.value() != 0.60 {
		t.Errorf("strict precision %v", s)
	}
	if r := c.recall(); r != (fraction{4, 5}) || *r.value() != 0.80 {
		t.Errorf("recall %v", r)
	}
	ctx := by["ctxpropagation"]
	if ctx != (counts{Findings: 1, Unlabeled: 1}) || ctx.precision().value() != nil {
		t.Errorf("ctxpropagation: %+v (an FP label one line away must not match)", ctx)
	}
	wantRows := []untriagedRow{
		{location{"ctxpropagation", "a.go", 11}, []string{"ctxpropagation at a.go"}},
		{location{"httptimeout", "e.go", 4}, []string{"httptimeout at e.go"}},
	}
	if !reflect.DeepEqual(untriaged, wantRows) {
		t.Errorf("untriaged:\n got %+v\nwant %+v", untriaged, wantRows)
	}
}

func TestTwoFindingsOnOneLineShareItsLabel(t *testing.T) {
	recs := map[location]record{{"httptimeout", "a.go", 3}: {location: location{"httptimeout", "a.go", 3}, Label: labelTP}}
	findings := []reportFinding{
		{Analyzer: "httptimeout", File: "a.go", Line: 3, Column: 2},
		{Analyzer: "httptimeout", File: "a.go", Line: 3, Column: 9},
	}
	by, _ := score(findings, recs)
	if got := by["httptimeout"]; got.TP != 2 || got.TPReported != 1 || got.recall() != (fraction{1, 1}) {
		t.Errorf("%+v", got)
	}
}

func TestTabulateGroups(t *testing.T) {
	scores := []targetScore{
		{Name: "big", Group: halfReport, ByAnalyzer: map[string]counts{
			"httptimeout":    {Findings: 6, TP: 3, FP: 1, Borderline: 1, Unlabeled: 1, TPReported: 3, TPLabels: 3},
			"ctxpropagation": {Findings: 2, FP: 2},
		}},
		{Name: "small", Group: halfReport, ByAnalyzer: map[string]counts{
			"httptimeout": {Findings: 1, MissFound: 1, MissLabels: 2},
		}},
		{Name: "quiet", Group: halfReport, ByAnalyzer: map[string]counts{}},
		{Name: "tuned", Group: halfTune, ByAnalyzer: map[string]counts{"ctxpropagation": {Findings: 1, TP: 1}}},
	}
	tables := tabulate(scores, testAnalyzers)
	if len(tables) != 2 || tables[0].Group != halfTune || tables[1].Group != halfReport {
		t.Fatalf("groups %+v, want tune then report", tables)
	}
	report := tables[1]
	if !reflect.DeepEqual(report.Apps, []string{"big", "small", "quiet"}) || len(report.Rows) != 3 {
		t.Fatalf("report: %+v", report)
	}
	ht, all := report.Rows[0], report.Rows[2]
	if ht.Analyzer != "httptimeout" || ht.Findings != 7 || ht.MaxPerApp != 6 || ht.MaxApp != "big" || ht.MedianPerApp != 1 {
		t.Errorf("httptimeout row: %+v", ht)
	}
	if *ht.Precision != 0.75 || *ht.StrictPrecision != 0.6 || *ht.Recall != 0.8 {
		t.Errorf("httptimeout metrics: %v %v %v", *ht.Precision, *ht.StrictPrecision, *ht.Recall)
	}
	if all.Analyzer != allAnalyzers || all.Findings != 9 || all.FP != 3 || all.MaxPerApp != 8 || all.MedianPerApp != 1 {
		t.Errorf("all row: %+v", all)
	}
	if m := median([]int{8, 2}); m != 5 {
		t.Errorf("median of 8 and 2 = %v", m)
	}
}

func TestWriteAppsReport(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "untriaged", "clean.tsv")
	writeFiles(t, dir, map[string]string{"untriaged/clean.tsv": "old"})
	scores := []targetScore{
		{Name: "svc", Group: halfReport, ByAnalyzer: map[string]counts{"httptimeout": {Findings: 2, TP: 1, Unlabeled: 1, TPReported: 1, TPLabels: 1}},
			Untriaged: []untriagedRow{{location{"httptimeout", "cmd/x.go", 7}, []string{"no\ttimeout", "second"}}}},
		{Name: "clean", Group: groupProxy, ByAnalyzer: map[string]counts{}},
	}
	if err := writeAppsReport(dir, scores); err != nil {
		t.Fatal(err)
	}
	md := readFile(t, filepath.Join(dir, "apps.md"))
	for _, want := range []string{"## report (1)", "## proxy (1)", "| httptimeout | 2 | 1 | 0 | 0 | 1 | 0 | 1.00 (1/1) | 1.00 (1/1) | 1.00 (1/1) | 2 (svc) | 2 |", "| ctxpropagation | 0 | 0 | 0 | 0 | 0 | 0 | – | – | – | 0 | 0 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("apps.md lacks %q:\n%s", want, md)
		}
	}
	var doc struct {
		Groups []struct {
			Group string
			Rows  []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "apps.json"))), &doc); err != nil {
		t.Fatal(err)
	}
	row := doc.Groups[0].Rows[0]
	if doc.Groups[0].Group != halfReport || row["analyzer"] != "httptimeout" || row["tp"] != 1.0 || row["precision"] != 1.0 {
		t.Errorf("apps.json first row: %v", row)
	}
	if p, ok := doc.Groups[1].Rows[0]["precision"]; !ok || p != nil {
		t.Errorf("an undefined precision should be null, got %v (%v)", p, ok)
	}
	tsv := readFile(t, filepath.Join(dir, "untriaged", "svc.tsv"))
	if want := triageHeader + "\nhttptimeout\tcmd/x.go\t7\t\tno timeout | second\n"; tsv != want {
		t.Errorf("untriaged/svc.tsv = %q, want %q", tsv, want)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a stale untriaged file was kept for a target with none")
	}
	// The untriaged file reads back as a triage file with nothing labeled.
	recs, err := parseTriage(strings.NewReader(tsv), testAnalyzers)
	if err != nil || len(recs) != 0 {
		t.Errorf("untriaged file as triage: %v, %v", recs, err)
	}
}

// A grouped finding lists its call sites as related locations: a TP or
// MISS label at one of them is reported (recall), but the related
// location is not a finding of its own (precision is unchanged).
func TestRelatedLocationsCountForRecall(t *testing.T) {
	recs := map[location]record{
		{"ctxpropagation", "api.go", 10}:  {location: location{"ctxpropagation", "api.go", 10}, Label: labelTP},
		{"ctxpropagation", "api.go", 20}:  {location: location{"ctxpropagation", "api.go", 20}, Label: labelMiss},
		{"ctxpropagation", "api.go", 30}:  {location: location{"ctxpropagation", "api.go", 30}, Label: labelFP},
		{"ctxpropagation", "store.go", 5}: {location: location{"ctxpropagation", "store.go", 5}, Label: labelTP},
	}
	f := reportFinding{Analyzer: "ctxpropagation", File: "store.go", Line: 5}
	for _, l := range []int{10, 20, 30} {
		f.Related = append(f.Related, struct {
			File string `json:"file"`
			Line int    `json:"line"`
		}{"api.go", l})
	}
	by, _ := score([]reportFinding{f}, recs)
	got := by["ctxpropagation"]
	if got.Findings != 1 || got.TP != 1 || got.FP != 0 {
		t.Errorf("related locations must not count as findings: %+v", got)
	}
	if got.TPReported != 2 || got.MissFound != 1 || got.recall() != (fraction{3, 3}) {
		t.Errorf("related TP and MISS labels must count as reported: %+v", got)
	}
}
