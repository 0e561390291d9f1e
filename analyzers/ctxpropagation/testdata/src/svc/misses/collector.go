package misses

import (
	"context"
	"database/sql"
	"net/http"
)

// A collector that keeps the context it was started under: its methods'
// work belongs to that context.
type Collector struct {
	ctx context.Context
	db  *sql.DB
}

func (c *Collector) Start(parent context.Context) { c.ctx = parent }

// Reset sets the collector's own root: nothing is dropped.
func (c *Collector) Reset() { c.ctx = context.Background() }

func (c *Collector) Scrape() (int, error) {
	var n int
	err := c.db.QueryRow("SELECT count(*) FROM jobs").Scan(&n) // want `sql\.DB\.QueryRow ignores c\.ctx, which is in scope`
	return n, err
}

func (c *Collector) Pending() (int, error) {
	var n int
	err := c.db.QueryRowContext(context.TODO(), "SELECT count(*) FROM jobs WHERE done = false").Scan(&n) // want `context\.TODO\(\) ignores c\.ctx, which is in scope`
	return n, err
}

func (c *Collector) Done() (int, error) {
	var n int
	err := c.db.QueryRowContext(c.ctx, "SELECT count(*) FROM jobs WHERE done").Scan(&n)
	return n, err
}

// Without a context field, a method has no context in scope: it does its
// I/O without one, for its callers to see.
type Gauge struct{ db *sql.DB }

func (g *Gauge) Scrape() (n int, err error) { // want Scrape:`noContextIO\(calls sql\.DB\.QueryRow instead of QueryRowContext\)`
	err = g.db.QueryRow("SELECT count(*) FROM jobs").Scan(&n)
	return n, err
}

// A builder on the receiver returns the request: its caller sends it.
func (c *Collector) newRequest(url string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, url, nil)
}

// Sending is where the receiver's context belongs.
func (c *Collector) Fetch(url string) (*http.Response, error) {
	req, err := c.newRequest(url)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func (c *Collector) Get(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `http\.NewRequest ignores c\.ctx`
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
