package hardcodedsecret

import (
	"regexp"
)

// A Rule recognizes one provider's credential format. Adding a provider is
// adding one entry to rules.
//
// Pattern may name two submatches: "secret", the credential itself (what is
// judged, masked and counted; the whole match when absent), and "body", its
// random part (what the placeholder and randomness checks look at; the
// secret when absent). Host, when named, is the host of a connection URL.
type Rule struct {
	ID          string
	Description string
	// Keywords: the pattern is only tried on strings that contain one of
	// them (case-sensitive). It keeps the analyzer fast on big packages.
	Keywords []string
	Pattern  *regexp.Regexp
	// Judge decides whether a match is a real credential rather than a
	// placeholder or a lookalike.
	Judge judge
	// Check is an extra validation of a match: a checksum or a structural
	// check. Nil accepts every match the judge accepts.
	Check func(m *Match) bool
}

type judge int

const (
	// judgeToken: the body must not be a placeholder and must look random
	// for its alphabet.
	judgeToken judge = iota
	// judgePassword: the secret is a password embedded in a connection
	// string; it must not be a placeholder, a template or an environment
	// reference, and a dev default on a loopback host is not reported.
	judgePassword
	// judgeCheck: Check alone decides (structured secrets: PEM blocks,
	// JWTs, Basic credentials).
	judgeCheck
	// judgePlaceholder: the body must not be a placeholder (extra rules:
	// their patterns are the team's own, precise by construction).
	judgePlaceholder
)

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// A trailing guard for tokens whose alphabet includes '-', where \b does
// not work: the token must not continue.
const end = `(?:$|[^A-Za-z0-9_\-])`

// rules is the provider table. Keep it sorted by provider; the docs page
// lists it in the same order.
var rules = []*Rule{
	// Cloud providers.
	{ID: "aws-access-key-id", Description: "AWS access key id", Keywords: []string{"AKIA", "ASIA", "ABIA", "ACCA"},
		Pattern: re(`\b(?P<secret>(?:AKIA|ASIA|ABIA|ACCA)(?P<body>[A-Z2-7]{16}))\b`)},
	{ID: "azure-storage-account-key", Description: "Azure storage account key", Keywords: []string{"AccountKey="},
		Pattern: re(`AccountKey=(?P<secret>[A-Za-z0-9+/]{86}==)`)},
	{ID: "azure-client-secret", Description: "Microsoft Entra (Azure AD) client secret", Keywords: []string{"Q~"},
		Pattern: re(`(?:^|[^A-Za-z0-9_~.\-])(?P<secret>[A-Za-z0-9_~.\-]{3}[0-9]Q~(?P<body>[A-Za-z0-9_~.\-]{31,34}))` + end)},
	{ID: "digitalocean-token", Description: "DigitalOcean token", Keywords: []string{"_v1_"},
		Pattern: re(`\b(?P<secret>do[por]_v1_(?P<body>[a-f0-9]{64}))\b`)},
	{ID: "gcp-api-key", Description: "Google API key", Keywords: []string{"AIza"},
		Pattern: re(`\b(?P<secret>AIza(?P<body>[0-9A-Za-z_\-]{35}))` + end)},
	{ID: "gcp-oauth-client-secret", Description: "Google OAuth client secret", Keywords: []string{"GOCSPX-"},
		Pattern: re(`\b(?P<secret>GOCSPX-(?P<body>[A-Za-z0-9_\-]{28}))` + end)},
	{ID: "gcp-oauth-access-token", Description: "Google OAuth access token", Keywords: []string{"ya29."},
		Pattern: re(`\b(?P<secret>ya29\.(?P<body>[0-9A-Za-z_\-]{30,}))` + end)},

	// Source hosting, CI and package registries.
	{ID: "github-pat", Description: "GitHub personal access token", Keywords: []string{"ghp_"},
		Pattern: re(`\b(?P<secret>ghp_(?P<body>[A-Za-z0-9]{36}))\b`), Check: base62CRC},
	{ID: "github-oauth-token", Description: "GitHub OAuth access token", Keywords: []string{"gho_"},
		Pattern: re(`\b(?P<secret>gho_(?P<body>[A-Za-z0-9]{36}))\b`), Check: base62CRC},
	{ID: "github-user-token", Description: "GitHub user-to-server token", Keywords: []string{"ghu_"},
		Pattern: re(`\b(?P<secret>ghu_(?P<body>[A-Za-z0-9]{36}))\b`), Check: base62CRC},
	{ID: "github-app-token", Description: "GitHub App installation token", Keywords: []string{"ghs_"},
		Pattern: re(`\b(?P<secret>ghs_(?P<body>[A-Za-z0-9]{36}))\b`), Check: base62CRC},
	{ID: "github-refresh-token", Description: "GitHub refresh token", Keywords: []string{"ghr_"},
		Pattern: re(`\b(?P<secret>ghr_(?P<body>[A-Za-z0-9]{36}))\b`), Check: base62CRC},
	{ID: "github-fine-grained-pat", Description: "GitHub fine-grained personal access token", Keywords: []string{"github_pat_"},
		Pattern: re(`\b(?P<secret>github_pat_(?P<body>[A-Za-z0-9]{22}_[A-Za-z0-9]{59}))\b`)},
	{ID: "gitlab-pat", Description: "GitLab personal access token", Keywords: []string{"glpat-"},
		Pattern: re(`\b(?P<secret>glpat-(?P<body>[A-Za-z0-9_\-]{20,}))` + end)},
	{ID: "gitlab-deploy-token", Description: "GitLab deploy token", Keywords: []string{"gldt-"},
		Pattern: re(`\b(?P<secret>gldt-(?P<body>[A-Za-z0-9_\-]{20,}))` + end)},
	{ID: "gitlab-runner-token", Description: "GitLab runner authentication token", Keywords: []string{"glrt-"},
		Pattern: re(`\b(?P<secret>glrt-(?P<body>[A-Za-z0-9_\-]{20,}))` + end)},
	{ID: "npm-token", Description: "npm access token", Keywords: []string{"npm_"},
		Pattern: re(`\b(?P<secret>npm_(?P<body>[A-Za-z0-9]{36}))\b`), Check: base62CRC},
	{ID: "pypi-token", Description: "PyPI API token", Keywords: []string{"pypi-AgEIcHlwaS5vcmc"},
		Pattern: re(`\b(?P<secret>pypi-AgEIcHlwaS5vcmc(?P<body>[A-Za-z0-9_\-]{50,}))` + end)},
	{ID: "dockerhub-pat", Description: "Docker Hub personal access token", Keywords: []string{"dckr_pat_"},
		Pattern: re(`\b(?P<secret>dckr_pat_(?P<body>[A-Za-z0-9_\-]{27,}))` + end)},
	{ID: "hashicorp-vault-token", Description: "HashiCorp Vault token", Keywords: []string{"hvs.", "hvb."},
		Pattern: re(`\b(?P<secret>hv[sb]\.(?P<body>[A-Za-z0-9_\-]{90,}))` + end)},
	{ID: "terraform-cloud-token", Description: "Terraform Cloud API token", Keywords: []string{".atlasv1."},
		Pattern: re(`\b(?P<secret>[A-Za-z0-9]{14}\.atlasv1\.(?P<body>[A-Za-z0-9_\-]{60,70}))` + end)},
	{ID: "pulumi-token", Description: "Pulumi access token", Keywords: []string{"pul-"},
		Pattern: re(`\b(?P<secret>pul-(?P<body>[a-f0-9]{40}))\b`)},
	{ID: "databricks-token", Description: "Databricks access token", Keywords: []string{"dapi"},
		Pattern: re(`\b(?P<secret>dapi(?P<body>[a-f0-9]{32})(?:-[0-9])?)\b`)},

	// Messaging and collaboration.
	{ID: "slack-token", Description: "Slack token", Keywords: []string{"xoxb-", "xoxp-", "xoxa-", "xoxr-"},
		Pattern: re(`\b(?P<secret>xox[bpar]-(?P<body>[0-9]{6,}-[0-9A-Za-z\-]{10,}))` + end)},
	{ID: "slack-app-token", Description: "Slack app-level token", Keywords: []string{"xapp-"},
		Pattern: re(`\b(?P<secret>xapp-[0-9]-(?P<body>[A-Z0-9]{9,}-[0-9]{9,}-[a-z0-9]{32,}))\b`)},
	{ID: "slack-webhook-url", Description: "Slack incoming webhook URL", Keywords: []string{"hooks.slack.com/"},
		Pattern: re(`https://hooks\.slack\.com/(?:services|workflows)/(?P<secret>(?P<body>T[A-Z0-9]{8,}/[AB][A-Z0-9]{8,}/[A-Za-z0-9]{20,}))`)},
	{ID: "discord-webhook-url", Description: "Discord webhook URL", Keywords: []string{"/api/webhooks/"},
		Pattern: re(`https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/(?P<secret>[0-9]{17,20}/(?P<body>[A-Za-z0-9_\-]{60,}))`)},
	{ID: "telegram-bot-token", Description: "Telegram bot token", Keywords: []string{":AA"},
		Pattern: re(`(?:^|[^0-9])(?P<secret>[0-9]{8,10}:AA(?P<body>[A-Za-z0-9_\-]{33}))` + end)},
	{ID: "twilio-api-key", Description: "Twilio API key", Keywords: []string{"SK"},
		Pattern: re(`\b(?P<secret>SK(?P<body>[0-9a-f]{32}))\b`)},
	{ID: "sendgrid-api-key", Description: "SendGrid API key", Keywords: []string{"SG."},
		Pattern: re(`\b(?P<secret>SG\.(?P<body>[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}))` + end)},
	{ID: "mailchimp-api-key", Description: "Mailchimp API key", Keywords: []string{"-us"},
		Pattern: re(`\b(?P<secret>(?P<body>[0-9a-f]{32})-us[0-9]{1,2})\b`)},
	{ID: "linear-api-key", Description: "Linear API key", Keywords: []string{"lin_api_"},
		Pattern: re(`\b(?P<secret>lin_api_(?P<body>[A-Za-z0-9]{40}))\b`)},
	{ID: "postman-api-key", Description: "Postman API key", Keywords: []string{"PMAK-"},
		Pattern: re(`\b(?P<secret>PMAK-(?P<body>[a-f0-9]{24}-[a-f0-9]{34}))\b`)},

	// Payments and commerce.
	{ID: "stripe-secret-key", Description: "Stripe live secret key", Keywords: []string{"sk_live_"},
		Pattern: re(`\b(?P<secret>sk_live_(?P<body>[0-9A-Za-z]{24,247}))\b`)},
	{ID: "stripe-restricted-key", Description: "Stripe live restricted key", Keywords: []string{"rk_live_"},
		Pattern: re(`\b(?P<secret>rk_live_(?P<body>[0-9A-Za-z]{24,247}))\b`)},
	{ID: "stripe-test-key", Description: "Stripe test-mode secret key", Keywords: []string{"sk_test_", "rk_test_"},
		Pattern: re(`\b(?P<secret>[rs]k_test_(?P<body>[0-9A-Za-z]{24,247}))\b`)},
	{ID: "stripe-webhook-secret", Description: "Stripe webhook signing secret", Keywords: []string{"whsec_"},
		Pattern: re(`\b(?P<secret>whsec_(?P<body>[A-Za-z0-9]{32,}))\b`)},
	{ID: "shopify-token", Description: "Shopify access token", Keywords: []string{"shpat_", "shpss_", "shpca_", "shppa_"},
		Pattern: re(`\b(?P<secret>shp(?:at|ss|ca|pa)_(?P<body>[a-fA-F0-9]{32}))\b`)},

	// AI providers.
	{ID: "openai-api-key", Description: "OpenAI API key", Keywords: []string{"T3BlbkFJ"},
		Pattern: re(`\b(?P<secret>sk-(?:(?:proj|svcacct|admin)-)?(?P<body>[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,}))` + end)},
	{ID: "anthropic-api-key", Description: "Anthropic API key", Keywords: []string{"sk-ant-"},
		Pattern: re(`\b(?P<secret>sk-ant-(?:api|admin)[0-9]{2}-(?P<body>[A-Za-z0-9_\-]{80,}))` + end)},
	{ID: "huggingface-token", Description: "Hugging Face access token", Keywords: []string{"hf_"},
		Pattern: re(`\b(?P<secret>hf_(?P<body>[A-Za-z]{34}))\b`)},

	// Observability and infrastructure.
	{ID: "grafana-service-account-token", Description: "Grafana service account token", Keywords: []string{"glsa_"},
		Pattern: re(`\b(?P<secret>glsa_(?P<body>[A-Za-z0-9]{32})_[A-Fa-f0-9]{8})\b`)},
	{ID: "newrelic-user-api-key", Description: "New Relic user API key", Keywords: []string{"NRAK-"},
		Pattern: re(`\b(?P<secret>NRAK-(?P<body>[A-Z0-9]{27}))\b`)},
	{ID: "sentry-token", Description: "Sentry auth token", Keywords: []string{"sntryu_"},
		Pattern: re(`\b(?P<secret>sntryu_(?P<body>[a-f0-9]{64}))\b`)},
	{ID: "tailscale-key", Description: "Tailscale key", Keywords: []string{"tskey-"},
		Pattern: re(`\b(?P<secret>tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{6,}-(?P<body>[A-Za-z0-9]{20,}))\b`)},
	{ID: "doppler-token", Description: "Doppler token", Keywords: []string{"dp."},
		Pattern: re(`\b(?P<secret>dp\.(?:pt|st|sa|ct|scim|audit)\.(?P<body>[A-Za-z0-9]{40,44}))\b`)},
	{ID: "age-secret-key", Description: "age secret key", Keywords: []string{"AGE-SECRET-KEY-1"},
		Pattern: re(`\b(?P<secret>AGE-SECRET-KEY-1(?P<body>[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}))\b`), Check: ageBech32},

	// Structured secrets.
	{ID: "private-key", Description: "private key (PEM block)", Keywords: []string{"PRIVATE KEY"}, Judge: judgeCheck,
		Pattern: re(`(?P<secret>-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?P<body>[A-Za-z0-9+/=\s:,.\-]*?)(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$))`),
		Check:   pemBody},
	{ID: "jwt", Description: "signed JSON Web Token", Keywords: []string{"eyJ"}, Judge: judgeCheck,
		Pattern: re(`\b(?P<secret>eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.(?P<body>[A-Za-z0-9_\-]{16,}))` + end),
		Check:   signedJWT},
	{ID: "http-basic-auth", Description: "HTTP Basic credentials", Keywords: []string{"Basic "}, Judge: judgeCheck,
		Pattern: re(`\bBasic (?P<secret>[A-Za-z0-9+/]{8,}={0,2})(?:$|[^A-Za-z0-9+/=])`),
		Check:   basicCredentials},

	// Connection strings with an embedded password.
	{ID: "postgres-url-password", Description: "PostgreSQL connection URL with a password", Keywords: []string{"postgres"}, Judge: judgePassword,
		Pattern: re(`\bpostgres(?:ql)?://[^:/?#@\s]*:(?P<secret>[^@/?#\s]+)@(?P<host>[^/?#:\s]*)`)},
	{ID: "mysql-url-password", Description: "MySQL connection URL with a password", Keywords: []string{"mysql://"}, Judge: judgePassword,
		Pattern: re(`\bmysql://[^:/?#@\s]*:(?P<secret>[^@/?#\s]+)@(?P<host>[^/?#:\s]*)`)},
	{ID: "mysql-dsn-password", Description: "MySQL DSN with a password", Keywords: []string{"@tcp(", "@unix("}, Judge: judgePassword,
		Pattern: re(`(?:^|[\s"'=])[^:@/\s()"'=]+:(?P<secret>[^@\s/][^@\s]*)@(?:tcp|unix)\((?P<host>[^:)\s]*)`)},
	{ID: "mongodb-url-password", Description: "MongoDB connection URL with a password", Keywords: []string{"mongodb"}, Judge: judgePassword,
		Pattern: re(`\bmongodb(?:\+srv)?://[^:/?#@\s]*:(?P<secret>[^@/?#\s]+)@(?P<host>[^/?#:,\s]*)`)},
	{ID: "redis-url-password", Description: "Redis connection URL with a password", Keywords: []string{"redis"}, Judge: judgePassword,
		Pattern: re(`\brediss?://[^:/?#@\s]*:(?P<secret>[^@/?#\s]+)@(?P<host>[^/?#:\s]*)`)},
	{ID: "amqp-url-password", Description: "AMQP (RabbitMQ) connection URL with a password", Keywords: []string{"amqp"}, Judge: judgePassword,
		Pattern: re(`\bamqps?://[^:/?#@\s]*:(?P<secret>[^@/?#\s]+)@(?P<host>[^/?#:\s]*)`)},
	{ID: "sqlserver-url-password", Description: "SQL Server connection URL with a password", Keywords: []string{"sqlserver://"}, Judge: judgePassword,
		Pattern: re(`\bsqlserver://[^:/?#@\s]*:(?P<secret>[^@/?#\s]+)@(?P<host>[^/?#:\s]*)`)},
	{ID: "postgres-dsn-password", Description: "PostgreSQL key/value DSN with a password", Keywords: []string{"password="}, Judge: judgePassword,
		Pattern: re(`(?:^|\s)password=(?P<secret>'[^']*'|[^\s'";]+)`), Check: keyValueDSN},
}
