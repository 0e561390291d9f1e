package bound

import (
	"context"
	"net/http"
	"net/http/httptest"
)

// A self-check that serves a synthetic request: the request carries ctx
// from the expression that builds it.
func Probe(ctx context.Context, h http.Handler) int {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil).WithContext(ctx))
	return rec.Code
}

func ProbeBare(ctx context.Context, h http.Handler) int {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil)) // want `httptest\.NewRequest ignores ctx`
	return rec.Code
}
