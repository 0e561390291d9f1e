package httptimeout

// Doc is the analyzer's documentation, shown by go vet -help and the CLI.
const Doc = `report HTTP clients and servers that have no timeout

An HTTP call with no timeout waits as long as the peer wants: one slow
dependency then holds a goroutine, a connection and often a lock forever,
and a slow dependency becomes an outage. A server with no read timeout lets
clients that send their headers slowly (Slowloris) hold its connections
open until it runs out of them.

The checker reports:

  - the package-level http.Get, http.Head, http.Post and http.PostForm,
    and requests sent through http.DefaultClient (directly or through a
    local variable whose only value is http.DefaultClient): its Timeout
    is zero;
  - an http.Client created with no Timeout, or a constant zero one, that
    the same function does not give a Timeout later;
  - an http.Server created with neither ReadHeaderTimeout nor ReadTimeout
    that the same function does not set later, and the package-level
    http.ListenAndServe, ListenAndServeTLS, Serve and ServeTLS;
  - a call that passes a context with no deadline to an exported
    function or a method of the module that sends its request with that
    context and no client timeout (such a function leaves the deadline to
    its callers, and is not reported itself; a method that passes its
    context on delegates in turn, and calls through interfaces are
    trusted);
  - gin's Engine.Run, RunTLS, RunUnix, RunFd and RunListener, and echo
    (v4)'s Echo.Start, StartTLS, StartAutoTLS and StartH2CServer unless
    the function sets the server's read timeouts or replaces the server;
  - golang.org/x/oauth2 (Config.Exchange, PasswordCredentialsToken,
    TokenSource, Client, NewClient, clientcredentials.Config.Token,
    TokenSource, Client...) and go-oidc (NewProvider, UserInfo,
    VerifierContext, NewRemoteKeySet: the key set Verify refreshes with)
    calls whose context is known to carry no client (or
    http.DefaultClient): they send through http.DefaultClient. The
    context is followed through locals, the context package's
    derivations and unexported functions' callers; a deadline bounds the
    call, except go-oidc's key set, which drops it. Fix with
    ctx = oidc.ClientContext(ctx, c) or
    context.WithValue(ctx, oauth2.HTTPClient, c), c having a Timeout;
  - http.DefaultClient stored in an unexported field or package variable
    that the package stores nothing else into: reported once, at the
    store, not at each method that sends through it.

For example:

	resp, err := http.Get(url) // reported

	log.Fatal(http.ListenAndServe(":8080", mux)) // reported

should be

	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(url)

	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())

A request sent through http.DefaultClient is not reported when it was built
in the same function with a context from context.WithTimeout or
WithDeadline, and a timeout set from a variable, a field or a call is
trusted. A command-line tool's one-shot request (in a main package or
under cmd/, sent once by a subcommand: not in a goroutine, a waiting or
endless loop, or code its handlers call; a client not kept) is not
reported unless -httptimeout.cli is set, and neither is a subcommand's
foreground server for the browser it opens (app open), nor http.Serve on
a listener opened on a constant loopback address, nor (unless
-httptimeout.diagnostics is set) a server that only serves promhttp
metrics, pprof or expvar. Nothing sent through http.DefaultClient is
reported in a package that gives http.DefaultClient a Timeout, or
imports one that does. Servers get a suggested fix that adds ReadHeaderTimeout; clients
do not, because a client Timeout also cuts long downloads and streams.`
