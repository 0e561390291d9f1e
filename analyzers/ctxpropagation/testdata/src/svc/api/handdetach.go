package api

import (
	"bytes"
	"context"
	"log"
	"net/http"
)

// A span, as a tracing library would carry it in a context.
type span struct{ id string }

type spanKey struct{}

func spanFrom(ctx context.Context) *span { // want spanFrom:`inertContext\(\[0\]\)`
	s, _ := ctx.Value(spanKey{}).(*span)
	return s
}

func withSpan(ctx context.Context, s *span) context.Context {
	return context.WithValue(ctx, spanKey{}, s)
}

type logoutTask struct{ url, token string }

// Back-channel logouts are sent after the response, in goroutines, each
// with a fresh root that keeps the request's span: context.WithoutCancel
// written by hand, a deliberate detach (hydra's logout notifications).
func (s *Server) notifyLogout(w http.ResponseWriter, r *http.Request, tasks []logoutTask) {
	ctx := r.Context()
	sp := spanFrom(ctx)
	send := func(t logoutTask) {
		req, err := http.NewRequestWithContext(withSpan(context.Background(), sp), "POST", t.url, bytes.NewBufferString(t.token))
		if err != nil {
			return
		}
		if res, err := s.http.Do(req); err == nil {
			res.Body.Close()
		}
	}
	for _, t := range tasks {
		go send(t)
	}
	w.WriteHeader(http.StatusNoContent)
}

// The same copy of one value, written with context.WithValue.
func (s *Server) audit(ctx context.Context, event string) { // want audit:`inertContext\(\[0\]\)`
	go s.record(context.WithValue(context.Background(), spanKey{}, ctx.Value(spanKey{})), event)
}

func (s *Server) record(ctx context.Context, event string) {
	_, _ = s.db.ExecContext(ctx, "INSERT INTO audit(event) VALUES ($1)", event)
}

// A goroutine kept in a variable and started with go: a bare fresh root
// drops the request's values, and the advice is WithoutCancel.
func (s *Server) warmCaches(ctx context.Context, keys []string) {
	warm := func(k string) {
		if _, err := s.db.ExecContext(context.Background(), "SELECT warm($1)", k); err != nil { // want `context\.Background\(\) in a goroutine started where ctx is in scope drops its values`
			log.Print(err)
		}
	}
	for _, k := range keys {
		go warm(k)
	}
}

// A value that does not come from the context in scope does not make a
// detach: the fresh root is dropped as usual.
func (s *Server) tagged(ctx context.Context, event string) {
	s.record(withSpan(context.Background(), &span{id: event}), event) // want `context\.Background\(\) ignores ctx, which is in scope`
}
