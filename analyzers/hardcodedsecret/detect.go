package hardcodedsecret

import (
	"encoding/hex"
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
	// Human is set when the secret is a password that passed as chosen
	// by a person rather than as a random value.
	Human bool
	start int // offset of Secret in Source
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
			if redacted(s, m.start+len(m.Secret)) || !d.accept(&m) || overlaps(out, &m) {
				continue
			}
			out = append(out, m)
		}
	}
	return out
}

// scanNamed runs the rules that need a provider's name (Rule.Named) on a
// Go name and the constant given to it, written "name = value": the name
// says whose the value is (cloudflareKey, oktaToken). It returns the
// matches inside value, with offsets into value.
func (d *detector) scanNamed(name, value string) []Match {
	if len(value) < 16 || len(value) > maxScan {
		return nil
	}
	prefix := name + " = "
	var named detector
	named = *d
	named.rules = nil
	for _, r := range d.rules {
		if r.Named && hasKeyword(prefix, r.Keywords) {
			named.rules = append(named.rules, r)
		}
	}
	if len(named.rules) == 0 {
		return nil
	}
	var out []Match
	for _, m := range named.scan(prefix + value) {
		if m.start >= len(prefix) {
			m.Source, m.start = value, m.start-len(prefix)
			out = append(out, m)
		}
	}
	return out
}

// hasNamedRule reports whether a name mentions a provider whose rule
// needs the name (see scanNamed): most names do not, and that is the
// cheap test.
func (d *detector) hasNamedRule(name string) bool {
	for _, r := range d.rules {
		if r.Named && hasKeyword(name, r.Keywords) {
			return true
		}
	}
	return false
}

// redacted reports whether the text after a match masks the rest of a
// value (xoxp-1234-5678-####, sk_live_4eC3…, AKIA1234...): a redacted
// example, not a credential.
func redacted(s string, end int) bool {
	if end >= len(s) {
		return false
	}
	rest := s[end:]
	return rest[0] == '#' || rest[0] == '*' || strings.HasPrefix(rest, "…") || strings.HasPrefix(rest, "...")
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
	case judgeValue:
		if !d.looksRandom(m.Secret) || providerPlaceholder(m.Secret) {
			return false
		}
	}
	return m.Rule.Check == nil || m.Rule.Check(m)
}

// judgeNamed decides whether value, given a name of the kind of secret
// kind, is a credential: random-looking, or, for a password, shaped like
// one a person chose (human).
func (d *detector) judgeNamed(name, kind, value string) (report, human bool) {
	if d.ignored(value) || spells(name, value) || isKnownPublic(value) {
		return false, false
	}
	if d.looksRandom(value) {
		return true, false
	}
	if kind == "password" && len(value) >= d.minLength && humanPassword(value) {
		return true, true
	}
	if _, pass, ok := userPassword(value); ok {
		// user:password, as a credentials value or a basic-auth pair.
		if d.looksRandom(pass) {
			return true, false
		}
		if len(pass) >= 6 && humanPassword(pass) {
			return true, true
		}
	}
	return false, false
}

// userPassword splits a user:password pair: one colon, a user name of
// word characters (or an e-mail address) and a password without white
// space or slashes. A digest (sha256:...), a scheme or a host:port is not
// one.
func userPassword(v string) (user, pass string, ok bool) {
	user, pass, ok = strings.Cut(v, ":")
	if !ok || user == "" || pass == "" || strings.ContainsAny(pass, ":/ \t") || strings.HasPrefix(pass, "//") {
		return "", "", false
	}
	for i := 0; i < len(user); i++ {
		c := user[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._-@+", c) >= 0) {
			return "", "", false
		}
	}
	switch strings.ToLower(user) {
	case "sha1", "sha256", "sha384", "sha512", "md5", "sha", "blake2b", "blake3":
		return "", "", false
	}
	return user, pass, true
}

func (d *detector) ignored(v string) bool {
	for _, re := range d.ignore {
		if re.MatchString(v) {
			return true
		}
	}
	return false
}

// realPassword judges the password of a connection string: a random one
// is reported wherever it points; one a person chose (hunter2,
// Summer2024!) unless it points at the developer's own machine, where it
// is a dev default. Placeholders, templates and image defaults are not.
func (d *detector) realPassword(m *Match) bool {
	pw := strings.Trim(m.Secret, "'")
	if u, err := url.PathUnescape(pw); err == nil {
		pw = u
	}
	if len(pw) < 4 || defaultPasswords[strings.ToLower(pw)] || strings.ContainsAny(pw, " \t\n") {
		return false
	}
	switch pw[0] {
	case '$', '%', '{', '<', ':', '[', '(', '*':
		return false // a template, a reference or a mask
	}
	if d.looksRandom(pw) && !isPlaceholder(pw) {
		return true
	}
	if !dsnPassword(pw) {
		return false
	}
	host := m.Host
	if host == "" {
		if sm := dsnHostRE.FindStringSubmatch(m.Source); sm != nil {
			host = strings.Trim(sm[1], "'")
		} else if sm := urlHostRE.FindStringSubmatch(m.Source); sm != nil {
			host = sm[1] // the URL a curl command calls
		} else if m.Rule.ID == "curl-basic-auth" {
			host = "?" // unknown, not the local socket a DSN defaults to
		}
	}
	if loopback(host) || strings.Contains(host, "example.") {
		return false
	}
	m.Human = true
	return true
}

var urlHostRE = regexp.MustCompile(`://(?:[^/@\s]*@)?(\[[^\]]*\]|[^/:?#\s"']+)`)

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
	"root123": true, "admin123": true, "qwerty": true, "letmein": true, "welcome": true,
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
	return maxRun(v) >= runLimit(v, 4) || sequential(v) || periodic(v) || countingBytes(v)
}

// countingBytes reports whether v is the hex of consecutive bytes
// (000102…, 0102…0f10), a test key rather than a generated one.
func countingBytes(v string) bool {
	b, err := hex.DecodeString(v)
	if err != nil || len(b) < 8 {
		return false
	}
	for i := 1; i < len(b); i++ {
		if b[i] != b[i-1]+1 {
			return false
		}
	}
	return true
}

// periodic reports whether v repeats a shorter unit: deadbeefdeadbeef.
func periodic(v string) bool {
	for n := 1; n <= len(v)/2; n++ {
		if len(v)%n == 0 && strings.Repeat(v[:n], len(v)/n) == v {
			return true
		}
	}
	return false
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
	return maxRun(body) >= runLimit(body, 5) || sequential(body) || periodic(body)
}

// maxRun returns the length of the longest run of one repeated byte,
// separators aside: base64url of binary data has runs of '_' and '-',
// and padding runs of '='.
func maxRun(s string) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '_' || s[i] == '-' || s[i] == '=':
			run = 0
		case i > 0 && s[i] == s[i-1]:
			run++
		default:
			run = 1
		}
		best = max(best, run)
	}
	return best
}

// runLimit is the run length from which a value of v's length is a
// placeholder (xxxx, ****): short for short values; long encoded tokens
// (macaroons, JSON in base64) hold runs of 'A' from zero bytes.
func runLimit(v string, short int) int {
	if len(v) >= 64 {
		return 8
	}
	return short
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
