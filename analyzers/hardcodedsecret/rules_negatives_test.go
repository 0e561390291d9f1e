package hardcodedsecret

import (
	"encoding/base64"
	"strings"
	"testing"
)

// ruleNegatives are, for the formats added to the table, strings that
// look like them and are not credentials: placeholders, public
// variants, look-alikes from other domains, broken structure.
var ruleNegatives = map[string][]string{
	"alibaba-access-key-id": {"LTAIxxxxxxxxxxxxxxxxxxxx", "LTAI" + "1234567890abcdefghij"},
	"aws-bedrock-api-key": {
		"ABSK" + base64.StdEncoding.EncodeToString([]byte("BedrockAPIKey-"+strings.Repeat("EXAMPLE", 14))),
		"ABSK" + base64.StdEncoding.EncodeToString([]byte("SomethingElseEntirely-"+strings.Repeat("Zq8Lm3Xk7Rv2Tp9W", 6))),
	},
	"azure-logic-app-url":       {"https://prod-27.westeurope.logic.azure.com:443/workflows/<workflow-id>/triggers/manual/paths/invoke?sig=<signature>"},
	"azure-storage-account-key": {"account_key: ${AZURE_STORAGE_KEY}", "AccountKey=" + strings.Repeat("x", 86) + "=="},
	"cloudflare-api-token": {
		"cloudflare_commit = 0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e", // a git commit id, all hex
		"cloudflare_api_token: your-cloudflare-api-token-goes-here-xx",
	},
	"cloudflare-global-api-key": {"CLOUDFLARE_API_KEY: " + strings.Repeat("0", 37)},
	"cloudflare-origin-ca-key":  {"v1.0-" + strings.Repeat("a", 24) + "-" + strings.Repeat("b", 146)},
	"flyio-token":               {"FLY_API_TOKEN=fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
	"gcp-service-account-key": {
		`{"private_key": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"}`,
		`{"private_key": "-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY\n-----END PRIVATE KEY-----\n"}`,
	},
	"heroku-api-key":                   {"HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
	"heroku-legacy-api-key":            {"heroku_app_id = 01234567-89ab-cdef-0123-456789abcdef", "HEROKU_API_KEY=00000000-0000-0000-0000-000000000000"},
	"yandex-cloud-token":               {"AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
	"atlassian-api-token":              {"ATATT3xFfGF0" + strings.Repeat("x", 180)},
	"clojars-token":                    {"CLOJARS_" + strings.Repeat("0", 60)},
	"clickhouse-cloud-key":             {"4b1dXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"},
	"gitlab-pipeline-trigger-token":    {"glptt-" + strings.Repeat("x", 40), "glptt-0123456789abcdef0123456789abcdef01234567"},
	"gitlab-runner-registration-token": {"GR1348941" + strings.Repeat("X", 20), "GR13489411231231231231231231"},
	"gitlab-token":                     {"glimt-xxxxxxxxxxxxxxxxxxxxxxxxx", "glagent-<your-agent-token>"},
	"gitlab-session-cookie":            {"_gitlab_session=" + strings.Repeat("0", 32)},
	"harness-token":                    {"pat.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxx"},
	"hashicorp-vault-legacy-token":     {"s.AcceptanceTimeoutSeconds", "s.THISSTRINGISALLUPPERCASE", "x.s.ab3Kq9Lm2Xv7Tp4Wz8Nc6Yh1"},
	"jfrog-token":                      {"AKCp" + strings.Repeat("X", 69)},
	"rubygems-token":                   {"rubygems_" + strings.Repeat("0", 48)},
	"openshift-token":                  {"oc login --token=sha256~XXXXXXXXXX_PUT_YOUR_TOKEN_HERE_XXXXXXXXXXXX"},
	"octopus-deploy-api-key":           {"API-ENDPOINTSFORTHESERVICEXY", "API-XXXXXXXXXXXXXXXXXXXXXXXXXX"},
	"sourcegraph-token":                {"sgp_" + strings.Repeat("0", 40), "0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e"},
	"airtable-token":                   {"patXXXXXXXXXXXXXX." + strings.Repeat("0", 64)},
	"discord-bot-token": {
		// The first part must encode a numeric id.
		base64.RawURLEncoding.EncodeToString([]byte("notanumericidentifier")) + ".Gx9kQ2.Zq8Lm3Xk7Rv2Tp9WbN4cY6hJ1fD5gS0a",
		"NzkyNzE1NDU0MTk2MDg4ODQy.XXXXXX.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	},
	"dropbox-token":      {"sl." + strings.Repeat("x", 140)},
	"slack-config-token": {"xoxe.xoxp-1-RANDOMSTRINGHERE", "xoxe-1-xxx"},
	"slack-token":        {"xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d", "xoxb-xoxb-my-bot-token", "xoxa-2-511111111", "xoxp-283316862324-298911817009-298923149681-####"},
	"teams-webhook-url":  {"https://acme.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>"},
	"brevo-api-key":      {"xkeysib-" + strings.Repeat("0", 64) + "-XXXXXXXXXXXXXXXX"},
	"mailgun-api-key": {
		"key-3ax6xnjp29jd6fds4gc373sgvjxteol0", // no mention of mailgun: a cache key
		"MAILGUN_API_KEY=key-" + strings.Repeat("x", 32),
	},
	"notion-token":           {"ntn_12345678901", "ntn_" + strings.Repeat("1", 46)},
	"typeform-token":         {"tfp_" + strings.Repeat("X", 59)},
	"square-access-token":    {"EAAA" + strings.Repeat("x", 60), "sq0atp-812erere3wewew45678901"},
	"duffel-token":           {"duffel_test_" + strings.Repeat("x", 43)},
	"easypost-api-key":       {"EZAK" + strings.Repeat("0", 54)},
	"flutterwave-secret-key": {"FLWSECK-" + strings.Repeat("x", 32) + "-X", "FLWPUBK-0123456789abcdef0123456789abcdef-X"},
	"plaid-access-token":     {"access-sandbox-00000000-0000-0000-0000-000000000000"},
	"adobe-client-secret":    {"p8e-" + strings.Repeat("X", 32)},
	"shippo-token":           {"shippo_live_" + strings.Repeat("0", 40)},
	"perplexity-api-key":     {"PERPLEXITY_API_KEY=pplx-" + strings.Repeat("x", 48)},
	"authress-key":           {"sc_xxxxx.xxxx.acc_xxxxxxxxxx." + strings.Repeat("x", 40)},
	"datadog-api-key": {
		"datadog_site = datadoghq.eu",
		"DD_API_KEY=" + strings.Repeat("0", 32),
		"0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a", // no mention of datadog: an md5
	},
	"defined-networking-token": {"dnkey-" + strings.Repeat("x", 26) + "-" + strings.Repeat("x", 52)},
	"dynatrace-token":          {"dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX." + strings.Repeat("X", 64)},
	"facebook-access-token":    {"EAAC" + strings.Repeat("x", 120), "1234567890123456|xxxxxxxxxxxxxxxxxxxxxxxxxxx"},
	"frameio-token":            {"fio-u-" + strings.Repeat("x", 64)},
	"grafana-cloud-token":      {"glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", `API_KEY="glc_111111111111111111111111111111111111111111="`},
	"grafana-api-key": {
		// Random after the prefix, but not the base64 of a JSON object.
		"eyJrIjoiQ2h4N0pWcXpHd2hLbTVZQnNhUDNxOGZMcnRXdVpqVDlkRUFlTjRvUjFWeXM2aUttRzJ4UA",
	},
	"intra42-client-secret": {"s-s4t2ud-" + strings.Repeat("0", 64)},
	"maxmind-license-key":   {"XXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXX_mmk"},
	"newrelic-insert-key":   {"NRII-" + strings.Repeat("X", 32)},
	"newrelic-user-api-key": {"NRAK-" + strings.Repeat("X", 27)},
	"okta-api-token": {
		"oktaKey = 00000000000000000000000000000000000TUVWXYZ",
		"rookTable = 0023452Lllk2KqjLBvaxANWEgTd7bqjsxjo8aZj0wd", // no mention of okta
	},
	"onepassword-token":    {"ops_eyJ" + strings.Repeat("x", 300), "A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX"},
	"planetscale-token":    {"pscale_tkn_" + strings.Repeat("x", 43)},
	"prefect-api-key":      {`PREFECT_API_KEY = "pnu_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"`},
	"readme-api-key":       {"rdme_" + strings.Repeat("x", 70)},
	"scalingo-token":       {"tk-us-" + strings.Repeat("x", 48)},
	"sentry-org-token":     {"sntrys_" + base64.RawStdEncoding.EncodeToString([]byte(`{"org":"acme"}`)) + "_" + strings.Repeat("A", 43)},
	"settlemint-token":     {"sm_pat_xxxxxxxxxxxxxxxx", "sm_aat_q5dwwoncb2"},
	"infracost-api-key":    {"ico-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "assets/video_box.ico-7a388b69018576d24b59331fd60aab0c.png"},
	"twitter-bearer-token": {strings.Repeat("A", 22) + strings.Repeat("x", 80)},
	"bearer-token": {
		"Authorization: Bearer <token>",
		"Authorization: Bearer $ACCESS_TOKEN",
		"Bearer YOUR_ACCESS_TOKEN_HERE",
		"Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		"send the token in a Bearer authentication header",
		"Authorization: Bearer AccessTokenFromTheLoginFlow",
	},
	"curl-basic-auth": {
		`curl -u "$USER:$PASSWORD" https://ci.acme.io`,
		`curl --user "{{ .Values.user }}:{{ .Values.password }}" https://ci.acme.io`,
		"curl -u user:pass http://localhost:9200",
		"curl -u test:test https://ci.acme.io",
		"curl -u <user:password> https://ci.acme.io",
		`curl --user "xxx:yyy" https://ci.acme.io`,
		"curl -u neo4j:[PASSWORD] http://db:7474",
	},
	"url-password": {
		"https://user:password@example.com/",
		"https://%s:%s@%s/",
		"https://deploy:${TOKEN}@artifacts.acme.io",
		"http://dev:dev@localhost:3128",
		"https://deploy@artifacts.acme.io",
		"https://user:abcdef0123456789abcdef0123456789@git.acme.io/",
		"https://x-access-token:SOME_TOKEN@github.com/acme/app.git",
	},
}

// TestRuleNegatives checks each rule's negatives, and that every rule
// added for the formats above has some.
func TestRuleNegatives(t *testing.T) {
	d := newDetector(defaultSettings())
	for id, negs := range ruleNegatives {
		if !ruleIDs[id] {
			t.Errorf("negatives for unknown rule %s", id)
		}
		for _, s := range negs {
			for _, m := range d.scan(s) {
				t.Errorf("%s negative %q: reported by %s", id, s, m.Rule.ID)
			}
		}
	}
	for id := range moreFakes {
		if len(ruleNegatives[id]) == 0 {
			t.Errorf("rule %s has no negatives in ruleNegatives", id)
		}
	}
}

var ruleIDs = func() map[string]bool {
	ids := map[string]bool{}
	for _, r := range rules {
		ids[r.ID] = true
	}
	return ids
}()

// Every rule turns away its own format made a placeholder (the random
// part replaced by x's) and made redacted (cut inside the secret and
// followed by "..." or "####").
func TestRulesRejectPlaceholdersAndRedactions(t *testing.T) {
	d := newDetector(defaultSettings())
	g := newGen(5)
	for _, r := range rules {
		fake := fakes[r.ID](g)
		ms := d.scan(fake)
		if len(ms) != 1 {
			t.Fatalf("%s: fake not found once", r.ID)
		}
		m := ms[0]
		body := strings.Index(fake, m.Body)
		placeholder := fake[:body] + strings.Repeat("x", len(m.Body)) + fake[body+len(m.Body):]
		for _, got := range d.scan(placeholder) {
			if got.Rule == r && r.Judge != judgeCheck && r.Judge != judgePassword {
				t.Errorf("%s: placeholder %q reported", r.ID, placeholder)
			}
		}
		cut := m.start + len(m.Secret)/2
		for _, mark := range []string{"...", "####", "…"} {
			redacted := fake[:cut] + mark
			for _, got := range d.scan(redacted) {
				if got.Rule == r {
					t.Errorf("%s: redacted %q reported", r.ID, redacted)
				}
			}
		}
	}
}
