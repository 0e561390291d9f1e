// Package ok holds loops that must not be reported: proper retries, and
// loops that are not retry loops at all.
package ok

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"io"
	"log"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Exponential backoff with jitter, a cap and a context check.
func FetchWithBackoff(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	delay := 100 * time.Millisecond
	for attempt := 0; attempt < 6; attempt++ {
		resp, err := c.Do(req.Clone(ctx))
		if err == nil {
			return resp, nil
		}
		jitter := time.Duration(rand.Int64N(int64(delay)))
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay + jitter):
		}
		delay = min(delay*2, 5*time.Second)
	}
	return nil, errors.New("giving up")
}

// Linear growth with the attempt number.
func PingLinear(ctx context.Context, db *sql.DB) error {
	var err error
	for i := 1; i <= 5; i++ {
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	return err
}

// math.Pow growth, infinite loop bounded by the context.
func ConnectPow(ctx context.Context, d *net.Dialer, addr string) (net.Conn, error) {
	for attempt := 0; ; attempt++ {
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return conn, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		time.Sleep(time.Duration(math.Pow(2, float64(attempt))) * 50 * time.Millisecond)
	}
}

// A shift, and a helper that depends on the attempt.
func backoffFor(attempt int) time.Duration {
	return time.Duration(1<<attempt) * 100 * time.Millisecond
}

func ExecRetry(ctx context.Context, db *sql.DB, q string) error {
	var err error
	for attempt := range 4 {
		if _, err = db.ExecContext(ctx, q); err == nil {
			return nil
		}
		time.Sleep(backoffFor(attempt))
	}
	return err
}

func ExecShift(ctx context.Context, db *sql.DB, q string) error {
	d := 50 * time.Millisecond
	var err error
	for range 4 {
		if _, err = db.ExecContext(ctx, q); err == nil {
			return nil
		}
		time.Sleep(d)
		d <<= 1
	}
	return err
}

// The delay comes from the server (Retry-After): not constant.
func PostWithRetryAfter(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(retryAfter(resp))
	}
	return nil, errors.New("unavailable")
}

func retryAfter(resp *http.Response) time.Duration {
	if resp == nil {
		return time.Second
	}
	d, _ := time.ParseDuration(resp.Header.Get("Retry-After"))
	return d
}

// A rate limiter paces the attempts.
func PublishLimited(ctx context.Context, lim *rate.Limiter, send func(context.Context) error) error {
	for i := 0; i < 10; i++ {
		if err := send(ctx); err == nil {
			return nil
		}
		if err := lim.Wait(ctx); err != nil {
			return err
		}
	}
	return errors.New("send failed")
}

// Not retry loops.

// A worker loop: success does not leave the loop.
func Worker(ctx context.Context, jobs <-chan string, db *sql.DB) {
	for {
		select {
		case <-ctx.Done():
			return
		case id := <-jobs:
			if _, err := db.ExecContext(ctx, "UPDATE jobs SET done = true WHERE id = $1", id); err != nil {
				log.Printf("job %s: %v", id, err)
				continue
			}
			log.Printf("job %s done", id)
		}
	}
}

// A queue consumer: failures are logged, successes go on to the next one.
func Consume(ctx context.Context, next func(context.Context) ([]byte, error), handle func([]byte) error) {
	for {
		msg, err := next(ctx)
		if err != nil {
			log.Print(err)
			time.Sleep(time.Second)
			continue
		}
		if err := handle(msg); err != nil {
			log.Print(err)
		}
	}
}

// A reconnect loop that waits on an external signal.
type Session struct {
	mu        sync.Mutex
	reconnect chan struct{}
	dial      func() (net.Conn, error)
}

func (s *Session) Run(ctx context.Context) net.Conn {
	for {
		conn, err := s.dial()
		if err == nil {
			return conn
		}
		<-s.reconnect
	}
}

// A server's accept loop.
func Serve(l net.Listener, handle func(net.Conn)) error {
	for {
		conn, err := l.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				time.Sleep(5 * time.Millisecond)
				continue
			}
			return err
		}
		go handle(conn)
	}
}

// Polling on a condition that is not an error.
func WaitForMigration(ctx context.Context, db *sql.DB) error {
	for {
		var done bool
		if err := db.QueryRowContext(ctx, "SELECT done FROM migrations").Scan(&done); err != nil {
			return err
		}
		if done {
			return nil
		}
		time.Sleep(time.Second)
	}
}

// Polling until a deadline at a fixed pace.
func WaitForPort(addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		return conn.Close()
	}
	return errors.New("port never opened")
}

// Ranging over data: trying each address in turn.
func DialAny(addrs []string) (net.Conn, error) {
	for _, a := range addrs {
		if conn, err := net.Dial("tcp", a); err == nil {
			return conn, nil
		}
	}
	return nil, errors.New("no address reachable")
}

// Indexing data with a counter is not retrying either.
func DialFirst(addrs []string) (net.Conn, error) {
	for i := 0; i < len(addrs); i++ {
		conn, err := net.Dial("tcp", addrs[i])
		if err == nil {
			return conn, nil
		}
	}
	return nil, errors.New("no address reachable")
}

// Walking a chain of errors.
func rootCause(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// Paging with a cursor.
func ListAll(ctx context.Context, list func(ctx context.Context, cursor string) ([]string, string, error)) ([]string, error) {
	var all []string
	cursor := ""
	for {
		page, next, err := list(ctx, cursor)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if next == "" {
			return all, nil
		}
		cursor = next
	}
}

// Reading lines until EOF: the failure path returns.
func ReadAll(r *bufio.Reader) ([]string, error) {
	var lines []string
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			return nil, err
		}
		lines = append(lines, line)
	}
}

// A loop whose failure path returns the error.
func Drain(ctx context.Context, pop func(context.Context) (string, error)) error {
	for {
		item, err := pop(ctx)
		if err != nil {
			return err
		}
		if item == "" {
			return nil
		}
	}
}

// Retrying the local file system overloads no shared dependency.
func RemoveWithRetry(dir string) error {
	var err error
	for i := 0; i < 10; i++ {
		if err = os.RemoveAll(dir); err == nil {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return err
}

// Reading with a deadline: the operation itself waited.
func ReadFrame(conn net.Conn, buf []byte) (int, error) {
	for {
		conn.SetReadDeadline(time.Now().Add(time.Second))
		n, err := conn.Read(buf)
		if err == nil {
			return n, nil
		}
		if os.IsTimeout(err) {
			continue
		}
		return 0, err
	}
}

// A new random name each time is not a retry of the same operation.
func CreateUnique(dir string) (*os.File, error) {
	for {
		name := dir + "/tmp-" + randomSuffix(rand.Uint64())
		f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			return f, nil
		}
		if !os.IsExist(err) {
			return nil, err
		}
	}
}

func randomSuffix(n uint64) string {
	const digits = "0123456789abcdef"
	b := make([]byte, 8)
	for i := range b {
		b[i] = digits[n&15]
		n >>= 4
	}
	return string(b)
}

// Idioms from real code that are not hammering retries.

var nextPort uint64 = 20000

// Trying the next free port (k6): each attempt binds another address.
func ListenFree(ctx context.Context) (net.Listener, error) {
	for range 100 {
		port := atomic.AddUint64(&nextPort, 1)
		l, err := (&net.ListenConfig{}).Listen(ctx, "tcp", net.JoinHostPort("localhost", strconv.FormatUint(port, 10)))
		if err != nil {
			continue
		}
		return l, nil
	}
	return nil, errors.New("no free port")
}

// Retrying only a recognized error, at once (database/sql retries
// driver.ErrBadConn this way; etcd rescans a WAL directory after a
// concurrent removal).
func ScanSnapshots(dir string, scan func(string) ([]string, error)) ([]string, error) {
	var lastErr error
	for attempt := 1; attempt <= 3; attempt++ {
		snaps, err := scan(dir)
		if err == nil {
			return snaps, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		lastErr = err
	}
	return nil, lastErr
}

// Failing over through candidates until none is left (etcd's TCP proxy).
type remote struct {
	addr     string
	inactive bool
}

type Proxy struct {
	mu      sync.Mutex
	remotes []*remote
}

func (p *Proxy) pick() *remote {
	for _, r := range p.remotes {
		if !r.inactive {
			return r
		}
	}
	return nil
}

func (p *Proxy) Dial() net.Conn {
	for {
		p.mu.Lock()
		r := p.pick()
		p.mu.Unlock()
		if r == nil {
			return nil
		}
		conn, err := net.Dial("tcp", r.addr)
		if err == nil {
			return conn
		}
		r.inactive = true
	}
}

// The operation is itself a wait (k6's waitForSelector).
type Frame struct{ query func(string) (string, error) }

func (f *Frame) waitForSelector(sel string) (string, error) { return f.query(sel) }

func (f *Frame) WaitForSelectorRetry(sel string, retry int) (string, error) {
	var h string
	var err error
	for ; retry >= 0; retry-- {
		if h, err = f.waitForSelector(sel); err == nil {
			return h, nil
		}
	}
	return "", err
}

var errNotVisible = errors.New("element not visible")

// A fixed pace while waiting for a known transient state, other errors
// returned (k6's browser actions).
func shouldRetry(ctx context.Context, err error) (bool, error) { // unexported: a wait judged locally, no fact
	if !errors.Is(err, errNotVisible) {
		return false, nil
	}
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case <-time.After(20 * time.Millisecond):
		return true, nil
	}
}

func RetryAction(ctx context.Context, fn func(context.Context) (string, error)) (string, error) {
	for {
		res, err := fn(ctx)
		if err == nil {
			return res, nil
		}
		retry, retryErr := shouldRetry(ctx, err)
		if !retry {
			if retryErr != nil {
				return "", retryErr
			}
			return "", err
		}
	}
}

func FetchBody(do func() ([]byte, error)) ([]byte, error) {
	var body []byte
	var err error
	for i := 0; i <= 5; i++ {
		body, err = do()
		if err == nil {
			break
		}
		if strings.Contains(err.Error(), "No data found for resource") {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		break
	}
	return body, err
}
