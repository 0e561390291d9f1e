// Package apiclient keeps its HTTP client in a struct field, used by
// several methods: a field that only ever holds http.DefaultClient is
// reported once, where it is stored.
package apiclient

import (
	"context"
	"net/http"
	"time"
)

type API struct {
	base string
	hc   *http.Client
}

func New(base string) *API {
	return &API{base: base, hc: http.DefaultClient} // want `http.DefaultClient stored in field hc has no timeout: every request sent through it blocks its caller for as long as a slow server wants; store an http.Client with Timeout set`
}

// Login and Refresh send through the same field: not reported again.
func (a *API) Login(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/login", nil)
	resp, err := a.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *API) Refresh() error {
	resp, err := a.hc.Get(a.base + "/refresh")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Fallback holds http.DefaultClient only when no client is given.
type Fallback struct{ hc *http.Client }

func NewFallback(hc *http.Client) *Fallback {
	f := &Fallback{hc: hc}
	if hc == nil {
		f.hc = http.DefaultClient
	}
	return f
}

func (f *Fallback) Ping(u string) error {
	resp, err := f.hc.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Bounded stores a client with a timeout.
type Bounded struct{ hc *http.Client }

func NewBounded() *Bounded { return &Bounded{hc: &http.Client{Timeout: 10 * time.Second}} }

// Exported fields may be set by other packages: not judged.
type Public struct{ HTTPClient *http.Client }

func NewPublic() *Public { return &Public{HTTPClient: http.DefaultClient} }

// A package variable holding only http.DefaultClient.
var client = http.DefaultClient // want `http.DefaultClient stored in variable client has no timeout`

func Fetch(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A map keyed by a variable is not a store into it.
var keys = map[*http.Client]string{client: "default"}
