package background

import (
	"context"
	"net"
	"net/http"
	"strconv"
)

// NetworkAddress binds listeners, through a plugin when one is registered
// for its network (caddy's NetworkAddress.Listen): the result may be a
// stream listener or a packet conn.
type NetworkAddress struct {
	Network, Host string
	Port          int
}

// ListenerFunc is a listener plugin; it may keep its context.
type ListenerFunc func(ctx context.Context, network, addr string) (any, error)

var plugins = map[string]ListenerFunc{}

func (na NetworkAddress) Listen(ctx context.Context, portOffset int, cfg net.ListenConfig) (any, error) {
	addr := net.JoinHostPort(na.Host, strconv.Itoa(na.Port+portOffset))
	if p, ok := plugins[na.Network]; ok {
		return p(ctx, na.Network, addr)
	}
	return cfg.Listen(ctx, na.Network, addr)
}

// replaceAdminServer binds the admin socket with context.TODO(): the
// socket stays bound after the configuration in scope is unloaded.
func replaceAdminServer(ctx context.Context, addr NetworkAddress) error {
	h := newAdminHandler(ctx)
	ln, err := addr.Listen(context.TODO(), 0, net.ListenConfig{})
	if err != nil {
		return err
	}
	go http.Serve(ln.(net.Listener), h)
	var lc net.ListenConfig
	pc, err := lc.ListenPacket(context.Background(), "udp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	return pc.Close()
}

// newAdminHandler keeps the configuration's context for the handlers.
func newAdminHandler(ctx context.Context) http.Handler {
	return &adminHandler{ctx: ctx}
}

type adminHandler struct{ ctx context.Context }

func (h *adminHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.ctx.Err() != nil {
		http.Error(w, "configuration unloaded", http.StatusServiceUnavailable)
	}
}

// ListenForEvents is no bind: it waits for events until its context ends.
func ListenForEvents(ctx context.Context, events <-chan string) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e := <-events:
			_ = e
		}
	}
}

func watchEvents(ctx context.Context, events <-chan string) error {
	var d net.Dialer
	conn, err := d.DialContext(context.Background(), "tcp", "events:7000") // want `context\.Background\(\) ignores ctx, which is in scope`
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := fetchSchema(context.Background()); err != nil { // want `context\.Background\(\) ignores ctx, which is in scope`
		return err
	}
	return ListenForEvents(context.TODO(), events) // want `context\.TODO\(\) ignores ctx, which is in scope`
}

// fetchSchema returns a decoded document of any shape: not a listener.
func fetchSchema(ctx context.Context) (any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://events:7000/schema", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, resp.Body.Close()
}
