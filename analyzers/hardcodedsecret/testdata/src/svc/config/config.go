// Package config is a service's configuration: the name-based rule.
package config

import (
	"flag"
	"net/http"
	"net/url"
	"os"
)

type Database struct {
	Host     string
	User     string
	Password string
	Name     string
}

type OAuth struct {
	ClientID     string
	ClientSecret string
	TokenURL     string
	Scopes       []string
}

type Settings struct {
	DB          Database
	OAuth       OAuth
	APIKey      []byte
	WebhookKeys map[string]string
}

// Secrets assigned, declared, in fields, map values and arguments.

const dbPassword = "q8ZrVf1LmX2pK9tN4bW7" // want `hardcoded password assigned to dbPassword \(q8Zr…\(20 chars\)\)`

var jwtSigningKey = []byte("Hx7#pL2@vQ9!mK4$zR8w") // want `hardcoded signing key assigned to jwtSigningKey \(Hx7#…\(20 chars\)\)`

func Defaults() Settings {
	return Settings{
		DB: Database{
			Host:     "db.prod.acme.io",
			User:     "billing",
			Password: "Ty7mQ2xLr9ZkP4vB", // want `hardcoded password in field Password \(Ty7m…\(16 chars\)\)`
			Name:     "billing",
		},
		OAuth: OAuth{
			ClientID:     "acme-billing-service",
			ClientSecret: "c9Fq2LzX7mRt4WpK8vNb3YsJ", // want `hardcoded client secret in field ClientSecret \(c9Fq…\(24 chars\)\)`
			TokenURL:     "https://auth.acme.io/oauth/token",
			Scopes:       []string{"billing:read", "billing:write"},
		},
		WebhookKeys: map[string]string{
			"api_key":     "Zp4Lx9Qm2Rv7Kt3Wb8Nc", // want `hardcoded API key under key "api_key" \(Zp4L…\(20 chars\)\)`
			"description": "Zp4Lx9Qm2Rv7Kt3Wb8Nd",
		},
	}
}

func Apply(s *Settings) {
	s.DB.Password = "Wm3Kx8Pq2Lz7Rt5Vn9Bc"           // want `hardcoded password assigned to Password \(Wm3K…\(20 chars\)\)`
	s.APIKey = []byte("b3Xq9Lm2Zr7Kp4Wt8Vn1")        // want `hardcoded API key assigned to APIKey \(b3Xq…\(20 chars\)\)`
	os.Setenv("DB_PASSWORD", "Jk4Pz8Lq2Xm7Rv3Tb9Wn") // want `hardcoded password passed after "DB_PASSWORD" to os.Setenv \(Jk4P…\(20 chars\)\)`
	env := map[string]string{}
	env["STRIPE_API_KEY"] = "Rf6Tz2Kq8Lm4Xp9Vb3Wc" // want `hardcoded API key assigned to STRIPE_API_KEY \(Rf6T…\(20 chars\)\)`
	_ = env
}

// A constant used by a call: reported once, at its literal, with the
// context of the use, since its own name says nothing.
const reportsAccount = "Pv8Kq3Lz7Xm2Rt9Wb4Nc" // want `hardcoded password passed as password to url.UserPassword \(Pv8K…\(20 chars\)\)`

func Upstream() *url.URL {
	u, _ := url.Parse("https://reports.acme.io")
	u.User = url.UserPassword("svc", reportsAccount)
	return u
}

func Upstream2() *url.URL {
	u, _ := url.Parse("https://reports.acme.io")
	u.User = url.UserPassword("svc", reportsAccount) // the same literal: not reported again
	return u
}

func Call(req *http.Request) {
	req.SetBasicAuth("reports", "Mx2Lq7Zp9Kr4Tv8Wb3Nf") // want `hardcoded password passed as password to req.SetBasicAuth \(Mx2L…\(20 chars\)\)`
	req.Header.Set("X-Api-Key", "Vq3Zt8Lk2Mx7Rp4Wb9Nd") // want `hardcoded API key passed after "X-Api-Key" to req.Header.Set \(Vq3Z…\(20 chars\)\)`
}

func Migrate() []string {
	return []string{"migrate", "--password", "Lk9Wq2Zx7Mp4Rt8Vb3Nh", "--host", "db.prod.acme.io"} // want `hardcoded password after "--password" \(Lk9W…\(20 chars\)\)`
}

// Names of things, not secrets.

const (
	passwordEnvVar = "DB_PASSWORD"
	apiKeyHeader   = "X-Api-Key"
	authHeader     = "Authorization"
	tokenURL       = "https://auth.acme.io/oauth/token"
	secretName     = "billing-db-credentials"
	tokenPath      = "/v1/auth/token"
	passwordFile   = "/etc/billing/db-password"
	secretKeyPath  = "secrets/tls.key"
	// ARNs and secret manager paths point at secrets.
	dbSecretARN    = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/billing/db-Ab3XyZ"
	dbSecret       = "projects/acme-prod/secrets/billing-db/versions/latest"
	vaultToken     = "vault:secret/data/billing#token"
	tokenType      = "Bearer"
	passwordMinLen = 12
)

type FlagConfig struct {
	Password string
	Token    string
}

func Flags(fs *flag.FlagSet, c *FlagConfig) {
	fs.StringVar(&c.Password, "password", "", "database password (or set DB_PASSWORD)")
	fs.StringVar(&c.Token, "token", os.Getenv("API_TOKEN"), "API token used to call the reports service")
}

// Placeholders, templates and dev defaults.
var examples = Settings{
	DB: Database{Password: "changeme"},
	OAuth: OAuth{
		ClientSecret: "<your-client-secret>",
	},
	WebhookKeys: map[string]string{
		"token":    "${WEBHOOK_TOKEN}",
		"secret":   "{{ .Values.webhook.secret }}",
		"password": "%s",
		"api_key":  "your-api-key-here",
		"auth":     "xxxxxxxxxxxxxxxxxxxx",
		"pwd":      "********",
		"apikey":   "REDACTED",
	},
}

// The bare word, in any spelling, is a placeholder; a chosen password
// (P@ssw0rd2024) is reported: see package human.
var (
	password    = "P@ssw0rd"
	adminPass   = "admin123"
	tokenSecret = "supersecret"
	apiToken    = "dummy-token-for-local-dev"
	secretKey   = "not-a-real-secret-key"
)

// Messages and format strings.
var (
	errPassword  = "invalid password: must be at least 12 characters"
	tokenFormat  = "token=%s; expires=%d"
	passwordHint = "use a passphrase of four random words"
)

// Pagination and lexer tokens are not credentials.
type Page struct {
	NextPageToken string
}

var firstPage = Page{NextPageToken: "CgRiYXIx8Lq2Zp7Mx"}

// Enum values that spell their constant's name.
type KeyUsage string

const (
	KeyUsageTr31M7HmacKey KeyUsage = "TR31_M7_HMAC_KEY"
	KeyUsageTr31K0Secret  KeyUsage = "Tr31K0Secret"
)
