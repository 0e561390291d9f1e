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
	// Named marks a rule whose pattern needs the provider's name before
	// the value (cloudflare_api_token = ..., DD_API_KEY=...): the value alone
	// is too plain to say whose it is. Besides strings, these rules are
	// tried on a Go name and the constant given to it, as "name = value".
	Named bool
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
	// judgeValue: the secret must pass the name-based rule's test
	// (looksRandom): Bearer values and header values, which are as often
	// words and placeholders as tokens.
	judgeValue
)

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// A trailing guard for tokens whose alphabet includes '-', where \b does
// not work: the token must not continue.
const end = `(?:$|[^A-Za-z0-9_\-])`

// An assignment between a provider's name and its value, as configuration
// files, environment lines and Go write it: cloudflare_api_key = "...",
// CLOUDFLARE_TOKEN: ..., "okta": "...". The name part is [\w.-] so that
// it stays on one line and within one key.
const assignOp = `[\w.\-]{0,40}?["']?\s*(?::=|=>|=|:)\s*["'\x60]?`

// digitKeywords is the fast path of a rule whose format has no fixed
// part but always holds a digit.
var digitKeywords = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
