package misses

import (
	"database/sql"
	"net/http"
)

// A handler reaches a context-less data layer through an interface whose
// implementation is in the module.
type UserStore interface {
	Name(id int) (string, error) // want `misses\.UserStore\.Name does its I/O without a context \(via misses\.sqlUsers\.Name: misses\.sqlUsers\.Name calls sql\.DB\.QueryRow`
}

type sqlUsers struct{ db *sql.DB }

func (s *sqlUsers) Name(id int) (name string, err error) { // want Name:`noContextIO\(calls sql\.DB\.QueryRow instead of QueryRowContext\)`
	err = s.db.QueryRow("SELECT name FROM users WHERE id = ?", id).Scan(&name)
	return name, err
}

// A decorator that forwards to the interface: the cache hit does no I/O,
// the miss does the store's.
type cachedUsers struct {
	next  UserStore
	names map[int]string
}

func (c *cachedUsers) Name(id int) (string, error) { // want Name:`noContextIO\(via misses\.UserStore\.Name: misses\.sqlUsers\.Name calls sql\.DB\.QueryRow instead of QueryRowContext\)`
	if n, ok := c.names[id]; ok {
		return n, nil
	}
	return c.next.Name(id)
}

// A counter whose implementations do no I/O.
type Counter interface{ Inc() int }

type memCounter struct{ n int }

func (m *memCounter) Inc() int { m.n++; return m.n }

type Pages struct {
	users UserStore
	hits  Counter
}

func (p *Pages) Profile(w http.ResponseWriter, r *http.Request) {
	_, _ = p.users.Name(1) // reported at the declaration
	_ = p.hits.Inc()
}
