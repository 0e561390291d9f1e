// Package bound holds calls whose context is already bound to what they
// work on: a statement rebound to a transaction right before a
// context-taking call, calls on a transaction begun with the context in
// scope, a request given its context in the same expression.
package bound

import (
	"context"
	"database/sql"
)

type Store struct {
	sdb   *sql.DB
	ins   *sql.Stmt
	stmts map[string]*sql.Stmt
}

// The query takes ctx; StmtContext's would only bound a re-prepare on
// the transaction's connection.
func (s *Store) Insert(ctx context.Context, tx *sql.Tx, name string) error {
	_, err := tx.Stmt(s.ins).ExecContext(ctx, name)
	return err
}

func (s *Store) InsertLocal(ctx context.Context, tx *sql.Tx, name string) error {
	st := tx.Stmt(s.ins)
	defer st.Close()
	_, err := st.ExecContext(ctx, name)
	return err
}

// stmt rebinds a prepared statement to the transaction, if any: its
// callers run the statement, with a context or without.
func (s *Store) stmt(tx *sql.Tx, name string) *sql.Stmt {
	st := s.stmts[name]
	if tx != nil {
		return tx.Stmt(st)
	}
	return st
}

func (s *Store) Find(ctx context.Context, tx *sql.Tx) error {
	rows, err := s.stmt(tx, "find").QueryContext(ctx)
	if err != nil {
		return err
	}
	return rows.Close()
}

// The rebound statement runs without a context: both calls drop ctx.
func (s *Store) InsertNoCtx(ctx context.Context, tx *sql.Tx, name string) error {
	_, err := tx.Stmt(s.ins).Exec(name) // want `sql\.Tx\.Stmt ignores ctx` `sql\.Stmt\.Exec ignores ctx`
	return err
}

// A rebound statement that goes elsewhere is not known to get ctx.
func (s *Store) InsertVia(ctx context.Context, tx *sql.Tx, name string) error {
	st := tx.Stmt(s.ins) // want `sql\.Tx\.Stmt ignores ctx`
	return exec(ctx, st, name)
}

func exec(ctx context.Context, st *sql.Stmt, name string) error {
	_, err := st.ExecContext(ctx, name)
	return err
}

// A context-less helper that rebinds and runs the statement does its I/O
// without a context.
func (s *Store) runNamed(tx *sql.Tx, name string) error { // want runNamed:`noContextIO\(calls sql\.Stmt\.Exec instead of ExecContext\)` `bound\.Store\.runNamed does its I/O without a context`
	_, err := tx.Stmt(s.stmts[name]).Exec()
	return err
}

func (s *Store) Run(ctx context.Context, tx *sql.Tx) error {
	return s.runNamed(tx, "purge") // reported at the declaration
}

// A rebound statement run without a context by its local.
func (s *Store) InsertLocalNoCtx(ctx context.Context, tx *sql.Tx, name string) error {
	st := tx.Stmt(s.ins)    // want `sql\.Tx\.Stmt ignores ctx`
	_, err := st.Exec(name) // want `sql\.Stmt\.Exec ignores ctx`
	return err
}
