// Package strict holds fixed-pace retry loops that are reported only with
// -retrybackoff.min-fixed-delay=0: their delay is a second or more, or is
// read from configuration, so by default they are taken as a deliberate
// pace. Each is written after real code.
package strict

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
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

type Agent interface {
	Datacenter(ctx context.Context) (string, error)
}

// Asks the node-local agent for its datacenter every 15 seconds until it
// answers or the discoverer stops (Prometheus's Consul discovery).
func datacenter(ctx context.Context, a Agent) (string, error) {
	for { // want `^retry loop waits the same fixed delay between attempts: clients`
		dc, err := a.Datacenter(ctx)
		if err == nil {
			return dc, nil
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(15 * time.Second):
		}
	}
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

// A helper whose caller picks the pace (Prometheus's retryOnError).
func retryOnError(ctx context.Context, interval time.Duration, f func() error) error {
	var err error
	for { // want `^retry loop waits the same fixed delay between attempts: clients`
		if err = f(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(interval):
		}
	}
}

// A client whose retry delay is a configured field.
type Notifier struct {
	client     *http.Client
	retries    int
	retryDelay time.Duration
}

func (n *Notifier) Send(req *http.Request) error {
	var err error
	for i := 0; i < n.retries; i++ { // want `^retry loop waits the same fixed delay between attempts: clients`
		var resp *http.Response
		if resp, err = n.client.Do(req); err == nil {
			return resp.Body.Close()
		}
		time.Sleep(n.retryDelay)
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
