package api

import (
	"net/http"

	"corp/app/store"
)

type Server struct{ users *store.Store }

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	_, _ = s.users.Load(1)         // want `store\.Store\.Load does its I/O without a context`
	_ = s.users.Bounded(1)         // self-bounded: no fact
	_, _ = store.Fetch("http://x") // want `store\.Fetch does its I/O without a context`
	_, _ = http.Get("http://x")    // want `http\.Get ignores r\.Context\(\)`
}
