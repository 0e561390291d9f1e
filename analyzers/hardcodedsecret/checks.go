package hardcodedsecret

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
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
	for line := range strings.Lines(m.Body) {
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
	body := b.String()
	return len(body) >= 64 && entropy(body) >= 4.5 && maxRun(body) < 6
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
}

func isKnownPublic(secret string) bool {
	sum := sha256.Sum256([]byte(secret))
	return knownPublic[hex.EncodeToString(sum[:])]
}
