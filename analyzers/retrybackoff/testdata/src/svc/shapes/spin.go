package shapes

import (
	"context"
	"errors"
	"log"
	"net"
	"time"
)

// Event loops: receive the next thing, handle it, go round. They are paced
// by the receive blocking; a failing receive must not go round at once.

type message struct{ body []byte }

type subscription interface {
	Receive(ctx context.Context) (*message, error)
	Ack(m *message)
}

type notifier interface {
	WaitForNotification(ctx context.Context) (string, error)
}

type pool interface {
	Conn() notifier
}

type queue interface {
	Receive(ctx context.Context, handle func(*message) error) error
	Close(ctx context.Context) error
}

type namespace interface {
	NewQueue(name string) (queue, error)
}

func handle(m *message) error { return nil }

// A subscriber that logs a failed receive and goes round: reported.
func consume(ctx context.Context, sub subscription) {
	for { // want `event loop goes round again right after Receive fails, with no wait`
		msg, err := sub.Receive(ctx)
		if err != nil {
			log.Printf("receive: %v", err)
			continue
		}
		if err := handle(msg); err != nil {
			log.Printf("handle: %v", err)
			continue
		}
		sub.Ack(msg)
	}
}

// A listener whose Accept error is thrown away: reported (a closed
// listener or EMFILE fails every call).
func serveSFTP(ln net.Listener, serve func(net.Conn)) {
	go func() {
		for { // want `event loop goes round again right after Accept fails`
			conn, _ := ln.Accept()
			if conn != nil {
				go serve(conn)
			}
		}
	}()
}

// LISTEN/NOTIFY on a dedicated connection, checking for cancellation but
// not waiting: reported (a dropped connection fails at once until the
// process stops).
func listen(ctx context.Context, p pool, onNotify func(string)) {
	for { // want `event loop goes round again right after WaitForNotification fails`
		select {
		case <-ctx.Done():
			return
		default:
		}
		c := p.Conn()
		if n, err := c.WaitForNotification(ctx); err == nil {
			onNotify(n)
		}
	}
}

type gateway struct {
	ctx    context.Context
	ns     namespace
	q      queue
	closed bool
}

// Recreating the queue client on error without a pause hammers the
// broker: reported.
func (g *gateway) run() {
	for { // want `event loop goes round again right after Receive fails`
		if g.closed {
			break
		}
		if err := g.q.Receive(g.ctx, handle); err != nil {
			log.Printf("receive from queue: %v, recovering", err)
			if err := g.q.Close(g.ctx); err != nil {
				log.Printf("close queue: %v", err)
			}
			q, err := g.ns.NewQueue("events")
			if err != nil {
				log.Printf("new queue: %v", err)
				continue
			}
			g.q = q
		}
	}
}

// Not reported: the failure path waits before the next receive.
func consumePaced(ctx context.Context, sub subscription) {
	delay := 100 * time.Millisecond
	for {
		msg, err := sub.Receive(ctx)
		if err != nil {
			log.Printf("receive: %v", err)
			time.Sleep(delay)
			delay = min(2*delay, 30*time.Second)
			continue
		}
		delay = 100 * time.Millisecond
		_ = handle(msg)
	}
}

// Not reported: a failed receive ends the loop (the supervisor restarts it).
func consumeOrFail(ctx context.Context, sub subscription) error {
	for {
		msg, err := sub.Receive(ctx)
		if err != nil {
			return err
		}
		_ = handle(msg)
	}
}

// Not reported: the loop leaves once the listener is closed, the one
// failure that repeats forever, as net/http's Serve does.
func acceptUntilClosed(ln net.Listener, serve func(net.Conn)) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			log.Printf("accept: %v", err)
			continue
		}
		go serve(conn)
	}
}

// Not reported: the loop is paced by a channel; a failed handling of one
// job is not retried, the next job is taken.
func work(jobs <-chan *message) {
	for {
		m := <-jobs
		if err := handle(m); err != nil {
			log.Printf("job: %v", err)
		}
	}
}

// Not reported: each call handles a different item (the argument changes
// every iteration); there is no receive that could fail forever.
func drain(items []*message) {
	i := 0
	for {
		if i == len(items) {
			return
		}
		if err := handle(items[i]); err != nil {
			log.Printf("item %d: %v", i, err)
		}
		i++
	}
}

// The receive in the default clause of a select that checks for shutdown:
// still a spin while the subscription is broken. Reported.
func thumbnails(ctx context.Context, sub subscription) error {
	for { // want `event loop goes round again right after Receive fails`
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
			msg, err := sub.Receive(ctx)
			if err != nil {
				log.Printf("receive: %v", err)
				continue
			}
			id, err := parseID(msg)
			if err != nil {
				log.Printf("bad id: %v", err)
			}
			_ = handle(msg)
			sub.Ack(msg)
			_ = id
		}
	}
}

func parseID(m *message) (int, error) { return len(m.body), nil }

type evictionCache interface {
	SelectCandidate(now time.Time, slots int) string
}

type evictor interface {
	Evict(ctx context.Context, key string) error
}

// Each time round the loop picks a new candidate from the cache (and
// remembers the ones tried): a failed eviction is not retried. Not
// reported.
func evictAll(ctx context.Context, cache evictionCache, ev evictor, slots int) error {
	tried := make(map[string]bool)
	for {
		now := time.Now().UTC()
		key := cache.SelectCandidate(now, slots)
		if key == "" || tried[key] {
			return nil
		}
		tried[key] = true
		if err := ev.Evict(ctx, key); err != nil {
			log.Printf("evict %s: %v", key, err)
			continue
		}
	}
}

// A read error clears the loop's flag: the loop ends. Not reported.
func drainConn(conn net.Conn) {
	listening := true
	for listening {
		buf := make([]byte, 1024)
		_, err := conn.Read(buf)
		if err != nil {
			listening = false
		}
	}
}

// The same read, going round on the error: reported.
func pumpConn(conn net.Conn, out chan<- []byte) {
	for { // want `event loop goes round again right after Read fails`
		buf := make([]byte, 1024)
		n, err := conn.Read(buf)
		if err != nil {
			log.Printf("read: %v", err)
			continue
		}
		out <- buf[:n]
	}
}

// Handling a received job may wait (a rate limit on the thumbnailer);
// a failed receive goes round without: reported.
func thumbnailJobs(ctx context.Context, sub subscription, limit <-chan time.Time) {
	for { // want `event loop goes round again right after Receive fails`
		msg, err := sub.Receive(ctx)
		if err != nil {
			log.Printf("receive: %v", err)
			continue
		}
		<-limit
		_ = handle(msg)
		sub.Ack(msg)
	}
}

type mailbox interface {
	Scan(limit int, out chan<- string) error
}

// A scanner that logs a failed scan and then sleeps its interval like
// every round: paced. Not reported.
func scanMailbox(mb mailbox, out chan<- string, every time.Duration) {
	for {
		if err := mb.Scan(1000, out); err != nil {
			log.Printf("scan: %v", err)
		}
		time.Sleep(every)
	}
}
