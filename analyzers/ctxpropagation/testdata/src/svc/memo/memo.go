// Package memo is a service's dependency container whose getters build
// their clients lazily, once per process, with I/O that takes no context.
package memo

import (
	"context"
	"database/sql"
	"net/http"
	"sync"
	"time"
)

type Client struct{ base string }

type Plan struct{ Name string }

type Deps struct {
	addr     string
	db       *sql.DB
	users    *Client
	version  string
	region   string
	once     sync.Once
	audit    *Client
	profiles map[string]*Client
}

// loadClient fetches the client's settings: I/O without a context.
func loadClient(addr string) *Client { // want loadClient:`noContextIO\(calls http\.Get, which takes no context\)` `memo.loadClient does its I/O without a context \(it calls http.Get, which takes no context\) and is called, directly or through 1 wrapper of this package \(memo.Deps.Profile\), from 1 call site`
	resp, err := http.Get(addr + "/settings")
	if err != nil {
		return nil
	}
	resp.Body.Close()
	return &Client{base: addr}
}

// Users is a lazy fill: built on the first call, returned after.
func (d *Deps) Users() *Client {
	if d.users == nil {
		d.users = loadClient(d.addr)
	}
	return d.users
}

// Version returns early once it is known.
func (d *Deps) Version() (string, error) {
	if d.version != "" {
		return d.version, nil
	}
	var v string
	if err := d.db.QueryRow("SELECT version()").Scan(&v); err != nil {
		return "", err
	}
	d.version = v
	return v, nil
}

// Region is hydrated through a method that sets the field.
func (d *Deps) Region() string {
	if d.region == "" {
		d.probe()
	}
	return d.region
}

func (d *Deps) probe() { // want probe:`noContextIO\(calls http\.Get, which takes no context\)`
	resp, err := http.Get(d.addr + "/region")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	d.region = resp.Header.Get("X-Region")
}

// Audit is filled under a sync.Once.
func (d *Deps) Audit() *Client {
	d.once.Do(func() {
		d.audit = loadClient(d.addr + "/audit")
	})
	return d.audit
}

var settings = sync.OnceValue(func() *Client { return loadClient("http://settings") })

// Settings is filled by sync.OnceValue.
func Settings() *Client { return settings() }

// Clients only calls memoized getters.
func (d *Deps) Clients() (*Client, *Client) { return d.Users(), d.Audit() }

type Handler struct{ deps *Deps }

// label is context-less and reaches I/O only through a memoized getter:
// it gets no fact, so Serve is not told that it does I/O either.
func (h *Handler) label() string { return h.deps.Region() + "/" + h.deps.Users().base }

func (h *Handler) Serve(ctx context.Context) string {
	h.deps.Users()
	_, _ = h.deps.Version()
	h.deps.Audit()
	h.deps.Clients()
	Settings()
	h.deps.Plan()
	h.deps.Profile("alice")
	_ = h.deps.Count()
	return h.label()
}

// Plan does its I/O on every call: there is no cache.
func (d *Deps) Plan() *Plan { // want Plan:`noContextIO\(calls http\.Get, which takes no context\)` `memo.Deps.Plan does its I/O without a context \(it calls http.Get`
	resp, err := http.Get(d.addr + "/plan")
	if err != nil {
		return nil
	}
	resp.Body.Close()
	return &Plan{Name: "free"}
}

// Profile caches per input: a new user is a fetch during that request,
// reported at loadClient, the function that drops the context, with
// Profile named as the wrapper it is reached through.
func (d *Deps) Profile(user string) *Client { // want Profile:`noContextIO\(via memo\.loadClient: memo\.loadClient calls http\.Get, which takes no context\)`
	if d.profiles[user] == nil {
		d.profiles[user] = loadClient(d.addr + "/profiles/" + user)
	}
	return d.profiles[user]
}

// Count opens its handle lazily but queries on every call.
func (d *Deps) Count() int { // want Count:`noContextIO\(calls sql\.DB\.QueryRow instead of QueryRowContext\)` `memo.Deps.Count does its I/O without a context \(it calls sql.DB.QueryRow instead of QueryRowContext\)`
	if d.db == nil {
		d.db, _ = sql.Open("postgres", d.addr)
	}
	var n int
	_ = d.db.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n
}

type Stream struct {
	db  *sql.DB
	err error
}

// Send keeps its first error, a sticky error rather than a cached value:
// every call writes until one fails.
func (s *Stream) Send(v string) error { // want Send:`noContextIO\(calls sql\.DB\.Exec instead of ExecContext\)` `memo\.Stream\.Send does its I/O without a context`
	if s.err != nil {
		return s.err
	}
	_, s.err = s.db.Exec("INSERT INTO events VALUES ($1)", v)
	return s.err
}

func Publish(ctx context.Context, s *Stream) error { return s.Send("published") }

type Checker struct {
	url     string
	checked time.Time
	up      bool
}

// Up refreshes its answer once a minute, not on every call.
func (c *Checker) Up() bool {
	if time.Since(c.checked) > time.Minute {
		resp, err := http.Get(c.url)
		c.checked, c.up = time.Now(), err == nil
		if err == nil {
			resp.Body.Close()
		}
	}
	return c.up
}

func Ready(ctx context.Context, c *Checker) bool { return c.Up() }
