// Package detached holds fresh contexts that are deliberate detaches: a
// shared cache or statistics object filled lazily, a helper shared with a
// goroutine, and a factory whose context twin builds a new resource.
package detached

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

type Settings struct{ Theme string }

type Stats struct {
	at    time.Time
	users int
}

func (st *Stats) refresh(ctx context.Context, db *sql.DB) {
	_ = db.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&st.users)
	st.at = time.Now()
}

type Server struct {
	mu       sync.Mutex
	once     sync.Once
	db       *sql.DB
	settings *Settings
	stats    *Stats
	byHost   map[string]int
}

func (s *Server) load(ctx context.Context) (*Settings, error) {
	st := &Settings{}
	err := s.db.QueryRowContext(ctx, "SELECT theme FROM settings").Scan(&st.Theme)
	return st, err
}

func (s *Server) count(ctx context.Context, host string) int {
	var n int
	_ = s.db.QueryRowContext(ctx, "SELECT count(*) FROM hits WHERE host = ?", host).Scan(&n)
	return n
}

// The shared settings are filled once for every request: the first
// caller's cancellation must not leave them unset.
func (s *Server) Settings(ctx context.Context) (*Settings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.settings == nil {
		st, err := s.load(context.Background())
		if err != nil {
			return nil, err
		}
		s.settings = st
	}
	return s.settings, nil
}

// A lookup that returns early, then a fill of the shared map.
func (s *Server) HostCount(ctx context.Context, host string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n, ok := s.byHost[host]; ok {
		return n
	}
	n := s.count(context.Background(), host)
	s.byHost[host] = n
	return n
}

// A statistics object refreshed when stale.
func (s *Server) Stats(ctx context.Context) *Stats {
	if time.Since(s.stats.at) > time.Minute {
		s.stats.refresh(context.Background(), s.db)
	}
	return s.stats
}

// Work done once for every caller.
func (s *Server) Warm(ctx context.Context) {
	s.once.Do(func() {
		_ = s.db.PingContext(context.Background())
	})
}

// The result is this request's own: the caller's context belongs there.
func (s *Server) Current(ctx context.Context) (*Settings, error) {
	return s.load(context.Background()) // want `context\.Background\(\) ignores ctx`
}

// Stored in a shared field, but not a lazy fill: nothing tests it first.
func (s *Server) Reload(ctx context.Context) error {
	st, err := s.load(context.Background()) // want `context\.Background\(\) ignores ctx`
	s.settings = st
	return err
}

// A local cache: nothing shared.
func (s *Server) Themes(ctx context.Context, names []string) map[string]*Settings {
	out := map[string]*Settings{}
	for _, n := range names {
		if _, ok := out[n]; ok {
			continue
		}
		st, _ := s.load(context.Background()) // want `context\.Background\(\) ignores ctx`
		out[n] = st
	}
	return out
}

// A client tested before its call is no shared value being refreshed:
// the call is the request's own I/O.
func (s *Server) Ping(ctx context.Context) error {
	if s.db == nil {
		return nil
	}
	return s.db.PingContext(context.Background()) // want `context\.Background\(\) ignores ctx`
}
