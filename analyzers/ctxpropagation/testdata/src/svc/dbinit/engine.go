package dbinit

import (
	"context"
	"net/http"

	"xorm.io/xorm"
)

// From gitea's models/db: InitEngine(ctx) makes the package's engine and
// sets its default context to ctx, so the context-less calls that follow
// in the caller run under that same ctx.

var engine *xorm.Engine

func SetDefaultEngine(ctx context.Context, e *xorm.Engine) {
	engine = e
	engine.SetDefaultContext(ctx)
}

func InitEngine(ctx context.Context) error {
	e, err := xorm.NewEngine("sqlite", "file::memory:")
	if err != nil {
		return err
	}
	SetDefaultEngine(ctx, e)
	return nil
}

func InitEngineWithMigration(ctx context.Context) error {
	if err := InitEngine(ctx); err != nil {
		return err
	}
	return engine.Ping() // runs under ctx: InitEngine set it as the default
}

func OpenLocal(ctx context.Context) error {
	e, err := xorm.NewEngine("sqlite", "file::memory:")
	if err != nil {
		return err
	}
	e.SetDefaultContext(ctx)
	return e.Ping()
}

// The engine's default context is the one it was built with at start-up,
// not this request's: the ping outlives a client that has gone.
func Health(w http.ResponseWriter, r *http.Request) {
	if err := engine.Ping(); err != nil { // want `xorm.Engine.Ping ignores r.Context\(\)`
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	}
}

// Set after the call: the ping ran under the old default.
func PingThenBind(ctx context.Context) error {
	err := engine.Ping() // want `xorm.Engine.Ping ignores ctx`
	engine.SetDefaultContext(ctx)
	return err
}

// Bound to a context other than the one in scope.
func PingDetached(ctx context.Context) error {
	if err := InitEngine(context.Background()); err != nil { // want `context.Background\(\) ignores ctx`
		return err
	}
	return engine.Ping() // want `xorm.Engine.Ping ignores ctx`
}

// A closure that binds runs whenever it is called, not before the ping.
func PingWithLaterBind(ctx context.Context) (func(), error) {
	bind := func() { engine.SetDefaultContext(ctx) }
	return bind, engine.Ping() // want `xorm.Engine.Ping ignores ctx`
}

type Pair struct{ engine *xorm.Engine }

// Two values share the field, not the engine: binding one says nothing of
// the other.
func PingOther(ctx context.Context, a, b *Pair) error {
	a.engine.SetDefaultContext(ctx)
	return b.engine.Ping() // want `xorm.Engine.Ping ignores ctx`
}

func PingSame(ctx context.Context, a *Pair) error {
	a.engine.SetDefaultContext(ctx)
	return a.engine.Ping()
}

// A per-request engine bound to the request's context.
func HealthOwn(w http.ResponseWriter, r *http.Request) {
	e, err := xorm.NewEngine("sqlite", "file::memory:")
	if err != nil {
		return
	}
	e.SetDefaultContext(r.Context())
	if err := e.Ping(); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	}
}
