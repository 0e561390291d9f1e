package hardcodedsecret

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEveryRuleHasAFake(t *testing.T) {
	if len(rules) < 25 {
		t.Errorf("the table has %d rules, want at least 25", len(rules))
	}
	seen := map[string]bool{}
	for _, r := range rules {
		if seen[r.ID] {
			t.Errorf("duplicate rule id %s", r.ID)
		}
		seen[r.ID] = true
		if fakes[r.ID] == nil {
			t.Errorf("rule %s has no fake in fakes_test.go", r.ID)
		}
		if r.Description == "" || len(r.Keywords) == 0 {
			t.Errorf("rule %s lacks a description or keywords", r.ID)
		}
	}
	for id := range fakes {
		if !seen[id] {
			t.Errorf("fake for unknown rule %s", id)
		}
	}
}

// Each fake is found by its own rule, once, in a realistic surrounding,
// and never by another rule.
func TestFakesDetected(t *testing.T) {
	d := newDetector(defaultSettings())
	for seed := uint64(1); seed <= 20; seed++ {
		g := newGen(seed)
		for _, r := range rules {
			fake := fakes[r.ID](g)
			for _, s := range []string{fake, "token: " + fake + "\n"} {
				ms := d.scan(s)
				if len(ms) != 1 || ms[0].Rule != r {
					var got []string
					for _, m := range ms {
						got = append(got, m.Rule.ID)
					}
					t.Errorf("seed %d: %s: scan(%q) found %v, want exactly [%s]", seed, r.ID, s, got, r.ID)
				}
			}
		}
	}
}

// A token with the right prefix and length but a wrong checksum is random
// junk, not a token.
func TestChecksums(t *testing.T) {
	d := newDetector(defaultSettings())
	g := newGen(7)
	for _, id := range []string{"github-pat", "github-oauth-token", "npm-token", "age-secret-key"} {
		fake := fakes[id](g)
		// Change one character of the random part.
		i := len(fake) - 10
		c := byte('A')
		if fake[i] == 'A' {
			c = 'B'
		}
		bad := fake[:i] + string(c) + fake[i+1:]
		if ms := d.scan(bad); len(ms) != 0 {
			t.Errorf("%s: a token with a broken checksum was reported: %v", id, ms[0].Rule.ID)
		}
		if ms := d.scan(fake); len(ms) != 1 {
			t.Errorf("%s: the well-formed fake was not reported", id)
		}
	}
	// A made-up token from documentation, with no valid checksum.
	if ms := d.scan("gho_16C7e42F292c6912E7710c838347Ae178B4a"); len(ms) != 0 {
		t.Errorf("documentation sample reported")
	}
}

func TestNotDetected(t *testing.T) {
	d := newDetector(defaultSettings())
	for _, s := range []string{
		"AKIAIOSFODNN7EXAMPLE",
		"AKIAI44QH8DHBEXAMPLE",
		"AKIAXXXXXXXXXXXXXXXX",
		"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		"ghp_" + strings.Repeat("a", 36),
		"sk_live_" + strings.Repeat("x", 24),
		"sk_live_your_stripe_key_here_0123456789",
		"xoxb-your-token",
		"xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx",
		"postgres://user:password@localhost:5432/db",
		"postgres://app:%s@%s:5432/app",
		"postgres://app:${DB_PASSWORD}@db.acme.io/app",
		"postgres://app:<password>@db.acme.io/app",
		"postgres://postgres:postgres@db:5432/postgres",
		"postgres://app:hunter22@localhost/app",
		"amqp://guest:guest@rabbitmq:5672/",
		"mongodb://root:example@mongo:27017",
		"redis://:changeme@redis.acme.io:6379",
		"mysql://root:@localhost/test",
		"user:pass@tcp(localhost:3306)/db",
		"%s:%s@tcp(%s)/%s?parseTime=true",
		"host=%s port=%d user=%s password=%s dbname=%s",
		"password=secret",
		"-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
		"-----BEGIN PRIVATE KEY-----",
		"-----BEGIN OPENSSH PRIVATE KEY-----\n<your key here>\n-----END OPENSSH PRIVATE KEY-----",
		"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
		"eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTQyIiwiaWF0IjoxNTE2MjM5MDIyfQ.c2lnbmF0dXJlc2lnbmF0dXJl", // alg none
		"Basic dXNlcjpwYXNzd29yZA==", // user:password
		"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
		"Basic authentication is required for this endpoint",
		"Authorization: Bearer <token>",
		"https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX",
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
		"projects/acme/secrets/db-password/versions/latest",
		"sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		"SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		"TASKdeadbeefdeadbeefdeadbeefdeadbeef",
		"mock://user:pass@tcp(host:1337)/db",
		"mysql://test:zaphod@tcp(localhost:3306)/test",
		"postgres://curly:nyuknyuknyuk@test1:5432/curlydb?sslmode=disable",
		"host=host password='pass word' user=user",
		"Basic QWxhZGRpbjpPcGVuU2VzYW1l",
	} {
		if ms := d.scan(s); len(ms) != 0 {
			t.Errorf("scan(%q) reported %s", s, ms[0].Rule.ID)
		}
	}
}

func TestLooksRandom(t *testing.T) {
	d := newDetector(defaultSettings())
	secrets := []string{
		"Xk9#mQ2vLp7@Rt4z",
		"Tr0ub4dor&3x",
		"wK8pZr2LqN5vB7xT3mYc",
		"9f86d081884c7d659a2feaa0c55ad015", // 32 hex characters
		"aB3dE5fG7hJ9kL1m",
		"q8ZrVf1LmX2pK9tN4bW7yH3jC6dS0aE5uR8iO2gT",
	}
	for _, s := range secrets {
		if !d.looksRandom(s) {
			t.Errorf("looksRandom(%q) = false, want true", s)
		}
	}
	names := []string{
		"", "changeme", "password", "P@ssw0rd", "Passw0rd!", "secret", "s3cr3t", "hunter22", "admin123",
		"your-api-key", "YOUR_API_KEY", "<password>", "${DB_PASSWORD}", "{{ .Password }}", "%s", "xxxxxxxxxxxx",
		"************", "DB_PASSWORD", "X-Api-Key", "Authorization", "client_secret", "clientSecret",
		"auth.password", "db-credentials", "/oauth/token", "/v1/auth/token", "vault:secret/data/db#password",
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:db", "projects/p/secrets/db/versions/latest",
		"/etc/ssl/private/server.key", "certs/tls.key", "config/credentials.json", "invalid password",
		"the token has expired", "password must be at least %d characters", "Bearer", "oauth2", "HS256",
		"scram-sha-256", "10.0.0.1:8080", "2024-01-01T00:00:00Z", "1234567890123", "redacted", "dummytoken",
		"example-token-value", "supersecretpassword", "mysecretpassword", "notasecret", "TODO_FILL_ME",
		"deadbeefdeadbeef", "aaaaaaaaaaaaaaaa", "AccessTokenExpiredError", "x-amz-security-token",
		"github.com/acme/secret-store", "accessTokenSecretKey", "kubernetes.io/service-account-token",
		"TR31_M7_HMAC_KEY", "AWS_SECRET_ACCESS_KEY_V2",
	}
	for _, s := range names {
		if d.looksRandom(s) {
			t.Errorf("looksRandom(%q) = true, want false", s)
		}
	}
}

func TestSecretKind(t *testing.T) {
	for name, want := range map[string]string{
		"dbPassword": "password", "DB_PASSWORD": "password", "password": "password", "passwd": "password",
		"PGPASSWORD": "", "pwd": "password", "adminPass": "password", "ClientSecret": "client secret",
		"client_secret": "client secret", "apiKey": "API key", "APIKey": "API key", "x-api-key": "API key",
		"AccessKey": "access key", "SecretAccessKey": "secret access key", "privateKey": "private key",
		"token": "token", "authToken": "token", "GITHUB_TOKEN": "token", "Credentials": "credential",
		"basicAuth": "credential", "db.password": "password", "passwordValue": "password",
		"jwtSigningKey": "signing key", "webhookSecret": "secret",
		// Not secrets.
		"passwordFile": "", "tokenURL": "", "secretName": "", "PasswordEnvVar": "", "nextPageToken": "",
		"maxTokens": "", "key": "", "cacheKey": "", "accessKeyID": "", "tokenType": "", "authURL": "",
		"bypass": "", "passwordHash": "", "username": "", "secretRef": "", "tokenExpiry": "",
		"passwordMinLength": "", "NextToken": "", "PaginationToken": "",
	} {
		got, _ := secretKind(name)
		if got != want {
			t.Errorf("secretKind(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"ghp_" + strings.Repeat("a", 36): "ghp_…(40 chars)",
		"Xk9#mQ2vLp7@":                   "…(12 chars)",
		"héllo wörld, long enough":       "héll…(24 chars)",
	} {
		if got := mask(in); got != want {
			t.Errorf("mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitTop(t *testing.T) {
	got := splitTop(`acme=acme_[a-z0-9]{20,40}; corp:Corp token=corp-[A-Z,]+\,x , (a|b){1,2}`, ";,")
	want := []string{`acme=acme_[a-z0-9]{20,40}`, `corp:Corp token=corp-[A-Z,]+\,x`, `(a|b){1,2}`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("splitTop:\n got %q\nwant %q", got, want)
	}
}

func TestExtraRulesFlag(t *testing.T) {
	var l ruleList
	if err := l.Set(`acme=acme_[a-z0-9]{32}; corp:Corp deploy token=\bcorpdt-(?P<secret>[A-Za-z0-9]{24})\b`); err != nil {
		t.Fatal(err)
	}
	if len(l.rules) != 2 || l.rules[1].Description != "Corp deploy token" || l.rules[0].Description != "acme secret" {
		t.Fatalf("parsed %+v", l.rules)
	}
	if err := l.Set(`[{"id":"acme","description":"ACME key","regex":"acme_[a-z0-9]{20,40}"}]`); err != nil || len(l.rules) != 1 {
		t.Fatalf("JSON form: %v %v", err, l.rules)
	}
	for _, bad := range []string{"acme", "=x+", "acme=(", "acme=a*", `[{"id":"a","regexp":"x"}]`, "bad id=x+"} {
		var l ruleList
		if err := l.Set(bad); err == nil {
			t.Errorf("Set(%q) accepted", bad)
		}
	}
	var r regexList
	if err := r.Set(`^AKIA[A-Z0-9]{16}$,^internal-`); err != nil || len(r.res) != 2 {
		t.Fatalf("regexList: %v %d", err, len(r.res))
	}
	if err := r.Set(`(`); err == nil {
		t.Errorf("bad regex accepted")
	}
}

func TestExtraRulesDetected(t *testing.T) {
	var l ruleList
	if err := l.Set(`corp:Corp deploy token=\bcorpdt-(?P<secret>[A-Za-z0-9]{24})\b`); err != nil {
		t.Fatal(err)
	}
	s := defaultSettings()
	s.extra = l.rules
	d := newDetector(s)
	ms := d.scan("deploy with corpdt-Xk9mQ2vLp7Rt4zaB3dE5fG7h please")
	if len(ms) != 1 || ms[0].Secret != "Xk9mQ2vLp7Rt4zaB3dE5fG7h" || ms[0].Rule.ID != "corp" {
		t.Fatalf("got %+v", ms)
	}
	if ms := d.scan("corpdt-xxxxxxxxxxxxxxxxxxxxxxxx"); len(ms) != 0 {
		t.Errorf("placeholder reported")
	}
}

func TestIgnoreValues(t *testing.T) {
	var r regexList
	if err := r.Set(`^AKIA[A-Z2-7]{16}$`); err != nil {
		t.Fatal(err)
	}
	s := defaultSettings()
	s.ignore = r.res
	g := newGen(3)
	if ms := newDetector(s).scan(fakes["aws-access-key-id"](g)); len(ms) != 0 {
		t.Errorf("ignored value reported")
	}
}

// The docs page lists every rule of the table.
func TestDocsListEveryRule(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "analyzers", "hardcodedsecret.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if !strings.Contains(string(data), "| `"+r.ID+"` |") {
			t.Errorf("docs/analyzers/hardcodedsecret.md lacks rule %s", r.ID)
		}
	}
}

func TestFixtureFileNames(t *testing.T) {
	for name, want := range map[string]bool{
		"testcert.go": true, "keys_test_data.go": true, "test_fixtures.go": true, "testing.go": true,
		"latest.go": false, "attestation.go": false, "contest_results.go": false, "config.go": false,
	} {
		if got := testFileRE.MatchString(name); got != want {
			t.Errorf("fixture file %s: %v, want %v", name, got, want)
		}
	}
}
