// Package urls holds credentials in URLs of any scheme, in Authorization
// values and in curl commands.
package urls

import (
	"net/http"
	"os/exec"
)

const (
	artifacts = "https://deploy:Xb4Kp9Lz2Qm7Rt3W@artifacts.acme.io/releases"      // want `hardcoded URL with a password in its user info \(Xb4K…\(16 chars\)\)`
	mirror    = "ftp://mirror:Kq7Zt2Lm9Xp4Wv8R@ftp.acme.io/pub"                   // want `hardcoded URL with a password in its user info \(Kq7Z…\(16 chars\)\)`
	proxy     = "socks5://svc:Autumn2022!@proxy.acme.io:1080"                     // want `hardcoded URL with a password in its user info \(…\(11 chars\), looks human-chosen\)`
	broker    = "amqps://events:Vt3Lq8Zk2Mx7Pw4N@mq.acme.io:5671/prod"            // want `hardcoded AMQP \(RabbitMQ\) connection URL with a password \(Vt3L…\(16 chars\)\)`
	cache     = "redis://:Rz8Kq3Lm7Xv2Tp9W@cache.acme.io:6379/0"                  // want `hardcoded Redis connection URL with a password \(Rz8K…\(16 chars\)\)`
	gitRemote = "https://oauth2:Wq3Zt8Lk2Mx7Rp4Wb9Nd@gitlab.acme.io/acme/app.git" // want `hardcoded URL with a password in its user info \(Wq3Z…\(20 chars\)\)`
)

func Call(req *http.Request) {
	req.Header.Set("Authorization", "Bearer Lq7Zx2Km9Pt4Rw8Vb3Nc6Yh1Jf5Gd0") // want `hardcoded bearer token in an Authorization value \(Lq7Z…\(30 chars\)\)`
}

const bearer = "Bearer: 7hjkdsfuiowe384750qpwmzx1" // want `hardcoded bearer token in an Authorization value \(7hjk…\(25 chars\)\)`

func Deploy() *exec.Cmd {
	return exec.Command("sh", "-c", "curl -sf -u deploy:Mx2Lq7Zp9Kr4Tv8W https://ci.acme.io/api/trigger") // want `hardcoded curl command with a password \(Mx2L…\(16 chars\)\)`
}

const hook = `curl -X POST -H "Authorization: token Pz8Kq3Lx7Mv2Rt9Wb4Nc" https://api.acme.io/hooks` // want `hardcoded bearer token in an Authorization value \(Pz8K…\(20 chars\)\)`

// Not reported: placeholders, templates, references, dev defaults and
// user names without a password.
const (
	docsURL     = "https://user:password@example.com/path"
	templateURL = "https://%s:%s@%s/"
	envURL      = "https://deploy:${DEPLOY_TOKEN}@artifacts.acme.io"
	localProxy  = "http://dev:dev@localhost:3128"
	noPassword  = "https://deploy@artifacts.acme.io/releases"
	hostPort    = "https://artifacts.acme.io:8443/releases"
	runsPlace   = "https://user:abcdef0123456789abcdef0123456789@git.acme.io/"
	bearerDoc   = "Authorization: Bearer <token>"
	bearerEnv   = "Authorization: Bearer $API_TOKEN"
	bearerWord  = "Bearer ACCESS_TOKEN_GOES_HERE"
	bearerText  = "send the token as a bearer credential in the Authorization header"
	curlEnv     = `curl -u "$USER:$PASSWORD" https://ci.acme.io`
	curlTmpl    = `curl --user "{{ .Values.user }}:{{ .Values.password }}" https://ci.acme.io`
	curlPrompt  = `curl -u deploy https://ci.acme.io`
	curlDefault = `curl -u user:pass http://localhost:9200`
	imageRef    = "registry.acme.io/app@sha256:3b8f1e5c9a2d7f4e6b0c8a1d5f9e3c7b2a4d6f8e0c1b3a5d7f9e2c4b6a8d0f1e"
	jdbcNoPass  = "jdbc:postgresql://db.acme.io:5432/app?user=app"
)
