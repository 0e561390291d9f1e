package hardcodedsecret

import (
	"strings"
	"unicode"
)

// splitWords splits an identifier or a key into lower-case words at
// '_', '-', '.', '/', ':', spaces, digits and camel-case boundaries
// (acronyms kept whole: DBPassword is db, password).
func splitWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) && len(cur) > 0 {
				prev := cur[len(cur)-1]
				nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
				if unicode.IsLower(prev) || unicode.IsUpper(prev) && nextLower {
					flush()
				}
			}
			cur = append(cur, r)
		default:
			// Digits and separators end a word; digits are not words.
			flush()
		}
	}
	flush()
	return words
}

// trailing words that do not change what a name holds: dbPasswordValue,
// tokenStr, DefaultSecretBytes.
var qualifiers = map[string]bool{
	"value": true, "val": true, "str": true, "string": true, "bytes": true, "b": true, "raw": true,
	"plain": true, "plaintext": true, "literal": true, "const": true, "hex": true, "base": true,
}

// keyModifiers make "key" a secret: apiKey, secretKey, privateKey.
var keyModifiers = map[string]string{
	"api": "API key", "access": "access key", "secret": "secret key", "private": "private key",
	"signing": "signing key", "sign": "signing key", "encryption": "encryption key", "encrypt": "encryption key",
	"hmac": "HMAC key", "master": "master key", "shared": "shared key", "auth": "auth key",
	"account": "account key", "storage": "storage key", "subscription": "subscription key",
	"consumer": "consumer key", "client": "client key", "webhook": "webhook key", "sas": "SAS key",
	"crypto": "encryption key", "cipher": "encryption key", "aes": "encryption key", "jwt": "signing key",
}

// notSecretTokens are modifiers under which "token" is not a credential:
// pagination cursors, lexer tokens, LLM token counts.
var notSecretTokens = map[string]bool{
	"page": true, "next": true, "continuation": true, "sync": true, "pagination": true, "cursor": true,
	"idempotency": true, "request": true, "resume": true, "last": true, "first": true, "start": true,
	"end": true, "eof": true, "max": true, "min": true, "num": true, "count": true, "lexer": true,
	"parser": true, "cancel": true, "cancellation": true, "marker": true, "delimiter": true, "split": true,
	"sep": true, "separator": true, "special": true, "stop": true, "prompt": true, "input": true,
	"output": true, "completion": true, "total": true, "sentinel": true, "type": true, "progress": true,
	"change": true, "batch": true, "resource": true, "version": true, "etag": true, "csrf": true,
	"xsrf": true, "antiforgery": true,
}

// publicWords declare a value public: publicToken, publishableKey,
// PublicAPIKey (Stripe's pk_, Mapbox's pk., a client-side analytics key).
var publicWords = map[string]bool{"public": true, "publishable": true, "pub": true}

// oneWord are names that hold a credential on their own, also written as
// one word (APIKEY, clientsecret).
var oneWord = map[string]string{
	"password": "password", "passwd": "password", "pwd": "password", "passphrase": "password",
	"passcode": "password", "pass": "password", "pw": "password", "secret": "secret", "token": "token",
	"credential": "credential", "credentials": "credential", "creds": "credential", "cred": "credential",
	"apikey": "API key", "accesskey": "access key", "secretkey": "secret key", "privatekey": "private key",
	"clientsecret": "client secret", "authtoken": "token", "apitoken": "token", "accesstoken": "token",
	"auth": "credential", "authorization": "credential", "secretaccesskey": "secret key",
}

// secretKind reports what kind of credential a name holds ("password",
// "token", "API key"...), judging from its head word, the last one: a
// dbPassword holds a password, a passwordFile does not.
func secretKind(name string) (string, bool) {
	if len(name) > 64 {
		return "", false
	}
	words := splitWords(name)
	for len(words) > 1 && qualifiers[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return "", false
	}
	for _, w := range words {
		if publicWords[w] {
			return "", false
		}
	}
	head := words[len(words)-1]
	prev := ""
	if len(words) > 1 {
		prev = words[len(words)-2]
	}
	switch head {
	case "key":
		if prev == "access" && len(words) > 2 && words[len(words)-3] == "secret" {
			return "secret access key", true
		}
		k, ok := keyModifiers[prev]
		return k, ok
	case "token":
		if notSecretTokens[prev] {
			return "", false
		}
	case "secret":
		if prev == "client" {
			return "client secret", true
		}
	case "pass", "pw":
		// Too short to mean "password" inside a longer name (bypass,
		// firstPass, passThrough); on its own it does.
		if len(words) > 2 {
			return "", false
		}
	}
	k, ok := oneWord[head]
	return k, ok
}

// keyLike reports whether a string constant is a name (an environment
// variable, a config key, a header, a flag) rather than text: the paired
// argument of os.Setenv("DB_PASSWORD", v) or flag.String("password", ...).
func keyLike(s string) bool {
	s = strings.TrimLeft(s, "-")
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_-.:/", r))) {
			return false
		}
	}
	return true
}
