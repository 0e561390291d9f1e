// Package relay configures an SMTP relay, after mailpit's validator: its
// Auth field names the authentication method, which the package tests
// against several literals, so a literal assigned to it is a method name.
package relay

import (
	"errors"
	"strings"
)

type Config struct {
	Auth     string // "none", "plain", "login" or "cram-md5"
	Username string
	Password string
	Secret   string
	Token    string
}

func Normalize(c *Config) error {
	switch {
	case c.Auth == "" || c.Auth == "none" || c.Auth == "false":
		c.Auth = "none"
	case c.Auth == "plain", c.Auth == "login":
		if c.Username == "" || c.Password == "" {
			return errors.New("username or password not set")
		}
	case strings.HasPrefix(c.Auth, "cram"):
		c.Auth = "cram-md5"
		if c.Username == "" || c.Secret == "" {
			return errors.New("username or secret not set for CRAM-MD5")
		}
	default:
		return errors.New("unknown auth method " + c.Auth)
	}
	return nil
}

var Fallback = Config{Auth: "xoauth2z"}

// A password compared with one placeholder is still a password: the
// value assigned is reported.
func Defaults(c *Config) {
	if c.Password == "changeme" {
		c.Password = "Wq7rT2mZ9xLp4KvB" // want `hardcoded password assigned to Password`
	}
	c.Token = "b7Xq2LmZ9rT4vKp8" // want `hardcoded token assigned to Token`
}
