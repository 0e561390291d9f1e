package hardcodedsecret

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDetector runs the provider rules and the name-based rule on
// arbitrary input: they must not panic, and a message must never show
// more of a flagged value than its first 4 characters.
//
//	go test ./analyzers/hardcodedsecret -run '^$' -fuzz FuzzDetector -fuzztime 1m
func FuzzDetector(f *testing.F) {
	g := newGen(99)
	for _, r := range rules {
		f.Add(fakes[r.ID](g), "dbPassword")
	}
	for _, s := range []string{"", "AKIAIOSFODNN7EXAMPLE", "postgres://u:%s@h/db", "-----BEGIN PRIVATE KEY-----",
		"eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.", "Xk9#mQ2vLp7@Rt4z", "héllo wörld", "\xff\xfe", "password=a b"} {
		f.Add(s, "apiKey")
	}
	d := newDetector(defaultSettings())
	f.Fuzz(func(t *testing.T, s, name string) {
		for _, m := range d.scan(s) {
			if m.Secret == "" || !strings.Contains(s, m.Secret) {
				t.Fatalf("%s: secret %q is not part of the input", m.Rule.ID, m.Secret)
			}
			checkMessage(t, providerMessage(&m), m.Secret, m.Rule.Description)
		}
		if kind, ok := secretKind(name); ok && !strings.Contains(name, s) {
			if report, human := d.judgeNamed(name, kind, s); report {
				checkMessage(t, namedMessage(kind, "assigned to "+name, s, human), s, name)
			}
		}
	})
}

// checkMessage fails unless msg shows secret only as mask(secret), and
// mask shows at most its first 4 characters. fixed is the part of the
// message that does not come from the value (a coincidence there is not
// a leak).
func checkMessage(t *testing.T, msg, secret, fixed string) {
	t.Helper()
	m := mask(secret)
	if !strings.Contains(msg, m) {
		t.Fatalf("message lacks the mask %q: %q", m, msg)
	}
	prefix, _, _ := strings.Cut(m, "…(")
	if utf8.RuneCountInString(prefix) > 4 || !strings.HasPrefix(secret, prefix) {
		t.Fatalf("mask %q shows more than 4 characters of the secret", m)
	}
	rest := strings.Replace(msg, m, "\x00", 1)
	if strings.Contains(rest, secret) && !strings.Contains(fixed+fixAdvice+"hardcoded", secret) {
		t.Fatalf("message shows the secret: %q", msg)
	}
}
