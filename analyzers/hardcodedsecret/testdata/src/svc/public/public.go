// Package public holds values that look like credentials but are meant
// to be public, are published examples, or are masked: none is reported,
// but for one counterpart of their kind that is.
package public

type Keys struct {
	PublicToken    string
	PublishableKey string
	CSRFToken      string
}

var keys = Keys{
	PublicToken:    "9Rz4Kq8Lm2Xv7Tp3Wb6Nc1Yh5Jf0Gd8LmQ",
	PublishableKey: "pk_live_51Hq7Zx2Km9Pt4Rw8Vb3Nc6Yh1Jf5Gd0",
	CSRFToken:      "Mj2qZ7kL0rXv5Tp8Wb3Nc6Yh1Jf4Gd9LmQ=",
}

var headers = map[string]string{
	"csrf_token": "Xk9mQ2vLp7Rt4zaB3dE5fG7hJ9kL1m",
	"public_key": "Lq7Zx2Km9Pt4Rw8Vb3Nc6Yh1Jf5Gd0",
	"anon_key":   "Wq3Zt8Lk2Mx7Rp4Wb9Nd6Yh1Xf5Jc0",
	"xsrf-token": "Pv8Kq3Lz7Xm2Rt9Wb4Nc",
}

// Keys built from runs of the alphabet and of the digits: placeholders.
const (
	anthropicRuns = "sk-ant-api03-" + "abcd1234-efgh5678-ijkl9012-mnop3456-qrst7890-uvwx1234-yzab5678-cdef9012-ghij3456-klmn7890AA"
	apiKeyRuns    = "AbCdEfGh12345678AbCdEfGh"
)

var apiKey = apiKeyRuns

// Redacted values, as logs and docs print them.
const (
	redactedSlack  = "xoxp-" + "418306615293-600417728391-839120574466-########################"
	redactedStripe = "sk_live_" + "7Hq2LmXk9Pz4Rt8…"
	redactedGitHub = "ghp_" + "1a2B3c4D5e6F7g8H9i0J..."
)

// jwt.io's sample tokens, in each of its HMAC algorithms.
const (
	jwtHS256 = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.dvwQYFKRfazD6-6x_YzL-dCi08wOhMIxwNHreL_aSIE"
	jwtHS384 = "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.-YS64kt2RUMot_ZnTtkJcsfBlrciE2gwm1WyOVDZUmOBwrV3dR0501KIkMEKNuT-"
	jwtHS512 = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.TIYCRrxPmspuA_aHEWWr34PKZc_8TwPN5Q4L8yu6cGZG5ONbACu3LZdpxZAllKpzclK1vpmtlNZ-vwnalyxtu2"
)

// The same kinds of value, not public: a token of the service's own, not
// jwt.io's sample, is reported.
const serviceJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ" + "zdWIiOiJzdmMtbGVkZ2VyIiwiaWF0IjoxNzY3MjI1NjAwfQ.FG-j0yilYnfzMRQuAP4LiMZvCzk1hb16oamuy9IEs4_" // want `hardcoded signed JSON Web Token \(eyJh…\(131 chars\)\)`

// Container image digests and checksums.
const (
	image    = "docker.io/library/redis@sha256:5a3d7f9e2c4b6a8d0f1e3b8f1e5c9a2d7f4e6b0c8a1d5f9e3c7b2a4d6f8e0c1b"
	checksum = "sha256:9b2e4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4"
)

var token = checksum
