module github.com/coreos/go-oidc/v3

go 1.25.0

require golang.org/x/oauth2 v0.0.0
