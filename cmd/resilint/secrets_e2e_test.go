package main_test

// These tests prove that the real binary never prints a secret: not in
// any output format, not in -explain, not under go vet. The fixture
// module testdata/e2e/secrets holds random fakes of real credential
// formats.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fixtureSecrets are the credentials of testdata/e2e/secrets, written
// split as in the fixture so that this file holds no token-shaped string.
// The PEM key's body lines are added by secretsOf.
var fixtureSecrets = []string{
	"ghp_" + "Lq7Zx2Km9Pt4Rw8Vb3Nc6Yh1Jf5Gd0" + "1v4THX",
	"AKIA" + "QX7ZK2LM6PT4RW3V",
	"sk_live_" + "51Hq7Zx2Km9Pt4Rw8Vb3Nc6Yh1Jf5Gd0LmQ",
	"T04Q7ZX2K/B05R8VB3NC6/" + "Yh1Jf5Gd0LmQp7Zx2Km9Pt4R",
	"Wm3Kx8Pq2Lz7Rt5Vn9Bc",
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiJzdmMtb3JkZXJzIiwiaXNzIjoiYXV0aC5hY21lLmlvIiwiaWF0IjoxNzY3MjI1NjAwfQ." + "532Pqo5d73V4GU8-ANQ1GaAEe9ty7bZjZmteutfH_zs",
	"Jk4Pz8Lq2Xm7Rv3Tb9Wn",
	"Rf6Tz2Kq8Lm4Xp9Vb3Wc",
	// In a _test.go file: reported only with -tests.
	"xoxb-" + "283745991203-4618845312071-" + "Qm7Zx2Lk9Pt4Rw8Vb3Nc6Yh1",
}

var (
	pemLine = regexp.MustCompile(`(?m)^[A-Za-z0-9+/]{64}$`)
	concat  = regexp.MustCompile("[\"`]\\s*\\+\\s*[\"`]")
)

// secretsOf returns the fixture's secrets, after checking that each one
// really is in the fixture (with its + splits folded), so that the test
// cannot pass by looking for strings that are not there.
func secretsOf(t *testing.T, dir string) []string {
	t.Helper()
	var folded strings.Builder
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		folded.WriteString(concat.ReplaceAllString(string(data), ""))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	src := folded.String()
	secrets := append([]string(nil), fixtureSecrets...)
	lines := pemLine.FindAllString(src, -1)
	if len(lines) < 8 {
		t.Fatalf("the fixture's PEM key has %d body lines", len(lines))
	}
	secrets = append(secrets, lines...)
	for _, s := range secrets {
		if !strings.Contains(src, s) {
			t.Fatalf("secret %.6s… is not in the fixture", s)
		}
	}
	return secrets
}

// assertNoSecret fails if out contains any 8 consecutive characters of a
// secret: the mask shows 4 at most.
func assertNoSecret(t *testing.T, what, out string, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		for i := 0; i+8 <= len(s); i++ {
			if w := s[i : i+8]; strings.Contains(out, w) {
				t.Errorf("%s shows part of secret %.4s… (%q):\n%s", what, s, w, out)
				break
			}
		}
	}
}

// The messages expected with the default settings, by line prefix.
var secretFindings = []string{
	"main.go:14:17: hardcoded GitHub personal access token (ghp_…(40 chars))",
	"main.go:15:17: hardcoded AWS access key id (AKIA…(20 chars))",
	"main.go:16:17: hardcoded Stripe live secret key (sk_l…(43 chars))",
	"main.go:17:17: hardcoded Slack incoming webhook URL (T04Q…(46 chars))",
	"main.go:18:17: hardcoded PostgreSQL connection URL with a password (Wm3K…(20 chars))",
	"main.go:19:17: hardcoded signed JSON Web Token (eyJh…(",
	"main.go:20:17: hardcoded password assigned to smtpPassword (Jk4P…(20 chars))",
	"main.go:23:20: hardcoded private key (PEM block) (----…(",
	`main.go:38:34: hardcoded webhook key passed after "STRIPE_WEBHOOK_KEY" to os.Setenv (Rf6T…(20 chars))`,
}

func TestSecretsNeverPrinted(t *testing.T) {
	dir := module(t, "secrets")
	secrets := secretsOf(t, dir)
	var all strings.Builder
	record := func(what string, r result) result {
		all.WriteString(r.stdout + r.stderr)
		assertNoSecret(t, what, r.stdout+r.stderr, secrets)
		return r
	}

	r := record("text output", run(t, dir, "-enable", "hardcodedsecret", "./..."))
	wantCode(t, r, 1)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != len(secretFindings) {
		t.Fatalf("got %d findings, want %d:\n%s", len(lines), len(secretFindings), r.stdout)
	}
	for i, w := range secretFindings {
		if !strings.HasPrefix(lines[i], w) || !regexp.MustCompile(`\(hardcodedsecret/RL40\d\)$`).MatchString(lines[i]) {
			t.Errorf("finding %d:\n got %s\nwant prefix %s", i, lines[i], w)
		}
	}

	r = record("text output with -tests", run(t, dir, "-tests", "-enable", "hardcodedsecret", "./..."))
	wantCode(t, r, 1)
	if !strings.Contains(r.stdout, "internal/notify/notify_test.go:9:22: hardcoded Slack token (xoxb…(56 chars))") {
		t.Errorf("-tests did not report the test file's token:\n%s", r.stdout)
	}

	r = record("JSON output", run(t, dir, "-tests", "-format", "json", "-enable", "hardcodedsecret", "./..."))
	wantCode(t, r, 1)
	var doc struct {
		Findings []struct {
			Severity       string `json:"severity"`
			Fingerprint    string `json:"fingerprint"`
			SuggestedFixes []any  `json:"suggested_fixes"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("JSON output does not parse: %v", err)
	}
	if len(doc.Findings) != len(secretFindings)+1 {
		t.Errorf("JSON: %d findings, want %d", len(doc.Findings), len(secretFindings)+1)
	}
	for _, f := range doc.Findings {
		if f.Severity != "error" || f.Fingerprint == "" || len(f.SuggestedFixes) != 0 {
			t.Errorf("JSON finding: severity %q, fingerprint %q, fixes %v", f.Severity, f.Fingerprint, f.SuggestedFixes)
		}
	}

	r = record("SARIF output", run(t, dir, "-tests", "-format", "sarif", "-enable", "hardcodedsecret", "./..."))
	wantCode(t, r, 1)
	if !regexp.MustCompile(`"ruleId": "RL40\d"`).MatchString(r.stdout) {
		t.Errorf("SARIF output lacks the results:\n%s", r.stdout)
	}

	r = record("GitHub output", run(t, dir, "-tests", "-format", "github", "-enable", "hardcodedsecret", "./..."))
	wantCode(t, r, 1)
	if n := strings.Count(r.stdout, "::error file="); n != len(secretFindings)+1 {
		t.Errorf("GitHub output: %d annotations, want %d:\n%s", n, len(secretFindings)+1, r.stdout)
	}

	// No finding carries a fix, so -diff has nothing to show.
	r = record("-diff output", run(t, dir, "-tests", "-diff", "-enable", "hardcodedsecret", "./..."))
	if strings.Contains(r.stdout, "+++") {
		t.Errorf("-diff shows an edit:\n%s", r.stdout)
	}

	r = record("-explain", run(t, dir, "-explain", "hardcodedsecret"))
	wantCode(t, r, 0)
	for _, w := range []string{"-hardcodedsecret.extra-rules", "-hardcodedsecret.min-entropy", "ghp_…(40 chars)"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("-explain lacks %q", w)
		}
	}
	record("-list", run(t, dir, "-list"))

	r = record("go vet", runCmd(t, dir, "go", "vet", "-vettool="+resilintBin, "./..."))
	if r.code == 0 || !strings.Contains(r.stderr, "hardcoded GitHub personal access token (ghp_…(40 chars))") {
		t.Errorf("go vet did not report the secrets (exit %d):\n%s", r.code, r.stderr)
	}
	r = record("go vet -tests", runCmd(t, dir, "go", "vet", "-vettool="+resilintBin, "-hardcodedsecret.tests", "./..."))
	if !strings.Contains(r.stderr, "notify_test.go:9:22") {
		t.Errorf("go vet -hardcodedsecret.tests did not report the test file:\n%s", r.stderr)
	}
	if all.Len() == 0 {
		t.Fatal("no output recorded")
	}
}

// The settings work from .resilint.yml, in both the list and the scalar
// form, and do not let a secret through either.
func TestSecretsSettingsFromConfig(t *testing.T) {
	dir := module(t, "secrets")
	secrets := secretsOf(t, dir)
	yml := `enable: [hardcodedsecret]
hardcodedsecret:
  min-length: 24
  ignore-values: ["^AKIA", "^sk_live_"]
  extra-rules: 'orders-basic:Orders service login=(?P<secret>Wm3Kx8Pq[A-Za-z0-9]{12}); unused=\bnever_[a-z]{10,20}\b'
`
	if err := os.WriteFile(filepath.Join(dir, ".resilint.yml"), []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "./...")
	wantCode(t, r, 1)
	assertNoSecret(t, "text output with settings", r.stdout+r.stderr, secrets)
	for _, absent := range []string{"AWS access key id", "Stripe live secret key", "smtpPassword", "STRIPE_WEBHOOK_KEY"} {
		if strings.Contains(r.stdout, absent) {
			t.Errorf("settings did not silence %q:\n%s", absent, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "hardcoded Orders service login (Wm3K…(20 chars))") {
		t.Errorf("the extra rule did not report:\n%s", r.stdout)
	}

	// A malformed rule is a configuration error, and the message does not
	// echo a secret either.
	os.WriteFile(filepath.Join(dir, ".resilint.yml"), []byte("hardcodedsecret:\n  extra-rules: 'bad=('\n"), 0o644)
	r = run(t, dir, "./...")
	wantCode(t, r, 2)
	if !strings.Contains(r.stderr, "hardcodedsecret.extra-rules") {
		t.Errorf("bad extra rule not explained:\n%s", r.stderr)
	}
}
