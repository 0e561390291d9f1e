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
    Anthropic and some thirty more token formats, PEM private key blocks,
    signed JWTs, HTTP Basic credentials, and database and broker
    connection strings (postgres, mysql, mongodb, redis, amqp, sqlserver)
    with an embedded password. Formats with a checksum (GitHub, npm, age)
    are reported only when the checksum is right;
  - values given a secret-like name (password, secret, token, API key,
    access key, private key, client secret, credentials, auth) by an
    assignment, a declaration, a struct field, a map key, a callee's
    parameter (req.SetBasicAuth(user, password)) or a preceding name
    argument (os.Setenv("DB_PASSWORD", v)), when the value looks like a
    real credential: long enough, random enough for its alphabet, and
    not a placeholder.

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
documentation keys, jwt.io's sample), references to secrets
(secret-manager paths and ARNs, vault: references, key file paths), and,
unless -hardcodedsecret.tests is set, _test.go files, packages below a
testdata directory and test helper packages (names ending in test or
testing, testutil...).`
