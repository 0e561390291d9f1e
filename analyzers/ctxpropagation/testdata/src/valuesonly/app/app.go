// Package app passes context.Background() to library functions: where the
// library only reads values from it, nothing is dropped.
package app

import (
	"context"

	"example.com/i18n"
)

type Server struct {
	src   i18n.Source
	ready chan struct{}
}

// Greet has a context. Fresh contexts given to value readers (the
// library's T and Tf, or the module's own locale) are not reported; those
// given to functions that honor cancellation are.
func (s *Server) Greet(ctx context.Context, names []string) string {
	msg := i18n.T(context.Background(), "hello")
	msg += i18n.Tf(context.TODO(), "count", len(names))
	msg += locale(context.Background())
	_, _ = i18n.Load(context.Background(), s.src, "en") // want `context\.Background\(\) ignores ctx`
	_ = i18n.Wait(context.Background(), s.ready)        // want `context\.Background\(\) ignores ctx`
	_ = i18n.Check(context.TODO(), names)               // want `context\.TODO\(\) ignores ctx`
	_ = label("bye")
	_ = catalogue(s.src)
	return msg
}

// locale, of the module, only reads a value from ctx.
func locale(ctx context.Context) string { // want locale:`inertContext\(\[0\]\)`
	if v, ok := ctx.Value("lang").(string); ok {
		return v
	}
	return "en"
}

// label gives a fresh context to a value reader: it does no I/O without a
// context, so Greet's call of it is not reported.
func label(key string) string { return i18n.T(context.Background(), key) }

// catalogue gives a fresh context to Load, which fetches with it.
func catalogue(src i18n.Source) error { // want catalogue:`noContextIO\(passes context\.Background\(\) to i18n\.Load\)` `app\.catalogue does its I/O without a context`
	_, err := i18n.Load(context.Background(), src, "en")
	return err
}
