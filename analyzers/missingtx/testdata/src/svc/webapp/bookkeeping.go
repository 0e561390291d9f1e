package webapp

import (
	"errors"
	"log/slog"
	"net/http"
	"os"
	"time"
)

func (s *Store) SetLastLogin(userID int64) error { // want SetLastLogin:"writes"
	_, err := s.db.Exec(`UPDATE users SET last_login_at = now() WHERE id = $1`, userID)
	return err
}

func (s *Store) CreateSession(userID int64, token string) error { // want CreateSession:"writes"
	_, err := s.db.Exec(`INSERT INTO sessions (user_id, token) VALUES ($1, $2)`, userID, token)
	return err
}

func (s *Store) ArchiveEntries(status string, age time.Duration) (int64, error) { // want ArchiveEntries:"writes"
	res, err := s.db.Exec(`UPDATE entries SET status = 'removed' WHERE status = $1 AND published_at < now() - $2::interval`, status, age.String())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// The last-login time is bookkeeping: its error is ignored, so logging in
// does not depend on it, and the session is the only write that matters.
func (h *handler) login(w http.ResponseWriter, r *http.Request, uid int64) { // want login:"writes"
	h.store.SetLastLogin(uid)
	if err := h.store.CreateSession(uid, r.FormValue("token")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
}

// Logged and carried on: the author accepts each write without the
// others.
func (h *handler) loginLogged(w http.ResponseWriter, r *http.Request, uid int64) { // want loginLogged:"writes"
	if err := h.store.SetLastLogin(uid); err != nil {
		slog.Warn("unable to update the last login time", slog.Any("error", err))
	}
	err := h.store.CreateSession(uid, r.FormValue("token"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
}

// Independent maintenance tasks, each logged on failure.
func cleanup(store *Store) { // want cleanup:"writes"
	if err := store.CleanSessions(30 * 24 * time.Hour); err != nil {
		slog.Error("unable to clean old sessions", slog.Any("error", err))
	}
	if n, err := store.ArchiveEntries("read", 60*24*time.Hour); err != nil {
		slog.Error("unable to archive read entries", slog.Any("error", err))
	} else {
		slog.Info("archived read entries", slog.Int64("count", n))
	}
	if _, err := store.ArchiveEntries("unread", 180*24*time.Hour); err != nil {
		slog.Error("unable to archive unread entries", slog.Any("error", err))
	}
}

// The same writes where each failure aborts: the author wants all of them,
// so a failure in the middle leaves the others done.
func cleanupStrict(store *Store) error { // want cleanupStrict:"writes"
	if err := store.CleanSessions(30 * 24 * time.Hour); err != nil { // want `2 writes on one path run outside a transaction \(CleanSessions here, ArchiveEntries at line 73\)`
		return err
	}
	if _, err := store.ArchiveEntries("read", 60*24*time.Hour); err != nil {
		return errors.Join(errors.New("archiving"), err)
	}
	return nil
}

// A bare statement on the database itself still counts: ignoring the
// error of a write is a bug of its own, and the pair is not atomic.
func (s *Store) Transfer(from, to int64, amount int) { // want Transfer:"writes"
	s.db.Exec(`UPDATE accounts SET balance = balance - $1 WHERE id = $2`, amount, from) // want `2 writes on one path run outside a transaction`
	s.db.Exec(`UPDATE accounts SET balance = balance + $1 WHERE id = $2`, amount, to)
}

// A command-line password reset: each failure ends the process through a
// helper that exits, so both writes are wanted, and a failure of the second
// leaves the old sessions alive with the new password.
func resetPassword(store *Store, uid int64, hash string) { // want resetPassword:"writes"
	if err := store.UpdatePassword(uid, hash); err != nil { // want `2 writes on one path run outside a transaction \(UpdatePassword here, RevokeSessions at line 93\)`
		fail(err)
	}
	if err := store.RevokeSessions(uid, ""); err != nil {
		fail(err)
	}
}

func fail(err error) {
	slog.Error("reset failed", slog.Any("error", err))
	os.Exit(1)
}

// Logged with an else for the success path: the failure still carries on.
func archiveAll(store *Store) { // want archiveAll:"writes"
	if n, err := store.ArchiveEntries("read", time.Hour); err != nil {
		slog.Error("unable to archive read entries", slog.Any("error", err))
	} else {
		slog.Info("archived", slog.Int64("count", n))
	}
	if err := store.CleanSessions(time.Hour); err != nil {
		return
	}
}
