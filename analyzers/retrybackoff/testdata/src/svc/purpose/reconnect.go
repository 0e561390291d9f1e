package purpose

import (
	"log"
	"sync"
	"time"
)

type amqpConn interface {
	NotifyClose(ch chan error) chan error
}

type channelPool struct {
	mu   sync.Mutex
	url  string
	conn amqpConn
	dial func(url string) (amqpConn, error)
}

// newChannelPool connects once per process; the connection keeper redials
// from its own close-notification goroutine. One connection per process at
// a fixed pace is a readiness poll: not reported.
func newChannelPool(url string, dial func(string) (amqpConn, error)) *channelPool {
	p := &channelPool{url: url, dial: dial}
	p.connect()
	return p
}

func (p *channelPool) connect() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		conn, err := p.dial(p.url)
		if err != nil {
			log.Printf("amqp: dial: %v", err)
			time.Sleep(time.Second)
			continue
		}
		p.conn = conn
		closed := conn.NotifyClose(make(chan error))
		go func() {
			for range closed {
				p.connect()
			}
		}()
		break
	}
}

// The same keeper also called from a request handler redials for each
// request that finds it down: reported.
type sessionPool struct {
	url  string
	dial func(url string) (amqpConn, error)
}

func (p *sessionPool) redial() {
	for { // want `retry loop waits the same fixed delay between attempts`
		conn, err := p.dial(p.url)
		if err != nil {
			log.Printf("amqp: dial: %v", err)
			time.Sleep(time.Second)
			continue
		}
		closed := conn.NotifyClose(make(chan error))
		go func() {
			for range closed {
				p.redial()
			}
		}()
		return
	}
}

func (p *sessionPool) HandlePublish() { p.redial() }
