// Package release runs the announcers through an interface, under the
// context whose deadline bounds the release.
package release

import (
	"context"
	"time"

	"example.com/svc/release/ctxpkg"
	"example.com/svc/release/pipes"
)

type Announcer interface {
	Announce(ctx *ctxpkg.Context) error
}

func Run(ctx *ctxpkg.Context, as []Announcer) error {
	for _, a := range as {
		if err := a.Announce(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Direct calls of a delegating method are judged by the context they pass.
func Check(url string) error {
	d := pipes.Discord{URL: url}
	if err := d.Ping(context.Background()); err != nil { // want `pipes.Discord.Ping sends an HTTP request with no timeout other than this context, which has no deadline`
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return d.Ping(ctx)
}

// Through a method that passes its context on.
func CheckTwice(url string) error {
	d := pipes.Discord{URL: url}
	return d.PingAll(context.TODO(), 2) // want `pipes.Discord.PingAll sends an HTTP request with no timeout other than this context, which has no deadline`
}
