package pgxrepo

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Repo struct{ pool *pgxpool.Pool }

func (r *Repo) Credit(ctx context.Context, id int64, amount int) error { // want Credit:"writes"
	if _, err := r.pool.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, id); err != nil { // want `2 writes .*\*pgxpool.Pool.Exec here.*pgx.BeginFunc`
		return err
	}
	_, err := r.pool.Exec(ctx, "INSERT INTO ledger (account_id, amount) VALUES ($1, $2)", id, amount)
	return err
}

// A batch is one round trip but several statements: one write call.
func (r *Repo) BatchOnce(ctx context.Context, ids []int64) error { // want BatchOnce:"writes"
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("UPDATE jobs SET state = 'done' WHERE id = $1", id)
	}
	return r.pool.SendBatch(ctx, b).Close()
}

// INSERT ... RETURNING through QueryRow, then an Exec.
func (r *Repo) CreateWithID(ctx context.Context, name string) (int64, error) { // want CreateWithID:"writes"
	var id int64
	if err := r.pool.QueryRow(ctx, "INSERT INTO teams (name) VALUES ($1) RETURNING id", name).Scan(&id); err != nil { // want `2 writes`
		return 0, err
	}
	_, err := r.pool.Exec(ctx, "INSERT INTO team_members (team_id) VALUES ($1)", id)
	return id, err
}

// pgx.BeginFunc runs the callback in a transaction.
func (r *Repo) CreditTx(ctx context.Context, id int64, amount int) error { // want CreditTx:"atomic"
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, id); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "INSERT INTO ledger (account_id, amount) VALUES ($1, $2)", id, amount)
		return err
	})
}

// The usual pgx transaction: deferred rollback, checked commit.
func (r *Repo) CreditManual(ctx context.Context, id int64, amount int) error { // want CreditManual:"atomic"
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, id); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO ledger (account_id, amount) VALUES ($1, $2)", id, amount); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Rolled back explicitly on every failing path: fine.
func (r *Repo) Explicit(ctx context.Context, id int64) error { // want Explicit:"atomic"
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM sessions WHERE user_id = $1", id); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// The commit error is discarded.
func (r *Repo) Sloppy(ctx context.Context, id int64) { // want Sloppy:"atomic"
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return
	}
	defer tx.Rollback(ctx)
	_, _ = tx.Exec(ctx, "DELETE FROM sessions WHERE user_id = $1", id)
	tx.Commit(ctx) // want `the error of Commit is discarded: a failed commit silently loses every write`
}
