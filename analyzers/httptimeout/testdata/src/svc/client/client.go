// Package client is written the way service code calls other services.
package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// --- Rule 1: package-level helpers use http.DefaultClient. ---

func FetchStatus(u string) (int, error) {
	resp, err := http.Get(u) // want `http.Get uses http.DefaultClient, which has no timeout: a slow server blocks this goroutine forever; use an http.Client with Timeout set`
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func Ping(u string) error {
	resp, err := http.Head(u) // want `http.Head uses http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func PostEvent(u string, body string) error {
	resp, err := http.Post(u, "application/json", strings.NewReader(body)) // want `http.Post uses http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Login(u, user, pass string) error {
	resp, err := http.PostForm(u, url.Values{"user": {user}, "pass": {pass}}) // want `http.PostForm uses http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// --- Rule 2: requests sent through http.DefaultClient. ---

// Send leaves the deadline to its callers, like any Go API that takes a
// context: the calls that pass a context with no deadline are reported
// (see ../peer), not Send.
func Send(ctx context.Context, u string) (*http.Response, error) { // want Send:"deadlineFromCaller.param 0."
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// A caller in the same package is checked too.
func SendAll(ctx context.Context, urls []string) {
	for _, u := range urls {
		if resp, err := Send(context.Background(), u); err == nil { // want `client.Send sends an HTTP request with no timeout other than this context, which has no deadline: a slow server blocks this call forever; pass a context from context.WithTimeout`
			resp.Body.Close()
		}
	}
}

// An exported function used as a value hides its callers: it is judged
// where it sends.
func Watch(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `request sent through http.DefaultClient, which has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var Commands = map[string]func(context.Context, string) error{"watch": Watch}

func Direct(u string) {
	_, _ = http.DefaultClient.Get(u)                     // want `request sent through http.DefaultClient`
	_, _ = http.DefaultClient.Head(u)                    // want `request sent through http.DefaultClient`
	_, _ = http.DefaultClient.Post(u, "text/plain", nil) // want `request sent through http.DefaultClient`
	_, _ = http.DefaultClient.PostForm(u, url.Values{})  // want `request sent through http.DefaultClient`
}

func Aliased(u string) error {
	c := http.DefaultClient
	resp, err := c.Get(u) // want `request sent through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func AliasedVar(u string) error {
	var hc = http.DefaultClient
	resp, err := hc.Get(u) // want `request sent through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A variable that may hold another client is not followed.
func Fallback(u string, custom *http.Client) error {
	c := http.DefaultClient
	if custom != nil {
		c = custom
	}
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A parameter is set by the caller, whatever the body assigns.
func WithDefault(hc *http.Client, u string) error {
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The request context has a deadline: DefaultClient is fine.
func GetJSON(ctx context.Context, u string, v any) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func WithDeadline(parent context.Context, req *http.Request, at time.Time) (*http.Response, error) {
	ctx, cancel := context.WithDeadlineCause(parent, at, context.DeadlineExceeded)
	defer cancel()
	return http.DefaultClient.Do(req.WithContext(ctx))
}

func CloneBounded(req *http.Request) (*http.Response, error) {
	tctx, cancel := context.WithTimeoutCause(context.Background(), time.Second, nil)
	defer cancel()
	ctx := context.WithValue(tctx, ctxKey{}, "trace")
	r2 := req.Clone(ctx)
	return http.DefaultClient.Do(r2)
}

type ctxKey struct{}

// A request rebuilt from a bounded one after it was built plainly.
func Rebuilt(u string) error {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req = req.WithContext(ctx)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A context that is only cancelable has no deadline.
func Cancelable(u string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `request sent through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// --- Rule 3: http.Client created with no Timeout. ---

// Client is an API client wrapping an http.Client.
type Client struct {
	base string
	http *http.Client
}

func New(base string) *Client {
	return &Client{
		base: base,
		http: &http.Client{}, // want `http.Client has no Timeout: a slow server blocks its callers forever; set Timeout \(or give every request a context with a deadline\)`
	}
}

func NewWithTransport(base string, rt http.RoundTripper) *Client {
	hc := &http.Client{Transport: rt} // want `http.Client has no Timeout`
	return &Client{base: base, http: hc}
}

func NewZero(base string) *Client {
	return &Client{base: base, http: &http.Client{Timeout: 0}} // want `http.Client has no Timeout`
}

func NewPointer() *http.Client {
	return new(http.Client) // want `http.Client has no Timeout`
}

var sharedClient = &http.Client{} // want `http.Client has no Timeout`

const noTimeout = 0 * time.Second

func NewConstZero() *http.Client {
	c := &http.Client{}   // want `http.Client has no Timeout`
	c.Timeout = noTimeout // a constant zero is no timeout
	return c
}

// Timeouts set in the literal, later in the function, or from config.
type Config struct {
	BaseURL string
	Timeout time.Duration
}

func NewFromConfig(cfg Config) *Client {
	return &Client{base: cfg.BaseURL, http: &http.Client{Timeout: cfg.Timeout}}
}

func NewFixed() *http.Client {
	return &http.Client{Timeout: 30 * time.Second}
}

func NewLater(d time.Duration) *http.Client {
	c := new(http.Client)
	c.Timeout = d
	return c
}

func (c *Client) Reset(cfg Config) {
	c.http = &http.Client{Transport: http.DefaultTransport}
	c.http.Timeout = cfg.Timeout
}

func timeoutFromEnv() time.Duration { return 10 * time.Second }

func NewFromFunc() *http.Client {
	var c http.Client
	c = http.Client{}
	c.Timeout = timeoutFromEnv()
	return &c
}

// Functional options: the Timeout of the wrapped client is configured by
// an option elsewhere in the package.
type API struct {
	hc *http.Client
}

type Option func(*API)

func WithTimeout(d time.Duration) Option {
	return func(a *API) { a.hc.Timeout = d }
}

func NewAPI(opts ...Option) *API {
	a := &API{hc: &http.Client{}}
	for _, o := range opts {
		o(a)
	}
	return a
}

// A timeout set before the client is created does not count.
func NewOrder(d time.Duration) *http.Client {
	var c *http.Client
	c = &http.Client{} // want `http.Client has no Timeout`
	_ = d
	return c
}

// A client used only for requests whose context has a deadline set in
// the same function (k6's per-request timeouts) is bounded.
type Request struct {
	Req     *http.Request
	Timeout time.Duration
}

func MakeRequest(ctx context.Context, preq *Request, rt http.RoundTripper) (*http.Response, error) {
	client := http.Client{
		Transport: rt,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	client.Jar = nil
	reqCtx, cancel := context.WithTimeout(ctx, preq.Timeout)
	defer cancel()
	mreq := preq.Req.WithContext(reqCtx)
	return client.Do(mreq)
}

// The same client, also used without a deadline, is not.
func MakeRequests(ctx context.Context, preq *Request, rt http.RoundTripper) (*http.Response, error) {
	client := http.Client{Transport: rt} // want `http.Client has no Timeout`
	reqCtx, cancel := context.WithTimeout(ctx, preq.Timeout)
	defer cancel()
	if _, err := client.Do(preq.Req.WithContext(reqCtx)); err != nil {
		return nil, err
	}
	return client.Do(preq.Req)
}
