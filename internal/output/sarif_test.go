package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/finding"
	"github.com/resilint/resilint/internal/lint"
	ruletable "github.com/resilint/resilint/internal/rules"
	"github.com/resilint/resilint/internal/version"
)

// schemaPath is the repository's copy of the OASIS SARIF 2.1.0 schema
// (testdata/sarif/README.md says where it comes from).
var schemaPath = filepath.Join("..", "..", "testdata", "sarif", "sarif-schema-2.1.0.json")

// allRules describes every analyzer the way the CLI does.
func allRules() []Rule {
	var rules []Rule
	for _, e := range analyzers.Entries() {
		rules = append(rules, Rule{Analyzer: e.Analyzer, Severity: e.Severity})
	}
	return append(rules, Rule{Analyzer: lint.DirectivesAnalyzer, Severity: "warning"})
}

func sampleResult() *finding.Result {
	return &finding.Result{RootDir: "/repo", Findings: []finding.Finding{
		{Analyzer: "httptimeout", Rule: "RL102", Severity: "warning", File: "/repo/api/main.go", Line: 21, Column: 12, EndLine: 21, EndColumn: 45,
			Message: "http.ListenAndServe serves with no read timeouts", Fingerprint: "9123b4c7"},
		// A finding with no column and no end: nothing is invented for them.
		{Analyzer: "hardcodedsecret", Rule: "RL401", Severity: "error", File: "/repo/config/config.go", Line: 7, Message: "hardcoded password"},
	}}
}

// writeSARIF renders r as the given version and decodes it, after
// checking it against the official schema.
func writeSARIF(t *testing.T, r *finding.Result, v string) map[string]any {
	t.Helper()
	saved := version.Version
	version.Version = v
	t.Cleanup(func() { version.Version = saved })
	var buf bytes.Buffer
	if err := SARIF(&buf, r, allRules()); err != nil {
		t.Fatal(err)
	}
	validate(t, buf.Bytes())
	var log map[string]any
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

func validate(t *testing.T, data []byte) {
	t.Helper()
	schema, err := jsonschema.NewCompiler().Compile(schemaPath)
	if err != nil {
		t.Fatalf("compiling the SARIF schema %s: %v", schemaPath, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF output does not parse: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output violates the 2.1.0 schema: %v\n%s", err, data)
	}
}

// get walks a decoded JSON document: keys for objects, ints for arrays.
func get(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, k)
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: no element %d", path, k)
			}
			v = a[k]
		}
	}
	return v
}

// padding lists the places in a document that hold a -1 or an empty
// array or object: SARIF defaults a producer should leave out.
func padding(v any, at string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 {
			out = append(out, at+" is {}")
		}
		for k, c := range x {
			out = append(out, padding(c, at+"."+k)...)
		}
	case []any:
		if len(x) == 0 && !strings.HasSuffix(at, ".results") {
			out = append(out, at+" is []")
		}
		for i, c := range x {
			out = append(out, padding(c, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case float64:
		if x == -1 {
			out = append(out, at+" is -1")
		}
	}
	return out
}

func TestSARIFEmitsOnlyWhatIsSet(t *testing.T) {
	log := writeSARIF(t, sampleResult(), "devel")
	if pad := padding(log, "$"); len(pad) > 0 {
		t.Errorf("SARIF output is padded with defaults:\n%s", strings.Join(pad, "\n"))
	}
	full := get(t, log, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "region").(map[string]any)
	if fmt.Sprint(full) != "map[endColumn:45 endLine:21 startColumn:12 startLine:21]" {
		t.Errorf("region of a full finding = %v", full)
	}
	bare := get(t, log, "runs", 0, "results", 1, "locations", 0, "physicalLocation", "region").(map[string]any)
	if fmt.Sprint(bare) != "map[startLine:7]" {
		t.Errorf("region of a finding with only a line = %v, want startLine alone", bare)
	}
	res := get(t, log, "runs", 0, "results", 1).(map[string]any)
	if _, ok := res["partialFingerprints"]; ok {
		t.Errorf("a finding with no fingerprint got partialFingerprints: %v", res)
	}
	idx, _ := get(t, res, "ruleIndex").(float64)
	if res["ruleId"] != "RL401" || res["level"] != "error" || get(t, log, "runs", 0, "tool", "driver", "rules", int(idx), "id") != "RL401" {
		t.Errorf("result = %v, want ruleId RL401, level error, and the ruleIndex of RL401", res)
	}
	if uri := get(t, res, "locations", 0, "physicalLocation", "artifactLocation", "uri"); uri != "config/config.go" {
		t.Errorf("uri = %v, want a path relative to the repository root", uri)
	}
}

func TestSARIFNoFindingsStillSaysItRan(t *testing.T) {
	log := writeSARIF(t, &finding.Result{RootDir: "/repo"}, "devel")
	// An empty results array means "looked and found nothing"; an absent
	// one would mean the tool did not look, and code scanning would keep
	// the old alerts open.
	results, ok := get(t, log, "runs", 0, "results").([]any)
	if !ok || len(results) != 0 {
		t.Errorf("results = %v, want []", get(t, log, "runs", 0, "results"))
	}
	if get(t, log, "runs", 0, "invocations", 0, "executionSuccessful") != true {
		t.Error("a run without load errors must be executionSuccessful")
	}
}

func TestSARIFLoadErrors(t *testing.T) {
	r := &finding.Result{RootDir: "/repo", Errors: []finding.LoadError{{Package: "example.com/broken", Message: "undefined: x"}}}
	log := writeSARIF(t, r, "devel")
	inv := get(t, log, "runs", 0, "invocations", 0)
	if get(t, inv, "executionSuccessful") != false {
		t.Error("a run with load errors must not be executionSuccessful")
	}
	if msg := get(t, inv, "toolExecutionNotifications", 0, "message", "text"); msg != "example.com/broken: undefined: x" {
		t.Errorf("notification = %v", msg)
	}
}

func rulesByID(t *testing.T, log map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, r := range get(t, log, "runs", 0, "tool", "driver", "rules").([]any) {
		rule := r.(map[string]any)
		out[rule["id"].(string)] = rule
	}
	return out
}

func TestSARIFRuleProperties(t *testing.T) {
	rules := rulesByID(t, writeSARIF(t, sampleResult(), "devel"))
	if len(rules) != len(ruletable.All()) {
		t.Fatalf("%d rules, want one per rule ID", len(rules))
	}
	secret := get(t, rules["RL401"], "properties").(map[string]any)
	if secret["security-severity"] != "7.5" {
		t.Errorf("RL401 security-severity = %#v, want the string \"7.5\"", secret["security-severity"])
	}
	tags := fmt.Sprint(secret["tags"])
	for _, want := range []string{"security", "CWE-798", "external/cwe/cwe-798", "hardcodedsecret"} {
		if !strings.Contains(tags, want) {
			t.Errorf("RL401 tags %s lack %s", tags, want)
		}
	}
	if secret["problem.severity"] != "error" {
		t.Errorf("RL401 problem.severity = %v", secret["problem.severity"])
	}
	// A rule with a more precise weakness names it instead of CWE-798.
	key := get(t, rules["RL402"], "properties").(map[string]any)
	if tags := fmt.Sprint(key["tags"]); !strings.Contains(tags, "external/cwe/cwe-321") || strings.Contains(tags, "798") || key["security-severity"] != "8.0" {
		t.Errorf("RL402 properties = %v, want CWE-321 only and security-severity 8.0", key)
	}
	precisions := []any{"very-high", "high", "medium", "low"}
	for id, rule := range rules {
		props := get(t, rule, "properties").(map[string]any)
		if !slices.Contains(precisions, props["precision"]) {
			t.Errorf("%s precision = %v", id, props["precision"])
		}
		if ps := props["problem.severity"]; ps != "warning" && ps != "error" {
			t.Errorf("%s problem.severity = %v", id, ps)
		}
		r, _ := ruletable.Lookup(id)
		if !strings.Contains(fmt.Sprint(props["tags"]), r.Analyzer) || rule["name"] != r.Name {
			t.Errorf("%s: name %v and tags %v, want %s and the analyzer %s as a tag", id, rule["name"], props["tags"], r.Name, r.Analyzer)
		}
		if r.Analyzer == "hardcodedsecret" {
			continue
		}
		if _, ok := props["security-severity"]; ok || strings.Contains(fmt.Sprint(props["tags"]), "security") {
			t.Errorf("%s is not a security rule, but its properties say so: %v", id, props)
		}
	}
}

// Every analyzer has its own traits: a new analyzer must decide its
// precision, and whether it is about security, rather than inherit a default.
func TestSARIFTraitsCoverEveryAnalyzer(t *testing.T) {
	for _, r := range allRules() {
		if _, ok := traits[r.Analyzer.Name]; !ok {
			t.Errorf("no SARIF traits for %s", r.Analyzer.Name)
		}
	}
}

func TestSARIFHelpURIFollowsTheVersion(t *testing.T) {
	for _, c := range []struct{ version, ref string }{
		{"v0.1.0", "v0.1.0"},
		{"v1.12.3", "v1.12.3"},
		{"devel", "main"},
		{"devel-e3c4dde1234f-dirty", "main"},
		{"v0.0.0-20251205090000-e3c4dde1234f", "main"},
	} {
		log := writeSARIF(t, sampleResult(), c.version)
		rules := rulesByID(t, log)
		for _, r := range ruletable.All() {
			want := "https://github.com/resilint/resilint/blob/" + c.ref + "/docs/rules.md#" + strings.ToLower(r.ID)
			if got := rules[r.ID]["helpUri"]; got != want {
				t.Errorf("version %s: %s helpUri = %v, want %s", c.version, r.ID, got, want)
			}
			page := "https://github.com/resilint/resilint/blob/" + c.ref + "/docs/analyzers/" + r.Analyzer + ".md"
			if r.Analyzer == ruletable.Directives {
				page = "https://github.com/resilint/resilint/blob/" + c.ref + "/docs/cli.md#suppressing-findings"
			}
			if help := get(t, rules[r.ID], "help", "markdown").(string); !strings.Contains(help, "("+want+")") || !strings.Contains(help, "("+page+")") {
				t.Errorf("version %s: %s help does not link %s and %s:\n%s", c.version, r.ID, want, page, help)
			}
		}
		driver := get(t, log, "runs", 0, "tool", "driver").(map[string]any)
		if driver["version"] != c.version {
			t.Errorf("driver version = %v, want %s", driver["version"], c.version)
		}
		// semanticVersion must be semver: only a release has one.
		if sv, has := driver["semanticVersion"]; has != (c.ref != "main") || has && "v"+sv.(string) != c.version {
			t.Errorf("version %s: semanticVersion = %v", c.version, sv)
		}
	}
}

// TestSARIFRelatedLocations: each related location is a relatedLocation
// with its own id and message, and the result's message links to it as
// SARIF's embedded links require ("[text](id)", literal brackets escaped).
func TestSARIFRelatedLocations(t *testing.T) {
	r := &finding.Result{RootDir: "/repo", Findings: []finding.Finding{{
		Analyzer: "missingtx", Rule: "RL301", Severity: "warning", File: "/repo/store/orders.go", Line: 40, Column: 2,
		Message: "writes rows[i] outside a transaction",
		Related: []finding.Related{
			{File: "/repo/store/orders.go", Line: 44, Column: 3, EndLine: 44, EndColumn: 30, Message: "the second write"},
			{File: "/repo/store/items.go", Line: 9, Column: 2, Message: "the third [in a loop]"},
		},
	}}}
	log := writeSARIF(t, r, "devel") // validates against the schema
	res := get(t, log, "runs", 0, "results", 0)
	related := get(t, res, "relatedLocations").([]any)
	if len(related) != 2 {
		t.Fatalf("relatedLocations = %v, want 2", related)
	}
	for i, want := range []struct {
		id          float64
		uri, region string
		msg         string
	}{
		{1, "store/orders.go", "map[endColumn:30 endLine:44 startColumn:3 startLine:44]", "the second write"},
		{2, "store/items.go", "map[startColumn:2 startLine:9]", "the third [in a loop]"},
	} {
		loc := related[i]
		if get(t, loc, "id") != want.id || get(t, loc, "message", "text") != want.msg ||
			get(t, loc, "physicalLocation", "artifactLocation", "uri") != want.uri ||
			fmt.Sprint(get(t, loc, "physicalLocation", "region")) != want.region {
			t.Errorf("relatedLocations[%d] = %v, want %+v", i, loc, want)
		}
	}
	msg := get(t, res, "message", "text")
	if want := `writes rows\[i\] outside a transaction (related: [the second write](1); [the third \[in a loop\]](2))`; msg != want {
		t.Errorf("message = %q\nwant      %q", msg, want)
	}
}

// TestSARIFFindingWithoutRuleID: a finding whose analyzer gave no rule ID
// is reported under the analyzer's own rule, added for it.
func TestSARIFFindingWithoutRuleID(t *testing.T) {
	r := &finding.Result{RootDir: "/repo", Findings: []finding.Finding{
		{Analyzer: "httptimeout", Severity: "warning", File: "/repo/a.go", Line: 3, Message: "m"},
	}}
	log := writeSARIF(t, r, "devel")
	res := get(t, log, "runs", 0, "results", 0)
	idx := int(get(t, res, "ruleIndex").(float64))
	if res.(map[string]any)["ruleId"] != "httptimeout" || get(t, log, "runs", 0, "tool", "driver", "rules", idx, "id") != "httptimeout" {
		t.Errorf("result = %v, want the httptimeout rule", res)
	}
}
