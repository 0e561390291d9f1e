// Package store is a data layer written before contexts: none of its
// queries takes one. Handlers in package api call it, and so does a
// reconciler of its own that has a context.
package store

import (
	"context"
	"database/sql"
)

type Users struct{ db *sql.DB }

// Get is called twice from Reconcile: one finding, here, where the fix
// adds the ctx parameter, with the two calls as related locations.
func (u *Users) Get(id int64) (string, error) { // want Get:`noContextIO\(calls sql\.DB\.QueryRow instead of QueryRowContext\)` `store\.Users\.Get does its I/O without a context \(it calls sql\.DB\.QueryRow instead of QueryRowContext\) and is called from 2 call sites that have a context in scope \(first: users\.go:39, with ctx\), whose deadline and cancellation do not reach it; add a ctx parameter to it and pass each caller's context`
	var name string
	err := u.db.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

// Touch is only called from package api: nothing is reported here.
func (u *Users) Touch(id int64) error { // want Touch:`noContextIO\(calls sql\.DB\.Exec instead of ExecContext\)`
	_, err := u.db.Exec("UPDATE users SET seen_at = now() WHERE id = $1", id)
	return err
}

// Archive's finding is suppressed where it is reported, and with it its
// call site.
//
//resilint:ignore ctxpropagation the archive row must be written even when the request is cancelled
func (u *Users) Archive(id int64) error { // want Archive:`noContextIO\(calls sql\.DB\.Exec instead of ExecContext\)`
	_, err := u.db.Exec("INSERT INTO archived_users SELECT * FROM users WHERE id = $1", id)
	return err
}

// Reconcile has a context and reaches Get and Archive.
func (u *Users) Reconcile(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if _, err := u.Get(id); err != nil { // call site
			return err
		}
	}
	if err := u.Archive(ids[0]); err != nil { // call site
		return err
	}
	_, err := u.Get(0) // call site
	return err
}
