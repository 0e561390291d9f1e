// Package kv is an in-memory multi-version key index behind interfaces,
// the way etcd's mvcc package hides its read views and transactions: every
// implementation of ReadView here only polls its context between keys.
package kv

import (
	"context"
	"database/sql"
	"errors"
	"sort"
)

// ReadView reads the index at one revision.
type ReadView interface {
	Range(ctx context.Context, key, end string) ([]string, error)
}

// TxnRead is a read transaction; a read view opens one per call.
type TxnRead interface {
	ReadView
	End()
}

// KV hands out read transactions.
type KV interface {
	Read() TxnRead
}

type index struct{ keys []string }

// storeTxnRead scans the sorted keys, stopping early once the context is
// cancelled: the context is a flag, nothing in the scan waits.
type storeTxnRead struct{ ix *index }

func (tr *storeTxnRead) Range(ctx context.Context, key, end string) ([]string, error) { // want Range:`inertContext\(\[0\]\)`
	i := sort.SearchStrings(tr.ix.keys, key)
	var out []string
	for ; i < len(tr.ix.keys) && tr.ix.keys[i] < end; i++ {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		default:
		}
		out = append(out, tr.ix.keys[i])
	}
	return out, nil
}

func (tr *storeTxnRead) End() {}

// readView opens a transaction per read and passes the context on to it.
type readView struct{ kv KV }

func (rv readView) Range(ctx context.Context, key, end string) ([]string, error) { // want Range:`inertContext\(\[0\]\)`
	tr := rv.kv.Read()
	defer tr.End()
	return tr.Range(ctx, key, end)
}

// metricsTxn counts the reads of the transaction it wraps.
type metricsTxn struct {
	TxnRead
	ranges int
}

func (m *metricsTxn) Range(ctx context.Context, key, end string) ([]string, error) { // want Range:`inertContext\(\[0\]\)`
	m.ranges++
	return m.TxnRead.Range(ctx, key, end)
}

type store struct{ ix *index }

func (s *store) Read() TxnRead { return &metricsTxn{TxnRead: &storeTxnRead{ix: s.ix}} }

// NewReadView returns a view of a new, empty store.
func NewReadView() ReadView { return readView{kv: &store{ix: &index{}}} }

// Lister lists rows; one of its implementations queries a database, so a
// fresh context given to it drops a deadline that would stop the query.
type Lister interface {
	List(ctx context.Context, prefix string) ([]string, error)
}

type cachedLister struct{ rows []string }

func (l *cachedLister) List(ctx context.Context, prefix string) ([]string, error) { // want List:`inertContext\(\[0\]\)`
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return l.rows, nil
}

type sqlLister struct{ db *sql.DB }

func (l *sqlLister) List(ctx context.Context, prefix string) ([]string, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT k FROM kv WHERE k LIKE $1 || '%'", prefix)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// loggingLister forwards to another Lister: it is as inert as the
// Listers are, which sqlLister is not.
type loggingLister struct {
	next  Lister
	calls int
}

func (l *loggingLister) List(ctx context.Context, prefix string) ([]string, error) {
	l.calls++
	return l.next.List(ctx, prefix)
}

// Warm fills a cache from whichever Lister it is given.
func Warm(ctx context.Context, l Lister) ([]string, error) {
	return l.List(context.Background(), "") // want `context\.Background\(\) ignores ctx, which is in scope`
}

// Counter's only implementation here is a stand-in that discards its
// context: the real one lives in another package, out of sight.
type Counter interface {
	Count(ctx context.Context, key string) (int, error)
}

type nopCounter struct{}

func (nopCounter) Count(_ context.Context, key string) (int, error) {
	return 0, errors.New("no counter")
}

// Fetcher is a port: nothing here implements it.
type Fetcher interface {
	Fetch(ctx context.Context, key string) ([]byte, error)
}
