package hardcodedsecret

// Doc is the analyzer's documentation, shown by go vet -help and the CLI.
// It holds no token-shaped example: it is printed in CI logs and SARIF.
const Doc = `report credentials hardcoded in source code

A credential committed to a repository is leaked to everyone who can read
the repository, forever: it stays in the git history after the line is
deleted, and rotating it is an incident. The checker reports string
constants (literals, constants, concatenations of constants, []byte
conversions) that are credentials:

  - provider formats, wherever they appear: AWS access key ids, GitHub,
    GitLab, Slack, Stripe, Google, SendGrid, Twilio, npm, PyPI, OpenAI,
    Anthropic, Atlassian, Cloudflare, Discord, Okta and about a hundred
    more token formats, PEM private key blocks (also inside a Google Cloud
    service account JSON), signed JWTs, HTTP Basic credentials, bearer
    tokens in Authorization values, curl -u user:password, and URLs of any
    scheme (database and broker connection strings included) with an
    embedded password. Formats with a checksum (GitHub, npm, age) or an
    inner structure are reported only when it holds;
  - values given a secret-like name (password, secret, token, API key,
    access key, private key, client secret, credentials, auth) by an
    assignment, a declaration, a struct field, a map key, a callee's
    parameter (req.SetBasicAuth(user, password)) or a preceding name
    argument (os.Setenv("DB_PASSWORD", v)), or compared with one
    (password == "..." , subtle.ConstantTimeCompare), when the value looks
    like a real credential: long enough, random enough for its alphabet,
    and not a placeholder; for a password, also one a person chose
    (letters with digits and symbols), which the message says;
  - the same in files embedded with //go:embed (JSON key files, YAML and
    .env configuration).

For example:

	const dbPassword = "<a random 20-character string>" // reported
	client := github.NewClient(nil).WithAuthToken("ghp_<36 characters>") // reported

should be

	dbPassword := os.Getenv("DB_PASSWORD")
	client := github.NewClient(nil).WithAuthToken(os.Getenv("GITHUB_TOKEN"))

and the leaked credentials rotated. Findings never show a secret: at most
its first 4 characters, then a mask and its length (ghp_…(40 chars)).

Not reported: empty strings and placeholders (changeme, your-api-key,
xxx, ***, <...>, ${...}, {{...}}, %s, example, dummy, test, redacted),
names of things (environment variable names, header names, config keys,
flag names), values of a mode selector (a variable or field the package
compares with two or more string constants, like an SMTP Auth of "plain"
or "login"), messages and other text with spaces, connection strings
whose password is a placeholder, a format verb or a dev default on
localhost, published example values (AWS's ...EXAMPLE keys, Stripe's
documentation keys, the Firebase SDK's example keys, jwt.io's samples),
values whose name says they are public (publicToken, csrf_token,
publishableKey), redacted values and image digests, references to secrets
(secret-manager paths and ARNs, vault: references, key file paths), and,
unless -hardcodedsecret.tests is set, _test.go files, packages below a
testdata directory and test helper packages (names ending in test or
testing, testutil...).`
