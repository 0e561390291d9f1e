// Package api calls the context-less store from handlers: each callee is
// reported once, at its first call in this package, with the others as
// related locations. Direct drops stay one finding each.
package api

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"example.com/svc/grouped/store"
)

type Handler struct{ users *store.Users }

func (h *Handler) Show(w http.ResponseWriter, r *http.Request) {
	name, _ := h.users.Get(1) // want `store\.Users\.Get does its I/O without a context \(it calls sql\.DB\.QueryRow instead of QueryRowContext\), so the deadline and cancellation of r\.Context\(\), which is in scope, do not reach it, here or at 2 more call sites in this package; add a ctx parameter to it and pass r\.Context\(\)`
	_ = h.users.Touch(1)      // want `store\.Users\.Touch does its I/O without a context \(it calls sql\.DB\.Exec instead of ExecContext\), so the deadline and cancellation of r\.Context\(\), which is in scope, do not reach it; add a ctx parameter to it and pass r\.Context\(\)`
	fmt.Fprint(w, name)
}

func (h *Handler) Edit(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context\.Background\(\) ignores r\.Context\(\)`
	defer cancel()
	_ = ctx
	_, _ = h.users.Get(2) // call site
	go func() {
		_, _ = h.users.Get(3) // a goroutine outlives the request: not a call site
	}()
	_ = context.TODO() // want `context\.TODO\(\) ignores r\.Context\(\)`
}
