package hardcodedsecret

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Match is one credential found in a string by a rule.
type Match struct {
	Rule   *Rule
	Source string // the whole string the match was found in
	Secret string // the credential: judged, masked, counted
	Body   string // its random part
	Host   string // for connection strings, the host
	start  int    // offset of Secret in Source
}

// A detector holds the settings of one run. It is pure: the analyzer, the
// unit tests and the fuzz target all go through it.
type detector struct {
	rules      []*Rule
	ignore     []*regexp.Regexp
	minEntropy float64
	minLength  int
}

func newDetector(s settings) *detector {
	d := &detector{
		// The team's own rules first: where one overlaps a built-in rule,
		// its description is the better one.
		rules:      append(append([]*Rule(nil), s.extra...), rules...),
		ignore:     s.ignore,
		minEntropy: s.minEntropy,
		minLength:  s.minLength,
	}
	return d
}

// maxScan bounds the length of the strings scanned: a multi-megabyte
// embedded asset is not where credentials hide, and scanning it is slow.
const maxScan = 1 << 20

// scan returns the credentials that the provider rules find in s, in rule
// order, at most one per secret, and none that overlap an earlier one.
func (d *detector) scan(s string) []Match {
	if len(s) < 16 || len(s) > maxScan {
		return nil
	}
	var out []Match
	for _, r := range d.rules {
		if !hasKeyword(s, r.Keywords) {
			continue
		}
		names := r.Pattern.SubexpNames()
		for _, loc := range r.Pattern.FindAllStringSubmatchIndex(s, 8) {
			m := Match{Rule: r, Source: s, Secret: s[loc[0]:loc[1]], start: loc[0]}
			for i, n := range names {
				if loc[2*i] < 0 {
					continue
				}
				v := s[loc[2*i]:loc[2*i+1]]
				switch n {
				case "secret":
					m.Secret, m.start = v, loc[2*i]
				case "body":
					m.Body = v
				case "host":
					m.Host = v
				}
			}
			if m.Body == "" {
				m.Body = m.Secret
			}
			if !d.accept(&m) || overlaps(out, &m) {
				continue
			}
			out = append(out, m)
		}
	}
	return out
}

func hasKeyword(s string, kws []string) bool {
	if len(kws) == 0 {
		return true
	}
	for _, k := range kws {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

func overlaps(ms []Match, m *Match) bool {
	for i := range ms {
		a := &ms[i]
		if m.start < a.start+len(a.Secret) && a.start < m.start+len(m.Secret) {
			return true
		}
	}
	return false
}

// accept judges a match: placeholders, lookalikes, public examples and
// values the user ignores are turned away.
func (d *detector) accept(m *Match) bool {
	if m.Secret == "" || isKnownPublic(m.Secret) || d.ignored(m.Secret) {
		return false
	}
	switch m.Rule.Judge {
	case judgeToken:
		if providerPlaceholder(m.Body) || !randomLooking(m.Body, 0.75) {
			return false
		}
	case judgePassword:
		if !d.realPassword(m) {
			return false
		}
	case judgePlaceholder:
		if providerPlaceholder(m.Body) {
			return false
		}
	}
	return m.Rule.Check == nil || m.Rule.Check(m)
}

func (d *detector) ignored(v string) bool {
	for _, re := range d.ignore {
		if re.MatchString(v) {
			return true
		}
	}
	return false
}

// realPassword judges the password of a connection string.
func (d *detector) realPassword(m *Match) bool {
	pw := strings.Trim(m.Secret, "'")
	if u, err := url.PathUnescape(pw); err == nil {
		pw = u
	}
	if len(pw) < 4 || defaultPasswords[strings.ToLower(pw)] || isPlaceholder(pw) || strings.ContainsAny(pw, " \t\n") {
		return false
	}
	// A password of letters in one case (zaphod, nyuknyuknyuk, unused) is
	// a toy value: generated and production passwords mix classes.
	if strings.Trim(strings.ToLower(pw), "abcdefghijklmnopqrstuvwxyz") == "" && (pw == strings.ToLower(pw) || pw == strings.ToUpper(pw)) {
		return false
	}
	switch pw[0] {
	case '$', '%', '{', '<', ':', '[', '(', '*':
		return false // a template, a reference or a mask
	}
	// A dev default on the developer's own machine is not a leak; a
	// random-looking password is, wherever it points.
	host := m.Host
	if host == "" {
		if sm := dsnHostRE.FindStringSubmatch(m.Source); sm != nil {
			host = strings.Trim(sm[1], "'")
		}
	}
	if loopback(host) && !d.looksRandom(pw) {
		return false
	}
	return true
}

var dsnHostRE = regexp.MustCompile(`(?:^|[\s;])(?:host|server|data source)=([^\s;]+)`)

func loopback(host string) bool {
	h := strings.ToLower(host)
	h = strings.TrimPrefix(strings.TrimPrefix(h, "tcp("), "unix(")
	h = strings.Trim(h, "[]")
	return h == "" || h == "localhost" || strings.HasPrefix(h, "127.") || h == "::1" || h == "0.0.0.0" ||
		h == "host.docker.internal" || strings.HasSuffix(h, ".localhost")
}

// defaultPasswords are the well-known defaults of database and broker
// images and tutorials: committing them leaks nothing.
var defaultPasswords = map[string]bool{
	"postgres": true, "root": true, "guest": true, "admin": true, "user": true, "pass": true, "pwd": true,
	"mysql": true, "redis": true, "mongo": true, "mongodb": true, "rabbitmq": true, "sa": true, "dev": true,
	"local": true, "default": true, "demo": true, "app": true, "db": true, "toor": true, "minioadmin": true,
	"root123": true, "admin123": true, "qwerty": true, "letmein": true, "welcome": true, "hunter2": true,
}

// placeholderWords, found anywhere in a value (lower-cased), mark it as a
// placeholder or a dev default rather than a credential.
var placeholderWords = []string{
	"changeme", "change_me", "change-me", "changeit", "example", "sample", "dummy", "fake", "placeholder",
	"redacted", "replace", "your", "insert", "todo", "fixme", "test", "mock", "secret", "passw", "default",
	"foobar", "qwerty", "letmein", "notreal", "not-real", "notasecret", "xxx", "***", "...", "…", "admin",
	"123456", "abcdef", "sekret", "s3cr3t", "hunter2", "lorem", "demo",
}

// isPlaceholder reports whether a value is a placeholder, a template or a
// dev default rather than a credential.
func isPlaceholder(v string) bool {
	if v == "" {
		return true
	}
	for _, m := range []string{"${", "{{", "}}", "<", ">", "$(", "%!"} {
		if strings.Contains(v, m) {
			return true
		}
	}
	if v[0] == '$' || hasVerb(v) {
		return true
	}
	l := strings.ToLower(v)
	for _, w := range placeholderWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	// Leetspeak spellings of the same words: P@ssw0rd, s3cr3t, 4dm1n.
	leet := strings.NewReplacer("0", "o", "1", "i", "3", "e", "4", "a", "5", "s", "7", "t", "@", "a", "$", "s", "!", "i").Replace(l)
	for _, w := range []string{"password", "passwd", "secret", "admin", "changeme", "letmein", "test"} {
		if strings.Contains(leet, w) {
			return true
		}
	}
	return maxRun(v) >= 4
}

// hasVerb reports whether s holds a fmt verb such as %s, %v, %d or %q.
func hasVerb(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("+-# 0123456789.*", s[j]) >= 0 {
			j++
		}
		if j < len(s) && strings.IndexByte("svdqxXfgetTbcopU", s[j]) >= 0 {
			return true
		}
	}
	return false
}

// providerPlaceholder reports whether the random part of a provider token
// is a placeholder: ghp_xxxx..., AKIA...EXAMPLE, sk_live_your_key_here.
func providerPlaceholder(body string) bool {
	l := strings.ToLower(body)
	for _, w := range []string{"example", "sample", "dummy", "fake", "placeholder", "redacted", "replace", "your",
		"test", "xxxx", "changeme", "secret", "token", "123456", "abcdef", "0000"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return maxRun(body) >= 5
}

// maxRun returns the length of the longest run of one repeated byte.
func maxRun(s string) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			run++
		} else {
			run = 1
		}
		best = max(best, run)
	}
	return best
}

// mask is the only form in which a secret is ever shown: at most its first
// 4 characters (none for a secret shorter than 16, where 4 would give away
// too much of it), an ellipsis, and its length.
func mask(s string) string {
	n := utf8.RuneCountInString(s)
	prefix := ""
	if n >= 16 {
		i := 0
		for range 4 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		prefix = s[:i]
		// Show only printable, valid text.
		for _, r := range prefix {
			if r == utf8.RuneError || !unicode.IsPrint(r) {
				prefix = ""
				break
			}
		}
	}
	return prefix + "…(" + itoa(n) + " chars)"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
