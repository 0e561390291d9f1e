package hardcodedsecret

import (
	"encoding/base64"
	"encoding/json"
	"math/rand/v2"
	"strings"
)

// Fake credentials of the right shape, generated from a seeded random
// source: never real ones. Formats with a checksum get a valid one, so
// that the tests exercise the real acceptance path.

const (
	alnum   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b64url  = alnum + "-_"
	b64std  = alnum + "+/"
	hexl    = "0123456789abcdef"
	upperD  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b32     = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	digits  = "0123456789"
)

type gen struct{ r *rand.Rand }

func newGen(seed uint64) *gen { return &gen{rand.New(rand.NewPCG(seed, seed^0x5eed))} }

// s returns n random characters of alphabet, retrying until the result
// is not a placeholder lookalike (a random string can contain "test").
func (g *gen) s(alphabet string, n int) string {
	for {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[g.r.IntN(len(alphabet))]
		}
		if s := string(b); !providerPlaceholder(s) && !isPlaceholder(s) {
			return s
		}
	}
}

func (g *gen) crcToken(prefix string) string {
	random := g.s(alnum, 30)
	return prefix + random + base62CRCSuffix(random)
}

func (g *gen) password() string { return g.s(alnum+"!~", 20) }

func (g *gen) pem(kind string) string {
	body := g.s(b64std, 1216)
	var b strings.Builder
	b.WriteString("-----BEGIN " + kind + "PRIVATE KEY-----\n")
	for i := 0; i < len(body); i += 64 {
		b.WriteString(body[i:min(i+64, len(body))] + "\n")
	}
	b.WriteString("-----END " + kind + "PRIVATE KEY-----\n")
	return b.String()
}

func (g *gen) jwt() string {
	enc := func(v any) string {
		data, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(data)
	}
	header := enc(map[string]string{"alg": "HS256", "typ": "JWT"})
	payload := enc(map[string]any{"sub": "svc-billing", "iss": "auth.acme.io", "iat": 1767225600})
	return header + "." + payload + "." + g.s(b64url, 43)
}

func (g *gen) age() string {
	data := strings.ToLower(g.s("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 52))
	return strings.ToUpper("AGE-SECRET-KEY-1" + data + bech32Checksum("age-secret-key-", data))
}

// fakes builds a fake credential for each rule of the table.
var fakes = map[string]func(g *gen) string{
	"aws-access-key-id":         func(g *gen) string { return "AKIA" + g.s(b32, 16) },
	"azure-storage-account-key": func(g *gen) string { return "AccountKey=" + g.s(b64std, 86) + "==" },
	"azure-client-secret":       func(g *gen) string { return g.s(alnum, 3) + "8Q~" + g.s(alnum+"_~.-", 34) },
	"digitalocean-token":        func(g *gen) string { return "dop_v1_" + g.s(hexl, 64) },
	"gcp-api-key":               func(g *gen) string { return "AIza" + g.s(b64url, 35) },
	"gcp-oauth-client-secret":   func(g *gen) string { return "GOCSPX-" + g.s(b64url, 28) },
	"gcp-oauth-access-token":    func(g *gen) string { return "ya29." + g.s(b64url, 120) },
	"github-pat":                func(g *gen) string { return g.crcToken("ghp_") },
	"github-oauth-token":        func(g *gen) string { return g.crcToken("gho_") },
	"github-user-token":         func(g *gen) string { return g.crcToken("ghu_") },
	"github-app-token":          func(g *gen) string { return g.crcToken("ghs_") },
	"github-refresh-token":      func(g *gen) string { return g.crcToken("ghr_") },
	"github-fine-grained-pat":   func(g *gen) string { return "github_pat_" + g.s(alnum, 22) + "_" + g.s(alnum, 59) },
	"gitlab-pat":                func(g *gen) string { return "glpat-" + g.s(alnum, 20) },
	"gitlab-deploy-token":       func(g *gen) string { return "gldt-" + g.s(alnum, 20) },
	"gitlab-runner-token":       func(g *gen) string { return "glrt-" + g.s(alnum, 20) },
	"npm-token":                 func(g *gen) string { return g.crcToken("npm_") },
	"pypi-token":                func(g *gen) string { return "pypi-AgEIcHlwaS5vcmc" + g.s(b64url, 140) },
	"dockerhub-pat":             func(g *gen) string { return "dckr_pat_" + g.s(b64url, 27) },
	"hashicorp-vault-token":     func(g *gen) string { return "hvs." + g.s(b64url, 91) },
	"terraform-cloud-token":     func(g *gen) string { return g.s(alnum, 14) + ".atlasv1." + g.s(b64url, 67) },
	"pulumi-token":              func(g *gen) string { return "pul-" + g.s(hexl, 40) },
	"databricks-token":          func(g *gen) string { return "dapi" + g.s(hexl, 32) },
	"slack-token": func(g *gen) string {
		return "xoxb-" + g.s(digits, 12) + "-" + g.s(digits, 13) + "-" + g.s(alnum, 24)
	},
	"slack-app-token": func(g *gen) string {
		return "xapp-1-A" + g.s(upperD, 10) + "-" + g.s(digits, 13) + "-" + g.s(hexl, 64)
	},
	"slack-webhook-url": func(g *gen) string {
		return "https://hooks.slack.com/services/T" + g.s(upperD, 10) + "/B" + g.s(upperD, 10) + "/" + g.s(alnum, 24)
	},
	"discord-webhook-url": func(g *gen) string {
		return "https://discord.com/api/webhooks/1" + g.s(digits, 17) + "/" + g.s(b64url, 68)
	},
	"telegram-bot-token":            func(g *gen) string { return "7" + g.s(digits, 9) + ":AA" + g.s(b64url, 33) },
	"twilio-api-key":                func(g *gen) string { return "SK" + g.s(hexl, 32) },
	"sendgrid-api-key":              func(g *gen) string { return "SG." + g.s(b64url, 22) + "." + g.s(b64url, 43) },
	"mailchimp-api-key":             func(g *gen) string { return g.s(hexl, 32) + "-us14" },
	"linear-api-key":                func(g *gen) string { return "lin_api_" + g.s(alnum, 40) },
	"postman-api-key":               func(g *gen) string { return "PMAK-" + g.s(hexl, 24) + "-" + g.s(hexl, 34) },
	"stripe-secret-key":             func(g *gen) string { return "sk_live_" + g.s(alnum, 99) },
	"stripe-restricted-key":         func(g *gen) string { return "rk_live_" + g.s(alnum, 99) },
	"stripe-test-key":               func(g *gen) string { return "sk_test_" + g.s(alnum, 99) },
	"stripe-webhook-secret":         func(g *gen) string { return "whsec_" + g.s(alnum, 32) },
	"shopify-token":                 func(g *gen) string { return "shpat_" + g.s(hexl, 32) },
	"openai-api-key":                func(g *gen) string { return "sk-proj-" + g.s(b64url, 74) + "T3BlbkFJ" + g.s(b64url, 74) },
	"anthropic-api-key":             func(g *gen) string { return "sk-ant-api03-" + g.s(b64url, 93) + "AA" },
	"huggingface-token":             func(g *gen) string { return "hf_" + g.s(letters, 34) },
	"grafana-service-account-token": func(g *gen) string { return "glsa_" + g.s(alnum, 32) + "_" + g.s(hexl, 8) },
	"newrelic-user-api-key":         func(g *gen) string { return "NRAK-" + g.s(upperD, 27) },
	"sentry-token":                  func(g *gen) string { return "sntryu_" + g.s(hexl, 64) },
	"tailscale-key":                 func(g *gen) string { return "tskey-auth-k" + g.s(alnum, 11) + "-" + g.s(alnum, 33) },
	"doppler-token":                 func(g *gen) string { return "dp.pt." + g.s(alnum, 43) },
	"age-secret-key":                func(g *gen) string { return g.age() },
	"private-key":                   func(g *gen) string { return g.pem("RSA ") },
	"jwt":                           func(g *gen) string { return g.jwt() },
	"http-basic-auth": func(g *gen) string {
		return "Basic " + base64.StdEncoding.EncodeToString([]byte("svc-reports:"+g.password()))
	},
	"postgres-url-password": func(g *gen) string {
		return "postgres://billing:" + g.password() + "@db.internal.acme.io:5432/billing?sslmode=require"
	},
	"mysql-url-password": func(g *gen) string { return "mysql://orders:" + g.password() + "@mysql.acme.io:3306/orders" },
	"mysql-dsn-password": func(g *gen) string {
		return "orders:" + g.password() + "@tcp(mysql.prod.acme.io:3306)/orders?parseTime=true"
	},
	"mongodb-url-password": func(g *gen) string {
		return "mongodb+srv://app:" + g.password() + "@cluster0.ab1cd.mongodb.net/app?retryWrites=true"
	},
	"redis-url-password": func(g *gen) string { return "rediss://default:" + g.password() + "@cache.acme.io:6380/0" },
	"amqp-url-password":  func(g *gen) string { return "amqps://events:" + g.password() + "@mq.acme.io:5671/prod" },
	"sqlserver-url-password": func(g *gen) string {
		return "sqlserver://reporting:" + g.password() + "@sql.acme.io:1433?database=reports"
	},
	"postgres-dsn-password": func(g *gen) string {
		return "host=db.acme.io port=5432 user=billing password=" + g.password() + " dbname=billing sslmode=require"
	},
}

// secretOf returns what the rule reports as the secret of a fake.
func secretOf(id, fake string) string {
	for _, r := range rules {
		if r.ID != id {
			continue
		}
		d := newDetector(defaultSettings())
		for _, m := range d.scan(fake) {
			if m.Rule == r {
				return m.Secret
			}
		}
	}
	return ""
}

func defaultSettings() settings { return settings{minEntropy: 3.0, minLength: 8} }
