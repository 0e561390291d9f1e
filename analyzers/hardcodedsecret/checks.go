package hardcodedsecret

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The checksum and structure checks of the rule table. Each one turns away
// strings that have a provider's prefix but cannot be one of its tokens.

const base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62CRC checks the checksum of GitHub's (and npm's) token format: 30
// random base62 characters, then the CRC32 of those 30 characters written
// as 6 base62 digits.
func base62CRC(m *Match) bool {
	body := m.Body
	if len(body) != 36 {
		return false
	}
	random, sum := body[:30], body[30:]
	var v uint64
	for i := 0; i < len(sum); i++ {
		d := strings.IndexByte(base62Alphabet, sum[i])
		if d < 0 {
			return false
		}
		v = v*62 + uint64(d)
	}
	return v == uint64(crc32.ChecksumIEEE([]byte(random)))
}

// base62CRCSuffix returns the checksum suffix base62CRC expects for 30
// random characters. Tests use it to build well-formed fake tokens.
func base62CRCSuffix(random string) string {
	v := crc32.ChecksumIEEE([]byte(random))
	var b [6]byte
	for i := 5; i >= 0; i-- {
		b[i] = base62Alphabet[v%62]
		v /= 62
	}
	return string(b[:])
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// ageBech32 checks the bech32 checksum of an age secret key
// (AGE-SECRET-KEY-1...).
func ageBech32(m *Match) bool {
	s := strings.ToLower(m.Secret)
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 || len(s)-sep < 7 {
		return false
	}
	values := bech32HRPExpand(s[:sep])
	for i := sep + 1; i < len(s); i++ {
		d := strings.IndexByte(bech32Charset, s[i])
		if d < 0 {
			return false
		}
		values = append(values, byte(d))
	}
	return bech32Polymod(values) == 1
}

func bech32HRPExpand(hrp string) []byte {
	out := make([]byte, 0, 2*len(hrp)+1+64)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]>>5)
	}
	out = append(out, 0)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]&31)
	}
	return out
}

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// bech32Checksum returns the 6 checksum characters for hrp and data (in
// the bech32 alphabet). Tests use it to build well-formed fake keys.
func bech32Checksum(hrp, data string) string {
	values := bech32HRPExpand(strings.ToLower(hrp))
	for i := 0; i < len(data); i++ {
		values = append(values, byte(strings.IndexByte(bech32Charset, strings.ToLower(data)[i])))
	}
	values = append(values, 0, 0, 0, 0, 0, 0)
	mod := bech32Polymod(values) ^ 1
	var b [6]byte
	for i := range b {
		b[i] = bech32Charset[(mod>>(5*(5-i)))&31]
	}
	return string(b[:])
}

// pemBody accepts a PEM private key block whose body is real key material:
// at least 64 base64 characters (header lines such as Proc-Type aside)
// that look random, not "..." or "xxx".
func pemBody(m *Match) bool {
	var b strings.Builder
	// A key inside JSON (a service account file) or a Go string written
	// with escapes has \n for its line breaks.
	body := strings.NewReplacer(`\n`, "\n", `\r`, "").Replace(m.Body)
	for line := range strings.Lines(body) {
		if strings.Contains(line, ":") {
			continue // an encryption header
		}
		if strings.Contains(line, "...") || strings.Contains(strings.ToLower(line), "xxx") {
			return false
		}
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' {
				b.WriteByte(c)
			}
		}
	}
	key := b.String()
	return len(key) >= 64 && entropy(key) >= 4.5 && maxRun(key) < 6 && !sequential(key)
}

// signedJWT accepts a JWT whose header names a signing algorithm (not
// "none"), whose payload is a JSON object, and which is not a well-known
// documentation example or a token meant to be public (Supabase's anon key).
func signedJWT(m *Match) bool {
	parts := strings.Split(m.Secret, ".")
	if len(parts) != 3 {
		return false
	}
	var header struct {
		Alg string `json:"alg"`
	}
	if !decodeJSONPart(parts[0], &header) || header.Alg == "" || strings.EqualFold(header.Alg, "none") {
		return false
	}
	var claims map[string]any
	if !decodeJSONPart(parts[1], &claims) {
		return false
	}
	if claims["name"] == "John Doe" || claims["role"] == "anon" {
		return false
	}
	return !providerPlaceholder(parts[2])
}

func decodeJSONPart(s string, v any) bool {
	data, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		return false
	}
	return json.Unmarshal(data, v) == nil
}

// basicCredentials accepts the value of an Authorization: Basic header
// that decodes to user:password with a password that is not a placeholder.
func basicCredentials(m *Match) bool {
	s := strings.TrimRight(m.Secret, "=")
	data, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil || !utf8.Valid(data) {
		return false
	}
	user, pass, ok := strings.Cut(string(data), ":")
	if !ok || user == "" || len(pass) < 4 || strings.EqualFold(user, "aladdin") {
		return false // RFC 7617's example user
	}
	for _, r := range string(data) {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return !isPlaceholder(pass) && !defaultPasswords[strings.ToLower(pass)]
}

// keyValueDSN accepts password=... only in a string that is a key/value
// connection string, not in a query string or a sentence.
func keyValueDSN(m *Match) bool {
	for _, k := range []string{"dbname=", "host=", "user=", "sslmode="} {
		if strings.Contains(m.Source, k) {
			return true
		}
	}
	return false
}

// knownPublic holds the SHA-256 of values that are published as examples
// by their providers (AWS and Stripe documentation, the Azurite emulator's
// well-known account key, jwt.io's sample token, RFC 7617's example). They
// are stored hashed so that this file holds no token-shaped string.
var knownPublic = map[string]bool{
	"2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326": true, // Stripe docs test key
	"f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397": true, // Stripe docs test key
	"0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059": true, // Azurite devstoreaccount1 key
	"7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606": true, // jwt.io sample
	"cf4d418ed3de92d71f767db5391d5a2dacd40e1ce49e75d1137e2ecf4982d844": true, // RFC 7617 Aladdin
	"78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598": true, // AWS docs secret key
	// The example Google API keys of the Firebase Android SDK's sources and
	// docs (github.com/firebase/firebase-android-sdk), copied into many apps.
	"f56e323494a6ffc2064e7a955908957d84f0755e5f975dabd64328d0359a8f7c": true,
	"2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4": true,
	"3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682": true,
	"e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9": true,
	"a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6": true,
	"0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c": true,
	"eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1": true,
	"37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619": true,
	"8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1": true,
	"49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0": true,
	"27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045": true,
	"dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614": true,
	"4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583": true,
	"ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d": true,
	"3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665": true,
	"a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41": true,
}

func isKnownPublic(secret string) bool {
	sum := sha256.Sum256([]byte(secret))
	return knownPublic[hex.EncodeToString(sum[:])]
}

// notHex turns away a value of hexadecimal digits only where the format
// is not hex (a git commit id next to the word cloudflare).
func notHex(m *Match) bool {
	return strings.Trim(strings.ToLower(m.Secret), "0123456789abcdef") != ""
}

// mixesLettersDigits accepts a random part that has both letters and
// digits: an all-digit part is an id (a Slack team or user), an
// all-letter one a word.
func mixesLettersDigits(m *Match) bool {
	var letter, digit bool
	for i := 0; i < len(m.Body); i++ {
		switch c := m.Body[i] | 0x20; {
		case c >= 'a' && c <= 'z':
			letter = true
		case m.Body[i] >= '0' && m.Body[i] <= '9':
			digit = true
		}
	}
	return letter && digit
}

// notJWT leaves JSON Web Tokens after "Bearer" to the jwt rule, which
// knows the published samples.
func notJWT(m *Match) bool { return !strings.HasPrefix(m.Secret, "eyJ") }

// bedrockKey accepts an Amazon Bedrock long-term API key: "ABSK", then
// the base64 of "BedrockAPIKey-<id>-at-<account>:<secret>", whose secret
// part must not be a placeholder (...EXAMPLE).
func bedrockKey(m *Match) bool {
	// Decode whole 4-character groups only: what matters is the prefix.
	data, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(m.Body, "=")[:len(strings.TrimRight(m.Body, "="))/4*4])
	if err != nil || !strings.HasPrefix(string(data), "BedrockAPIKey-") {
		return false
	}
	// The secret part follows the key id; both are random.
	rest := strings.TrimPrefix(string(data), "BedrockAPIKey-")
	if _, secret, ok := strings.Cut(rest, ":"); ok {
		rest = secret
	}
	return len(rest) >= 20 && !providerPlaceholder(rest) && !providerPlaceholder(m.Body) && randomLooking(rest, 0.75)
}

// discordBotToken accepts a Discord bot token: its first part is the
// base64 of the bot's numeric id (a snowflake of 17 to 20 digits).
func discordBotToken(m *Match) bool {
	id, _, _ := strings.Cut(m.Secret, ".")
	data, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(id, "="))
	if err != nil || len(data) < 17 || len(data) > 20 {
		return false
	}
	for _, c := range data {
		if c < '0' || c > '9' {
			return false
		}
	}
	return !providerPlaceholder(m.Body) && randomLooking(m.Body, 0.75)
}

// grafanaAPIKey accepts a Grafana API key: base64 of a JSON object with
// the key ("k"), its name ("n") and the organization id ("id").
func grafanaAPIKey(m *Match) bool {
	var v struct {
		K  string `json:"k"`
		N  string `json:"n"`
		ID any    `json:"id"`
	}
	data, err := base64.StdEncoding.DecodeString(m.Secret)
	if err != nil {
		data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(m.Secret, "="))
	}
	return err == nil && json.Unmarshal(data, &v) == nil && len(v.K) >= 16 && v.ID != nil &&
		!providerPlaceholder(v.K) && randomLooking(v.K, 0.75)
}

// sentryOrgToken accepts a Sentry organization token: its claims part is
// the base64 of a JSON object that starts with its issue time ("iat"),
// and its secret part looks random.
func sentryOrgToken(m *Match) bool {
	claims, _, _ := strings.Cut(strings.TrimPrefix(m.Secret, "sntrys_"), "_")
	data, err := base64.StdEncoding.DecodeString(claims)
	if err != nil {
		data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(claims, "="))
	}
	if err != nil || !strings.HasPrefix(string(data), `{"iat":`) {
		return false
	}
	return !providerPlaceholder(m.Body) && randomLooking(m.Body, 0.75)
}

// aRuns are the runs of 'A' that X (Twitter) bearer tokens hold, from
// zero bytes in what they encode.
var aRuns = regexp.MustCompile(`A{4,}`)

// twitterBearer accepts an X (Twitter) app bearer token: after its 22
// 'A's and the runs of 'A' inside, the rest must look random.
func twitterBearer(m *Match) bool {
	rest := aRuns.ReplaceAllString(m.Body, "")
	return len(rest) >= 40 && !providerPlaceholder(rest) && randomLooking(rest, 0.75)
}

// bedrockShortTermKey accepts an Amazon Bedrock short-term API key:
// "bedrock-api-key-", then the base64 of a presigned URL of
// bedrock.amazonaws.com, whose signature, when the key is whole, must
// not be a placeholder.
func bedrockShortTermKey(m *Match) bool {
	body := strings.TrimRight(m.Body, "=")
	data, err := base64.RawStdEncoding.DecodeString(body[:len(body)/4*4])
	if err != nil || !strings.HasPrefix(string(data), "bedrock.amazonaws.com") {
		return false
	}
	_, sig, ok := strings.Cut(string(data), "X-Amz-Signature=")
	if !ok {
		return true
	}
	sig, _, _ = strings.Cut(sig, "&")
	return len(sig) >= 32 && !providerPlaceholder(sig) && randomLooking(sig, 0.75)
}

// generatedBody accepts a random part that a generator drew: letters and
// digits, not parts as long as words (live_stream_configuration...),
// unless their letters are gibberish. Formats whose fixed part is short
// (live_, 00, YC) need it to tell a token from an identifier.
func generatedBody(m *Match) bool {
	return mixesLettersDigits(m) && (!wordLike(m.Body) || gibberish(m.Body))
}

// generatedMixedCase is generatedBody for formats drawn from both cases
// of letters: a one-case or hex body is some other value (a hash, an id).
func generatedMixedCase(m *Match) bool {
	var lower, upper bool
	for i := 0; i < len(m.Body); i++ {
		lower = lower || m.Body[i] >= 'a' && m.Body[i] <= 'z'
		upper = upper || m.Body[i] >= 'A' && m.Body[i] <= 'Z'
	}
	return lower && upper && generatedBody(m)
}
