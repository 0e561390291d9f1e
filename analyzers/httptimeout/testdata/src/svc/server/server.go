// Package server starts HTTP servers the way services do.
package server

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"
)

// --- Rule 4: servers with no read timeout. ---

func Run(addr string, h http.Handler) error {
	srv := &http.Server{ // want `http.Server has no ReadHeaderTimeout or ReadTimeout: slow clients \(Slowloris\) can hold every connection open and exhaust the server; set ReadHeaderTimeout`
		Addr:         addr,
		Handler:      h,
		WriteTimeout: 30 * time.Second,
	}
	return srv.ListenAndServe()
}

// Graceful shutdown does not bound how long a client may take to send
// its headers.
func RunGraceful(ctx context.Context, addr string, h http.Handler) error {
	srv := http.Server{Addr: addr, Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func ExplicitZero(addr string) *http.Server {
	return &http.Server{Addr: addr, ReadHeaderTimeout: 0} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
}

func NewServer() *http.Server {
	return new(http.Server) // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
}

type App struct {
	srv   *http.Server
	admin *http.Server
}

func (a *App) Start(addr string, h http.Handler) {
	a.srv = &http.Server{Addr: addr, Handler: h} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	go func() { _ = a.srv.ListenAndServe() }()
}

// Configured later in the same function, from config or as a constant.
type Config struct {
	Addr        string
	ReadTimeout time.Duration
}

func (a *App) StartAdmin(cfg Config, h http.Handler) {
	a.admin = &http.Server{Addr: cfg.Addr, Handler: h}
	a.admin.ReadTimeout = cfg.ReadTimeout
	go func() { _ = a.admin.ListenAndServe() }()
}

func Later(addr string) *http.Server {
	s := &http.Server{Addr: addr}
	s.ReadHeaderTimeout = 5 * time.Second
	return s
}

func FromConfig(cfg Config, h http.Handler) *http.Server {
	return &http.Server{Addr: cfg.Addr, Handler: h, ReadTimeout: cfg.ReadTimeout}
}

func Positional(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 3 * time.Second, ReadTimeout: 0}
}

// Package-level helpers serve with no timeouts.
func Legacy(l net.Listener, h http.Handler) {
	go func() { log.Fatal(http.ListenAndServe(":8080", h)) }()              // want `http.ListenAndServe serves with no read timeouts: slow clients \(Slowloris\) can hold every connection open and exhaust the server; use an http.Server with ReadHeaderTimeout set`
	go func() { log.Fatal(http.ListenAndServeTLS(":8443", "c", "k", h)) }() // want `http.ListenAndServeTLS serves with no read timeouts`
	go func() { log.Fatal(http.Serve(l, h)) }()                             // want `http.Serve serves with no read timeouts`
	go func() { log.Fatal(http.ServeTLS(l, h, "c", "k")) }()                // want `http.ServeTLS serves with no read timeouts`
}

// A server stored in a struct whose read timeout is configured by a
// method of the package.
type Daemon struct {
	http *http.Server
}

func NewDaemon(h http.Handler) *Daemon {
	return &Daemon{http: &http.Server{Handler: h}}
}

func (d *Daemon) Configure(cfg Config) {
	d.http.ReadTimeout = cfg.ReadTimeout
}

func Main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	_ = RunGraceful(ctx, ":8080", http.NotFoundHandler())
}

// From gitea's cmd/web.go: a debug pprof server bound to the loopback
// interface only; no remote client can reach it.
func ServePprofLocal(mux *http.ServeMux) error {
	return http.ListenAndServe("localhost:6060", mux)
}

// The same on all interfaces is reported.
func ServePprofPublic(mux *http.ServeMux) error {
	return http.ListenAndServe(":6060", mux) // want `http.ListenAndServe serves with no read timeouts`
}
