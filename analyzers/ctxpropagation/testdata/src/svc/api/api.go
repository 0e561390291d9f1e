// Package api is a net/http service.
package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"log"
	"net"
	"net/http"
	"os/exec"
	"sync"
	"time"

	"example.com/svc/store"
)

type Server struct {
	db    *sql.DB
	users *store.Store
	cache *store.Cache
	http  *http.Client
	srv   *http.Server

	mu      sync.Mutex
	hooks   []func()
	onClose func()
}

// Rule 1: a fresh context where r.Context() is in scope.
func (s *Server) handleGet(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // want `context\.Background\(\) ignores r\.Context\(\), which is in scope: its deadline and cancellation do not reach what this call starts, so work for a caller that has gone keeps running; pass r\.Context\(\)`
	defer cancel()
	u, err := s.users.UserByID(ctx, 1)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(u)
}

// Rule 1 with a context.Context parameter; TODO too.
func (s *Server) Publish(ctx context.Context, topic string) error {
	_, err := s.db.ExecContext(context.TODO(), "INSERT INTO outbox(topic) VALUES ($1)", topic) // want `context\.TODO\(\) ignores ctx, which is in scope`
	return err
}

// Rule 2: twinned calls.
func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.Query("SELECT id FROM users") // want `sql\.DB\.Query ignores r\.Context\(\), which is in scope: a cancelled or timed-out caller does not stop it; call QueryContext\(r\.Context\(\), \.\.\.\) instead`
	if err != nil {
		return
	}
	defer rows.Close()
	tx, err := s.db.Begin() // want `sql\.DB\.Begin ignores r\.Context\(\).*call BeginTx\(r\.Context\(\), nil\) instead`
	if err != nil {
		return
	}
	defer tx.Rollback()
	if _, err := tx.Exec("DELETE FROM sessions"); err != nil { // want `sql\.Tx\.Exec ignores r\.Context\(\)`
		return
	}
	_ = tx.Commit()
}

func (s *Server) Proxy(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `http\.NewRequest ignores ctx.*call NewRequestWithContext\(ctx, \.\.\.\) instead`
	if err != nil {
		return nil, err
	}
	return s.http.Do(req)
}

func (s *Server) Health(ctx context.Context, url string) error {
	resp, err := http.Get(url) // want `http\.Get ignores ctx, which is in scope: a cancelled or timed-out caller does not stop it; build the request with http\.NewRequestWithContext\(ctx, \.\.\.\) and send it with Do`
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = s.http.Post(url, "application/json", nil) // want `http\.Client\.Post ignores ctx`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *Server) Convert(ctx context.Context, in string) ([]byte, error) {
	return exec.Command("convert", in, "out.png").Output() // want `exec\.Command ignores ctx.*CommandContext`
}

func (s *Server) Probe(ctx context.Context, addr string) error {
	conn, err := net.DialTimeout("tcp", addr, time.Second) // want `net\.DialTimeout ignores ctx.*use \(&net\.Dialer\{Timeout: timeout\}\)\.DialContext\(ctx, network, address\)`
	if err != nil {
		return err
	}
	return conn.Close()
}

// Generic twins on an in-house type, and non-twins.
func (s *Server) Lookup(ctx context.Context, key string) (string, error) {
	v, err := s.cache.Get(key) // want `store\.Cache\.Get ignores ctx.*call GetContext\(ctx, \.\.\.\) instead`
	if err != nil {
		return "", err
	}
	if err := s.cache.Set(key, v, time.Minute); err != nil { // want `store\.Cache\.Set ignores ctx.*SetWithContext`
		return "", err
	}
	_ = s.cache.Delete(key) // DeleteCtx returns (int, error): not a twin
	_ = s.cache.Ping()      // PingContext takes a timeout too: not a twin
	_, _ = store.Fetch(key) // want `store\.Fetch ignores ctx.*FetchCtx`
	return v, nil
}

// Cross-package facts.
func (s *Server) handleUser(w http.ResponseWriter, r *http.Request) {
	u, err := s.users.LoadUser(1) // want `store\.Store\.LoadUser does its I/O without a context \(it passes context\.Background\(\) to sql\.DB\.QueryRowContext\), so the deadline and cancellation of r\.Context\(\), which is in scope, do not reach it; add a ctx parameter to it and pass r\.Context\(\)`
	if err != nil {
		return
	}
	_ = s.users.Rename(u.ID, "x") // want `store\.Store\.Rename does its I/O without a context \(it calls sql\.DB\.Exec instead of ExecContext\)`
	_, _ = s.users.CountUsers()   // want `store\.Store\.CountUsers does its I/O without a context \(it passes a context from context\.Background\(\) to sql\.DB\.QueryRowContext\)`
	_, _ = s.users.LoadAll()      // want `store\.Store\.LoadAll does its I/O without a context \(via store\.Store\.loadAll: store\.Store\.loadAll calls sql\.DB\.Query instead of QueryContext\)`
	_, _ = s.users.UserByID(r.Context(), 1)
	_, _ = s.users.CountAdmins() // bounds itself
	if req, err := store.NewReport("http://reports.internal/users"); err == nil {
		_, _ = http.DefaultClient.Do(req.WithContext(r.Context()))
	}
	_ = store.Validate(u)
	defer s.users.Close() // cleanup: never said to drop a context
}

// Goroutines: detached work should keep ctx's values.
func (s *Server) Enqueue(ctx context.Context, job string) {
	go func() {
		_, _ = s.db.ExecContext(context.Background(), "INSERT INTO jobs VALUES ($1)", job) // want `context\.Background\(\) in a goroutine started where ctx is in scope drops its values \(trace, auth, request ID\); pass context\.WithoutCancel\(ctx\) to detach from its cancellation but keep them`
	}()
	go s.process(context.Background(), job) // want `context\.Background\(\) in a goroutine started where ctx is in scope`
}

// An explicit context argument to the goroutine is fine.
func (s *Server) EnqueueDetached(ctx context.Context, job string) {
	go func(ctx context.Context) {
		_, _ = s.db.ExecContext(ctx, "INSERT INTO audit VALUES ($1)", job)
	}(context.WithoutCancel(ctx))
}

func (s *Server) process(ctx context.Context, job string) {}

// Closures: run now, or later.
func (s *Server) Sync(ctx context.Context, ids []int64) error {
	load := func(id int64) error {
		_, err := s.db.Exec("UPDATE users SET synced = true WHERE id = $1", id) // want `sql\.DB\.Exec ignores ctx`
		return err
	}
	for _, id := range ids {
		if err := load(id); err != nil {
			return err
		}
	}
	withRetry(func() error {
		_, err := s.db.ExecContext(context.Background(), "SELECT 1") // want `context\.Background\(\) ignores ctx`
		return err
	})
	// Registered to run later, after this request: a fresh context is right.
	s.registerHook(func() {
		_, _ = s.db.ExecContext(context.Background(), "DELETE FROM locks")
	})
	s.onClose = func() {
		_, _ = s.db.ExecContext(context.Background(), "DELETE FROM locks")
	}
	context.AfterFunc(ctx, func() {
		_, _ = s.db.ExecContext(context.Background(), "UPDATE jobs SET state = 'cancelled'")
	})
	time.AfterFunc(time.Minute, func() {
		_, _ = s.db.Exec("DELETE FROM tmp")
	})
	return nil
}

func withRetry(f func() error) error { return f() }

func (s *Server) registerHook(f func()) {
	s.mu.Lock()
	s.hooks = append(s.hooks, f)
	s.mu.Unlock()
}

// A returned closure runs later.
func (s *Server) Cleaner(ctx context.Context) func() {
	return func() {
		_, _ = s.db.ExecContext(context.Background(), "VACUUM")
	}
}

// Deferred cleanup must outlive cancellation.
func (s *Server) WithLock(ctx context.Context, name string, f func(context.Context) error) error {
	if _, err := s.db.ExecContext(ctx, "SELECT pg_advisory_lock(hashtext($1))", name); err != nil {
		return err
	}
	defer func() {
		_, _ = s.db.ExecContext(context.Background(), "SELECT pg_advisory_unlock(hashtext($1))", name)
	}()
	defer s.db.Exec("SELECT 1")
	return f(ctx)
}

// Graceful shutdown: a fresh context once ctx is done.
func (s *Server) Run(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- s.srv.ListenAndServe() }()
	select {
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return s.srv.Shutdown(shutdownCtx)
	case err := <-errc:
		return err
	}
}

func (s *Server) Serve(ctx context.Context) error {
	go func() { _ = s.srv.ListenAndServe() }()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.srv.Shutdown(shutdownCtx)
}

func (s *Server) Loop(ctx context.Context, ticks <-chan time.Time) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
			_, _ = s.db.ExecContext(context.Background(), "DELETE FROM expired") // want `context\.Background\(\) ignores ctx`
		}
	}
}

func (s *Server) Wait(ctx context.Context, errc <-chan error) error {
	select {
	case <-ctx.Done():
	case err := <-errc:
		log.Print(err)
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.srv.Shutdown(shutdownCtx)
}

func (s *Server) Finish(ctx context.Context) error { // want Finish:`inertContext\(\[0\]\)`
	if err := ctx.Err(); err != nil {
		return err
	}
	if ctx.Err() != nil {
		_, _ = s.db.ExecContext(context.Background(), "UPDATE jobs SET state = 'aborted'")
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		_, _ = s.db.ExecContext(context.Background(), "UPDATE jobs SET state = 'timeout'")
	}
	return nil
}

// Termination and cleanup must finish once the request is gone.
func (s *Server) handleStop(w http.ResponseWriter, r *http.Request) {
	exitProcess(context.Background())
	_ = s.srv.Shutdown(context.Background())
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(sctx)
	w.WriteHeader(http.StatusAccepted)
}

func exitProcess(ctx context.Context) {}

func (s *Server) CancelOrder(ctx context.Context, id int64) error { return nil }

// Business calls with "cleanup-like" names are not cleanup.
func (s *Server) handleCancel(w http.ResponseWriter, r *http.Request) {
	_ = s.CancelOrder(context.Background(), 1)                            // want `context\.Background\(\) ignores r\.Context\(\)`
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context\.Background\(\) ignores r\.Context\(\)`
	defer cancel()
	_ = s.srv.Shutdown(ctx)
	_ = s.CancelOrder(ctx, 2)
}

// A goroutine that drains after ctx is done must not take ctx: calling a
// context-less function there is not reported.
func (s *Server) Flusher(ctx context.Context, batches <-chan int) {
	go func() {
		for range batches {
			_, _ = s.users.LoadAll()
		}
	}()
}

// Deliberate detaching with context.WithoutCancel.
func (s *Server) Audit(ctx context.Context, event string) {
	detached := context.WithoutCancel(ctx)
	go func() {
		_, _ = s.db.ExecContext(detached, "INSERT INTO audit VALUES ($1)", event)
	}()
	_ = context.Background()
}

// A default for a nil context.
func (s *Server) Do(ctx context.Context, q string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	_, err := s.db.ExecContext(ctx, q)
	return err
}

// Worker is a long-lived component with its own root context.
type Worker struct {
	ctx    context.Context
	cancel context.CancelFunc
	db     *sql.DB
}

// Start starts the worker. Its lifetime is not the caller's: ctx only
// bounds the start-up.
func (w *Worker) Start(ctx context.Context) error {
	if err := w.db.PingContext(ctx); err != nil {
		return err
	}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	return nil
}

func (w *Worker) Restart(ctx context.Context) error {
	root, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	w.ctx = root
	return nil
}

// An unnamed context parameter is still a context.
func (s *Server) Notify(_ context.Context, msg string) error {
	_, err := s.db.ExecContext(context.Background(), "NOTIFY events, $1", msg) // want `context\.Background\(\) ignores the function's context parameter, which is in scope but unnamed: its deadline and cancellation do not reach what this call starts; name the parameter and pass it`
	return err
}

// No context available: constructors and setup are not reported.
func NewServer(dsn string) (*Server, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(context.Background()); err != nil {
		return nil, err
	}
	if _, err := db.Exec("SET TIME ZONE 'UTC'"); err != nil {
		return nil, err
	}
	return &Server{db: db, users: store.New(db)}, nil
}

var defaultCtx = context.Background()

// Conn is a long-lived client of a hijacked connection.
type Conn struct{ nc net.Conn }

// createConn sets up a client that outlives the request that accepted it:
// its set-up I/O is not the request's.
func (s *Server) createConn(nc net.Conn) *Conn {
	_, _ = s.db.Exec("INSERT INTO conns DEFAULT VALUES")
	return &Conn{nc: nc}
}

func (s *Server) handleUpgrade(w http.ResponseWriter, r *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		return
	}
	nc, _, err := hj.Hijack()
	if err != nil {
		return
	}
	s.createConn(nc)
}

// Handler returns a handler; the outer function has no context, the
// handler has its own.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/users", func(w http.ResponseWriter, r *http.Request) {
		_, _ = s.db.Query("SELECT 1") // want `sql\.DB\.Query ignores r\.Context\(\)`
	})
	mux.HandleFunc("/get", s.handleGet)
	return mux
}

// A suppressed finding.
func (s *Server) Archive(ctx context.Context, id int64) error {
	//resilint:ignore ctxpropagation the archive row must be written even if the request is cancelled
	_, err := s.db.ExecContext(context.Background(), "INSERT INTO archive SELECT * FROM orders WHERE id = $1", id)
	return err
}

// From etcd's lease/leasehttp and etcdserver/corrupt.go: code written
// before NewRequestWithContext builds the request, then attaches ctx.
func (s *Server) HashByRev(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The request that carries ctx is thrown away: the one sent has none.
func (s *Server) Discarded(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `http\.NewRequest ignores ctx`
	if err != nil {
		return err
	}
	req.WithContext(ctx)
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// From prometheus' scrape.go: the request is built once, kept in a field
// and sent with the scrape's context.
type scraper struct {
	req    *http.Request
	client *http.Client
}

func (s *scraper) scrape(ctx context.Context, url string) (*http.Response, error) {
	if s.req == nil {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Add("Accept", "text/plain")
		s.req = req
	}
	return s.client.Do(s.req.WithContext(ctx))
}

// From prometheus' notifier: the request goes, with ctx, to a helper that
// attaches it.
func send(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	return c.Do(req.WithContext(ctx))
}

func (s *scraper) sendOne(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := send(ctx, s.client, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// From prometheus' kubernetes discovery: the callee discards its context
// parameter, so a fresh context reaches nothing.
func (s *scraper) newInformer(_ context.Context) *http.Client { return s.client }

func (s *scraper) run(ctx context.Context) {
	s.client = s.newInformer(context.Background())
	<-ctx.Done()
}

// Lazily initialized singletons are read where a context is in scope: their
// getters start a long-lived component, which must not take the caller's
// context, so nothing is reported.
func (s *Server) singletons(ctx context.Context) string {
	_ = store.GetManager()
	return store.DefaultFeatures().Version
}
