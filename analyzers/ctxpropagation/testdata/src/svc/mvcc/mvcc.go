// Package mvcc is a key-value store whose helpers take a context as a
// flag ("was the scheduler stopped?") or to stop in-memory scans, and
// whose callers pass a fresh one where they mean "now".
package mvcc

import (
	"context"
	"database/sql"

	"example.com/svc/mvcc/postings"
)

type store struct {
	db    *sql.DB
	stopc chan struct{}
	ix    *postings.Index
	sched chan func(context.Context)
}

// compactBarrier closes the barrier unless the job's context was
// cancelled, in which case it reschedules itself: the context is a flag.
func (s *store) compactBarrier(ctx context.Context, ch chan struct{}) { // want compactBarrier:`inertContext\(\[0\]\)`
	if ctx == nil || ctx.Err() != nil {
		select {
		case <-s.stopc:
		default:
			s.sched <- func(ctx context.Context) { s.compactBarrier(ctx, ch) }
		}
		return
	}
	close(ch)
}

// poll returns whether the context is done, without waiting.
func poll(ctx context.Context) bool { // want poll:`inertContext\(\[0\]\)`
	sub, cancel := context.WithCancel(ctx)
	defer cancel()
	select {
	case <-sub.Done():
		return true
	default:
		return false
	}
}

func (s *store) compact(ctx context.Context, rev int64) (<-chan struct{}, error) {
	ch := make(chan struct{})
	if _, err := s.db.ExecContext(ctx, "DELETE FROM kv WHERE rev < $1", rev); err != nil {
		// Close the barrier now: TODO means "not cancelled".
		s.compactBarrier(context.TODO(), ch)
		return ch, err
	}
	if poll(context.Background()) {
		return nil, nil
	}
	s.sched <- func(ctx context.Context) { s.compactBarrier(ctx, ch) }
	return ch, nil
}

// staleRefs scans the in-memory postings with no deadline: nothing in it
// waits, so it does its I/O without a context only if something it calls
// does.
func (s *store) staleRefs() ([]uint64, error) {
	return s.ix.Scan(context.Background(), func(uint64) bool { return true })
}

func (s *store) allRefs() postings.List {
	return s.ix.Postings(context.Background(), "")
}

// CompactStale has a context and calls the context-less scans: no report,
// since their fresh contexts reach nothing that waits.
func (s *store) CompactStale(ctx context.Context) error {
	refs, err := s.staleRefs()
	if err != nil {
		return err
	}
	_ = s.allRefs()
	_, err = s.db.ExecContext(ctx, "DELETE FROM series WHERE ref = ANY($1)", refs)
	return err
}

// A context that is checked and then used for I/O is not inert.
func (s *store) purge(ctx context.Context) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	_, err := s.db.ExecContext(ctx, "DELETE FROM kv WHERE tombstone")
	return err
}

// waitLoaded blocks on the index with a fresh context: that wait cannot be
// cancelled.
func (s *store) waitLoaded(loaded <-chan struct{}) error { // want waitLoaded:`noContextIO\(passes context\.Background\(\) to postings\.Index\.Wait\)` `mvcc\.store\.waitLoaded does its I/O without a context`
	return s.ix.Wait(context.Background(), loaded)
}

func (s *store) Restore(ctx context.Context, loaded <-chan struct{}) error {
	if err := s.purge(context.TODO()); err != nil { // want `context\.TODO\(\) ignores ctx, which is in scope`
		return err
	}
	if err := s.ix.Wait(context.Background(), loaded); err != nil { // want `context\.Background\(\) ignores ctx, which is in scope`
		return err
	}
	return s.waitLoaded(loaded) // reported at the declaration
}

// keep stores its context: what it is used for later is not known here.
type holder struct{ ctx context.Context }

func (h *holder) keep(ctx context.Context) { h.ctx = ctx }

func (s *store) Hold(ctx context.Context, h *holder) {
	h.keep(context.Background()) // want `context\.Background\(\) ignores ctx, which is in scope`
}
