// Package api serves the reader over HTTP: every handler has r.Context()
// and calls the context-less storage layer, directly or through the
// validator. Those calls are one finding, at the first; the fetcher's is
// its own, and so is a direct drop.
package api

import (
	"context"
	"fmt"
	"net/http"

	"example.com/svc/layer/fetcher"
	"example.com/svc/layer/storage"
	"example.com/svc/layer/validator"
)

type Handler struct{ store *storage.Storage }

func (h *Handler) ShowUser(w http.ResponseWriter, r *http.Request) {
	u, err := h.store.UserByID(1) // want `package example\.com/svc/layer/storage is a context-less layer, 6 of its functions do I/O without a context \(1 take one\), and this package reaches it through 5 functions \(here storage\.Storage\.UserByID: it calls sql\.DB\.QueryRow instead of QueryRowContext\) from 6 call sites that have a context in scope \(first: handlers\.go:20, with r\.Context\(\)\), whose deadline and cancellation never reach that I/O; give the layer's functions a ctx parameter and pass the callers' contexts`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprint(w, u.Name)
}

func (h *Handler) CreateFeed(w http.ResponseWriter, r *http.Request) {
	url := r.FormValue("url")
	if err := validator.ValidateFeedCreation(h.store, 1, url); err != nil { // layer call site
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	body, _ := fetcher.Fetch(url) // want `fetcher\.Fetch does its I/O without a context \(it calls http\.Get, which takes no context\), so the deadline and cancellation of r\.Context\(\), which is in scope, do not reach it; add a ctx parameter to it and pass r\.Context\(\)`
	_ = body
	if err := h.store.CreateFeed(1, url); err != nil { // layer call site
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (h *Handler) MarkAllAsRead(w http.ResponseWriter, r *http.Request) {
	_ = h.store.MarkAllAsRead(1) // layer call site
	go func() {
		_, _ = h.store.UserByID(1) // a goroutine outlives the request: not a call site
	}()
	_, _ = h.store.UserByName(r.FormValue("name")) // layer call site
	_ = context.TODO()                             // want `context\.TODO\(\) ignores r\.Context\(\)`
}

// Cached reads through the cache method, which takes the context: fine.
func (h *Handler) Cached(ctx context.Context, key string) ([]byte, error) {
	_, _ = h.store.UserByID(2) // layer call site
	return h.store.Get(ctx, key)
}
