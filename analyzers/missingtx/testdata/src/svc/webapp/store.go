// Package webapp is a small feed-reader service in the shape of real
// ones: a storage layer on database/sql without a context, HTTP handlers
// and middleware built by constructors, a worker pool and a scheduler.
package webapp

import (
	"database/sql"
	"fmt"
	"time"
)

type Store struct{ db *sql.DB }

func (s *Store) SetEntryStatus(userID, entryID int64, status string) error { // want SetEntryStatus:"writes"
	_, err := s.db.Exec(`UPDATE entries SET status = $1 WHERE user_id = $2 AND id = $3`, status, userID, entryID)
	return err
}

func (s *Store) UpdatePassword(userID int64, hash string) error { // want UpdatePassword:"writes"
	_, err := s.db.Exec(`UPDATE users SET password = $1 WHERE id = $2`, hash, userID)
	return err
}

func (s *Store) RevokeSessions(userID int64, keep string) error { // want RevokeSessions:"writes"
	_, err := s.db.Exec(`DELETE FROM sessions WHERE user_id = $1 AND token <> $2`, userID, keep)
	return err
}

func (s *Store) RemoveFeed(userID, feedID int64) error { // want RemoveFeed:"writes"
	_, err := s.db.Exec(`DELETE FROM feeds WHERE user_id = $1 AND id = $2`, userID, feedID)
	return err
}

func (s *Store) RefreshFeed(feedID int64) error { // want RefreshFeed:"writes"
	_, err := s.db.Exec(`UPDATE feeds SET checked_at = now() WHERE id = $1`, feedID)
	return err
}

func (s *Store) CleanSessions(olderThan time.Duration) error { // want CleanSessions:"writes"
	_, err := s.db.Exec(`DELETE FROM sessions WHERE created_at < now() - $1::interval`, olderThan.String())
	return err
}

// Neighbours reads the entries before and after one in a read-only
// transaction, so that both come from the same snapshot: it writes
// nothing, and its callers must not count it.
func (s *Store) Neighbours(userID, entryID int64, order string) (prev, next int64, err error) {
	tx, err := s.db.Begin()
	if err != nil {
		return 0, 0, err
	}
	q := fmt.Sprintf(`SELECT lag(id) OVER w, lead(id) OVER w FROM entries WHERE user_id = $1 WINDOW w AS (ORDER BY %s)`, order)
	if err := tx.QueryRow(q, userID).Scan(&prev, &next); err != nil {
		tx.Rollback()
		return 0, 0, err
	}
	if err := tx.QueryRow(`SELECT count(*) FROM entries WHERE id = $1`, entryID).Scan(new(int)); err != nil {
		tx.Rollback()
		return 0, 0, err
	}
	return prev, next, tx.Commit()
}

// A snapshot read whose commit error is dropped: nothing is lost.
func (s *Store) CountBoth(userID int64) (feeds, entries int, err error) {
	tx, err := s.db.Begin()
	if err != nil {
		return 0, 0, err
	}
	defer tx.Rollback()
	if err := tx.QueryRow(`SELECT count(*) FROM feeds WHERE user_id = $1`, userID).Scan(&feeds); err != nil {
		return 0, 0, err
	}
	if err := tx.QueryRow(`SELECT count(*) FROM entries WHERE user_id = $1`, userID).Scan(&entries); err != nil {
		return 0, 0, err
	}
	tx.Commit()
	return feeds, entries, nil
}

// The same with a write: the dropped commit error loses it.
func (s *Store) CountAndMark(userID int64) (feeds int, err error) { // want CountAndMark:"atomic"
	tx, err := s.db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	if err := tx.QueryRow(`SELECT count(*) FROM feeds WHERE user_id = $1`, userID).Scan(&feeds); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(`UPDATE users SET counted_at = now() WHERE id = $1`, userID); err != nil {
		return 0, err
	}
	tx.Commit() // want `the error of Commit is discarded`
	return feeds, nil
}

// CreateFeed inserts with RETURNING in its own transaction: one atomic
// write.
func (s *Store) CreateFeed(userID int64, url string) (int64, error) { // want CreateFeed:"atomic"
	tx, err := s.db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRow(`INSERT INTO feeds (user_id, url) VALUES ($1, $2) RETURNING id`, userID, url).Scan(&id); err != nil {
		return 0, err
	}
	return id, tx.Commit()
}

// Retried writes through a helper that runs its callback on the spot: the
// callback's write is the function's.
func (s *Store) Touch(userID int64) error { // want Touch:"writes"
	return retry(3, func() error {
		_, err := s.db.Exec(`UPDATE users SET seen_at = now() WHERE id = $1`, userID)
		return err
	})
}

func retry(n int, f func() error) (err error) {
	for range n {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}
