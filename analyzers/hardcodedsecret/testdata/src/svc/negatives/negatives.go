// Package negatives holds provider-shaped strings that are not
// credentials: documentation examples, placeholders, wrong checksums,
// help text and names.
package negatives

import (
	"errors"
	"flag"
	"net/http"
)

const (
	// The AWS documentation's example key ids.
	exampleKeyID    = "AKIAIOSFODNN7EXAMPLE"
	exampleSecret   = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	placeholderAWS  = "AKIAXXXXXXXXXXXXXXXX"
	placeholderGH   = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	placeholderSlck = "xoxb-your-bot-token"
	placeholderSK   = "sk_live_..."
	// The right shape and prefix, but the checksum is wrong: random junk.
	badChecksum = "ghp_" + "a8Kq2Lz7Xm4Rt9Wb3Nc5Vp1Jh6Gd0Fs" + "Zz1234"
	// jwt.io's sample token.
	jwtSample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	// A PEM header with no key material.
	pemHeader   = "-----BEGIN RSA PRIVATE KEY-----"
	pemTemplate = "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"
)

var errToken = errors.New("token must look like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx or github_pat_...")

func Flags(fs *flag.FlagSet) {
	fs.String("github-token", "", "GitHub token (ghp_... or github_pat_...), defaults to $GITHUB_TOKEN")
	fs.String("aws-access-key-id", "", "AWS access key id, e.g. AKIAIOSFODNN7EXAMPLE")
}

func Auth(req *http.Request, token string) {
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("X-Api-Key", token)
}
