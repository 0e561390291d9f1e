// Package txn applies transactions to the key index: it compares keys
// through kv.ReadView, whose implementations are all in-memory scans.
package txn

import (
	"context"

	"example.com/svc/mvcc/kv"
)

type Compare struct{ Key, End string }

// compareToPath takes no context: the apply path must be deterministic,
// and cancelling a compare would turn it into a wrong branch.
func compareToPath(rv kv.ReadView, cmps []Compare) []bool {
	var path []bool
	for _, c := range cmps {
		keys, err := rv.Range(context.TODO(), c.Key, c.End)
		path = append(path, err == nil && len(keys) > 0)
	}
	return path
}

// Txn has a context and calls compareToPath: its fresh context reaches
// only scans that poll it, so nothing is dropped.
func Txn(ctx context.Context, rv kv.ReadView, cmps []Compare) ([]bool, error) { // want Txn:`inertContext\(\[0\]\)`
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	path := compareToPath(rv, cmps)
	keys, err := rv.Range(context.Background(), "a", "z")
	_ = keys
	return path, err
}

// Reported: one of kv.Lister's implementations queries the database.
func Prefixes(ctx context.Context, l kv.Lister) ([]string, error) {
	return l.List(context.Background(), "user/") // want `context\.Background\(\) ignores ctx, which is in scope`
}

// Reported: kv.Counter's one implementation here discards its context.
func Count(ctx context.Context, c kv.Counter) (int, error) {
	return c.Count(context.TODO(), "hits") // want `context\.TODO\(\) ignores ctx, which is in scope`
}

// Reported: nothing in sight implements kv.Fetcher.
func Fetch(ctx context.Context, f kv.Fetcher) ([]byte, error) {
	return f.Fetch(context.Background(), "blob") // want `context\.Background\(\) ignores ctx, which is in scope`
}
