package hardcodedsecret

import (
	"encoding/base64"
	"encoding/json"
	"strings"
)

// Fakes for the provider formats added after the first table, built the
// same way: random characters of the format's alphabet, with the
// structure (encoded JSON, encoded ids) that the rule checks.

const lowerD = "abcdefghijklmnopqrstuvwxyz0123456789"

func init() {
	for id, f := range moreFakes {
		fakes[id] = f
	}
}

func (g *gen) uuid() string {
	return g.s(hexl, 8) + "-" + g.s(hexl, 4) + "-" + g.s(hexl, 4) + "-" + g.s(hexl, 4) + "-" + g.s(hexl, 12)
}

func b64json(v any, enc *base64.Encoding) string {
	data, _ := json.Marshal(v)
	return enc.EncodeToString(data)
}

// serviceAccountJSON is a Google Cloud service account key file, as it is
// downloaded: its private key is on one line, with \n escapes.
func (g *gen) serviceAccountJSON() string {
	pem := strings.ReplaceAll(g.pem(""), "\n", `\n`)
	return `{"project_id": "acme-billing", "private_key_id": "` + g.s(hexl, 40) +
		`", "private_key": "` + pem + `", "client_email": "reports@acme-billing.iam.gserviceaccount.com"}`
}

// bedrockShortTerm is an Amazon Bedrock short-term API key: the base64 of
// a presigned URL that authorizes CallWithBearerToken.
func (g *gen) bedrockShortTerm() string {
	url := "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256" +
		"&X-Amz-Credential=ASIA" + g.s(b32, 16) + "%2F20260101%2Fus-east-1%2Fbedrock%2Faws4_request" +
		"&X-Amz-Date=20260101T093000Z&X-Amz-Expires=43200&X-Amz-Security-Token=" + g.s(alnum, 120) +
		"&X-Amz-Signature=" + g.s(hexl, 64) + "&Version=1"
	return "bedrock-api-key-" + base64.StdEncoding.EncodeToString([]byte(url))
}

var moreFakes = map[string]func(g *gen) string{
	"alibaba-access-key-id": func(g *gen) string { return "LTAI" + g.s(alnum, 20) },
	"aws-bedrock-api-key": func(g *gen) string {
		return "ABSK" + base64.StdEncoding.EncodeToString([]byte("BedrockAPIKey-"+g.s(lowerD, 4)+"-at-"+g.s(digits, 12)+":"+g.s(b64std, 60)))
	},
	"azure-logic-app-url": func(g *gen) string {
		return "https://prod-27.westeurope.logic.azure.com:443/workflows/" + g.s(hexl, 32) +
			"/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + g.s(b64url, 43)
	},
	"cloudflare-api-token":       func(g *gen) string { return "CLOUDFLARE_API_TOKEN=" + g.s(alnum, 40) },
	"cloudflare-global-api-key":  func(g *gen) string { return g.s(hexl, 37) },
	"cloudflare-origin-ca-key":   func(g *gen) string { return "v1.0-" + g.s(hexl, 24) + "-" + g.s(hexl, 146) },
	"flyio-token":                func(g *gen) string { return "fo1_" + g.s(b64url, 43) },
	"gcp-service-account-key":    func(g *gen) string { return g.serviceAccountJSON() },
	"heroku-api-key":             func(g *gen) string { return "HRKU-AA" + g.s(b64url, 58) },
	"heroku-legacy-api-key":      func(g *gen) string { return "HEROKU_API_KEY=" + g.uuid() },
	"yandex-cloud-token":         func(g *gen) string { return "AQVN" + g.s(b64url, 36) },
	"yandex-cloud-static-key":    func(g *gen) string { return "YC" + g.s(alnum+"_-", 38) },
	"aws-bedrock-short-term-key": func(g *gen) string { return g.bedrockShortTerm() },
	"atlassian-api-token": func(g *gen) string {
		return "ATATT3xFfGF0" + g.s(b64url, 171) + "=" + g.s("0123456789ABCDEF", 8)
	},
	"clojars-token":                    func(g *gen) string { return "CLOJARS_" + g.s(lowerD, 60) },
	"gitlab-pipeline-trigger-token":    func(g *gen) string { return "glptt-" + g.s(hexl, 40) },
	"gitlab-runner-registration-token": func(g *gen) string { return "GR1348941" + g.s(alnum, 20) },
	"gitlab-token":                     func(g *gen) string { return "glimt-" + g.s(alnum, 25) },
	"harness-token": func(g *gen) string {
		return "pat." + g.s(b64url, 22) + "." + g.s(alnum, 24) + "." + g.s(alnum, 20)
	},
	"jfrog-token":            func(g *gen) string { return "AKCp" + g.s(alnum, 69) },
	"rubygems-token":         func(g *gen) string { return "rubygems_" + g.s(hexl, 48) },
	"openshift-token":        func(g *gen) string { return "sha256~" + g.s(b64url, 43) },
	"octopus-deploy-api-key": func(g *gen) string { return "API-" + g.s(upperD, 26) },
	"sourcegraph-token":      func(g *gen) string { return "sgp_" + g.s(hexl, 16) + "_" + g.s(hexl, 40) },
	"discord-bot-token": func(g *gen) string {
		id := "1" + g.s(digits, 17)
		return base64.RawURLEncoding.EncodeToString([]byte(id)) + "." + g.s(b64url, 6) + "." + g.s(b64url, 38)
	},
	"dropbox-token":      func(g *gen) string { return "sl.u." + g.s(b64url, 140) },
	"slack-config-token": func(g *gen) string { return "xoxe.xoxp-1-" + g.s(alnum, 164) },
	"teams-webhook-url": func(g *gen) string {
		return "https://acme.webhook.office.com/webhookb2/" + g.uuid() + "@" + g.uuid() + "/IncomingWebhook/" + g.s(hexl, 32) + "/" + g.uuid()
	},
	"brevo-api-key":           func(g *gen) string { return "xkeysib-" + g.s(hexl, 64) + "-" + g.s(alnum, 16) },
	"mailgun-api-key":         func(g *gen) string { return "key-" + g.s(hexl, 32) },
	"notion-token":            func(g *gen) string { return "ntn_" + g.s(digits, 11) + g.s(alnum, 35) },
	"typeform-token":          func(g *gen) string { return "tfp_" + g.s(alnum+"_-", 59) },
	"square-access-token":     func(g *gen) string { return "EAAA" + g.s(b64url, 60) },
	"duffel-token":            func(g *gen) string { return "duffel_live_" + g.s(alnum+"_-", 43) },
	"easypost-api-key":        func(g *gen) string { return "EZAK" + g.s(alnum, 54) },
	"flutterwave-secret-key":  func(g *gen) string { return "FLWSECK-" + g.s("abcdefgh0123456789", 32) + "-X" },
	"gocardless-access-token": func(g *gen) string { return "live_" + g.s(alnum+"_-", 40) },
	"lob-api-key":             func(g *gen) string { return "test_" + g.s(hexl, 35) },
	"shippo-token":            func(g *gen) string { return "shippo_live_" + g.s(hexl, 40) },
	"perplexity-api-key":      func(g *gen) string { return "pplx-" + g.s(alnum, 48) },
	"datadog-api-key":         func(g *gen) string { return "DD_API_KEY=" + g.s(hexl, 32) },
	"dynatrace-token":         func(g *gen) string { return "dt0c01." + g.s(upperD, 24) + "." + g.s(alnum, 64) },
	"grafana-cloud-token": func(g *gen) string {
		return "glc_" + b64json(map[string]any{"o": g.s(digits, 6), "n": "stack-" + g.s(digits, 6) + "-deploy", "k": g.s(alnum, 24), "m": map[string]string{"r": "prod-eu-west-2"}}, base64.StdEncoding)
	},
	"grafana-api-key": func(g *gen) string {
		return b64json(struct {
			K  string `json:"k"`
			N  string `json:"n"`
			ID int    `json:"id"`
		}{g.s(alnum, 32), "deploy", 1}, base64.StdEncoding)
	},
	"newrelic-insert-key": func(g *gen) string { return "NRII-" + g.s(alnum, 32) },
	"okta-api-token":      func(g *gen) string { return "00" + g.s(alnum+"_-", 40) },
	"onepassword-token":   func(g *gen) string { return "ops_eyJ" + g.s(b64std, 300) },
	"planetscale-token":   func(g *gen) string { return "pscale_tkn_" + g.s(alnum+"_", 43) },
	"prefect-api-key":     func(g *gen) string { return "pnu_" + g.s(alnum, 36) },
	"readme-api-key":      func(g *gen) string { return "rdme_" + g.s(lowerD, 70) },
	"scalingo-token":      func(g *gen) string { return "tk-us-" + g.s(b64url, 48) },
	"sentry-org-token": func(g *gen) string {
		claims := b64json(map[string]any{"iat": 1767225600.5, "url": "https://sentry.io", "region_url": "https://us.sentry.io", "org": "acme"}, base64.RawStdEncoding)
		return "sntrys_" + claims + "_" + g.s(alnum+"+/", 43)
	},
	"settlemint-token":     func(g *gen) string { return "sm_pat_" + g.s(alnum, 16) },
	"twitter-access-token": func(g *gen) string { return "1" + g.s(digits, 18) + "-" + g.s(alnum, 40) },
	"infracost-api-key":    func(g *gen) string { return "ico-" + g.s(alnum, 32) },
	"twitter-bearer-token": func(g *gen) string {
		return strings.Repeat("A", 22) + g.s(alnum, 4) + "AAAAAAAA" + g.s(alnum, 50) + "%3D" + g.s(alnum, 30)
	},
	"clickhouse-cloud-key":         func(g *gen) string { return "4b1d" + g.s(alnum, 38) },
	"gitlab-session-cookie":        func(g *gen) string { return "Cookie: _gitlab_session=" + g.s(lowerD, 32) },
	"hashicorp-vault-legacy-token": func(g *gen) string { return "VAULT_TOKEN=s." + g.s(alnum, 24) },
	"airtable-token":               func(g *gen) string { return "pat" + g.s(alnum, 14) + "." + g.s(hexl, 64) },
	"adobe-client-secret":          func(g *gen) string { return "p8e-" + g.s(alnum, 32) },
	"plaid-access-token":           func(g *gen) string { return "access-production-" + g.uuid() },
	"authress-key": func(g *gen) string {
		return "sc_" + g.s(lowerD, 12) + "." + g.s(lowerD, 4) + ".acc_" + g.s(lowerD, 16) + "." + g.s(b64url, 60)
	},
	"defined-networking-token": func(g *gen) string { return "dnkey-" + g.s(alnum, 26) + "-" + g.s(alnum, 52) },
	"facebook-access-token":    func(g *gen) string { return "EAAM" + g.s(alnum, 160) },
	"frameio-token":            func(g *gen) string { return "fio-u-" + g.s(b64url, 64) },
	"intra42-client-secret":    func(g *gen) string { return "s-s4t2ud-" + g.s(hexl, 64) },
	"maxmind-license-key":      func(g *gen) string { return g.s(alnum, 6) + "_" + g.s(alnum, 29) + "_mmk" },
	"bearer-token":             func(g *gen) string { return "Authorization: Bearer " + g.s(alnum+"-_", 40) },
	"curl-basic-auth": func(g *gen) string {
		return "curl -sf -u deploy:" + g.password() + " https://ci.acme.io/api/trigger"
	},
	"url-password": func(g *gen) string { return "https://deploy:" + g.password() + "@artifacts.acme.io/releases" },
}
