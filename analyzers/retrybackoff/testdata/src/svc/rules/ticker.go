package rules

import (
	"context"
	"net"
	"net/http"
	"sync"
	"time"
)

// A check-in that retries on every tick until the server answers: the
// ticker's period is a fixed delay between attempts. Reported.
func CheckIn(ctx context.Context, c *http.Client, url string) {
	ticker := time.NewTicker(10 * time.Second)
	defer ticker.Stop()
	for { // want `retry loop waits the same fixed delay between attempts`
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
		return
	}
}

// A cluster node redialling a dead peer on a fixed ticker until it
// answers (every node at once when the peer comes back). Reported.
type peer struct {
	mu       sync.Mutex
	address  string
	conn     net.Conn
	done     chan struct{}
	interval time.Duration
}

func (p *peer) reconnect() {
	var ticker *time.Ticker
	count := 0
	for { // want `retry loop waits the same fixed delay between attempts`
		if conn, err := net.DialTimeout("tcp", p.address, 5*time.Second); err == nil {
			if ticker != nil {
				ticker.Stop()
			}
			p.mu.Lock()
			p.conn = conn
			p.mu.Unlock()
			return
		} else if count == 0 {
			ticker = time.NewTicker(p.interval)
		}
		count++
		select {
		case <-ticker.C:
		case <-p.done:
			return
		}
	}
}
