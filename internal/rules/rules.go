// Package rules names every distinct problem a resilint analyzer reports
// with a stable ID, in the style of staticcheck's SA1012 or gosec's G112:
// RL1xx httptimeout, RL2xx unpaginated, RL3xx missingtx, RL4xx
// hardcodedsecret, RL5xx ctxpropagation, RL6xx retrybackoff, RL0xx the
// CLI's checks of suppression directives.
//
// An analyzer puts the ID in analysis.Diagnostic.Category, which every
// driver carries (go vet -json prints it as "category"). IDs are never
// reused or renumbered: baselines, suppressions and code-scanning alerts
// refer to them.
package rules

import (
	"regexp"
	"strings"
)

// A Rule is one kind of finding.
type Rule struct {
	ID       string
	Analyzer string
	// Name is a short kebab-case name, the SARIF rule's name.
	Name string
	// Summary is one line: what is flagged.
	Summary string
	// Help says why it matters and how to fix it.
	Help string
	// SecuritySeverity is a CVSS-like score as a string ("" for rules
	// that are not about security), as GitHub code scanning reads it.
	SecuritySeverity string
	// CWE is the weakness the rule finds, 0 for none.
	CWE int
}

// Directives is the pseudo-analyzer of the CLI's directive checks.
const Directives = "resilint"

var table = []Rule{
	{ID: "RL001", Analyzer: Directives, Name: "malformed-directive",
		Summary: "a //resilint:ignore directive names no or an unknown analyzer or rule, or gives no reason",
		Help:    "Such a directive suppresses nothing. Name the analyzers or rule IDs it silences and say why: //resilint:ignore RL101 the sidecar is on localhost."},
	{ID: "RL002", Analyzer: Directives, Name: "unused-directive",
		Summary: "a //resilint:ignore directive suppresses no finding",
		Help:    "A stale directive would silently hide the next real finding on its line; remove it."},

	{ID: "RL101", Analyzer: "httptimeout", Name: "client-without-timeout",
		Summary: "an HTTP request is sent through a client with no timeout (http.Get, http.DefaultClient, &http.Client{})",
		Help:    "A slow or stalled server blocks the caller forever. Use an http.Client with Timeout set, or give every request a context with a deadline."},
	{ID: "RL102", Analyzer: "httptimeout", Name: "server-without-read-timeout",
		Summary: "an HTTP server serves with no read timeouts (http.ListenAndServe, http.Server{}, gin Run, echo Start)",
		Help:    "Clients that send headers slowly hold connections open until the server runs out of them (Slowloris). Use an http.Server with ReadHeaderTimeout (or ReadTimeout) set."},
	{ID: "RL103", Analyzer: "httptimeout", Name: "context-without-deadline",
		Summary: "a context with no deadline is handed to a function that sends an HTTP request with it and no other timeout",
		Help:    "The context is the request's only bound, and it has none. Pass a context from context.WithTimeout."},
	{ID: "RL104", Analyzer: "httptimeout", Name: "oauth-context-without-client",
		Summary: "an oauth2 or OIDC call sends through http.DefaultClient because its context carries no client",
		Help:    "A slow identity provider blocks the call, and every token refresh, forever. Put an http.Client with Timeout in the context (oauth2.HTTPClient, oidc.ClientContext)."},

	{ID: "RL201", Analyzer: "unpaginated", Name: "unbounded-query",
		Summary: "a query returns every matching row of a table that grows, or a whole table on a request path",
		Help:    "Memory and latency grow with the table until the service falls over. Paginate with a keyset (WHERE id > $1 ORDER BY id LIMIT $2) or add a LIMIT."},

	{ID: "RL301", Analyzer: "missingtx", Name: "writes-outside-transaction",
		Summary: "related writes on one path run outside a transaction",
		Help:    "A failure between them leaves the data half-written. Run them in one transaction (db.BeginTx, defer tx.Rollback(), tx.Commit())."},
	{ID: "RL302", Analyzer: "missingtx", Name: "leaked-transaction",
		Summary: "a transaction is not rolled back on every path that does not commit",
		Help:    "A leaked transaction holds its locks and a pooled connection until the database ends it. Add defer tx.Rollback() right after the error check."},
	{ID: "RL303", Analyzer: "missingtx", Name: "unchecked-commit",
		Summary: "the error of Commit is ignored",
		Help:    "A failed commit silently loses every write of the transaction. Check it: if err := tx.Commit(); err != nil { return err }."},
	{ID: "RL304", Analyzer: "missingtx", Name: "commit-error-only-logged",
		Summary: "the error of Commit is only logged in a deferred closure",
		Help:    "The function returns as if the transaction succeeded. Return the error: name the error result and assign it in the closure, or commit before returning."},

	{ID: "RL401", Analyzer: "hardcodedsecret", Name: "provider-credential",
		Summary:          "a provider's API key or token (AWS, GitHub, Stripe, Slack, ...) is in source",
		Help:             "Anyone with the source holds the credential. Rotate it and load it from the environment or a secret manager.",
		SecuritySeverity: "7.5", CWE: 798},
	{ID: "RL402", Analyzer: "hardcodedsecret", Name: "private-key",
		Summary:          "a private key is in source",
		Help:             "Anyone with the source can impersonate the key's owner or decrypt its traffic. Revoke the key and load it from a file outside the repository or a secret manager.",
		SecuritySeverity: "8.0", CWE: 321},
	{ID: "RL403", Analyzer: "hardcodedsecret", Name: "connection-password",
		Summary:          "a password is embedded in a database or broker connection URL or DSN",
		Help:             "Anyone with the source can reach the database. Change the password and build the DSN from the environment or a secret manager.",
		SecuritySeverity: "7.5", CWE: 259},
	{ID: "RL404", Analyzer: "hardcodedsecret", Name: "http-credential",
		Summary:          "HTTP credentials (Basic auth, a Bearer token, a JWT) are in source",
		Help:             "Anyone with the source can call the service as this client. Rotate the credential and load it from the environment or a secret manager.",
		SecuritySeverity: "7.0", CWE: 798},
	{ID: "RL405", Analyzer: "hardcodedsecret", Name: "secret-named-value",
		Summary:          "a secret-looking value is assigned to a name such as password, secret or apiKey",
		Help:             "Rotate the value if it is real and load it from the environment or a secret manager.",
		SecuritySeverity: "6.5", CWE: 798},
	{ID: "RL406", Analyzer: "hardcodedsecret", Name: "embedded-secret",
		Summary:          "a file embedded with //go:embed holds a credential",
		Help:             "The credential ships inside every binary. Rotate it and read it at run time instead of embedding it.",
		SecuritySeverity: "7.5", CWE: 798},

	{ID: "RL501", Analyzer: "ctxpropagation", Name: "fresh-context",
		Summary: "context.Background() or context.TODO() is used where a context is in scope",
		Help:    "The caller's deadline and cancellation do not reach what the call starts, so work for a caller that has gone keeps running. Pass the context in scope."},
	{ID: "RL502", Analyzer: "ctxpropagation", Name: "context-overwritten",
		Summary: "a fresh context overwrites the context in scope",
		Help:    "Its deadline and cancellation do not reach the calls after it. Delete the assignment, or use context.WithoutCancel if detaching is the intent."},
	{ID: "RL503", Analyzer: "ctxpropagation", Name: "context-less-twin",
		Summary: "a function that has a context-taking twin is called where a context is in scope",
		Help:    "A cancelled or timed-out caller does not stop it. Call the twin (QueryContext for Query, ...) with the context in scope."},
	{ID: "RL504", Analyzer: "ctxpropagation", Name: "gorm-without-context",
		Summary: "a GORM query runs without WithContext where a context is in scope",
		Help:    "A cancelled or timed-out caller does not stop the query. Use .WithContext(ctx) on the handle."},
	{ID: "RL505", Analyzer: "ctxpropagation", Name: "callee-without-context",
		Summary: "a function called where a context is in scope does its I/O without one",
		Help:    "The caller's deadline and cancellation do not reach the I/O. Add a ctx parameter to the function and pass the context in scope."},

	{ID: "RL601", Analyzer: "retrybackoff", Name: "retry-without-wait",
		Summary: "a retry loop has no wait between attempts",
		Help:    "It hammers a failing dependency as fast as it can. Back off exponentially with jitter and a cap, or use a backoff library."},
	{ID: "RL602", Analyzer: "retrybackoff", Name: "retry-fixed-delay",
		Summary: "a retry loop waits the same fixed delay between attempts",
		Help:    "Clients that fail together retry in lockstep and hammer the dependency while it recovers. Back off exponentially with jitter and a cap."},
	{ID: "RL603", Analyzer: "retrybackoff", Name: "retry-without-jitter",
		Summary: "a retry loop grows its delay without jitter",
		Help:    "Clients that fail together still retry together. Add random jitter to each delay."},
	{ID: "RL604", Analyzer: "retrybackoff", Name: "retry-unbounded",
		Summary: "a retry loop never gives up and never checks for cancellation",
		Help:    "A permanent failure spins forever. Bound the attempts or the elapsed time, and stop when the context is done."},
	{ID: "RL605", Analyzer: "retrybackoff", Name: "reader-loop-skips-errors",
		Summary: "a loop over a reader skips every error but io.EOF",
		Help:    "A reader that keeps failing returns the same error on every call and the loop spins forever. Return the error, or skip only errors known to concern one item."},
	{ID: "RL606", Analyzer: "retrybackoff", Name: "random-key-retry-unbounded",
		Summary: "a loop draws a new random key after every error and never gives up",
		Help:    "It takes any failure for a collision, so an outage of the store spins it forever. Retry only on the duplicate-key error, and bound the attempts."},
	{ID: "RL607", Analyzer: "retrybackoff", Name: "event-loop-spins-on-error",
		Summary: "an endless event loop goes round again right after its receive fails, with no wait",
		Help:    "Once the connection or listener behind the receive breaks, it fails at once on every call and the loop spins, burning a core and flooding the log. Wait with a growing delay before the next call, or return the error."},
}

// idPattern is the shape of a rule ID.
var idPattern = regexp.MustCompile(`^RL\d{3}$`)

// All returns every rule, ordered by ID.
func All() []Rule { return append([]Rule(nil), table...) }

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range table {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// LooksLikeID reports whether s has the shape of a rule ID, known or not:
// a config or directive naming RL999 is a typo of an ID, not an analyzer.
func LooksLikeID(s string) bool { return idPattern.MatchString(s) }

// Of returns the rules of one analyzer, ordered by ID.
func Of(analyzer string) []Rule {
	var out []Rule
	for _, r := range table {
		if r.Analyzer == analyzer {
			out = append(out, r)
		}
	}
	return out
}

// IDs returns every rule ID, ordered.
func IDs() []string {
	out := make([]string, len(table))
	for i, r := range table {
		out[i] = r.ID
	}
	return out
}

// Resolve returns the ID of the rule a diagnostic of analyzer with the
// given category belongs to, or "" when it has none. Analyzers set the ID
// itself as the category, except hardcodedsecret, whose category names the
// credential format that matched (aws-access-key-id, postgres-url-password,
// or a team's own extra rule), which is more precise than a rule and
// useful on its own; it is grouped into a rule here.
func Resolve(analyzer, category string) string {
	if r, ok := Lookup(category); ok && r.Analyzer == analyzer {
		return r.ID
	}
	if analyzer == "hardcodedsecret" && category != "" {
		return secretRule(category)
	}
	return ""
}

func secretRule(format string) string {
	switch {
	case format == "name":
		return "RL405"
	case format == "embedded":
		return "RL406"
	case format == "private-key", format == "age-secret-key", format == "gcp-service-account-key":
		return "RL402"
	case strings.HasSuffix(format, "-password"):
		return "RL403"
	case format == "jwt", format == "http-basic-auth", format == "bearer-token", format == "curl-basic-auth":
		return "RL404"
	}
	return "RL401"
}

// AnalyzerOf returns the analyzer a name selects: the analyzer itself, or
// the analyzer of a rule ID. ok is false for a rule ID not in the table.
func AnalyzerOf(name string) (analyzer string, ok bool) {
	if !LooksLikeID(name) {
		return name, true
	}
	r, ok := Lookup(name)
	return r.Analyzer, ok
}
