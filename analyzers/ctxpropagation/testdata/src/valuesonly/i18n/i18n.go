// Package i18n is a library (a versioned dependency of example.com/app):
// some functions take a context only to read the language from its
// values, others hand it to work that honors cancellation.
package i18n

import (
	"context"
	"fmt"
)

type langKey struct{}

// WithLang returns a context that carries lang.
func WithLang(ctx context.Context, lang string) context.Context {
	return context.WithValue(ctx, langKey{}, lang)
}

// T translates key into the language ctx carries: ctx is only read for a
// value.
func T(ctx context.Context, key string) string {
	lang, _ := ctx.Value(langKey{}).(string)
	return lang + ":" + key
}

// Tf formats a translation: ctx goes only to T.
func Tf(ctx context.Context, key string, args ...any) string {
	return fmt.Sprintf(T(ctx, key), args...)
}

// A Source fetches catalogues (over the network, in production).
type Source interface {
	Fetch(ctx context.Context, name string) ([]byte, error)
}

// Load fetches a catalogue: ctx reaches the fetch.
func Load(ctx context.Context, src Source, name string) ([]byte, error) {
	return src.Fetch(ctx, name)
}

// Wait returns when ctx is done or the catalogue is ready: it honors
// cancellation, so it is not a value reader.
func Wait(ctx context.Context, ready <-chan struct{}) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-ready:
		return nil
	}
}

// Check stops early once ctx is cancelled: a library that checks Err is
// not a value reader either.
func Check(ctx context.Context, names []string) int {
	n := 0
	for range names {
		if ctx.Err() != nil {
			break
		}
		n++
	}
	return n
}
