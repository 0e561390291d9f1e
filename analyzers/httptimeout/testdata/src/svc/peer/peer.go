// Package peer calls the client package's functions that leave their
// requests' deadline to the caller: each call is judged by the context it
// passes.
package peer

import (
	"context"
	"net/http"
	"time"

	"example.com/svc/client"
)

type Server struct {
	peers      []string
	reqTimeout time.Duration
}

// Bounded here (etcd's LeaseRenew around leasehttp.RenewHTTP).
func (s *Server) Renew(ctx context.Context) error {
	for _, p := range s.peers {
		cctx, cancel := context.WithTimeout(ctx, s.reqTimeout)
		err := client.Fetch(cctx, p+"/leases/renew")
		cancel()
		if err == nil {
			return nil
		}
	}
	return context.DeadlineExceeded
}

// Bounded through WithCancel of a bounded context.
func (s *Server) Hashes(parent context.Context) []string {
	tctx, cancel := context.WithDeadline(parent, time.Now().Add(s.reqTimeout))
	defer cancel()
	ctx, stop := context.WithCancel(tctx)
	defer stop()
	return client.PeerHashesFrom(ctx, s.peers)
}

// Bounded by every caller of an unexported helper.
func (s *Server) Sync(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	syncOne(ctx, s.peers[0])
}

func syncOne(ctx context.Context, url string) {
	_ = client.Fetch(ctx, url)
}

// A request's context has no deadline: the handler waits as long as the
// remote server does (gitea's captcha check inside a login handler).
func (s *Server) Login(w http.ResponseWriter, r *http.Request) {
	if err := client.Fetch(r.Context(), "https://captcha.example.com/verify"); err != nil { // want `client.Fetch sends an HTTP request with no timeout other than this context, which has no deadline: a slow server blocks this call forever; pass a context from context.WithTimeout`
		http.Error(w, "captcha", http.StatusForbidden)
	}
}

// The caller's own context parameter: its deadline is not known here.
func Verify(ctx context.Context, token string) bool {
	resp, err := client.Send(ctx, "https://captcha.example.com/"+token) // want `client.Send sends an HTTP request`
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// Cancellation without a deadline does not bound the wait.
func (s *Server) Watch() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_ = client.PeerHashesFrom(ctx, s.peers) // want `client.PeerHashesFrom sends an HTTP request`
}
