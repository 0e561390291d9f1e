// Package compare holds credentials compared rather than assigned: a
// backdoor password, a shared secret checked in constant time.
package compare

import (
	"crypto/hmac"
	"crypto/subtle"
	"net/http"
)

func Login(user, password string) bool {
	if password == "Zq8Lm3Xk7Rv2Tp9W" { // want `hardcoded password compared with password \(Zq8L…\(16 chars\)\)`
		return true // a backdoor
	}
	return user == "admin" && password == "Spring2025!" // want `hardcoded password compared with password \(…\(11 chars\), looks human-chosen\)`
}

func Webhook(r *http.Request) bool {
	token := r.Header.Get("X-Hook-Token")
	return subtle.ConstantTimeCompare([]byte(token), []byte("q8ZrVf1LmX2pK9tN4bW7yH3j")) == 1 // want `hardcoded token compared with token \(q8Zr…\(24 chars\)\)`
}

func Authorized(r *http.Request) bool {
	if r.Header.Get("X-Api-Key") != "Hx7pL2vQ9mK4zR8wTb3N" { // want `hardcoded API key compared with X-Api-Key \(Hx7p…\(20 chars\)\)`
		return false
	}
	return true
}

type Client struct{ APIKey string }

func (c *Client) Valid(sig []byte) bool {
	return c.APIKey != "Wm3Kx8Pq2Lz7Rt5Vn9Bc" && hmac.Equal(sig, []byte("Jk4Pz8Lq2Xm7Rv3Tb9Wn")) // want `hardcoded API key compared with APIKey \(Wm3K…\(20 chars\)\)`
}

// Not reported: tests for emptiness, placeholders, modes and names.
type Config struct {
	Auth     string
	Password string
	Token    string
}

func Check(c *Config, password string) bool {
	if c.Password == "" || c.Password == "changeme" || password == "<password>" {
		return false
	}
	switch {
	case c.Auth == "plain", c.Auth == "login", c.Auth == "cram-md5":
		return true
	}
	return c.Token != "Bearer" && c.Token != "REDACTED"
}

// A value compared with a non-secret name is not judged.
func Other(txnID string) bool { return txnID == "8d1c4a7e2f9b3c6d0e5a8f1b4c7d2e9a3f6b0c5d" }
