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
	"cloudflare-global-api-key": {
		"CLOUDFLARE_API_KEY: " + strings.Repeat("0", 37),
		"1048576000000000000000000000000000001",        // a number: digits only
		"0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e",     // a commit id: 40 digits
		"0x" + "9e8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1", // a hex literal
		"cafebabecafebabecafebabecafebabecafeb",        // a run, not random
	},
	"cloudflare-origin-ca-key": {"v1.0-" + strings.Repeat("a", 24) + "-" + strings.Repeat("b", 146)},
	"flyio-token":              {"FLY_API_TOKEN=fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
	"gcp-service-account-key": {
		`{"private_key": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"}`,
		`{"private_key": "-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY\n-----END PRIVATE KEY-----\n"}`,
	},
	"heroku-api-key":        {"HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
	"heroku-legacy-api-key": {"heroku_app_id = 01234567-89ab-cdef-0123-456789abcdef", "HEROKU_API_KEY=00000000-0000-0000-0000-000000000000"},
	"yandex-cloud-token":    {"AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
	"yandex-cloud-static-key": {
		"YC" + strings.Repeat("X", 38),
		"YCBCRToRGBConversionMatrixForBT709Video",       // an identifier: words
		"YC" + "3f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f", // hex, no mixed case
	},
	"aws-bedrock-short-term-key": {
		"bedrock-api-key-" + base64.StdEncoding.EncodeToString([]byte("bedrock.amazonaws.org/?Action=CallWithBearerToken")),
		"bedrock-api-key-" + base64.StdEncoding.EncodeToString([]byte("bedrock.amazonaws.com/?X-Amz-Signature="+strings.Repeat("0", 64))),
	},
	"atlassian-api-token":              {"ATATT3xFfGF0" + strings.Repeat("x", 180)},
	"clojars-token":                    {"CLOJARS_" + strings.Repeat("0", 60)},
	"clickhouse-cloud-key":             {"4b1dXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"},
	"gitlab-pipeline-trigger-token":    {"glptt-" + strings.Repeat("x", 40), "glptt-0123456789abcdef0123456789abcdef01234567"},
	"gitlab-runner-registration-token": {"GR1348941" + strings.Repeat("X", 20), "GR13489411231231231231231231"},
	"gitlab-token":                     {"glimt-xxxxxxxxxxxxxxxxxxxxxxxxx", "glagent-<your-agent-token>"},
	"gitlab-session-cookie":            {"_gitlab_session=" + strings.Repeat("0", 32)},
	"harness-token":                    {"pat.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxx"},
	"hashicorp-vault-legacy-token":     {"s.ConnectionTimeoutDefault", "s.ANOTHERVALUEINUPPERCASEX", "x.s.ab3Kq9Lm2Xv7Tp4Wz8Nc6Yh1"},
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
	"slack-token":        {"xoxp-1234-1234-1234-9c2e5a7f1b3d8e0c6a4f2b9d1e7c3a5f", "xoxb-xoxb-my-bot-token", "xoxa-2-944444444", "xoxp-517204938611-730918264055-604182937512-####"},
	"teams-webhook-url":  {"https://acme.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>"},
	"brevo-api-key":      {"xkeysib-" + strings.Repeat("0", 64) + "-XXXXXXXXXXXXXXXX"},
	"mailgun-api-key": {
		"key-7gq2mz0pk4xw9rt1vb5nc8hd3js6fl0y", // not hex
		"MAILGUN_API_KEY=key-" + strings.Repeat("x", 32),
		"cache_key-4f9a0c2e7b1d8e3f6a5c0b9d2e7f1a4c", // part of a longer name
	},
	"notion-token":           {"ntn_12345678901", "ntn_" + strings.Repeat("1", 46)},
	"typeform-token":         {"tfp_" + strings.Repeat("X", 59)},
	"square-access-token":    {"EAAA" + strings.Repeat("x", 60), "sq0atp-Kq7Zt2Lm9Xv40123456789"},
	"duffel-token":           {"duffel_test_" + strings.Repeat("x", 43)},
	"easypost-api-key":       {"EZAK" + strings.Repeat("0", 54)},
	"flutterwave-secret-key": {"FLWSECK-" + strings.Repeat("x", 32) + "-X", "FLWPUBK-0123456789abcdef0123456789abcdef-X"},
	"plaid-access-token":     {"access-sandbox-00000000-0000-0000-0000-000000000000"},
	"gocardless-access-token": {
		"live_" + strings.Repeat("x", 40),
		"live_stream_configuration_handler_v2_beta", // words
		"sandbox_<your-gocardless-access-token-here>",
	},
	"lob-api-key": {
		"test_" + strings.Repeat("0", 35),
		"test_pub_" + "4c8e1a7f3b9d2e6a0c5f8b1d4e7a9c2f3b6",  // public key
		"unit_test_" + "4c8e1a7f3b9d2e6a0c5f8b1d4e7a9c2f3b6", // inside another name
	},
	"adobe-client-secret": {"p8e-" + strings.Repeat("X", 32)},
	"shippo-token":        {"shippo_live_" + strings.Repeat("0", 40)},
	"perplexity-api-key":  {"PERPLEXITY_API_KEY=pplx-" + strings.Repeat("x", 48)},
	"authress-key":        {"sc_xxxxx.xxxx.acc_xxxxxxxxxx." + strings.Repeat("x", 40)},
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
		"oktaKey = 00" + strings.Repeat("0", 34) + "KLMNOP",
		"00" + "7d3f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f", // hex: a hash, not a token
		"00kubernetesServiceAccountTokenFileMount1",       // words
		"0012345678901234567890123456789012345678901",     // digits, and 43 long
	},
	"onepassword-token":    {"ops_eyJ" + strings.Repeat("x", 300), "A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX"},
	"planetscale-token":    {"pscale_tkn_" + strings.Repeat("x", 43)},
	"prefect-api-key":      {`PREFECT_API_KEY = "pnu_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"`},
	"readme-api-key":       {"rdme_" + strings.Repeat("x", 70)},
	"scalingo-token":       {"tk-us-" + strings.Repeat("x", 48)},
	"sentry-org-token":     {"sntrys_" + base64.RawStdEncoding.EncodeToString([]byte(`{"org":"acme"}`)) + "_" + strings.Repeat("A", 43)},
	"settlemint-token":     {"sm_pat_xxxxxxxxxxxxxxxx", "sm_aat_q5dwwoncb2"},
	"infracost-api-key":    {"ico-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "static/img/logo.ico-3f9c1a7e5b2d8c4f6a0e9b1d7c3f5a2e.png"},
	"twitter-bearer-token": {strings.Repeat("A", 22) + strings.Repeat("x", 80)},
	"twitter-access-token": {
		"1234567890123456789-" + strings.Repeat("x", 40),
		"18446744073709551615-18446744073709551615",       // numbers
		"1767225600123456789-cbfdhgkjmnqprtvwxzbc",        // one case
		"1767225600123456789-RequestIDForTheUpstreamCall", // words
	},
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
