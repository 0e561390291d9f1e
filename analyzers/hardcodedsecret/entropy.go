package hardcodedsecret

import (
	"encoding/base64"
	"math"
	"regexp"
	"strings"
	"unicode"
)

// entropy returns the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// alphabetSize guesses the alphabet a string was drawn from: the entropy a
// random string can reach depends on it (hex tops out at 4 bits per
// character, base64 at 6).
func alphabetSize(s string) int {
	var lower, upper, digit, other, hexLower, hexUpper, base32 bool = false, false, false, false, true, true, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower = true
			hexUpper = false
			base32 = false
			if c > 'f' {
				hexLower = false
			}
		case c >= 'A' && c <= 'Z':
			upper = true
			hexLower = false
			if c > 'F' {
				hexUpper = false
			}
		case c >= '0' && c <= '9':
			digit = true
			if c < '2' || c > '7' {
				base32 = false
			}
		default:
			other = true
			hexLower, hexUpper, base32 = false, false, false
		}
	}
	switch {
	case !lower && !upper && !other:
		return 10
	case hexLower && digit, hexUpper && digit:
		return 16
	case base32 && upper:
		return 32
	case !other && (lower != upper):
		return 36
	case !other:
		return 62
	}
	return 64
}

// randomLooking reports whether s has at least factor times the entropy
// a string of its length and alphabet can have. A token made of parts
// (xoxb-<team>-<bot>-<secret>) is judged by its longest part.
func randomLooking(s string, factor float64) bool {
	longest := ""
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == '/' }) {
		if len(part) > len(longest) {
			longest = part
		}
	}
	if len(longest) >= 8 {
		s = longest
	}
	n := float64(len(s))
	k := float64(alphabetSize(s))
	return entropy(s) >= factor*math.Log2(min(n, k))
}

// hexScale lowers the name-based threshold for hex strings, whose entropy
// cannot exceed 4 bits per character.
const hexScale = 0.85

// looksRandom is the name-based rule's test: does a value given to a
// secret-named variable, field or parameter look like a real credential?
// It must be long enough, a single word (no white space), not a
// placeholder, a reference or a name, look generated rather than made of
// words, and have enough entropy for its alphabet and length.
func (d *detector) looksRandom(v string) bool {
	if len(v) < max(d.minLength, 1) || len(v) > 4096 {
		return false
	}
	for _, r := range v {
		if unicode.IsSpace(r) || r > unicode.MaxASCII {
			return false
		}
	}
	// A mode prefix (test_, sandbox-) names the environment a key is for,
	// not a placeholder: the rest is judged.
	if rest, ok := cutModePrefix(v); ok {
		v = rest
	}
	if isPlaceholder(v) || isReference(v) || constantCase.MatchString(v) || otherShape(v) {
		return false
	}
	if text, ok := encodedText(v); ok {
		// Encoded text, not random bytes: judge the text, or the password
		// of an encoded user:password pair (an HTTP Basic value).
		if _, pass, ok := userPassword(text); ok {
			return d.looksRandom(pass) || humanPassword(pass)
		}
		return text[0] != '{' && text[0] != '[' && d.looksRandom(text)
	}
	var lower, upper, digit, other int
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= 'a' && c <= 'z':
			lower = 1
		case c >= 'A' && c <= 'Z':
			upper = 1
		case c >= '0' && c <= '9':
			digit = 1
		default:
			other = 1
		}
	}
	switch {
	case lower+upper == 0:
		// Numbers: short ones are ids, ports, dates and amounts; a long
		// one with the spread of random digits is a numeric secret.
		return other == 0 && len(v) >= 16 && entropy(v) >= 2.6
	case lower+upper+digit+other < 2:
		// Letters of one case: words, unless long and gibberish.
		if len(v) < 16 || !gibberish(v) {
			return false
		}
	case digit+other == 0 && !gibberish(v):
		return false // camelCase words: PutMeInA, AccessDenied
	case alphabetSize(v) != 16 && wordLike(v) && !gibberish(v):
		// Hex has six letters: its long parts are runs of digits, not words.
		return false
	}
	th := d.minEntropy
	if alphabetSize(v) == 16 {
		th *= hexScale
	}
	// A string of n characters cannot have more than log2(n) bits each.
	th = min(th, 0.8*math.Log2(float64(len(v))))
	return entropy(v) >= th
}

// wordLike reports whether a value is made of words rather than random
// characters: DB_PASSWORD, X-Api-Key, clientSecret, db-credentials,
// /oauth/token, scram-sha-256, admin123. It splits the value into parts at
// separators, letter/digit and camel-case boundaries: generated strings
// switch between letters, digits and cases every character or two, so
// their parts are short. Generated strings of a one-case alphabet have
// long parts too; gibberish tells them from words.
func wordLike(v string) bool {
	parts := splitParts(v)
	if len(parts) == 0 {
		return true
	}
	total, short, digits := 0, 0, false
	for _, p := range parts {
		total += len(p)
		if len(p) < 3 {
			short++
		}
		if p[0] >= '0' && p[0] <= '9' {
			digits = true
		}
	}
	return float64(total)/float64(len(parts)) >= 3 || !digits && short <= 1
}

// encodedText returns the text that v is the base64 of, when v decodes
// (standard or URL alphabet, padded or not) to at least 8 bytes of
// printable ASCII: base64 of random bytes almost never does
// (ZXhhbXBsZS1hcHAtc2VjcmV0 is "example-app-secret").
func encodedText(v string) (string, bool) {
	if len(v) < 12 {
		return "", false
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		data, err := enc.DecodeString(v)
		if err != nil || len(data) < 8 {
			continue
		}
		for _, c := range data {
			if c < 0x20 || c > 0x7e {
				return "", false
			}
		}
		return string(data), true
	}
	return "", false
}

// cutModePrefix cuts a leading test_, test-, sandbox_ or sandbox- from a
// value long enough that the rest can be a key on its own.
func cutModePrefix(v string) (string, bool) {
	for _, p := range []string{"test_", "test-", "sandbox_", "sandbox-"} {
		if rest, ok := strings.CutPrefix(v, p); ok && len(rest) >= 24 {
			return rest, true
		}
	}
	return v, false
}

// otherShape reports whether v has the shape of something other than a
// credential: a regular expression, a version number, or an identifier of
// words joined by separators (db_pass_1, billing-db-v2).
func otherShape(v string) bool {
	if strings.HasPrefix(v, "^") || strings.HasSuffix(v, "$") || strings.Contains(v, "(?") || strings.Contains(v, `\`) {
		return true
	}
	if versionRE.MatchString(v) {
		return true
	}
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	if len(parts) < 2 || strings.Trim(v, "_-.") != v && len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if !wordPartRE.MatchString(p) || gibberish(p) {
			return false
		}
	}
	return true
}

var (
	versionRE  = regexp.MustCompile(`^v?[0-9]+(?:\.[0-9]+){1,3}(?:[-+.][0-9A-Za-z.\-]+)?$`)
	wordPartRE = regexp.MustCompile(`^(?:[A-Za-z]+[0-9]{0,2}|[0-9]{1,4})$`)
)

var constantCase = regexp.MustCompile(`^[A-Z0-9]+(?:_[A-Z0-9]+)+$`)

// splitParts splits v at non-alphanumeric bytes, at letter/digit
// boundaries and at camel-case boundaries (lower to upper, and the last
// upper of an acronym followed by a lower: APIKey is API, Key).
func splitParts(v string) []string {
	var parts []string
	start := -1
	for i := 0; i <= len(v); i++ {
		cl := 3
		if i < len(v) {
			cl = classOf(v[i])
		}
		if start >= 0 {
			prev := classOf(v[i-1])
			split := cl == 3 ||
				(prev == 2) != (cl == 2) ||
				prev == 0 && cl == 1 ||
				prev == 1 && cl == 1 && i+1 < len(v) && classOf(v[i+1]) == 0
			if split {
				parts = append(parts, v[start:i])
				start = -1
			}
		}
		if start < 0 && cl != 3 {
			start = i
		}
	}
	return parts
}

func classOf(c byte) int {
	switch {
	case c >= 'a' && c <= 'z':
		return 0
	case c >= 'A' && c <= 'Z':
		return 1
	case c >= '0' && c <= '9':
		return 2
	}
	return 3
}

// isReference reports whether a value points to a secret rather than
// being one: a URL, a secret-manager path or ARN, a scheme-prefixed
// reference (vault:, env:, op://), a file path or a key file name.
func isReference(v string) bool {
	l := strings.ToLower(v)
	if strings.Contains(l, "://") || strings.HasPrefix(l, "/") || strings.HasPrefix(l, "./") ||
		strings.HasPrefix(l, "../") || strings.HasPrefix(l, "~/") || strings.HasPrefix(l, "projects/") ||
		strings.Contains(l, "/secrets/") {
		return true
	}
	// scheme: or scheme+x: prefixes (arn:aws:..., vault:secret/..., env:DB_PASSWORD).
	if i := strings.IndexByte(l, ':'); i > 0 {
		scheme := l[:i]
		ok := scheme[0] >= 'a' && scheme[0] <= 'z'
		for j := 1; j < len(scheme) && ok; j++ {
			c := scheme[j]
			ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-'
		}
		if ok {
			return true
		}
	}
	for _, ext := range []string{".pem", ".key", ".crt", ".cert", ".json", ".yaml", ".yml", ".txt", ".p12", ".pfx",
		".jks", ".env", ".cfg", ".conf", ".toml", ".ini", ".gpg", ".asc", ".der", ".pub", ".keytab", ".properties"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return false
}
