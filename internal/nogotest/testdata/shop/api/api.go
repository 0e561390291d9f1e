// Package api is the application half of the nogo test: it imports store
// and is analyzed second.
package api

import (
	"context"
	"net/http"

	"example.com/shop/store"
)

const dsn = "postgres://shop:Wq7pZr3t9LxK2mVb@db.internal:5432/shop?sslmode=require"

type Server struct {
	store  *store.Store
	client *http.Client
}

func NewServer(s *store.Store) *Server {
	return &Server{store: s, client: &http.Client{}}
}

func (s *Server) handleOrder(w http.ResponseWriter, r *http.Request) {
	status, err := s.store.LoadOrder(42)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write([]byte(status))
}

func (s *Server) handlePay(w http.ResponseWriter, r *http.Request) {
	if err := s.pay(r.Context(), 42); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// pay marks the order paid and releases the stock held for it: two writes
// of one order, each committed on its own.
func (s *Server) pay(ctx context.Context, orderID int64) error {
	if err := s.store.MarkPaid(ctx, orderID); err != nil {
		return err
	}
	return s.store.ReleaseStock(ctx, orderID)
}

func (s *Server) notify(ctx context.Context, url string) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
		if rerr != nil {
			return rerr
		}
		resp, derr := s.client.Do(req)
		if derr == nil {
			resp.Body.Close()
			return nil
		}
		err = derr
	}
	return err
}
