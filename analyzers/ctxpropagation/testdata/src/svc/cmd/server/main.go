// Command server sets up the service: no context is available here, and
// its roots are deliberate.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"
)

var rootCtx, stop = context.WithCancel(context.Background())

func init() {
	_ = context.Background()
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	db, err := sql.Open("postgres", os.Getenv("DSN"))
	if err != nil {
		log.Fatal(err)
	}
	if err := db.Ping(); err != nil {
		log.Fatal(err)
	}
	run(ctx, db)
}

func run(ctx context.Context, db *sql.DB) {
	// The process root for a subsystem is signal.NotifyContext's.
	sctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt) // the root of a signal context
	defer cancel()
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	go func() { _ = srv.ListenAndServe() }()
	<-sctx.Done()
	shutdown, done := context.WithTimeout(context.Background(), 10*time.Second)
	defer done()
	_ = srv.Shutdown(shutdown)
	_ = db.PingContext(ctx)
}

// newPoller creates a root context for a long-lived component when it
// receives none.
func newPoller(ctx context.Context) context.Context {
	if ctx != nil {
		return ctx
	}
	return context.Background()
}

// startJanitor creates the root context of the janitor, a long-lived
// component that outlives the request that starts it.
func startJanitor(ctx context.Context, db *sql.DB) {
	jctx, cancel := context.WithCancel(context.Background())
	go func() {
		defer cancel()
		_, _ = db.ExecContext(jctx, "DELETE FROM expired")
	}()
}
