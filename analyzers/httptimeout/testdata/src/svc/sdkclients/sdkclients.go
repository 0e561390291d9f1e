// Package sdkclients builds API clients with SDKs whose default
// http.Client has no timeout.
package sdkclients

import (
	"net/http"
	"time"

	"code.gitea.io/sdk/gitea"
	"github.com/go-resty/resty/v2"
)

func Gitea(url, token string) (*gitea.Client, error) {
	return gitea.NewClient(url, gitea.SetToken(token)) // want `gitea.NewClient sends through an http.Client with no Timeout`
}

func GiteaBounded(url, token string) (*gitea.Client, error) {
	hc := &http.Client{Timeout: 30 * time.Second}
	return gitea.NewClient(url, gitea.SetToken(token), gitea.SetHTTPClient(hc))
}

// GiteaInsecureOnly injects a client only on one branch: the default
// branch keeps the SDK's client.
func GiteaInsecureOnly(url string, insecure bool) (*gitea.Client, error) {
	opts := []gitea.ClientOption{gitea.SetToken("t")}
	if insecure {
		opts = append(opts, gitea.SetHTTPClient(&http.Client{Timeout: time.Minute}))
	}
	return gitea.NewClient(url, opts...) // want `gitea.NewClient sends`
}

func Resty() *resty.Client {
	return resty.New().SetBaseURL("https://api.example.com") // want `resty.New sends through an http.Client with no Timeout`
}

func RestyBounded() *resty.Client {
	return resty.New().SetBaseURL("https://api.example.com").SetTimeout(10 * time.Second)
}

func RestyLater() *resty.Client {
	c := resty.New()
	c.SetTimeout(10 * time.Second)
	return c
}
