package hardcodedsecret

import "strings"

// Passwords that people choose (Summer2024!, P@ssw0rd2024, Tr0ub4dor&3)
// are not random, so the entropy gate lets them through; yet a value with
// that shape, given a password-like name or written in a connection
// string, is a password. These tests tell one from placeholders, names
// and dev defaults.

// placeholderBases are the words that, alone or decorated with digits
// and symbols (admin123, Password1!, root@1), make a placeholder or a
// well-known default rather than a chosen password.
var placeholderBases = map[string]bool{
	"password": true, "passwd": true, "pass": true, "pwd": true, "pw": true, "passphrase": true,
	"secret": true, "admin": true, "administrator": true, "root": true, "toor": true, "user": true,
	"username": true, "test": true, "guest": true, "changeme": true, "changeit": true, "default": true,
	"demo": true, "dev": true, "local": true, "postgres": true, "mysql": true, "redis": true, "mongo": true,
	"mongodb": true, "rabbitmq": true, "example": true, "sample": true, "dummy": true, "qwerty": true,
	"letmein": true, "welcome": true, "foo": true, "bar": true, "foobar": true, "abc": true, "sa": true,
	"app": true, "db": true, "minioadmin": true, "token": true, "key": true, "apikey": true, "login": true,
	"p": true, "x": true, "s": true, "a": true, "mypassword": true, "mysecret": true, "pass-word": true,
}

// placeholderMarks, found anywhere in a value (lower-cased), make it a
// placeholder, whatever else it holds.
var placeholderMarks = []string{
	"changeme", "change_me", "change-me", "changeit", "example", "sample", "dummy", "fake", "placeholder",
	"redacted", "replace", "your", "insert", "todo", "fixme", "test", "mock", "notreal", "not-real",
	"notasecret", "xxx", "***", "...", "…", "lorem", "foobar", "password", "passwd", "secret",
}

// passwordPlaceholder reports whether a password (of a connection string,
// or given a password-like name) is a placeholder, a template, a
// reference or a default rather than a chosen password. It is narrower
// than isPlaceholder: a leetspeak word with more to it (P@ssw0rd2024,
// Passw0rd!) is a chosen password; the bare word in any spelling
// (P@ssw0rd) and a base word with digits and symbols (admin123) are not.
func passwordPlaceholder(pw string) bool {
	if isTemplate(pw) {
		return true
	}
	l := strings.ToLower(pw)
	for _, w := range placeholderMarks {
		if strings.Contains(l, w) {
			return true
		}
	}
	if maxRun(pw) >= 4 || sequential(pw) {
		return true
	}
	return placeholderBases[lettersOf(l)] || placeholderBases[leet.Replace(l)]
}

var leet = strings.NewReplacer("0", "o", "1", "i", "3", "e", "4", "a", "5", "s", "7", "t", "@", "a", "$", "s", "!", "i")

// lettersOf returns the letters of a lower-case string.
func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, s)
}

// isTemplate reports whether a value is filled in elsewhere: ${VAR},
// {{ .X }}, <password>, $(cmd), %s, %VAR%, $VAR.
func isTemplate(v string) bool {
	if v == "" || v[0] == '$' || hasVerb(v) {
		return true
	}
	for _, m := range []string{"${", "{{", "}}", "<", ">", "$(", "%!"} {
		if strings.Contains(v, m) {
			return true
		}
	}
	return len(v) > 2 && v[0] == '%' && v[len(v)-1] == '%'
}

// passwordSymbols are the symbols people put in passwords; other
// punctuation (paths, JSON, regular expressions, lists) marks a value
// as something else.
const passwordSymbols = "!@#$%^&*?+=~"

// humanPassword reports whether v, given a password-like name, has the
// shape of a password a person chose: 6 to 64 characters, letters with
// digits or symbols, at least three of lower case, upper case, digits and
// symbols (Summer2024, summer2024!), a single word rather than an
// identifier (DbPassword2, db_pass_1), and not a placeholder.
func humanPassword(v string) bool {
	if len(v) < 6 || len(v) > 64 || passwordPlaceholder(v) || isReference(v) {
		return false
	}
	var lower, upper, digit, sym, sep bool
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= '0' && c <= '9':
			digit = true
		case strings.IndexByte(passwordSymbols, c) >= 0:
			sym = true
		case c == '_' || c == '-' || c == '.':
			sep = true
		default:
			return false // white space, paths, quotes, brackets, lists
		}
	}
	if !lower && !upper || count(lower, upper, digit, sym) < 3 {
		return false
	}
	if strings.Contains(v, "@") && strings.Contains(v[strings.IndexByte(v, '@'):], ".") {
		return false // an e-mail address or a host
	}
	if !sym {
		if sep {
			return false // an identifier or a version: db_pass_1, v1.2-rc3
		}
		words := 0
		for _, p := range splitParts(v) {
			if len(p) >= 2 && classOf(p[0]) != 2 {
				words++
			}
		}
		if words > 1 {
			return false // camelCase: DbPassword2, userPass1
		}
	}
	return true
}

// dsnPassword reports whether the password of a connection string looks
// chosen by a person (letters with a digit or a symbol: hunter2,
// Summer2024!): the string's syntax already says it is a password, so the
// shape asked of it is looser than humanPassword's.
func dsnPassword(pw string) bool {
	if len(pw) < 5 || passwordPlaceholder(pw) || constantCase.MatchString(pw) || otherShape(pw) {
		return false // a placeholder, an environment variable's name, an identifier
	}
	var letter, other bool
	for i := 0; i < len(pw); i++ {
		if c := pw[i] | 0x20; c >= 'a' && c <= 'z' {
			letter = true
		} else {
			other = true
		}
	}
	return letter && other
}

func count(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// sequential reports whether a value is built from runs of consecutive
// characters (abc123xyz-456def, AbCeFG123): five in a row, or runs of
// three or more covering 40% of it (eight in a row in a long value).
// Random strings almost never have them.
func sequential(v string) bool {
	covered, run, dir := 0, 1, 0
	longest := 1
	flush := func() {
		if run >= 3 {
			covered += run
		}
		longest = max(longest, run)
		run, dir = 1, 0
	}
	for i := 1; i < len(v); i++ {
		a, b := v[i-1], v[i]
		ca, cb := classOf(a), classOf(b)
		d := 0
		if ca != 3 && (ca == cb || ca != 2 && cb != 2) {
			d = int(b|0x20) - int(a|0x20)
			if ca == 2 {
				d = int(b) - int(a)
			}
		}
		if (d == 1 || d == -1) && (dir == 0 || d == dir) {
			run++
			dir = d
			continue
		}
		flush()
		if d == 1 || d == -1 {
			run, dir = 2, d
		}
	}
	flush()
	return longest >= runLimit(v, 5) || len(v) >= 6 && float64(covered) >= 0.4*float64(len(v))
}
