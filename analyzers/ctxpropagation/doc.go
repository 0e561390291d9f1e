package ctxpropagation

// Doc is the analyzer's documentation, shown by go vet -help and the CLI.
const Doc = `report a context that is available but dropped instead of passed on

When a request is cancelled or times out, its context tells every database
call, HTTP call and subprocess below it to stop. Code that drops the
context keeps working for a caller that has gone, piling up goroutines and
connections under load.

A context is available in a function (or a function literal it runs) with
a context.Context parameter, an *http.Request, a *gin.Context, an
echo.Context or a *fiber.Ctx. Where one is, the checker reports:

  - context.Background() and context.TODO() (the fix passes the context,
    or context.WithoutCancel(ctx) in a goroutine);
  - calls of a function or method that has a context-taking twin: the
    same receiver or package has XContext, XWithContext or XCtx taking
    (context.Context, the same parameters) with the same results, or a
    well-known twin (sql.DB.Begin/BeginTx, http.NewRequest, exec.Command,
    net.Dial, http.Get...); logging twins only with -logging;
  - GORM statements on a handle with no WithContext in its chain (a
    handle from a struct field or package variable), one finding per
    function, the others related;
  - calls of a function of the module that does its I/O without a context
    (it passes context.Background() to context-taking I/O, sends a request
    built with http.NewRequestWithContext(context.TODO(), ...), or calls a
    twinned API, maybe through other such functions, or through an
    interface method whose implementation in the module does). The module is the
    one the driver describes: "module app" and "module corp/app" count
    like "module example.com/app";
  - a ctx parameter overwritten with context.Background() outside a
    branch, and then passed on.

A method whose receiver has a context.Context field (a collector's
c.ctx) has that context in scope. A call through a variable that holds a
twinned function (get := http.Get; var lookup = net.LookupIP) is that
function's call.

For example:

	func (s *Store) Get(ctx context.Context, id int) (*User, error) {
		row := s.db.QueryRow("SELECT ...", id) // reported
		...
	}

should be

	row := s.db.QueryRowContext(ctx, "SELECT ...", id)

Not reported: code with no context (main, init, constructors), a twin
marked Deprecated (go-swagger's NewXParamsWithContext), a fresh
context after <-ctx.Done() or in a case <-ctx.Done(): branch (graceful
shutdown), in a deferred call or a callback run later (cleanup that must
outlive cancellation), a cleanup call (cancelUpload, abortSession,
rollbackCreate) in an error branch (if err != nil {...}), the root of signal.NotifyContext or of a
long-lived component kept in a struct field, a default for a nil ctx, a
local that holds ctx and is set to a fresh root in a branch (an opt-in
detach),
functions that detach with context.WithoutCancel, a fresh context passed
to a parameter of the module's code that is only checked (ctx.Err()) or
read for values or that only bounds fire-and-forget goroutines (each
derives its own deadline, and the function does not wait for them), a
token source or authenticated client that keeps its context for its
life (oauth2.NewClient, Config.TokenSource), a listener bind (a Listen
function that returns a listener), an interface method of the module
whose implementations in its package all use the context inertly (etcd's
mvcc.ReadView.Range over the in-memory index), a goroutine's fresh context
in an accept loop (the listener's context carries no request values), a
fresh root that a function with an unnamed context parameter hands to a
goroutine outliving the call, the I/O of a method whose signature a
context-less interface fixes (oauth2.TokenSource's Token, io.Reader's
Read), a parameter of an unexported function that every caller
fills with context.Background(), the dial hooks of an http.Transport (Go 1.23 dials
with a context detached from the request), and a context-less call on a
receiver whose default context was set to the context in scope earlier
in the function (xorm's engine.SetDefaultContext(ctx), directly or through
the package's own functions).

Nor contexts already bound: tx.Stmt(stmt) whose statement is only run
with a live context (tx.Stmt(stmt).ExecContext(ctx, ...), or returned by
a rebinding helper), calls on a database/sql or sqlx transaction begun
with a live context (BeginTx(ctx, ...), or a callback's tx handed with
ctx to a transaction helper), and httptest.NewRequest(...).WithContext(ctx).
Nor deliberate detaches: a fresh root that fills or refreshes a shared
cache or statistics object (stored in a receiver field or package
variable that an if tests first, or in a sync.Once or singleflight
callback), the fill of a memoized getter (a receiver field or package
variable tested by an if and set by the fill: the I/O runs once per
process, so the getter gets no fact), go-oidc's Provider.Verifier (its twin builds a new key set per
call), and a function whose only context is an unnamed or _ parameter and
that a go statement also starts (it outlives the request).`
