// Package strict holds start-up readiness polls at a fixed pace, reported
// only with -retrybackoff.min-fixed-delay=0: they run once per process,
// from an init path or a constructor, and their delay is a second or
// more, or is read from configuration. Each is written after real code.
package strict

import (
	"context"
	"fmt"
	"log"
	"time"
)

type Cache interface{ Ping() error }

// A start-up check that pings the cache ten times, a second apart, and
// warns each time (gitea's cache and queue set-up).
func checkCache(c Cache) error {
	var err error
	for i := 0; i < 10; i++ { // want `^retry loop waits the same fixed delay between attempts: clients`
		if err = c.Ping(); err == nil {
			return nil
		}
		log.Printf("cache not ready, retrying: %v", err)
		time.Sleep(time.Second)
	}
	return fmt.Errorf("cache unreachable after 10 attempts: %w", err)
}

// DatabaseSettings is loaded from the operator's configuration file.
type DatabaseSettings struct {
	ConnectRetries int
	ConnectBackoff time.Duration
}

var Database DatabaseSettings

type DB interface{ PingContext(context.Context) error }

// Connects with the operator's retry count and delay, checking ctx
// (gitea's database start-up).
func connectDB(ctx context.Context, db DB) error {
	var err error
	for i := 0; i < Database.ConnectRetries; i++ { // want `^retry loop waits the same fixed delay between attempts: clients`
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		log.Printf("database not ready (%d/%d): %v", i+1, Database.ConnectRetries, err)
		time.Sleep(Database.ConnectBackoff)
	}
	return err
}

type KV interface{ Get(key string) error }

// A process waiting at start-up for the cluster to answer a read, once a
// second, logging every failure; it has no context to check, and the
// operator stops it with a signal (etcd's gRPC proxy). Only the fixed
// pace is reported in strict mode: the failures are visible.
func waitForCluster(kv KV) {
	for { // want `^retry loop waits the same fixed delay between attempts: clients`
		err := kv.Get("_")
		if err == nil {
			break
		}
		log.Printf("ordering recovery failed, retrying in 1s: %v", err)
		time.Sleep(time.Second)
	}
}

// The init path that runs the readiness polls, once per process.
func initServices(ctx context.Context, c Cache, db DB, kv KV) error {
	if err := checkCache(c); err != nil {
		return err
	}
	if err := connectDB(ctx, db); err != nil {
		return err
	}
	waitForCluster(kv)
	return nil
}
