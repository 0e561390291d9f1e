// Package ctxpkg is a release tool's own context: it embeds a
// context.Context and carries the configuration (goreleaser's
// pkg/context).
package ctxpkg

import (
	"context"
	"time"
)

type Context struct {
	context.Context
	Config map[string]string
}

// WrapWithTimeout bounds the whole release: every step runs under it.
func WrapWithTimeout(parent context.Context, d time.Duration) (*Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(parent, d)
	return &Context{Context: ctx}, cancel
}
