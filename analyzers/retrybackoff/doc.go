package retrybackoff

// Doc is the analyzer's documentation, shown by go vet -help and the CLI.
const Doc = `report retry loops with no, constant or unbounded backoff

A retry loop that does not wait between attempts, or always waits the same
time, turns one dependency's hiccup into a self-inflicted DDoS: every
client that failed at the same moment retries at the same moment, again
and again, while the dependency tries to recover. A retry loop that never
gives up and never checks for cancellation spins forever on a permanent
failure and never reports it.

A retry loop is a for loop (counted, for i := range n, condition-only or
infinite) whose body calls an operation that returns an error and, on that
error, leaves the loop on success and goes round again on failure. Loops
over data, periodic ticker loops, worker loops, polling loops and loops whose
failure path returns the error are not retry loops.

The checker reports a loop, once, at its for keyword, when:

 1. nothing in it waits: no time.Sleep, timer, time.After, sleep helper or
    backoff library call;
 2. every wait is constant (a constant, or a variable, field or parameter
    that the loop never changes), judged by the loop's purpose, not its
    length: a retry of an operation done for a request, a job or a message
    is reported whatever its pause; a start-up readiness poll (in main,
    init, a constructor or init path named New..., Init..., Setup...,
    Must..., or an unexported function only they call) only when its
    pace is known to be shorter than -retrybackoff.min-fixed-delay (1s;
    0 reports them all);
 3. it is unbounded: no attempt limit, no deadline, no exit but success,
    and no ctx.Done() or ctx.Err() check (a start-up loop with no context
    to check that logs every failure is not reported);
 4. with -retrybackoff.require-jitter, its delay grows with no random
    jitter;
 5. it draws a new random key on each attempt (a regenerate-on-collision
    loop), goes round on any error, not just the duplicate, and has no
    bound: an outage spins it forever (with a bound, or retrying only the
    duplicate, it is not reported);
 6. it is an endless loop over a reader that leaves on io.EOF and skips
    every other error with a bare continue: a failing reader returns the
    same error forever.
 7. it is an endless event loop (receive a message, accept a connection,
    wait for a notification, handle it, go round) that starts with an
    operation on a source outliving the loop and goes round again right
    after that operation fails, with nothing in the loop that waits: once
    the connection or listener breaks, the operation fails at once on
    every call and the loop spins. A failure path that leaves the loop or
    waits, a loop paced by a channel or a ticker, and a loop that keeps a
    position (offset += n) are not reported.

For example:

	for { // reported: constant wait, unbounded
		conn, err := grpc.NewClient(addr, opts...)
		if err == nil {
			return conn, nil
		}
		time.Sleep(time.Second)
	}

should be

	delay := 100 * time.Millisecond
	for attempt := 0; attempt < 8; attempt++ {
		conn, err := grpc.NewClient(addr, opts...)
		if err == nil {
			return conn, nil
		}
		jitter := time.Duration(rand.Int64N(int64(delay)))
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay + jitter):
		}
		delay = min(2*delay, 10*time.Second)
	}

or use a backoff library: loops that call github.com/cenkalti/backoff
(v4, v5), github.com/avast/retry-go, github.com/hashicorp/go-retryablehttp,
github.com/sethvargo/go-retry, k8s.io/apimachinery/pkg/util/wait or
k8s.io/client-go/util/retry, or a function listed in
-retrybackoff.backoff-funcs, are not reported. Functions whose body always
waits (sleepCtx(ctx, d)) count as a wait, across packages.`
