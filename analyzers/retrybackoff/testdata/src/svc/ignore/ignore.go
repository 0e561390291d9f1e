// Package ignore holds findings suppressed by directives.
package ignore

import (
	"context"
	"database/sql"
	"time"
)

func Ping(ctx context.Context, db *sql.DB) error {
	var err error
	//resilint:ignore retrybackoff the sidecar proxy is local and restarts in under a second
	for i := 0; i < 3; i++ {
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	for i := 0; i < 3; i++ { //nolint:resilint // local proxy
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	//resilint:ignore httptimeout about another analyzer: still reported
	for i := 0; i < 3; i++ { // want `retry loop waits the same fixed delay`
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return err
}
