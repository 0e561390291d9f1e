package hardcodedsecret

import "testing"

func TestHumanPassword(t *testing.T) {
	for v, want := range map[string]bool{
		"Summer2024!": true, "P@ssw0rd2024": true, "Passw0rd!": true, "Tr0ub4dor&3": true, "summer2024!": true,
		"Bluebird1987": true, "Hunter2024#": true,
		// Placeholders, defaults and the bare word.
		"changeme": false, "password": false, "P@ssw0rd": false, "Password123!": false, "admin123": false,
		"secret": false, "MySecret1!": false, "xxxxxxxx": false, "<password>": false, "${DB_PASSWORD}": false,
		"%DB_PASSWORD%": false, "example1!": false, "Test@1234": false, "Abc123!@#": false, "root@123": false,
		// Names, labels, identifiers, messages and paths.
		"Password": false, "Enter password": false, "DB_PASSWORD": false, "DbPassword2": false, "db_pass_1": false,
		"users.password_hash": false, "/run/secrets/db": false, "^(?=.*[A-Z]).{8,}$": false, "ops2024@acme.io": false,
		"v1.2.3-rc4": false, "hunter2": false, "SUMMER2024": false, "Mot de passe": false,
	} {
		if got := humanPassword(v); got != want {
			t.Errorf("humanPassword(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestDSNPassword(t *testing.T) {
	for v, want := range map[string]bool{
		"hunter2": true, "Summer2024!": true, "s3cure-db-1": true,
		"pass": false, "postgres": false, "admin123": false, "SOME_TOKEN": false, "changeme1": false, "zaphod": false,
	} {
		if got := dsnPassword(v); got != want {
			t.Errorf("dsnPassword(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestSequential(t *testing.T) {
	for v, want := range map[string]bool{
		"AbCeFG123": true, "abcd1234-efgh5678-ijkl9012": true, "0123456789abcdef": true, "xyz98765": true,
		"Zq8Lm3Xk7Rv2Tp9W": false, "8d1c4a7e2f9b3c6d0e5a8f1b4c7d2e9a3f6b0c5d": false, "hunter2": false,
	} {
		if got := sequential(v); got != want {
			t.Errorf("sequential(%q) = %v, want %v", v, got, want)
		}
	}
}

// Generated keys of a one-case alphabet have letter runs as long as
// words; their letter pairs tell them apart.
func TestGibberish(t *testing.T) {
	for v, want := range map[string]bool{
		"npakwuvkyi4yudixuxek7pvbjsbphsxd": true, "bxunbkwtuwdbbspazypcbzxx": true, "PoiuytLkjhg83Mnbvcx27asdfQ4": true,
		"supersecretpassword": false, "kubernetesserviceaccount": false, "billing-db-credentials": false,
		"accessTokenSecretKey": false, "defaultaccesstokenname": false, "jwt-signing-key-abc123": false,
	} {
		if got := gibberish(v); got != want {
			m, n := letterScore(v)
			t.Errorf("gibberish(%q) = %v, want %v (%.2f bits over %d pairs)", v, got, want, m, n)
		}
	}
}

func TestJudgeNamed(t *testing.T) {
	d := newDetector(defaultSettings())
	for _, c := range []struct {
		name, value   string
		report, human bool
	}{
		{"apiKey", "npakwuvkyi4yudixuxek7pvbjsbphsxd", true, false},
		{"webhookSecret", "92141858086686908892253105675596", true, false},
		{"dbPassword", "Summer2024!", true, true},
		{"apiToken", "Summer2024!", false, false}, // only passwords are chosen by people
		{"credentials", "deploy:Xb4Kp9Lz2Qm7Rt3W", true, false},
		{"credentials", "elastic:Harbor2021!x", true, true},
		{"credentials", "sha256:9b2e4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b", false, false},
		{"credentials", "user:pass", false, false},
		{"publicToken", "9Rz4Kq8Lm2Xv7Tp3Wb6Nc1Yh5Jf0Gd8LmQ", false, false},
		{"token", "1700000000000000000", false, false},
		{"token", "1234567890123456789", false, false},
		{"sharedKey", "0102030405060708090A0B0C0D0E0F10", false, false},
		{"sharedKey", "000102030405060708090a0b0c0d0e0f", false, false},
		{"DBPassword", "DBPassword", false, false},
		{"token", "PutMeInA", false, false},
		{"clientSecret", "ZXhhbXBsZS1hcHAtc2VjcmV0", false, false},            // base64 of example-app-secret
		{"accessToken", "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9", false, false}, // base64 of a JSON header
		{"auth", "dXNlcjpwYXNzd29yZA==", false, false},                        // base64 of user:password
		{"token", "ZqLmXkRvTpWbNcYhJfDg", true, false},
	} {
		kind, ok := secretKind(c.name)
		report, human := false, false
		if ok {
			report, human = d.judgeNamed(c.name, kind, c.value)
		}
		if report != c.report || human != c.human {
			t.Errorf("judgeNamed(%s, %q) = %v, %v; want %v, %v", c.name, c.value, report, human, c.report, c.human)
		}
	}
}

func TestPublicNames(t *testing.T) {
	for _, name := range []string{"publicToken", "csrf_token", "CSRFToken", "xsrf-token", "publishableKey", "PublicAPIKey", "pubKey"} {
		if kind, ok := secretKind(name); ok {
			t.Errorf("secretKind(%q) = %q, want none: the name declares the value public", name, kind)
		}
	}
}

func TestFirebaseExampleKeyAllowed(t *testing.T) {
	// The first of the Firebase SDK's example keys is derivable: the
	// others are known by their hashes only.
	if !isKnownPublic("AIzaSy" + "abcdefghijklmnopqrstuvwxyz" + "1234567") {
		t.Errorf("the Firebase SDK example key is not allowlisted")
	}
	if len(knownPublic) < 22 {
		t.Errorf("knownPublic has %d entries, want the Firebase SDK's 16 among them", len(knownPublic))
	}
}
